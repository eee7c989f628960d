import {
  BatchStopJobRunCommand,
  GetJobRunCommand,
  GetJobRunsCommand,
  StartJobRunCommand,
  type JobRun,
} from '@aws-sdk/client-glue';
import {
  type BackendPort,
  type PoolCapacityReportedData,
  type PoolProbe,
  type RunStatus,
  type StartRequest,
  RunNotFoundError,
} from '@sluice/domain';
import { isAwsError, toStartError } from '../aws/awsErrors';
import { parseBackendInput } from '../specParsing';
import { probeGluePool, type GlueProbeClients } from './glueCapacityProbe';
import { glueJobRunStatus } from './glueJobRunStatus';
import { glueJobSpecSchema, type GlueJobSpec } from './glueSpec';

const BACKEND = 'glue';
const BUSY = [
  'ConcurrentRunsExceededException',
  'ThrottlingException',
  'ResourceNumberLimitExceededException',
  'OperationTimeoutException',
  'InternalServiceException',
];
export const SLUICE_JOB_ID_ARGUMENT = '--sluice-job-id';
export const SLUICE_ATTEMPT_ARGUMENT = '--sluice-attempt';

export interface GlueJobBackendOptions extends GlueProbeClients {
  /** Pages of GetJobRuns (200 runs each) searched for an earlier start of the same attempt. */
  lookupPages?: number;
  /** Used when a spec does not say; Sluice keeps its own quotas, so queuing only absorbs outside runs. */
  jobRunQueuingEnabled?: boolean;
}

/** `<job name>/<run id>`: GetJobRun needs both. Run ids (`jr_…`) never contain a slash. */
export const glueRunId = (jobName: string, runId: string) => `${jobName}/${runId}`;

function splitRunId(runId: string): { jobName: string; id: string } {
  const at = runId.lastIndexOf('/');
  return { jobName: runId.slice(0, at), id: runId.slice(at + 1) };
}

/**
 * Glue job runs. StartJobRun takes no client token, so every run carries its (jobId, attempt) as
 * job arguments; before starting, recent runs of the job are searched for one that already has
 * them, so a start retried after a timeout adopts that run instead of launching a second one.
 */
export class GlueJobBackend implements BackendPort {
  readonly backend = BACKEND;

  constructor(private readonly options: GlueJobBackendOptions) {}

  async start(request: StartRequest): Promise<{ runId: string }> {
    const spec = parseBackendInput(BACKEND, 'spec', glueJobSpecSchema, request.spec);
    try {
      const existing = await this.findRun(spec.jobName, request.jobId, request.attempt);
      if (existing) return { runId: glueRunId(spec.jobName, existing) };
      const out = await this.options.glue.send(new StartJobRunCommand(this.startInput(spec, request)));
      return { runId: glueRunId(spec.jobName, out.JobRunId!) };
    } catch (error) {
      throw toStartError(BACKEND, error, BUSY);
    }
  }

  private startInput(spec: GlueJobSpec, request: StartRequest) {
    const queuing = spec.jobRunQueuingEnabled ?? this.options.jobRunQueuingEnabled;
    return {
      JobName: spec.jobName,
      Arguments: {
        ...spec.arguments,
        [SLUICE_JOB_ID_ARGUMENT]: request.jobId,
        [SLUICE_ATTEMPT_ARGUMENT]: String(request.attempt),
      },
      ...(spec.workerType ? { WorkerType: spec.workerType, NumberOfWorkers: spec.numberOfWorkers } : {}),
      ...(spec.maxCapacity !== undefined ? { MaxCapacity: spec.maxCapacity } : {}),
      ...(spec.timeoutMinutes ? { Timeout: spec.timeoutMinutes } : {}),
      ...(spec.executionClass ? { ExecutionClass: spec.executionClass } : {}),
      ...(spec.securityConfiguration ? { SecurityConfiguration: spec.securityConfiguration } : {}),
      ...(queuing !== undefined ? { JobRunQueuingEnabled: queuing } : {}),
    };
  }

  private async findRun(jobName: string, jobId: string, attempt: number): Promise<string | undefined> {
    let nextToken: string | undefined;
    for (let page = 0; page < (this.options.lookupPages ?? 3); page++) {
      const out = await this.options.glue.send(
        new GetJobRunsCommand({
          JobName: jobName,
          MaxResults: 200,
          ...(nextToken ? { NextToken: nextToken } : {}),
        }),
      );
      const match = (out.JobRuns ?? []).find((run) => isRunOf(run, jobId, attempt));
      if (match) return match.Id;
      nextToken = out.NextToken;
      if (!nextToken) return undefined;
    }
    return undefined;
  }

  async status(runId: string): Promise<RunStatus> {
    const { jobName, id } = splitRunId(runId);
    try {
      const out = await this.options.glue.send(new GetJobRunCommand({ JobName: jobName, RunId: id }));
      if (!out.JobRun) throw new RunNotFoundError(BACKEND, runId);
      return glueJobRunStatus(out.JobRun);
    } catch (error) {
      if (isAwsError(error, 'EntityNotFoundException')) throw new RunNotFoundError(BACKEND, runId);
      throw error;
    }
  }

  async cancel(runId: string): Promise<void> {
    const { jobName, id } = splitRunId(runId);
    const out = await this.options.glue.send(
      new BatchStopJobRunCommand({ JobName: jobName, JobRunIds: [id] }),
    );
    const refusal = out.Errors?.find((e) => e.JobRunId === id);
    if (!refusal) return;
    // Glue refuses to stop a run that has already ended; that is the outcome a cancel wants anyway.
    const status = await this.status(runId).catch(() => undefined);
    if (status && ['succeeded', 'failed', 'cancelled'].includes(status.state)) return;
    throw new Error(
      `glue refused to stop ${runId}: ${refusal.ErrorDetail?.ErrorCode ?? ''} ${refusal.ErrorDetail?.ErrorMessage ?? ''}`.trim(),
    );
  }

  probeCapacity(probe: PoolProbe): Promise<PoolCapacityReportedData> {
    return probeGluePool(this.options, probe);
  }
}

export function isRunOf(run: JobRun, jobId: string, attempt: number): boolean {
  return (
    run.Arguments?.[SLUICE_JOB_ID_ARGUMENT] === jobId &&
    run.Arguments?.[SLUICE_ATTEMPT_ARGUMENT] === String(attempt)
  );
}
