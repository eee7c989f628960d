import { admissionCycle } from './admissionCycle';
import type { CycleOptions } from './cycleTypes';
import type { SchedulingPolicy } from './snapshot';

export function createSluicePolicy(options: CycleOptions = {}): SchedulingPolicy {
  return { name: 'sluice', cycle: (snapshot) => admissionCycle(snapshot, options) };
}

/** Sluice's own policy: aging classes, weighted fair share, caps, best fit, cohorts and backfill. */
export const sluicePolicy: SchedulingPolicy = createSluicePolicy();
