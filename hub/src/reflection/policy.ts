import { canCoach, coachedAgentIds, isCoach, type AuthUser } from '../lib/people.js';
import type { ReflectionSessionRow } from '../store/schema.js';

// Who may do what with reflective sessions, from the authenticated user only. Who coaches an
// agent is lib/people.ts's answer (supervisors and leads of the agent's teams, admins): they
// prepare and start sessions with the agent and follow up the agent's actions.

export { isCoach, coachedAgentIds, canCoach as mayCoach };

export type Side = 'lead' | 'agent';

/** The side the user is on in a session, or null: nobody else opens it. */
export function sideOf(user: AuthUser, session: ReflectionSessionRow): Side | null {
  if (user.id === session.lead_id) return 'lead';
  if (user.id === session.agent_id && user.role === 'agent') return 'agent';
  return null;
}

export const NOT_A_PARTY = 'only the lead and the agent of a session take part in it';
export const NOT_YOUR_AGENT = 'you do not coach this agent';
