import Fastify, { type FastifyInstance } from 'fastify';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { EventEmitter } from 'node:events';
import { Server } from 'socket.io';
import type { Logger } from './lib/log.js';
import { MAX_MESSAGE_BYTES } from '@sidecoach/shared';
import { ConfigError, DESKTOP_ORIGIN, type HubConfig } from './config.js';
import { hostAllowList } from './lib/allowed-hosts.js';
import {
  sessionRoom,
  userRoom,
  type HubContext,
  type HubEvents,
  type HubServer,
} from './lib/context.js';
import { Inbox } from './inbox/inbox.js';
import { ClusterNode } from './lib/cluster.js';
import { databaseSecrets, fileSecrets } from './lib/secrets.js';
import { attachAdapter, registerHealth, SHARED_REFRESH_MS } from './lib/health.js';
import { ScoreVisibility } from './lib/scores.js';
import { InboxDelivery } from './inbox/delivery.js';
import { startObservation } from './observation/index.js';
import { startSurveys } from './surveys/index.js';
import { startReflection } from './reflection/index.js';
import { startQa } from './qa/index.js';
import { startKpi } from './kpi/index.js';
import { startRecognition } from './recognition/index.js';
import { startMystery } from './mystery/index.js';
import { registerSurveyExport } from './surveys/export.js';
import { registerQaExports } from './qa/export.js';
import { registerMysteryExport } from './mystery/export.js';
import { startScorecards } from './standards/index.js';
import { startAdmin } from './admin/index.js';
import { registerAuthRoutes } from './auth/routes.js';
import { startAccount } from './account/index.js';
import { CALLBACK_PATH, registerSsoRoutes } from './auth/sso-routes.js';
import { RelyingParty } from './auth/oidc.js';
import { loadGroupMap } from './auth/group-mapping.js';
import { originAllowed, socketAuthentication } from './auth/socket-auth.js';
import { callHandlers } from './calls/handlers.js';
import { ctiSecret, registerCtiRoutes } from './cti/routes.js';
import { installErrorHandlers } from './lib/http-errors.js';
import { installRateLimits, type RateLimits } from './lib/rate-limits.js';
import { PasswordGate, passwordChecks } from './lib/password-gate.js';
import { answerUnknownEvents } from './lib/on-event.js';
import { installCallerGate } from './lib/caller-gate.js';
import { everyEventOnce, registerHandlers } from './lib/handlers.js';
import { Budgets } from './lib/budgets.js';
import { SessionWatch } from './lib/sessions.js';
import { loadStandards } from './standards/packs.js';
import type { OpenedDatabase } from './store/db.js';

/** The hub's own address as other machines reach it (for links when no public URL is set). */
function listenUrl(app: FastifyInstance, host: string, tls: boolean): string {
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const name =
    host === '0.0.0.0' || host === '::' ? hostname() : host.includes(':') ? `[${host}]` : host;
  return `${tls ? 'https' : 'http'}://${name}:${port}`;
}

/** The certificate and key, read at start (and again on SIGHUP, see index.ts). */
export function readTls(tls: { certFile: string; keyFile: string }): { cert: Buffer; key: Buffer } {
  const read = (flag: string, file: string) => {
    try {
      return readFileSync(file);
    } catch (err) {
      throw new ConfigError(`${flag} ${file}: ${(err as Error).message.split('\n')[0]}`);
    }
  };
  return { cert: read('--tls-cert', tls.certFile), key: read('--tls-key', tls.keyFile) };
}

/** HSTS when browsers reach the hub over https (its own TLS, or a TLS proxy's public URL). */
const HSTS_SECONDS = 180 * 24 * 3600;

/** Vite's hashed output (`assets/index-3f9c2a1b.js`): cached for a year, never revalidated. */
const STATIC_ASSET = /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+(\.(br|gz))?$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

export interface Hub {
  app: FastifyInstance;
  io: HubServer;
  close(): Promise<void>;
}

/**
 * Composes the hub: HTTP API, web sidebar, socket.io with authentication, capabilities. The
 * routes' rate limits count in `rateLimits` (lib/rate-limits.ts: shared by the nodes of one
 * PostgreSQL database).
 */
