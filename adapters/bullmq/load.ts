/**
 * The one door to `bullmq` and `ioredis` (optional peer dependencies): loaded on first use, and a
 * `MissingDependencyError` saying `npm install bullmq ioredis` when one is not installed.
 */
import { requireOptional } from '../optional-dependency';

/** The parts of bullmq quiver uses. */
export type BullMQ = typeof import('bullmq');

/** The ioredis client class (the Redis client bullmq runs on). */
export type IORedis = typeof import('ioredis').default;

const INSTALL = 'Install it where quiver is installed: npm install bullmq ioredis';

let loaded: BullMQ | undefined;
let redis: IORedis | undefined;

/**
 * `require('bullmq')`, or a `MissingDependencyError` naming the package and the fix.
 *
 * @example
 * const { Worker } = loadBullmq('quiver worker');
 */
export function loadBullmq(who: string): BullMQ {
  loaded ??= requireOptional<BullMQ>('bullmq', who, INSTALL);
  return loaded;
}

/**
 * `require('ioredis')` (its client class), or a `MissingDependencyError` naming the package and the fix.
 *
 * @example
 * const Redis = loadIORedis('quiver worker');
 * const client = new Redis('redis://127.0.0.1:6379', { lazyConnect: true });
 */
export function loadIORedis(who: string): IORedis {
  if (redis === undefined) {
    const mod = requireOptional<IORedis & { default?: IORedis }>('ioredis', who, INSTALL);
    redis = mod.default ?? mod;
  }
  return redis;
}
