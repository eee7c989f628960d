import type { FeedPage } from '@sluice/scheduler';
import type { StoredEvent } from '@sluice/domain';
import { ClientError, EXIT_USAGE, fieldLines } from './clientError';
import { plainRequest, type PlainResponse, type Requester } from './plainRequest';
import type {
  CancelResult,
  JobFilter,
  JobListing,
  JobSubmission,
  PoolEntry,
  QueueListing,
  SluiceClient,
  SubmitOptions,
  SubmittedJob,
} from './sluiceClient';

interface Problem {
  title?: string;
  detail?: string;
  errors?: { field: string; reason: string }[];
}

/** A deployed Sluice, through its HTTP API; every answer other than 2xx becomes a ClientError. */
export class HttpClient implements SluiceClient {
  readonly target: string;

  constructor(
    endpoint: string,
    private readonly apiKey: string | undefined,
    private readonly send: Requester = plainRequest,
  ) {
    this.target = endpoint.replace(/\/+$/, '');
  }

  async submit(job: JobSubmission, options: SubmitOptions = {}): Promise<SubmittedJob> {
    const body = options.waitForPools ? { ...job, waitForPools: true } : job;
    const { jobId, status, position } = await this.call<SubmittedJob>('POST', '/v1/jobs', {}, body);
    return { jobId, status, position };
  }

  async jobs(filter: JobFilter): Promise<{ jobs: JobListing[]; total: number }> {
    const page = await this.call<{ jobs: JobListing[]; total: number }>('GET', '/v1/jobs', {
      status: filter.status,
      source: filter.source,
      limit: String(filter.limit),
    });
    return { jobs: page.jobs, total: page.total };
  }

  queue(limit: number): Promise<QueueListing> {
    return this.call<QueueListing>('GET', '/v1/queue', { limit: String(limit) });
  }

  async pools(): Promise<PoolEntry[]> {
    return (await this.call<{ pools: PoolEntry[] }>('GET', '/v1/pools')).pools;
  }

  cancel(jobId: string, reason?: string): Promise<CancelResult> {
    return this.call<CancelResult>('DELETE', `/v1/jobs/${encodeURIComponent(jobId)}`, { reason });
  }

  async readFeed(after: number, limit: number): Promise<FeedPage> {
    const { events, lastPosition, isEnd } = await this.call<FeedPage>('GET', '/v1/events', {
      after: String(after),
      limit: String(Math.min(1000, limit)),
    });
    return { events, lastPosition, isEnd };
  }

  async readStream(streamId: string): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    for (;;) {
      const page = await this.call<{ events: StoredEvent[]; currentVersion: number }>(
        'GET',
        `/v1/streams/${encodeURIComponent(streamId)}/events`,
        { fromVersion: String(events.length + 1), limit: '1000' },
      );
      events.push(...page.events);
      if (page.events.length === 0 || events.length >= page.currentVersion) return events;
    }
  }

  async close(): Promise<void> {}

  private async call<T>(
    method: string,
    path: string,
    query: Record<string, string | undefined> = {},
    body?: unknown,
  ): Promise<T> {
    const url = new URL(this.target + path);
    for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, value);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.apiKey) headers.authorization = `Bearer ${this.apiKey}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: PlainResponse;
    try {
      response = await this.send(url, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch (error) {
      throw new ClientError(`cannot reach ${this.target}: ${causeOf(error)}`);
    }
    const text = await response.text();
    if (!response.ok) throw problemError(method, url.pathname, response.status, text);
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ClientError(`${method} ${url.pathname}: the answer is not JSON`);
    }
  }
}

/** 400 is the caller's input, as on the command line; anything else is a failure of the request. */
function problemError(method: string, path: string, status: number, text: string): ClientError {
  let problem: Problem = {};
  try {
    problem = JSON.parse(text) as Problem;
  } catch {
    // A proxy's HTML error page carries no problem document; the status says enough.
  }
  const detail = [problem.title, problem.detail].filter(Boolean).join(': ') || 'request failed';
  const message = `${method} ${path}: ${status} ${detail}${fieldLines(problem.errors ?? [])}`;
  return new ClientError(message, status === 400 ? EXIT_USAGE : 1);
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
