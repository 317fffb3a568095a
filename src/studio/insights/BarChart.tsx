import { useEffect, useRef } from 'preact/hooks';

export interface BarChartProps {
  readonly label: string;
  readonly labels: readonly string[];
  readonly values: readonly number[];
  /** The chart could not be drawn (its code did not load, no canvas): the panel shows the numbers. */
  readonly onFail: () => void;
}

/**
 * A bar chart, drawn by uPlot (bar-chart.ts), whose code is imported when the first chart is
 * on screen: the studio's other screens never load it. The canvas is a picture for sighted
 * merchants (aria-hidden); the same numbers are a click away as a table (ChartPanel.tsx).
 */
export function BarChart({ label, labels, values, onFail }: BarChartProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let remove: (() => void) | undefined;
    let gone = false;
    import('./bar-chart')
      .then((m) => {
        if (gone || !box.current) return;
        remove = m.drawBars(box.current, labels, values, { label, width: Math.max(280, box.current.clientWidth || 560) });
      })
      .catch((error: unknown) => {
        console.warn('[fanshop] a chart could not be drawn:', error);
        if (!gone) onFail();
      });
    return () => {
      gone = true;
      remove?.();
    };
  }, [label, labels, values, onFail]);
  return <div ref={box} class="insights-chart" aria-hidden="true" data-chart={label} />;
}
