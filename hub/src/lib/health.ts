import type { FastifyInstance } from 'fastify';
import { createAdapter } from '@socket.io/postgres-adapter';
import type pg from 'pg';
import { sql } from 'kysely';
import type { StandardsPack } from '@sidecoach/shared';
import type { ClusterNode } from './cluster.js';
import type { HubServer } from './context.js';
import type { Logger } from './log.js';
import type { Db } from '../store/db.js';

/**
 * With several nodes, how often each looks at the database for what a lost adapter message
 * would have told it (inbox numbers, team settings): the longest such a loss delays anything.
 */
export const SHARED_REFRESH_MS = 1_000;
/** How long /healthz waits for the database before calling it down. */
const PING_TIMEOUT_MS = 2_000;
/** Below PostgreSQL's 8,000-byte NOTIFY limit: larger packets go through the attachments table. */
const PAYLOAD_THRESHOLD = 7_000;

export interface AdapterState {
  /** Whether the adapter's LISTEN connection is up (it reconnects by itself). */
  listening(): boolean;
}

/** socket.io's PostgreSQL adapter on the hub's pool: rooms and broadcasts reach every node. */
export function attachAdapter(io: HubServer, pool: pg.Pool, log: Logger): AdapterState {
  // Its attachments table is created by the migrations (0010), under their lock.
  io.adapter(
    createAdapter(pool, {
      payloadThreshold: PAYLOAD_THRESHOLD,
      errorHandler: (err) => log.warn({ err }, 'socket.io adapter: PostgreSQL error'),
    }),
  );
  return {
    // The adapter keeps its LISTEN client on a private field while connected (version 0.5).
    listening: () => {
      const pubsub = (io.of('/').adapter as unknown as { client?: { client?: unknown } }).client;
      return pubsub?.client !== undefined;
    },
  };
}

async function databaseUp(db: Db): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS);
  });
  const ping = sql`select 1`.execute(db).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * GET /healthz for load balancers and monitoring: 200 when this node can serve (its database
 * answers), 503 otherwise; with several nodes, also whether the adapter is listening.
 */
export function registerHealth(
  app: FastifyInstance,
  deps: {
    db: Db;
    adapter: AdapterState | null;
    cluster: ClusterNode;
    pack: () => StandardsPack;
  },
): void {
  app.get('/healthz', async (_request, reply) => {
    const database = await databaseUp(deps.db);
    const adapter = deps.adapter ? (deps.adapter.listening() ? 'listening' : 'reconnecting') : null;
    const pack = deps.pack();
    return reply.code(database ? 200 : 503).send({
      ok: database,
      pack: `${pack.id}@${pack.version}`,
      node: deps.cluster.nodeId,
      database: database ? 'up' : 'down',
      ...(adapter ? { adapter } : {}),
    });
  });
}
