import uPlot from 'uplot';
import chartCss from 'uplot/dist/uPlot.min.css?inline';
import { adoptStyles } from '../adopt-styles';

/**
 * A bar chart of labelled counts with uPlot (https://github.com/leeoniya/uPlot, MIT: about
 * 20 KB gzip, canvas, no dependencies, kept up by its author since 2019). Loaded only by the
 * Insights screen's charts (BarChart.tsx), so no other screen of the studio carries it.
 * Returns the function that removes the chart.
 */
export function drawBars(target: HTMLElement, labels: readonly string[], values: readonly number[], options: { readonly label: string; readonly width: number; readonly height?: number }): () => void {
  // uPlot draws on a 2D canvas, later, in a frame of its own: where there is none, say so now,
  // so that the panel shows the numbers instead (ChartPanel.tsx).
  if (!document.createElement('canvas').getContext('2d')) throw new Error('this browser has no 2D canvas');
  adoptStyles(chartCss);
  const bars = uPlot.paths.bars!({ size: [0.6, 64] });
  const chart = new uPlot(
    {
      width: options.width,
      height: options.height ?? 220,
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false, range: [-0.5, labels.length - 0.5] }, y: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.1] } },
      axes: [
        { values: (_u, splits) => splits.map((i) => (Number.isInteger(i) ? fitted(labels[i] ?? '', options.width / labels.length) : '')), splits: () => labels.map((_, i) => i), grid: { show: false } },
        { values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? String(v) : '')) },
      ],
      series: [{}, { label: options.label, paths: bars, points: { show: false }, fill: '#0f5cc0', stroke: '#0f5cc0' }],
    },
    [labels.map((_, i) => i), [...values]],
    target,
  );
  return () => chart.destroy();
}

/**
 * A bar's label cut to the room under its bar (about 7 px a character at the axis' 12 px), so
 * that on a phone's width labels do not run into each other; the table has them whole.
 */
export function fitted(label: string, room: number): string {
  const most = Math.max(3, Math.floor(room / 7));
  return label.length > most ? `${label.slice(0, most - 1)}…` : label;
}
