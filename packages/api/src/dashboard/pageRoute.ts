import type { Hono } from 'hono';
import type { ApiEnv } from '../app/apiEnv';
import type { AppDeps } from '../app/appDeps';
import { problemOf, problemResponse } from '../http/problem';
import { dashboardAssets, type DashboardAssets } from './bundleClient';
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
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data:",
      'referrer-policy': 'no-referrer',
    }),
  );
  serveAsset(app, deps, '/dashboard/app.js', 'text/javascript', (assets) => assets.script);
  serveAsset(app, deps, '/dashboard/app.css', 'text/css', (assets) => assets.styles);
}

function serveAsset(
  app: Hono<ApiEnv>,
  deps: AppDeps,
  path: string,
  type: string,
  pick: (assets: DashboardAssets) => string,
): void {
  app.get(path, async (c) => {
    try {
      return c.body(pick(await dashboardAssets()), 200, {
        'content-type': `${type}; charset=utf-8`,
        'cache-control': 'no-cache',
      });
    } catch (error) {
      deps.logger.warn({ err: error }, 'dashboard script could not be bundled');
      return problemResponse(c, problemOf('unavailable', 'the dashboard is not available in this deployment'));
    }
  });
}
