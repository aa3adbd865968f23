/**
 * parquet-wasm's async reader runs in a worker thread: on some corrupt files it panics inside a
 * task of its own (`RuntimeError: unreachable`), an exception no caller can catch, which would end
 * the whole process. In a worker it ends only the worker, and the reader reports it as an error.
 * Batches cross back as Arrow IPC bytes (transferred, not copied).
 */
import { Worker } from 'node:worker_threads';

/** The worker's code: plain JavaScript, so it runs the same from sources and from dist/. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { openAsBlob } = require('node:fs');
const pw = require(workerData.wasm);
const send = (message, bytes) => parentPort.postMessage(message, bytes && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? [bytes.buffer] : []);
(async () => {
  const file = await pw.ParquetFile.fromFile(await openAsBlob(workerData.path));
  const schema = file.schema().intoIPCStream();
  send({ kind: 'meta', rowCounts: file.metadata().rowGroups().map((g) => g.numRows()), schema }, schema);
  for (;;) {
    const options = await new Promise((done) => parentPort.once('message', done));
    if (!options) return;
    const stream = await file.stream(options);
    const reader = stream.getReader();
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      const bytes = next.value.intoIPCStream();
      send({ kind: 'batch', bytes }, bytes);
    }
    send({ kind: 'done' });
  }
})().catch((error) => send({ kind: 'error', message: error instanceof Error ? error.message : String(error) }));
`;

/** What the worker says, in order; an `Error` when it failed or died. */
export type WorkerMessage =
  | { kind: 'meta'; rowCounts: number[]; schema: Uint8Array }
  | { kind: 'batch'; bytes: Uint8Array }
  | { kind: 'done' };

/** The options parquet-wasm's `ParquetFile.stream` takes. */
export interface StreamOptions {
  readonly batchSize: number;
  readonly columns?: string[];
  readonly rowGroups: number[];
  readonly limit?: number;
}

/**
 * Starts a worker reading `path`. `next()` resolves to its next message (meta first), rejecting
 * when the file cannot be read or the worker died; `choose(options)` starts the batches, ended by
 * `done`, and may be called again after it for another selection (null: no more wanted, the
 * worker stops); `close()` ends the worker.
 *
 * @example
 * const w = parquetWorker('a.parquet'); const meta = await w.next(); w.choose({ batchSize: 1024, rowGroups: [0] });
 */
export function parquetWorker(path: string) {
  const worker = new Worker(WORKER, { eval: true, workerData: { path, wasm: require.resolve('parquet-wasm') } });
  const queue: (WorkerMessage | Error)[] = [];
  let waiting: ((m: WorkerMessage | Error) => void) | undefined;
  const push = (m: WorkerMessage | Error) => (waiting ? (waiting(m), (waiting = undefined)) : queue.push(m));
  worker.on('message', (m: WorkerMessage | { kind: 'error'; message: string }) => push(m.kind === 'error' ? new Error(m.message) : m));
  worker.on('error', (error) => push(error));
  worker.on('exit', (code) => push(new Error(`the reader stopped (exit code ${code})`)));
  return {
    async next(): Promise<WorkerMessage> {
      const m = queue.shift() ?? (await new Promise<WorkerMessage | Error>((done) => (waiting = done)));
      if (m instanceof Error) throw m;
      return m;
    },
    choose(options: StreamOptions | null): void {
      worker.postMessage(options);
    },
    close(): Promise<number> {
      return worker.terminate();
    },
  };
}
