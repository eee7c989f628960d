import type { ApiKeyScope, EventStore, StoredEvent } from '@sluice/domain';
import { InMemoryEventStore } from '@sluice/domain/testing';
import { ProjectionReadModel, ProjectionRunner, SchedulerReactor, apiViews, sluicePolicy } from '@sluice/scheduler';
import { monotonicFactory } from 'ulid';
import type { AppDeps } from '../app/appDeps';
import { createApp } from '../app/createApp';
import { issueApiKey } from '../auth/issueApiKey';
import { ViewKeyVerifier } from '../auth/viewKeyVerifier';
import { silentLogger } from '../logging/logger';

export const START = Date.parse('2026-03-02T09:00:00.000Z');

/** A time that moves only when a test says so: replay and rate limits become exact. */
export function manualClock(startMs = START) {
  let nowMs = startMs;
  return {
    now: () => new Date(nowMs),
    advance: (ms: number) => {
      nowMs += ms;
    },
    iso: () => new Date(nowMs).toISOString(),
  };
}

export interface TestApi {
  app: ReturnType<typeof createApp>;
  store: InMemoryEventStore;
  deps: AppDeps;
  clock: ReturnType<typeof manualClock>;
  keys: Record<'admin' | 'publish' | 'read', string>;
  keyIds: Record<'admin' | 'publish' | 'read', string>;
  /** Sends a request in process; a `body` object is sent as JSON. */
  request(method: string, path: string, options?: RequestOptions): Promise<Response>;
  /** Every event recorded so far, for "nothing was appended" checks. */
  feed(): Promise<StoredEvent[]>;
  /** Runs one admission cycle the way a scheduler would. */
  schedule(): Promise<void>;
  close(): Promise<void>;
}

export interface RequestOptions {
  key?: keyof TestApi['keys'] | null;
  body?: unknown;
  rawBody?: string | Uint8Array;
  headers?: Record<string, string>;
}

export async function startTestApi(overrides: Partial<AppDeps> = {}): Promise<TestApi> {
  const clock = manualClock();
  const store = new InMemoryEventStore({ now: clock.now });
  const newId = monotonicFactory();
  const ctx = () => ({ now: clock.iso(), actor: 'test:setup', newEventId: () => newId() });
  const issued = await Promise.all(
    (['admin', 'publish', 'read'] as const).map(
      async (scope) =>
        [
          scope,
          await issueApiKey(store, { name: `${scope} key`, scopes: [scope as ApiKeyScope] }, ctx()),
        ] as const,
    ),
  );
  const readModel = await ProjectionReadModel.start(store);
  const deps: AppDeps = {
    store,
    readModel,
    keys: new ViewKeyVerifier(readModel),
    clock: clock.now,
    newId: () => newId(),
    logger: silentLogger,
    ...overrides,
  };
  const app = createApp(deps);
  const keys = Object.fromEntries(issued.map(([scope, key]) => [scope, key.secret])) as TestApi['keys'];
  const keyIds = Object.fromEntries(issued.map(([scope, key]) => [scope, key.keyId])) as TestApi['keyIds'];
  const schedulerViews = await ProjectionRunner.start(store, apiViews());
  const reactor = new SchedulerReactor({
    store,
    policy: sluicePolicy,
    views: schedulerViews,
    instanceId: 'test',
    clock: clock.now,
    newEventId: () => newId(),
  });

  return {
    app,
    store,
    deps,
    clock,
    keys,
    keyIds,
    request: async (method, path, options = {}) => app.request(path, requestInit(method, keys, options)),
    feed: () => readFeed(store),
    schedule: async () => {
      await reactor.runCycle();
    },
    close: async () => {
      await store.close();
    },
  };
}

export function requestInit(
  method: string,
  keys: Record<string, string>,
  options: RequestOptions,
): RequestInit {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  const key = options.key === undefined ? 'admin' : options.key;
  if (key !== null && headers.authorization === undefined) headers.authorization = `Bearer ${keys[key]}`;
  let body: RequestInit['body'];
  if (options.rawBody !== undefined) body = options.rawBody as RequestInit['body'];
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  return { method, headers, ...(body !== undefined ? { body } : {}) };
}

export async function readFeed(store: EventStore): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  let after = 0;
  for (;;) {
    const page = await store.readAll({ after, limit: 1000 });
    events.push(...page.events);
    after = page.lastPosition;
    if (page.isEnd) return events;
  }
}

/** A job body that passes validation; tests override what they care about. */
export function jobBody(overrides: Record<string, unknown> = {}) {
  return {
    source: 'team-a',
    dataset: 'sales',
    priorityClass: 'normal',
    demand: { runs: 1, dpu: 2 },
    backend: 'glue',
    spec: { jobName: 'nightly-etl', arguments: { '--day': '2026-03-01' } },
    pools: ['glue-prod'],
    ...overrides,
  };
}

export function poolBody(overrides: Record<string, unknown> = {}) {
  return { backend: 'glue', capacity: { runs: 2, dpu: 10 }, quotas: { runs: 50 }, ...overrides };
}

// Tests read answers loosely and let the assertions say what the shape must be.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = Record<string, any>;

export async function json<T = Loose>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
