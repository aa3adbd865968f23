/** Resolve stage (`@config.when` / `whenNot` / `whenIn`): does the method exist under this config, and by what name. */
import { configAllows, nodeNameOf, whyDisabled } from '../config-match';
import type { Expansion } from './expansion';

/**
 * False when config switches the method off (recorded in `ctx.disabled` for "disabled by config" messages).
 *
 * @example
 * resolveStage(x); // x.name is 'spend' for a method spend__us under config.when({ region: 'US' })
 */
export function resolveStage(x: Expansion): boolean {
  const conditions = x.of.config ?? [];
  if (!configAllows(conditions, x.ctx.config)) {
    // every variant of the node (x__a, x__b) is named, not only the last one read
    const name = nodeNameOf(x.method.name, true);
    const why = `${x.origin} ${whyDisabled(conditions, x.ctx.config)}`;
    const before = x.ctx.disabled?.get(name);
    x.ctx.disabled?.set(name, before === undefined ? why : `${before}; ${why}`);
    return false;
  }
  x.name = nodeNameOf(x.method.name, conditions.length > 0);
  return true;
}
