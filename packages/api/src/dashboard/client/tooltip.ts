/// <reference lib="dom" />
import type uPlot from 'uplot';
import { el } from './dom';

/**
 * A uPlot plugin that shows the hovered point's values in a box beside the cursor: the legend
 * under the chart shows them too, but far from where the eye is.
 */
export function tooltipPlugin(formatX: (x: number) => string, formatY: (y: number) => string): uPlot.Plugin {
  const tip = el('div', { class: 'chart-tooltip', 'data-test': 'chart-tooltip' });
  tip.hidden = true;
  return {
    hooks: {
      init: (chart) => {
        chart.over.append(tip);
      },
      setCursor: (chart) => {
        const { left, top } = chart.cursor;
        const idx = chart.cursor.idxs?.[1] ?? chart.cursor.idx;
        if (idx === null || idx === undefined || left === undefined || left < 0 || top === undefined) {
          tip.hidden = true;
          return;
        }
        const lines = chart.series.slice(1).flatMap((series, i) => {
          const value = chart.data[i + 1]?.[idx];
          return series.show === false || value === null || value === undefined
            ? []
            : [el('div', {}, `${String(series.label)}: ${formatY(value)}`)];
        });
        tip.replaceChildren(el('strong', {}, formatX(chart.data[0][idx]!)), ...lines);
        tip.hidden = false;
        // Past the middle the box opens to the left, so it never leaves the plot.
        const flip = left > chart.over.clientWidth / 2;
        tip.style.left = flip ? '' : `${left + 12}px`;
        tip.style.right = flip ? `${chart.over.clientWidth - left + 12}px` : '';
        tip.style.top = `${Math.max(0, top - 8)}px`;
      },
    },
  };
}

/** The index of the point whose level holds at `x`: a step chart's value until the next change. */
export const heldIndex: uPlot.Cursor.DataIdxRefiner = (chart, _seriesIdx, closestIdx, x) => {
  const xs = chart.data[0];
  let low = 0;
  let high = xs.length - 1;
  if (high < 0) return closestIdx;
  if (x < xs[0]!) return 0;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (xs[mid]! <= x) low = mid;
    else high = mid - 1;
  }
  return low;
};
