import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type pg from 'pg';
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

/**
 * A route's limit, set in its `config.rateLimit`: at most `max` requests per key in a window of
 * `windowSeconds` that starts with the key's first request. Every request counts, refused or not.
 */
export interface RouteRateLimit {
  max: number;
  windowSeconds: number;
  key: (request: FastifyRequest) => string;
  /** When to count: `onRequest` (default) before the body is read, `preHandler` after it. */
  hook?: 'onRequest' | 'preHandler';
}

declare module 'fastify' {
  interface FastifyContextConfig {
    rateLimit?: RouteRateLimit;
  }
}

/** Where the counters live: one per route, so two routes' keys never meet. */
export interface RateLimits {
  store: 'memory' | 'postgres';
  counter(route: string, points: number, windowSeconds: number): RateLimiterAbstract;
}

/** The PostgreSQL table the counters of every hub node share (created by the library). */
export const RATE_LIMIT_TABLE = 'rate_limits';

/**
 * Counters in the database on PostgreSQL, so that every hub node on it counts toward one limit;
 * in process memory on SQLite, where one process is the whole hub.
 */
export async function openRateLimits(pool: pg.Pool | null): Promise<RateLimits> {
  if (!pool) {
    return {
      store: 'memory',
      counter: (keyPrefix, points, duration) =>
        new RateLimiterMemory({ keyPrefix, points, duration }),
    };
  }
  const shared = { storeClient: pool, storeType: 'pool', tableName: RATE_LIMIT_TABLE };
  // This one creates the table if it is missing (nodes starting together are fine) and deletes
  // rows expired for an hour every five minutes; the routes' counters then only count.
  await new Promise<void>((resolve, reject) => {
    new RateLimiterPostgres({ ...shared, keyPrefix: 'sweeper', points: 1, duration: 1 }, (err) =>
      err ? reject(err) : resolve(),
    );
  });
  return {
    store: 'postgres',
    counter: (keyPrefix, points, duration) =>
      new RateLimiterPostgres({
        ...shared,
        keyPrefix,
        points,
        duration,
        tableCreated: true,
        clearExpiredByTimeout: false,
      }),
  };
}

/** Refused: the app's and the survey page's error handlers turn it into their 429 answers. */
export class RateLimited extends Error {
  readonly statusCode = 429;
}

/**
 * Keys carry what clients send (usernames, link tokens); the table's key is a varchar(255) and
 * PostgreSQL text takes no NUL, so long or odd keys are counted under their hash.
 */
function storedKey(key: string): string {
  return key.length <= 200 && !/\p{Cc}/u.test(key)
    ? key
    : `sha256:${createHash('sha256').update(key).digest('hex')}`;
}

/**
 * Counts every request to a route with `config.rateLimit` and refuses those over the limit with
 * 429 and `Retry-After`; every counted answer carries the `x-ratelimit-*` headers. Install before
 * the routes are added.
 */
export function installRateLimits(app: FastifyInstance, limits: RateLimits): void {
  app.addHook('onRoute', (route) => {
    const limit = route.config?.rateLimit;
    if (!limit) return;
    const methods = Array.isArray(route.method) ? route.method.join(',') : route.method;
    const counter = limits.counter(`${methods} ${route.url}`, limit.max, limit.windowSeconds);
    const count = async (request: FastifyRequest, reply: FastifyReply) => {
      let result: RateLimiterRes;
      let refused = false;
      try {
        result = await counter.consume(storedKey(limit.key(request)));
      } catch (err) {
        if (!(err instanceof RateLimiterRes)) throw err; // the store failed: a 500, not a pass
        result = err;
        refused = true;
      }
      const seconds = Math.ceil(result.msBeforeNext / 1000);
      void reply
        .header('x-ratelimit-limit', limit.max)
        .header('x-ratelimit-remaining', result.remainingPoints)
        .header('x-ratelimit-reset', seconds);
      if (!refused) return;
      void reply.header('retry-after', seconds);
      throw new RateLimited(`Rate limit exceeded, retry in ${seconds} seconds`);
    };
    // A new array: Fastify copies the options of a GET for its HEAD route, which is counted apart.
    const hook = limit.hook ?? 'onRequest';
    const before = route[hook] ?? [];
    Object.assign(route, { [hook]: [...(Array.isArray(before) ? before : [before]), count] });
  });
}
