import { Command } from 'commander';
import manifest from '../package.json' with { type: 'json' };
import { registerCancelCommand } from './commands/cancel';
import { registerDemoCommand } from './commands/demo';
import { registerExplainCommand } from './commands/explain';
import { registerExportCommand } from './commands/export';
import { registerWhatIfCommand } from './commands/whatif';
import { registerJobsCommand } from './commands/jobs';
import { registerPoolsCommand } from './commands/pools';
import { registerQueueCommand } from './commands/queue';
import { registerReplayCommand } from './commands/replay';
import { registerSimulateCommand } from './commands/simulate';
import { registerStartCommand } from './commands/start';
import { registerSubmitCommand } from './commands/submit';

// `sluice jobs | head` closes stdout early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const program = new Command('sluice')
  .description('Sluice: decides which data-pipeline job runs, when, and where')
  .version(manifest.version, '-V, --version', 'print the version');
program.exitOverride((error) => {
  // commander's own usage errors (unknown option, missing argument) are bad input: exit 2.
  process.exit(
    error.exitCode === 0
      ? 0
      : error.code?.startsWith('commander.') && error.exitCode === 1
        ? 2
        : error.exitCode,
  );
});
registerStartCommand(program);
registerDemoCommand(program);
registerSubmitCommand(program);
registerJobsCommand(program);
registerQueueCommand(program);
registerPoolsCommand(program);
registerCancelCommand(program);
registerReplayCommand(program);
registerExplainCommand(program);
registerSimulateCommand(program);
registerExportCommand(program);
registerWhatIfCommand(program);
await program.parseAsync(process.argv);
