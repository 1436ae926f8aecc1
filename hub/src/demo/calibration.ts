import { randomUUID } from 'node:crypto';
import {
  scoreScorecard,
  scorecardItemsFor,
  type Answer,
  type StandardsPack,
} from '@sidecoach/shared';
import type { Trx } from '../lib/jobs.js';
import { notMysteryCall } from '../lib/mystery-calls.js';

// The demo's calibration history, so the quality manager's trends have something to read: two
// sessions on Ava's earlier calls scored by Sam, Nia and Lina, where "warm, calm tone" split the
// room both times (the item the trends flag as wording to fix) and Nia also read "open
// questions" more strictly than the benchmark; and one session still open, Nia's sheet in.

const SUBJECTIVE = 'beh-tone';
const STRICT = 'beh-questioning';
const PARTICIPANTS = ['supervisor', 'night-supervisor', 'lead'] as const;
const TONE_NOTE =
  'Warm means the agent sounds glad to help: greets by name and thanks the customer; calm means no rushing or talking over them. A polite but flat tone is a "no".';

type Who = (typeof PARTICIPANTS)[number];

interface DemoSession {
  title: string;
  /** Days ago the call was scored; the reveal an hour later. */
  daysAgo: number;
  status: 'revealed' | 'closed' | 'open';
  /** Who answered what where they differ from "yes"; absent participants have not submitted. */
  answers: Partial<Record<Who, Record<string, Answer>>>;
  benchmarks: Record<string, Answer>;
  notes: Record<string, string>;
}

const SESSIONS: DemoSession[] = [
  {
    title: 'Monthly calibration: booking call',
    daysAgo: 20,
    status: 'closed',
    answers: {
      supervisor: { [SUBJECTIVE]: 'yes' },
      'night-supervisor': { [SUBJECTIVE]: 'no', [STRICT]: 'no' },
      lead: { [SUBJECTIVE]: 'yes' },
    },
    benchmarks: { [SUBJECTIVE]: 'yes', [STRICT]: 'yes' },
    notes: { [SUBJECTIVE]: TONE_NOTE },
  },
  {
    title: 'Monthly calibration: second call',
    daysAgo: 6,
    status: 'revealed',
    answers: {
      supervisor: { [SUBJECTIVE]: 'no' },
      'night-supervisor': { [SUBJECTIVE]: 'yes', [STRICT]: 'no' },
      lead: { [SUBJECTIVE]: 'no' },
    },
    benchmarks: { [SUBJECTIVE]: 'no', [STRICT]: 'yes' },
    notes: {},
  },
  {
    title: 'This week’s calibration call',
    daysAgo: 0,
    status: 'open',
    answers: { 'night-supervisor': { [STRICT]: 'no' } },
    benchmarks: {},
    notes: {},
  },
];

/** Seeds the demo's calibration sessions on the agent's calls, once, after the QA demo. */
export async function seedDemoCalibration(
  trx: Trx,
  pack: StandardsPack,
  agentId: string,
  now = new Date(),
): Promise<void> {
  const users = await trx
    .selectFrom('users')
    .select(['id', 'username'])
    .where('username', 'in', [...PARTICIPANTS, 'quality'])
    .execute();
  const idOf = (username: string) => users.find((u) => u.username === username)!.id;
  // The agent's ended calls, none drawn for QA (calibration picks a call apart from the sample),
  // nor a mystery call (a session on one is the quality manager's choice, from its report).
  const calls = await trx
    .selectFrom('calls as c')
    .leftJoin('qa_assignments as a', 'a.call_id', 'c.id')
    .select(['c.id', 'c.call_type', 'c.started_at'])
    .where('c.agent_id', '=', agentId)
    .where('c.ended_at', 'is not', null)
    .where('a.id', 'is', null)
    .where(notMysteryCall('c.id'))
    .orderBy('c.started_at', 'desc')
    .limit(SESSIONS.length)
    .execute();
  const hour = 3_600_000;
  for (const [i, demo] of SESSIONS.entries()) {
    const call = calls[i];
    if (!call) return;
    const scored = now.getTime() - demo.daysAgo * 86_400_000 - 3 * hour;
    const iso = (ms: number) => new Date(ms).toISOString();
    const id = randomUUID();
    const items = scorecardItemsFor(pack, call.call_type).map((item) => item.id);
    await trx
      .insertInto('calibration_sessions')
      .values({
        id,
        title: demo.title,
        source: 'call',
        call_id: call.id,
        pack_id: pack.id,
        pack_version: pack.version,
        facilitator_id: idOf('quality'),
        deadline: iso(demo.status === 'open' ? now.getTime() + 48 * hour : scored + hour),
        status: demo.status,
        created_at: iso(scored - 24 * hour),
        revealed_at: demo.status === 'open' ? null : iso(scored + hour),
        closed_at: demo.status === 'closed' ? iso(scored + 2 * hour) : null,
      })
      .execute();
    for (const who of PARTICIPANTS) {
      const differ = demo.answers[who];
      const answers = differ
        ? Object.fromEntries(items.map((item): [string, Answer] => [item, differ[item] ?? 'yes']))
        : null;
      await trx
        .insertInto('calibration_sheets')
        .values({
          session_id: id,
          user_id: idOf(who),
          answers: JSON.stringify(answers ?? {}),
          comments: '{}',
          score: answers && JSON.stringify(scoreScorecard(pack, call.call_type, answers)),
          saved_at: answers && iso(scored),
          submitted_at: answers && iso(scored),
        })
        .execute();
    }
    if (demo.status === 'open') continue;
    for (const item of items) {
      const note = demo.notes[item] ?? '';
      await trx
        .insertInto('calibration_benchmarks')
        .values({
          session_id: id,
          item_id: item,
          answer: demo.benchmarks[item] ?? 'yes',
          note,
          set_by: idOf('quality'),
          set_at: iso(scored + hour),
        })
        .execute();
      if (note !== '')
        await trx
          .insertInto('scorecard_guidance')
          .values({
            pack_id: pack.id,
            version: pack.version,
            item_id: item,
            note,
            session_id: id,
            set_by: idOf('quality'),
            set_at: iso(scored + hour),
          })
          .execute();
    }
  }
}
