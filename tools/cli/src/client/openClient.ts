import { existsSync, readFileSync } from 'node:fs';
import { runningRuntime } from '@sluice/runtime/lock';
import { adminKeyFile, dataDirPath, eventsFile } from '@sluice/runtime/paths';
import { ClientError, EXIT_USAGE } from './clientError';
import type { SluiceClient } from './sluiceClient';

export interface TargetOptions {
  dataDir?: string;
  endpoint?: string;
  apiKey?: string;
}

/**
 * An endpoint means a deployed Sluice; without one the CLI works on the local store, which must
 * exist (`sluice start` and `sluice demo` make one): a typo in --data-dir is an error, not a new
 * empty store.
 */
export async function openClient(options: TargetOptions): Promise<SluiceClient> {
  if (options.endpoint) {
    if (!URL.canParse(options.endpoint) || !/^https?:$/.test(new URL(options.endpoint).protocol))
      throw new ClientError(`--endpoint must be an http(s) URL, not ${options.endpoint}`, EXIT_USAGE);
    return new (await import('./httpClient')).HttpClient(options.endpoint, options.apiKey);
  }
  const dir = dataDirPath(options.dataDir);
  if (!existsSync(eventsFile(dir)))
    throw new ClientError(`no Sluice store at ${dir}; start one with \`sluice start\` or pass --endpoint`, EXIT_USAGE);
  // A runtime serving this directory owns the store: ask it, as kubectl asks its API server. Its
  // views are current already, so an answer costs a request instead of a replay.
  const running = runningRuntime(dir);
  const key = options.apiKey ?? localKey(dir);
  if (running && key) return new (await import('./httpClient')).HttpClient(running.url, key);
  // The store, its views and the policy load only when the command works on the store itself.
  return new (await import('./localClient')).LocalClient(dir);
}

function localKey(dir: string): string | undefined {
  const file = adminKeyFile(dir);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}
