import type { CallerProfile } from '@sidecoach/shared';
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

/** A report is reviewed once the caller has filed it; a returned one waits for the caller. */
export const REVIEWABLE = ['reported'] as const;

const DAY_MS = 86_400_000;

/** Whether a caller fits the profile an assignment asks for (only the dimensions it sets). */
export function fitsProfile(caller: CallerProfile, wanted: Partial<CallerProfile>): boolean {
  const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  if (wanted.region !== undefined && !same(caller.region, wanted.region)) return false;
  if (wanted.ageBand !== undefined && caller.ageBand !== wanted.ageBand) return false;
  if (wanted.language !== undefined) {
    // "zh" asked: a zh-TW speaker fits; "zh-TW" asked: only zh-TW.
    const mine = caller.language.toLowerCase();
    const asked = wanted.language.toLowerCase();
    if (mine !== asked && !mine.startsWith(`${asked}-`)) return false;
  }
  return true;
}

/** A call of the caller's to a team: when it was (or is to be) made. */
export interface CallerVisit {
  teamId: string;
  at: string;
}

/**
 * The gap rule: a caller waits `gapDays` before calling the same team again, across waves. An
 * assignment is blocked by any other of the caller's assignments on the same team (claimed,
 * reported or decided: the call was made, or is to be) less than `gapDays` before or after it.
 */
export function blockedByGap(
  candidate: { teamId: string; windowFrom: string },
  visits: readonly CallerVisit[],
  gapDays: number,
): boolean {
  if (gapDays <= 0) return false;
  const at = Date.parse(candidate.windowFrom);
  return visits.some(
    (v) => v.teamId === candidate.teamId && Math.abs(Date.parse(v.at) - at) < gapDays * DAY_MS,
  );
}
