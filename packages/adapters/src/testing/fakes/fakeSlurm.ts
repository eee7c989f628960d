import type { SlurmJob } from '../../backends/slurm/slurmJobState';
import { startLocalServer, type LocalReply, type LocalRequest, type LocalServer } from './localServer';

const NEXT: Record<string, string> = {
  PENDING: 'CONFIGURING',
  CONFIGURING: 'RUNNING',
  RUNNING: 'COMPLETING',
  COMPLETING: 'COMPLETED',
};
const FINAL = new Set(['COMPLETED', 'CANCELLED', 'FAILED', 'TIMEOUT']);
const meta = {
  plugin: { type: 'openapi/slurmctld', name: 'Slurm OpenAPI slurmctld', data_parser: 'data_parser/v0.0.40' },
};

/** slurmrestd (API v0.0.40) on a loopback port; jobs walk PENDING → … → COMPLETED. */
export class FakeSlurm {
  readonly jobs = new Map<number, SlurmJob & { script: string }>();
  private refusals: LocalReply[] = [];
  private nextId = 1000;
  server!: LocalServer;

  constructor(
    readonly user: string,
    readonly token: string,
  ) {}

  static async start(user: string, token: string): Promise<FakeSlurm> {
    const fake = new FakeSlurm(user, token);
    fake.server = await startLocalServer((r) => fake.handle(r));
    return fake;
  }

  refuseNextStart(reply: LocalReply): void {
    this.refusals.push(reply);
  }

  advance(): void {
    for (const job of this.jobs.values()) {
      const state = (job.job_state as string[])[0]!;
      const next = NEXT[state];
      if (next) job.job_state = [next];
      if (next === 'COMPLETED')
        job.exit_code = {
          status: ['SUCCESS'],
          return_code: { set: true, infinite: false, number: 0 },
        } as SlurmJob['exit_code'];
    }
  }

  private reply(status: number, body: Record<string, unknown>, errors: unknown[] = []): LocalReply {
    return { status, body: { meta, errors, warnings: [], ...body } };
  }

  private handle(r: LocalRequest): LocalReply {
    if (r.headers['x-slurm-user-name'] !== this.user || r.headers['x-slurm-user-token'] !== this.token) {
      return { status: 401, body: 'Authentication failure' };
    }
    const path = r.url.pathname;
    if (r.method === 'GET' && path === '/slurm/v0.0.40/ping') return this.reply(200, { pings: [] });
    if (r.method === 'GET' && path === '/slurm/v0.0.40/nodes')
      return this.reply(200, {
        nodes: [{ cpus: 64, alloc_cpus: 16, real_memory: 256_000, alloc_memory: 0 }],
      });
    if (r.method === 'POST' && path === '/slurm/v0.0.40/job/submit') {
      const refusal = this.refusals.shift();
      if (refusal) return refusal;
      const job = (r.body as { job?: { script?: string; name?: string; partition?: string } }).job;
      if (!job?.script)
        return this.reply(500, {}, [
          {
            description: 'Batch job script empty or missing',
            error_number: 2026,
            error: 'Unable to submit batch job',
            source: 'slurm_submit_batch_job()',
          },
        ]);
      const id = this.nextId++;
      this.jobs.set(id, {
        job_id: id,
        name: job.name ?? 'sbatch',
        job_state: ['PENDING'],
        state_reason: 'None',
        script: job.script,
      });
      return this.reply(200, { job_id: id, step_id: 'batch', job_submit_user_msg: '' });
    }
    if (r.method === 'GET' && path === '/slurm/v0.0.40/jobs') {
      return this.reply(200, {
        jobs: [...this.jobs.values()].map(({ script: _s, ...j }) => j),
        last_backfill: { set: true, number: 0 },
        last_update: { set: true, number: 0 },
      });
    }
    const match = /^\/slurm\/v0\.0\.40\/job\/(\d+)$/.exec(path);
    const job = match ? this.jobs.get(Number(match[1])) : undefined;
    if (!job)
      return this.reply(500, { jobs: [] }, [
        {
          description: 'Unable to query JobId',
          error_number: 2017,
          error: 'Invalid job id specified',
          source: '_handle_job_get()',
        },
      ]);
    if (r.method === 'GET') {
      const { script: _s, ...rest } = job;
      return this.reply(200, { jobs: [rest] });
    }
    if (r.method === 'DELETE') {
      const state = (job.job_state as string[])[0]!;
      if (FINAL.has(state)) {
        return this.reply(500, {}, [
          {
            description: 'Job/step already completing or completed',
            error_number: 2021,
            error: 'Job/step already completing or completed',
            source: 'slurm_kill_job()',
          },
        ]);
      }
      job.job_state = ['CANCELLED'];
      return this.reply(200, {});
    }
    return { status: 405, body: 'method not allowed' };
  }
}
