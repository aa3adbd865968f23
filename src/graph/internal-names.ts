/**
 * The one naming scheme for nodes quiver makes itself. Internal nodes — hidden from lineage and
 * `listAvailableVariables()` — are named with `:`, which no user node name can contain (names are
 * identifiers joined by `.`): a checked feature `x` computes as `x:raw`, each of its checks runs as
 * `x:check:<label>`. Nodes a user can ask for are named with `.`, like namespaces: the steps of a
 * chain are `x.<step>`, and `@pipeOutput`'s own value is `x.raw` — a public, documented name, so it
 * keeps its `.` although it reads like the internal `x:raw`.
 */

const RAW = ':raw';
const CHECK = ':check:';

/**
 * The internal node that computes a checked feature's own value.
 *
 * @example
 * rawNodeName('spendMean'); // 'spendMean:raw'
 */
export function rawNodeName(feature: string): string {
  return feature + RAW;
}

/**
 * The internal node that runs one check of a feature (`label` is the check's name, `#2` for a second of one name).
 *
 * @example
 * checkNodeName('spendMean', 'range#2'); // 'spendMean:check:range#2'
 */
export function checkNodeName(feature: string, label: string): string {
  return feature + CHECK + label;
}

/**
 * The label of a check node's name: what follows the last `:check:`.
 *
 * @example
 * checkLabelOf('prices.ma3:check:range'); // 'range'
 */
export function checkLabelOf(nodeName: string): string {
  return nodeName.slice(nodeName.lastIndexOf(CHECK) + CHECK.length);
}

/**
 * The public node a chain step makes: `<feature>.<step>`; `pipeStepName(x, 'raw')` is `@pipeOutput`'s own value.
 *
 * @example
 * pipeStepName('spendScore', 'clip'); // 'spendScore.clip'
 */
export function pipeStepName(feature: string, step: string): string {
  return `${feature}.${step}`;
}
