/**
 * Every error quiver throws. Each names the node(s) or column(s) at fault and what to do about it.
 * Errors that can find several problems at once (`GraphBuildError`, `InputError`) carry them all in
 * `.issues` and list them all in the message.
 */
import type { QualityResult } from './quality/result';
import type { IssueCode } from './issue-codes';
import type { Remedy } from './execution/remedies';

/** One problem found while building or checking a graph. `code` is stable; `message` is for people. */
export interface Issue {
  readonly code: IssueCode;
  readonly message: string;
  /** The node, input or column names the problem is about. */
  readonly nodes: readonly string[];
  /** The fix, when its wording depends on the caller (code or the command line): see src/execution/remedies.ts. */
  readonly remedy?: Remedy;
}

/** The base class of every error quiver throws on purpose. */
export class QuiverError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

function listIssues(what: string, issues: readonly Issue[]): string {
  if (issues.length === 1) return issues[0].message;
  const lines = issues.map((issue, i) => `  ${i + 1}. ${issue.message.replace(/\n/g, '\n     ')}`);
  return `${issues.length} problems found ${what}:\n${lines.join('\n')}`;
}

/**
 * A package quiver loads only when asked (danfojs-node, typescript) is not installed; `.package`
 * names it and the message says how to install it.
 */
export class MissingDependencyError extends QuiverError {
  readonly package: string;
  constructor(pkg: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.package = pkg;
  }
}

/** A decorator was given arguments it cannot use; thrown when the class is defined. */
export class FeatureDefinitionError extends QuiverError {}

/** The features do not form a valid graph; thrown by `Builder.build()` with every problem found. */
export class GraphBuildError extends QuiverError {
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[]) {
    super(listIssues('while building the graph', issues));
    this.issues = issues;
  }
}

/** What was asked of an execution cannot be done: unknown outputs, missing or mistyped inputs. */
export class InputError extends QuiverError {
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[] | string, nodes: readonly string[] = []) {
    const list = typeof issues === 'string' ? [{ code: 'input', message: issues, nodes }] : issues;
    super(listIssues('in the inputs of this execution', list));
    this.issues = list;
  }
}

/** A `@checkOutput(..., importance: 'fail')` check failed; nothing downstream of `node` ran. */
export class DataValidationError extends QuiverError {
  readonly node: string;
  readonly results: readonly QualityResult[];
  constructor(node: string, results: readonly QualityResult[]) {
    const lines = results.map((r) => `  - ${r.check}: ${r.message}`);
    super(
      `Data quality check${results.length > 1 ? 's' : ''} failed on "${node}" (importance 'fail'):\n` +
        `${lines.join('\n')}\nFix the data or the feature, or lower the check's importance to 'warn'.`,
    );
    this.node = node;
    this.results = results;
  }
}

/** A feature's own code threw; `.node` names it and `.cause` is what it threw. */
export class FeatureExecutionError extends QuiverError {
  readonly node: string;
  override readonly cause: unknown;
  /** `message` replaces the default "Feature … threw …" when quiver itself found the fault (a wrong return type). */
  constructor(node: string, origin: string, cause: unknown, message?: string) {
    const reason = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    super(message ?? `Feature "${node}" (${origin}) threw ${reason}`, { cause });
    this.node = node;
    this.cause = cause;
  }
}

/**
 * A feature wrote into one of its arguments (found by `readOnlyInputs()`): inputs are shared with
 * the caller and every other feature that reads them. `.node` names the feature, `.input` the argument.
 */
export class InputMutationError extends FeatureExecutionError {
  readonly input: string;
  constructor(node: string, origin: string, input: string, message: string) {
    super(node, origin, undefined, message);
    this.input = input;
  }
}

/**
 * A lifecycle hook (`afterRun`) threw. When the run itself failed, that failure stays the error and
 * the hooks' errors are attached to it as `hookErrors`; this class is thrown only when the run
 * succeeded and a hook did not. `.errors` holds every hook's error, `.cause` the first.
 */
export class HookError extends QuiverError {
  readonly errors: readonly unknown[];
  constructor(hook: string, failures: readonly { readonly adapter: string; readonly error: unknown }[]) {
    const lines = failures.map(({ adapter, error }) => `${adapter} threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    super(
      `The ${hook} hook of ${lines.length === 1 ? lines[0] : `${lines.length} adapters failed:\n  - ${lines.join('\n  - ')}`}` +
        `${lines.length === 1 ? '.' : '\n'} The run itself succeeded; fix the adapter or remove it from withAdapters.`,
      { cause: failures[0]?.error },
    );
    this.errors = failures.map((f) => f.error);
  }
}

/** The cache cannot be used as asked: bad `withCache` options, a store directory that cannot be written. */
export class CacheError extends QuiverError {}

/** `registerFormat` or `registerCheck` was called with a bad name or definition, or a taken name without `override`. */
export class RegistrationError extends QuiverError {}
