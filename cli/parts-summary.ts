/**
 * What `quiver run --partitions` prints and reports about a result it wrote part by part, kept
 * without the parts: rows, missing values per column, the first rows for the preview, and (for
 * `--report`) the merged column summary.
 */
import { type Table, tableFromIPC, tableToIPC } from 'apache-arrow';
import { joinBatches } from '../adapters/arrow/join-batches';
import { mergeSummaries, summarizeResult, type ResultSummary } from '../adapters/report/result-summary';
import { missingCounts, missingLine, previewTable } from './run-preview';

/** Rows kept for the preview. */
const HEAD_ROWS = 5;

/**
 * Add each part as it is written; read the totals at the end.
 *
 * @example
 * const summary = new PartsSummary(false);
 * for (const part of parts) summary.add(part);
 * summary.rows; summary.preview(); summary.missingLine();
 */
export class PartsSummary {
  rows = 0;
  private readonly head: Table[] = [];
  private headRows = 0;
  private missing: number[] = [];
  private merged: ResultSummary | undefined;

  /** `report`: also summarize each column (min, max, mean) for the run report. */
  constructor(private readonly report: boolean) {}

  add(table: Table): void {
    this.rows += table.numRows;
    const counts = missingCounts(table);
    this.missing = this.missing.length === 0 ? counts : this.missing.map((n, j) => n + counts[j]);
    if (this.headRows < HEAD_ROWS || this.head.length === 0) {
      // a copy of the first rows: a slice would keep the whole part's buffers alive
      this.head.push(tableFromIPC(tableToIPC(table.slice(0, HEAD_ROWS - this.headRows))));
      this.headRows += Math.min(table.numRows, HEAD_ROWS - this.headRows);
    }
    if (this.report) {
      const part = summarizeResult(table);
      this.merged = this.merged === undefined ? part : mergeSummaries(this.merged, part);
    }
  }

  /** The first rows (one table of the result's columns). */
  get first(): Table {
    return joinBatches(this.head);
  }

  get columns(): number {
    return this.first.numCols;
  }

  preview(): string {
    return previewTable(this.first, { totalRows: this.rows });
  }

  missingLine(): string {
    return missingLine(this.first, 5, this.missing);
  }

  /** The run report's result section (only when made with `report`). */
  get summary(): ResultSummary | undefined {
    return this.merged;
  }
}
