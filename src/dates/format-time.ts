/** How messages write a time given as epoch milliseconds. */

/**
 * Epoch ms as text for messages: `2012-01-03` at midnight UTC, the full ISO string otherwise.
 *
 * @example
 * formatTime(1325548800000); // '2012-01-03'
 */
export function formatTime(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  const iso = new Date(ms).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}
