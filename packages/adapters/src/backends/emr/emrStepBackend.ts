import {
  AddJobFlowStepsCommand,
  CancelStepsCommand,
  DescribeClusterCommand,
  DescribeStepCommand,
  ListClustersCommand,
  ListStepsCommand,
  type ClusterSummary,
  type EMRClient,
  type StepSummary,
} from '@aws-sdk/client-emr';
import {
  BackendBusyError,
  type BackendPort,
  type PoolCapacityReportedData,
  type PoolProbe,
  type ResourceVector,
  type RunStatus,
  type StartRequest,
  RunNotFoundError,
} from '@sluice/domain';
import { isAwsError, toStartError } from '../aws/awsErrors';
import { EMR_STEP_NAME, parseRunName, runNameFor } from '../runNames';
import { parseBackendInput } from '../specParsing';
import { PlacedSteps, leastLoaded, type ClusterCandidate } from './clusterLoad';
import {
  ACTIVE_STEP_STATES,
  ALIVE_CLUSTER_STATES,
  emrPoolSchema,
  emrStepSpecSchema,
  isClusterOfGroup,
} from './emrSpec';
import { emrStepRunStatus } from './emrStepStatus';
import { fetchYarnMetrics } from './yarnMetrics';

const BACKEND = 'emr';
const BUSY = ['ThrottlingException'];

export interface EmrStepBackendOptions {
  client: EMRClient;
  now?: () => number;
}

interface GroupCluster {
  summary: ClusterSummary;
  steps: StepSummary[];
}

/** `<cluster id>/<step id>`: DescribeStep needs both. */
function splitRunId(runId: string): { clusterId: string; stepId: string } {
  const [clusterId = '', stepId = ''] = runId.split('/');
  return { clusterId, stepId };
}

/**
 * EMR steps (spark-submit through command-runner.jar) placed on the least-loaded cluster of a
 * cluster group. AddJobFlowSteps has no client token: the step is named from (jobId, attempt)
 * and a start first looks for a step of that name on the group's clusters.
 */
export class EmrStepBackend implements BackendPort {
  readonly backend = BACKEND;
  private readonly placed = new PlacedSteps();

  constructor(private readonly options: EmrStepBackendOptions) {}

  private nowMs(): number {
    return this.options.now?.() ?? Date.now();
  }

  async start(request: StartRequest): Promise<{ runId: string }> {
    const spec = parseBackendInput(BACKEND, 'spec', emrStepSpecSchema, request.spec);
    const group = spec.clusterGroup ?? request.poolId;
    const name = runNameFor(request.jobId, request.attempt, EMR_STEP_NAME);
    try {
      const clusters = await this.groupClusters(group);
      for (const cluster of clusters) {
        const step = cluster.steps.find((s) => s.Name === name);
        if (step?.Id) return { runId: `${cluster.summary.Id}/${step.Id}` };
      }
      const clusterId = leastLoaded(clusters.map(toCandidate), this.placed, this.nowMs());
      if (!clusterId)
        throw new BackendBusyError(BACKEND, `cluster group ${group} has no running cluster yet`);
      const out = await this.options.client.send(
        new AddJobFlowStepsCommand({
          JobFlowId: clusterId,
          Steps: [
            {
              Name: name,
              ActionOnFailure: spec.actionOnFailure,
              HadoopJarStep: { Jar: 'command-runner.jar', Args: ['spark-submit', ...spec.sparkSubmitArgs] },
            },
          ],
        }),
      );
      const stepId = out.StepIds![0]!;
      this.placed.record(clusterId, stepId, this.nowMs());
      return { runId: `${clusterId}/${stepId}` };
    } catch (error) {
      if (
        isAwsError(error, 'InvalidRequestException') &&
        /maximum number of active steps/i.test((error as Error).message)
      ) {
        throw new BackendBusyError(BACKEND, (error as Error).message);
      }
      throw toStartError(BACKEND, error, BUSY);
    }
  }

  /** The group's live clusters, each with its newest steps (one page, newest first). */
  private async groupClusters(group: string): Promise<GroupCluster[]> {
    const summaries: ClusterSummary[] = [];
    let marker: string | undefined;
    do {
      const page = await this.options.client.send(
        new ListClustersCommand({
          ClusterStates: [...ALIVE_CLUSTER_STATES],
          ...(marker ? { Marker: marker } : {}),
        }),
      );
      summaries.push(...(page.Clusters ?? []).filter((c) => isClusterOfGroup(c.Name, group)));
      marker = page.Marker;
    } while (marker);
    const clusters: GroupCluster[] = [];
    for (const summary of summaries) {
      const steps = await this.options.client.send(new ListStepsCommand({ ClusterId: summary.Id! }));
      clusters.push({ summary, steps: steps.Steps ?? [] });
    }
    return clusters;
  }

