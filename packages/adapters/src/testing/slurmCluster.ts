import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { freePort } from './freePort';

const run = promisify(execFile);
const ENSURE_SLURM = fileURLToPath(new URL('../../../../scripts/ensure-slurm.sh', import.meta.url));
/** Every run's directory starts with this, so a later run can find an earlier crashed one. */
const RUN_PREFIX = 'sluice-slurm-';
const PIDS_FILE = 'daemon.pids';
const READY_TIMEOUT_MS = 45_000;
/** What the node declares; jobs may ask for memory up to this. */
export const NODE_MEMORY_MIB = 1024;

/** A one-node SLURM cluster (munged, slurmctld, slurmd, slurmrestd) of the tests, in a temp dir. */
export interface SlurmTestCluster {
  /** slurmrestd's base URL on loopback. */
  url: string;
  userName: string;
  token: string;
  partition: string;
  nodeCpus: number;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Kills the daemons an earlier run left behind (by the pids it recorded) and removes its dir. */
async function removeLeftovers(): Promise<void> {
  for (const entry of await readdir(tmpdir())) {
    if (!entry.startsWith(RUN_PREFIX)) continue;
    const dir = join(tmpdir(), entry);
    const pids = await readFile(join(dir, PIDS_FILE), 'utf8').catch(() => '');
    for (const pid of pids.split('\n').filter(Boolean).map(Number)) {
      if (isAlive(pid)) process.kill(-pid, 'SIGKILL');
    }
    await rm(dir, { recursive: true, force: true });
  }
}

async function ensureSlurmInstalled(): Promise<void> {
  try {
    await run(ENSURE_SLURM, [], { timeout: 300_000 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`cannot install SLURM for the real-server tests: ${stderr.trim() || String(error)}`, {
      cause: error,
    });
  }
}

interface Layout {
  dir: string;
  conf: string;
  mungeSocket: string;
  host: string;
  nodeCpus: number;
  partition: string;
}

function slurmConf(l: Layout, ports: { ctld: number; slurmd: number }): string {
  return `ClusterName=sluicetest
SlurmctldHost=${l.host}
SlurmUser=root
SlurmctldPort=${ports.ctld}
SlurmdPort=${ports.slurmd}
AuthType=auth/munge
AuthInfo=socket=${l.mungeSocket}
AuthAltTypes=auth/jwt
AuthAltParameters=jwt_key=${join(l.dir, 'jwt.key')}
StateSaveLocation=${join(l.dir, 'state')}
SlurmdSpoolDir=${join(l.dir, 'spool')}
SlurmctldPidFile=${join(l.dir, 'slurmctld.pid')}
SlurmdPidFile=${join(l.dir, 'slurmd.pid')}
SlurmctldLogFile=${join(l.dir, 'slurmctld.log')}
SlurmdLogFile=${join(l.dir, 'slurmd.log')}
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
ReturnToService=2
MinJobAge=600
KillWait=2
SchedulerParameters=sched_interval=1
NodeName=${l.host} CPUs=${l.nodeCpus} RealMemory=${NODE_MEMORY_MIB} State=UNKNOWN
PartitionName=${l.partition} Nodes=${l.host} Default=YES MaxTime=INFINITE State=UP
`;
}

/** munged refuses a key others can read and a socket dir others cannot search. */
async function writeMungeDir(dir: string): Promise<string> {
  const mungeDir = join(dir, 'munge');
  await mkdir(mungeDir);
  // Clients must reach the socket, so the dir is searchable by all but readable by munge alone.
  await chmod(mungeDir, 0o711);
  const key = join(mungeDir, 'munge.key');
  await writeFile(key, randomBytes(1024), { mode: 0o400 });
  const { uid, gid } = await userIds('munge');
  await chown(mungeDir, uid, gid);
  await chown(key, uid, gid);
  return mungeDir;
}

async function userIds(user: string): Promise<{ uid: number; gid: number }> {
  const [{ stdout: uid }, { stdout: gid }] = await Promise.all([
    run('id', ['-u', user]),
    run('id', ['-g', user]),
  ]);
  return { uid: Number(uid), gid: Number(gid) };
}

const STOP_GRACE_MS = 5_000;

/**
 * Jobs run under slurmstepd in sessions of their own, which outlive slurmd: cancel every job and
 * wait until the controller has none left, so no step survives the cluster.
 */
async function cancelAllJobs(env: NodeJS.ProcessEnv): Promise<void> {
  await run('scancel', ['--full', '--user=root'], { env }).catch(() => {});
  const deadline = Date.now() + STOP_GRACE_MS;
  while (Date.now() < deadline) {
    const { stdout } = await run('squeue', ['-h', '-o', '%i'], { env }).catch(() => ({ stdout: '' }));
    if (!stdout.trim()) return;
    await sleep(250);
  }
}

/** SIGTERM lets slurmctld and slurmd take their helpers down with them; SIGKILL whatever lingers. */
async function stopDaemons(children: ChildProcess[]): Promise<void> {
  const running = children.filter((c) => c.pid !== undefined && isAlive(c.pid));
  const exited = running.map((c) => new Promise((resolve) => c.once('exit', resolve)));
  for (const child of running) process.kill(-child.pid!, 'SIGTERM');
  const grace = sleep(STOP_GRACE_MS).then(() => 'timeout');
  if ((await Promise.race([Promise.all(exited), grace])) === 'timeout') {
    for (const child of running) if (isAlive(child.pid!)) process.kill(-child.pid!, 'SIGKILL');
  }
}

/** Starts the cluster: it fails with the reason (never skips) when SLURM cannot be installed or run. */
export async function startSlurmCluster(): Promise<SlurmTestCluster> {
  await ensureSlurmInstalled();
  await removeLeftovers();
  const dir = await mkdtemp(join(tmpdir(), RUN_PREFIX));
  // slurmrestd runs as the slurm user and must read the conf.
  await chmod(dir, 0o755);
  const children: ChildProcess[] = [];
  const recordPid = (child: ChildProcess) => {
    children.push(child);
    return writeFile(join(dir, PIDS_FILE), `${child.pid}\n`, { flag: 'a' });
  };
  let conf: string | undefined;
  const stop = async () => {
    if (conf) await cancelAllJobs({ ...process.env, SLURM_CONF: conf });
    await stopDaemons(children.reverse());
    await rm(dir, { recursive: true, force: true });
  };

  try {
    const mungeDir = await writeMungeDir(dir);
    const layout: Layout = {
      dir,
      conf: join(dir, 'slurm.conf'),
      mungeSocket: join(mungeDir, 'munge.socket'),
      host: hostname().split('.')[0]!,
      nodeCpus: cpus().length,
      partition: 'sluice',
    };
    conf = layout.conf;
    await writeFile(join(dir, 'jwt.key'), randomBytes(32), { mode: 0o600 });
    await mkdir(join(dir, 'state'));
    await mkdir(join(dir, 'spool'));
    const [ctld, slurmd, rest] = [await freePort(), await freePort(), await freePort()];
    await writeFile(layout.conf, slurmConf(layout, { ctld, slurmd }), { mode: 0o644 });
    const env = { ...process.env, SLURM_CONF: layout.conf };
    const munge = await userIds('munge');
    const slurm = await userIds('slurm');
    const daemon = (command: string, args: string[], user?: { uid: number; gid: number }) =>
      recordPid(spawn(command, args, { env, stdio: 'ignore', detached: true, ...user }));

    await daemon(
      'munged',
      [
        '-F',
        `--socket=${layout.mungeSocket}`,
        `--key-file=${join(mungeDir, 'munge.key')}`,
        `--pid-file=${join(mungeDir, 'munged.pid')}`,
        `--log-file=${join(mungeDir, 'munged.log')}`,
        `--seed-file=${join(mungeDir, 'munged.seed')}`,
      ],
      munge,
    );
    await waitFor('munged', () => readdir(mungeDir).then((f) => f.includes('munge.socket')));
    await daemon('slurmctld', ['-D', '-i', '-f', layout.conf]);
    await daemon('slurmd', ['-D', '-f', layout.conf]);
    await waitFor('the node to be idle', async () => {
      const { stdout } = await run('sinfo', ['-h', '-o', '%T'], { env }).catch(() => ({ stdout: '' }));
      return stdout.trim() === 'idle';
    });
    const { stdout } = await run('scontrol', ['token', 'username=root', 'lifespan=3600'], { env });
    const token = /SLURM_JWT=(\S+)/.exec(stdout)?.[1];
    if (!token) throw new Error(`scontrol token printed no token: ${stdout}`);
    // slurmrestd refuses to run as root; 22.05 without slurmdbd can load only the v0.0.38 plugin.
    await recordPid(
      spawn('slurmrestd', ['-a', 'rest_auth/jwt', '-s', 'openapi/v0.0.38', `127.0.0.1:${rest}`], {
        env: { ...env, SLURM_JWT: 'daemon' },
        stdio: 'ignore',
        detached: true,
        ...slurm,
      }),
    );
    const url = `http://127.0.0.1:${rest}`;
    await waitFor('slurmrestd', () =>
      fetch(`${url}/slurm/v0.0.38/ping`, {
        headers: { 'X-SLURM-USER-NAME': 'root', 'X-SLURM-USER-TOKEN': token },
      })
        .then((r) => r.ok)
        .catch(() => false),
    );
    return { url, userName: 'root', token, partition: layout.partition, nodeCpus: layout.nodeCpus, stop };
  } catch (error) {
    const logs = await daemonLogs(dir);
    await stop();
    throw new Error(`the SLURM test cluster did not start: ${(error as Error).message}\n${logs}`, {
      cause: error,
    });
  }
}

async function waitFor(what: string, ready: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (await ready()) return;
    await sleep(250);
  }
  throw new Error(`timed out after ${READY_TIMEOUT_MS / 1000} s waiting for ${what}`);
}

/** The tail of each daemon's log, so a failed start says why. */
async function daemonLogs(dir: string): Promise<string> {
  const logs = ['slurmctld.log', 'slurmd.log', 'munge/munged.log'];
  const tails = await Promise.all(
    logs.map(async (log) => {
      const text = await readFile(join(dir, log), 'utf8').catch(() => '');
      return text ? `--- ${log}\n${text.split('\n').slice(-15).join('\n')}` : '';
    }),
  );
  return tails.filter(Boolean).join('\n');
}
