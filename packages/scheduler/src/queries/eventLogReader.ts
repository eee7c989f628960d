import type { StoredEvent } from '@sluice/domain';

export interface FeedPage {
  events: StoredEvent[];
  lastPosition: number;
  isEnd: boolean;
}

/**
 * Read access to the recorded log, whichever side of the HTTP API it is on: the queries that
 * replay history are written once against it.
 */
export interface EventLogReader {
  /** The global feed, one page of events after a position. */
  readFeed(after: number, limit: number): Promise<FeedPage>;
  /** Every event of one stream, in version order. */
  readStream(streamId: string): Promise<StoredEvent[]>;
}
