/** Why a distributed run (BullMQ on Redis) could not start or did not finish. */
import { QuiverError } from '../errors';

/**
 * Redis could not be reached, or was lost mid-run: `.url` names it (without its password).
 *
 * @example
 * try { await runCli(['worker', '--redis', 'redis://queue:6379']); }
 * catch (e) { if (e instanceof QueueUnavailableError) console.log(e.url); }
 */
export class QueueUnavailableError extends QuiverError {
  readonly url: string;
  /** `fix`: what to do, when the cause tells more than "check the server and the URL". */
  constructor(url: string, what: string, options?: { cause?: unknown; fix?: string }) {
    super(
      `Redis at ${url} ${what}. ${options?.fix ?? 'Check that redis-server runs there and the URL ' +
        '(--queue / --redis, distributed.redis) is right.'}`,
      options?.cause === undefined ? undefined : { cause: options.cause },
    );
    this.url = url;
  }
}

/**
 * A distributed run that cannot be made as asked (a global feature whose value cannot travel to
 * the workers, a store the workers cannot use…): the message names the node or path and the fix.
 *
 * @example
 * throw new DistributedError('Global feature "total" returned a Map; send a column or a number.');
 */
export class DistributedError extends QuiverError {}
