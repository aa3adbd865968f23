/** What a data-quality check says about one node's value. */

export type Importance = 'warn' | 'fail';

/** The outcome of one check on one node, as `run().quality` lists it. */
export interface QualityResult {
  /** The node whose value was checked. */
  readonly node: string;
  /** The check's name, e.g. `range`, `allowNaNs`, or a custom validator's `name`. */
  readonly check: string;
  readonly importance: Importance;
  readonly passes: boolean;
  /** A sentence a person understands, with counts and examples. */
  readonly message: string;
  /** Machine-readable details (counts, first offending rows, observed min/max…). */
  readonly diagnostics: Readonly<Record<string, unknown>>;
}

/** What a validator returns for one value; the executor adds node, check and importance. */
export interface ValidationOutcome {
  readonly passes: boolean;
  readonly message: string;
  readonly diagnostics?: Readonly<Record<string, unknown>>;
}

/**
 * A check ready to run: `@checkOutput` options become several of these, and
 * `@checkOutputCustom` takes them from the user as they are.
 */
export interface Validator {
  readonly name: string;
  readonly description?: string;
  readonly importance?: Importance;
  validate(value: unknown): ValidationOutcome;
}
