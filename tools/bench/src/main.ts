import { benchWhatIf } from './whatIfReplay';
import { Command, InvalidArgumentError } from 'commander';
import { benchApiLoad } from './apiLoad';
import { benchReplay } from './replay';
import { benchSqliteAppend } from './sqliteAppend';
import { benchDynamoAppend } from './dynamoAppend';
import { benchSchedulerCycle } from './schedulerCycle';
import { benchAdmissions, benchFreedToAdmitted } from './admissionThroughput';
import { benchCliLatency } from './cliLatency';

const positive = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('must be a positive whole number');
  return n;
};

const program = new Command('bench').description(
  'Sluice benchmarks: figures and ratios against a baseline measured in the same run',
);
program
  .command('append-sqlite')
  .option('--events <n>', 'events per measurement', positive, 5000)
  .option('--durability <mode>', 'full or normal', 'full')
  .action((o: { events: number; durability: 'full' | 'normal' }) =>
    benchSqliteAppend(o.events, o.durability),
  );
program
  .command('append-dynamo')
  .option('--events <n>', 'events per measurement', positive, 1000)
  .action((o: { events: number }) => benchDynamoAppend(o.events));
program
  .command('cycle')
  .option('--jobs <n>', 'queued jobs', positive, 100_000)
  .option('--pools <n>', 'pools', positive, 100)
  .option('--runs <n>', 'cycles timed per policy', positive, 5)
  .action((o: { jobs: number; pools: number; runs: number }) => benchSchedulerCycle(o.jobs, o.pools, o.runs));
program
  .command('admissions')
  .option('--jobs <n>', 'queued jobs, all admitted in one cycle', positive, 20_000)
  .action((o: { jobs: number }) => benchAdmissions(o.jobs));
program
  .command('freed-latency')
  .option('--iterations <n>', 'finish -> admit rounds', positive, 300)
  .action((o: { iterations: number }) => benchFreedToAdmitted(o.iterations));
program
  .command('replay')
  .option('--events <n>', 'events in the log', positive, 1_000_000)
  .action((o: { events: number }) => benchReplay(o.events));
program
  .command('api-load')
  .description('job submissions per second and p99 latency over HTTP on loopback, against GET /healthz')
  .option('--seconds <n>', 'duration of each phase', positive, 10)
  .option('--connections <n>', 'concurrent connections', positive, 10)
  .option('--durability <mode>', 'full or normal', 'full')
  .action((o: { seconds: number; connections: number; durability: 'full' | 'normal' }) => benchApiLoad(o));
program
  .command('cli-latency')
  .description('sluice --help and sluice queue against a running local runtime, vs node -e 0; npm start to a served API')
  .option('--runs <n>', 'runs of each command', positive, 15)
  .action((o: { runs: number }) => benchCliLatency(o));
program
  .command('whatif')
  .description('what-if replay of a recorded local history vs the simulator on the same jobs')
  .requiredOption('--data-dir <dir>', 'the data directory of a recorded `sluice start` run')
  .action((o: { dataDir: string }) => benchWhatIf(o.dataDir));
await program.parseAsync(process.argv);
