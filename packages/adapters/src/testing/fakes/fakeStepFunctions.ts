import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  ListExecutionsCommand,
  SFNClient,
  StartExecutionCommand,
  StateMachineDoesNotExist,
  StopExecutionCommand,
  type DescribeExecutionCommandOutput,
} from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { TEST_AWS } from '../awsFaults';

const meta = { $metadata: { httpStatusCode: 400 } };
type Execution = Omit<DescribeExecutionCommandOutput, '$metadata'>;

/** Step Functions behind aws-sdk-client-mock: executions run, then succeed on the next advance. */
export class FakeStepFunctions {
  readonly client = new SFNClient(TEST_AWS);
  readonly mock = mockClient(this.client);
  readonly executions = new Map<string, Execution>();
  /** Advances each execution has run through; a pipeline takes two polls to finish. */
  private readonly ticks = new Map<string, number>();
  private refusal: Error | undefined;

  constructor(readonly stateMachines: string[]) {
    this.mock.on(StartExecutionCommand).callsFake((input) => {
      const refusal = this.refusal;
      this.refusal = undefined;
      if (refusal) throw refusal;
      if (!this.stateMachines.includes(input.stateMachineArn)) {
        throw new StateMachineDoesNotExist({
          message: `State Machine Does Not Exist: '${input.stateMachineArn}'`,
          ...meta,
        });
      }
      const executionArn = `${input.stateMachineArn.replace(':stateMachine:', ':execution:')}:${input.name}`;
      if (this.executions.has(executionArn)) {
        throw new ExecutionAlreadyExists({ message: `Execution Already Exists: '${executionArn}'`, ...meta });
      }
      this.executions.set(executionArn, {
        executionArn,
        stateMachineArn: input.stateMachineArn,
        name: input.name,
        status: 'RUNNING',
        startDate: new Date(),
        input: input.input,
      });
      return { executionArn, startDate: new Date() };
    });
    this.mock.on(DescribeExecutionCommand).callsFake((input) => {
      const execution = this.executions.get(input.executionArn);
      if (!execution)
        throw new ExecutionDoesNotExist({
          message: `Execution Does Not Exist: '${input.executionArn}'`,
          ...meta,
        });
      return execution;
    });
    this.mock.on(StopExecutionCommand).callsFake((input) => {
      const execution = this.executions.get(input.executionArn);
      if (!execution)
        throw new ExecutionDoesNotExist({
          message: `Execution Does Not Exist: '${input.executionArn}'`,
          ...meta,
        });
      if (execution.status === 'RUNNING')
        Object.assign(execution, {
          status: 'ABORTED',
          error: input.error,
          cause: input.cause,
          stopDate: new Date(),
        });
      return { stopDate: new Date() };
    });
    this.mock.on(ListExecutionsCommand).callsFake((input) => {
      const all = [...this.executions.values()].filter(
        (e) =>
          e.stateMachineArn === input.stateMachineArn &&
          (!input.statusFilter || e.status === input.statusFilter),
      );
      const from = Number(input.nextToken ?? 0);
      const size = input.maxResults || 100;
      return {
        executions: all.slice(from, from + size).map((e) => ({
          executionArn: e.executionArn,
          stateMachineArn: e.stateMachineArn,
          name: e.name,
          status: e.status,
          startDate: e.startDate,
        })),
        ...(from + size < all.length ? { nextToken: String(from + size) } : {}),
      };
    });
  }

  refuseNextStart(error: Error): void {
    this.refusal = error;
  }

  advance(): void {
    for (const e of this.executions.values()) {
      if (e.status !== 'RUNNING') continue;
      const ticks = (this.ticks.get(e.executionArn!) ?? 0) + 1;
      this.ticks.set(e.executionArn!, ticks);
      if (ticks >= 2) Object.assign(e, { status: 'SUCCEEDED', output: '{}', stopDate: new Date() });
    }
  }

  executionsOf(jobId: string): Execution[] {
    return [...this.executions.values()].filter(
      (e) => (JSON.parse(e.input ?? '{}') as { sluice?: { jobId?: string } }).sluice?.jobId === jobId,
    );
  }
}
