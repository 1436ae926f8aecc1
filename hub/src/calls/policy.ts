import type { Db } from '../store/db.js';
import type { AuthUser } from '../lib/people.js';
import { teammateIds } from '../lib/people.js';

// Authorization for calls, in one place, from the authenticated user only.

/** Only agents take calls and assess themselves. */
export function canTakeCalls(user: AuthUser): boolean {
  return user.role === 'agent';
}

/** Agents read their own calls; supervisors and leads their teams'; admins all. */
export async function canReadCallsOf(db: Db, user: AuthUser, agentId: string): Promise<boolean> {
  if (user.id === agentId || user.role === 'admin') return true;
  if (user.role === 'supervisor' || user.role === 'lead')
    return (await teammateIds(db, user.id)).has(agentId);
  return false;
}
