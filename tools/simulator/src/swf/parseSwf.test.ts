import { describe, expect, it } from 'vitest';
import { parseSwf } from './parseSwf';
import { SwfParseError } from './swfParseError';

const LINE = '7 120 30 3600 16 3500.5 2048 32 7200 4096 1 12 3 44 2 1 -1 -1';

describe('parseSwf', () => {
  it('reads the 18 fields of a job line by name', () => {
    const { records } = parseSwf(LINE);
    expect(records).toEqual([
      {
        line: 1,
        jobNumber: 7,
        submitTime: 120,
        waitTime: 30,
        runTime: 3600,
        allocatedProcessors: 16,
        averageCpuTime: 3500.5,
        usedMemory: 2048,
        requestedProcessors: 32,
        requestedTime: 7200,
        requestedMemory: 4096,
        status: 1,
        userId: 12,
        groupId: 3,
        executableNumber: 44,
        queueNumber: 2,
        partitionNumber: 1,
        precedingJobNumber: -1,
        thinkTime: -1,
      },
    ]);
  });

  it('reads MaxProcs and MaxNodes from the header and keeps every key: value comment', () => {
    const { header, records } = parseSwf(
      ['; Version: 2.2', '; MaxNodes: 64', ';   MaxProcs:   128  ', '; just a comment', '', LINE].join('\n'),
    );
    expect(header.maxProcs).toBe(128);
    expect(header.maxNodes).toBe(64);
    expect(header.fields).toMatchObject({ Version: '2.2', MaxNodes: '64', MaxProcs: '128' });
    expect(records).toHaveLength(1);
  });

  it('ignores blank lines and Windows line ends, and counts lines from 1 including comments', () => {
    const { records } = parseSwf(`; MaxProcs: 8\r\n\r\n${LINE}\r\n  ${LINE}  \r\n`);
    expect(records.map((r) => r.line)).toEqual([3, 4]);
  });

  it('rejects a line with the wrong number of fields, naming the line', () => {
    const text = ['; MaxProcs: 8', LINE, '8 130 0 60 1'].join('\n');
    expect(() => parseSwf(text)).toThrow(SwfParseError);
    expect(() => parseSwf(text)).toThrow(
      'SWF line 3: fields: expected 18 whitespace-separated fields, found 5',
    );
  });

  it('rejects a field that is not a number, naming the line and the field', () => {
    const bad = LINE.replace(' 3600 ', ' 1h ');
    try {
      parseSwf(`${LINE}\n${bad}`);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SwfParseError);
      expect((error as SwfParseError).line).toBe(2);
      expect((error as SwfParseError).field).toBe('field 4 (run time)');
      expect((error as Error).message).toBe('SWF line 2: field 4 (run time): "1h" is not a number');
    }
  });
});
