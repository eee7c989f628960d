import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** infra/, so relative config paths mean the same whichever directory the program runs from. */
export const INFRA_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Where one function's bundle directory is; nothing is read here, so missing bundles only matter at deploy. */
export function lambdaBundleDir(distDir: string, functionName: string): string {
  return resolve(isAbsolute(distDir) ? distDir : resolve(INFRA_ROOT, distDir), functionName);
}
