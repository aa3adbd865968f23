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
    x.ctx.disabled?.set(nodeNameOf(x.method.name, true), `${x.origin} ${whyDisabled(conditions, x.ctx.config)}`);
    return false;
  }
  x.name = nodeNameOf(x.method.name, conditions.length > 0);
  return true;
}
