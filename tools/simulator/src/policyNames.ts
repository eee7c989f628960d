/** Every policy a comparison can run, baselines first: the order of the report's rows. */
export const POLICY_NAMES = [
  'fifo',
  'two-level-priority',
  'multi-level-first-fit',
  'easy-backfill',
  'conservative-backfill',
  'slurm-multifactor',
  'sluice',
] as const;
export type PolicyName = (typeof POLICY_NAMES)[number];

export function isPolicyName(name: string): name is PolicyName {
  return (POLICY_NAMES as readonly string[]).includes(name);
}
