import { initialJobState, type JobState } from '@sluice/domain';
import { describe, expect, it } from 'vitest';
import { runOverrunSeconds } from './runTimeout';

const STARTED = '2026-03-01T00:00:00.000Z';
const at = (seconds: number) => Date.parse(STARTED) + seconds * 1000;

const running = (timeoutSeconds?: number): JobState => ({
  ...initialJobState(),
  status: 'running',
  runId: 'run-1',
  job: {
    jobId: 'j1',
    source: 's',
    dataset: 'd',
    priorityClass: 'normal',
    priority: 100,
    demand: { runs: 1 },
    backend: 'glue',
    spec: {},
    pools: ['p'],
    maxAttempts: 1,
    ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }),
  },
});

describe('runOverrunSeconds', () => {
  it('answers only once the run is strictly past its limit, in whole seconds run', () => {
    expect(runOverrunSeconds(running(60), STARTED, at(59.9))).toBeUndefined();
    expect(runOverrunSeconds(running(60), STARTED, at(60))).toBeUndefined();
    expect(runOverrunSeconds(running(60), STARTED, at(60.5))).toBe(60);
    expect(runOverrunSeconds(running(60), STARTED, at(125))).toBe(125);
  });

  it('never times out a job without a limit, a job not running, or a run with no recorded start', () => {
    const day = at(86_400);
    expect(runOverrunSeconds(running(), STARTED, day)).toBeUndefined();
    expect(runOverrunSeconds({ ...running(60), status: 'admitted' }, STARTED, day)).toBeUndefined();
    expect(runOverrunSeconds({ ...running(60), status: 'succeeded' }, STARTED, day)).toBeUndefined();
    expect(runOverrunSeconds(running(60), undefined, day)).toBeUndefined();
  });
});
