import type { FastifyInstance } from 'fastify';
import { SignInRequestSchema, usernameKey, type SignInResponse } from '@sidecoach/shared';
import { z } from 'zod';
import { sendError } from '../lib/http-errors.js';
import type { Db } from '../store/db.js';
import { DUMMY_HASH, hashPassword, needsRehash, verifyPassword } from '../lib/passwords.js';
import type { PasswordCheck } from '../lib/password-gate.js';
import { bearerUser } from '../lib/tokens.js';
import { loadProfile } from '../lib/people.js';
import { recordAudit } from '../lib/audit.js';
import { createSession, credentialsOf, revokeSession } from './sessions.js';

export interface AuthRouteOptions {
  db: Db;
  sessionHours: number;
  /** false: passwords are off for everyone but break-glass admins (--disable-passwords). */
  passwords: boolean;
  /** Called after sign-out so live sockets of that session are closed. */
  onSignOut: (sessionId: string) => void;
  /** Password checks through the hub's gate and the per-address failure limit. */
  passwordCheck: PasswordCheck;
}

export function registerAuthRoutes(app: FastifyInstance, options: AuthRouteOptions) {
  const { db } = options;
  app.post(
    '/api/auth/sign-in',
    {
      config: {
        rateLimit: {
          max: 10,
          windowSeconds: 60,
          // After body parsing, so the key is address + username: one guesser does not lock
          // out a whole floor behind one NAT address. The username as the lookup compares it,
          // so no spelling of one account gets a bucket of its own.
          hook: 'preHandler',
          key: (req) => {
            const body = req.body as { username?: unknown } | undefined;
            return `${req.ip}|${typeof body?.username === 'string' ? usernameKey(body.username) : ''}`;
          },
        },
      },
    },
    async (request, reply) => {
      const parsed = SignInRequestSchema.safeParse(request.body);
      if (!parsed.success) return sendError(reply, 'bad_request', z.prettifyError(parsed.error));
      const { username, password, device } = parsed.data;
      const user = await credentialsOf(db, username);
      const valid = await options.passwordCheck(
        request,
        reply,
        () => verifyPassword(password, user?.password_hash ?? DUMMY_HASH),
        (right) => !right || !user || user.disabled !== 0,
      );
      if (!user || !valid || user.disabled) {
        request.log.info({ username }, 'sign-in refused');
        return sendError(reply, 'unauthorized', 'wrong username or password');
      }
      // Passwords off: only a break-glass admin gets in with one (told only once the password
      // was right, so the answer does not say which accounts are break-glass). Mystery callers
      // too: they are not staff, so never at the centre's identity provider.
      const breakGlass = !options.passwords && user.role !== 'caller';
      if (breakGlass && !user.break_glass) {
        request.log.info({ username }, 'password sign-in refused: passwords are off');
        return sendError(
          reply,
          'forbidden',
          'password sign-in is off on this hub: sign in with single sign-on',
        );
      }
      const profile = await loadProfile(db, user.id);
      if (!profile) return sendError(reply, 'unauthorized', 'wrong username or password');
      // Made with an older cost (passwords.ts): hashed anew now that the password is known.
      const rehashed = needsRehash(user.password_hash) ? await hashPassword(password) : null;
      const session = await db.transaction().execute(async (trx) => {
        if (rehashed)
          await trx
            .updateTable('users')
            .set({ password_hash: rehashed })
            .where('id', '=', user.id)
            .where('password_hash', '=', user.password_hash)
            .execute();
        const created = await createSession(trx, user.id, options.sessionHours, {
          device,
          userAgent: request.headers['user-agent'],
          ip: request.ip,
        });
        if (breakGlass)
          await recordAudit(trx, {
            actorId: user.id,
            action: 'sso.break-glass',
            targetType: 'session',
            targetId: created.id,
            ip: request.ip,
          });
        return created;
      });
      if (breakGlass)
        request.log.warn(
          { userId: user.id, sessionId: session.id, ip: request.ip },
          'break-glass sign-in with a password while passwords are off',
        );
      else request.log.info({ userId: user.id, sessionId: session.id }, 'signed in');
      const body: SignInResponse = {
        token: session.token,
        expiresAt: session.expiresAt,
        user: profile,
      };
      return reply.send(body);
    },
  );

  app.post('/api/auth/sign-out', async (request, reply) => {
    const user = await bearerUser(db, request.headers.authorization);
    if (!user) return sendError(reply, 'unauthorized', 'not signed in');
    await revokeSession(db, user.sessionId);
    options.onSignOut(user.sessionId);
    return reply.code(204).send();
  });
}
