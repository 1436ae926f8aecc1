import type { AuthUser } from '../lib/people.js';

// Who may do what with accounts: every user with their own password and devices; only admins
// issue one-time codes and sign someone else out everywhere.

export const mayManageAccounts = (user: Pick<AuthUser, 'role'>): boolean => user.role === 'admin';

/** Wrong one-time codes for a user before the code stops working (a new one must be issued). */
export const CODE_ATTEMPT_CAP = 5;

/** Wrong current passwords in a change before the user must wait (a stolen session guessing). */
export const CHANGE_ATTEMPTS = { max: 5, windowSeconds: 15 * 60 };

/** One-time code checks per address and username (or per address for links) a minute. */
export const ONE_TIME_RATE = { max: 10, windowSeconds: 60 };
