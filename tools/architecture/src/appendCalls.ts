import ts from 'typescript';

/** The event-store port's write methods: calling one is appending. */
export const APPEND_METHODS = new Set(['appendToStream', 'appendAtomically']);

export interface AppendCall {
  file: string;
  line: number;
  method: string;
}

/**
 * Every use of an append method in one source file (a call, or the method taken to call later),
 * found in its syntax tree, not by text: comments and strings do not count, aliases do.
 */
export function appendCallsIn(file: string, source: string): AppendCall[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const calls: AppendCall[] = [];
  const visit = (node: ts.Node): void => {
    const name = ts.isPropertyAccessExpression(node)
      ? node.name.text
      : ts.isElementAccessExpression(node) && ts.isStringLiteral(node.argumentExpression)
        ? node.argumentExpression.text
        : undefined;
    if (name && APPEND_METHODS.has(name)) {
      calls.push({ file, line: tree.getLineAndCharacterOfPosition(node.getStart()).line + 1, method: name });
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return calls;
}

/**
 * Where appending is allowed: the command handlers (the one write path) and the stores that
 * implement the port. Benchmarks measure a store's raw append as their baseline, so they call it
 * directly by design.
 */
export const ALLOWED_APPENDERS: { prefix: string; why: string }[] = [
  { prefix: 'packages/scheduler/src/commands/', why: 'the command handlers: the one write path' },
  { prefix: 'packages/adapters/src/stores/', why: 'the stores implement the port' },
  { prefix: 'tools/bench/src/', why: "benchmarks time the store's raw append as their baseline" },
];

export const isAllowedAppender = (file: string): boolean =>
  ALLOWED_APPENDERS.some((allowed) => file.startsWith(allowed.prefix));
