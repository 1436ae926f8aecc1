// Authorization for observation and coaching notes, from the authenticated user only (never
// from a field the client sent). Who coaches whom is lib/people.ts's answer, shared with
// surveys and reflective sessions.

export {
  COACH_ROLES,
  isCoach,
  canCoach as canObserve,
  coachedAgentIds as floorAgentIds,
} from '../lib/people.js';
