/** Where a command writes: its result and summaries (`out`) and its errors and notes (`err`). */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** The process's stdout and stderr, one line per call. */
export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};
