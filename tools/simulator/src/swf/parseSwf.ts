import { SWF_FIELDS, type SwfHeader, type SwfRecord } from './swfRecord';
import { SwfParseError } from './swfParseError';

export interface ParsedSwf {
  header: SwfHeader;
  records: SwfRecord[];
}

const HEADER_FIELD = /^;\s*([A-Za-z][\w ]*?)\s*:\s*(.*?)\s*$/;

/**
 * Reads a Standard Workload Format trace (Parallel Workloads Archive): `;` comments, of which
 * `; Key: value` ones form the header, and one job per line as 18 whitespace-separated numbers.
 * Rejects the whole file at the first malformed line rather than guessing what a line meant.
 */
export function parseSwf(text: string): ParsedSwf {
  const header: SwfHeader = { fields: {} };
  const records: SwfRecord[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] ?? '').trim();
    if (raw === '') continue;
    if (raw.startsWith(';')) {
      readHeaderLine(raw, header);
      continue;
    }
    records.push(parseRecord(raw, i + 1));
  }
  return { header, records };
}

function readHeaderLine(line: string, header: SwfHeader): void {
  const match = HEADER_FIELD.exec(line);
  if (!match) return;
  const key = match[1] ?? '';
  const value = match[2] ?? '';
  header.fields[key] = value;
  const number = Number(value.split(/\s+/)[0]);
  if (!Number.isFinite(number) || number <= 0) return;
  if (key === 'MaxProcs') header.maxProcs = number;
  if (key === 'MaxNodes') header.maxNodes = number;
}

function parseRecord(line: string, lineNumber: number): SwfRecord {
  const parts = line.split(/\s+/);
  if (parts.length !== SWF_FIELDS.length) {
    throw new SwfParseError(
      lineNumber,
      'fields',
      `expected ${SWF_FIELDS.length} whitespace-separated fields, found ${parts.length}`,
    );
  }
  const values = parts.map((part, index) => {
    const value = Number(part);
    if (part === '' || !Number.isFinite(value)) {
      throw new SwfParseError(
        lineNumber,
        `field ${index + 1} (${SWF_FIELDS[index]})`,
        `"${part}" is not a number`,
      );
    }
    return value;
  });
  const at = (index: number): number => values[index] ?? -1;
  return {
    line: lineNumber,
    jobNumber: at(0),
    submitTime: at(1),
    waitTime: at(2),
    runTime: at(3),
    allocatedProcessors: at(4),
    averageCpuTime: at(5),
    usedMemory: at(6),
    requestedProcessors: at(7),
    requestedTime: at(8),
    requestedMemory: at(9),
    status: at(10),
    userId: at(11),
    groupId: at(12),
    executableNumber: at(13),
    queueNumber: at(14),
    partitionNumber: at(15),
    precedingJobNumber: at(16),
    thinkTime: at(17),
  };
}
