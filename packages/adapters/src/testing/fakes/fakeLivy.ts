import { startLocalServer, type LocalReply, type LocalRequest, type LocalServer } from './localServer';

interface Batch {
  id: number;
  name: string | null;
  owner: string | null;
  proxyUser: string | null;
  state: string;
  appId: string | null;
  appInfo: Record<string, string | null>;
  log: string[];
}

const NEXT: Record<string, string> = { not_started: 'starting', starting: 'running', running: 'success' };

/** An Apache Livy server (the `/batches` API) on a loopback port; batches walk not_started → success. */
export class FakeLivy {
  readonly batches = new Map<number, Batch>();
  readonly submitted: unknown[] = [];
  private refusals: LocalReply[] = [];
  private nextId = 0;
  server!: LocalServer;

  static async start(): Promise<FakeLivy> {
    const fake = new FakeLivy();
    fake.server = await startLocalServer((r) => fake.handle(r));
    return fake;
  }

  refuseNextStart(reply: LocalReply): void {
    this.refusals.push(reply);
  }

  advance(): void {
    for (const b of this.batches.values()) {
      const next = NEXT[b.state];
      if (next) b.state = next;
      if (b.state === 'running') b.appId = `application_1700000000000_${String(b.id).padStart(4, '0')}`;
    }
  }

  private handle(r: LocalRequest): LocalReply {
    const path = r.url.pathname;
    if (r.method === 'POST' && path === '/batches') {
      const refusal = this.refusals.shift();
      if (refusal) return refusal;
      const body = r.body as { file?: string; name?: string; proxyUser?: string };
      if (!body.file) return { status: 400, body: { msg: 'requirement failed: File is required' } };
      if (body.name && [...this.batches.values()].some((b) => b.name === body.name)) {
        return { status: 400, body: { msg: `Duplicate session name: ${body.name}` } };
      }
      this.submitted.push(body);
      const batch: Batch = {
        id: this.nextId++,
        name: body.name ?? null,
        owner: null,
        proxyUser: body.proxyUser ?? null,
        state: 'not_started',
        appId: null,
        appInfo: { driverLogUrl: null, sparkUiUrl: null },
        log: ['stdout: ', '\nstderr: '],
      };
      this.batches.set(batch.id, batch);
      return { status: 201, body: batch };
    }
    if (r.method === 'GET' && path === '/batches') {
      const from = Number(r.url.searchParams.get('from') ?? 0);
      const size = Number(r.url.searchParams.get('size') ?? 20);
      const all = [...this.batches.values()];
      return { status: 200, body: { from, total: all.length, sessions: all.slice(from, from + size) } };
    }
    const match = /^\/batches\/(\d+)(\/state)?$/.exec(path);
    const batch = match ? this.batches.get(Number(match[1])) : undefined;
    if (!match || !batch) return { status: 404, body: { msg: `Session '${match?.[1] ?? '?'}' not found.` } };
    if (r.method === 'GET' && match[2]) return { status: 200, body: { id: batch.id, state: batch.state } };
    if (r.method === 'GET') return { status: 200, body: batch };
    if (r.method === 'DELETE') {
      this.batches.delete(batch.id);
      return { status: 200, body: { msg: 'deleted' } };
    }
    return { status: 405, body: { msg: 'method not allowed' } };
  }
}
