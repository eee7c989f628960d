/**
 * Jain's fairness index (Σx)² / (n·Σx²): 1 when every x is equal, 1/n when one takes everything.
 * Undefined for no values or when all are zero (nobody got anything, so nobody was favoured).
 */
export function jainIndex(values: readonly number[]): number | undefined {
  let sum = 0;
  let squares = 0;
  for (const x of values) {
    sum += x;
    squares += x * x;
  }
  if (values.length === 0 || squares === 0) return undefined;
  return (sum * sum) / (values.length * squares);
}
