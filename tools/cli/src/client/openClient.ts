import { existsSync } from 'node:fs';
import { dataDirPath, eventsFile } from '@sluice/runtime';
import { ClientError, EXIT_USAGE } from './clientError';
import { HttpClient } from './httpClient';
import { LocalClient } from './localClient';
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
export function openClient(options: TargetOptions): SluiceClient {
  if (options.endpoint) {
    if (!URL.canParse(options.endpoint) || !/^https?:$/.test(new URL(options.endpoint).protocol))
      throw new ClientError(`--endpoint must be an http(s) URL, not ${options.endpoint}`, EXIT_USAGE);
    return new HttpClient(options.endpoint, options.apiKey);
  }
  const dir = dataDirPath(options.dataDir);
  if (!existsSync(eventsFile(dir)))
    throw new ClientError(`no Sluice store at ${dir}; start one with \`sluice start\` or pass --endpoint`, EXIT_USAGE);
  return new LocalClient(dir);
}
