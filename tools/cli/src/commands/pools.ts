import type { Command } from 'commander';
import { formatPools } from '../format/pools';
import { printJson, runAction } from './runAction';
import { withTargetOptions, type CommonOptions } from './targetOptions';

/** `sluice pools`: each pool's capacity, quota, reserved, observed and headroom per dimension. */
export function registerPoolsCommand(program: Command): void {
  withTargetOptions(
    program.command('pools').description('pools with capacity, quota and headroom per dimension'),
  ).action((options: CommonOptions) =>
    runAction(options, async (client) => {
      const pools = await client.pools();
      if (options.json) return printJson({ pools });
      console.log(formatPools(pools));
    }),
  );
}
