import type { ReflectionSession } from '@sidecoach/shared';
import type { HubContext } from '../context.js';
import { loadEvidence, prepFor, type Evidence } from './prep.js';
import {
  actionsOfSession,
  agendaOf,
  notesOf,
  openActionsOf,
  reviewedIn,
  type SessionRow,
} from './records.js';
import type { Side } from './policy.js';

/** The evidence of an agent's period as stored for a session, read once for both sides. */
export function evidenceOf(ctx: HubContext, row: SessionRow): Promise<Evidence> {
  return loadEvidence(
    ctx.db,
    ctx.standards.active,
    {
      id: row.agent_id,
      name: row.agent_name,
      behavioursOnly: ctx.scores.behavioursOnly(row.agent_id),
    },
    { from: row.from, to: row.to },
  );
}

/**
 * The session as each side may see it: the agent's evidence counts shared observations only,
 * and has no numbers when their team coaches on behaviours.
 */
export async function sessionViews(
  ctx: HubContext,
  row: SessionRow,
  sides: readonly Side[] = ['lead', 'agent'],
): Promise<Partial<Record<Side, ReflectionSession>>> {
  const { db } = ctx;
  const evidence = await evidenceOf(ctx, row);
  const agenda = agendaOf(row);
  const openActions = await openActionsOf(db, row.agent_id, row.id);
  const base = {
    id: row.id,
    agentId: row.agent_id,
    agentName: row.agent_name,
    leadId: row.lead_id,
    leadName: row.lead_name,
    status: row.status,
    version: row.version,
    days: row.days,
    startedAt: row.started_at,
    agenda,
    notes: await notesOf(db, row.id),
    actions: await actionsOfSession(db, row.id),
    reviewed: await reviewedIn(db, row.id, agenda),
    signedByAgentAt: row.signed_by_agent_at,
    signedByLeadAt: row.signed_by_lead_at,
  };
  const views: Partial<Record<Side, ReflectionSession>> = {};
  for (const side of sides) {
    const viewer =
      side === 'lead' ? { id: row.lead_id, role: 'coach' } : { id: row.agent_id, role: 'agent' };
    const prep = prepFor(evidence, side === 'lead' ? 'coach' : 'agent', openActions);
    views[side] = ctx.scores.session(viewer, { ...base, prep });
  }
  return views;
}
