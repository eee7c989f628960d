/** Where a projection's state is saved with the global position it reflects. */
export interface ProjectionCheckpoint<S> {
  position: number;
  state: S;
}

export interface CheckpointStore {
  load<S>(name: string): Promise<ProjectionCheckpoint<S> | undefined>;
  /** Saves only if `position` is ahead of what is saved: a slower runner never moves it back. */
  save<S>(name: string, checkpoint: ProjectionCheckpoint<S>): Promise<void>;
}

/** Checkpoints kept in memory: for tests and for a runtime that rebuilds on every start. */
export class MemoryCheckpointStore implements CheckpointStore {
  private readonly saved = new Map<string, string>();

  async load<S>(name: string): Promise<ProjectionCheckpoint<S> | undefined> {
    const json = this.saved.get(name);
    return json === undefined ? undefined : (JSON.parse(json) as ProjectionCheckpoint<S>);
  }

  async save<S>(name: string, checkpoint: ProjectionCheckpoint<S>): Promise<void> {
    const current = await this.load(name);
    if (current && current.position >= checkpoint.position) return;
    this.saved.set(name, JSON.stringify(checkpoint));
  }
}
