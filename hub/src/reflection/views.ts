import type { ReflectionSession } from '@sidecoach/shared';
import type { HubContext } from '../lib/context.js';
import { loadEvidence, prepFor, type Evidence, type Period } from './prep.js';
import {
  actionsOfSession,
  agendaOf,
  notesOf,
  openActionsOf,
  reviewedIn,
  type SessionRow,
} from './records.js';
import type { Side } from './policy.js';

/** The evidence of an agent's period (the hub's active pack, the team's score setting). */
export function agentEvidence(
  ctx: HubContext,
  agent: { id: string; name: string },
  period: Period,
): Promise<Evidence> {
  const behavioursOnly = ctx.scores.behavioursOnly(agent.id);
  return loadEvidence(ctx.db, ctx.standards.active, { ...agent, behavioursOnly }, period);
}

/** The evidence of the period a session was started for. */
const evidenceOf = (ctx: HubContext, row: SessionRow) =>
  agentEvidence(ctx, { id: row.agent_id, name: row.agent_name }, { from: row.from, to: row.to });

type Views = Partial<Record<Side, ReflectionSession>>;

/** Each side's view from what is stored now, with every number (scores are taken out later). */
async function liveViews(ctx: HubContext, row: SessionRow, sides: readonly Side[]): Promise<Views> {
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
  const views: Views = {};
  for (const side of sides)
    views[side] = {
      ...base,
      prep: prepFor(evidence, side === 'lead' ? 'coach' : 'agent', openActions),
    };
  return views;
}

/**
 * A signed session's record: both views as they stood when it was signed, kept on the row the
 * first time it is read after the second signature (reading again gives the same record, also
 * after later QA imports, released notes, closed actions or a new standards pack).
 */
async function signedRecord(ctx: HubContext, row: SessionRow): Promise<Views> {
  if (row.record !== null) return JSON.parse(row.record) as Views;
  const views = await liveViews(ctx, row, ['lead', 'agent']);
  await ctx.db
    .updateTable('reflection_sessions')
    .set({ record: JSON.stringify(views) })
    .where('id', '=', row.id)
    .where('record', 'is', null)
    .execute();
  return views;
}

/**
 * The session as each side may see it: the agent's evidence counts shared observations only,
 * and has no numbers when their team coaches on behaviours (applied to records too, so the
 * setting holds whenever it was switched on).
 */
export async function sessionViews(
  ctx: HubContext,
  row: SessionRow,
  sides: readonly Side[] = ['lead', 'agent'],
): Promise<Views> {
  const views =
    row.status === 'signed' ? await signedRecord(ctx, row) : await liveViews(ctx, row, sides);
  const seen: Views = {};
  for (const side of sides) {
    const view = views[side];
    if (!view) continue;
    const viewer =
      side === 'lead' ? { id: row.lead_id, role: 'coach' } : { id: row.agent_id, role: 'agent' };
    seen[side] = ctx.scores.session(viewer, view);
  }
  return seen;
}
