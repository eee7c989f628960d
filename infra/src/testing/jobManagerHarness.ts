import { SqliteEventStore } from '@sluice/adapters';
import { allViews, jobStreamId, poolStreamId, sequentialEventIds, type StoredEvent } from '@sluice/domain';
import {
  MemoryTaskTokenStore,
  ProjectionRunner,
  SchedulerReactor,
  answerWaitingExecutions,
  getJobStatus,
  handlePoolCommand,
  reportResult,
  requestAdmission,
  sluicePolicy,
  startJob,
  submitJob,
  timeOutRun,
  type CommandContext,
  type JobManagerDeps,
} from '@sluice/scheduler';
import { StateMachine, type RunOptions } from 'aws-local-stepfunctions';
import { reportCaughtFailure, type CaughtFailurePayload } from '../functions/reportFailure';
import {
  jobManagerDefinition,
  STATES,
  type JobManagerTimings,
} from '../jobManager/jobManagerDefinition';
import { LocalTaskTokens, statesError } from './localTaskTokens';
import type { ScriptedBackend } from './scriptedBackend';

export const POOL_ID = 'glue-dev';

const lambdaArn = (name: string) => `arn:aws:lambda:eu-west-1:123456789012:function:sluice-test-${name}`;
const ARNS = {
  requestAdmission: lambdaArn('request-admission'),
  startJob: lambdaArn('start-job'),
  getJobStatus: lambdaArn('get-job-status'),
  reportResult: lambdaArn('report-result'),
  reportFailure: lambdaArn('report-failure'),
  timeOutRun: lambdaArn('time-out-run'),
};

type LocalHandlers = NonNullable<NonNullable<RunOptions['overrides']>['taskResourceLocalHandlers']>;
type Json = Parameters<LocalHandlers[string]>[0];

/** What the execution's event log holds, as far as these tests read it. */
export interface ExecutionEvent {
  type: string;
  state?: { name: string };
  retry?: { retrier: { ErrorEquals: string[] } };
}

export interface HarnessOptions {
  backend: ScriptedBackend;
  timings?: Partial<JobManagerTimings>;
  /** Local stand-in for HeartbeatSeconds, which aws-local-stepfunctions does not enforce itself. */
  heartbeatMs?: number;
  /** Lambda throttles to inject before a task's function runs, by state name. */
  throttles?: Partial<Record<string, number>>;
  /** The time (ms) the tasks judge run time-outs at; the real clock when not given. */
  clockMs?: () => number;
}

/**
 * Runs the generated job-manager ASL on aws-local-stepfunctions with the real job-manager tasks
 * behind each Task state, over an in-memory SQLite event store. Each local handler plays one
 * Lambda function behind Step Functions' Lambda integration: it returns `{ Payload }`, and a
 * thrown error reaches the state machine named by its type, as Lambda's errorType does.
 */
