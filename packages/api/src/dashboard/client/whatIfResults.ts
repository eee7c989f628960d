/// <reference lib="dom" />
import type { AdmissionSide, Distribution, WhatIfReport } from '@sluice/scheduler';
import { percentileBars, usageTable } from '../series/whatIfSeries';
import { histogramChart, timeChart } from './charts';
import { el, formatSeconds, formatTime } from './dom';
import { chartSection, col } from './overview';

const asSeconds = (seconds: number) => formatSeconds(seconds);
/** Capacity amounts: whole runs stay whole, fractions (a vCPU share, an axis step) keep one decimal. */
const asAmount = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

/** Read first: the candidate's figures are only as good as the replay that reproduced the record. */
function fidelitySection(report: WhatIfReport): HTMLElement {
  const { fidelity, window } = report;
  const diverged = Object.entries(fidelity.diverged).filter(([, count]) => (count ?? 0) > 0);
  return el(
    'section',
    { class: 'wide', 'data-test': 'whatif-fidelity' },
    el('h2', {}, 'Fidelity of the replay'),
    el(
      'p',
      {},
      el('strong', { 'data-test': 'fidelity-fraction' }, `${(fidelity.fraction * 100).toFixed(1)}%`),
      ` of ${fidelity.recordedAdmissions} recorded admissions reproduced exactly (same cycle, pool and place) · `,
      `${window.jobs} jobs, ${window.cycles} cycles, ${formatTime(window.from)}–${formatTime(window.until)}`,
    ),
    diverged.length === 0
      ? el('p', { class: 'muted' }, 'every recorded admission was reproduced')
      : el(
          'ul',
          { 'data-test': 'fidelity-diverged' },
          ...diverged.map(([why, count]) => el('li', {}, `${why}: ${count}`)),
        ),
  );
}

function waitCell(d: Distribution | undefined, stat: 'mean' | 'p95', side: string): HTMLElement {
  const value = d?.[stat];
  return el('td', { class: 'num', [`data-${side}`]: String(value ?? '') }, value === undefined ? '—' : formatSeconds(value));
}

/** Mean and p95 per source, both sides: the numbers the bars chart, to read off exactly. */
function sourceTable(report: WhatIfReport): HTMLElement {
  const sources = [...new Set([...Object.keys(report.recorded.wait.bySource), ...Object.keys(report.candidate.wait.bySource)])].sort();
  return el(
    'table',
    { 'data-test': 'whatif-sources' },
    el('tr', {}, el('th', {}, 'source'), col('mean recorded', '7rem', true), col('mean candidate', '7rem', true), col('p95 recorded', '7rem', true), col('p95 candidate', '7rem', true)),
    ...sources.map((source) => {
      const recorded = report.recorded.wait.bySource[source];
      const candidate = report.candidate.wait.bySource[source];
      return el(
        'tr',
        { 'data-test': 'whatif-source', 'data-source': source },
        el('td', {}, source),
        waitCell(recorded, 'mean', 'recorded'),
        waitCell(candidate, 'mean', 'candidate'),
        waitCell(recorded, 'p95', 'recorded'),
        waitCell(candidate, 'p95', 'candidate'),
      );
    }),
  );
}

const sideCell = (side: AdmissionSide | null) =>
  side
    ? el('td', { class: 'why' }, `${formatTime(side.at)} on ${side.poolId}`, el('br'), el('span', { class: 'muted' }, side.reason))
    : el('td', { class: 'muted' }, 'not admitted');

function movedTable(report: WhatIfReport): HTMLElement {
  if (report.moved.length === 0) return el('p', { class: 'muted' }, 'the candidate moved no admission');
  return el(
    'table',
    { 'data-test': 'whatif-moved' },
    el('tr', {}, col('job', '9rem'), col('class / source', '9rem'), el('th', {}, 'recorded'), el('th', {}, 'candidate'), col('moved', '5rem', true)),
    ...report.moved.map((job) =>
      el(
        'tr',
        { 'data-test': 'moved-row', 'data-job': job.jobId },
        el('td', { class: 'id', title: job.jobId }, job.jobId),
        el('td', {}, `${job.priorityClass} / ${job.source}`),
        sideCell(job.recorded),
        sideCell(job.candidate),
        el('td', { class: 'num' }, job.movedSeconds === null ? '—' : `${job.movedSeconds < 0 ? '−' : '+'}${formatSeconds(Math.abs(job.movedSeconds))}`),
      ),
    ),
  );
}

/** The comparison: fidelity first, then waits, usage over time and the jobs that moved most. */
export function renderWhatIfReport(report: WhatIfReport): HTMLElement[] {
  return [
    fidelitySection(report),
    chartSection('whatif-wait-class', 'Wait per class: p50 / p95 / p99, recorded vs candidate', histogramChart('whatif-wait-class', percentileBars(report, 'byClass'), asSeconds)),
    chartSection('whatif-wait-source', 'Wait per source: p50 / p95 / p99, recorded vs candidate', histogramChart('whatif-wait-source', percentileBars(report, 'bySource'), asSeconds)),
    el('section', { 'data-test': 'whatif-sources-card' }, el('h2', {}, 'Wait per source'), sourceTable(report)),
    ...report.window.pools.map((poolId) =>
      chartSection('whatif-usage', `${poolId}: reserved capacity over time, recorded vs candidate`, timeChart(`whatif-usage-${poolId}`, usageTable(report, poolId), { format: asAmount })),
    ),
    el('section', { class: 'wide', 'data-test': 'whatif-moved-card' }, el('h2', {}, 'Jobs the candidate moves most'), movedTable(report)),
  ];
}
