import type { Db } from '../store/db.js';
import { countUsers, createTeam, createUser } from '../auth/users.js';

/** Known on purpose: the demo is for trying Sidecoach on a laptop, never for production. */
export const DEMO_PASSWORD = 'sidecoach-demo';
export const DEMO_ACCOUNTS = [
  { username: 'lead', displayName: 'Lina Lead', role: 'lead' },
  { username: 'supervisor', displayName: 'Sam Supervisor', role: 'supervisor' },
  { username: 'agent1', displayName: 'Ava Agent', role: 'agent', extension: '1001' },
  { username: 'agent2', displayName: 'Ben Agent', role: 'agent', extension: '1002' },
  { username: 'agent3', displayName: 'Chen Agent', role: 'agent', extension: '1003' },
] as const;

/** Seeds the demo team into an empty database; returns false when users already exist. */
export async function seedDemo(db: Db): Promise<boolean> {
  if ((await countUsers(db)) > 0) return false;
  await createTeam(db, 'team-demo', 'Demo team');
  for (const account of DEMO_ACCOUNTS) {
    await createUser(db, { ...account, password: DEMO_PASSWORD, teamIds: ['team-demo'] });
  }
  return true;
}

export function demoCredentialsText(url: string): string {
  const rows = DEMO_ACCOUNTS.map((a) => {
    const extension = 'extension' in a ? `extension ${a.extension}` : '';
    return `  ${a.username.padEnd(11)} ${a.role.padEnd(11)} ${a.displayName.padEnd(15)} ${extension}`.trimEnd();
  });
  return [
    '',
    `Sidecoach demo team (password for every account: ${DEMO_PASSWORD})`,
    ...rows,
    `Web sidebar: ${url}/`,
    '',
  ].join('\n');
}
