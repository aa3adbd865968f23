/** A fresh cache directory per test, removed afterwards, and the fixture's call counts reset. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calls } from '../fixtures/cached';

export function useCacheDir(): () => string {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'quiver-cache-'));
    for (const key of Object.keys(calls)) delete calls[key];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  return () => dir;
}

export const inputs = (price = [1, 2, 3], volume = [10, 20, 30]) => ({
  price: Float64Array.from(price),
  volume: Float64Array.from(volume),
});
