import type { FastifyInstance } from 'fastify';
import type { SurveyConfig } from './config.js';
import type { HubContext } from '../lib/context.js';
import { getCall } from '../lib/call-records.js';
import type { SecretStore } from '../lib/secrets.js';
import { SHARED_REFRESH_MS } from '../lib/health.js';
import { emailChannel } from './channels/email.js';
import { webhookChannel } from './channels/webhook.js';
import { decideJob, type SurveyDeps } from './decide.js';
import { SurveyDispatcher } from './dispatch.js';
import { surveyHandlers } from './handlers.js';
import { SurveyPacks } from './packs.js';
import { registerSurveyRoutes } from './routes.js';
import { undecidedCalls } from './records.js';
import { SurveyTokens } from './tokens.js';

/** Ended calls are decided at start when the hub stopped before deciding them (this far back). */
const SWEEP_HOURS = 72;

/**
 * Post-call surveys: decides every ended call (the hub, never the agent), sends from a durable
 * outbox, serves the customer's survey page and the socket events of agents and coaches.
 */
export async function startSurveys(
  ctx: HubContext,
  app: FastifyInstance,
  options: {
    config: SurveyConfig;
    /** Where secrets not given in the environment are kept (data directory, or database). */
    secretStore: SecretStore;
    /** SIDECOACH_SURVEY_SECRET and SIDECOACH_SURVEY_WEBHOOK_SECRET, when set. */
    secrets: { survey: string | undefined; webhook: string | undefined };
    baseUrl: () => string;
  },
) {
  const { config, secretStore, secrets } = options;
  const { db, bus, inbox, log } = ctx;
  const slog = log.child({ capability: 'surveys' });
  const packs = await SurveyPacks.load(db, config.packFile, slog);
  // Another node's saved version: active here too within a second.
  const stopPackRefresh = ctx.cluster.shared
    ? packs.refreshEvery(SHARED_REFRESH_MS)
    : () => undefined;
  const tokenSecret = await secretStore.get(secrets.survey, {
    envVar: 'SIDECOACH_SURVEY_SECRET',
    file: 'survey-secret',
  });
  const webhookSecret = await secretStore.get(secrets.webhook, {
    envVar: 'SIDECOACH_SURVEY_WEBHOOK_SECRET',
    file: 'survey-webhook-secret',
  });
  const deps: SurveyDeps = {
    db,
    packs,
    config,
    tokens: new SurveyTokens(tokenSecret.secret),
    baseUrl: options.baseUrl,
  };
  const email = emailChannel(config.smtpUrl, config.mailFrom);
  const webhook = webhookChannel(config.webhookUrl, webhookSecret.secret);
  const dispatcher = new SurveyDispatcher(deps, { email, sms: webhook, ivr: webhook }, slog);

  const decide = (call: Parameters<typeof decideJob>[1]) =>
    inbox.submit(decideJob(deps, call)).then(
      (row) => {
        if (row?.state === 'pending') dispatcher.wake();
        slog.debug(
          { callId: call.id, state: row?.state, reason: row?.skip_reason },
          'survey decided',
        );
      },
      (err: unknown) =>
        slog.error({ err, callId: call.id }, 'survey decision failed; decided at next start'),
    );
  bus.on('call:changed', (call, change) => {
    if (change === 'status' && call.endedAt !== null) void decide(call);
  });

  // A crash between a call's end and its decision must not skip its survey.
  const since = new Date(Date.now() - SWEEP_HOURS * 3_600_000).toISOString();
  const undecided = await undecidedCalls(db, since);
  for (const id of undecided) {
    const call = await getCall(db, id);
    if (call) await decide(call);
  }
  if (undecided.length > 0)
    slog.info({ calls: undecided.length }, 'surveys decided for calls ended before the restart');

  registerSurveyRoutes(app, deps, inbox, slog, (agentId) => bus.emit('survey:answered', agentId));
  // Sending starts once the hub listens: a survey's link names the listening address (without
  // --public-url), which is not known before; a send due at start waits those few milliseconds.
  app.addHook('onListen', () => {
    dispatcher.start();
    return Promise.resolve();
  });
  slog.info(
    {
      email: config.smtpUrl ? 'smtp' : 'not configured',
      gateway: config.webhookUrl ?? 'not configured',
      webhookSecretFile: webhookSecret.file ?? 'SIDECOACH_SURVEY_WEBHOOK_SECRET',
      publicUrl: config.publicUrl ?? 'the listen address',
    },
    'surveys ready',
  );
  return {
    handlers: surveyHandlers(ctx, deps),
    stop: async () => {
      stopPackRefresh();
      await dispatcher.stop();
      email.close();
    },
  };
}
