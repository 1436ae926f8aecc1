import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomNonce, randomPKCECodeVerifier, randomState } from 'openid-client';
import { z } from 'zod';
import {
  ClientStateSchema,
  CodeChallengeSchema,
  isLoopbackRedirect,
  SsoExchangeRequestSchema,
  type AuthMethods,
  type SignInResponse,
  type SsoError,
} from '@sidecoach/shared';
import { sendError } from '../lib/http-errors.js';
import { loadProfile } from '../lib/people.js';
import type { Db } from '../store/db.js';
import { groupsOf, mapGroups, type GroupMap } from './group-mapping.js';
import { ProviderFailure, type RelyingParty } from './oidc.js';
import type { SsoConfig } from './sso-config.js';
import {
  issueCode,
  linkPerson,
  redeemCode,
  savePendingLogin,
  takePendingLogin,
} from './sso-records.js';
import { createSession } from './sessions.js';
import { staffPageLanguage, staffT } from './texts.js';

/** The hub's callback, as registered at the provider under the hub's public URL. */
export const CALLBACK_PATH = '/api/auth/oidc/callback';

export interface SsoRouteOptions {
  db: Db;
  sessionHours: number;
  passwords: boolean;
  /** The group mapping changed a user's role or teams: their open connections must re-check. */
  onAccessChanged: (userId: string) => void;
  /** Null: single sign-on is off (only the methods route is registered). */
  sso: { config: SsoConfig; rp: RelyingParty; groupMap: GroupMap | null } | null;
}

const StartQuerySchema = z.object({
  code_challenge: CodeChallengeSchema,
  code_challenge_method: z.literal('S256').default('S256'),
  state: ClientStateSchema,
  /** The desktop app's loopback listener; absent: back to the web sidebar on this hub. */
  redirect_uri: z.string().max(100).optional(),
});

/**
 * Generous per-address limits: a whole floor behind one NAT address signs in at the start of a
 * shift; the codes and states are 256-bit random, so the limits guard the database, not guesses.
 */
const perAddress = (max: number) => ({
  rateLimit: { max, windowSeconds: 60, key: (req: { ip: string }) => req.ip },
});

/**
 * A page of the hub's own, for what cannot go back to the sidebar (no sign-in to return to), in
 * the browser's language. Its texts are the hub's constants, with nothing of the request's.
 */
