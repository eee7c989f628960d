import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Another runtime holds the data directory: two must never share one store file unknowingly. */
export class DataDirInUseError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(`another Sluice runtime (pid ${pid}) is using ${dir}; stop it or pass another --data-dir`);
    this.name = 'DataDirInUseError';
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else; it still holds the directory.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

interface LockRecord {
  pid: number;
  /** Where the runtime serves its API, once it does. */
  url?: string;
}

const lockFile = (dir: string) => join(dir, 'runtime.lock');

function readLock(dir: string): LockRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(lockFile(dir), 'utf8')) as LockRecord;
    return Number.isInteger(record.pid) && record.pid > 0 ? record : undefined;
  } catch {
    return undefined;
  }
}

export interface DataDirLock {
  /** Records where the API listens, so a CLI on the same directory can ask the runtime. */
  announce(url: string): void;
  release(): void;
}

/**
 * Takes the data directory for this process: a lock file with our pid, made exclusively. A lock
 * left by a process that is gone (killed with SIGKILL, say) is taken over.
 */
export function lockDataDir(dir: string): DataDirLock {
  const file = lockFile(dir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, JSON.stringify({ pid: process.pid }), { flag: 'wx', mode: 0o600 });
      return {
        announce: (url) => writeFileSync(file, JSON.stringify({ pid: process.pid, url }), { mode: 0o600 }),
        release: () => rmSync(file, { force: true }),
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readLock(dir)?.pid;
      if (holder !== undefined && holder !== process.pid && alive(holder)) throw new DataDirInUseError(dir, holder);
      rmSync(file, { force: true });
    }
  }
  throw new Error(`cannot lock ${dir}`);
}

/** The runtime serving this data directory, if one is running and listening. */
export function runningRuntime(dir: string): { pid: number; url: string } | undefined {
  const record = readLock(dir);
  return record?.url && alive(record.pid) ? { pid: record.pid, url: record.url } : undefined;
}
