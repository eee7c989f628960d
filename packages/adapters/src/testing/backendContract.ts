import {
  BackendBusyError,
  BackendRejectedError,
  validateEventData,
  type BackendPort,
  type PoolProbe,
  type RunStatus,
  type StartRequest,
  RunNotFoundError,
} from '@sluice/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/** What the contract needs from one adapter and the fake service behind it. */
export interface BackendContractHarness {
  backend: BackendPort;
  /** A valid start request for this backend (the fake makes its runs succeed). */
  request(jobId: string, attempt?: number): StartRequest;
  probe: PoolProbe;
  /** A poll interval passes: every run on the fake moves one state forward. */
  advance(): Promise<void> | void;
  /** Runs the fake service launched for a job, all attempts together. */
  launchedRuns(jobId: string): Promise<number> | number;
  /** The fake refuses the next start: throttled ("busy") or for good ("rejected"). */
  refuseNextStart(kind: 'busy' | 'rejected'): void;
  /** A run id of the right shape that the fake never had. */
  unknownRunId: string;
  dispose?(): Promise<void> | void;
}

const ORDER: Record<RunStatus['state'], number> = {
  queued: 0,
  starting: 1,
  running: 2,
  succeeded: 3,
  failed: 3,
  cancelled: 3,
};
const isTerminal = (s: RunStatus) => ORDER[s.state] === 3;
const MAX_POLLS = 30;

async function pollUntilTerminal(h: BackendContractHarness, runId: string): Promise<RunStatus[]> {
  const seen: RunStatus[] = [];
  for (let i = 0; i < MAX_POLLS; i++) {
    const status = await h.backend.status(runId);
    seen.push(status);
    if (isTerminal(status)) return seen;
    await h.advance();
  }
  throw new Error(
    `run ${runId} did not end within ${MAX_POLLS} polls: ${seen.map((s) => s.state).join(' → ')}`,
  );
}

/**
 * The port contract every backend adapter and simulated backend passes: the runner and the
 * reconciler rely on exactly these behaviours, whatever the backend.
 */
export function backendContract(
  name: string,
  factory: () => Promise<BackendContractHarness> | BackendContractHarness,
  /** A real service cannot be told to refuse a start; its fake's contract run covers those cases. */
  options: { refusals?: boolean } = {},
): void {
  const itRefuses = options.refusals === false ? it.skip : it;
  describe(`${name} — backend port contract`, () => {
    let h: BackendContractHarness;
    beforeEach(async () => {
      h = await factory();
    });
    afterEach(async () => {
      await h.dispose?.();
    });

    it('start returns a run id', async () => {
      const { runId } = await h.backend.start(h.request('job-start'));
      expect(runId).toMatch(/\S/);
      expect(runId.length).toBeLessThanOrEqual(512);
    });

    it('a repeated start of the same attempt returns the same run and launches only one', async () => {
      const first = await h.backend.start(h.request('job-twice', 1));
      const again = await h.backend.start(h.request('job-twice', 1));
      expect(again.runId).toBe(first.runId);
      expect(await h.launchedRuns('job-twice')).toBe(1);
    });

    it('the next attempt of a job is a new run', async () => {
      const first = await h.backend.start(h.request('job-attempts', 1));
      await pollUntilTerminal(h, first.runId);
      const second = await h.backend.start(h.request('job-attempts', 2));
      expect(second.runId).not.toBe(first.runId);
      expect(await h.launchedRuns('job-attempts')).toBe(2);
    });

    it('status moves forward only and ends in a terminal state', async () => {
      const { runId } = await h.backend.start(h.request('job-walk'));
      const seen = await pollUntilTerminal(h, runId);
      for (let i = 1; i < seen.length; i++)
        expect(ORDER[seen[i]!.state]).toBeGreaterThanOrEqual(ORDER[seen[i - 1]!.state]);
      expect(seen.at(-1)).toEqual({ state: 'succeeded' });
    });

    it('cancel leads to cancelled', async () => {
      const { runId } = await h.backend.start(h.request('job-cancel'));
      await h.advance();
      await h.backend.cancel(runId);
      const seen = await pollUntilTerminal(h, runId);
      expect(seen.at(-1)!.state).toBe('cancelled');
    });

    it('cancelling a run that has ended is harmless', async () => {
      const { runId } = await h.backend.start(h.request('job-late-cancel'));
      await pollUntilTerminal(h, runId);
      await h.backend.cancel(runId);
      expect((await h.backend.status(runId)).state).toBe('succeeded');
    });

    it('probeCapacity gives a valid PoolCapacityReported payload that counts a running run', async () => {
      const idle = await h.backend.probeCapacity(h.probe);
      expect(() => validateEventData('PoolCapacityReported', idle)).not.toThrow();
      expect(idle.poolId).toBe(h.probe.poolId);

      const { runId } = await h.backend.start(h.request('job-probe'));
      while ((await h.backend.status(runId)).state !== 'running') await h.advance();
      const busy = await h.backend.probeCapacity(h.probe);
      expect(() => validateEventData('PoolCapacityReported', busy)).not.toThrow();
      expect(busy.observed.runs ?? 0).toBeGreaterThanOrEqual(1);
    });

    itRefuses(
      'a throttled start is BackendBusyError, and the job can start once the backend lets it',
      async () => {
        h.refuseNextStart('busy');
        await expect(h.backend.start(h.request('job-busy'))).rejects.toBeInstanceOf(BackendBusyError);
        const { runId } = await h.backend.start(h.request('job-busy'));
        expect(runId).toMatch(/\S/);
        expect(await h.launchedRuns('job-busy')).toBe(1);
      },
    );

    itRefuses('a permanent refusal is BackendRejectedError with the backend message', async () => {
      h.refuseNextStart('rejected');
      const error = await h.backend.start(h.request('job-rejected')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BackendRejectedError);
      expect((error as Error).message).toMatch(/\S/);
      expect(await h.launchedRuns('job-rejected')).toBe(0);
    });

    it('a spec the adapter cannot use is BackendRejectedError before anything is sent', async () => {
      const request = { ...h.request('job-bad-spec'), spec: { nonsense: true } };
      await expect(h.backend.start(request)).rejects.toBeInstanceOf(BackendRejectedError);
      expect(await h.launchedRuns('job-bad-spec')).toBe(0);
    });

    it('status of a run the backend never had is RunNotFoundError', async () => {
      await expect(h.backend.status(h.unknownRunId)).rejects.toBeInstanceOf(RunNotFoundError);
    });
  });
}
