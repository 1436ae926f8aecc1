import type { AuthUser } from '../lib/people.js';

// Who administers: admins (quality managers) only, decided from the authenticated session.

export const isAdmin = (user: Pick<AuthUser, 'role'>) => user.role === 'admin';

export const NOT_ADMIN = 'only admins (quality managers) administer people and teams';
