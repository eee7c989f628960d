import type { Hono } from 'hono';
import type { ApiEnv } from '../app/apiEnv';
import type { AppDeps } from '../app/appDeps';
import { problemOf, problemResponse } from '../http/problem';
import { dashboardScript } from './bundleClient';
import { DASHBOARD_HTML } from './pageHtml';

/**
 * The page and its script are public: they hold no data, and a browser cannot attach a key to a
 * navigation. Everything they show comes from routes that check the key. Mounted before the app's
 * authentication for that reason.
 */
export function registerDashboardPage(app: Hono<ApiEnv>, deps: AppDeps): void {
  app.get('/', (c) => c.redirect('/dashboard'));
  app.get('/dashboard', (c) =>
    c.html(DASHBOARD_HTML, 200, {
      'content-security-policy':
        "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:",
      'referrer-policy': 'no-referrer',
    }),
  );
  app.get('/dashboard/app.js', async (c) => {
    try {
      return c.body(await dashboardScript(), 200, {
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': 'no-cache',
      });
    } catch (error) {
      deps.logger.warn({ err: error }, 'dashboard script could not be bundled');
      return problemResponse(c, problemOf('unavailable', 'the dashboard is not available in this deployment'));
    }
  });
}
