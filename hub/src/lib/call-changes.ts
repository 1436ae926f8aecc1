import { agentStatusOf, type CallRecord } from '@sidecoach/shared';
import { userRoom, type HubContext } from './context.js';
import { getCall, openCallOf, recentCalls } from './call-records.js';

/** The agent's status from their open call and latest calls, however they were started. */
export async function statusOf(ctx: HubContext, agentId: string) {
  const open = await openCallOf(ctx.db, agentId);
  return agentStatusOf([...(open ? [open] : []), ...(await recentCalls(ctx.db, agentId, 5))]);
}

/**
 * Tells the agent's sessions (all but `exceptSocket`, which has the answer) about a change,
 * everyone about the status, and the hub's capabilities through the bus.
 */
export async function announceCall(ctx: HubContext, call: CallRecord, exceptSocket?: string) {
  const room = userRoom(call.agentId);
  (exceptSocket ? ctx.io.to(room).except(exceptSocket) : ctx.io.to(room)).emit(
    'call:changed',
    ctx.scores.call({ id: call.agentId, role: 'agent' }, call),
  );
  ctx.io
    .to(room)
    .emit('status:changed', { userId: call.agentId, ...(await statusOf(ctx, call.agentId)) });
  ctx.bus.emit('call:changed', call, 'status');
}

/**
 * Ends a call once (a second end, from a retry or from the other source, changes nothing and
 * returns the stored call). An end before the start is taken as the start.
 */
export async function endCall(ctx: HubContext, call: CallRecord, endedAt: Date) {
  const startMs = new Date(call.startedAt).getTime();
  const end = new Date(Math.max(endedAt.getTime(), startMs));
  const result = await ctx.db
    .updateTable('calls')
    .set({ ended_at: end.toISOString(), duration_ms: end.getTime() - startMs })
    .where('id', '=', call.id)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return { call: (await getCall(ctx.db, call.id))!, ended: Number(result.numUpdatedRows) > 0 };
}
