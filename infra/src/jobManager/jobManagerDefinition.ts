import type { JobManagerTask } from '../functions/catalog';

/** The Lambda ARNs of the job-manager tasks, by task. */
export type JobManagerArns = Record<JobManagerTask, string>;

export interface JobManagerTimings {
  /** The longest a job may wait for admission before its execution gives up on it. */
  admissionTimeoutSeconds: number;
  /** A waiting execution not heartbeaten for this long has lost its token: the wait fails. */
  heartbeatSeconds: number;
  pollSeconds: number;
  /** Any one task invocation, the admission wait aside. */
  taskTimeoutSeconds: number;
}

/** State names, shared with the tests and the dashboard. */
export const STATES = {
  requestAdmission: 'RequestAdmission',
  startJob: 'StartJob',
  waitForRun: 'WaitForRun',
  getJobStatus: 'GetJobStatus',
  runEnded: 'RunEnded?',
  reportResult: 'ReportResult',
  timeOutRun: 'TimeOutRun',
  reported: 'Reported',
  reportAdmissionTimeout: 'ReportAdmissionTimeout',
  admittedMeanwhile: 'AdmittedMeanwhile?',
  admissionTimedOut: 'AdmissionTimedOut',
  reportFailure: 'ReportFailure',
  failureRecorded: 'FailureRecorded?',
  jobFailed: 'JobFailed',
  nothingRecorded: 'NothingRecorded',
} as const;

/** The error names Step Functions gives a wait that ran out of time or of heartbeats. */
export const ADMISSION_TIMEOUT_ERRORS = ['States.Timeout', 'States.HeartbeatTimeout'] as const;

const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke';
const LAMBDA_INVOKE_WAIT = 'arn:aws:states:::lambda:invoke.waitForTaskToken';

/** Transient Lambda service errors and throttles, retried on every task as AWS recommends. */
const LAMBDA_TRANSIENT = {
  ErrorEquals: [
    'Lambda.ServiceException',
    'Lambda.AWSLambdaException',
    'Lambda.SdkClientException',
    'Lambda.TooManyRequestsException',
  ],
  IntervalSeconds: 1,
  MaxAttempts: 6,
  BackoffRate: 2,
  MaxDelaySeconds: 60,
  JitterStrategy: 'FULL',
} as const;

/** The backend said "not now": the job keeps its reservation and the start is tried again, more slowly each time. */
const BACKEND_BUSY = {
  ErrorEquals: ['BackendBusyError'],
  IntervalSeconds: 15,
  MaxAttempts: 8,
  BackoffRate: 2,
  MaxDelaySeconds: 600,
  JitterStrategy: 'FULL',
} as const;

/** Recording an outcome is idempotent (an outcome recorded already is a no-op), so any failure may be retried. */
const REPORT_RETRY = [
  LAMBDA_TRANSIENT,
  { ErrorEquals: ['States.TaskFailed'], IntervalSeconds: 5, MaxAttempts: 3, BackoffRate: 2 },
];

const CATCH_ALL = [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: STATES.reportFailure }];

const invoke = (functionArn: string, payload: Record<string, string> | string, timeoutSeconds: number) => ({
  Type: 'Task',
  Resource: LAMBDA_INVOKE,
  Parameters: {
    FunctionName: functionArn,
    ...(typeof payload === 'string' ? { 'Payload.$': payload } : { Payload: payload }),
  },
  TimeoutSeconds: timeoutSeconds,
});

const reportFailure = (arns: JobManagerArns, timings: JobManagerTimings, next: string) => ({
  ...invoke(arns.reportFailure, { 'jobId.$': '$.jobId', 'error.$': '$.error' }, timings.taskTimeoutSeconds),
  ResultSelector: { 'recorded.$': '$.Payload.recorded' },
  ResultPath: '$.report',
  Retry: REPORT_RETRY,
  Next: next,
});

/**
 * The job manager: one Standard execution per job attempt, started with `{ "jobId": … }`.
 *
 * It waits (with a task token) until the scheduler admits the job, starts it, polls the backend
 * until the run ends and records the outcome. A run still going past its job's `timeoutSeconds`
 * is stopped and recorded as timed out (TimeOutRun) rather than polled on. The execution
 * succeeds whenever it carried the job to a recorded end, whatever that end was (a failed run is
 * the job's outcome, not the execution's); it fails only when it had to give up, so the
 * failed-executions alarm is about Sluice rather than about the pipelines' jobs.
 *
 * An admission wait that times out (or loses its heartbeats) does not fail the job: a job nobody
 * admitted has done nothing wrong, and JobFailed would release capacity it never held and schedule
 * a retry it does not need. The execution ends in AdmissionTimedOut and the job stays queued
 * until the reconciler withdraws it at the same deadline.
 * ReportFailure is still called on that path, because the scheduler may have admitted the job
 * just as the wait ended: then the job holds a reservation nobody will use, and recording the
 * (retryable) failure releases it.
 */
