/// <reference lib="dom" />
import uPlot from 'uplot';
import type { TimeTable, WaitHistogram } from '../snapshotTypes';
import { el, formatTime } from './dom';
import { heldIndex, tooltipPlugin } from './tooltip';

const HEIGHT = 180;
const COLOURS = ['#3c7dd9', '#d9822b', '#2f9e6b', '#a34fc2', '#c43d4b', '#1f9bb4', '#8a6d3b'];

export const asPercent = (value: number) => `${Math.round(value * 100)}%`;
export const asCount = (value: number) => String(Math.round(value));

/** The chart element, with its uPlot instance for the page's own checks (and the console). */
export interface ChartHost extends HTMLElement {
  uplot?: uPlot;
}

interface LiveChart {
  host: ChartHost;
  chart: uPlot;
  shape: string;
  observer: ResizeObserver;
}

/**
 * Charts outlive a render: the page redraws on every snapshot, and a chart whose series are
 * unchanged only takes the new data, so a hovered point and its tooltip stay where they are.
 */
const live = new Map<string, LiveChart>();

function liveChart(key: string, shape: string, options: () => Omit<uPlot.Options, 'width' | 'height'>, data: uPlot.AlignedData): ChartHost {
  const existing = live.get(key);
  if (existing?.shape === shape) {
    existing.chart.setData(data);
    return existing.host;
  }
  if (existing) {
    existing.observer.disconnect();
    existing.chart.destroy();
  }
  const host: ChartHost = el('div', { class: 'chart', 'data-test': 'chart' });
  const chart = new uPlot({ ...options(), width: 400, height: HEIGHT }, data, host);
  // uPlot draws at a fixed pixel width: follow the card's width, so it fits any viewport.
  const observer = new ResizeObserver(() => {
    if (host.clientWidth > 0) chart.setSize({ width: host.clientWidth, height: HEIGHT });
  });
  observer.observe(host);
  host.uplot = chart;
  live.set(key, { host, chart, shape, observer });
  return host;
}

const stepped = uPlot.paths.stepped!({ align: 1 });

function seriesOf(labels: string[], format: (value: number) => string): uPlot.Series[] {
  return labels.map((label, i) => {
    const colour = COLOURS[i % COLOURS.length]!;
    return {
      label,
      stroke: colour,
      fill: `${colour}22`,
      width: 2,
      paths: stepped,
      points: { show: false },
      value: (_chart: uPlot, value: number | null) => (value === null ? '—' : format(value)),
    };
  });
}

const axisValues =
  (format: (value: number) => string) =>
  (_chart: uPlot, splits: number[]): string[] =>
    splits.map(format);

/** Levels over time that hold until the next change (queue depth, reserved share). */
export function timeChart(key: string, table: TimeTable, options: { format: (value: number) => string; max?: number }): HTMLElement {
  if (table.times.length === 0) return el('p', { class: 'muted' }, 'nothing yet');
  const labels = table.series.map((s) => s.label);
  const times = table.times.map((at) => Date.parse(at) / 1000);
  return liveChart(
    key,
    JSON.stringify(labels),
    () => ({
      scales: { x: { time: true }, y: { range: (_chart, _min, max) => [0, options.max ?? Math.max(1, max)] } },
      axes: [{}, { values: axisValues(options.format), size: 50 }],
      series: [{ label: 'time', value: (_chart, at) => (at === null ? '—' : formatTime(new Date(at * 1000).toISOString())) }, ...seriesOf(labels, options.format)],
      cursor: { dataIdx: heldIndex, drag: { x: false, y: false } },
      plugins: [tooltipPlugin((at) => formatTime(new Date(at * 1000).toISOString()), options.format)],
    }),
    [times, ...table.series.map((s) => s.values)],
  );
}

/**
 * Values per bucket as steps (counts unless `format` says otherwise): bucket j spans j..j+1 on the
 * x axis, and a trailing point repeats the last value so the last bucket has a width too.
 */
export function histogramChart(key: string, histogram: WaitHistogram, format: (value: number) => string = asCount): HTMLElement {
  if (histogram.classes.length === 0) return el('p', { class: 'muted' }, 'no admissions in the window');
  const { buckets } = histogram;
  const bucketOf = (x: number) => buckets[Math.min(buckets.length - 1, Math.max(0, Math.floor(x)))] ?? '';
  const labels = histogram.classes.map((c) => c.priorityClass);
  return liveChart(
    key,
    JSON.stringify([labels, buckets]),
    () => ({
      scales: { x: { time: false, range: [0, buckets.length] }, y: { range: (_chart, _min, max) => [0, Math.max(1, max)] } },
      axes: [
        { splits: () => buckets.map((_, j) => j + 0.5), values: (_chart, splits) => splits.map(bucketOf) },
        { values: axisValues(format), size: 50 },
      ],
      series: [{ label: 'waited', value: (_chart, x) => (x === null ? '—' : bucketOf(x)) }, ...seriesOf(labels, format)],
      cursor: { dataIdx: heldIndex, drag: { x: false, y: false } },
      plugins: [tooltipPlugin(bucketOf, format)],
    }),
    [
      [...buckets.keys(), buckets.length],
      ...histogram.classes.map((c) => [...c.counts, c.counts.at(-1) ?? 0]),
    ],
  );
}
