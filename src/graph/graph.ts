/**
 * The checked graph: frozen nodes plus integer edges and one topological order, computed once
 * at build so that planning and execution work on indices, not names.
 */
import { consumerLists, consumersOf, topologicalOrder, type ConsumerLists } from './cycles';
import type { FeatureNode } from './node';

const NO_DISABLED: ReadonlyMap<string, string> = new Map();

export class Graph {
  readonly index: ReadonlyMap<string, number>;
  /** `position[i]`: where node i comes in the topological order. */
  readonly position: Int32Array;
  readonly order: Int32Array;
  /** The consumers as flat lists (`ConsumerLists`): computed with the graph, the views below made from them. */
  readonly consumerLists: ConsumerLists;
  /** The per-node views of `consumers`, made on first use (execution never asks; lineage and messages do). */
  private readonly lazy: { consumers?: readonly Int32Array[] };

  constructor(
    readonly nodes: readonly FeatureNode[],
    /** `deps[i][k]`: the node that provides node i's k-th dependency. */
    readonly deps: readonly Int32Array[],
    index?: ReadonlyMap<string, number>,
    /** Already computed from `deps` (the builder has them from its cycle check). */
    known?: { readonly lists: ConsumerLists; readonly order: Int32Array },
  ) {
    this.index = index ?? new Map(nodes.map((n, i) => [n.name, i]));
    this.consumerLists = known?.lists ?? consumerLists(nodes.length, deps);
    this.lazy = {};
    this.order = known?.order ?? topologicalOrder(nodes.length, deps, this.consumerLists);
    this.position = new Int32Array(nodes.length);
    for (let p = 0; p < this.order.length; p++) this.position[this.order[p]] = p;
    Object.freeze(this);
  }

  /** `consumers[i]`: the nodes that depend on node i (once per dependency edge). */
  get consumers(): readonly Int32Array[] {
    return (this.lazy.consumers ??= Object.freeze(consumersOf(this.nodes.length, this.deps, this.consumerLists)));
  }

  /**
   * Names of nodes that `@config.*` switched off under this config, with why (`Class.x__us is
   * disabled by config key "region": …`); a request for one says so instead of "unknown".
   */
  readonly disabled: ReadonlyMap<string, string> = NO_DISABLED;

  /** The same graph, knowing which names config switched off. */
  withDisabled(disabled: ReadonlyMap<string, string>): Graph {
    const copy = Object.create(Graph.prototype) as { -readonly [K in keyof Graph]: Graph[K] };
    Object.assign(copy, this, { disabled: new Map(disabled) });
    return Object.freeze(copy) as Graph;
  }

  node(name: string): FeatureNode | undefined {
    const i = this.index.get(name);
    return i === undefined ? undefined : this.nodes[i];
  }
}
