import type { Dimension } from '@sluice/domain';
import type { Comparison, PolicyOutcome } from '@sluice/scheduler';
import { classesByUrgency } from './classOrder';
import { formatSeconds } from './formatSeconds';
import { textTable } from './textTable';

const TOP_SOURCES = 6;

/** The comparison as plain-text tables: summary, wait by class, wait for the busiest sources. */
export function comparisonTable(comparison: Comparison, classValues: Record<string, number>): string {
  const { workload, policies } = comparison;
  const skipped = Object.entries(workload.skipped);
  const lines = [
    `Workload ${workload.name}: ${workload.jobs} jobs on ${workload.pools.map((p) => p.poolId).join(', ')}`,
    `Skipped records: ${skipped.length === 0 ? 'none' : skipped.map(([reason, n]) => `${n} ${reason}`).join('; ')}`,
    '',
    summaryTable(policies),
    '',
    'Wait from submission to admission, by class',
    waitByClassTable(policies, classValues),
    '',
    `Wait for the ${TOP_SOURCES} busiest sources (mean / p95)`,
    waitBySourceTable(policies),
  ];
  return lines.join('\n');
}

function summaryTable(policies: readonly PolicyOutcome[]): string {
  const dimensions = [...new Set(policies.flatMap((p) => Object.keys(p.utilization)))] as Dimension[];
  const header = [
    'policy',
    ...dimensions.map((d) => `util ${d}`),
    'makespan',
    'makespan/LB',
    'Jain',
    'wait mean',
    'wait p95',
    'bsld mean',
    'bsld p95',
    'unfinished',
    'cycles',
    'time',
  ];
  const rows = policies.map((p) => [
    p.policy,
    ...dimensions.map((d) => fixed(p.utilization[d], 3)),
    formatSeconds(p.makespanSeconds),
    fixed(p.makespanRatio, 3),
    fixed(p.jain ?? undefined, 3),
    formatSeconds(p.wait.overall.mean),
    formatSeconds(p.wait.overall.p95),
    fixed(p.boundedSlowdown.overall.mean, 2),
    fixed(p.boundedSlowdown.overall.p95, 2),
    String(p.unfinished),
    String(p.cycles),
    p.elapsedMs !== undefined ? `${(p.elapsedMs / 1000).toFixed(1)}s` : '-',
  ]);
  return textTable(header, rows);
}

function waitByClassTable(policies: readonly PolicyOutcome[], classValues: Record<string, number>): string {
  const classes = classesByUrgency(
    policies.flatMap((p) => Object.keys(p.wait.byClass)),
    classValues,
  );
  const rows: string[][] = [];
  for (const name of classes) {
    for (const p of policies) {
      const d = p.wait.byClass[name];
      if (!d) continue;
      const slowdown = p.boundedSlowdown.byClass[name];
      rows.push([
        `${name} / ${p.policy}`,
        String(d.count),
        formatSeconds(d.mean),
        formatSeconds(d.p50),
        formatSeconds(d.p95),
        formatSeconds(d.p99),
        formatSeconds(d.max),
        fixed(slowdown?.mean, 2),
      ]);
    }
  }
  return textTable(['class / policy', 'jobs', 'mean', 'p50', 'p95', 'p99', 'max', 'bsld mean'], rows);
}

function waitBySourceTable(policies: readonly PolicyOutcome[]): string {
  const first = policies[0];
  if (!first) return '';
  const sources = Object.entries(first.wait.bySource)
    .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
    .slice(0, TOP_SOURCES)
    .map(([name]) => name);
  const rows = sources.map((source) => [
    source,
    String(first.wait.bySource[source]?.count ?? 0),
    ...policies.map((p) => {
      const d = p.wait.bySource[source];
      return d ? `${formatSeconds(d.mean)} / ${formatSeconds(d.p95)}` : '-';
    }),
  ]);
  return textTable(['source', 'jobs', ...policies.map((p) => p.policy)], rows);
}

function fixed(value: number | undefined, digits: number): string {
  return value === undefined || !Number.isFinite(value) ? '-' : value.toFixed(digits);
}
