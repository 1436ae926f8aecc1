import type { IncomingMessage } from 'node:http';
import type { Socket } from 'socket.io';
import { HandshakeAuthSchema } from '@sidecoach/shared';
import type { Db } from '../store/db.js';
import { resolveToken } from '../lib/tokens.js';
import type { AuthUser } from '../lib/people.js';

/**
 * Browsers send an Origin header; a page on another site must not open a socket to the hub.
 * Allowed: the hub's own origin (same host), the desktop app, and configured origins. Clients
 * that are not browsers send none and still need a valid token.
 */
export function originAllowed(req: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (allowed.includes(parsed.origin) || allowed.includes(origin)) return true;
  return (
    (parsed.protocol === 'http:' || parsed.protocol === 'https:') &&
    parsed.host === req.headers.host
  );
}

/** socket.io middleware: a valid session token in the handshake `auth`, or the connection is refused. */
export function socketAuthentication(db: Db) {
  return (socket: Socket, next: (err?: Error) => void): void => {
    const parsed = HandshakeAuthSchema.safeParse(socket.handshake.auth);
    if (!parsed.success) return next(new Error('unauthorized'));
    resolveToken(db, parsed.data.token).then(
      (user: AuthUser | undefined) => {
        if (!user) return next(new Error('unauthorized'));
        const data = socket.data as { user?: AuthUser; lastSeq?: number };
        data.user = user;
        data.lastSeq = parsed.data.lastSeq;
        next();
      },
      (err: unknown) => next(err instanceof Error ? err : new Error('internal')),
    );
  };
}
