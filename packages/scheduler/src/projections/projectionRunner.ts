import type { EventStore, Projection } from '@sluice/domain';
import type { CheckpointStore } from './checkpointStore';

export interface ProjectionRunnerOptions {
  pageSize?: number;
  /** Where to save progress; without one, every start rebuilds from the first event. */
  checkpoints?: CheckpointStore;
}

/**
 * Keeps a projection caught up with the store's global feed. It resumes from its checkpoint, reads
 * pages in position order and saves the state with the position it reflects, so a restart never
 * applies an event twice or skips one.
 */
export class ProjectionRunner<S> {
  private current: S;
  private position = 0;

  private constructor(
    private readonly store: EventStore,
    private readonly projection: Projection<S>,
    private readonly options: ProjectionRunnerOptions,
  ) {
    this.current = projection.initialState();
  }

  static async start<S>(store: EventStore, projection: Projection<S>, options: ProjectionRunnerOptions = {}) {
    const runner = new ProjectionRunner(store, projection, options);
    const saved = await options.checkpoints?.load<S>(projection.name);
    if (saved) {
      runner.current = saved.state;
      runner.position = saved.position;
    }
    await runner.catchUp();
    return runner;
  }

  get state(): S {
    return this.current;
  }

  /** The global position of the last event applied. */
  get checkpoint(): number {
    return this.position;
  }

  /** Applies everything recorded since the last call; returns how many events it applied. */
  async catchUp(): Promise<number> {
    let applied = 0;
    for (;;) {
      const page = await this.store.readAll({ after: this.position, limit: this.options.pageSize ?? 1000 });
      for (const event of page.events) this.current = this.projection.evolve(this.current, event);
      applied += page.events.length;
      this.position = page.lastPosition;
      if (page.isEnd) break;
    }
    if (applied > 0) await this.options.checkpoints?.save(this.projection.name, { position: this.position, state: this.current });
    return applied;
  }
}
