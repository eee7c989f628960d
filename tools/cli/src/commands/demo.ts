import type { Command } from 'commander';

/** Appends a demo workload to the embedded store and prints the queue and capacity views. */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('append a demo workload to the embedded store and print the queue and capacity views')
    .option('--jobs <n>', 'how many jobs to submit', '24')
    .option('--data-dir <dir>', 'where the embedded store lives (default: SLUICE_DATA_DIR or ./.sluice)')
    .action(async (options: { jobs: string; dataDir?: string }) => {
      const count = Number(options.jobs);
      if (!Number.isInteger(count) || count < 0 || count > 100_000) {
        program.error('--jobs must be a whole number from 0 to 100000', { exitCode: 2 });
      }
      // Loaded when run, so `sluice --help` and other commands never pay for the store and runtime.
      const [{ SqliteEventStore }, { allViews }, scheduler, runtime, { formatCapacity, formatQueue }] = await Promise.all([
        import('@sluice/adapters'),
        import('@sluice/domain'),
        import('@sluice/scheduler'),
        import('@sluice/runtime'),
        import('../format/views'),
      ]);
      const { ProjectionRunner, handlePoolCommand, loadPool, submitJob } = scheduler;
      const { dataDir, eventsFile, newJobId, wallClockContext, DEMO_POOLS, demoJobs } = runtime;
      const file = eventsFile(dataDir(options.dataDir));
      const store = new SqliteEventStore({ filename: file });
      try {
        for (const pool of DEMO_POOLS) {
          const { state } = await loadPool(store, pool.poolId);
          if (!state.registered)
            await handlePoolCommand(
              store,
              pool.poolId,
              { type: 'RegisterPool', data: pool },
              wallClockContext('demo'),
            );
        }
        for (const job of demoJobs(count))
          await submitJob(store, { ...job, jobId: newJobId() }, wallClockContext('demo'));
        const views = await ProjectionRunner.start(store, allViews());
        console.log(`Sluice demo: ${count} jobs appended to ${file}\n`);
        console.log(formatQueue(views.state.queue));
        console.log();
        console.log(formatCapacity(views.state.capacity));
      } finally {
        await store.close();
      }
    });
}
