import { randomUUID } from 'node:crypto';
import { demoCallStart, demoHoursOfAgent } from './call-times.js';
import { badgeMonthOf, badgeWeekOf, type BadgeKind } from '@sidecoach/shared';
import type { Db } from '../store/db.js';

// Recognition on the demo floor, so the team wall and the agent's sidebar show something from
// the first start: a few badges of the last complete weeks and month, and shout-outs from leads
// and teammates, each written as people on that desk write them (English, Traditional Chinese,
// Latvian) and naming what was done (every one passes the shout-out check). Times are relative
// to now. Nothing goes through the inbox: these are the past, read from the wall and the
// agent's own list; badges earned from now on are told as they are awarded.

interface DemoBadge {
  agent: string;
  kind: BadgeKind;
  itemId?: string;
  /** Complete weeks (or months, for a month's badge) back: 1 is the last one. */
  back: number;
  count: number;
}

interface DemoShoutout {
  agent: string;
  from: string;
  fromRole: 'lead' | 'peer';
  itemId: string;
  behaviour: string;
  lang: string;
  visibility: 'team' | 'private';
  /** Days ago it was given. */
  daysAgo: number;
}

const BADGES: DemoBadge[] = [
  { agent: 'agent1', kind: 'standard-week', itemId: 'proc-verify-identity', back: 1, count: 6 },
  { agent: 'agent1', kind: 'reflective-week', back: 2, count: 5 },
  { agent: 'agent1', kind: 'no-critical-month', back: 1, count: 4 },
  { agent: 'agent2', kind: 'standard-week', itemId: 'proc-verify-identity', back: 2, count: 7 },
  { agent: 'agent5', kind: 'reflective-week', back: 1, count: 5 },
  { agent: 'agent6', kind: 'standard-week', itemId: 'proc-verify-identity', back: 1, count: 5 },
];

const SHOUTOUTS: DemoShoutout[] = [
  {
    agent: 'agent1',
    from: 'lead',
    fromRole: 'lead',
    itemId: 'proc-verify-identity',
    behaviour:
      'You checked the customer’s identity with two questions before you changed the booking, exactly as our identity standard asks.',
    lang: 'en',
    visibility: 'team',
    daysAgo: 3,
  },
  {
    agent: 'agent1',
    from: 'agent2',
    fromRole: 'peer',
    itemId: 'beh-tone',
    behaviour:
      'You kept a calm, warm tone while the booking system was slow and told the customer what you were doing at each step.',
    lang: 'en',
    visibility: 'team',
    daysAgo: 2,
  },
  {
    agent: 'agent1',
    from: 'supervisor',
    fromRole: 'lead',
    itemId: 'beh-empathy',
    behaviour:
      'When the customer got upset about the late refund, you apologised first and named what you would do next, which is our empathy standard.',
    lang: 'en',
    visibility: 'private',
    daysAgo: 1,
  },
  {
    agent: 'agent3',
    from: 'agent1',
    fromRole: 'peer',
    itemId: 'proc-summarise',
    behaviour:
      'Before you closed the call you summarised the new dates and the reference number, which is exactly the process standard.',
    lang: 'en',
    visibility: 'team',
    daysAgo: 4,
  },
  {
    agent: 'agent5',
    from: 'taipei-lead',
    fromRole: 'lead',
    itemId: 'proc-verify-identity',
    behaviour: '你在修改預約之前，先用兩個問題核實了客戶的身分，這正是我們的標準。',
    lang: 'zh-TW',
    visibility: 'team',
    daysAgo: 2,
  },
  {
    agent: 'agent5',
    from: 'taipei-lead',
    fromRole: 'lead',
    itemId: 'beh-empathy',
    behaviour: '客戶抱怨退款太慢時，你先道歉，再說明接下來會怎麼處理，這正是同理心標準的要求。',
    lang: 'zh-TW',
    visibility: 'private',
    daysAgo: 5,
  },
  {
    agent: 'agent6',
    from: 'riga-lead',
    fromRole: 'lead',
    itemId: 'proc-verify-identity',
    behaviour:
      'Tu pirms rezervācijas maiņas pārbaudīji klienta identitāti ar diviem jautājumiem, tieši kā to paredz standarts.',
    lang: 'lv',
    visibility: 'team',
    daysAgo: 3,
  },
  {
    agent: 'agent6',
    from: 'riga-lead',
    fromRole: 'lead',
    itemId: 'proc-summarise',
    behaviour:
      'Pirms zvana beigām tu atkārtoji jaunos datumus un rezervācijas numuru, tieši kā to paredz mūsu standarts.',
    lang: 'lv',
    visibility: 'team',
    daysAgo: 6,
  },
];

const DAY_MS = 86_400_000;

/**
 * Seeds the demo's recognition once: a database that has any shout-out already (the demo's, or
 * people's own) is left as it is. Accounts missing from the database are skipped.
 */
export async function seedDemoRecognition(db: Db, now = new Date()): Promise<void> {
  if (await db.selectFrom('recognition_shoutouts').select('id').limit(1).executeTakeFirst()) return;
  const people = await db
    .selectFrom('users')
    .leftJoin('team_members', 'team_members.user_id', 'users.id')
    .leftJoin('teams', 'teams.id', 'team_members.team_id')
    .select(['users.id', 'users.username', 'teams.id as team_id', 'teams.time_zone'])
    .execute();
  const byName = new Map(people.map((p) => [p.username, p]));
  await db.transaction().execute(async (trx) => {
    for (const b of BADGES) {
      const agent = byName.get(b.agent);
      if (!agent?.team_id) continue;
      const zone = agent.time_zone ?? 'UTC';
      // The period `back` weeks or months before the one under way, in the team's calendar.
      const of = b.kind === 'no-critical-month' ? badgeMonthOf : badgeWeekOf;
      let range = of(now.toISOString(), zone);
      for (let i = 0; i < b.back; i++)
        range = of(new Date(Date.parse(range.start) - DAY_MS).toISOString(), zone);
      const period = range.from;
      // Awarded by the sweep a few minutes after the period closed.
      const awardedAt = new Date(Math.min(now.getTime(), Date.parse(range.end) + 5 * 60_000));
      await trx
        .insertInto('recognition_badges')
        .values({
          id: randomUUID(),
          agent_id: agent.id,
          team_id: agent.team_id,
          kind: b.kind,
          item_id: b.itemId ?? '',
          period,
          period_key: period,
          count: b.count,
          awarded_at: awardedAt.toISOString(),
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    for (const [i, s] of SHOUTOUTS.entries()) {
      const agent = byName.get(s.agent);
      const from = byName.get(s.from);
      if (!agent?.team_id || !from) continue;
      await trx
        .insertInto('recognition_shoutouts')
        .values({
          id: randomUUID(),
          agent_id: agent.id,
          from_id: from.id,
          from_role: s.fromRole,
          team_id: agent.team_id,
          item_id: s.itemId,
          behaviour: s.behaviour,
          lang: s.lang,
          call_id: null,
          visibility: s.visibility,
          // In the floor's hours, as the demo's calls are (a shout-out follows the call).
          at: new Date(
            demoCallStart(await demoHoursOfAgent(trx, agent.id), s.daysAgo, i, now.getTime(), 0),
          ).toISOString(),
        })
        .execute();
    }
  });
}
