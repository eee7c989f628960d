import type { CheckpointStore } from '../checkpointStore';

/**
 * Saves a checkpoint only once the feed has moved `positions` past the last one. A read model
 * catches up on nearly every request, and saving the whole state each time would cost more than
 * the request; a restart replays at most this much of the feed instead.
 */
export function savingEvery(checkpoints: CheckpointStore, positions: number): CheckpointStore {
  let lastSaved = 0;
  return {
    async load(name) {
      const checkpoint = await checkpoints.load(name);
      lastSaved = checkpoint?.position ?? 0;
      return checkpoint as never;
    },
    async save(name, checkpoint) {
      if (checkpoint.position - lastSaved < positions) return;
      await checkpoints.save(name, checkpoint);
      lastSaved = checkpoint.position;
    },
  };
}
