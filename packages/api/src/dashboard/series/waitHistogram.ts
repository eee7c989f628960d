import type { WaitHistogram } from '../snapshotTypes';

/** Upper bounds of the buckets, seconds to days; the last bucket holds everything longer. */
const BUCKETS: readonly { label: string; upTo: number }[] = [
  { label: '≤10s', upTo: 10 },
  { label: '≤1m', upTo: 60 },
  { label: '≤10m', upTo: 600 },
  { label: '≤1h', upTo: 3_600 },
  { label: '≤6h', upTo: 21_600 },
  { label: '≤1d', upTo: 86_400 },
  { label: '≤7d', upTo: 604_800 },
  { label: '>7d', upTo: Infinity },
];

export interface ClassifiedWait {
  /** When the job was admitted (ISO). */
  at: string;
  /** Admitted minus submitted (or re-queued), in seconds. */
  waitSeconds: number;
  priorityClass: string;
  priority: number;
}

/**
 * How long jobs admitted in the last `windowSeconds` waited, counted per priority class into
 * buckets from seconds to days. Classes come highest priority first, as the queue orders them.
 */
export function waitHistogram(waits: readonly ClassifiedWait[], options: { now: Date; windowSeconds: number }): WaitHistogram {
  if (!(options.windowSeconds > 0)) throw new RangeError(`the wait window must be a positive number of seconds, not ${options.windowSeconds}`);
  const since = options.now.getTime() - options.windowSeconds * 1000;
  const classes = new Map<string, { priority: number; counts: number[] }>();
  for (const wait of waits) {
    const at = Date.parse(wait.at);
    if (Number.isNaN(at)) throw new RangeError(`admission time ${wait.at} is not an ISO time`);
    if (at < since || at > options.now.getTime()) continue;
    const row = classes.get(wait.priorityClass) ?? { priority: wait.priority, counts: BUCKETS.map(() => 0) };
    classes.set(wait.priorityClass, row);
    row.counts[BUCKETS.findIndex((bucket) => wait.waitSeconds <= bucket.upTo)]! += 1;
  }
  return {
    windowSeconds: options.windowSeconds,
    buckets: BUCKETS.map((bucket) => bucket.label),
    classes: [...classes.entries()]
      .sort(([a, x], [b, y]) => y.priority - x.priority || a.localeCompare(b))
      .map(([priorityClass, { counts }]) => ({ priorityClass, counts })),
  };
}
