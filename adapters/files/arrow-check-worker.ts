/**
 * Before apache-arrow reads an Arrow IPC file, a worker thread walks its framing and decodes every
 * message header (no bodies): each length must fit in the file (message headers, bodies, the
 * footer and its blocks, each buffer inside its body). apache-arrow trusts these lengths and the
 * flatbuffer vectors inside the headers: a flipped byte there allocates until the process runs out
 * of memory, which no `catch` can stop. In a worker with a small heap it ends only the worker.
 */
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';

/** The worker's code: plain JavaScript, so it runs the same from sources and from dist/. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { Message } = require(workerData.message);
const { Footer } = require(workerData.footer);
const { ByteBuffer } = require(workerData.flatbuffers);
class Bad extends Error {}
// apache-arrow believes every list length in a header; here (in this thread only) a list longer
// than the bytes that hold it is an error rather than a loop over billions of items.
const vectorLength = ByteBuffer.prototype.__vector_len;
ByteBuffer.prototype.__vector_len = function (offset) {
  const n = vectorLength.call(this, offset);
  const start = offset + this.readInt32(offset) + 4;
  if (!(n >= 0 && start >= 0 && start + n <= this.capacity())) {
    throw new Bad('a list in its metadata says it holds ' + n + ' items, more than the ' + this.capacity() + ' bytes it is stored in');
  }
  return n;
};
let fd = -1;
let size = 0;
const read = (pos, len) => {
  const b = Buffer.alloc(len);
  if (fs.readSync(fd, b, 0, len, pos) !== len) throw new Bad('it ends at byte ' + size + ', inside the data it announces');
  return b;
};
const past = (what, len, at, end) => new Bad('its ' + what + ' of ' + len + ' bytes at byte ' + at + ' runs past the ' + (end === size ? 'end of the file (' + size + ' bytes)' : 'data before the footer (byte ' + end + ')'));
const checkBody = (msg, at, end) => {
  const body = Number(msg.bodyLength);
  if (!(body >= 0) || at + body > end) throw past('message body', msg.bodyLength, at, end);
  const header = msg.header();
  const batch = msg.isDictionaryBatch() ? header.data : msg.isRecordBatch() ? header : null;
  if (!batch) return body;
  const length = Number(batch.length);
  if (!(length >= 0 && length <= Number.MAX_SAFE_INTEGER)) throw new Bad('a record batch says it holds ' + batch.length + ' rows');
  for (const b of batch.buffers) {
    if (!(b.offset >= 0 && b.length >= 0 && b.offset + b.length <= body)) throw new Bad('a buffer (' + b.length + ' bytes at ' + b.offset + ') lies outside its message body of ' + body + ' bytes');
  }
  for (const n of batch.nodes) {
    if (!(n.length >= 0 && n.nullCount >= 0 && n.nullCount <= n.length)) throw new Bad('a column says it holds ' + n.length + ' values with ' + n.nullCount + ' nulls');
  }
  return body;
};
/** One message at pos: [0xFFFFFFFF] int32 length, header, body. Returns the position after it, or -1 at the end-of-stream marker. */
const message = (pos, end, first) => {
  if (pos + 4 > end) return -1;
  let len = read(pos, 4).readInt32LE(0);
  pos += 4;
  if (len === -1) {
    if (pos + 4 > end) return -1;
    len = read(pos, 4).readInt32LE(0);
    pos += 4;
  }
  if (len === 0) return -1;
  if (len < 0 || pos + len > end) throw past('message header', len, pos, end);
  const msg = Message.decode(read(pos, len));
  if (first && !msg.isSchema()) throw new Bad('it does not start with a schema');
  if (msg.isSchema()) msg.header().fields.length;
  pos += len;
  return pos + checkBody(msg, pos, end);
};
const check = () => {
  const head = size >= 6 ? read(0, 6).toString('latin1') : '';
  if (head === 'ARROW1') {
    if (size < 18 || read(size - 6, 6).toString('latin1') !== 'ARROW1') throw new Bad('it starts as an Arrow file but does not end as one (no footer)');
    const footerLength = read(size - 10, 4).readInt32LE(0);
    const end = size - 10 - footerLength;
    if (footerLength <= 0 || end < 8) throw past('footer', footerLength, size - 10 - Math.max(0, footerLength), size);
    const footer = Footer.decode(read(end, footerLength));
    footer.schema.fields.length;
    for (const block of [...footer.dictionaryBatches(), ...footer.recordBatches()]) {
      const at = Number(block.offset);
      const stop = at + Number(block.metaDataLength) + Number(block.bodyLength);
      if (!(at >= 8 && block.metaDataLength > 0 && stop <= end)) throw past('record batch', Number(block.metaDataLength) + Number(block.bodyLength), at, end);
      message(at, end, false);
    }
  } else {
    let pos = 0;
    for (let first = true; pos >= 0 && pos < size; first = false) pos = message(pos, size, first);
    // A stream ends with the end-of-stream marker: one that stops after a whole batch without it was cut short.
    if (pos === size) throw new Bad('it ends after byte ' + size + ' without the end-of-stream marker, so it was cut short');
  }
};
// One file per message, so the thread (and the apache-arrow modules it loaded) serves many reads.
parentPort.on('message', (path) => {
  try {
    fd = fs.openSync(path, 'r');
    size = fs.fstatSync(fd).size;
    check();
    parentPort.postMessage({ ok: true });
  } catch (error) {
    const known = error instanceof Bad;
    parentPort.postMessage({ ok: false, known, message: error instanceof Error ? error.message : String(error) });
  } finally {
    if (fd >= 0) fs.closeSync(fd);
    fd = -1;
  }
});
`;

/** How much heap the worker may use: message headers are kilobytes; a corrupt length asks for gigabytes. */
const LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16, codeRangeSizeMb: 16 };
const TIMEOUT_MS = 30_000;

interface Check {
  readonly path: string;
  readonly resolve: (reason: string | undefined) => void;
  timer?: ReturnType<typeof setTimeout>;
}

/** Files waiting for the checking thread, the one it is reading, and the thread (started on first use). */
const waiting: Check[] = [];
let current: Check | undefined;
let checker: Worker | undefined;

/**
 * Checks the framing of the Arrow IPC file or stream at `path`; resolves to `undefined` when it is
 * sound, or to the reason it is not (a sentence for an error message). One checking thread serves
 * every call in turn and stays while the process runs (unreferenced, so it keeps nothing alive);
 * a file that runs it out of memory or past the time limit ends it, and the next call starts another.
 *
 * @example
 * const reason = await arrowFramingProblem('flights.arrow'); // undefined for a good file
 */
export function arrowFramingProblem(path: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    waiting.push({ path, resolve });
    if (current === undefined) next();
  });
}

function next(): void {
  const job = waiting.shift();
  if (job === undefined) {
    checker?.unref();
    return;
  }
  current = job;
  const worker = (checker ??= start());
  worker.ref();
  const late = `its metadata could not be read within ${TIMEOUT_MS / 1000} s`;
  job.timer = setTimeout(() => finish(worker, late, true), TIMEOUT_MS);
  worker.postMessage(job.path);
}

/** Settles the current check; `stop` ends the thread (it is stuck, out of memory or gone). */
function finish(worker: Worker, reason: string | undefined, stop: boolean): void {
  if (worker !== checker || current === undefined) return;
  const job = current;
  current = undefined;
  clearTimeout(job.timer);
  if (stop) {
    checker = undefined;
    void worker.terminate();
  }
  job.resolve(reason);
  next();
}

function start(): Worker {
  const worker = new Worker(WORKER, {
    eval: true,
    resourceLimits: LIMITS,
    workerData: {
      message: require.resolve('apache-arrow/ipc/metadata/message'),
      footer: require.resolve('apache-arrow/ipc/metadata/file'),
      flatbuffers: require.resolve('flatbuffers', { paths: [dirname(require.resolve('apache-arrow'))] }),
    },
  });
  worker.on('message', (m: { ok: boolean; known?: boolean; message?: string }) =>
    finish(worker, m.ok ? undefined : m.known ? m.message : `its metadata is damaged (${m.message})`, false));
  const OOM = 'its metadata announces more data than the file holds (reading it ran out of memory)';
  worker.on('error', (error: Error & { code?: string }) =>
    finish(worker, error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? OOM : `its metadata is damaged (${error.message})`, true));
  worker.on('exit', (code) => {
    finish(worker, `its metadata could not be read (the checking thread stopped with code ${code})`, true);
    if (worker === checker) checker = undefined;
  });
  return worker;
}
