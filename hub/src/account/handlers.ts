import { fail, ok, type AckResponse } from '@sidecoach/shared';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Trx } from '../lib/jobs.js';
import { userRoom, type HubContext } from '../lib/context.js';
import { handlers } from '../lib/handlers.js';
import { hashPassword, verifyPassword } from '../lib/passwords.js';
import { checkPassword, explainProblems } from '../lib/password-policy.js';
import { revokeSession, revokeUserSessions } from '../lib/sessions.js';
import { recordAudit, type AuditEntry } from '../lib/audit.js';
import {
  accountOf,
  issueCode,
  type AccountRow,
  ownLiveSession,
  passwordHashOf,
  sessionsOf,
  setPasswordHash,
} from './records.js';
import { mayManageAccounts } from './policy.js';

export interface AccountOptions {
  oneTimeCodeHours: number;
  /** The hub's address for reset links (`<hub>/#reset=<token>`). */
  baseUrl: () => string;
  /** Wrong current passwords per user (a stolen session must not guess the password). */
  changeAttempts: RateLimiterAbstract;
  changeAttemptsMax: number;
  /** Closes the sockets of revoked sessions on every hub node. */
  disconnect: (sessionIds: string[]) => void;
}

const ADMINS_ONLY = 'only admins manage other people’s accounts';

/** A user's own password and devices; an admin's one-time codes and "sign out everywhere". */
export function accountHandlers(ctx: HubContext, options: AccountOptions) {
  const { db } = ctx;
  return handlers(({ socket, user, log }) => {
    const ip = socket.handshake.address;
    /** Recorded with the change, as done by this user from this socket's address. */
    const audit = (trx: Trx, entry: Omit<AuditEntry, 'actorId' | 'ip'>) =>
      recordAudit(trx, { ...entry, actorId: user.id, ip });
    const mine = async () => ok({ sessions: await sessionsOf(db, user.id, user.sessionId) });
    /** The target of an admin's action: an existing user, or the error to answer. */
    const target = async (userId: string): Promise<AccountRow | AckResponse<never>> => {
      if (!mayManageAccounts(user)) return fail('forbidden', ADMINS_ONLY);
      return (await accountOf(db, userId)) ?? fail('not_found', `no user ${userId}`);
    };

    return {
      'account:sessions': () => mine(),

      'account:revoke-session': async ({ sessionId }) => {
        if (sessionId === user.sessionId)
          return fail('bad_request', 'this is the session you are using: sign out instead');
        const session = await ownLiveSession(db, user.id, sessionId);
        if (!session) return fail('not_found', 'no such signed-in device of yours');
        await db.transaction().execute(async (trx) => {
          await revokeSession(trx, sessionId);
          await audit(trx, {
            action: 'session.revoke',
            targetType: 'session',
            targetId: sessionId,
            before: { userId: user.id, device: session.device },
          });
        });
        options.disconnect([sessionId]);
        return mine();
      },

      'account:change-password': async ({ current, next }) => {
        const key = user.id;
        const tried = await options.changeAttempts.get(key);
        if (tried && tried.consumedPoints >= options.changeAttemptsMax)
          return fail('rate_limited', 'too many wrong passwords: wait a few minutes');
        const stored = await passwordHashOf(db, user.id);
        if (!stored || !(await verifyPassword(current, stored))) {
          await options.changeAttempts.consume(key).catch(() => undefined);
          return fail('unauthorized', 'the current password is wrong');
        }
        const problems = checkPassword(next, user);
        if (problems.length > 0) return fail('bad_request', explainProblems(problems), problems);
        const hash = await hashPassword(next);
        const revoked = await db.transaction().execute(async (trx) => {
          await setPasswordHash(trx, user.id, hash);
          const ids = await revokeUserSessions(trx, user.id, user.sessionId);
          await audit(trx, {
            action: 'password.change',
            targetType: 'user',
            targetId: user.id,
            after: { signedOutSessions: ids.length },
          });
          return ids;
        });
        options.disconnect(revoked);
        log.info({ signedOut: revoked.length }, 'password changed');
        return ok({});
      },

      'account:issue-code': async ({ userId }) => {
        const account = await target(userId);
        if ('ok' in account) return account;
        if (account.disabled)
          return fail('conflict', 'this account is switched off: switch it on first');
        const issued = await db.transaction().execute(async (trx) => {
          const made = await issueCode(trx, userId, user.id, options.oneTimeCodeHours);
          await audit(trx, {
            action: 'password.reset-issued',
            targetType: 'user',
            targetId: userId,
            after: { expiresAt: made.expiresAt, replacedCodes: made.replaced },
          });
          return made;
        });
        return ok({
          code: issued.code,
          link: `${options.baseUrl()}/#reset=${issued.token}`,
          expiresAt: issued.expiresAt,
        });
      },

      'account:sign-out-everywhere': async ({ userId }) => {
        const account = await target(userId);
        if ('ok' in account) return account;
        const revoked = await db.transaction().execute(async (trx) => {
          const ids = await revokeUserSessions(trx, userId);
          await audit(trx, {
            action: 'session.revoke-all',
            targetType: 'user',
            targetId: userId,
            after: { signedOutSessions: ids.length },
          });
          return ids;
        });
        options.disconnect(revoked);
        // Sockets of sessions revoked a moment earlier elsewhere are closed too.
        ctx.io.in(userRoom(userId)).disconnectSockets(true);
        return ok({ sessions: revoked.length });
      },
    };
  });
}
