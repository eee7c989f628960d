import type { Distribution, WhatIfReport } from '@sluice/scheduler';

const seconds = (s: number) => `${s.toFixed(0)}s`;
const percent = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`);
const waits = (d: Distribution | undefined) => (d ? `${seconds(d.mean)} / ${seconds(d.p95)} / ${seconds(d.p99)}` : '—');

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd()).join('\n');
}

/** The report as the terminal shows it: fidelity first, then the two replays side by side. */
export function formatWhatIf(report: WhatIfReport): string {
  const { fidelity, recorded, candidate } = report;
  const rows: string[][] = [['', 'recorded', 'candidate']];
  const row = (label: string, a: string, b: string) => rows.push([label, a, b]);
  row('wait mean / p95 / p99', waits(recorded.wait.overall), waits(candidate.wait.overall));
  for (const c of Object.keys(recorded.wait.byClass)) row(`  class ${c}`, waits(recorded.wait.byClass[c]), waits(candidate.wait.byClass[c]));
  for (const s of Object.keys(recorded.wait.bySource)) row(`  source ${s}`, waits(recorded.wait.bySource[s]), waits(candidate.wait.bySource[s]));
  for (const [pool, dims] of Object.entries(recorded.utilization.byPool))
    for (const d of Object.keys(dims) as (keyof typeof dims)[])
      row(`utilization ${pool} ${d}`, percent(dims[d]), percent(candidate.utilization.byPool[pool]?.[d]));
  row('fairness (Jain, contended)', recorded.fairness.jain?.toFixed(3) ?? '—', candidate.fairness.jain?.toFixed(3) ?? '—');
  row('bounded slowdown mean', recorded.boundedSlowdown.mean.toFixed(2), candidate.boundedSlowdown.mean.toFixed(2));
  const moved = report.moved.slice(0, 10).map((m) => [
    m.jobId,
    m.movedSeconds === null ? 'one side only' : `${m.movedSeconds > 0 ? '+' : ''}${seconds(m.movedSeconds)}`,
    m.recorded?.reason ?? 'not admitted',
    m.candidate?.reason ?? 'not admitted',
  ]);
  const diverged = Object.entries(fidelity.diverged).map(([why, n]) => `${why} ${n}`).join(', ');
  return [
    `What-if ${report.window.from} – ${report.window.until}: ${report.window.jobs} jobs on ${report.window.pools.join(', ')}`,
    `Fidelity: ${fidelity.reproduced} of ${fidelity.recordedAdmissions} recorded admissions reproduced exactly (${percent(fidelity.fraction)})${diverged ? `; the rest: ${diverged}` : ''}`,
    '',
    table(rows),
    ...(moved.length > 0 ? ['', 'Moved most', table([['job', 'moved', 'recorded reason', 'candidate reason'], ...moved])] : []),
  ].join('\n');
}