export function jobManagerDefinition(arns: JobManagerArns, timings: JobManagerTimings) {
  return {
    Comment: 'Sluice job manager: admission wait, start, poll, report',
    StartAt: STATES.requestAdmission,
    States: {
      [STATES.requestAdmission]: {
        Type: 'Task',
        Resource: LAMBDA_INVOKE_WAIT,
        Parameters: {
          FunctionName: arns.requestAdmission,
          Payload: { 'jobId.$': '$.jobId', 'taskToken.$': '$$.Task.Token' },
        },
        HeartbeatSeconds: timings.heartbeatSeconds,
        TimeoutSeconds: timings.admissionTimeoutSeconds,
        ResultPath: '$.admission',
        Retry: [LAMBDA_TRANSIENT],
        Catch: [
          {
            ErrorEquals: [...ADMISSION_TIMEOUT_ERRORS],
            ResultPath: '$.error',
            Next: STATES.reportAdmissionTimeout,
          },
          ...CATCH_ALL,
        ],
        Next: STATES.startJob,
      },
      [STATES.startJob]: {
        ...invoke(arns.startJob, { 'jobId.$': '$.jobId' }, timings.taskTimeoutSeconds),
        ResultSelector: { 'runId.$': '$.Payload.runId' },
        ResultPath: '$.run',
        Retry: [BACKEND_BUSY, LAMBDA_TRANSIENT],
        Catch: CATCH_ALL,
        Next: STATES.waitForRun,
      },
      [STATES.waitForRun]: { Type: 'Wait', Seconds: timings.pollSeconds, Next: STATES.getJobStatus },
      [STATES.getJobStatus]: {
        ...invoke(
          arns.getJobStatus,
          { 'jobId.$': '$.jobId', 'runId.$': '$.run.runId' },
          timings.taskTimeoutSeconds,
        ),
        ResultSelector: { 'status.$': '$.Payload' },
        ResultPath: '$.poll',
        Retry: [BACKEND_BUSY, LAMBDA_TRANSIENT],
        Catch: CATCH_ALL,
        Next: STATES.runEnded,
      },
      [STATES.runEnded]: {
        Type: 'Choice',
        Choices: [
          { Variable: '$.poll.status.done', BooleanEquals: true, Next: STATES.reportResult },
          // Past the job's time limit: stopped and recorded as timed out instead of polled on.
          { Variable: '$.poll.status.timedOut', BooleanEquals: true, Next: STATES.timeOutRun },
        ],
        Default: STATES.waitForRun,
      },
      [STATES.reportResult]: {
        ...invoke(arns.reportResult, '$.poll.status', timings.taskTimeoutSeconds),
        ResultSelector: { 'recorded.$': '$.Payload.recorded' },
        ResultPath: '$.report',
        Retry: REPORT_RETRY,
        Catch: CATCH_ALL,
        Next: STATES.reported,
      },
      // Recording a time-out is idempotent like any report: a retry after it recorded is a no-op.
      [STATES.timeOutRun]: {
        ...invoke(
          arns.timeOutRun,
          {
            'jobId.$': '$.jobId',
            'runId.$': '$.poll.status.runId',
            'afterSeconds.$': '$.poll.status.afterSeconds',
          },
          timings.taskTimeoutSeconds,
        ),
        ResultSelector: { 'recorded.$': '$.Payload.recorded' },
        ResultPath: '$.report',
        Retry: REPORT_RETRY,
        Catch: CATCH_ALL,
        Next: STATES.reported,
      },
      [STATES.reported]: { Type: 'Succeed' },
      [STATES.reportAdmissionTimeout]: reportFailure(arns, timings, STATES.admittedMeanwhile),
      [STATES.admittedMeanwhile]: {
        Type: 'Choice',
        Choices: [{ Variable: '$.report.recorded', BooleanEquals: true, Next: STATES.jobFailed }],
        Default: STATES.admissionTimedOut,
      },
      [STATES.admissionTimedOut]: {
        Type: 'Fail',
        Error: 'AdmissionTimedOut',
        Cause: 'The job was not admitted in time. It stays queued; nothing was recorded against it.',
      },
      [STATES.reportFailure]: reportFailure(arns, timings, STATES.failureRecorded),
      [STATES.failureRecorded]: {
        Type: 'Choice',
        Choices: [{ Variable: '$.report.recorded', BooleanEquals: true, Next: STATES.jobFailed }],
        Default: STATES.nothingRecorded,
      },
      [STATES.jobFailed]: {
        Type: 'Fail',
        Error: 'JobFailed',
        Cause: "The execution caught an error and recorded JobFailed; the job's events say which.",
      },
      // The job had ended or been cancelled elsewhere: end with the error caught, which says why.
      [STATES.nothingRecorded]: {
        Type: 'Fail',
        ErrorPath: '$.error.Error',
        Cause: 'Nothing was recorded: the job had already ended.',
      },
    },
  };
}

export type JobManagerDefinition = ReturnType<typeof jobManagerDefinition>;
