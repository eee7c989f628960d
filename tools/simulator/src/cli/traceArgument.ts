import { InvalidArgumentError } from 'commander';

export type TraceSpec = { kind: 'synthetic'; seed: number } | { kind: 'swf'; path: string };

export const DEFAULT_SEED = 1;

/** `synthetic`, `synthetic:<seed>` or the path of an SWF file. */
export function parseTraceArgument(value: string): TraceSpec {
  const match = /^synthetic(?::(.*))?$/.exec(value);
  if (!match) return { kind: 'swf', path: value };
  if (match[1] === undefined) return { kind: 'synthetic', seed: DEFAULT_SEED };
  const seed = Number(match[1]);
  if (match[1] === '' || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new InvalidArgumentError(`the seed in "${value}" must be a whole number from 0 to 4294967295`);
  }
  return { kind: 'synthetic', seed };
}
