import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where the embedded store lives: SLUICE_DATA_DIR, or `.sluice` in the working directory. */
export function dataDirPath(override?: string): string {
  return resolve(override ?? process.env.SLUICE_DATA_DIR ?? '.sluice');
}

/** The data directory, made if missing: for the runtime, which creates the store. */
export function dataDir(override?: string): string {
  const dir = dataDirPath(override);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export const eventsFile = (dir: string) => join(dir, 'events.db');

/** The local admin key the runtime makes on first start (owner-readable only). */
export const adminKeyFile = (dir: string) => join(dir, 'admin-key');
