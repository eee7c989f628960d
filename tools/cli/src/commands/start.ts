import { Option, type Command } from 'commander';

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
        const { dataDir, startLocalRuntime } = await import('@sluice/runtime');
        let runtime: Awaited<ReturnType<typeof startLocalRuntime>>;
        try {
          runtime = await startLocalRuntime({
            dataDir: dataDir(options.dataDir),
            port,
            demo:
              options.demo && demoJobs > 0
                ? { jobs: demoJobs, burst: Math.min(demoJobs, 40), perTick: 1, seed: 7 }
                : false,
            ...(options.quiet ? { quiet: true } : {}),
          });
        } catch (error) {
          process.stderr.write(`error: ${startFailure(error, port)}\n`);
          process.exit(1);
        }
        // Handlers first: whoever reads the listening line may signal at once, and a signal that
        // arrives before a handler is installed kills the process without a drain.
        stopOnSignals(() => runtime.stop());
        console.log(`Sluice listening on ${runtime.url}`);
        console.log(`Admin API key: ${runtime.adminKey}  (Authorization: Bearer <key>)`);
        console.log(`Dashboard: ${runtime.url}/dashboard?key=${encodeURIComponent(runtime.adminKey)}`);
        console.log('Press Ctrl-C to stop.');
      },
    );
}

/** What a user can act on when the runtime cannot start: the taken port, the taken directory. */
function startFailure(error: unknown, port: number): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return `port ${port} is already in use; stop what listens there or pass --port (0 picks a free one)`;
  if (code === 'EACCES') return `not allowed to listen on port ${port}; pass a port above 1023`;
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

const DRAIN_LIMIT_MS = 5_000;

/**
 * SIGTERM (process managers, `timeout`, `kill`) and SIGINT (Ctrl-C) both drain: stop admitting,
 * let the in-flight append finish, close the store, exit 0. A drain that hangs past the limit, or
 * a second signal, exits at once with 1.
 */
function stopOnSignals(stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = () => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log('Stopping…');
    setTimeout(() => {
      process.stderr.write(`error: did not stop within ${DRAIN_LIMIT_MS / 1000} s; exiting\n`);
      process.exit(1);
    }, DRAIN_LIMIT_MS).unref();
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`error: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  stopWithNpm(onSignal);
}

/**
 * Under `npm start`, npm is the process a supervisor or `kill <pid>` signals, and npm exits on
 * SIGTERM without passing it on: the runtime would be left running, orphaned. So when npm started
 * us and goes away, that is our SIGTERM. (A plain `sluice start` keeps running when its shell
 * goes, as `nohup` users expect.)
 */
function stopWithNpm(onParentGone: () => void): void {
  if (process.env.npm_lifecycle_event !== 'start') return;
  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(watch);
    onParentGone();
  }, 250);
  watch.unref();
}
