import { Redis } from 'ioredis';
import type { ClusterStateClient } from '../cluster-state.ts';
import { logger } from '../observability/log.ts';

/**
 * Remembers the one-time values (`jti`) of the signed internal identity headers a service accepted, for as
 * long as each header could be accepted at all (until its expiry): a header captured on the network between
 * the gateway and a subgraph is refused the second time, even for the same query and variables.
 *
 * `claim` answers true the first time a nonce is seen and false on every later call before `expiresAt`.
 */
export interface ReplayCache {
  readonly kind: 'memory' | 'redis' | 'cluster';
  claim(nonce: string, expiresAt: number): Promise<boolean>;
  /**
   * Resolves once the cache can answer for every replica (at once for memory; once Redis is connected, or
   * after `timeoutMs`, degraded). A service listens only after this, so its first requests are not judged
   * by one replica's memory merely because the connection was still opening.
   */
  ready(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * One process's memory. Headers have one fixed lifetime, so nonces arrive in (nearly) the order they expire:
 * the map is kept in insertion order and trimmed from its head, O(1) per request. Its size is the request
 * rate times the lifetime (60 s): 60,000 entries at 1,000 subgraph requests/s, a few MB.
 */
export class MemoryReplayCache implements ReplayCache {
  readonly kind = 'memory' as const;
  private readonly seen = new Map<string, number>();

  constructor(private readonly now: () => number = () => Date.now()) {}

  get size() {
    return this.seen.size;
  }

  async ready() {}

  async claim(nonce: string, expiresAt: number): Promise<boolean> {
    const now = this.now();
    for (const [key, until] of this.seen) {
      if (until >= now) break;
      this.seen.delete(key);
    }
    const until = this.seen.get(nonce);
    if (until !== undefined && until >= now) return false;
    this.seen.set(nonce, expiresAt);
    return true;
  }

  async close() {
    this.seen.clear();
  }
}

export const REPLAY_KEY_PREFIX = 'credit-hub:identity-nonce:';

/**
 * Shared by every replica of every subgraph: `SET key 1 NX PX ttl` is atomic, so of two replicas receiving
 * the same header at once exactly one accepts it.
 *
 * If Redis cannot be reached the service keeps answering and falls back to its own memory (a replay to the
 * same replica is still refused; one to another replica is not, until Redis is back) — the same choice the
 * gateway's rate limits make: an outage of the cache must not take every department offline.
 */
export class RedisReplayCache implements ReplayCache {
  readonly kind = 'redis' as const;
  private readonly redis: Redis;
  private readonly fallback = new MemoryReplayCache();
  private degraded = false;

  constructor(
    url: string,
    private readonly log: (line: string) => void = (line) => logger.warn(line),
    private readonly prefix = REPLAY_KEY_PREFIX,
  ) {
    // No offline queue: while disconnected a command fails at once (and the fallback answers) instead of
    // holding the request until Redis returns.
    this.redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 1000 });
    this.redis.on('error', () => undefined);
  }

  async ready(timeoutMs = 5000) {
    if (this.redis.status === 'ready') return;
    let timer: NodeJS.Timeout | undefined;
    const connected = await Promise.race([
      new Promise<boolean>((resolve) => this.redis.once('ready', () => resolve(true))),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    if (!connected && !this.degraded) {
      this.degraded = true;
      this.log(
        `identity replay cache: Redis not connected after ${timeoutMs} ms; ` +
          'refusing replays to this replica only until it is back',
      );
    }
  }

  async claim(nonce: string, expiresAt: number): Promise<boolean> {
    const ttl = Math.max(1, Math.ceil(expiresAt - Date.now()));
    try {
      const answer = await this.redis.set(`${this.prefix}${nonce}`, '1', 'PX', ttl, 'NX');
      if (this.degraded) {
        this.degraded = false;
        this.log('identity replay cache: Redis reachable again');
      }
      // A nonce the fallback took during an outage is still refused by this replica.
      return answer === 'OK' && (await this.fallback.claim(nonce, expiresAt));
    } catch (error) {
      if (!this.degraded) {
        this.degraded = true;
        this.log(
          `identity replay cache: Redis unavailable (${(error as Error).message}); ` +
            'refusing replays to this replica only until it is back',
        );
      }
      return this.fallback.claim(nonce, expiresAt);
    }
  }

  async close() {
    await this.redis.quit().catch(() => this.redis.disconnect());
    await this.fallback.close();
  }
}

/**
 * Shared by the workers of the all-in-one hub through their primary process (ADR 0127, cluster-state.ts): the primary
 * answers one claim at a time, so of two workers receiving the same header exactly one accepts it. Unlike Redis there
 * is no fallback: the primary is this hub's own process, and when it cannot answer (gone, or late) the claim rejects
 * with SHARED_STATE_UNAVAILABLE — the header is refused, never accepted unchecked, and the caller may retry.
 */
export class ClusterReplayCache implements ReplayCache {
  readonly kind = 'cluster' as const;

  constructor(
    private readonly client: ClusterStateClient,
    private readonly now: () => number = () => Date.now(),
  ) {}

  async ready() {}

  claim(nonce: string, expiresAt: number): Promise<boolean> {
    return this.client.claim(`nonce:${nonce}`, Math.max(1, Math.ceil(expiresAt - this.now())));
  }

  async close() {}
}

/** Redis when a URL is configured (every replica shares it), this process's memory otherwise. */
export function createReplayCache(options: { redisUrl?: string | undefined; log?: (line: string) => void }) {
  return options.redisUrl ? new RedisReplayCache(options.redisUrl, options.log) : new MemoryReplayCache();
}
