/**
 * Every Lambda the stack deploys, and the one list both Pulumi and the bundler read: each name is
 * its bundle's directory under dist/functions, and its entry is the camelCase file beside this one.
 */
export const FUNCTION_NAMES = [
  'api',
  'authorizer',
  'projector',
  'scheduler',
  'request-admission',
  'start-job',
  'get-job-status',
  'report-result',
  'report-failure',
  'time-out-run',
  'reconciler',
] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];

/** The job-manager task handlers the state machine invokes, by the task each one runs. */
export const JOB_MANAGER_TASKS = {
  requestAdmission: 'request-admission',
  startJob: 'start-job',
  getJobStatus: 'get-job-status',
  reportResult: 'report-result',
  reportFailure: 'report-failure',
  timeOutRun: 'time-out-run',
} as const satisfies Record<string, FunctionName>;
export type JobManagerTask = keyof typeof JOB_MANAGER_TASKS;

export interface FunctionSpec {
  description: string;
  timeoutSeconds: number;
  /** Invoked asynchronously (by schedules), so failed invocations go to a dead-letter queue. */
  asyncInvoked?: boolean;
  /** Reads the event-store table's stream through an event-source mapping. */
  streamConsumer?: boolean;
}

export const FUNCTION_SPECS: Record<FunctionName, FunctionSpec> = {
  api: { description: 'HTTP API: submissions, pipeline events, queries', timeoutSeconds: 29 },
  authorizer: { description: 'API Gateway Lambda authorizer for API keys', timeoutSeconds: 10 },
  projector: {
    description: 'Saves the views as the event store changes',
    timeoutSeconds: 120,
    streamConsumer: true,
  },
  scheduler: {
    description: 'Admission cycles on stream batches and the safety tick',
    timeoutSeconds: 60,
    streamConsumer: true,
    asyncInvoked: true,
  },
  'request-admission': {
    description: 'Job manager: parks the execution until the job is admitted',
    timeoutSeconds: 30,
  },
  'start-job': { description: 'Job manager: starts the admitted job on its backend', timeoutSeconds: 60 },
  'get-job-status': { description: "Job manager: the backend's view of the run", timeoutSeconds: 30 },
  'report-result': { description: 'Job manager: records how the run ended', timeoutSeconds: 30 },
  'report-failure': { description: 'Job manager: records the error an execution caught', timeoutSeconds: 30 },
  'time-out-run': {
    description: 'Job manager: stops a run past its time limit and records the time-out',
    timeoutSeconds: 60,
  },
  reconciler: {
    description: 'Heartbeats waiting executions, reconciles runs and pools, probes capacity',
    timeoutSeconds: 240,
    asyncInvoked: true,
  },
};

/** Functions with their own dead-letter queue: those invoked asynchronously or by a stream. */
export const functionsWithDlq = (): FunctionName[] =>
  FUNCTION_NAMES.filter((name) => FUNCTION_SPECS[name].asyncInvoked || FUNCTION_SPECS[name].streamConsumer);

/** The entry file of a function, beside the catalogue: `request-admission` is `requestAdmission.ts`. */
export const functionEntryFile = (name: FunctionName): string =>
  `${name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}.ts`;
