/** Weights 1/k^s for ranks 1..n: a few sources send most of the jobs, as in any shared data lake. */
export function zipfWeights(n: number, exponent: number): number[] {
  return Array.from({ length: n }, (_, k) => 1 / Math.pow(k + 1, exponent));
}
