import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { json, startTestApi } from '../testing/testApi';

/**
 * The document as the hand-written registrar produced it before routes moved to
 * `@hono/zod-openapi`; clients generated from it must keep working.
 */
const before = JSON.parse(
  readFileSync(new URL('./__fixtures__/openapi.before.json', import.meta.url), 'utf8'),
) as unknown;

/**
 * Differences accepted on purpose, by JSON pointer, each with the reason. Routes added since the
 * move; otherwise `@hono/zod-openapi` documents every route, schema and component exactly as before.
 */
const ALLOWED_DIFFERENCES: Record<string, string> = {
  '/paths/~1v1~1whatif': 'new route POST /v1/whatif',
};

/** Every JSON pointer at which the two documents differ: a value changed, added or removed. */
function differences(a: unknown, b: unknown, pointer = ''): string[] {
  const isContainer = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
  if (!isContainer(a) || !isContainer(b) || Array.isArray(a) !== Array.isArray(b))
    return Object.is(a, b) ? [] : [pointer || '/'];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((key) =>
    differences(a[key], b[key], `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`),
  );
}

async function currentDocument(): Promise<unknown> {
  const api = await startTestApi();
  try {
    return await json(await api.request('GET', '/v1/openapi.json', { key: null }));
  } finally {
    await api.close();
  }
}

describe('the OpenAPI document', () => {
  it('matches the document before the move to @hono/zod-openapi but for the listed differences', async () => {
    const found = differences(before, await currentDocument());
    expect(found.filter((pointer) => !(pointer in ALLOWED_DIFFERENCES))).toEqual([]);
  });

  it('names every difference by its pointer, so an unlisted change fails the comparison', () => {
    const changed = structuredClone(before) as {
      paths: Record<string, Record<string, { operationId?: string }>>;
      components: { schemas: Record<string, unknown> };
    };
    changed.paths['/v1/jobs']!.post!.operationId = 'createJob';
    delete changed.components.schemas.Problem;
    changed.paths['/v1/new'] = {};
    expect(differences(before, changed).sort()).toEqual([
      '/components/schemas/Problem',
      '/paths/~1v1~1jobs/post/operationId',
      '/paths/~1v1~1new',
    ]);
  });
});
