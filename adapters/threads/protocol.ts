/**
 * The messages between the main thread and a worker thread of `threads()`.
 */
import type { SentThrown } from './errors-across';
import type { SentRecipe } from './recipe';

export type ToWorker =
  | { readonly type: 'graph'; readonly id: number; readonly recipe: SentRecipe }
  | { readonly type: 'forget'; readonly id: number }
  | {
      readonly type: 'task';
      readonly task: number;
      readonly graph: number;
      readonly node: number;
      readonly args: unknown[];
    };

export type FromWorker =
  | { readonly type: 'result'; readonly task: number; readonly value: unknown }
  /** The value cannot cross threads (a table, a record): the main thread computes the node itself. */
  | { readonly type: 'local'; readonly task: number }
  /** `graphFailed`: the worker could not build the graph (the error says why). */
  | { readonly type: 'error'; readonly task: number; readonly error: SentThrown; readonly graphFailed?: boolean };