  async status(runId: string): Promise<RunStatus> {
    const { clusterId, stepId } = splitRunId(runId);
    try {
      const out = await this.options.client.send(
        new DescribeStepCommand({ ClusterId: clusterId, StepId: stepId }),
      );
      if (!out.Step?.Status) throw new RunNotFoundError(BACKEND, runId);
      return emrStepRunStatus(out.Step.Status);
    } catch (error) {
      // The ids are ones we were given by EMR: a refusal to describe them means they are gone.
      if (isAwsError(error, 'InvalidRequestException'))
        throw new RunNotFoundError(BACKEND, runId, (error as Error).message);
      throw error;
    }
  }

  async cancel(runId: string): Promise<void> {
    const { clusterId, stepId } = splitRunId(runId);
    const out = await this.options.client.send(
      new CancelStepsCommand({
        ClusterId: clusterId,
        StepIds: [stepId],
        StepCancellationOption: 'SEND_INTERRUPT',
      }),
    );
    const info = out.CancelStepsInfoList?.find((i) => i.StepId === stepId);
    if (info?.Status !== 'FAILED') return;
    // EMR refuses to cancel a step that has already ended; that is what a cancel wants anyway.
    const status = await this.status(runId);
    if (status.state === 'queued' || status.state === 'starting' || status.state === 'running') {
      throw new Error(`emr refused to cancel ${runId}: ${info.Reason ?? 'no reason given'}`);
    }
  }

  async probeCapacity(probe: PoolProbe): Promise<PoolCapacityReportedData> {
    const config = parseBackendInput(BACKEND, 'pool config', emrPoolSchema, probe.config);
    const clusters = await this.groupClusters(config.clusterGroup ?? probe.poolId);
    const observed: ResourceVector = {
      runs: clusters.reduce(
        (sum, c) => sum + c.steps.filter((s) => ACTIVE_STEP_STATES.has(s.Status?.State ?? '')).length,
        0,
      ),
    };
    if (!config.yarn) return { poolId: probe.poolId, observed };
    const capacity: ResourceVector = { vcpu: 0, memoryMiB: 0 };
    observed.vcpu = 0;
    observed.memoryMiB = 0;
    for (const cluster of clusters) {
      const host = config.yarn.host ?? (await this.masterDnsName(cluster.summary.Id!));
      if (!host) continue;
      const metrics = await fetchYarnMetrics(`${config.yarn.scheme}://${host}:${config.yarn.port}`);
      observed.vcpu += metrics.allocatedVirtualCores;
      observed.memoryMiB += metrics.allocatedMB;
      capacity.vcpu! += metrics.totalVirtualCores;
      capacity.memoryMiB! += metrics.totalMB;
    }
    return { poolId: probe.poolId, observed, capacity };
  }

  async listRuns(probe: PoolProbe): Promise<{ runId: string; jobId?: string; status: RunStatus }[]> {
    const config = parseBackendInput(BACKEND, 'pool config', emrPoolSchema, probe.config);
    const clusters = await this.groupClusters(config.clusterGroup ?? probe.poolId);
    return clusters.flatMap((cluster) =>
      cluster.steps
        .filter((s) => s.Name?.startsWith('sluice-'))
        .map((s) => {
          const parsed = parseRunName(s.Name ?? '');
          return {
            runId: `${cluster.summary.Id}/${s.Id}`,
            ...(parsed ? { jobId: parsed.jobId } : {}),
            status: emrStepRunStatus(s.Status ?? {}),
          };
        }),
    );
  }

  private async masterDnsName(clusterId: string): Promise<string | undefined> {
    const out = await this.options.client.send(new DescribeClusterCommand({ ClusterId: clusterId }));
    return out.Cluster?.MasterPublicDnsName;
  }
}

function toCandidate(cluster: GroupCluster): ClusterCandidate {
  return {
    clusterId: cluster.summary.Id!,
    ready: cluster.summary.Status?.State === 'RUNNING' || cluster.summary.Status?.State === 'WAITING',
    activeSteps: cluster.steps.filter((s) => ACTIVE_STEP_STATES.has(s.Status?.State ?? '')).length,
    listedStepIds: new Set(cluster.steps.map((s) => s.Id!).filter(Boolean)),
  };
}
