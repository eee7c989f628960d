/// <reference lib="dom" />
import { el, formatSeconds, svg } from './dom';

const WIDTH = 600;
const HEIGHT = 140;
const PAD = 28;

export interface Series {
  label: string;
  points: { at: string; value: number }[];
}

const COLOURS = ['#3c7dd9', '#d9822b', '#2f9e6b', '#a34fc2', '#c43d4b'];

/** A time-axis line chart as inline SVG; `stepped` draws levels that hold until the next change. */
export function lineChart(
  series: Series[],
  options: { max?: number; format: (value: number) => string; stepped?: boolean },
): HTMLElement {
  const all = series.flatMap((s) => s.points);
  if (all.length === 0) return el('p', { class: 'muted' }, 'nothing yet');
  const times = all.map((p) => Date.parse(p.at));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times, t0 + 1);
  const max = options.max ?? Math.max(...all.map((p) => p.value), 1);
  const x = (at: string) => PAD + ((Date.parse(at) - t0) / (t1 - t0)) * (WIDTH - PAD - 8);
  const y = (value: number) => HEIGHT - 18 - (value / max) * (HEIGHT - 30);

  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img' });
  chart.append(svg('line', { x1: PAD, y1: y(0), x2: WIDTH - 8, y2: y(0), stroke: '#c5ced8' }));
  const top = svg('text', { x: 2, y: y(max) + 4, 'font-size': 10, fill: '#627080' });
  top.textContent = options.format(max);
  chart.append(top);
  series.forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length]!;
    let d = '';
    s.points.forEach((p, j) => {
      const previous = s.points[j - 1];
      if (j === 0) d += `M${x(p.at)},${y(p.value)}`;
      else if (options.stepped && previous) d += `H${x(p.at)}V${y(p.value)}`;
      else d += `L${x(p.at)},${y(p.value)}`;
    });
    // A level holds until something changes it, so the last one reaches the right edge.
    if (options.stepped && s.points.length > 0) d += `H${WIDTH - 8}`;
    chart.append(svg('path', { d, fill: 'none', stroke: colour, 'stroke-width': 2 }));
    for (const p of s.points) chart.append(svg('circle', { cx: x(p.at), cy: y(p.value), r: 2.5, fill: colour }));
    const legend = svg('text', { x: PAD + 4 + i * 120, y: HEIGHT - 4, 'font-size': 10, fill: colour });
    legend.textContent = s.label;
    chart.append(legend);
  });
  return el('div', {}, chart);
}

export const asSeconds = formatSeconds;
export const asPercent = (value: number) => `${Math.round(value * 100)}%`;
