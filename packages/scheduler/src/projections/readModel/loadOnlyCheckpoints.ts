import type { CheckpointStore } from '../checkpointStore';

/**
 * Starts from a saved checkpoint but never writes one: readers that catch up on every request
 * (the API, the authorizer, the scheduler) leave saving to the projector, so a large state is
 * not re-written by every instance.
 */
export function loadOnly(checkpoints: CheckpointStore): CheckpointStore {
  return {
    load: (name) => checkpoints.load(name),
    save: async () => undefined,
  };
}
