import { DEFAULT_CLASSES, type QueuedJob, type QueueViewState } from '@sluice/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectCandidates } from './candidates';
import { classLadder } from './classLadder';
import { agingCeiling, agingScore, effectiveLevel } from './effectivePriority';
import { visitInFairShareOrder } from './fairShareOrder';
import { PendingIndex } from './pendingIndex';

const NOW_MS = Date.UTC(2026, 5, 1, 12);
const AGING_SECONDS = 3600;
const PRIORITIES = [...Object.values(DEFAULT_CLASSES), 75];
const SOURCES = ['a', 'b', 'c', 'd'];

const jobArbitrary = fc.record({
  priority: fc.constantFrom(...PRIORITIES),
  source: fc.constantFrom(...SOURCES),
  // From 30 h ago to 1 h ahead (a clock skew): wide enough to age lower classes past their bound.
  enqueuedOffsetSeconds: fc.integer({ min: -30 * 3600, max: 3600 }),
  unreadableEnqueue: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  gate: fc.constantFrom('none', 'none', 'none', 'backoff-over', 'backoff', 'dependency', 'cancel'),
  runs: fc.integer({ min: 1, max: 3 }),
});
type JobArbitrary = typeof jobArbitrary extends fc.Arbitrary<infer T> ? T : never;

function queuedJob(spec: JobArbitrary, n: number): QueuedJob {
  const iso = (offset: number) => new Date(NOW_MS + offset * 1000).toISOString();
  return {
    jobId: `j${String(n).padStart(4, '0')}`,
    source: spec.source,
    dataset: 'd',
    priorityClass: 'x',
    priority: spec.priority,
    demand: { runs: spec.runs },
    pools: ['p'],
    maxAttempts: 3,
    attempt: 1,
    submittedAt: iso(spec.enqueuedOffsetSeconds),
    // Positions unrelated to enqueue times, as after retries: the order must not assume they agree.
    submittedPosition: (n * 7919) % 10_007,
    enqueuedAt: spec.unreadableEnqueue ? 'not a time' : iso(spec.enqueuedOffsetSeconds),
    ...(spec.gate === 'backoff-over' ? { notBefore: iso(-60) } : {}),
    ...(spec.gate === 'backoff' ? { notBefore: iso(600) } : {}),
    ...(spec.gate === 'dependency'
      ? { dependsOn: [{ jobId: 'upstream', condition: 'afterSuccess' as const }] }
      : {}),
    streamVersion: 1,
    cancelRequested: spec.gate === 'cancel',
  };
}

/** The order as one full sort of every free job, the way the cycle defines it. */
function referenceOrder(queue: QueueViewState, shares: Record<string, number>): string[] {
  const index = PendingIndex.of(queue);
  const candidates = collectCandidates(index, {}, NOW_MS);
  const ladder = classLadder(DEFAULT_CLASSES, candidates.priorities);
  const free = Object.values(queue.pending).filter(
    (job) =>
      !job.cancelRequested &&
      job.dependsOn === undefined &&
      (job.notBefore === undefined || Date.parse(job.notBefore) <= NOW_MS),
  );
  const rows = free.map((job) => {
    const base = ladder.levelOf(job.priority);
    const ceiling = agingCeiling(base, ladder.top);
    const enqueuedMs = Number.isNaN(Date.parse(job.enqueuedAt)) ? Infinity : Date.parse(job.enqueuedAt);
    const score = agingScore(base, Math.max(0, (NOW_MS - enqueuedMs) / 1000), AGING_SECONDS);
    return {
      job,
      enqueuedMs,
      score,
      level: effectiveLevel(score, ceiling),
      pastBound: Math.floor(score) > ceiling,
    };
  });
  type Row = (typeof rows)[number];
  const byScore = (a: Row, b: Row) =>
    b.score - a.score ||
    (a.enqueuedMs === b.enqueuedMs ? 0 : a.enqueuedMs < b.enqueuedMs ? -1 : 1) ||
    a.job.submittedPosition - b.job.submittedPosition ||
    (a.job.jobId < b.job.jobId ? -1 : 1);
  const oldestPastBound = new Map<string, Row>();
  for (const row of [...rows].sort(byScore))
    if (row.pastBound && !oldestPastBound.has(row.job.source)) oldestPastBound.set(row.job.source, row);
  const starved = new Set(oldestPastBound.values());
  return rows
    .sort(
      (a, b) =>
        b.level - a.level ||
        Number(starved.has(b)) - Number(starved.has(a)) ||
        (starved.has(a)
          ? 0
          : (shares[a.job.source] ?? 0) - (shares[b.job.source] ?? 0) ||
            (a.job.source < b.job.source ? -1 : a.job.source > b.job.source ? 1 : 0)) ||
        byScore(a, b),
    )
    .map((row) => row.job.jobId);
}

