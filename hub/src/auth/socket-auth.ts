import type { IncomingMessage } from 'node:http';
import type { Socket } from 'socket.io';
import { HandshakeAuthSchema, PROTOCOL_VERSION } from '@sidecoach/shared';
import type { Db } from '../store/db.js';
import { resolveSession } from '../lib/tokens.js';
import { touchSession } from '../lib/sessions.js';
import { isDatabaseUnavailable } from '../store/dialect.js';
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

/** The refusal an outdated (or newer) sidebar gets: it tells the user to update, never waits. */
export const OUTDATED_CLIENT = 'outdated_client';

function protocolRefusal(clientProtocol: number | undefined): Error {
  const err = new Error(OUTDATED_CLIENT) as Error & { data: unknown };
  err.data = {
    hubProtocol: PROTOCOL_VERSION,
    clientProtocol: clientProtocol ?? null,
    message:
      clientProtocol === undefined || clientProtocol < PROTOCOL_VERSION
        ? 'This sidebar is older than the hub: update Sidecoach.'
        : 'The hub is older than this sidebar: update the hub.',
  };
  return err;
}

/**
 * socket.io middleware: the protocol version this hub speaks and a valid session token in the
 * handshake `auth`, or the connection is refused (before the token is looked at, so an outdated
 * sidebar says "update", not "sign in again").
 */
export function socketAuthentication(db: Db) {
  return (socket: Socket, next: (err?: Error) => void): void => {
    const parsed = HandshakeAuthSchema.safeParse(socket.handshake.auth);
    if (!parsed.success) return next(new Error('unauthorized'));
    if (parsed.data.protocol !== PROTOCOL_VERSION)
      return next(protocolRefusal(parsed.data.protocol));
    resolveSession(db, parsed.data.token).then(
      (session) => {
        if (!session) return next(new Error('unauthorized'));
        const { user, expiresAt } = session;
        const data = socket.data as { user?: AuthUser; lastSeq?: number; sessionEndsAt?: string };
        data.user = user;
        data.lastSeq = parsed.data.lastSeq;
        // The socket is closed when the session ends (lib/sessions.ts SessionWatch).
        data.sessionEndsAt = expiresAt;
        // Last seen, for the user's list of devices: a failed write does not refuse the socket.
        touchSession(db, user.sessionId).then(
          () => next(),
          () => next(),
        );
      },
      // Never the database's own words to a client; 'unavailable' tells the sidebar to retry.
      (err: unknown) => next(new Error(isDatabaseUnavailable(err) ? 'unavailable' : 'internal')),
    );
  };
}
