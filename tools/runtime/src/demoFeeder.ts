import type { EventStore } from '@sluice/domain';
import {
  handlePoolCommand,
  loadPool,
  setSharePolicy,
  submitJob,
  type CommandContext,
} from '@sluice/scheduler';
import { DEMO_POOLS, demoJobs } from './demoWorkload';

/** Registers the demo pools and share policy unless a previous run did. */
export async function prepareDemo(store: EventStore, ctx: (actor: string) => CommandContext): Promise<void> {
  for (const pool of DEMO_POOLS) {
    const { state } = await loadPool(store, pool.poolId);
    if (!state.registered)
      await handlePoolCommand(store, pool.poolId, { type: 'RegisterPool', data: pool }, ctx('demo'));
  }
  await setSharePolicy(
    store,
    {
      shares: { 'ingest-team': 2, 'marketing-analytics': 1, 'finance-reporting': 1 },
      halfLifeSeconds: 600,
      agingSeconds: 120,
      sourceCaps: { 'marketing-analytics': 12 },
    },
    ctx('demo'),
  );
}

/**
 * Feeds demo jobs: a burst at start, then a trickle, so a new user sees jobs queue behind quotas,
 * get admitted by priority and fair share, run, sometimes fail and retry, and finish.
 */
export class DemoFeeder {
  private next = 0;
  private readonly jobs;

  constructor(
    private readonly store: EventStore,
    private readonly ctx: (actor: string) => CommandContext,
    private readonly newJobId: () => string,
    total: number,
    seed: number,
  ) {
    this.jobs = demoJobs(total, seed);
  }

  get remaining(): number {
    return this.jobs.length - this.next;
  }

  async submit(count: number): Promise<number> {
    let submitted = 0;
    while (submitted < count && this.next < this.jobs.length) {
      const job = this.jobs[this.next++]!;
      await submitJob(this.store, { ...job, jobId: this.newJobId() }, this.ctx('demo-pipeline'));
      submitted += 1;
    }
    return submitted;
  }
}
