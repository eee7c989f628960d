import {
  DescribeComputeEnvironmentsCommand,
  DescribeJobQueuesCommand,
  DescribeJobsCommand,
  ListJobsCommand,
  SubmitJobCommand,
  TerminateJobCommand,
  type BatchClient,
  type JobDetail,
  type SubmitJobCommandInput,
} from '@aws-sdk/client-batch';
import type {
  BackendPort,
  PoolCapacityReportedData,
  PoolProbe,
  RunStatus,
  StartRequest,
} from '@sluice/domain';
import { toStartError } from '../aws/awsErrors';
import { RunNotFoundError } from '@sluice/domain';
import { BATCH_NAME, parseRunName, runNameFor } from '../runNames';
import { parseBackendInput } from '../specParsing';
import { SLUICE_CANCEL_REASON, batchJobRunStatus } from './batchJobStatus';
import { batchPoolSchema, batchSpecSchema, type BatchSpec } from './batchSpec';
import { resourcesOfJob } from './batchResources';

const BACKEND = 'batch';
const DESCRIBE_LIMIT = 100;

/**
 * AWS Batch jobs. SubmitJob has no client token, so a job is named from (jobId, attempt) and a
 * start first looks for a job of that name in the queue (ListJobs filtered by JOB_NAME returns
 * jobs in every status), so a start retried after a timeout adopts the job it submitted before.
 */
export class BatchBackend implements BackendPort {
  readonly backend = BACKEND;

  constructor(private readonly options: { client: BatchClient }) {}

  async start(request: StartRequest): Promise<{ runId: string }> {
    const spec = parseBackendInput(BACKEND, 'spec', batchSpecSchema, request.spec);
    const jobName = runNameFor(request.jobId, request.attempt, BATCH_NAME);
    try {
      const existing = await this.options.client.send(
        new ListJobsCommand({ jobQueue: spec.jobQueue, filters: [{ name: 'JOB_NAME', values: [jobName] }] }),
      );
      const found = existing.jobSummaryList?.find((j) => j.jobName === jobName);
      if (found?.jobId) return { runId: found.jobId };
      const out = await this.options.client.send(new SubmitJobCommand(submitInput(spec, jobName, request)));
      return { runId: out.jobId! };
    } catch (error) {
      throw toStartError(BACKEND, error);
    }
  }

  async status(runId: string): Promise<RunStatus> {
    const out = await this.options.client.send(new DescribeJobsCommand({ jobs: [runId] }));
    const job = out.jobs?.find((j) => j.jobId === runId);
    if (!job) throw new RunNotFoundError(BACKEND, runId);
    return batchJobRunStatus(job);
  }

  async cancel(runId: string): Promise<void> {
    // TerminateJob also cancels jobs that have not started yet (SUBMITTED, PENDING, RUNNABLE).
    await this.options.client.send(new TerminateJobCommand({ jobId: runId, reason: SLUICE_CANCEL_REASON }));
  }

  async probeCapacity(probe: PoolProbe): Promise<PoolCapacityReportedData> {
    const config = parseBackendInput(BACKEND, 'pool config', batchPoolSchema, probe.config);
    const environments = config.computeEnvironments ?? (await this.environmentsOf(config.jobQueue));
    const ces = await this.options.client.send(
      new DescribeComputeEnvironmentsCommand({ computeEnvironments: environments }),
    );
    const maxVcpus = (ces.computeEnvironments ?? [])
      .filter((ce) => ce.state !== 'DISABLED')
      .reduce((sum, ce) => sum + (ce.computeResources?.maxvCpus ?? 0), 0);
    const active = await this.activeJobs(config.jobQueue);
    const observed = active.reduce(
      (sum, job) => {
        const r = resourcesOfJob(job);
        return {
          runs: sum.runs + 1,
          vcpu: sum.vcpu + r.vcpu,
          memoryMiB: sum.memoryMiB + r.memoryMiB,
          gpu: sum.gpu + r.gpu,
        };
      },
      { runs: 0, vcpu: 0, memoryMiB: 0, gpu: 0 },
    );
    return { poolId: probe.poolId, observed, capacity: { vcpu: maxVcpus } };
  }

  async listRuns(probe: PoolProbe): Promise<{ runId: string; jobId?: string; status: RunStatus }[]> {
    const config = parseBackendInput(BACKEND, 'pool config', batchPoolSchema, probe.config);
    return (await this.activeJobs(config.jobQueue))
      .filter((job) => job.jobName?.startsWith('sluice-'))
      .map((job) => {
        const parsed = parseRunName(job.jobName ?? '');
        return {
          runId: job.jobId!,
          ...(parsed ? { jobId: parsed.jobId } : {}),
          status: batchJobRunStatus(job),
        };
      });
  }

  private async environmentsOf(jobQueue: string): Promise<string[]> {
    const out = await this.options.client.send(new DescribeJobQueuesCommand({ jobQueues: [jobQueue] }));
    return (out.jobQueues?.[0]?.computeEnvironmentOrder ?? [])
      .map((o) => o.computeEnvironment!)
      .filter(Boolean);
  }

  /** Jobs holding compute now (STARTING and RUNNING), with their resource requirements. */
  private async activeJobs(jobQueue: string): Promise<JobDetail[]> {
    const ids: string[] = [];
    for (const jobStatus of ['STARTING', 'RUNNING'] as const) {
      let nextToken: string | undefined;
      do {
        const page = await this.options.client.send(
          new ListJobsCommand({ jobQueue, jobStatus, maxResults: 1000, ...(nextToken ? { nextToken } : {}) }),
        );
        ids.push(...(page.jobSummaryList ?? []).map((j) => j.jobId!).filter(Boolean));
        nextToken = page.nextToken;
      } while (nextToken);
    }
    const jobs: JobDetail[] = [];
    for (let i = 0; i < ids.length; i += DESCRIBE_LIMIT) {
      const out = await this.options.client.send(
        new DescribeJobsCommand({ jobs: ids.slice(i, i + DESCRIBE_LIMIT) }),
      );
      jobs.push(...(out.jobs ?? []));
    }
    return jobs;
  }
}

function submitInput(spec: BatchSpec, jobName: string, request: StartRequest): SubmitJobCommandInput {
  return {
    jobName,
    jobQueue: spec.jobQueue,
    jobDefinition: spec.jobDefinition,
    ...(spec.arraySize ? { arrayProperties: { size: spec.arraySize } } : {}),
    ...(spec.dependsOn.length > 0 ? { dependsOn: spec.dependsOn } : {}),
    ...(spec.shareIdentifier ? { shareIdentifier: spec.shareIdentifier } : {}),
    ...(spec.schedulingPriorityOverride !== undefined
      ? { schedulingPriorityOverride: spec.schedulingPriorityOverride }
      : {}),
    ...(spec.parameters ? { parameters: spec.parameters } : {}),
    ...(spec.containerOverrides ? { containerOverrides: spec.containerOverrides } : {}),
    ...(spec.timeoutSeconds ? { timeout: { attemptDurationSeconds: spec.timeoutSeconds } } : {}),
    ...(spec.retryAttempts ? { retryStrategy: { attempts: spec.retryAttempts } } : {}),
    tags: { 'sluice:job-id': request.jobId, 'sluice:attempt': String(request.attempt) },
    propagateTags: true,
  };
}
