import type { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { sluicePolicy } from '@sluice/scheduler';
import type { ApiEnv } from '../app/apiEnv';
import type { AppDeps } from '../app/appDeps';
import { secretFromHeaders } from '../auth/apiKeyVerifier';
import { grants } from '../auth/scopes';
import { problemOf, problemResponse } from '../http/problem';
import { dashboardSnapshot } from './snapshot';

export const STREAM_PATH = '/v1/stream';

export interface StreamOptions {
  /** How often the read model is asked to catch up (default 1 s). */
  pollMs?: number;
  /** A comment line keeps proxies from closing an idle stream (default 15 s). */
  keepAliveMs?: number;
}

/**
 * Server-sent events with a dashboard snapshot whenever what it shows changes. EventSource cannot
 * set headers, so this route alone also takes the key as `?key=`: a query string can end up in
 * access logs and browser history, which is why it is confined to a read-only stream and the page
 * drops it from its address bar. It must be mounted before the app's authentication, which only
 * knows headers; it checks the key itself.
 */
export function registerDashboardStream(app: Hono<ApiEnv>, deps: AppDeps, options: StreamOptions = {}): void {
  const pollMs = options.pollMs ?? 1000;
  const keepAliveMs = options.keepAliveMs ?? 15_000;
  app.get(STREAM_PATH, async (c) => {
    const secret = c.req.query('key') ?? secretFromHeaders((name) => c.req.header(name));
    const principal = secret ? await deps.keys.verify({ secret, authorizerContext: null }) : undefined;
    if (!principal)
      return problemResponse(c, problemOf('unauthenticated', 'pass a read key as ?key=<key> or a bearer token'));
    if (!grants(principal.scopes, 'read'))
      return problemResponse(c, problemOf('forbidden', `${STREAM_PATH} needs scope read`));

    return streamSSE(c, async (stream) => {
      let open = true;
      stream.onAbort(() => {
        open = false;
      });
      let last = '';
      let quietSince = Date.now();
      let id = 0;
      while (open) {
        const snapshot = dashboardSnapshot(await deps.readModel.current(), {
          now: deps.clock(),
          policy: deps.policy ?? sluicePolicy,
        });
        const { generatedAt: _generatedAt, ...shown } = snapshot;
        const fingerprint = JSON.stringify(shown);
        if (fingerprint !== last) {
          last = fingerprint;
          quietSince = Date.now();
          await stream.writeSSE({ event: 'snapshot', id: String(++id), data: JSON.stringify(snapshot) });
        } else if (Date.now() - quietSince >= keepAliveMs) {
          quietSince = Date.now();
          await stream.write(': keep-alive\n\n');
        }
        await stream.sleep(pollMs);
      }
    });
  });
}
