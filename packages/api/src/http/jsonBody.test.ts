import { depthExceeds } from '@sluice/domain';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { jsonBody } from './jsonBody';
import { ProblemError } from './problem';

/** A route behind the guards that echoes the body hono parses after them. */
function guardedApp(maxBytes?: number) {
  const app = new Hono();
  app.use('/', ...jsonBody(maxBytes));
  app.post('/', async (c) => c.json(await c.req.json()));
  app.onError((error, c) =>
    error instanceof ProblemError ? c.json(error.problem, error.problem.status as 400) : c.text('unexpected', 500),
  );
  return app;
}

const send = (body: string, type = 'application/json', maxBytes?: number) =>
  guardedApp(maxBytes).request('/', { method: 'POST', body, headers: { 'content-type': type } });

describe('jsonBody', () => {
  it('lets JSON and +json media types in UTF-8 through, parsed once more by hono', async () => {
    expect(await (await send('{"a":[1]}')).json()).toEqual({ a: [1] });
    expect(await (await send('[]', 'application/problem+json; charset="UTF-8"')).json()).toEqual([]);
  });

  it('answers 415, 413 and 400 for what it cannot take', async () => {
    expect((await send('{}', 'text/json')).status).toBe(415);
    expect((await send('{}', 'application/json; charset=iso-8859-1')).status).toBe(415);
    expect((await send('{"a":"12345"}', 'application/json', 8)).status).toBe(413);
    expect((await send('{"a":')).status).toBe(400);
    expect((await send('  ')).status).toBe(400);
    expect((await send(`${'['.repeat(40)}${']'.repeat(40)}`)).status).toBe(400);
  });

  it('measures nesting without recursion, so hostile depth cannot overflow the stack', () => {
    expect(depthExceeds({ a: { b: [1] } }, 3)).toBe(false);
    expect(depthExceeds({ a: { b: [{}] } }, 3)).toBe(true);
    const deep: unknown[] = [];
    let cursor = deep;
    for (let i = 0; i < 100_000; i++) {
      const next: unknown[] = [];
      cursor.push(next);
      cursor = next;
    }
    expect(depthExceeds(deep, 32)).toBe(true);
  });
});