export async function jobManagerHarness(options: HarnessOptions) {
  const store = new SqliteEventStore({ filename: ':memory:' });
  const newEventId = sequentialEventIds(Date.UTC(2026, 0, 1));
  const context = (actor: string): CommandContext => ({ now: new Date().toISOString(), actor, newEventId });
  const tokens = new LocalTaskTokens(options.heartbeatMs);
  const deps: JobManagerDeps = {
    store,
    backends: { glue: options.backend },
    context,
    tokens: new MemoryTaskTokenStore(),
    notifier: tokens,
    ...(options.clockMs ? { clockMs: options.clockMs } : {}),
  };
  const timings: JobManagerTimings = {
    admissionTimeoutSeconds: 20,
    heartbeatSeconds: 600,
    pollSeconds: 30,
    taskTimeoutSeconds: 10,
    ...options.timings,
  };
  const definition = jobManagerDefinition(ARNS, timings);
  const machine = new StateMachine(definition as ConstructorParameters<typeof StateMachine>[0]);
  const throttles = { ...options.throttles };
  const invocations: string[] = [];

  const lambda = (state: string, task: (payload: never) => Promise<unknown>) => async (input: Json) => {
    invocations.push(state);
    if ((throttles[state] ?? 0) > 0) {
      throttles[state]! -= 1;
      throw statesError('Lambda.TooManyRequestsException', 'Rate Exceeded.');
    }
    const { Payload } = input as { Payload: never };
    try {
      return { StatusCode: 200, Payload: (await task(Payload)) as Json } as Json;
    } catch (error) {
      const { name, message } = error as Error;
      throw statesError(name, JSON.stringify({ errorType: name, errorMessage: message }));
    }
  };

  const parked = new Map<string, () => void>();
  const handlers: LocalHandlers = {
    [STATES.requestAdmission]: async (input: Json) => {
      const { Payload } = input as { Payload: { jobId: string; taskToken: string } };
      const answer = tokens.wait(Payload.taskToken);
      try {
        await lambda(STATES.requestAdmission, (payload: { jobId: string; taskToken: string }) =>
          requestAdmission(deps, payload),
        )(input);
      } catch (error) {
        // The invocation failed, so the task fails without waiting; a retry waits afresh.
        tokens.close(Payload.taskToken);
        throw error;
      }
      parked.get(Payload.jobId)?.();
      try {
        return (await answer) as Json;
      } finally {
        tokens.close(Payload.taskToken);
      }
    },
    [STATES.startJob]: lambda(STATES.startJob, (payload: { jobId: string }) => startJob(deps, payload)),
    [STATES.getJobStatus]: lambda(STATES.getJobStatus, (payload: { jobId: string; runId: string }) =>
      getJobStatus(deps, payload),
    ),
    [STATES.reportResult]: lambda(STATES.reportResult, (payload: Parameters<typeof reportResult>[1]) =>
      reportResult(deps, payload),
    ),
    [STATES.timeOutRun]: lambda(STATES.timeOutRun, (payload: Parameters<typeof timeOutRun>[1]) =>
      timeOutRun(deps, payload),
    ),
    [STATES.reportFailure]: lambda(STATES.reportFailure, (payload: CaughtFailurePayload) =>
      reportCaughtFailure(deps, payload),
    ),
    [STATES.reportAdmissionTimeout]: lambda(STATES.reportAdmissionTimeout, (payload: CaughtFailurePayload) =>
      reportCaughtFailure(deps, payload),
    ),
  };

  const views = await ProjectionRunner.start(store, allViews());
  const reactor = new SchedulerReactor({
    store,
    policy: sluicePolicy,
    views,
    instanceId: 'test',
    clock: () => new Date(),
    newEventId,
  });
  let seen = 0;

  return {
    store,
    deps,
    tokens,
    invocations,
    definition,

    async registerPool(capacity = { runs: 10, dpu: 100 }): Promise<void> {
      await handlePoolCommand(
        store,
        POOL_ID,
        { type: 'RegisterPool', data: { poolId: POOL_ID, backend: 'glue', capacity, quotas: capacity } },
        context('operator'),
      );
    },

    async submit(jobId: string, extra: { timeoutSeconds?: number } = {}): Promise<void> {
      await submitJob(
        store,
        {
          jobId,
          source: 'team-a',
          dataset: 'sales',
          priorityClass: 'normal',
          priority: 100,
          demand: { runs: 1, dpu: 10 },
          backend: 'glue',
          spec: { jobName: 'etl' },
          pools: [POOL_ID],
          ...extra,
        },
        context('pipeline'),
        // As a pipeline may publish before the pool exists: some tests never register it.
        { waitForPools: true },
      );
    },

    /** Starts an execution for the job; `parked` settles once RequestAdmission has stored its token. */
    start(jobId: string) {
      const isParked = new Promise<void>((resolve) => parked.set(jobId, resolve));
      const events: ExecutionEvent[] = [];
      const execution = machine.run(
        { jobId },
        {
          overrides: {
            taskResourceLocalHandlers: handlers,
            waitTimeOverrides: { [STATES.waitForRun]: 0 },
            retryIntervalOverrides: {
              [STATES.startJob]: 0,
              [STATES.getJobStatus]: 0,
              [STATES.reportResult]: 0,
              [STATES.timeOutRun]: 0,
              [STATES.reportFailure]: 0,
            },
          },
          context: { Task: { Token: `token-${jobId}` } },
        },
      );
      const collecting = (async () => {
        for await (const event of execution.eventLogs) events.push(event as ExecutionEvent);
      })();
      return { result: execution.result, parked: isParked, events, done: collecting };
    },

    /** One admission cycle of the real scheduler, then the answers it owes waiting executions. */
    async schedule(): Promise<string[]> {
      const report = await reactor.runCycle();
      await answerWaitingExecutions(deps, await newEvents());
      return report.admitted;
    },

    /** Admits like the scheduler but loses the answer: the execution is left waiting. */
    async scheduleWithoutAnswering(): Promise<string[]> {
      const report = await reactor.runCycle();
      await newEvents();
      return report.admitted;
    },

    async jobEvents(jobId: string): Promise<string[]> {
      return (await store.readStream(jobStreamId(jobId))).events.map((e) => e.type);
    },

    async poolEvents(): Promise<StoredEvent[]> {
      return (await store.readStream(poolStreamId(POOL_ID))).events;
    },

    close: async () => {
      tokens.closeAll();
      await store.close();
    },
  };

  async function newEvents(): Promise<StoredEvent[]> {
    const page = await store.readAll({ after: seen, limit: 1000 });
    seen = page.lastPosition;
    return page.events;
  }
}

export type JobManagerHarness = Awaited<ReturnType<typeof jobManagerHarness>>;
