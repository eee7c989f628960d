import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import { ClientError, EXIT_USAGE } from '../client/clientError';
import { progressOnStderr } from '../format/progress';
import { wholeNumber } from './arguments';
import { runAction } from './runAction';
import { withTargetOptions, type CommonOptions } from './targetOptions';

interface ExportOptions extends CommonOptions {
  out?: string;
  after: string;
}

/** `sluice export`: the log as NDJSON, one event per line in feed order, for audit or migration. */
export function registerExportCommand(program: Command): void {
  withTargetOptions(
    program
      .command('export')
      .description('write every event as NDJSON (one JSON object per line) to stdout or --out')
      .option('--out <file>', 'write to this file instead of stdout')
      .option('--after <position>', 'only events after this global position', '0'),
    { json: false },
  ).action((options: ExportOptions) =>
    runAction(options, async (client) => {
      const after = wholeNumber('--after', options.after, 0, Number.MAX_SAFE_INTEGER);
      const out = options.out ? await openOut(options.out) : process.stdout;
      // A reader that stops early (`| head`) is not an error of the export.
      if (!options.out) process.stdout.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') process.exit(0);
      });
      const progress = progressOnStderr('export');
      let written = 0;
      const { feedOf } = await import('@sluice/scheduler');
      for await (const page of feedOf(client, after)) {
        const chunk = page.map((event) => JSON.stringify(event)).join('\n') + '\n';
        if (!out.write(chunk)) await once(out, 'drain');
        written += page.length;
        progress.update(written);
      }
      if (options.out) await closeOut(out as WriteStream);
      progress.finish(`${written} events${options.out ? ` written to ${options.out}` : ''}`);
    }),
  );
}

async function openOut(file: string): Promise<WriteStream> {
  const stream = createWriteStream(file);
  try {
    await once(stream, 'open');
  } catch (error) {
    throw new ClientError(`cannot write --out ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, EXIT_USAGE);
  }
  return stream;
}

function closeOut(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
}
