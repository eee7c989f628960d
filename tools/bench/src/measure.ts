import { performance } from 'node:perf_hooks';

export interface Rate {
  label: string;
  count: number;
  seconds: number;
  perSecond: number;
}

/** Runs `work` once and reports how many units per second it got through. */
export async function measure(label: string, count: number, work: () => Promise<void> | void): Promise<Rate> {
  const start = performance.now();
  await work();
  const seconds = (performance.now() - start) / 1000;
  return { label, count, seconds, perSecond: count / seconds };
}

export function printRates(title: string, baseline: Rate, others: Rate[]): void {
  console.log(`\n${title}`);
  const rows = [baseline, ...others].map((r) => [
    r.label,
    String(r.count),
    r.seconds.toFixed(2),
    Math.round(r.perSecond).toLocaleString('en-US'),
    r === baseline ? 'baseline' : `${(r.perSecond / baseline.perSecond).toFixed(2)}x`,
  ]);
  const headers = ['what', 'events', 'seconds', 'events/s', 'vs baseline'];
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [headers, ...rows]) console.log(row.map((c, i) => c.padEnd(widths[i]!)).join('  '));
}
