import type { Command } from 'commander';
import { printJson, runAction } from './runAction';
import { withTargetOptions, type CommonOptions } from './targetOptions';

/** `sluice cancel`: a queued or admitted job ends at once; a running one is asked to stop. */
export function registerCancelCommand(program: Command): void {
  withTargetOptions(
    program
      .command('cancel')
      .description('cancel a job (a running one gets a cancellation request)')
      .argument('<jobId>', 'the job to cancel')
      .option('--reason <text>', 'why, for the audit trail'),
  ).action((jobId: string, options: CommonOptions & { reason?: string }) =>
    runAction(options, async (client) => {
      const result = await client.cancel(jobId, options.reason);
      if (options.json) return printJson(result);
      console.log(
        result.status === 'cancelled'
          ? `cancelled ${result.jobId}`
          : `cancellation requested for ${result.jobId} (${result.status})`,
      );
    }),
  );
}
