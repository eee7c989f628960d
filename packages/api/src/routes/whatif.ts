import type { EventStore, StoredEvent } from '@sluice/domain';
import { FEED_PAGE, whatIf } from '@sluice/scheduler';
import type { ApiApp } from '../app/apiEnv';
import type { AppDeps } from '../app/appDeps';
import { apiRoute } from '../http/apiRoute';
import { whatIfBodySchema, whatIfReportSchema } from '../schemas/whatifSchemas';

export function registerWhatIf(app: ApiApp, deps: AppDeps): void {
  app.openapi(
    apiRoute({
      method: 'post',
      path: '/v1/whatif',
      operationId: 'whatIf',
      summary: 'Replay the recorded history under a candidate share policy, beside the recorded one',
      description:
        'Read-only: nothing is appended. The candidate is checked with the schema `PUT /v1/policy` uses; `errors` name its fields as `candidate.<field>`. Read `fidelity` first: it says how closely the replay under the recorded policy reproduces the record.',
      tag: 'policy',
      body: whatIfBodySchema,
      maxBodyBytes: deps.maxBodyBytes,
      responses: { 200: { description: 'The two replays side by side', schema: whatIfReportSchema } },
    }),
    async (c) => {
      const { candidate, from, until } = c.req.valid('json');
      const events = await eventsUntil(deps.store, until);
      return c.json(whatIf({ events, candidate, ...(from ? { from } : {}), ...(until ? { until } : {}) }));
    },
  );
}

/**
 * The feed from the start (pools, policy and keys set before `from` are the window's starting
 * state) up to the first page that passes `until`: the replay stops at the first event after it,
 * so nothing later is read. The store has no index by time, so the start cannot be skipped.
 */
async function eventsUntil(store: EventStore, until: string | undefined): Promise<StoredEvent[]> {
  const untilMs = until === undefined ? Infinity : Date.parse(until);
  const events: StoredEvent[] = [];
  for (let after = 0; ; ) {
    const page = await store.readAll({ after, limit: FEED_PAGE });
    events.push(...page.events);
    const last = page.events.at(-1);
    if (page.isEnd || !last || Date.parse(last.occurredAt) > untilMs) return events;
    after = page.lastPosition;
  }
}
