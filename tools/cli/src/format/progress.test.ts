import { PassThrough } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { progressOnStderr, ratePerSecond } from './progress';

/** A stream that says whether it is a terminal, keeping everything written to it. */
function capture(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  const stream = new PassThrough() as unknown as NodeJS.WriteStream;
  Object.assign(stream, { isTTY, columns: 120 });
  const chunks: string[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  // Cursor moves and clears are escape sequences; only the drawn text matters here.
  return { stream, text: () => stripVTControlCharacters(chunks.join('')) };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('progress on stderr', () => {
  it('draws a bar with percentage, counts, rate and ETA on a terminal when the total is known', async () => {
    const out = capture(true);
    const progress = progressOnStderr('replay', { stream: out.stream });
    progress.update(1_250, 5_000);
    progress.finish('done');
    await settle();
    expect(out.text()).toMatch(/replay \[######\.{18}\] 25% 1,250\/5,000 \| [\d,]+ events\/s \| ETA \S+/);
    expect(out.text().endsWith('replay done\n')).toBe(true);
  });

  it('counts with a rate when there is no total, and leaves the rate out where it means nothing', async () => {
    const events = capture(true);
    const exporting = progressOnStderr('export', { stream: events.stream });
    exporting.update(1_234);
    exporting.finish('1234 events');
    const seconds = capture(true);
    const simulating = progressOnStderr('simulate', { stream: seconds.stream, unit: 's elapsed', rate: false });
    simulating.update(12);
    simulating.finish('done in 12.0s');
    await settle();
    expect(events.text()).toMatch(/export 1,234 events \| [\d,]+ events\/s/);
    expect(events.text()).not.toContain('[');
    expect(seconds.text()).toContain('simulate 12s elapsed');
    expect(seconds.text()).not.toContain('/s');
  });

  it('writes only the final line when stderr is not a terminal', async () => {
    const out = capture(false);
    const progress = progressOnStderr('replay', { stream: out.stream });
    progress.update(10, 100);
    progress.update(100, 100);
    progress.finish('100 of 100 events applied');
    await settle();
    expect(out.text()).toBe('replay 100 of 100 events applied\n');
  });

  it('reports items per second since the start', () => {
    expect(ratePerSecond({ value: 5_000, startTime: 1_000 }, 3_000)).toBe('2,500');
    expect(ratePerSecond({ value: 5, startTime: 1_000 }, 1_000)).toBe('0');
  });
});
