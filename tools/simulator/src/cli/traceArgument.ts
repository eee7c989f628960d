import { InvalidArgumentError } from 'commander';

export type TraceSpec =
  | { kind: 'synthetic'; seed: number }
  | { kind: 'saturated'; load: number; seed: number; singleSource: boolean }
  | { kind: 'pipelines'; seed: number }
  | { kind: 'swf'; path: string };

export const DEFAULT_SEED = 1;

/** Offered loads a saturated trace may ask for; beyond, the queue only grows and says nothing more. */
export const MAX_SATURATED_LOAD = 2;

/**
 * `synthetic`, `synthetic:<seed>`, `saturated:<load>[:<seed>]`, `saturated-single:<load>[:<seed>]`,
 * `pipelines[:<seed>]` or the path of an SWF file.
 */
export function parseTraceArgument(value: string): TraceSpec {
  const saturated = /^saturated(-single)?(?::([^:]*))?(?::(.*))?$/.exec(value);
  if (saturated) {
    const load = Number(saturated[2]);
    if (
      saturated[2] === undefined ||
      saturated[2] === '' ||
      !Number.isFinite(load) ||
      load <= 0 ||
      load > MAX_SATURATED_LOAD
    ) {
      throw new InvalidArgumentError(
        `the load in "${value}" must be a number above 0 and at most ${MAX_SATURATED_LOAD}`,
      );
    }
    return {
      kind: 'saturated',
      load,
      seed: saturated[3] === undefined ? DEFAULT_SEED : seedOf(saturated[3], value),
      singleSource: saturated[1] !== undefined,
    };
  }
  const pipelines = /^pipelines(?::(.*))?$/.exec(value);
  if (pipelines) return { kind: 'pipelines', seed: pipelines[1] === undefined ? DEFAULT_SEED : seedOf(pipelines[1], value) };
  const match = /^synthetic(?::(.*))?$/.exec(value);
  if (!match) return { kind: 'swf', path: value };
  return { kind: 'synthetic', seed: match[1] === undefined ? DEFAULT_SEED : seedOf(match[1], value) };
}

function seedOf(text: string, value: string): number {
  const seed = Number(text);
  if (text === '' || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new InvalidArgumentError(`the seed in "${value}" must be a whole number from 0 to 4294967295`);
  }
  return seed;
}