/** What the walk visits when nothing is admitted (so shares stay as given). */
function walkedOrder(index: PendingIndex, shares: Record<string, number>): string[] {
  const candidates = collectCandidates(index, {}, NOW_MS);
  const ladder = classLadder(DEFAULT_CLASSES, candidates.priorities);
  const visited: string[] = [];
  visitInFairShareOrder(
    { candidates, ladder, nowMs: NOW_MS, agingSeconds: AGING_SECONDS },
    (source) => shares[candidates.sourceNames[source] ?? ''] ?? 0,
    (candidate) => {
      visited.push(candidates.jobs[candidate]?.jobId ?? '?');
      return false;
    },
  );
  return visited;
}

const emptyQueue = (): QueueViewState => ({ pending: {}, inFlight: {}, retrying: {} });

describe('the pending index and the walk over it', () => {
  it('visit the free jobs in exactly the order one full sort gives', () => {
    fc.assert(
      fc.property(
        fc.array(jobArbitrary, { maxLength: 120 }),
        fc.dictionary(fc.constantFrom(...SOURCES), fc.constantFrom(0, 0.1, 0.5)),
        (specs, shares) => {
          const queue = emptyQueue();
          specs.forEach((spec, n) => (queue.pending[`j${String(n).padStart(4, '0')}`] = queuedJob(spec, n)));
          expect(walkedOrder(PendingIndex.of(queue), shares)).toEqual(referenceOrder(queue, shares));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('kept up to date event by event, equal a fresh build of the same queue', () => {
    const step = fc.oneof(
      jobArbitrary.map((spec) => ({ kind: 'submit' as const, spec })),
      fc.nat().map((pick) => ({ kind: 'leave' as const, pick })),
      fc.nat().map((pick) => ({ kind: 'cancel' as const, pick })),
      fc.tuple(fc.nat(), jobArbitrary).map(([pick, spec]) => ({ kind: 'requeue' as const, pick, spec })),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 300 }), (steps) => {
        const queue = emptyQueue();
        const live = new PendingIndex(queue);
        live.buckets(); // built while empty: from here on it learns only from `touched`
        let n = 0;
        for (const s of steps) {
          const ids = Object.keys(queue.pending);
          const picked = ids.length > 0 && s.kind !== 'submit' ? ids[s.pick % ids.length] : undefined;
          if (s.kind === 'submit') {
            const job = queuedJob(s.spec, n++);
            queue.pending[job.jobId] = job;
            live.touched(job.jobId);
          } else if (picked && s.kind === 'leave') {
            delete queue.pending[picked];
            live.touched(picked);
          } else if (picked && s.kind === 'cancel') {
            const job = queue.pending[picked];
            if (job) job.cancelRequested = true;
            live.touched(picked);
          } else if (picked && s.kind === 'requeue') {
            const job = queue.pending[picked];
            // A retry re-enters the queue as a new entry with a later enqueue time.
            if (job) queue.pending[picked] = { ...job, enqueuedAt: queuedJob(s.spec, 0).enqueuedAt };
            live.touched(picked);
          }
        }
        const shares = { a: 0.1, c: 0.5 };
        expect(walkedOrder(live, shares)).toEqual(walkedOrder(PendingIndex.of(queue), shares));
        expect(walkedOrder(live, shares)).toEqual(referenceOrder(queue, shares));
      }),
      { numRuns: 200 },
    );
  });
});
