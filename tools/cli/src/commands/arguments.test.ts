import { describe, expect, it } from 'vitest';
import { instant, jsonObject, positiveNumber, resources, wholeNumber } from './arguments';

describe('argument parsers', () => {
  it('accept what they describe', () => {
    expect(wholeNumber('--limit', '20', 1, 100)).toBe(20);
    expect(positiveNumber('--estimate', '1.5')).toBe(1.5);
    expect(instant('--until', '2026-03-02T10:00:00+01:00')).toBe('2026-03-02T09:00:00.000Z');
    expect(resources('--demand', 'runs=1,dpu=2.5 vcpu=0')).toEqual({ runs: 1, dpu: 2.5, vcpu: 0 });
    expect(jsonObject('--spec', '{"a":1}')).toEqual({ a: 1 });
  });

  it('refuse the rest as usage errors that name the flag', () => {
    const cases: [() => unknown, RegExp][] = [
      [() => wholeNumber('--limit', '0', 1, 100), /--limit must be a whole number from 1 to 100/],
      [() => wholeNumber('--limit', '1e3', 1, 10_000), /--limit/],
      [() => positiveNumber('--estimate', '-1'), /--estimate must be a positive number/],
      [() => instant('--until', 'tomorrow'), /--until must be an ISO time/],
      [() => resources('--demand', 'runs'), /--demand must look like runs=1,dpu=10/],
      [() => resources('--demand', 'cores=4'), /unknown dimension cores/],
      [() => resources('--demand', ''), /names no resource/],
      [() => jsonObject('--spec', '[1]'), /--spec must be a JSON object/],
      [() => jsonObject('--spec', '{'), /--spec is not valid JSON/],
    ];
    for (const [parse, message] of cases) expect(parse).toThrow(expect.objectContaining({ exitCode: 2, message: expect.stringMatching(message) }));
  });
});
