import type { StoredEvent } from '../events/envelope';

/**
 * A projection is a deterministic reducer over the global event order. `evolve` depends only on
 * the state and the event (no clock, no I/O), so replaying the same events always gives the same
 * view. To stay O(1) per event over millions of events, `evolve` may update the state object it is
 * handed and return it, as an accumulator does: whoever needs an older view keeps a clone
 * (`structuredClone`) or replays to that point. States are plain JSON data, so they can be saved
 * with a checkpoint and loaded back unchanged.
 */
export interface Projection<S> {
  readonly name: string;
  initialState(): S;
  evolve(state: S, event: StoredEvent): S;
}

/** Folds events into a fresh state: the rebuild-from-zero path. */
export function rebuild<S>(projection: Projection<S>, events: Iterable<StoredEvent>): S {
  let state = projection.initialState();
  for (const event of events) state = projection.evolve(state, event);
  return state;
}

/**
 * The view as it was at `time`: events recorded after it are left out. It filters rather than
 * stopping at the first later event because writers on different hosts stamp `recordedAt` with
 * their own clocks, so timestamps need not grow with position.
 */
export function replayAsOf<S>(projection: Projection<S>, events: Iterable<StoredEvent>, time: string): S {
  const cutoff = Date.parse(time);
  let state = projection.initialState();
  for (const event of events) {
    if (Date.parse(event.recordedAt) > cutoff) continue;
    state = projection.evolve(state, event);
  }
  return state;
}
