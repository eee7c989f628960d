import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendCallsIn, isAllowedAppender } from './appendCalls';
import { REPO_ROOT, productSourceFiles } from './sourceFiles';

describe('one write path', () => {
  it('appends only from the command handlers (and the stores that implement the port)', () => {
    const files = productSourceFiles();
    expect(files.length).toBeGreaterThan(300);
    const offenders = files
      .filter((file) => !isAllowedAppender(file))
      .flatMap((file) => appendCallsIn(file, readFileSync(join(REPO_ROOT, file), 'utf8')))
      .map((call) => `${call.file}:${call.line} calls ${call.method}`);
    expect(offenders).toEqual([]);
  });

  it('the command handlers do append, so the scan sees real calls', () => {
    const handlers = productSourceFiles().filter((file) => file.startsWith('packages/scheduler/src/commands/'));
    const calls = handlers.flatMap((file) => appendCallsIn(file, readFileSync(join(REPO_ROOT, file), 'utf8')));
    expect(calls.length).toBeGreaterThanOrEqual(8);
  });

  it('finds an append outside the handlers however it is written', () => {
    const route = `
      export async function handle(deps) {
        await deps.store.appendToStream('job-1', [], { expectedVersion: 'any' });
        await deps.store['appendAtomically']([]);
        const append = deps.store.appendToStream.bind(deps.store);
      }`;
    const calls = appendCallsIn('packages/api/src/routes/sneaky.ts', route);
    expect(calls.map((c) => c.method)).toEqual(['appendToStream', 'appendAtomically', 'appendToStream']);
    expect(appendCallsIn('packages/api/src/x.ts', "// store.appendToStream(...)\nconst s = 'appendAtomically';")).toEqual([]);
    expect(isAllowedAppender('packages/api/src/routes/sneaky.ts')).toBe(false);
  });
});
