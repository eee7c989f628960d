import { allViews, type EventInput, type NewEvent, type StoredEvent, type Views } from '@sluice/domain';
import { eventLog } from '@sluice/domain/testing';
import { trackPendingIndex } from '../../projections/pendingIndexing';
import { counterEventIds } from './counterEventIds';
import { isoAtSeconds } from './virtualClock';

/**
 * The simulation's event store and live views: every event is validated and recorded as the store
 * would, then folded into the same views Sluice's scheduler reads, one event at a time.
 */
export function simulationLog(options: { epochMs: number; halfLifeSeconds: number }) {
  const log = eventLog();
  const indexing = trackPendingIndex(allViews({ halfLifeSeconds: options.halfLifeSeconds }));
  const projection = indexing.projection;
  const nextId = counterEventIds(options.epochMs);
  let views = projection.initialState();
  // Many events share an instant (an admission burst, a wave of arrivals): format it once.
  let lastSeconds = NaN;
  let lastIso = '';
  const isoAt = (seconds: number) => {
    if (seconds !== lastSeconds) {
      lastSeconds = seconds;
      lastIso = isoAtSeconds(options.epochMs, seconds);
    }
    return lastIso;
  };
  return {
    get views(): Views {
      return views;
    },
    /** The queue's pending jobs in order, kept event by event: cycles need not sort the queue. */
    get pendingIndex() {
      return indexing.indexOf(views);
    },
    get events(): StoredEvent[] {
      return log.events;
    },
    isoAt,
    /** One append to one stream, at a virtual second. */
    record(streamId: string, inputs: EventInput[], atSeconds: number): void {
      if (inputs.length === 0) return;
      const at = isoAt(atSeconds);
      const batch = inputs.map(
        (e) => ({ ...e, eventId: nextId(), occurredAt: at, actor: 'simulator' }) as NewEvent,
      );
      for (const stored of log.record(streamId, batch, at)) views = projection.evolve(views, stored);
    },
  };
}
