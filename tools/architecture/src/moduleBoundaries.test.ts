import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './sourceFiles';

/** Lints a file that is not on disk, as if it stood at `path`, with the repository's own config. */
async function lintAs(path: string, source: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: REPO_ROOT });
  const [result] = await eslint.lintText(source, { filePath: join(REPO_ROOT, path) });
  return result!.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
}

const importing = (specifier: string) => `import * as other from '${specifier}';\nexport const used = other;\n`;

describe('module boundaries, as lint enforces them', () => {
  // An outward import that the graph already points the other way is refused as a cycle first;
  // a sideways or outward one between unrelated layers is refused by the layer tags.
  it.each([
    ['packages/domain/src/forbidden.ts', '@sluice/adapters', /circular dependency/i],
    ['packages/domain/src/forbidden.ts', '@sluice/scheduler', /circular dependency/i],
    ['packages/scheduler/src/forbidden.ts', '@sluice/api', /circular dependency/i],
    ['packages/scheduler/src/forbidden.ts', '@sluice/adapters', /circular dependency/i],
    ['packages/api/src/forbidden.ts', '@sluice/infra', /circular dependency/i],
    ['packages/api/src/forbidden.ts', '@sluice/adapters', /tagged with "layer:api" can only depend on libs tagged with "layer:domain", "layer:scheduler"$/],
    ['packages/adapters/src/forbidden.ts', '@sluice/api', /tagged with "layer:adapters" can only depend on libs tagged with "layer:domain", "layer:scheduler"$/],
    ['infra/src/forbidden.ts', '@sluice/runtime', /tagged with "layer:infra" can only depend on/],
    ['tools/cli/src/forbidden.ts', '@sluice/infra', /tagged with "layer:tools" can only depend on/],
  ])('%s may not import %s', async (path, specifier, reason) => {
    const errors = await lintAs(path, importing(specifier));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(reason);
  });

  it.each([
    ['packages/scheduler/src/allowed.ts', '@sluice/domain'],
    ['packages/adapters/src/allowed.ts', '@sluice/scheduler'],
    ['packages/api/src/allowed.ts', '@sluice/scheduler'],
    ['infra/src/allowed.ts', '@sluice/api'],
    ['tools/cli/src/allowed.ts', '@sluice/runtime'],
  ])('%s may import %s', async (path, specifier) => {
    expect(await lintAs(path, importing(specifier))).toEqual([]);
  });

  it('refuses a relative import that reaches into another package', async () => {
    const errors = await lintAs('packages/domain/src/forbidden.ts', importing('../../adapters/src/index'));
    expect(errors.length).toBe(1);
  });
});
