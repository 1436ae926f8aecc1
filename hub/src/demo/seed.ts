import { randomUUID } from 'node:crypto';
import type { Db } from '../store/db.js';
import { countUsers, createTeam, insertUser } from '../lib/accounts.js';
import { insertCallerProfile } from '../lib/mystery-callers.js';
import { hashPassword } from '../lib/passwords.js';
import { seedDemoRecognition } from './recognition.js';

/** Known on purpose: the demo is for trying Sidecoach on a laptop, never for production. */
export const DEMO_PASSWORD = 'sidecoach-demo';
export const DEMO_TEAMS = [
  { id: 'team-demo', name: 'Demo team' },
  { id: 'team-night', name: 'Night shift' },
  // A desk for customers in Taiwan and one for Latvia: their people's UI language by default.
  { id: 'team-taipei', name: '台北客服組' },
  { id: 'team-riga', name: 'Rīgas komanda' },
] as const;
export const DEMO_ACCOUNTS = [
  { username: 'lead', displayName: 'Lina Lead', role: 'lead', team: 'team-demo' },
  { username: 'supervisor', displayName: 'Sam Supervisor', role: 'supervisor', team: 'team-demo' },
  {
    username: 'agent1',
    displayName: 'Ava Agent',
    role: 'agent',
    extension: '1001',
    team: 'team-demo',
  },
  {
    username: 'agent2',
    displayName: 'Ben Agent',
    role: 'agent',
    extension: '1002',
    team: 'team-demo',
  },
  {
    username: 'agent3',
    displayName: 'Chen Agent',
    role: 'agent',
    extension: '1003',
    team: 'team-demo',
  },
  { username: 'night-lead', displayName: 'Noor Lead', role: 'lead', team: 'team-night' },
  {
    username: 'night-supervisor',
    displayName: 'Nia Supervisor',
    role: 'supervisor',
    team: 'team-night',
  },
  {
    username: 'agent4',
    displayName: 'Dev Agent',
    role: 'agent',
    extension: '1004',
    team: 'team-night',
  },
  { username: 'quality', displayName: 'Quinn Quality', role: 'admin', team: null },
  {
    username: 'taipei-lead',
    displayName: '林怡君',
    role: 'lead',
    team: 'team-taipei',
    defaultLang: 'zh-TW',
  },
  {
    username: 'agent5',
    displayName: '陳冠宇',
    role: 'agent',
    extension: '1005',
    team: 'team-taipei',
    defaultLang: 'zh-TW',
  },
  // Mystery callers: accounts of their own kind, in no team, with the numbers they call from
  // (never sent a survey) and what they are like (matched to the customers a wave asks for).
  {
    username: 'caller',
    displayName: 'Mia Mystery',
    role: 'caller',
    team: null,
    caller: {
      phones: ['+44 7700 900123'],
      profile: { region: 'London', ageBand: '18-29', language: 'en' },
    },
  },
  {
    username: 'caller2',
    displayName: 'Ruth Ring',
    role: 'caller',
    team: null,
    caller: {
      phones: ['+44 7700 900456', '+44 161 496 0789'],
      profile: { region: 'Manchester', ageBand: '60+', language: 'en' },
    },
  },
  {
    username: 'riga-lead',
    displayName: 'Laura Kalniņa',
    role: 'lead',
    team: 'team-riga',
    defaultLang: 'lv',
  },
  {
    username: 'agent6',
    displayName: 'Mārtiņš Ozols',
    role: 'agent',
    extension: '1006',
    team: 'team-riga',
    defaultLang: 'lv',
  },
] as const;

/**
 * Seeds the demo team into an empty database and returns true. A database that already holds
 * the demo (from an earlier version) gets the demo teams and accounts added since, and nothing
 * it has is changed; a database of real users is left alone. Both return false.
 */
export async function seedDemo(db: Db): Promise<boolean> {
  const fresh = (await countUsers(db)) === 0;
  const first = DEMO_ACCOUNTS[0].username;
  if (
    !fresh &&
    !(await db.selectFrom('users').select('id').where('username', '=', first).executeTakeFirst())
  )
    return false;
  const teams = new Set((await db.selectFrom('teams').select('id').execute()).map((t) => t.id));
  for (const team of DEMO_TEAMS) if (!teams.has(team.id)) await createTeam(db, team.id, team.name);
  const users = new Set(
    (await db.selectFrom('users').select('username').execute()).map((u) => u.username),
  );
  // Every demo account has the same published password: one hash for all of them (each is a
  // full-cost scrypt, and a demo floor has fifteen accounts).
  let passwordHash: string | undefined;
  for (const { team, ...entry } of DEMO_ACCOUNTS) {
    if (users.has(entry.username)) continue;
    passwordHash ??= await hashPassword(DEMO_PASSWORD);
    const { caller, ...account } = { caller: undefined, ...entry };
    await db.transaction().execute(async (trx) => {
      const id = randomUUID();
      await insertUser(trx, id, { ...account, passwordHash, teamIds: team ? [team] : [] });
      if (caller) await insertCallerProfile(trx, id, caller);
    });
  }
  await seedDemoRecognition(db);
  return fresh;
}

export function demoCredentialsText(url: string): string {
  const rows = DEMO_ACCOUNTS.map((a) => {
    const extension = 'extension' in a ? `extension ${a.extension}` : '';
    const lang = 'defaultLang' in a ? a.defaultLang : '';
    return `  ${a.username.padEnd(17)} ${a.role.padEnd(11)} ${a.displayName.padEnd(15)} ${extension.padEnd(15)} ${lang}`.trimEnd();
  });
  return [
    '',
    `Sidecoach demo team (password for every account: ${DEMO_PASSWORD})`,
    ...rows,
    `Web sidebar: ${url}/`,
    '',
  ].join('\n');
}
