import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { positiveInteger, positiveNumber } from './numberArguments';
import { parsePolicyList } from './policyListArgument';
import { parseTraceArgument } from './traceArgument';

describe('command-line arguments', () => {
  it('reads synthetic, synthetic:<seed> and anything else as an SWF path', () => {
    expect(parseTraceArgument('synthetic')).toEqual({ kind: 'synthetic', seed: 1 });
    expect(parseTraceArgument('synthetic:42')).toEqual({ kind: 'synthetic', seed: 42 });
    expect(parseTraceArgument('logs/KTH-SP2.swf')).toEqual({ kind: 'swf', path: 'logs/KTH-SP2.swf' });
    for (const bad of ['synthetic:', 'synthetic:-1', 'synthetic:1.5', 'synthetic:x']) {
      expect(() => parseTraceArgument(bad)).toThrow(InvalidArgumentError);
    }
  });

  it('reads saturated[-single]:<load>[:<seed>] and refuses a missing or out-of-range load', () => {
    expect(parseTraceArgument('saturated:1.2')).toEqual({
      kind: 'saturated',
      load: 1.2,
      seed: 1,
      singleSource: false,
    });
    expect(parseTraceArgument('saturated:0.9:7')).toEqual({
      kind: 'saturated',
      load: 0.9,
      seed: 7,
      singleSource: false,
    });
    expect(parseTraceArgument('saturated-single:1.3:2')).toEqual({
      kind: 'saturated',
      load: 1.3,
      seed: 2,
      singleSource: true,
    });
    for (const bad of [
      'saturated',
      'saturated:',
      'saturated:0',
      'saturated:-1',
      'saturated:2.5',
      'saturated:x',
      'saturated:1:x',
      'saturated-single',
    ]) {
      expect(() => parseTraceArgument(bad), bad).toThrow(InvalidArgumentError);
    }
  });

  it('takes positive numbers and whole numbers only', () => {
    expect(positiveNumber('0.5')).toBe(0.5);
    expect(positiveInteger('64')).toBe(64);
    for (const bad of ['0', '-3', 'lots', '', 'Infinity'])
      expect(() => positiveNumber(bad)).toThrow(InvalidArgumentError);
    for (const bad of ['0', '1.5', 'ten']) expect(() => positiveInteger(bad)).toThrow(InvalidArgumentError);
  });

  it('takes a list of known policies, each once', () => {
    expect(parsePolicyList('sluice, fifo,sluice')).toEqual(['sluice', 'fifo']);
    expect(() => parsePolicyList('fifo,lottery')).toThrow('not lottery');
    expect(() => parsePolicyList(',')).toThrow(InvalidArgumentError);
  });
});
