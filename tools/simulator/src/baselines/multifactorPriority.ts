import { DEFAULT_CLASSES, type QueuedJob } from '@sluice/domain';
import type { SchedulingSnapshot } from '@sluice/scheduler';
import { fairShareFactors } from './fairShareFactors';

/** The weights of Slurm's priority/multifactor plugin that this baseline uses (the others are 0). */
export interface MultifactorWeights {
  /** PriorityWeightAge. */
  age: number;
  /** PriorityWeightFairshare. */
  fairshare: number;
  /** PriorityWeightQOS: the job's class plays the part of its QOS. */
  qos: number;
  /** PriorityMaxAge: waiting longer adds nothing more. */
  maxAgeSeconds: number;
}

/** The weights of Slurm's priority/multifactor documentation, with its default PriorityMaxAge of 7 days. */
export const SLURM_MULTIFACTOR_WEIGHTS: MultifactorWeights = {
  age: 1000,
  fairshare: 10000,
  qos: 10000,
  maxAgeSeconds: 7 * 24 * 3600,
};

/**
 * Job priority as Slurm's multifactor plugin computes it: w_age * min(1, age / max age) +
 * w_fairshare * fair-share factor + w_qos * class value / highest class value. Age counts from
 * when the job (re-)entered the queue, as Slurm counts from eligibility.
 */
export function multifactorPriority(
  snapshot: SchedulingSnapshot,
  weights: MultifactorWeights = SLURM_MULTIFACTOR_WEIGHTS,
): (job: QueuedJob) => number {
  const nowMs = Date.parse(snapshot.now);
  const fairShare = fairShareFactors(snapshot, nowMs);
  const topClass = Math.max(0, ...Object.values(snapshot.policy.classes ?? DEFAULT_CLASSES));
  return (job) => {
    const ageSeconds = Math.max(0, (nowMs - Date.parse(job.enqueuedAt)) / 1000);
    const ageFactor = Math.min(1, ageSeconds / weights.maxAgeSeconds);
    const classFactor = topClass > 0 ? Math.min(1, job.priority / topClass) : 0;
    return weights.age * ageFactor + weights.fairshare * fairShare(job.source) + weights.qos * classFactor;
  };
}
