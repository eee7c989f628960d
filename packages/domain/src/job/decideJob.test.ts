import { describe, expect, it } from 'vitest';
import type { EventInput, SluiceEvent } from '../events/catalogue';
import { jobSubmittedSchema } from '../events/jobEvents';
import { IllegalTransitionError } from '../errors/domainErrors';
import type { JobCommand } from './jobCommands';
import { decideJob } from './decideJob';
import { evolveJob } from './evolveJob';
import { initialJobState, type JobState } from './jobState';

const submit = (maxAttempts = 1): JobCommand => ({
  type: 'SubmitJob',
  data: {
    jobId: 'j1',
    source: 'team-a',
    dataset: 'sales',
    priorityClass: 'normal',
    priority: 100,
    demand: { runs: 1 },
    backend: 'glue',
    spec: {},
    pools: ['p'],
    maxAttempts,
  },
});
const admit: JobCommand = { type: 'AdmitJob', poolId: 'p', reservation: { runs: 1 }, reason: 'fits', now: '2026-01-01T00:00:00.000Z' };
const NOW = '2026-01-01T00:10:00.000Z';

/** Runs commands through decide + evolve, as a command handler would, parsing payloads like the store. */
function run(commands: JobCommand[], state: JobState = initialJobState()): { state: JobState; events: EventInput[] } {
  const events: EventInput[] = [];
  for (const command of commands) {
    for (const event of decideJob(command, state)) {
      const parsed = (event.type === 'JobSubmitted' ? { ...event, data: jobSubmittedSchema.parse(event.data) } : event) as SluiceEvent;
      state = evolveJob(state, parsed);
      events.push(event);
    }
  }
  return { state, events };
}

describe('job lifecycle', () => {
  it('goes submitted -> admitted -> started -> succeeded', () => {
    const { state, events } = run([submit(), admit, { type: 'StartJob', runId: 'jr_1' }, { type: 'CompleteJob' }]);
    expect(events.map((e) => e.type)).toEqual(['JobSubmitted', 'JobAdmitted', 'JobStarted', 'JobSucceeded']);
    expect(state).toMatchObject({ status: 'succeeded', poolId: 'p', runId: 'jr_1' });
  });

  it.each<[string, JobCommand[], JobCommand]>([
    ['admitting a cancelled job', [submit(), { type: 'CancelJob', reason: 'no longer needed' }], admit],
    ['finishing a job that never started', [submit(), admit], { type: 'CompleteJob' }],
    ['admitting a job twice', [submit(), admit], admit],
    ['submitting a job twice', [submit()], submit()],
    ['starting a queued job', [submit()], { type: 'StartJob', runId: 'r' }],
    ['cancelling a finished job', [submit(), admit, { type: 'StartJob', runId: 'r' }, { type: 'CompleteJob' }], { type: 'CancelJob', reason: 'x' }],
    ['admitting an unknown job', [], admit],
  ])('refuses %s with a typed error', (_name, before, command) => {
    const { state } = run(before);
    expect(() => decideJob(command, state)).toThrow(IllegalTransitionError);
    expect(() => decideJob(command, state)).toThrow(/cannot/);
  });

  it('schedules a retry with backoff for a retryable failure while attempts remain', () => {
    const { state, events } = run([
      submit(3),
      admit,
      { type: 'StartJob', runId: 'r1' },
      { type: 'FailJob', error: 'ThrottlingException', retryable: true, now: NOW },
    ]);
    expect(events.slice(-2)).toEqual([
      { type: 'JobFailed', data: { jobId: 'j1', error: 'ThrottlingException', retryable: true, runId: 'r1' } },
      { type: 'JobRetryScheduled', data: { jobId: 'j1', attempt: 2, notBefore: '2026-01-01T00:10:30.000Z' } },
    ]);
    expect(state).toMatchObject({ status: 'queued', attempt: 2, notBefore: '2026-01-01T00:10:30.000Z' });
    expect(() => decideJob({ ...admit, now: '2026-01-01T00:10:10.000Z' } as JobCommand, state)).toThrow(/waiting for retry/);
    expect(decideJob({ ...admit, now: '2026-01-01T00:10:31.000Z' } as JobCommand, state)[0]?.type).toBe('JobAdmitted');
  });

  it('does not retry a permanent failure, or once attempts are used up', () => {
    const permanent = run([submit(3), admit, { type: 'FailJob', error: 'bad script', retryable: false, now: NOW }]);
    expect(permanent.events.at(-1)?.type).toBe('JobFailed');
    expect(permanent.state.status).toBe('failed');
    const exhausted = run([submit(1), admit, { type: 'FailJob', error: 'throttled', retryable: true, now: NOW }]);
    expect(exhausted.events.at(-1)?.type).toBe('JobFailed');
  });

  it('asks the backend to stop a running job before recording it cancelled', () => {
    const { state, events } = run([submit(), admit, { type: 'StartJob', runId: 'r' }, { type: 'CancelJob', reason: 'operator' }]);
    expect(events.at(-1)?.type).toBe('JobCancellationRequested');
    expect(state.status).toBe('running');
    expect(decideJob({ type: 'CancelJob', reason: 'again' }, state)).toEqual([]);
    const confirmed = run([{ type: 'ConfirmCancellation', reason: 'stopped by backend' }], state);
    expect(confirmed.state.status).toBe('cancelled');
  });
});
