import type { Command } from 'commander';
import { progressOnStderr } from '../format/progress';
import { instant } from './arguments';
import { printJson, runAction } from './runAction';
import { withTargetOptions, type CommonOptions } from './targetOptions';

interface ReplayCommandOptions extends CommonOptions {
  stream?: string;
  until?: string;
}

/** `sluice replay`: rebuilds the views from the log and prints them as they were at an instant. */
export function registerReplayCommand(program: Command): void {
  withTargetOptions(
    program
      .command('replay')
      .description('rebuild the views from the event log and print them as of --until (default: now)')
      .option('--stream <streamId>', 'replay only this stream (job-<id>, pool-<id>, policy, …)')
      .option('--until <time>', 'leave out events recorded after this ISO time'),
  ).action((options: ReplayCommandOptions) =>
    runAction(options, async (client) => {
      const until = options.until === undefined ? undefined : instant('--until', options.until);
      const progress = progressOnStderr('replay');
      const [{ replayViews }, { formatReplayedViews, statusCounts }] = await Promise.all([
        import('@sluice/scheduler'),
        import('../format/replaySummary'),
      ]);
      const replay = await replayViews(client, {
        ...(options.stream !== undefined ? { stream: options.stream } : {}),
        ...(until !== undefined ? { until } : {}),
        onProgress: (read, total) => progress.update(read, total),
      });
      progress.finish(`${replay.applied} of ${replay.read} events applied, up to position ${replay.position}`);
      if (options.json)
        return printJson({
          until: until ?? null,
          stream: options.stream ?? null,
          read: replay.read,
          applied: replay.applied,
          position: replay.position,
          jobsByStatus: statusCounts(replay.views),
          views: replay.views,
        });
      const scope = options.stream ? `stream ${options.stream}` : 'the whole log';
      console.log(formatReplayedViews(replay.views, `Views of ${scope} as of ${until ?? 'now'} (position ${replay.position})`));
    }),
  );
}
