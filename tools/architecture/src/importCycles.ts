import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

/** Relative imports of one file, type-only ones included: a cycle of types is a tangle of files all the same. */
function relativeImports(file: string, source: string, known: Set<string>): string[] {
  const found: string[] = [];
  const statement = /^(?:import|export)[^;]*?\bfrom\s+['"](\.[^'"]+)['"]/gms;
  for (const match of source.matchAll(statement)) {
    const base = normalize(join(dirname(file), match[1]!));
    const target = [`${base}.ts`, `${base}/index.ts`, base].find((candidate) => known.has(candidate));
    if (target) found.push(target);
  }
  return found;
}

/** Every cycle of relative imports among the files, each as the chain that closes it. */
export function importCycles(root: string, files: string[]): string[][] {
  const known = new Set(files);
  const graph = new Map(
    files.filter((f) => existsSync(join(root, f))).map((f) => [f, relativeImports(f, readFileSync(join(root, f), 'utf8'), known)]),
  );
  const visiting = new Set<string>();
  const done = new Set<string>();
  const path: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string) => {
    visiting.add(file);
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (visiting.has(next)) cycles.push([...path.slice(path.indexOf(next)), next]);
      else if (!done.has(next)) visit(next);
    }
    path.pop();
    visiting.delete(file);
    done.add(file);
  };
  for (const file of graph.keys()) if (!done.has(file)) visit(file);
  return cycles;
}
