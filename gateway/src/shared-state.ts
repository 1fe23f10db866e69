import type { ClusterStateClient } from '@credit-hub/kit';
import { Redis } from 'ioredis';

/**
 * The little state the gateway keeps between requests outside the database: the anonymous search budgets, the
 * ALTCHA solutions already used and the console sessions ended by logout. In one process memory is enough (the
 * default); behind a load balancer every replica must see the same state, or a client gets a fresh search budget,
 * replays a solution or reuses a logged-out cookie simply by reaching another replica. With REDIS_URL the state
 * lives in Redis, beside the rate-limit counters (rate-limit.ts); the workers of the all-in-one hub without Redis keep
 * it in their primary process (ClusterState, ADR 0127).
 *
 * Times here are real elapsed time (windows and expiries in seconds), not the hub's legal clock.
 */
export interface SharedState {
  /** Adds one to `key`'s counter and returns the new count; a new counter ends `seconds` after its first add. */
  increment(key: string, seconds: number): Promise<number>;
  /** Forgets `key` (a counter starts again from zero). */
  reset(key: string): Promise<void>;
  /** Marks `key` for `seconds`: true when it was not marked yet (atomically, so two racing claims cannot both win). */
  claim(key: string, seconds: number): Promise<boolean>;
  /** Whether `key` is marked (and not expired). */
  has(key: string): Promise<boolean>;
  close(): Promise<void>;
}

const nowMs = () => Date.now();

/** One process's state. Expired entries are swept when the map grows, so memory stays bounded by live entries. */
export class MemoryState implements SharedState {
  private readonly entries = new Map<string, { value: number; until: number }>();

  constructor(private readonly sweepAbove = 100_000) {}

  private live(key: string) {
    const entry = this.entries.get(key);
    if (entry && entry.until <= nowMs()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private put(key: string, value: number, seconds: number) {
    if (this.entries.size >= this.sweepAbove) {
      const now = nowMs();
      for (const [k, e] of this.entries) if (e.until <= now) this.entries.delete(k);
    }
    this.entries.set(key, { value, until: nowMs() + seconds * 1000 });
  }

  async increment(key: string, seconds: number): Promise<number> {
    const entry = this.live(key);
    if (entry) return ++entry.value;
    this.put(key, 1, seconds);
    return 1;
  }

  async reset(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async claim(key: string, seconds: number): Promise<boolean> {
    if (this.live(key)) return false;
    this.put(key, 1, seconds);
    return true;
  }

  async has(key: string): Promise<boolean> {
    return this.live(key) !== undefined;
  }

  async close(): Promise<void> {}
}

// INCR, and a window for a counter that has none yet: one round trip, atomic (a crash between INCR and EXPIRE
// would otherwise leave a counter that never ends).
const INCREMENT = `local n = redis.call('INCR', KEYS[1])
if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n`;

/** The state in Redis, under `prefix` (hubs sharing one Redis use different prefixes). */
export class RedisState implements SharedState {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly prefix = 'credit-hub:gateway:',
  ) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true });
  }

  async increment(key: string, seconds: number): Promise<number> {
    const n = await this.redis.eval(INCREMENT, 1, this.prefix + key, String(Math.ceil(seconds * 1000)));
    return Number(n);
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }

  async claim(key: string, seconds: number): Promise<boolean> {
    const set = await this.redis.set(this.prefix + key, '1', 'PX', Math.max(1, Math.ceil(seconds * 1000)), 'NX');
    return set === 'OK';
  }

  async has(key: string): Promise<boolean> {
    return (await this.redis.exists(this.prefix + key)) === 1;
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}

/**
 * The state held by the primary of the all-in-one hub, for its workers (ADR 0127; kit cluster-state.ts). When the
 * primary cannot answer, every method rejects with SHARED_STATE_UNAVAILABLE: a used challenge solution or an ended
 * session is then refused, not taken for new.
 */
export class ClusterState implements SharedState {
  constructor(
    private readonly client: ClusterStateClient,
    private readonly prefix = 'state:',
  ) {}

  async increment(key: string, seconds: number): Promise<number> {
    return (await this.client.increment(this.prefix + key, Math.ceil(seconds * 1000))).count;
  }

  reset(key: string): Promise<void> {
    return this.client.delete(this.prefix + key);
  }

  claim(key: string, seconds: number): Promise<boolean> {
    return this.client.claim(this.prefix + key, Math.max(1, Math.ceil(seconds * 1000)));
  }

  has(key: string): Promise<boolean> {
    return this.client.has(this.prefix + key);
  }

  async close(): Promise<void> {}
}

/** Redis when a URL is configured, else the hub's primary when this is one of its workers, else this process's memory. */
export const sharedState = (
  redisUrl: string | undefined,
  prefix?: string,
  cluster?: ClusterStateClient | undefined,
): SharedState =>
  redisUrl ? new RedisState(redisUrl, prefix) : cluster ? new ClusterState(cluster) : new MemoryState();
