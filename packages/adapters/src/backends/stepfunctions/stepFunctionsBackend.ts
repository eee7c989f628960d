import {
  DescribeExecutionCommand,
  ListExecutionsCommand,
  StartExecutionCommand,
  StopExecutionCommand,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import {
  BackendRejectedError,
  type BackendPort,
  type PoolCapacityReportedData,
  type PoolProbe,
  type RunStatus,
  type StartRequest,
  RunNotFoundError,
} from '@sluice/domain';
import { isAwsError, toStartError } from '../aws/awsErrors';
import { STEP_FUNCTIONS_NAME, parseRunName, runNameFor } from '../runNames';
import { parseBackendInput } from '../specParsing';
import { executionRunStatus } from './executionStatus';
import { stepFunctionsPoolSchema, stepFunctionsSpecSchema } from './stepFunctionsSpec';

const BACKEND = 'stepfunctions';
const BUSY = ['ExecutionLimitExceeded', 'KmsThrottlingException'];

/** The ARN StartExecution gives an execution: the state machine's ARN with `execution` and the name. */
export function executionArnOf(stateMachineArn: string, name: string): string {
  return `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
}

/**
 * Runs a data-lake ingestion pipeline (a state machine) as one Sluice job. The execution name is
 * derived from (jobId, attempt), so Step Functions itself refuses a second execution of an attempt.
 */
export class StepFunctionsBackend implements BackendPort {
  readonly backend = BACKEND;

  constructor(private readonly options: { client: SFNClient }) {}

  async start(request: StartRequest): Promise<{ runId: string }> {
    const spec = parseBackendInput(BACKEND, 'spec', stepFunctionsSpecSchema, request.spec);
    const name = runNameFor(request.jobId, request.attempt, STEP_FUNCTIONS_NAME);
    const input = JSON.stringify({
      ...spec.input,
      sluice: { jobId: request.jobId, attempt: request.attempt },
    });
    try {
      const out = await this.options.client.send(
        new StartExecutionCommand({
          stateMachineArn: spec.stateMachineArn,
          name,
          input,
          ...(spec.traceHeader ? { traceHeader: spec.traceHeader } : {}),
        }),
      );
      return { runId: out.executionArn! };
    } catch (error) {
      if (isAwsError(error, 'ExecutionAlreadyExists'))
        return this.existingExecution(spec.stateMachineArn, name, input);
      throw toStartError(BACKEND, error, BUSY);
    }
  }

  /** Names are never reused, so an existing execution with our input is the one an earlier try started. */
  private async existingExecution(
    stateMachineArn: string,
    name: string,
    input: string,
  ): Promise<{ runId: string }> {
    const executionArn = executionArnOf(stateMachineArn, name);
    let existing;
    try {
      existing = await this.options.client.send(new DescribeExecutionCommand({ executionArn }));
    } catch (error) {
      throw toStartError(BACKEND, error);
    }
    if (sameJson(existing.input, input)) return { runId: executionArn };
    throw new BackendRejectedError(BACKEND, `execution ${name} already exists with a different input`);
  }

  async status(runId: string): Promise<RunStatus> {
    try {
      const out = await this.options.client.send(new DescribeExecutionCommand({ executionArn: runId }));
      return executionRunStatus(out);
    } catch (error) {
      if (isAwsError(error, 'ExecutionDoesNotExist')) throw new RunNotFoundError(BACKEND, runId);
      throw error;
    }
  }

  async cancel(runId: string): Promise<void> {
    try {
      await this.options.client.send(
        new StopExecutionCommand({
          executionArn: runId,
          error: 'Sluice.Cancelled',
          cause: 'cancelled through Sluice',
        }),
      );
    } catch (error) {
      // Nothing left to stop.
      if (isAwsError(error, 'ExecutionDoesNotExist')) return;
      throw error;
    }
  }

  async probeCapacity(probe: PoolProbe): Promise<PoolCapacityReportedData> {
    const config = parseBackendInput(BACKEND, 'pool config', stepFunctionsPoolSchema, probe.config);
    let running = 0;
    for (const arn of config.stateMachineArns) running += (await this.runningExecutions(arn)).length;
    return {
      poolId: probe.poolId,
      observed: { runs: running },
      ...(config.maxConcurrentExecutions ? { capacity: { runs: config.maxConcurrentExecutions } } : {}),
    };
  }

  async listRuns(probe: PoolProbe): Promise<{ runId: string; jobId?: string; status: RunStatus }[]> {
    const config = parseBackendInput(BACKEND, 'pool config', stepFunctionsPoolSchema, probe.config);
    const runs = [];
    for (const arn of config.stateMachineArns) {
      for (const execution of await this.runningExecutions(arn)) {
        const parsed = parseRunName(execution.name ?? '');
        if (!execution.name?.startsWith('sluice-')) continue;
        runs.push({
          runId: execution.executionArn!,
          ...(parsed ? { jobId: parsed.jobId } : {}),
          status: { state: 'running' } as const,
        });
      }
    }
    return runs;
  }

  private async runningExecutions(stateMachineArn: string) {
    const executions = [];
    let nextToken: string | undefined;
    do {
      const page = await this.options.client.send(
        new ListExecutionsCommand({
          stateMachineArn,
          statusFilter: 'RUNNING',
          maxResults: 1000,
          ...(nextToken ? { nextToken } : {}),
        }),
      );
      executions.push(...(page.executions ?? []));
      nextToken = page.nextToken;
    } while (nextToken);
    return executions;
  }
}

function sameJson(a: string | undefined, b: string): boolean {
  if (a === undefined) return false;
  try {
    return JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));
  } catch {
    return a === b;
  }
}