function page(request: FastifyRequest, reply: FastifyReply, status: number, key: 'sso.expired') {
  const lang = staffPageLanguage(request.headers['accept-language']);
  const t = staffT(lang);
  const title = t(`${key}Title`);
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('content-language', lang)
    .send(
      `<!doctype html><html lang="${lang}"><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
        `<title>${title}</title><h1>${title}</h1><p>${t(key)}</p></html>`,
    );
}

/**
 * Single sign-on: `/api/auth/methods` (always), and with a provider configured the start, the
 * provider's callback and the one-time code's exchange for a session.
 */
export function registerSsoRoutes(app: FastifyInstance, options: SsoRouteOptions) {
  const { db, sso } = options;
  app.get('/api/auth/methods', (_request, reply) => {
    const body: AuthMethods = {
      passwords: options.passwords,
      sso: sso ? { label: sso.config.label } : null,
    };
    return reply.send(body);
  });
  if (!sso) return;
  const { config, rp, groupMap } = sso;

  /** Back to the sidebar that started: its loopback listener, or the web sidebar here. */
  const backToClient = (
    reply: FastifyReply,
    login: { client_redirect: string | null; client_state: string },
    result: { code: string } | { error: SsoError },
  ) => {
    const loopback = login.client_redirect;
    const params = new URLSearchParams(
      'code' in result
        ? { [loopback ? 'code' : 'sso_code']: result.code }
        : { [loopback ? 'error' : 'sso_error']: result.error },
    );
    params.set(loopback ? 'state' : 'sso_state', login.client_state);
    return reply.redirect(`${loopback ?? '/'}?${params.toString()}`, 302);
  };

  app.get('/api/auth/oidc/start', { config: perAddress(600) }, async (request, reply) => {
    const parsed = StartQuerySchema.safeParse(request.query);
    if (!parsed.success) return sendError(reply, 'bad_request', z.prettifyError(parsed.error));
    const { code_challenge, state, redirect_uri } = parsed.data;
    // Besides this hub, a code goes only to the desktop app's loopback listener on the same
    // machine as the browser (RFC 8252): never to any other address (an open redirect).
    if (redirect_uri !== undefined && !isLoopbackRedirect(redirect_uri))
      return sendError(
        reply,
        'bad_request',
        'redirect_uri must be http://127.0.0.1:PORT/callback or http://[::1]:PORT/callback',
      );
    const login = {
      state: randomState(),
      nonce: randomNonce(),
      verifier: randomPKCECodeVerifier(),
      client_redirect: redirect_uri ?? null,
      client_state: state,
      client_challenge: code_challenge,
    };
    let target: URL;
    try {
      target = await rp.authorizationUrl(login);
    } catch (err) {
      request.log.warn({ err }, 'single sign-on: the identity provider could not be reached');
      return backToClient(reply, login, { error: 'unavailable' });
    }
    await savePendingLogin(db, login);
    return reply.redirect(target.href, 302);
  });

  app.get(CALLBACK_PATH, { config: perAddress(600) }, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const state = typeof query.state === 'string' ? query.state : '';
    const login = state ? await takePendingLogin(db, state) : undefined;
    if (!login) {
      request.log.info('single sign-on: callback for an unknown or used sign-in');
      return page(request, reply, 400, 'sso.expired');
    }
    if (login.expired) return backToClient(reply, login, { error: 'expired' });
    let claims: Record<string, unknown> & { iss: string; sub: string };
    try {
      claims = await rp.finish(rp.callbackUrl(request.url), login);
    } catch (err) {
      const reason = err instanceof ProviderFailure ? err.reason : 'refused';
      return backToClient(reply, login, { error: reason });
    }
    // An email the provider says it has not verified matches and creates nobody.
    const unverified = config.matchClaim === 'email' && claims.email_verified === false;
    const matchValue = unverified ? undefined : claims[config.matchClaim];
    let access = null;
    if (groupMap && config.groupsClaim) {
      const mapped = mapGroups(groupMap, groupsOf(claims[config.groupsClaim]));
      if (mapped.unknown.length > 0)
        request.log.info(
          { sub: claims.sub, groups: mapped.unknown },
          'single sign-on: groups not in the group map ignored',
        );
      access = mapped.access;
    }
    const result = await linkPerson(
      db,
      {
        issuer: claims.iss,
        subject: claims.sub,
        username: typeof matchValue === 'string' && matchValue ? matchValue : undefined,
        displayName: typeof claims.name === 'string' && claims.name ? claims.name : undefined,
        access,
      },
      { createUsers: config.createUsers, defaultRole: config.defaultRole, ip: request.ip },
    );
    if (!result.ok) {
      request.log.info(
        { sub: claims.sub, userId: result.userId, reason: result.reason },
        'single sign-on refused',
      );
      return backToClient(reply, login, { error: result.reason });
    }
    if (result.missingTeams.length > 0)
      request.log.warn(
        { userId: result.userId, teams: result.missingTeams },
        'single sign-on: the group map names teams that do not exist; skipped',
      );
    if (result.accessChanged) options.onAccessChanged(result.userId);
    const code = await issueCode(db, result.userId, login.client_challenge);
    request.log.info(
      { userId: result.userId, created: result.created, linked: result.linked },
      'single sign-on at the provider',
    );
    return backToClient(reply, login, { code });
  });

  app.post('/api/auth/oidc/exchange', { config: perAddress(600) }, async (request, reply) => {
    const parsed = SsoExchangeRequestSchema.safeParse(request.body);
    if (!parsed.success) return sendError(reply, 'bad_request', z.prettifyError(parsed.error));
    const userId = await redeemCode(db, parsed.data.code, parsed.data.codeVerifier);
    const profile = userId && (await loadProfile(db, userId));
    if (!profile)
      return sendError(reply, 'unauthorized', 'the sign-in code has expired or was used already');
    const session = await createSession(db, profile.id, options.sessionHours, {
      device: parsed.data.device,
      userAgent: request.headers['user-agent'],
      ip: request.ip,
    });
    request.log.info({ userId: profile.id, sessionId: session.id }, 'signed in (single sign-on)');
    const body: SignInResponse = {
      token: session.token,
      expiresAt: session.expiresAt,
      user: profile,
    };
    return reply.send(body);
  });
}
