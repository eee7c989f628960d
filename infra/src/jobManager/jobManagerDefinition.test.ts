import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import validator from 'asl-validator';
import { describe, expect, it } from 'vitest';
import {
  ADMISSION_TIMEOUT_ERRORS,
  jobManagerDefinition,
  STATES,
} from './jobManagerDefinition';

const lambdaArn = (name: string) => `arn:aws:lambda:eu-west-1:123456789012:function:sluice-dev-${name}`;
const ARNS = {
  requestAdmission: lambdaArn('request-admission'),
  startJob: lambdaArn('start-job'),
  getJobStatus: lambdaArn('get-job-status'),
  reportResult: lambdaArn('report-result'),
  reportFailure: lambdaArn('report-failure'),
  timeOutRun: lambdaArn('time-out-run'),
};
const TIMINGS = {
  admissionTimeoutSeconds: 86_400,
  heartbeatSeconds: 1800,
  pollSeconds: 60,
  taskTimeoutSeconds: 120,
};
const definition = jobManagerDefinition(ARNS, TIMINGS);
type State = Record<string, unknown> & {
  Type: string;
  Next?: string;
  Catch?: { ErrorEquals: string[]; Next: string }[];
  Retry?: { ErrorEquals: string[] }[];
};
const states = definition.States as unknown as Record<string, State>;

describe('job-manager definition', () => {
  it('is valid ASL for asl-validator, through its API', () => {
    const result = validator(structuredClone(definition));
    expect(result.errors).toEqual([]);
    expect(result.isValid).toBe(true);
  });

  it('is valid ASL for the asl-validator command line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asl-'));
    try {
      const file = join(dir, 'job-manager.json');
      writeFileSync(file, JSON.stringify(definition));
      const cli = createRequire(import.meta.url).resolve('asl-validator/dist/bin/asl-validator.js');
      const { stdout } = await promisify(execFile)(process.execPath, [cli, '--json-path', file]);
      expect(stdout).toMatch(/is valid/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('parks on RequestAdmission with a task token, a heartbeat and a time-out', () => {
    expect(definition.StartAt).toBe(STATES.requestAdmission);
    expect(states[STATES.requestAdmission]).toMatchObject({
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: {
        FunctionName: ARNS.requestAdmission,
        Payload: { 'jobId.$': '$.jobId', 'taskToken.$': '$$.Task.Token' },
      },
      HeartbeatSeconds: 1800,
      TimeoutSeconds: 86_400,
      Next: STATES.startJob,
    });
    expect(states[STATES.requestAdmission]!.Catch![0]).toEqual({
      ErrorEquals: [...ADMISSION_TIMEOUT_ERRORS],
      ResultPath: '$.error',
      Next: STATES.reportAdmissionTimeout,
    });
  });

  it('retries StartJob on BackendBusyError and on Lambda throttles, with growing, jittered back-off', () => {
    const retry = states[STATES.startJob]!.Retry as {
      ErrorEquals: string[];
      BackoffRate: number;
      JitterStrategy: string;
      MaxDelaySeconds: number;
    }[];
    const busy = retry.find((r) => r.ErrorEquals.includes('BackendBusyError'))!;
    const throttled = retry.find((r) => r.ErrorEquals.includes('Lambda.TooManyRequestsException'))!;
    for (const retrier of [busy, throttled]) {
      expect(retrier.BackoffRate).toBeGreaterThan(1);
      expect(retrier.JitterStrategy).toBe('FULL');
      expect(retrier.MaxDelaySeconds).toBeGreaterThan(0);
    }
  });

  it('loops Wait → GetJobStatus → Choice on $.done until the run ends, then reports', () => {
    expect(states[STATES.startJob]!.Next).toBe(STATES.waitForRun);
    expect(states[STATES.waitForRun]).toEqual({ Type: 'Wait', Seconds: 60, Next: STATES.getJobStatus });
    expect(states[STATES.getJobStatus]!.Next).toBe(STATES.runEnded);
    expect(states[STATES.runEnded]).toMatchObject({ Type: 'Choice', Default: STATES.waitForRun });
    expect((states[STATES.runEnded]!.Choices as unknown[])[0]).toEqual({
      Variable: '$.poll.status.done',
      BooleanEquals: true,
      Next: STATES.reportResult,
    });
    expect(states[STATES.reportResult]!.Next).toBe(STATES.reported);
    expect(states[STATES.reported]!.Type).toBe('Succeed');
  });

  it('leaves the loop for TimeOutRun on a timed-out verdict, which stops the run, records it and succeeds', () => {
    expect(states[STATES.runEnded]!.Choices).toEqual([
      { Variable: '$.poll.status.done', BooleanEquals: true, Next: STATES.reportResult },
      { Variable: '$.poll.status.timedOut', BooleanEquals: true, Next: STATES.timeOutRun },
    ]);
    expect(states[STATES.timeOutRun]).toMatchObject({
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: {
        FunctionName: ARNS.timeOutRun,
        Payload: {
          'jobId.$': '$.jobId',
          'runId.$': '$.poll.status.runId',
          'afterSeconds.$': '$.poll.status.afterSeconds',
        },
      },
      ResultPath: '$.report',
      Next: STATES.reported,
    });
    // Idempotent like the other reports, so retried on any failure before the catch-all.
    const retried = (states[STATES.timeOutRun]!.Retry ?? []).flatMap((r) => r.ErrorEquals);
    expect(retried).toEqual(expect.arrayContaining(['Lambda.TooManyRequestsException', 'States.TaskFailed']));
  });

  it('catches every error of the work states into ReportFailure, which ends in a Fail state', () => {
    for (const name of [
      STATES.requestAdmission,
      STATES.startJob,
      STATES.getJobStatus,
      STATES.reportResult,
      STATES.timeOutRun,
    ]) {
      expect(states[name]!.Catch!.at(-1)).toEqual({
        ErrorEquals: ['States.ALL'],
        ResultPath: '$.error',
        Next: STATES.reportFailure,
      });
    }
    expect(states[STATES.reportFailure]).toMatchObject({
      Parameters: { Payload: { 'jobId.$': '$.jobId', 'error.$': '$.error' } },
      Next: STATES.failureRecorded,
    });
    for (const end of [STATES.jobFailed, STATES.nothingRecorded, STATES.admissionTimedOut])
      expect(states[end]!.Type).toBe('Fail');
  });

  it('bounds every task invocation in time', () => {
    for (const [name, state] of Object.entries(states)) {
      if (state.Type === 'Task') expect(state.TimeoutSeconds, name).toBeGreaterThan(0);
    }
  });
});
