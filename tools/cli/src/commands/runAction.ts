import { ClientError, EXIT_FAILURE } from '../client/clientError';
import type { SluiceClient } from '../client/sluiceClient';
import type { CommonOptions } from './targetOptions';

/**
 * Runs a command against its client and turns a ClientError into one line on stderr and its exit
 * code. The client is closed first, so the process ends on its own with everything flushed.
 */
export async function runAction(
  options: CommonOptions,
  action: (client: SluiceClient) => Promise<void>,
): Promise<void> {
  let client: SluiceClient | undefined;
  try {
    // The clients (and the store or HTTP code behind them) load only when a command runs.
    const { openClient } = await import('../client/openClient');
    client = await openClient(options);
    await action(client);
  } catch (error) {
    // Anything unforeseen (a corrupt store, a bug) still fails in one line; SLUICE_DEBUG shows where.
    // A ClientError is written for the user (with the fields at fault under it); anything else shows its first line.
    const message =
      error instanceof ClientError ? error.message : error instanceof Error ? error.message.split('\n')[0] : String(error);
    process.stderr.write(`error: ${message}\n`);
    if (process.env.SLUICE_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exitCode = error instanceof ClientError ? error.exitCode : EXIT_FAILURE;
  } finally {
    await client?.close();
  }
}

export function printJson(document: unknown): void {
  process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
}
