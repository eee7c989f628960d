import { Option, type Command } from 'commander';
import { dataDir, startLocalRuntime } from '@sluice/runtime';

const wholeNumber = (name: string, min: number, max: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`${name} must be a whole number from ${min} to ${max}`);
  return n;
};

/** `sluice start`: the local all-in-one runtime (what `npm start` runs). */
export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description(
      'run Sluice locally: API, scheduler and job runner on the embedded store, with simulated backends',
    )
    .addOption(
      new Option('--port <port>', 'HTTP port (0 picks a free one)').env('SLUICE_PORT').default('8080'),
    )
    .addOption(new Option('--data-dir <dir>', 'where the embedded store lives').env('SLUICE_DATA_DIR'))
    .option('--demo-jobs <n>', 'demo jobs to feed in (0 for none)', '200')
    .option('--no-demo', 'start empty: no demo pools or jobs')
    .option('--quiet', 'do not print each lifecycle event')
    .action(
      async (options: {
        port: string;
        dataDir?: string;
        demoJobs: string;
        demo: boolean;
        quiet?: boolean;
      }) => {
        let port: number;
        let demoJobs: number;
        try {
          port = wholeNumber('--port', 0, 65535)(options.port);
          demoJobs = wholeNumber('--demo-jobs', 0, 100_000)(options.demoJobs);
        } catch (error) {
          program.error((error as Error).message, { exitCode: 2 });
        }
        const runtime = await startLocalRuntime({
          dataDir: dataDir(options.dataDir),
          port,
          demo:
            options.demo && demoJobs > 0
              ? { jobs: demoJobs, burst: Math.min(demoJobs, 40), perTick: 1, seed: 7 }
              : false,
          ...(options.quiet ? { quiet: true } : {}),
        });
        console.log(`Sluice listening on ${runtime.url}`);
        console.log(`Admin API key: ${runtime.adminKey}  (Authorization: Bearer <key>)`);
      console.log(`Dashboard: ${runtime.url}/dashboard?key=${encodeURIComponent(runtime.adminKey)}`);
        console.log('Press Ctrl-C to stop.');
        const shutdown = async () => {
          console.log('Stopping…');
          await runtime.stop();
          process.exit(0);
        };
        process.once('SIGINT', () => void shutdown());
        process.once('SIGTERM', () => void shutdown());
      },
    );
}
