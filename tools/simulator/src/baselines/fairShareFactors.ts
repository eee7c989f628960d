import { usageAt, weightOf } from '@sluice/domain';
import type { SchedulingSnapshot } from '@sluice/scheduler';
import { amountsOf, DIMENSION_COUNT, EPSILON } from './resourceAmounts';

/**
 * Slurm's classic fair-share factor per source, 2^(-U/S): U is the source's decayed usage as a
 * fraction of all sources' (on its largest dimension, as Slurm's MAX_TRES bills the largest
 * resource), S its weight as a fraction of the weights of every source with usage or jobs. A
 * source that used nothing scores 1, one that used exactly its share 0.5.
 */
export function fairShareFactors(snapshot: SchedulingSnapshot, nowMs: number): (source: string) => number {
  const { usage, policy, queue } = snapshot;
  const sources = new Set(Object.keys(usage.sources));
  for (const job of Object.values(queue.pending)) sources.add(job.source);
  for (const job of Object.values(queue.inFlight)) sources.add(job.source);

  const used = new Map<string, Float64Array>();
  const total = new Float64Array(DIMENSION_COUNT);
  let totalWeight = 0;
  for (const source of sources) {
    totalWeight += weightOf(policy, source);
    const recorded = usage.sources[source];
    if (!recorded) continue;
    const amounts = amountsOf(usageAt(recorded, usage.halfLifeSeconds, nowMs).decayed);
    used.set(source, amounts);
    for (let d = 0; d < DIMENSION_COUNT; d++) total[d] = total[d]! + amounts[d]!;
  }

  const factors = new Map<string, number>();
  return (source) => {
    let factor = factors.get(source);
    if (factor === undefined) {
      const amounts = used.get(source);
      let fraction = 0;
      if (amounts)
        for (let d = 0; d < DIMENSION_COUNT; d++)
          if (total[d]! > EPSILON) fraction = Math.max(fraction, amounts[d]! / total[d]!);
      const share = weightOf(policy, source) / Math.max(totalWeight, EPSILON);
      factor = Math.pow(2, -fraction / share);
      factors.set(source, factor);
    }
    return factor;
  };
}
