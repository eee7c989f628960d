import { describe, expect, it } from 'vitest';
import { comparePolicies } from '@sluice/scheduler';
import { fifoPolicy, multiLevelFirstFitPolicy } from '../baselines/index';
import { fixtureWorkload } from '../testing/workloads';
import { comparisonJson } from './comparisonJson';
import { comparisonTable } from './comparisonTable';
import { formatSeconds } from './formatSeconds';
import { waitChart } from './waitChart';

const workload = fixtureWorkload();
const comparison = comparePolicies(workload, [fifoPolicy, multiLevelFirstFitPolicy]);

describe('formatSeconds', () => {
  it('reads like an operator writes durations', () => {
    expect([0, 42, 60, 725, 3600, 11_040, 471_600].map(formatSeconds)).toEqual([
      '0s',
      '42s',
      '1m00s',
      '12m05s',
      '1h00m',
      '3h04m',
      '131h',
    ]);
  });
});

describe('comparisonJson', () => {
  it('keys policies by name with utilization, makespan ratio, Jain and wait by class', () => {
    const json = JSON.parse(JSON.stringify(comparisonJson(comparison)));
    expect(Object.keys(json.policies)).toEqual(['fifo', 'multi-level-first-fit']);
    const fifo = json.policies.fifo;
    expect(fifo.utilization.vcpu).toBeGreaterThan(0);
    expect(fifo.makespanRatio).toBeGreaterThanOrEqual(1);
    expect(typeof fifo.jain).toBe('number');
    expect(Object.keys(fifo.wait.byClass).sort()).toEqual(['high', 'low', 'normal']);
    expect(Object.keys(fifo.wait.byClass.high)).toEqual(['count', 'mean', 'p50', 'p95', 'p99', 'max']);
    expect(json.workload.skipped).toEqual(workload.skipped);
  });
});

describe('comparisonTable', () => {
  it('has a row per policy and per class and policy, classes from most urgent', () => {
    const table = comparisonTable(comparison, workload.classes);
    expect(table).toMatch(/^fifo\s+\d/m);
    expect(table).toMatch(/^multi-level-first-fit\s+\d/m);
    expect(table.indexOf('high / fifo')).toBeLessThan(table.indexOf('normal / fifo'));
    expect(table.indexOf('normal / fifo')).toBeLessThan(table.indexOf('low / fifo'));
    expect(table).toContain('12 cancelled (status 5)');
  });
});

describe('waitChart', () => {
  it('draws one bar and one mean dot per class and policy, with a legend entry per policy', () => {
    const svg = waitChart(comparison.policies, workload.classes, 'Wait <by> class');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg.match(/<title>/g)).toHaveLength(3 * 2);
    expect(svg.match(/<circle /g)).toHaveLength(3 * 2);
    expect(svg).toContain('Wait &lt;by&gt; class');
    expect(svg).toContain('>multi-level-first-fit</text>');
  });
});
