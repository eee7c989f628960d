import {
  AddJobFlowStepsCommand,
  CancelStepsCommand,
  DescribeClusterCommand,
  DescribeStepCommand,
  EMRClient,
  InvalidRequestException,
  ListClustersCommand,
  ListStepsCommand,
  type ClusterSummary,
  type StepConfig,
  type StepSummary,
} from '@aws-sdk/client-emr';
import { mockClient } from 'aws-sdk-client-mock';
import { TEST_AWS } from '../awsFaults';

const NEXT: Record<string, string> = {
  PENDING: 'RUNNING',
  RUNNING: 'COMPLETED',
  CANCEL_PENDING: 'CANCELLED',
};
const FINISHED = new Set(['COMPLETED', 'CANCELLED', 'FAILED', 'INTERRUPTED']);

/** EMR behind aws-sdk-client-mock: a few clusters, steps PENDING → RUNNING → COMPLETED, newest first. */
export class FakeEmr {
  readonly client = new EMRClient(TEST_AWS);
  readonly mock = mockClient(this.client);
  readonly steps = new Map<string, StepSummary[]>();
  private refusal: Error | undefined;
  private counter = 0;

  constructor(
    readonly clusters: ClusterSummary[],
    readonly masterDnsName = '127.0.0.1',
  ) {
    for (const c of clusters) this.steps.set(c.Id!, []);
    this.mock.on(ListClustersCommand).callsFake((input) => ({
      Clusters: this.clusters.filter(
        (c) => !input.ClusterStates || input.ClusterStates.includes(c.Status!.State!),
      ),
    }));
    this.mock.on(ListStepsCommand).callsFake((input) => ({ Steps: this.stepsOf(input.ClusterId!) }));
    this.mock.on(AddJobFlowStepsCommand).callsFake((input) => {
      const refusal = this.refusal;
      this.refusal = undefined;
      if (refusal) throw refusal;
      const steps = this.stepsOf(input.JobFlowId!);
      const ids = (input.Steps ?? []).map((step: StepConfig) => {
        const Id = `s-${(++this.counter).toString(36).toUpperCase().padStart(13, '0')}`;
        steps.unshift({
          Id,
          Name: step.Name,
          Config: { Jar: step.HadoopJarStep?.Jar, Args: step.HadoopJarStep?.Args },
          ActionOnFailure: step.ActionOnFailure,
          Status: { State: 'PENDING', Timeline: { CreationDateTime: new Date() } },
        });
        return Id;
      });
      return { StepIds: ids };
    });
    this.mock.on(DescribeStepCommand).callsFake((input) => {
      const step = this.stepsOf(input.ClusterId!).find((s) => s.Id === input.StepId);
      if (!step)
        throw new InvalidRequestException({
          message: `Step id '${input.StepId}' is not valid.`,
          $metadata: { httpStatusCode: 400 },
        });
      return { Step: step };
    });
    this.mock.on(CancelStepsCommand).callsFake((input) => ({
      CancelStepsInfoList: (input.StepIds ?? []).map((id: string) => {
        const step = this.stepsOf(input.ClusterId!).find((s) => s.Id === id);
        if (!step || FINISHED.has(step.Status!.State!))
          return { StepId: id, Status: 'FAILED', Reason: 'Step is already in a terminal state.' };
        step.Status!.State = step.Status!.State === 'PENDING' ? 'CANCELLED' : 'CANCEL_PENDING';
        return { StepId: id, Status: 'SUBMITTED', Reason: '' };
      }),
    }));
    this.mock.on(DescribeClusterCommand).callsFake((input) => ({
      Cluster: {
        ...this.clusters.find((c) => c.Id === input.ClusterId),
        MasterPublicDnsName: this.masterDnsName,
      },
    }));
  }

  private stepsOf(clusterId: string): StepSummary[] {
    const steps = this.steps.get(clusterId);
    if (!steps)
      throw new InvalidRequestException({
        message: `Cluster id '${clusterId}' is not valid.`,
        $metadata: { httpStatusCode: 400 },
      });
    return steps;
  }

  refuseNextStart(error: Error): void {
    this.refusal = error;
  }

  advance(): void {
    for (const steps of this.steps.values()) {
      for (const step of steps) {
        const next = NEXT[step.Status!.State!];
        if (!next) continue;
        step.Status!.State = next as never;
        if (FINISHED.has(next)) step.Status!.Timeline = { ...step.Status!.Timeline, EndDateTime: new Date() };
      }
    }
  }

  allSteps(): StepSummary[] {
    return [...this.steps.values()].flat();
  }
}
