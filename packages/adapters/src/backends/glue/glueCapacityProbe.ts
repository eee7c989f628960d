import { DescribeSubnetsCommand, type EC2Client } from '@aws-sdk/client-ec2';
import { GetConnectionCommand, GetJobRunsCommand, type GlueClient, type JobRun } from '@aws-sdk/client-glue';
import { GetServiceQuotaCommand, type ServiceQuotasClient } from '@aws-sdk/client-service-quotas';
import type { PoolCapacityReportedData, PoolProbe, ResourceVector } from '@sluice/domain';
import { parseBackendInput } from '../specParsing';
import { dpuOf, workersOf } from './glueDpu';
import { ACTIVE_GLUE_STATES } from './glueJobRunStatus';
import { gluePoolSchema, type GluePoolConfig } from './glueSpec';

export interface GlueProbeClients {
  glue: GlueClient;
  /** Needed only for pools that name Service Quotas codes. */
  serviceQuotas?: ServiceQuotasClient;
  /** Needed only for pools that name a connection or subnets. */
  ec2?: EC2Client;
  now?: () => Date;
}

/**
 * What a Glue pool has in use and what it may use: running runs and their DPUs and worker IPs,
 * the account's Service Quotas, and the subnet's free IP addresses. Every run of the managed jobs
 * counts, including those Sluice did not start, because they hold the same account limits.
 */
export async function probeGluePool(
  clients: GlueProbeClients,
  probe: PoolProbe,
): Promise<PoolCapacityReportedData> {
  const config = parseBackendInput('glue', 'pool config', gluePoolSchema, probe.config);
  const since = (clients.now?.() ?? new Date()).getTime() - config.activeLookbackHours * 3_600_000;
  const active: JobRun[] = [];
  for (const jobName of config.jobNames) active.push(...(await activeRuns(clients.glue, jobName, since)));

  const observed: ResourceVector = {
    runs: active.length,
    dpu: active.reduce((sum, run) => sum + (dpuOf(run) ?? 0), 0),
  };
  const capacity: ResourceVector = { ...(await quotaCapacity(clients, config)) };
  const subnets = await subnetIdsOf(clients.glue, config);
  if (subnets.length > 0) {
    if (!clients.ec2) throw new Error(`pool ${probe.poolId} names subnets but no EC2 client was given`);
    const usedIps = active.reduce((sum, run) => sum + workersOf(run) * config.ipsPerWorker, 0);
    const out = await clients.ec2.send(new DescribeSubnetsCommand({ SubnetIds: subnets }));
    const free = (out.Subnets ?? []).reduce((sum, s) => sum + (s.AvailableIpAddressCount ?? 0), 0);
    observed.ips = usedIps;
    // The subnet is shared: Glue may use what is free now plus what its own runs hold.
    capacity.ips = free + usedIps;
  }
  return { poolId: probe.poolId, observed, ...(Object.keys(capacity).length > 0 ? { capacity } : {}) };
}

async function activeRuns(glue: GlueClient, jobName: string, sinceMs: number): Promise<JobRun[]> {
  const runs: JobRun[] = [];
  let nextToken: string | undefined;
  do {
    const page = await glue.send(
      new GetJobRunsCommand({
        JobName: jobName,
        MaxResults: 200,
        ...(nextToken ? { NextToken: nextToken } : {}),
      }),
    );
    const jobRuns = page.JobRuns ?? [];
    runs.push(...jobRuns.filter((r) => ACTIVE_GLUE_STATES.has(r.JobRunState ?? '')));
    // Runs come newest first: once a whole page started before the lookback, older pages cannot hold active runs.
    const allOld = jobRuns.length > 0 && jobRuns.every((r) => r.StartedOn && r.StartedOn.getTime() < sinceMs);
    nextToken = allOld ? undefined : page.NextToken;
  } while (nextToken);
  return runs;
}

async function quotaCapacity(clients: GlueProbeClients, config: GluePoolConfig): Promise<ResourceVector> {
  const capacity: ResourceVector = {};
  for (const dimension of ['runs', 'dpu'] as const) {
    const code = config.serviceQuotas[dimension];
    if (!code) continue;
    if (!clients.serviceQuotas)
      throw new Error('the pool names Service Quotas codes but no Service Quotas client was given');
    const out = await clients.serviceQuotas.send(
      new GetServiceQuotaCommand({ ServiceCode: 'glue', QuotaCode: code }),
    );
    if (out.Quota?.Value !== undefined) capacity[dimension] = out.Quota.Value;
  }
  return capacity;
}

async function subnetIdsOf(glue: GlueClient, config: GluePoolConfig): Promise<string[]> {
  if (!config.connectionName) return config.subnetIds;
  const out = await glue.send(new GetConnectionCommand({ Name: config.connectionName, HidePassword: true }));
  const subnet = out.Connection?.PhysicalConnectionRequirements?.SubnetId;
  return [...new Set([...config.subnetIds, ...(subnet ? [subnet] : [])])];
}
