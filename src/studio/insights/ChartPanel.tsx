import type { ComponentChildren } from 'preact';
import { useCallback, useState } from 'preact/hooks';
import { BarChart } from './BarChart';
import type { InsightsMessages } from './messages';

export interface ChartPanelProps {
  readonly t: InsightsMessages;
  readonly title: string;
  readonly hint?: string;
  /** The CSV of this panel's numbers (`GET /api/studio/insights.csv?…&table=`); none: no link. */
  readonly csvHref?: string;
  /** The bars: a label and a count each; none for a panel that is only a table. */
  readonly bars?: { readonly labels: readonly string[]; readonly values: readonly number[] };
  /** The table's column headings and rows (the same numbers as the bars, and more). */
  readonly head: readonly string[];
  readonly rows: readonly (readonly ComponentChildren[])[];
}

/**
 * One of the Insights screen's sections: a chart where a person would rather look than read,
 * the numbers a click away as a table (the button says which it shows), and a CSV download.
 */
export function ChartPanel({ t, title, hint, csvHref, bars, head, rows }: ChartPanelProps) {
  const [table, setTable] = useState(!bars);
  const [failed, setFailed] = useState(false);
  const fail = useCallback(() => (setFailed(true), setTable(true)), []);
  const id = `insights-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  const empty = rows.length === 0;
  return (
    <section class="insights-panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {hint && <p class="insights-hint">{hint}</p>}
      {empty ? (
        <p>{t.nothing}</p>
      ) : (
        <>
          <div class="insights-actions">
            {bars && !failed && (
              <button type="button" aria-pressed={table} onClick={() => setTable(!table)}>
                {table ? t.showChart : t.showTable}
              </button>
            )}
            {csvHref && (
              <a href={csvHref} download>
                {t.download}
              </a>
            )}
          </div>
          {failed && <p role="status">{t.chartFailed}</p>}
          {bars && !table && <BarChart label={title} labels={bars.labels} values={bars.values} onFail={fail} />}
          {table && (
            <table aria-labelledby={id}>
              <thead>
                <tr>{head.map((name) => <th scope="col" key={name}>{name}</th>)}</tr>
              </thead>
              <tbody>
                {rows.map((cells, i) => (
                  <tr key={i}>{cells.map((cell, j) => (j === 0 ? <th scope="row" key={j}>{cell}</th> : <td key={j}>{cell}</td>))}</tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
