import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The dashboard's browser tests need Debian's chromium; install it once per run when it is missing. */
export default function setup(): void {
  execFileSync(fileURLToPath(new URL('../../../../scripts/ensure-chromium.sh', import.meta.url)), {
    stdio: 'inherit',
  });
}
