import { Command, Option } from 'commander';
import { DEFAULT_RUN_CAP } from '../baselines/runCap';
import { POLICY_NAMES } from '../policyNames';
import { DEFAULT_CHART, DEFAULT_SYNTHETIC_JOBS, THREADS_FROM_JOBS } from './defaults';
import { positiveInteger, positiveNumber } from './numberArguments';
import { parsePolicyList } from './policyListArgument';
import type { SimulateOptions } from './simulateOptions';
import { parseTraceArgument } from './traceArgument';

/**
 * `simulate`: its options and what they mean. Errors throw (exitOverride) so the entry point
 * decides the exit code; commander's own messages are cut to their first line.
 */
export function simulateCommand(): Command {
  return (
    new Command('simulate')
      .description(
        'Replays a workload through Sluice and baseline admission policies in virtual time and compares them.',
      )
      .requiredOption(
        '--trace <trace>',
        'an SWF file, synthetic[:seed] for a generated data-lake workload (seed 1 by default), or ' +
          'saturated[-single]:<load>[:seed] for its job mix at a steady offered load (-single: one source)',
        parseTraceArgument,
      )
      .option(
        '--capacity <n>',
        "SWF: total processors (default: the header's MaxProcs); synthetic, saturated: factor on every pool's capacity",
        positiveNumber,
      )
      .option(
        '--jobs <n>',
        `replay only the first N jobs (synthetic, saturated: generate N, default ${DEFAULT_SYNTHETIC_JOBS})`,
        positiveInteger,
      )
      .option('--no-estimates', "drop every job's estimate, as logs with requested time -1")
      .option('--json', 'print one JSON object instead of tables')
      .option('--chart <file>', 'write the SVG chart of wait by class here', DEFAULT_CHART)
      .option('--no-chart', 'do not write the chart')
      .option(
        '--run-cap <n>',
        'global cap on concurrent runs of the two-level-priority baseline',
        positiveInteger,
        DEFAULT_RUN_CAP,
      )
      .addOption(
        new Option('--policies <names>', `comma-separated subset of ${POLICY_NAMES.join(', ')}`)
          .argParser(parsePolicyList)
          .default([...POLICY_NAMES], 'all'),
      )
      .addOption(
        new Option('--workers <n>', 'policies simulated at once, each in its own thread')
          .argParser(positiveInteger)
          .default(undefined, `one per CPU up to one per policy from ${THREADS_FROM_JOBS} jobs, else 1`),
      )
      .exitOverride()
      .configureOutput({ outputError: (message, write) => write(message.trim().split('\n')[0] + '\n') })
      // The simulation's code loads only once the arguments are known good: --help and usage errors stay instant.
      .action(async (options: SimulateOptions) => (await import('./runSimulation')).runSimulation(options))
  );
}
