/**
 * `writeRunReport`: one self-contained HTML file about a run — the executed graph as inline SVG
 * (coloured by time, failed checks outlined), time per node, data-quality results failures first,
 * the result's rows and columns, versions and config. No scripts, no external URLs.
 */
import * as fs from 'fs';
import * as path from 'path';
import { writeTextFile } from '../files/atomic-write';
import { DataValidationError, FeatureExecutionError } from '../../src/errors';
import type { QualityResult } from '../../src/quality/result';
import type { GraphSource } from '../graphviz/model';
import type { PictureOptions } from '../graphviz/picture';
import type { AdapterNote } from '../notes';
import { executedGraphSvg } from './executed-graph';
import { joinsSection, type JoinReport } from './joins-section';
import { esc, formatMs } from './html';
import { summarizeResult, type ResultSummary } from './result-summary';
import { errorSection, graphSection, keyValueSection, notesSection, qualitySection, resultSection, timingsSection } from './sections';
import { REPORT_CSS } from './style';
import { versions } from './versions';

/** What `dr.run()` resolves to; every part is optional so a failed run can be reported too. */
export interface RunOutcome {
  readonly result?: unknown;
  /** The result's summary when the result itself was not kept (a run written part by part). */
  readonly summary?: ResultSummary;
  readonly quality?: readonly QualityResult[];
  readonly timings?: Readonly<Record<string, number>>;
  /** With `withCache`: the nodes read from the cache are marked in the graph and the timings. */
  readonly cache?: { readonly hits: readonly string[] };
}

/** Everything a report is made from. */
export interface RunReportInput {
  /** The driver that ran: the graph is drawn from its `listAvailableVariables()`. */
  readonly driver: GraphSource;
  /** The outputs that were requested. */
  readonly outputs: readonly string[];
  /** What `dr.run()` resolved to, or, for a failed run, what is known (e.g. `timingRecorder().timings`). */
  readonly run?: RunOutcome;
  /** The error that ended the run; a `DataValidationError`'s results are added to the quality table. */
  readonly error?: unknown;
  /** The config the driver was built with (drawn as config nodes and listed). */
  readonly config?: Readonly<Record<string, unknown>>;
  /** The report's heading (default "quiver run"). */
  readonly title?: string;
  /** Extra facts listed under the heading, e.g. `{ features: 'features.ts', inputs: 'data.csv' }`. */
  readonly details?: Readonly<Record<string, string>>;
  /** Notes the readers left (`readTable(path, { onNote })`). */
  readonly notes?: readonly AdapterNote[];
  /** How long the whole run took, when known. */
  readonly durationMs?: number;
  /** Tables joined as of time before the run (`TrainingFrame.joins`, `quiver run --join`): a section of their own. */
  readonly joins?: readonly JoinReport[];
}

/** How the report draws its graph (`maxNodes`, `colorByTag`, `expand`…, as `quiver graph`). */
export type RunReportOptions = Omit<PictureOptions, 'outputs' | 'decorate'>;

function qualityOf(input: RunReportInput): QualityResult[] {
  const quality = [...(input.run?.quality ?? [])];
  if (input.error instanceof DataValidationError) {
    for (const r of input.error.results) {
      if (!quality.some((q) => q.node === r.node && q.check === r.check && q.passes === r.passes)) quality.push(r);
    }
  }
  return quality;
}

function failedNodeOf(error: unknown): string | undefined {
  return error instanceof DataValidationError || error instanceof FeatureExecutionError ? error.node : undefined;
}

/**
 * The report as an HTML string.
 *
 * @example
 * const html = await runReportHtml({ driver: dr, outputs, run, config });
 */
export async function runReportHtml(input: RunReportInput, opts: RunReportOptions = {}): Promise<string> {
  const quality = qualityOf(input);
  const timings = input.run?.timings ?? {};
  const config = input.config ?? {};
  let svg: string | undefined;
  let problem: string | undefined;
  try {
    const facts = { timings, quality, failedNode: failedNodeOf(input.error), cached: input.run?.cache?.hits };
    svg = await executedGraphSvg(input.driver, input.outputs, facts, { configKeys: Object.keys(config), ...opts });
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  const ok = input.error === undefined;
  const title = input.title ?? 'quiver run';
  const meta = [
    `${input.outputs.length.toLocaleString('en-US')} outputs`,
    input.durationMs !== undefined ? `took ${formatMs(input.durationMs)}` : '',
    new Date().toISOString().replace('T', ' ').slice(0, 19) + ' UTC',
    ...Object.entries(input.details ?? {}).map(([k, v]) => `${k}: ${v}`),
  ].filter(Boolean);
  const body = [
    ok ? '' : errorSection(input.error),
    graphSection(svg, problem),
    joinsSection(input.joins ?? []),
    qualitySection(quality),
    resultSection(input.run?.summary ?? summarizeResult(input.run?.result)),
    timingsSection(timings, input.run?.cache?.hits),
    notesSection(input.notes ?? []),
    keyValueSection('config', 'Config', config, 'No config was given.'),
    keyValueSection('versions', 'Versions', await versions(), ''),
  ];
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><style>${REPORT_CSS}</style></head>
<body><header><h1>${esc(title)}</h1><span class="status ${ok ? 'ok' : 'failed'}" id="status">${ok ? 'succeeded' : 'failed'}</span>
<span class="meta">${meta.map(esc).join(' · ')}</span></header>
<main>${body.join('\n')}</main></body></html>
`;
}

/**
 * Write the run report to `file` (folders are created). Works for failed runs too: pass `error`
 * and what is known in `run`.
 *
 * @example
 * const run = await dr.run(outputs, { inputs });
 * await writeRunReport({ driver: dr, outputs, run, config: { region: 'US' } }, 'out/run.html');
 *
 * // a run that failed: keep its timings with a recorder added at build
 * const timer = timingRecorder();
 * const dr = new Builder().withFeatures(Spend).withAdapters(timer).build();
 * try { await dr.run(outputs, { inputs }); }
 * catch (error) { await writeRunReport({ driver: dr, outputs, error, run: { timings: timer.timings } }, 'run.html'); }
 */
export async function writeRunReport(input: RunReportInput, file: string, opts: RunReportOptions = {}): Promise<void> {
  const html = await runReportHtml(input, opts);
  await fs.promises.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await writeTextFile(file, 'HTML report', html);
}
