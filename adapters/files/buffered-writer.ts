/**
 * Gathers many small writes (IPC metadata, CSV lines) into ~1 MiB writes on a file handle; large
 * buffers go straight through without being copied.
 */
import type { FileHandle } from 'node:fs/promises';

const FLUSH_BYTES = 1 << 20;

/**
 * A write-behind buffer over a file handle. Call `flush()` at the end.
 *
 * @example
 * const out = new BufferedWriter(file);
 * for (const line of lines) await out.write(Buffer.from(line));
 * await out.flush();
 */
export class BufferedWriter {
  private readonly pending = new Uint8Array(FLUSH_BYTES);
  private used = 0;
  /** Bytes written so far (including those still pending). */
  bytes = 0;

  constructor(private readonly file: FileHandle) {}

  async write(chunk: Uint8Array): Promise<void> {
    this.bytes += chunk.byteLength;
    if (chunk.byteLength >= FLUSH_BYTES / 4) {
      await this.flush();
      await this.writeFully(chunk);
      return;
    }
    if (this.used + chunk.byteLength > FLUSH_BYTES) await this.flush();
    this.pending.set(chunk, this.used);
    this.used += chunk.byteLength;
  }

  async flush(): Promise<void> {
    if (this.used === 0) return;
    const bytes = this.pending.subarray(0, this.used);
    this.used = 0;
    await this.writeFully(bytes);
  }

  /** FileHandle.write may write fewer bytes than asked (and at most 2 GiB at once): loop. */
  private async writeFully(chunk: Uint8Array): Promise<void> {
    let offset = 0;
    while (offset < chunk.byteLength) {
      const length = Math.min(chunk.byteLength - offset, 2 ** 30);
      const { bytesWritten } = await this.file.write(chunk, offset, length);
      offset += bytesWritten;
    }
  }
}
