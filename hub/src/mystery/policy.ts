import { gapAllows, profileFits, type CallerProfile } from '@sidecoach/shared';
import type { AuthUser } from '../lib/people.js';
import { isCaller } from '../lib/caller-gate.js';

// Who may do what with mystery calls, from the authenticated user only:
// - quality managers (admins) run everything: callers, programmes, waves, assignments, reviews,
//   results and their release, and may open any assignment;
// - a mystery caller (role 'caller') sees the board and their own assignments, claims, opens
//   and reports them; every other event is refused to them before this capability (lib/
//   caller-gate.ts), and nothing they receive names a team, an agent or a call;
// - agents, supervisors and leads: nothing here. Agents learn of a mystery call only once its
//   wave's results are released (their reflective session), never from these events.

export const isManager = (user: Pick<AuthUser, 'role'>) => user.role === 'admin';
export { isCaller };

export const NOT_MANAGER = 'only quality managers (admins) run mystery-call programmes';
export const CALLERS_ONLY = 'the board is for mystery callers';

/** A call of the caller's to a team: when it was made (or its window starts, when claimed). */
export interface CallerVisit {
  teamId: string;
  at: string;
}

/**
 * The gap rule across waves (shared gapAllows): blocked by any other call of the caller's to the
 * same team, claimed, made or decided, less than `gapDays` before or after this one's window.
 */
export function blockedByGap(
  candidate: { teamId: string; windowFrom: string },
  visits: readonly CallerVisit[],
  gapDays: number,
): boolean {
  const same = visits.filter((v) => v.teamId === candidate.teamId).map((v) => v.at);
  return !gapAllows(candidate.windowFrom, same, gapDays);
}

/** Whether a caller fits the profile an assignment asks for (shared profileFits). */
export const fitsProfile = (caller: CallerProfile, wanted: Partial<CallerProfile>) =>
  profileFits(wanted, caller);
