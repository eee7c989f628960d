/**
 * Actions granted on `*`, each because AWS offers no resource-level permission for it (the
 * Service Authorization Reference lists no resource type). Nothing else may use `*`.
 */
export const WILDCARD_EXCEPTIONS: Readonly<Record<string, string>> = {
  'dynamodb:ListStreams': "Lambda's stream poller lists the table's streams; ListStreams takes no resource",
  'elasticmapreduce:ListClusters':
    'finding the live clusters of a cluster group; ListClusters takes no resource',
  'batch:ListJobs':
    'finding a job submitted before (idempotent start) and runs to reconcile; no resource type',
  'batch:DescribeJobs': 'run status; DescribeJobs takes no resource',
  'batch:DescribeJobQueues': 'capacity probe of a queue; describe calls take no resource',
  'batch:DescribeComputeEnvironments':
    'capacity probe of the compute environments behind a queue; no resource type',
  'ec2:DescribeSubnets': 'free IPs in the subnets of Glue connections; EC2 describe calls take no resource',
  // Step Functions delivers execution logs through CloudWatch Logs' vended-log APIs, which AWS documents on `*`.
  'logs:CreateLogDelivery': 'Step Functions log delivery (vended logs) is authorised on *',
  'logs:GetLogDelivery': 'Step Functions log delivery (vended logs) is authorised on *',
  'logs:UpdateLogDelivery': 'Step Functions log delivery (vended logs) is authorised on *',
  'logs:DeleteLogDelivery': 'Step Functions log delivery (vended logs) is authorised on *',
  'logs:ListLogDeliveries': 'Step Functions log delivery (vended logs) is authorised on *',
  'logs:PutResourcePolicy': 'Step Functions log delivery (vended logs) is authorised on *',
  'logs:DescribeResourcePolicies': 'Step Functions log delivery (vended logs) is authorised on *',
  'logs:DescribeLogGroups': 'Step Functions log delivery (vended logs) is authorised on *',
};
