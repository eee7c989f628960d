/**
 * A multiset of numbers that answers "the smallest" at any time. Values are added and removed as
 * jobs enter and leave the queue; the minimum is found again only when its last copy leaves, by a
 * pass over the distinct values, which for demands are few (a pipeline asks for the same sizes).
 */
export class MinCounter {
  private readonly counts = new Map<number, number>();
  private least = Infinity;

  add(value: number): void {
    this.counts.set(value, (this.counts.get(value) ?? 0) + 1);
    if (value < this.least) this.least = value;
  }

  remove(value: number): void {
    const count = this.counts.get(value);
    if (count === undefined) return;
    if (count > 1) {
      this.counts.set(value, count - 1);
      return;
    }
    this.counts.delete(value);
    if (value !== this.least) return;
    let least = Infinity;
    for (const left of this.counts.keys()) if (left < least) least = left;
    this.least = least;
  }

  /** Infinity when empty. */
  get min(): number {
    return this.least;
  }
}
