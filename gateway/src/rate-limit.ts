import { ErrorCode, sendGraphQLError, type ClusterStateClient, type Identity } from '@credit-hub/kit';
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, type ClientRateLimitInfo, type Options, type Store } from 'express-rate-limit';
import { Redis } from 'ioredis';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import { sendBusyPage, wantsPage } from './busy.ts';

export interface RateLimitConfig {
  windowSeconds: number;
  anonymousPerWindow: number;
  authenticatedPerWindow: number;
  /** Shared counters across gateway replicas; in-process memory when absent. */
  redisUrl?: string | undefined;
  /** Key prefix in Redis (separate hubs sharing one Redis use different prefixes). */
  redisPrefix?: string;
}

/**
 * The counters in the primary of the all-in-one hub (ADR 0127), for its workers: one fixed window per client, as
 * express-rate-limit's own memory store counts, but one for every worker. A count that gets no answer is a store error,
 * which the limiter lets through (passOnStoreError, as for Redis): limits protect the hub, they are not a security
 * boundary worth refusing everyone for.
 */
export class ClusterRateStore implements Store {
  private windowMs = 60_000;
  readonly prefix = 'rate:';
  readonly localKeys = false;

  constructor(private readonly client: ClusterStateClient) {}

  init(options: Options) {
    this.windowMs = options.windowMs;
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const { count, resetAt } = await this.client.increment(this.prefix + key, this.windowMs);
    return { totalHits: count, resetTime: new Date(resetAt) };
  }

  decrement(key: string): Promise<void> {
    return this.client.decrement(this.prefix + key);
  }

  resetKey(key: string): Promise<void> {
    return this.client.delete(this.prefix + key);
  }
}

/**
 * Per-client rate limits: anonymous callers by address, people by token subject, systems by API key.
 * With Redis, every gateway replica counts against the same limit; without it, the workers of the all-in-one hub
 * count in their primary (`cluster`).
 */
export function createRateLimiter(
  config: RateLimitConfig,
  identityOf: (req: Request) => Identity,
  cluster?: ClusterStateClient,
): { middleware: RequestHandler; close(): Promise<void> } {
  let redis: Redis | null = null;
  let store: Store | undefined;
  if (config.redisUrl) {
    redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 2, enableOfflineQueue: true });
    const client = redis;
    store = new RedisStore({
      prefix: config.redisPrefix ?? 'credit-hub:rate:',
      sendCommand: (command: string, ...args: string[]) => client.call(command, ...args) as Promise<RedisReply>,
    });
  } else if (cluster) store = new ClusterRateStore(cluster);
  const middleware = rateLimit({
    windowMs: config.windowSeconds * 1000,
    limit: (req) => (identityOf(req).role === 'PUBLIC' ? config.anonymousPerWindow : config.authenticatedPerWindow),
    keyGenerator: (req) => {
      const who = identityOf(req);
      return who.role === 'PUBLIC' ? `ip:${ipKeyGenerator(req.ip ?? 'unknown')}` : `actor:${who.actor}`;
    },
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    store,
    // If Redis is down the gateway keeps serving rather than refusing everyone.
    passOnStoreError: true,
    handler: (req, res) => {
      const who = identityOf(req);
      const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const retryAfter = reset ? Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000)) : config.windowSeconds;
      res.set('Retry-After', String(retryAfter));
      if (wantsPage(req)) return sendBusyPage(res, retryAfter);
      sendGraphQLError(
        res,
        429,
        ErrorCode.RATE_LIMITED,
        `Too many requests: at most ${who.role === 'PUBLIC' ? config.anonymousPerWindow : config.authenticatedPerWindow} per ${config.windowSeconds} s for this client`,
        {
          retryAfterSeconds: retryAfter,
        },
      );
    },
  });
  return { middleware, close: async () => void (await redis?.quit().catch(() => undefined)) };
}
