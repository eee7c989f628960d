import { allViews, type StoredEvent, type Views } from '@sluice/domain';
import type { EventLogReader } from './eventLogReader';
import { feedOf } from './feed';

export interface ReplayOptions {
  /** Replay one stream instead of the whole feed. */
  stream?: string;
  /** ISO time: events recorded after it are left out, as `replayAsOf` does. */
  until?: string;
  onProgress?: (read: number, total?: number) => void;
}

export interface Replay {
  views: Views;
  /** Events read, and of those, applied (recorded by `until`). */
  read: number;
  applied: number;
  /** Position of the last event applied; 0 when none was. */
  position: number;
}

/**
 * Rebuilds the views from the log, as of `until`. It filters rather than stopping at the first
 * later event because writers on different hosts stamp `recordedAt` with their own clocks.
 */
export async function replayViews(log: EventLogReader, options: ReplayOptions): Promise<Replay> {
  const projection = allViews();
  const cutoff = options.until === undefined ? Infinity : Date.parse(options.until);
  const replay: Replay = { views: projection.initialState(), read: 0, applied: 0, position: 0 };
  const apply = (events: StoredEvent[], total?: number) => {
    for (const event of events) {
      replay.read += 1;
      if (Date.parse(event.recordedAt) > cutoff) continue;
      replay.views = projection.evolve(replay.views, event);
      replay.applied += 1;
      replay.position = event.position;
    }
    options.onProgress?.(replay.read, total);
  };
  if (options.stream !== undefined) {
    const events = await log.readStream(options.stream);
    for (let i = 0; i < events.length; i += 1000) apply(events.slice(i, i + 1000), events.length);
  } else {
    for await (const page of feedOf(log)) apply(page);
  }
  return replay;
}
