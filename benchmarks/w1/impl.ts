/**
 * What each W1 implementation (quiver, the floor, a peer) provides to the bench loop: one run
 * from the raw inputs to all N outputs, its phase timings, and the checksum of what it made.
 */
import type { Checksum } from './checksum';
import type { RawInputs } from './generate';

/** The result of one run; dropping it releases the outputs. */
export interface W1Output {
  /** Wall time of each phase of the run in ms, e.g. `{ build: 3, execute: 120 }`. */
  readonly phases: Record<string, number>;
  /** Extra figures for the report (not timings of this implementation). */
  readonly extra?: Record<string, unknown>;
  /** Checksum of the outputs (not timed). */
  checksum(): Promise<Checksum>;
}

/** One way to compute W1. */
export interface W1Impl {
  readonly name: string;
  /** W1 ops this implementation has no way to express (never faked). Empty: it runs W1 in full. */
  readonly unsupported: readonly string[];
  /** How the implementation was written, for the report. */
  readonly note: string;
  /** Checksum this implementation must match instead of the W1 reference (partial peers). */
  readonly expected?: () => Promise<Checksum>;
  /** Run W1 once from the raw inputs. */
  run(raw: RawInputs): Promise<W1Output>;
}
