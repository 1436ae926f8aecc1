import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  FirstPasswordRequestSchema,
  OneTimeCredentialSchema,
  type OneTimeCheckResponse,
  type OneTimeCredential,
  type SignInResponse,
} from '@sidecoach/shared';
import { sendError } from '../lib/http-errors.js';
import { hashPassword } from '../lib/passwords.js';
import { checkPassword, explainProblems } from '../lib/password-policy.js';
import { createSession, revokeUserSessions } from '../lib/sessions.js';
import { recordAudit } from '../lib/audit.js';
import { loadProfile } from '../lib/people.js';
import type { Db } from '../store/db.js';
import { endCode, lockLiveCode, setPasswordHash } from './records.js';
import { oneTimeKey, redeemable } from './one-time.js';
import { ONE_TIME_RATE } from './policy.js';
import type { PasswordCheck } from '../lib/password-gate.js';

export interface AccountRouteOptions {
  db: Db;
  sessionHours: number;
  /** Closes the sockets of sessions that were revoked (on every hub node). */
  disconnect: (sessionIds: string[]) => void;
  /** Code checks through the hub's password gate and the per-address failure limit. */
  passwordCheck: PasswordCheck;
}

const rateLimit = {
  ...ONE_TIME_RATE,
  hook: 'preHandler' as const,
  key: (req: FastifyRequest) => oneTimeKey(req.ip, req.body),
};

const WRONG = 'wrong username or code, or the code has expired or was used';

/**
 * Before a session exists: a first sign-in with a one-time code (or a reset link) checks the
 * code, then sets the password the user chose. No session is issued until the password is set.
 */
export function registerAccountRoutes(app: FastifyInstance, options: AccountRouteOptions) {
  const { db } = options;
  const check = (request: FastifyRequest, reply: FastifyReply, credential: OneTimeCredential) =>
    options.passwordCheck(
      request,
      reply,
      () => redeemable(db, credential, request.ip),
      (live) => !live,
    );

  app.post('/api/auth/one-time', { config: { rateLimit } }, async (request, reply) => {
    const parsed = OneTimeCredentialSchema.safeParse(request.body);
    if (!parsed.success) return sendError(reply, 'bad_request', z.prettifyError(parsed.error));
    const live = await check(request, reply, parsed.data);
    if (!live) return sendError(reply, 'unauthorized', WRONG);
    const body: OneTimeCheckResponse = {
      username: live.user.username,
      displayName: live.user.displayName,
      expiresAt: live.expiresAt,
    };
    return reply.send(body);
  });

  app.post('/api/auth/first-password', { config: { rateLimit } }, async (request, reply) => {
    const parsed = FirstPasswordRequestSchema.safeParse(request.body);
    if (!parsed.success) return sendError(reply, 'bad_request', z.prettifyError(parsed.error));
    const { password, device, ...credential } = parsed.data;
    const live = await check(request, reply, credential);
    if (!live) return sendError(reply, 'unauthorized', WRONG);
    // A refused password leaves the code as it was: the user tries another.
    const problems = checkPassword(password, live.user);
    if (problems.length > 0)
      return sendError(reply, 'bad_request', explainProblems(problems), problems);
    const hash = await hashPassword(password);
    const outcome = await db.transaction().execute(async (trx) => {
      if (!(await lockLiveCode(trx, live.id))) return null; // used meanwhile (another tab)
      await setPasswordHash(trx, live.user.id, hash);
      await endCode(trx, live.id);
      const revoked = await revokeUserSessions(trx, live.user.id);
      const session = await createSession(trx, live.user.id, options.sessionHours, {
        device,
        userAgent: request.headers['user-agent'],
        ip: request.ip,
      });
      await recordAudit(trx, {
        actorId: live.user.id,
        action: 'password.set-with-code',
        targetType: 'user',
        targetId: live.user.id,
        after: { signedOutSessions: revoked.length, via: 'token' in credential ? 'link' : 'code' },
        ip: request.ip,
      });
      return { session, revoked };
    });
    if (!outcome) return sendError(reply, 'unauthorized', WRONG);
    options.disconnect(outcome.revoked);
    const profile = await loadProfile(db, live.user.id);
    if (!profile) return sendError(reply, 'unauthorized', WRONG);
    request.log.info({ userId: live.user.id }, 'password set with a one-time code');
    const body: SignInResponse = {
      token: outcome.session.token,
      expiresAt: outcome.session.expiresAt,
      user: profile,
    };
    return reply.send(body);
  });
}
