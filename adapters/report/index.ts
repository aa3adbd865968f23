/** The self-contained HTML run report. */
export { writeRunReport, runReportHtml, type RunReportInput, type RunReportOptions, type RunOutcome } from './run-report';
export { timingRecorder, type TimingRecorder } from './timing-recorder';
export type { JoinReport } from './joins-section';
