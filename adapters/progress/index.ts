/** Terminal progress for long runs, as a lifecycle adapter. */
export { progressBar, shouldDrawProgress, type ProgressOptions } from './progress-bar';
