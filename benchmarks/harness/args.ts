/** Flag parsing for scenarios: `--features 1000 --rows 100000 --impl quiver,floor`. */

/**
 * The value after `--flag`, or `fallback` when absent.
 *
 * @example
 * stringFlag(['--impl', 'floor'], '--impl', 'all')  // 'floor'
 */
export function stringFlag(args: readonly string[], flag: string, fallback: string): string {
  const i = args.indexOf(flag);
  if (i < 0) return fallback;
  const v = args[i + 1];
  if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value.`);
  return v;
}

/**
 * The number after `--flag` (underscores and `1e6` allowed), or `fallback`.
 *
 * @example
 * numberFlag(['--rows', '1_000_000'], '--rows', 1000)  // 1000000
 */
export function numberFlag(args: readonly string[], flag: string, fallback: number): number {
  const raw = stringFlag(args, flag, String(fallback)).replace(/_/g, '');
  const v = Number(raw);
  if (!Number.isFinite(v) || v < 0) throw new Error(`${flag} must be a non-negative number, got "${raw}".`);
  return v;
}

/**
 * Whether `--flag` is present.
 *
 * @example
 * hasFlag(['--quick'], '--quick')  // true
 */
export function hasFlag(args: readonly string[], flag: string): boolean {
  return args.includes(flag);
}
