import { compareQueued, type QueuedJob, type QueueViewState } from '@sluice/domain';

/** The fields queue order depends on, copied: the queue view updates its entries in place. */
type OrderKey = Pick<QueuedJob, 'jobId' | 'priority' | 'submittedAt' | 'submittedPosition'>;

const keyOf = (job: QueuedJob): OrderKey => ({
  jobId: job.jobId,
  priority: job.priority,
  submittedAt: job.submittedAt,
  submittedPosition: job.submittedPosition,
});
const sameKey = (a: OrderKey, b: QueuedJob) =>
  a.priority === b.priority && a.submittedAt === b.submittedAt && a.submittedPosition === b.submittedPosition;
// compareQueued reads only the order fields, so the queue's own ordering decides here too.
const compare = (a: OrderKey, b: OrderKey) => compareQueued(a as QueuedJob, b as QueuedJob);

/**
 * The pending jobs kept in queue order as the queue changes, so a job's position is a binary
 * search instead of a pass over a queue that may hold many thousands of jobs. It is derived data:
 * built from the queue view on first use, then told which job each later event touched.
 */
export class QueueOrderIndex {
  private order: OrderKey[] = [];
  private readonly members = new Map<string, OrderKey>();
  private built = false;

  /** Brings one job's entry in line with the queue after an event about it. */
  touched(jobId: string, queue: QueueViewState): void {
    if (!this.built) return;
    const indexed = this.members.get(jobId);
    const pending = queue.pending[jobId];
    if (indexed && pending && sameKey(indexed, pending)) return;
    if (indexed) this.remove(indexed);
    if (pending) this.insert(keyOf(pending));
  }

  /** 1-based place in the queue, or undefined when the job is not queued. */
  positionOf(jobId: string, queue: QueueViewState): number | undefined {
    this.build(queue);
    const key = this.members.get(jobId);
    return key ? this.search(key) + 1 : undefined;
  }

  private build(queue: QueueViewState): void {
    if (this.built) return;
    this.order = Object.values(queue.pending).map(keyOf).sort(compare);
    for (const key of this.order) this.members.set(key.jobId, key);
    this.built = true;
  }

  private insert(key: OrderKey): void {
    this.order.splice(this.search(key), 0, key);
    this.members.set(key.jobId, key);
  }

  private remove(key: OrderKey): void {
    this.order.splice(this.search(key), 1);
    this.members.delete(key.jobId);
  }

  /** Index of the first entry not ordered before `key`; keys are unique, so that is its own slot. */
  private search(key: OrderKey): number {
    let low = 0;
    let high = this.order.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compare(this.order[mid]!, key) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
