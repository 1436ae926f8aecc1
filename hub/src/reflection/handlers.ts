import {
  ACTIONS_PER_SESSION_MAX,
  allItems,
  fail,
  ok,
  type AgendaItem,
  type ErrorBody,
} from '@sidecoach/shared';
import { userRoom, type HubContext } from '../lib/context.js';
import { handlers } from '../lib/handlers.js';
import { periodRange } from '../lib/period.js';
import { prepFor } from './prep.js';
import {
  displayNameOf,
  getAction,
  listSessions,
  openActionsOf,
  overdueActions,
  sessionRow,
  toAction,
  toNote,
  today,
  type SessionRow,
} from './records.js';
import {
  setActionStatus,
  signSession,
  startSession,
  writeAction,
  writeNote,
  type Outcome,
} from './jobs.js';
import { agentEvidence, sessionViews } from './views.js';
import {
  coachedAgentIds,
  isCoach,
  mayCoach,
  NOT_A_PARTY,
  NOT_YOUR_AGENT,
  sideOf,
  type Side,
} from './policy.js';

const refusal = (error: ErrorBody) => fail(error.code, error.message);

/** Reflective sessions and their follow-up actions for one socket. */
export function reflectionHandlers(ctx: HubContext) {
  const { db, inbox, standards, io } = ctx;
  return handlers(({ user, log }) => {
    const packItems = () => new Set(allItems(standards.active).map((i) => i.id));

    /** Sends the session to both sides, each as they may see it; returns both views. */
    const announce = async (sessionId: string) => {
      const row = (await sessionRow(db, sessionId))!;
      const views = await sessionViews(ctx, row);
      io.to(userRoom(row.lead_id)).emit('reflection:changed', views.lead!);
      io.to(userRoom(row.agent_id)).emit('reflection:changed', views.agent!);
      return views;
    };
    const announceActions = async (agentId: string) =>
      io.to(userRoom(agentId)).emit('action:changed', {
        actions: await openActionsOf(db, agentId),
      });
    /** The session and the caller's side in it, or why not. */
    const party = async (
      sessionId: string,
    ): Promise<{ row: SessionRow; side: Side } | { error: ErrorBody }> => {
      const row = await sessionRow(db, sessionId);
      if (!row) return { error: { code: 'not_found', message: `no session ${sessionId}` } };
      const side = sideOf(user, row);
      if (!side) return { error: { code: 'forbidden', message: NOT_A_PARTY } };
      return { row, side };
    };
    const viewFor = async (row: SessionRow, side: 'lead' | 'agent') =>
      (await sessionViews(ctx, row, [side]))[side]!;

    /** Why an agenda cannot be kept, if it cannot: unknown standards, others' actions. */
    const agendaProblem = async (agentId: string, agenda: AgendaItem[]) => {
      const items = packItems();
      for (const [i, a] of agenda.entries()) {
        // A review names the standard its action was agreed on, which a newer pack may have dropped.
        if (a.kind !== 'review-action' && a.itemId !== null && !items.has(a.itemId))
          return `agenda ${i}: "${a.itemId}" is not a standard of ${standards.active.id}`;
        if (a.kind !== 'review-action' && (a.itemId === null || a.actionId !== null))
          return `agenda ${i}: a ${a.kind} entry names a standard item and no action`;
        if (a.kind === 'review-action') {
          const action = a.actionId ? await getAction(db, a.actionId) : undefined;
          if (action?.agent_id !== agentId)
            return `agenda ${i}: review-action needs an action of this agent`;
        }
      }
      return null;
    };
    return {
      'reflection:prepare': async ({ agentId, ...period }) => {
        if (!(await mayCoach(db, user, agentId))) return fail('forbidden', NOT_YOUR_AGENT);
        const evidence = await agentEvidence(
          ctx,
          { id: agentId, name: await displayNameOf(db, agentId) },
          periodRange(period),
        );
        return ok(prepFor(evidence, 'coach', await openActionsOf(db, agentId)));
      },

      'reflection:start': async ({ id, agentId, agenda, ...period }) => {
        const existing = await sessionRow(db, id);
        if (existing)
          return existing.lead_id === user.id && existing.agent_id === agentId
            ? ok(await viewFor(existing, 'lead'))
            : fail('conflict', `session id ${id} is taken`);
        if (!(await mayCoach(db, user, agentId))) return fail('forbidden', NOT_YOUR_AGENT);
        const problem = await agendaProblem(agentId, agenda);
        if (problem) return fail('bad_request', problem);
        const range = periodRange(period);
        const days = Math.round((Date.parse(range.to) - Date.parse(range.from)) / 86_400_000);
        await inbox.submit(startSession({ id, agentId, leadId: user.id, days, agenda }, range));
        const row = (await sessionRow(db, id))!;
        if (row.lead_id !== user.id || row.agent_id !== agentId)
          return fail('conflict', `session id ${id} is taken`);
        log.info({ sessionId: id, agentId, days }, 'reflective session started');
        return ok((await announce(id)).lead!);
      },

      'reflection:get': async ({ sessionId }) => {
        const found = await party(sessionId);
        if ('error' in found) return refusal(found.error);
        return ok(await viewFor(found.row, found.side));
      },

      'reflection:note': async (input) => {
        const found = await party(input.sessionId);
        if ('error' in found) return refusal(found.error);
        const outcome = await inbox.submit(writeNote(user.id, input));
        if ('error' in outcome) return refusal(outcome.error);
        if (outcome.ok.changed) await announce(input.sessionId);
        return ok(toNote({ ...outcome.ok.row, author_name: user.displayName }));
      },

      'reflection:action': async (input) => {
        const found = await party(input.sessionId);
        if ('error' in found) return refusal(found.error);
        if (found.side !== 'lead') return fail('forbidden', 'the lead records the agreed actions');
        if (input.due < today())
          return fail('bad_request', `the follow-up date ${input.due} is in the past`);
        if (input.itemId !== null && !packItems().has(input.itemId))
          return fail(
            'bad_request',
            `"${input.itemId}" is not a standard of ${standards.active.id}`,
          );
        const outcome: Outcome<{ changed: boolean }> = await inbox.submit(
          writeAction(input, ACTIONS_PER_SESSION_MAX),
        );
        if ('error' in outcome) return refusal(outcome.error);
        if (outcome.ok.changed) {
          await announce(input.sessionId);
          await announceActions(found.row.agent_id);
        }
        return ok(toAction((await getAction(db, input.id))!));
      },

      'reflection:sign': async ({ sessionId, version }) => {
        const found = await party(sessionId);
        if ('error' in found) return refusal(found.error);
        const outcome = await inbox.submit(signSession(sessionId, found.side, version));
        if ('error' in outcome) return refusal(outcome.error);
        if (!outcome.ok.changed) return ok(await viewFor(outcome.ok.row, found.side));
        log.info(
          { sessionId, version, status: outcome.ok.row.status },
          'reflective session signed',
        );
        return ok((await announce(sessionId))[found.side]!);
      },

      'reflection:list': async ({ agentId, limit }) => {
        if (user.role === 'agent') {
          if (agentId && agentId !== user.id)
            return fail('forbidden', 'agents see their own sessions only');
          return ok({
            sessions: await listSessions(db, { agentId: user.id }, limit),
            overdue: await overdueActions(db, [user.id], limit),
          });
        }
        if (!isCoach(user))
          return fail('forbidden', 'reflective sessions are for agents and coaches');
        // The lead's own sessions, also with an agent who has since moved to another team (an
        // agent they never coached: refused); following up actions is for the agent's coaches now.
        const coaches = !agentId || (await mayCoach(db, user, agentId));
        const sessions = await listSessions(db, { agentId, leadId: user.id }, limit);
        if (!coaches && sessions.length === 0) return fail('forbidden', NOT_YOUR_AGENT);
        return ok({
          sessions,
          overdue: !coaches
            ? []
            : await overdueActions(
                db,
                agentId ? [agentId] : await coachedAgentIds(db, user),
                limit,
              ),
        });
      },

      'action:status': async ({ actionId, status, sessionId }) => {
        const action = await getAction(db, actionId);
        if (!action) return fail('not_found', `no action ${actionId}`);
        const own = user.role === 'agent' && action.agent_id === user.id;
        if (!own && !(await mayCoach(db, user, action.agent_id)))
          return fail('forbidden', 'only the agent and their coaches follow up an action');
        if (sessionId) {
          const found = await party(sessionId);
          if ('error' in found) return refusal(found.error);
        }
        const outcome = await inbox.submit(setActionStatus(action, status, sessionId));
        if ('error' in outcome) return refusal(outcome.error);
        await announceActions(action.agent_id);
        if (sessionId) await announce(sessionId);
        log.info({ actionId, status, sessionId }, 'action followed up');
        return ok(toAction(outcome.ok.row));
      },

      'action:mine': async () => {
        if (user.role !== 'agent')
          return fail('forbidden', 'open actions are the agent’s; coaches use reflection:list');
        return ok({ actions: await openActionsOf(db, user.id) });
      },
    };
  });
}
