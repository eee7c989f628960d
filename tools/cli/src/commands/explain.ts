import type { Command } from 'commander';
import { ClientError } from '../client/clientError';
import { formatExplanation } from '../format/explanation';
import { progressOnStderr } from '../format/progress';
import { printJson, runAction } from './runAction';
import { withTargetOptions, type CommonOptions } from './targetOptions';

/**
 * `sluice explain`: why a job waited, cycle by cycle, each recorded reason checked by running the
 * policy again on the replayed snapshot. A reason that does not reproduce fails the command, so a
 * script can use it as an audit.
 */
export function registerExplainCommand(program: Command): void {
  withTargetOptions(
    program
      .command('explain')
      .description('the job timeline and, per admission cycle, why it waited: recorded vs. recomputed')
      .argument('<jobId>', 'the job to explain'),
  ).action((jobId: string, options: CommonOptions) =>
    runAction(options, async (client) => {
      const progress = progressOnStderr('explain');
      const { explainJob, sluicePolicy } = await import('@sluice/scheduler');
      const explanation = await explainJob(client, jobId, sluicePolicy, (read) => progress.update(read));
      progress.finish(`${explanation.cycles.length} cycles checked`);
      if (options.json) printJson(explanation);
      else console.log(formatExplanation(explanation));
      if (explanation.differ > 0)
        throw new ClientError(`${explanation.differ} of ${explanation.cycles.length} cycles did not reproduce their recorded reason`);
    }),
  );
}
