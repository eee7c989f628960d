import type { KubernetesJob } from '../../backends/kubernetes/kubernetesJobStatus';
import { startLocalServer, type LocalReply, type LocalRequest, type LocalServer } from './localServer';

type Job = KubernetesJob & { apiVersion: string; kind: string; spec: unknown };

const status = (code: number, reason: string, message: string): LocalReply => ({
  status: code,
  body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code },
});

/** A Kubernetes API server for batch/v1 Jobs on a loopback port; Jobs go pending → ready → Complete. */
export class FakeKubernetes {
  readonly jobs = new Map<string, Job>();
  readonly created: Job[] = [];
  private refusals: LocalReply[] = [];
  server!: LocalServer;

  constructor(readonly token: string) {}

  static async start(token: string): Promise<FakeKubernetes> {
    const fake = new FakeKubernetes(token);
    fake.server = await startLocalServer((r) => fake.handle(r));
    return fake;
  }

  refuseNextStart(reply: LocalReply): void {
    this.refusals.push(reply);
  }

  advance(): void {
    for (const job of this.jobs.values()) {
      const s = (job.status ??= {});
      if (s.conditions?.length) continue;
      if (!s.active) Object.assign(s, { active: 1, ready: 0, startTime: new Date().toISOString() });
      else if (!s.ready) s.ready = 1;
      else {
        const now = new Date().toISOString();
        Object.assign(s, {
          active: 0,
          ready: 0,
          succeeded: 1,
          completionTime: now,
          conditions: [
            {
              type: 'SuccessCriteriaMet',
              status: 'True',
              lastProbeTime: now,
              lastTransitionTime: now,
              reason: 'CompletionsReached',
              message: 'Reached expected number of succeeded pods',
            },
            {
              type: 'Complete',
              status: 'True',
              lastProbeTime: now,
              lastTransitionTime: now,
              reason: 'CompletionsReached',
              message: 'Reached expected number of succeeded pods',
            },
          ],
        });
      }
    }
  }

  private handle(r: LocalRequest): LocalReply {
    if (r.headers.authorization !== `Bearer ${this.token}`)
      return status(401, 'Unauthorized', 'Unauthorized');
    const match = /^\/apis\/batch\/v1\/namespaces\/([^/]+)\/jobs(?:\/([^/]+))?$/.exec(r.url.pathname);
    if (!match) return status(404, 'NotFound', 'the server could not find the requested resource');
    const [, namespace, name] = match;
    const key = (n: string) => `${namespace}/${n}`;
    if (r.method === 'POST' && !name) {
      const refusal = this.refusals.shift();
      if (refusal) return refusal;
      const job = r.body as Job;
      if (this.jobs.has(key(job.metadata.name))) {
        return status(409, 'AlreadyExists', `jobs.batch "${job.metadata.name}" already exists`);
      }
      const stored: Job = { ...job, metadata: { ...job.metadata, namespace }, status: {} };
      this.jobs.set(key(job.metadata.name), stored);
      this.created.push(stored);
      return { status: 201, body: stored };
    }
    if (r.method === 'GET' && !name) {
      const selector = r.url.searchParams.get('labelSelector');
      const [lk, lv] = (selector ?? '=').split('=');
      const items = [...this.jobs.values()].filter(
        (j) => j.metadata.namespace === namespace && (!selector || j.metadata.labels?.[lk!] === lv),
      );
      return {
        status: 200,
        body: { kind: 'JobList', apiVersion: 'batch/v1', metadata: { resourceVersion: '1' }, items },
      };
    }
    const job = name ? this.jobs.get(key(name)) : undefined;
    if (!job) return status(404, 'NotFound', `jobs.batch "${name}" not found`);
    if (r.method === 'GET') return { status: 200, body: job };
    if (r.method === 'DELETE') {
      this.jobs.delete(key(name!));
      return {
        status: 200,
        body: {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Success',
          details: { name, group: 'batch', kind: 'jobs' },
        },
      };
    }
    return status(405, 'MethodNotAllowed', 'method not allowed');
  }
}
