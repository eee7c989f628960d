import type { StoredEvent } from '@sluice/domain';
import type { EventLogReader } from './eventLogReader';

export const FEED_PAGE = 1000;

/** The global feed from the start, page by page, so memory stays flat however long the log is. */
export async function* feedOf(log: EventLogReader, after = 0): AsyncGenerator<StoredEvent[]> {
  let position = after;
  for (;;) {
    const page = await log.readFeed(position, FEED_PAGE);
    if (page.events.length > 0) yield page.events;
    if (page.isEnd || page.lastPosition === position) return;
    position = page.lastPosition;
  }
}
