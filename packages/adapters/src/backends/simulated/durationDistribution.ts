/** How long a phase of a simulated run lasts, in milliseconds. */
export type DurationDistribution =
  | { kind: 'fixed'; ms: number }
  | { kind: 'uniform'; minMs: number; maxMs: number }
  /** The usual fit for job run times: most are near the median, a few run far longer. */
  | { kind: 'logNormal'; medianMs: number; sigma: number };

export function drawDuration(distribution: DurationDistribution, random: () => number): number {
  switch (distribution.kind) {
    case 'fixed':
      return distribution.ms;
    case 'uniform':
      return distribution.minMs + random() * (distribution.maxMs - distribution.minMs);
    case 'logNormal': {
      // Box-Muller; 1 - random() is in (0, 1], so the logarithm stays finite.
      const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      return distribution.medianMs * Math.exp(distribution.sigma * normal);
    }
  }
}