export async function createHub(
  config: HubConfig,
  database: Pick<OpenedDatabase, 'db' | 'pool'>,
  log: Logger,
  rateLimits: RateLimits,
): Promise<Hub> {
  const { db, pool } = database;
  const standards = await loadStandards(db, config.standardsDir, config.packId, log);
  const allowedOrigins = [DESKTOP_ORIGIN, ...config.allowOrigins];

  const tls = config.tls ? readTls(config.tls) : null;
  const servesHttps = tls !== null || config.publicUrl?.startsWith('https://') === true;
  const hosts = hostAllowList({
    configured: config.allowedHosts,
    publicUrl: config.publicUrl,
    listenHost: config.host,
  });
  log.info({ hosts: hosts.describe() }, 'answering to these host names (--allowed-host)');
  const app = Fastify({
    ...(tls ? { https: tls } : {}),
    loggerInstance: log,
    bodyLimit: MAX_MESSAGE_BYTES,
    // Only the configured load balancers' X-Forwarded-For (rate limits key on the address).
    trustProxy: config.trustProxy.length > 0 ? config.trustProxy : false,
  });
  installErrorHandlers(app);
  app.addHook('onRequest', async (request, reply) => {
    if (hosts.allows(request.headers.host)) return;
    request.log.warn(
      { host: request.headers.host },
      'refused: a host name this hub does not answer to',
    );
    return reply.code(421).send({
      error: {
        code: 'forbidden',
        message: `this hub does not answer to the host name "${request.headers.host ?? ''}"; if it is one of its names, start the hub with --allowed-host NAME`,
      },
    });
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Plain http on a LAN gets no HSTS (it would lock browsers out of it); https does.
    strictTransportSecurity: servesHttps
      ? { maxAge: HSTS_SECONDS, includeSubDomains: false }
      : false,
  });
  await app.register(cors, {
    origin: (origin, cb) => cb(null, origin !== undefined && allowedOrigins.includes(origin)),
    // The sidebar (another origin) reads how long a refusal asks it to wait.
    exposedHeaders: ['retry-after'],
  });
  installRateLimits(app, rateLimits);
  // Before every route: a mystery caller's token reaches only the auth routes and the web app.
  installCallerGate(app, db);

  const io: HubServer = new Server(app.server, {
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    // Before Fastify sees the request: the same host names, and no foreign page's origin.
    allowRequest: (req, cb) =>
      cb(null, hosts.allows(req.headers.host) && originAllowed(req, allowedOrigins)),
    cors: { origin: allowedOrigins },
  });
  // Password and one-time-code checks from callers not signed in (lib/password-gate.ts).
  const passwordCheck = passwordChecks(
    rateLimits,
    new PasswordGate(),
    config.signInFailuresPerAddress,
  );
  registerAuthRoutes(app, {
    db,
    passwordCheck,
    sessionHours: config.sessionHours,
    passwords: config.passwords,
    onSignOut: (sessionId) => io.in(sessionRoom(sessionId)).disconnectSockets(true),
  });
  const publicUrl = () => config.publicUrl ?? listenUrl(app, config.host, tls !== null);
  registerSsoRoutes(app, {
    db,
    sessionHours: config.sessionHours,
    passwords: config.passwords,
    // Their sockets reconnect, and the handshake then reads the role and teams anew.
    onAccessChanged: (userId) => io.in(userRoom(userId)).disconnectSockets(true),
    sso: config.sso && {
      config: config.sso,
      rp: new RelyingParty(config.sso, () => `${publicUrl()}${CALLBACK_PATH}`, log),
      // A bad mapping file stops the start with file:line (as a bad pack does).
      groupMap: config.sso.groupMapFile ? await loadGroupMap(config.sso.groupMapFile) : null,
    },
  });
  if (config.sso)
    log.info(
      {
        issuer: config.sso.issuer,
        redirect: `${config.publicUrl ?? 'http://HOST:PORT'}${CALLBACK_PATH}`,
      },
      'single sign-on on',
    );
  if (!config.passwords) log.info('password sign-in off except for break-glass admins');

  if (existsSync(config.rendererDir)) {
    await app.register(fastifyStatic, {
      root: config.rendererDir,
      // The page is its own route below: with `preCompressed`, this version's index lookup
      // answers `/` with 404.
      index: false,
      // The build writes .br and .gz beside each text file: sent as the browser accepts.
      preCompressed: true,
      // Source maps and the build's manifest stay on the server.
      allowedPath: (path) => !path.endsWith('.map') && !path.includes('/.vite/'),
      cacheControl: false,
      setHeaders: (reply, path) => {
        // Hashed file names under assets/ never change; the page itself is checked each load.
        reply.header('cache-control', STATIC_ASSET.test(path) ? IMMUTABLE : 'no-cache');
      },
    });
    app.get('/', (_request, reply) => reply.sendFile('index.html'));
  } else {
    log.warn(
      { rendererDir: config.rendererDir },
      'web sidebar not built (run `npm run build`): only the API is served',
    );
  }

  // Several nodes on one PostgreSQL database: socket.io's adapter relays rooms and broadcasts
  // between them; every record stays in the database (the adapter carries hints).
  const shared = pool !== null;
  const secretStore = shared ? databaseSecrets(db) : fileSecrets(config.dataDir);
  const adapter = pool ? attachAdapter(io, pool, log) : null;
  const cluster = new ClusterNode(db, log, shared);
  await cluster.start();
  const inbox = new Inbox(db, log);
  const scores = new ScoreVisibility(db);
  await scores.reload();
  const stopRefresh = shared ? scores.refreshEvery(SHARED_REFRESH_MS) : () => undefined;
  const ctx: HubContext = {
    cluster,
    db,
    standards,
    io,
    log,
    bus: new EventEmitter<HubEvents>(),
    inbox,
    scores,
  };
  const delivery = new InboxDelivery(inbox, io, log, scores);
  let stopSweep = () => undefined as void;
  if (shared) {
    inbox.onCommitted((messages) => {
      const heads: Record<string, number> = {};
      for (const m of messages) heads[m.recipientId] = Math.max(heads[m.recipientId] ?? 0, m.seq);
      io.serverSideEmit('inbox:committed', heads);
    });
    io.on('inbox:committed', (heads) => delivery.hinted(heads));
    stopSweep = delivery.startSweep(SHARED_REFRESH_MS);
  }
  registerHealth(app, { db, adapter, cluster, pack: () => standards.active });
  const observation = await startObservation(ctx, {
    observerGraceSeconds: config.observerGraceSeconds,
  });
  const surveys = await startSurveys(ctx, app, {
    config: config.surveys,
    secretStore,
    secrets: { survey: config.secrets.survey, webhook: config.secrets.surveyWebhook },
    baseUrl: () => listenUrl(app, config.host, tls !== null),
  });
  const reflection = await startReflection(ctx, app);
  const account = startAccount(ctx, app, {
    sessionHours: config.sessionHours,
    oneTimeCodeHours: config.oneTimeCodeHours,
    baseUrl: () => config.publicUrl ?? listenUrl(app, config.host, tls !== null),
    rateLimits,
    passwordCheck,
  });
  // Per-user budgets of the requests that read many rows, counted with the routes' limits.
  const budgets = new Budgets(rateLimits, log);
  const admin = await startAdmin(ctx, app, { sweepMs: config.teamMoveSweepMs, budgets });
  const qa = startQa(ctx, { sweepMs: config.qaDrawSweepMs });
  const cti = await ctiSecret(secretStore, config.secrets.cti);
  registerCtiRoutes(app, ctx, cti.secret);
  log.info(
    { secretFile: cti.file ?? 'SIDECOACH_CTI_SECRET' },
    'CTI webhook at POST /api/cti/events (calls) and /api/cti/queue-events (queues)',
  );
  const scorecards = startScorecards(ctx, { shared });
  const mystery = startMystery(ctx, { oneTimeCodeHours: config.oneTimeCodeHours });
  // The streamed CSV exports of the tables managers read (each with its listing's policy).
  registerSurveyExport(app, ctx, budgets);
  registerQaExports(app, ctx, budgets);
  registerMysteryExport(app, ctx, budgets);
  const kpi = startKpi(ctx, app, { budgets });
  const recognition = startRecognition(ctx, { sweepMs: config.recognitionSweepMs });
  // One handler per client event, checked at compile time; registered in one loop below.
  const handlers = everyEventOnce(
    callHandlers(ctx),
    observation.handlers,
    surveys.handlers,
    reflection.handlers,
    account.handlers,
    admin.handlers,
    scorecards.handlers,
    qa.handlers,
    qa.calibrationHandlers,
    mystery.handlers,
    kpi.handlers,
    recognition.handlers,
  );
  /** Presence writes under way: a stop waits for them (and the floor updates they start). */
  const presenceWrites = new Set<Promise<void>>();
  // Sockets close when their session expires or is found revoked (lib/sessions.ts).
  const sessionWatch = new SessionWatch(db, log);
  sessionWatch.start();
  io.use(socketAuthentication(db));
  io.on('connection', (socket) => {
    const { user } = socket.data;
    void socket.join([userRoom(user.id), sessionRoom(user.sessionId)]);
    log.debug({ userId: user.id, socketId: socket.id }, 'socket connected');
    answerUnknownEvents(socket);
    registerHandlers({ socket, user, log: log.child({ userId: user.id }) }, handlers, budgets);
    sessionWatch.watch(socket.id, user.sessionId, socket.data.sessionEndsAt, () =>
      socket.disconnect(true),
    );
    delivery.attach(socket, socket.data.lastSeq).catch((err: unknown) => {
      // The database is away: the client reconnects with its last number and loses nothing.
      log.warn({ err, userId: user.id }, 'inbox delivery could not start; disconnecting');
      socket.disconnect(true);
    });
    const presence = (change: Promise<void>) => {
      const recorded = change
        .then(
          () => void ctx.bus.emit('presence:changed', user.id),
          (err: unknown) => log.error({ err, userId: user.id }, 'presence not recorded'),
        )
        .finally(() => presenceWrites.delete(recorded));
      presenceWrites.add(recorded);
      return recorded;
    };
    // The disconnect's delete runs after the connect's insert has finished: run side by side on
    // two pool connections, a quick drop could delete nothing and leave the user online.
    const joined = presence(cluster.connected(socket.id, user.id));
    socket.on('disconnect', () => {
      sessionWatch.unwatch(socket.id);
      void joined.then(() => presence(cluster.disconnected(socket.id)));
    });
  });

  return {
    app,
    io,
    close: async () => {
      await surveys.stop();
      await admin.stop();
      await qa.stop();
      await recognition.stop();
      stopSweep();
      stopRefresh();
      scorecards.stop();
      await sessionWatch.stop();
      await io.close();
      await app.close();
      await Promise.allSettled([...presenceWrites]);
      await observation.settled();
      await cluster.stop().catch((err: unknown) => log.warn({ err }, 'presence not cleared'));
    },
  };
}
