/**
 * The one door to `bullmq` (an optional peer dependency): loaded on first use, and a
 * `MissingDependencyError` saying `npm install bullmq` when it is not installed.
 */
import { requireOptional } from '../optional-dependency';

/** The parts of bullmq quiver uses. */
export type BullMQ = typeof import('bullmq');

let loaded: BullMQ | undefined;

/**
 * `require('bullmq')`, or a `MissingDependencyError` naming the package and the fix.
 *
 * @example
 * const { Worker } = loadBullmq('quiver worker');
 */
export function loadBullmq(who: string): BullMQ {
  loaded ??= requireOptional<BullMQ>('bullmq', who, 'Install it where quiver is installed: npm install bullmq');
  return loaded;
}
