import { replayAsOf, type EventStore, type Projection } from '@sluice/domain';
import type { CheckpointStore } from '../checkpointStore';
import { ProjectionRunner } from '../projectionRunner';
import { apiViews, type ApiViews } from './apiViews';
import { QueueOrderIndex } from './queueOrderIndex';
import type { ReadModel } from './readModel';
import { savingEvery } from './savingEvery';

export interface ProjectionReadModelOptions {
  /** Resume from here instead of replaying the whole feed at start. */
  checkpoints?: CheckpointStore;
  /** Save a checkpoint once the feed has moved this many positions past the last (default 10,000). */
  saveEvery?: number;
  pageSize?: number;
  halfLifeSeconds?: number;
}

/**
 * The read model over a projection runner that catches up before it answers. Catch-ups never
 * overlap (a runner applies pages to one state), and a caller that arrives while one is running
 * waits for the next, which starts after its call and so sees its writes.
 */
export class ProjectionReadModel implements ReadModel {
  private running: Promise<void> | undefined;
  private queued: Promise<void> | undefined;

  private constructor(
    private readonly store: EventStore,
    private readonly projection: Projection<ApiViews>,
    private readonly runner: ProjectionRunner<ApiViews>,
    private readonly queueOrder: QueueOrderIndex,
    private readonly pageSize: number,
  ) {}

  static async start(
    store: EventStore,
    options: ProjectionReadModelOptions = {},
  ): Promise<ProjectionReadModel> {
    const projection = apiViews({
      ...(options.halfLifeSeconds !== undefined ? { halfLifeSeconds: options.halfLifeSeconds } : {}),
    });
    const pageSize = options.pageSize ?? 1000;
    const queueOrder = new QueueOrderIndex();
    // The index learns of each event as the runner applies it, so it never has to scan the queue again.
    const tracked: Projection<ApiViews> = {
      ...projection,
      evolve(state, event) {
        const next = projection.evolve(state, event);
        if (event.streamId.startsWith('job-'))
          queueOrder.touched((event.data as { jobId: string }).jobId, next.queue);
        return next;
      },
    };
    const runner = await ProjectionRunner.start(store, tracked, {
      pageSize,
      ...(options.checkpoints
        ? { checkpoints: savingEvery(options.checkpoints, options.saveEvery ?? 10_000) }
        : {}),
    });
    return new ProjectionReadModel(store, projection, runner, queueOrder, pageSize);
  }

  async current(): Promise<ApiViews> {
    await this.refresh();
    return this.runner.state;
  }

  queuePosition(jobId: string): number | undefined {
    return this.queueOrder.positionOf(jobId, this.runner.state.queue);
  }

  /** Streams the feed page by page, so memory holds one page and the state, never the whole log. */
  async asOf(time: string): Promise<ApiViews> {
    let state = this.projection.initialState();
    let after = 0;
    for (;;) {
      const page = await this.store.readAll({ after, limit: this.pageSize });
      const carried = state;
      state = replayAsOf({ ...this.projection, initialState: () => carried }, page.events, time);
      after = page.lastPosition;
      if (page.isEnd || page.events.length === 0) return state;
    }
  }

  private refresh(): Promise<void> {
    if (this.queued) return this.queued;
    if (!this.running) return this.startCatchUp();
    const queued = this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.startCatchUp();
      });
    this.queued = queued;
    return queued;
  }

  private startCatchUp(): Promise<void> {
    const run: Promise<void> = this.runner
      .catchUp()
      .then(() => undefined)
      .finally(() => {
        if (this.running === run) this.running = undefined;
      });
    this.running = run;
    return run;
  }
}
