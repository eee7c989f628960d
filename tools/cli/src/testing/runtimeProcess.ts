import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { SLUICE_BIN } from './runCli';

export interface RuntimeProcess {
  child: ChildProcessWithoutNullStreams;
  url: string;
  key: string;
  output: () => string;
  /** Resolves with the exit code (or the signal's name) when the process ends. */
  exited: Promise<number | string | null>;
}

/** Starts the built `sluice start` as a user would, and waits for the line that says where it listens. */
export async function startRuntime(
  dataDir: string,
  options: { args?: string[]; key?: string; command?: string[]; subcommand?: boolean; cwd?: string } = {},
): Promise<RuntimeProcess> {
  const key = options.key ?? 'slk_first-hour';
  const [file, ...prefix] = options.command ?? [process.execPath, SLUICE_BIN];
  // `npm start` names the subcommand itself.
  const start = options.subcommand === false ? [] : ['start'];
  const child = spawn(file!, [...prefix, ...start, '--no-demo', '--quiet', ...(options.args ?? [])], {
    env: { ...process.env, SLUICE_DATA_DIR: dataDir, SLUICE_PORT: '0', SLUICE_API_KEY: key, NODE_NO_WARNINGS: '1' },
    ...(options.cwd ? { cwd: options.cwd } : {}),
    detached: true,
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  const exited = new Promise<number | string | null>((done) => child.on('exit', (code, signal) => done(code ?? signal)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line within 30 s:\n${out}`)), 30_000);
    const check = () => {
      const found = /Sluice listening on (\S+)/.exec(out);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    };
    child.stdout.on('data', check);
    void exited.then(() => reject(new Error(`exited before listening:\n${out}`)));
  });
  return { child, url, key, output: () => out, exited };
}

/** True while something accepts connections at the URL. */
export async function listening(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}
