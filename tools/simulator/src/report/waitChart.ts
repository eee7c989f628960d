import type { PolicyOutcome } from '@sluice/scheduler';
import { classesByUrgency } from './classOrder';
import { formatSeconds } from './formatSeconds';

const PALETTE = ['#8c8c8c', '#e69f00', '#56b4e9', '#009e73', '#cc79a7', '#d55e00', '#0072b2'];
const TICKS: readonly [number, string][] = [
  [1, '1s'],
  [10, '10s'],
  [60, '1m'],
  [600, '10m'],
  [3600, '1h'],
  [36_000, '10h'],
  [360_000, '100h'],
  [3_600_000, '1000h'],
];
const MARGIN = { left: 64, right: 16, top: 48, bottom: 72 };
const BAR = 18;
const GROUP_GAP = 28;
const PLOT_HEIGHT = 300;
const LEGEND_ENTRY = 150;

/**
 * Wait by class per policy as an SVG bar chart: the bar is the p95 wait, the dot the mean. The
 * scale is logarithmic because waits of seconds and of hours both matter and sit side by side.
 */
export function waitChart(
  policies: readonly PolicyOutcome[],
  classValues: Record<string, number>,
  title: string,
): string {
  const classes = classesByUrgency(
    policies.flatMap((p) => Object.keys(p.wait.byClass)),
    classValues,
  );
  const groupWidth = policies.length * BAR + GROUP_GAP;
  const width = Math.max(
    560,
    MARGIN.left + MARGIN.right + classes.length * groupWidth,
    MARGIN.left + policies.length * LEGEND_ENTRY,
  );
  const height = MARGIN.top + PLOT_HEIGHT + MARGIN.bottom;
  const highest = Math.max(
    1,
    ...policies.flatMap((p) => Object.values(p.wait.byClass).map((d) => Math.max(d.p95, d.mean))),
  );
  const top = TICKS.find(([t]) => t >= highest)?.[0] ?? highest;
  const y = (seconds: number) =>
    MARGIN.top + PLOT_HEIGHT * (1 - Math.log(Math.max(1, seconds)) / Math.log(top));
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${MARGIN.left}" y="20" font-size="14" font-weight="bold">${escape(title)}</text>`,
    `<text x="${MARGIN.left}" y="36" fill="#555">bar: p95 wait, dot: mean wait (log scale)</text>`,
  ];
  for (const [tick, label] of TICKS.filter(([t]) => t <= top)) {
    const ty = y(tick).toFixed(1);
    parts.push(
      `<line x1="${MARGIN.left}" x2="${width - MARGIN.right}" y1="${ty}" y2="${ty}" stroke="#e3e3e3"/>`,
    );
    parts.push(
      `<text x="${MARGIN.left - 6}" y="${ty}" text-anchor="end" dominant-baseline="middle">${label}</text>`,
    );
  }
  classes.forEach((name, g) => {
    const x0 = MARGIN.left + GROUP_GAP / 2 + g * groupWidth;
    policies.forEach((policy, i) => {
      const d = policy.wait.byClass[name];
      if (!d) return;
      const x = x0 + i * BAR;
      const barTop = y(d.p95);
      const color = PALETTE[i % PALETTE.length];
      const tooltip = `${policy.policy}, ${name}: p95 ${formatSeconds(d.p95)}, mean ${formatSeconds(d.mean)}`;
      parts.push(
        `<rect x="${x + 1}" y="${barTop.toFixed(1)}" width="${BAR - 2}" height="${(MARGIN.top + PLOT_HEIGHT - barTop).toFixed(1)}" fill="${color}"><title>${escape(tooltip)}</title></rect>`,
      );
      parts.push(`<circle cx="${x + BAR / 2}" cy="${y(d.mean).toFixed(1)}" r="3" fill="#222"/>`);
    });
    parts.push(
      `<text x="${x0 + (policies.length * BAR) / 2}" y="${MARGIN.top + PLOT_HEIGHT + 16}" text-anchor="middle">${escape(name)}</text>`,
    );
  });
  parts.push(
    `<line x1="${MARGIN.left}" x2="${width - MARGIN.right}" y1="${MARGIN.top + PLOT_HEIGHT}" y2="${MARGIN.top + PLOT_HEIGHT}" stroke="#333"/>`,
  );
  policies.forEach((policy, i) => {
    const lx = MARGIN.left + i * LEGEND_ENTRY;
    const ly = height - 24;
    parts.push(
      `<rect x="${lx}" y="${ly - 9}" width="12" height="12" fill="${PALETTE[i % PALETTE.length]}"/>`,
    );
    parts.push(`<text x="${lx + 18}" y="${ly}">${escape(policy.policy)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
