import { dataDir } from '@sluice/runtime';
import { ClientError, EXIT_USAGE } from './clientError';
import { HttpClient } from './httpClient';
import { LocalClient } from './localClient';
import type { SluiceClient } from './sluiceClient';

export interface TargetOptions {
  dataDir?: string;
  endpoint?: string;
  apiKey?: string;
}

/** An endpoint means a deployed Sluice; without one the CLI works on the local store. */
export function openClient(options: TargetOptions): SluiceClient {
  if (options.endpoint) {
    if (!URL.canParse(options.endpoint) || !/^https?:$/.test(new URL(options.endpoint).protocol))
      throw new ClientError(`--endpoint must be an http(s) URL, not ${options.endpoint}`, EXIT_USAGE);
    return new HttpClient(options.endpoint, options.apiKey);
  }
  return new LocalClient(dataDir(options.dataDir));
}
