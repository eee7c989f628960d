import type { ApiViews } from './apiViews';

/** What routes read: the views now, and the views as they were at an instant. */
export interface ReadModel {
  /**
   * The views with everything recorded before the call applied, so a caller reads its own writes.
   * The object is live: treat it as read-only and do not keep it across requests.
   */
  current(): Promise<ApiViews>;
  /** 1-based place of a job in the queue of the views `current()` last returned; undefined when not queued. */
  queuePosition(jobId: string): number | undefined;
  /** The views as they were at `time` (ISO 8601), rebuilt by replaying the feed. */
  asOf(time: string): Promise<ApiViews>;
}
