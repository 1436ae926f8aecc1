import { userRoom, type HubContext } from './context.js';

/**
 * What these users may do changed (disabled, role, teams, permissions, a team move taking
 * effect): applied to open connections at once, before the change is acknowledged.
 *
 * 1. Every capability drops what it derived from the old rights (observation prunes observers
 *    who may no longer observe the agent, so notes stop reaching them) and the score
 *    visibility is read again (memberships changed which agents coach on behaviours).
 * 2. The users' sockets are closed, on every node (socket.io's adapter relays it, as for
 *    sign-out): the sidebar reconnects, and the handshake loads the new profile, its rooms and
 *    a fresh authorization cache; a disabled user's sessions are refused (sign-in screen).
 */
export async function rightsChanged(ctx: HubContext, userIds: readonly string[]): Promise<void> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return;
  const work: Promise<unknown>[] = [];
  ctx.bus.emit('rights:changed', ids, (w) => work.push(w));
  await Promise.all(work);
  await ctx.scores.reload();
  ctx.io.in(ids.map(userRoom)).disconnectSockets(true);
}
