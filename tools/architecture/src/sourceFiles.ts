import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root: this package sits at tools/architecture. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Tests and test support may forge any history; the rules are about the product's own code. */
export const isTestCode = (path: string): boolean => /\.test\.ts$/.test(path) || /\/testing\//.test(path);

/** Every TypeScript source file git knows of (tracked or new), relative to the root. */
export function productSourceFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '--', '*.ts'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  return listed
    .split('\n')
    .filter((path) => /^(packages|tools|infra)\//.test(path) && !path.endsWith('.d.ts') && !isTestCode(path))
    // A file deleted but not yet staged is still in the index: the rules are about what is on disk.
    .filter((path) => existsSync(join(REPO_ROOT, path)));
}
