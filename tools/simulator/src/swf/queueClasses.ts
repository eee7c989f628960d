/**
 * SWF queue numbers carry no priority of their own, but in most archive logs the lower number is
 * the more urgent queue. Ranks map onto Sluice's classes from `high` down; `critical` is left for
 * the SLA-bound pipelines a supercomputer log does not have. A log with one queue is all `normal`.
 */
const CLASS_BY_RANK = ['high', 'normal', 'low', 'backfill'] as const;

export function queueClasses(queueNumbers: Iterable<number>): (queue: number) => string {
  const known = [...new Set(queueNumbers)].filter((q) => q >= 0).sort((a, b) => a - b);
  const rank = new Map(known.map((queue, index) => [queue, index]));
  return (queue) => {
    const r = rank.get(queue);
    if (r === undefined || known.length <= 1) return 'normal';
    return CLASS_BY_RANK[Math.min(r, CLASS_BY_RANK.length - 1)] ?? 'normal';
  };
}
