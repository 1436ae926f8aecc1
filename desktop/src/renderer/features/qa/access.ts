import type { UserProfile } from '@sidecoach/shared';

// Who sees which tab of the Quality view. The hub decides every request again; this only keeps
// the tabs a user could not use out of sight.

export const QA_TABS = [
  'queue',
  'plans',
  'disputes',
  'evaluators',
  'evaluations',
  'calibration',
] as const;
export type QaTab = (typeof QA_TABS)[number];

type Who = Pick<UserProfile, 'role' | 'permissions'>;

const evaluator = (u: Who) => u.permissions.includes('evaluator');
const arbitrator = (u: Who) => u.permissions.includes('arbitrator');
const manager = (u: Who) => u.role === 'lead' || u.role === 'supervisor' || u.role === 'admin';

/** The tabs a user may use, in the nav's order (empty: no Quality view at all). */
export function qaTabsFor(user: Who): QaTab[] {
  if (user.role === 'agent' && !evaluator(user) && !arbitrator(user)) return [];
  const can: Record<QaTab, boolean> = {
    // What is due for the user to evaluate (quality managers may evaluate too).
    queue: evaluator(user) || user.role === 'admin',
    // Admins edit plans; leads and supervisors read their teams' plans and draws.
    plans: manager(user),
    disputes: arbitrator(user) || user.role === 'admin' || user.role === 'lead',
    evaluators: user.role === 'admin' || user.role === 'lead',
    evaluations: manager(user) || evaluator(user),
    // Calibration sessions: quality managers and leads run them, supervisors and leads score
    // in them (the hub says who is on which); never agents, evaluators or not.
    calibration: manager(user),
  };
  return QA_TABS.filter((tab) => can[tab]);
}

/**
 * The tab the Quality view opens on: the queue for those who evaluate, else the first they may
 * use (a quality manager who evaluates nothing lands on the plans, not on an empty queue).
 */
export function firstQaTab(user: Who): QaTab | undefined {
  const tabs = qaTabsFor(user);
  return evaluator(user) ? tabs[0] : (tabs.find((t) => t !== 'queue') ?? tabs[0]);
}

/** Whether the coach nav shows the Quality entry. */
export const canUseQuality = (user: Who) => qaTabsFor(user).length > 0;

/** Only admins change plans (the hub refuses others too). */
export const canEditPlans = (user: Who) => user.role === 'admin';
