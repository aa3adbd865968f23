/** Where a command writes: its result and summaries (`out`) and its errors and notes (`err`). */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** Streams whose reader has gone (`quiver list | head`): further lines are dropped, not a crash. */
const closed = new WeakSet<NodeJS.WriteStream>();
const listening = new WeakSet<NodeJS.WriteStream>();

/**
 * A line to `stream`. The first write listens for EPIPE: the command then carries on (a `run`
 * still writes its `--report`) and only the lines nobody reads are lost.
 */
function writeLine(stream: NodeJS.WriteStream, text: string): void {
  if (closed.has(stream)) return;
  if (!listening.has(stream)) {
    listening.add(stream);
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      closed.add(stream);
    });
  }
  stream.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** The process's stdout and stderr, one line per call. */
export const processIo: Io = {
  out: (text) => writeLine(process.stdout, text),
  err: (text) => writeLine(process.stderr, text),
};
