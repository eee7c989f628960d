/// <reference lib="dom" />
import type { DashboardSnapshot, PoolRow } from '../snapshotTypes';
import { asCount, asPercent, histogramChart, timeChart } from './charts';
import { el, formatSeconds, formatTime } from './dom';

function jobLink(jobId: string): HTMLElement {
  return el('a', { href: `#/jobs/${encodeURIComponent(jobId)}`, title: jobId }, jobId);
}

/** A header cell of a fixed width (the table's layout is fixed: see the page's styles). */
export const col = (label: string, width: string, numeric = false) =>
  el('th', { style: `width: ${width}`, ...(numeric ? { class: 'num' } : {}) }, label);

function queueSection(snapshot: DashboardSnapshot, now: number): HTMLElement {
  const { queue } = snapshot;
  const groups = el(
    'table',
    { 'data-test': 'queue-groups' },
    el('tr', {}, el('th', {}, 'class'), el('th', {}, 'source'), el('th', { class: 'num' }, 'queued')),
    ...queue.byClassAndSource.map((g) =>
      el('tr', {}, el('td', {}, g.priorityClass), el('td', {}, g.source), el('td', { class: 'num' }, g.count)),
    ),
  );
  const head = el(
    'table',
    { 'data-test': 'queue' },
    el(
      'tr',
      {},
      col('#', '2.5rem', true),
      col('job', '9rem'),
      col('class / source', '10rem'),
      col('waiting', '5rem', true),
      el('th', {}, 'why'),
    ),
    ...queue.head.map((row) =>
      el(
        'tr',
        { 'data-test': 'queue-row', 'data-job': row.jobId },
        el('td', { class: 'num' }, row.position),
        el('td', { class: 'id' }, jobLink(row.jobId)),
        el('td', {}, `${row.priorityClass} / ${row.source}`),
        el('td', { class: 'num' }, formatSeconds(Math.max(0, (now - Date.parse(row.enqueuedAt)) / 1000))),
        el('td', { class: 'muted why', 'data-test': 'queue-reason' }, row.reason ?? ''),
      ),
    ),
  );
  return el(
    'section',
    // The queue spans the page: its last column is the answer to "why is my job waiting".
    { class: 'wide', 'data-test': 'queue-card' },
    el('h2', {}, `Queue — ${queue.total} pending, ${queue.inFlight} in flight`),
    groups,
    el('p', {}),
    queue.total === 0 ? el('p', { class: 'muted' }, 'the queue is empty') : head,
  );
}

function poolBlock(pool: PoolRow): HTMLElement {
  return el(
    'div',
    { class: 'pool', 'data-test': 'pool', 'data-pool': pool.poolId },
    el('strong', {}, pool.poolId),
    pool.backend ? el('span', { class: 'muted' }, ` ${pool.backend}`) : null,
    ...pool.dimensions.map((d) => {
      const limit = Math.min(d.capacity ?? Infinity, d.quota ?? Infinity);
      const used = Math.max(d.reserved, d.observed);
      const share = Number.isFinite(limit) && limit > 0 ? Math.min(1, used / limit) : 0;
      const fill = el('div', { class: share >= 1 ? 'fill full' : 'fill' });
      fill.style.width = `${share * 100}%`;
      return el(
        'div',
        { class: 'dim', 'data-test': 'pool-dimension', 'data-dimension': d.dimension },
        el('span', {}, d.dimension),
        el('div', { class: 'track', title: `${used} of ${Number.isFinite(limit) ? limit : '∞'}` }, fill),
        el(
          'span',
          { class: 'num', 'data-test': 'headroom' },
          d.headroom === undefined ? `${used} used, unlimited` : `${used}/${limit} · headroom ${d.headroom}`,
        ),
      );
    }),
  );
}

function admissionsSection(snapshot: DashboardSnapshot): HTMLElement {
  return el(
    'section',
    { 'data-test': 'admissions-card' },
    el('h2', {}, 'Recent admissions'),
    snapshot.recentAdmissions.length === 0
      ? el('p', { class: 'muted' }, 'none yet')
      : el(
          'table',
          { 'data-test': 'admissions' },
          el('tr', {}, col('at', '5.5rem'), el('th', {}, 'job'), col('pool', '8rem'), col('waited', '4.5rem', true)),
          ...snapshot.recentAdmissions.map((a) =>
            el(
              'tr',
              { 'data-test': 'admission' },
              el('td', {}, formatTime(a.at)),
              el('td', { class: 'id' }, jobLink(a.jobId)),
              el('td', {}, a.poolId ?? ''),
              el('td', { class: 'num' }, formatSeconds(a.waitSeconds)),
            ),
          ),
        ),
  );
}

export function chartSection(test: string, title: string, chart: HTMLElement): HTMLElement {
  return el('section', { 'data-test': test }, el('h2', {}, title), chart);
}

/** The overview: queue, pools, admissions and three charts. */
export function renderOverview(snapshot: DashboardSnapshot): HTMLElement[] {
  const now = Date.parse(snapshot.generatedAt);
  return [
    queueSection(snapshot, now),
    el(
      'section',
      { 'data-test': 'pools' },
      el('h2', {}, 'Pools'),
      ...(snapshot.pools.length ? snapshot.pools.map(poolBlock) : [el('p', { class: 'muted' }, 'no pools')]),
    ),
    admissionsSection(snapshot),
    chartSection('wait-chart', `Wait before admission, last ${formatSeconds(snapshot.waitHistogram.windowSeconds)}, per class`, histogramChart('wait', snapshot.waitHistogram)),
    chartSection(
      'utilization-chart',
      'Pool usage per dimension (reserved of capacity)',
      timeChart('utilization', snapshot.utilization, { format: asPercent, max: 1 }),
    ),
    chartSection('queue-chart', 'Queue depth per class', timeChart('queue', snapshot.queueDepth, { format: asCount })),
  ];
}
