import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles } from './importCycles';
import { REPO_ROOT, productSourceFiles } from './sourceFiles';

describe('no import cycles between files', () => {
  it('holds for every product source file', () => {
    expect(importCycles(REPO_ROOT, productSourceFiles()).map((cycle) => cycle.join(' -> '))).toEqual([]);
  });

  it('finds a cycle through a barrel, type-only imports included', () => {
    const root = mkdtempSync(join(tmpdir(), 'sluice-cycles-'));
    try {
      mkdirSync(join(root, 'p'));
      writeFileSync(join(root, 'p/a.ts'), "import { b } from './b';\nexport const a = b;\n");
      writeFileSync(join(root, 'p/b.ts'), "import { c } from './index';\nexport const b = c;\n");
      writeFileSync(join(root, 'p/index.ts'), "export { a as c } from './a';\n");
      writeFileSync(join(root, 'p/t.ts'), "import type { U } from './u';\nexport type T = U[];\n");
      writeFileSync(join(root, 'p/u.ts'), "import type { T } from './t';\nexport type U = { t: T };\n");
      const files = ['p/a.ts', 'p/b.ts', 'p/index.ts', 'p/t.ts', 'p/u.ts'];
      expect(importCycles(root, files)).toEqual([
        ['p/a.ts', 'p/b.ts', 'p/index.ts', 'p/a.ts'],
        ['p/t.ts', 'p/u.ts', 'p/t.ts'],
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
