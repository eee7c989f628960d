import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { progressOnStderr } from '../format/progress';

const require = createRequire(import.meta.url);

/** The simulator's own entry: its options, messages and exit codes stay the single source of truth. */
export function simulatorEntry(): string {
  return join(dirname(require.resolve('@sluice/simulator')), 'cli/main.ts');
}

/**
 * `sluice simulate`: hands every argument to the simulator CLI in a child process (its policies
 * run in worker threads and it owns its exit codes), with elapsed time on stderr meanwhile.
 */
export function registerSimulateCommand(program: Command): void {
  program
    .command('simulate')
    .description('compare Sluice with baseline policies on a workload in virtual time (try: simulate --help)')
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .argument('[args...]', 'arguments for the simulator, such as --trace synthetic:3 --jobs 500')
    .action(async (args: string[]) => {
      process.exitCode = await runSimulator(args);
    });
}

export function runSimulator(args: string[]): Promise<number> {
  const progress = progressOnStderr('simulate', { unit: 's elapsed', rate: false });
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', require.resolve('tsx'), simulatorEntry(), ...args], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  // The simulator knows no total up front; elapsed seconds show it is alive.
  const timer = setInterval(() => progress.update(Math.round((Date.now() - started) / 1000)), 500);
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      clearInterval(timer);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (code !== 0 && !args.includes('--help')) progress.finish(`failed after ${seconds}s`);
      else if (code === 0 && !args.includes('--help')) progress.finish(`done in ${seconds}s`);
      resolve(code ?? (signal ? 130 : 1));
    });
  });
}
