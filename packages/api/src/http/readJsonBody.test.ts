import { describe, expect, it } from 'vitest';
import { ProblemError } from './problem';
import { depthExceeds, readJsonBody } from './readJsonBody';

const request = (body: string, type = 'application/json') =>
  new Request('http://x/', { method: 'POST', body, headers: { 'content-type': type } });

async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (error) {
    if (error instanceof ProblemError) return error.problem.status;
    throw error;
  }
}

describe('readJsonBody', () => {
  it('parses JSON and +json media types in UTF-8', async () => {
    expect(await readJsonBody(request('{"a":[1]}'))).toEqual({ a: [1] });
    expect(await readJsonBody(request('[]', 'application/problem+json; charset="UTF-8"'))).toEqual([]);
  });

  it('answers 415, 413 and 400 for what it cannot take', async () => {
    expect(await statusOf(readJsonBody(request('{}', 'text/json')))).toBe(415);
    expect(await statusOf(readJsonBody(request('{}', 'application/json; charset=iso-8859-1')))).toBe(415);
    expect(await statusOf(readJsonBody(request('{"a":"12345"}'), 8))).toBe(413);
    expect(await statusOf(readJsonBody(request('{"a":')))).toBe(400);
    expect(await statusOf(readJsonBody(request('  ')))).toBe(400);
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
