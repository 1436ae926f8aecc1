import { randomUUID } from 'node:crypto';
import {
  scorecardItemsFor,
  scoreScorecard,
  StandardsPackSchema,
  type StandardsPack,
} from '@sidecoach/shared';
import type { Trx } from '../lib/jobs.js';
import type { Db } from '../store/db.js';
import { demoCallStart, demoHoursOfAgent } from './call-times.js';
import { seedDemoCalibration } from './calibration.js';
import { AVA_MYSTERY_DAYS, seedDemoMystery } from './mystery.js';
import { seedDemoQa } from './qa.js';

// Four weeks of one demo agent's work, so a lead's first reflective session has something to
// show (and a quality manager a QA plan with its draws and evaluations, qa.ts): Ava rates her
// summaries high while her supervisor and QA see them missed (a blind spot),
// and everyone hears her warm tone (a strength). Two more desks, in Taipei and Rīga, show the
// same in Traditional Chinese and Latvian; some of Ava's customers answer in Chinese. Days are
// relative to today, calls in their team's business hours (call-times.ts); content is fixed.

const AGENT = 'agent1';
const SUPERVISOR = 'supervisor';
const LEAD = 'lead';
const BLIND_SPOT = 'proc-summarise';
const STRENGTH = 'beh-tone';
/** Days ago of each booking call: about four a week. */
const CALL_DAYS = [26, 24, 23, 21, 19, 17, 16, 14, 12, 10, 9, 7, 5, 3, 2, 1];
const MISSED = [
  'Closed without recapping the booking dates.',
  'No summary of next steps; the customer asked again what happens now.',
  'Recapped the price but not the reference number.',
];
/** Customers' comments on Ava's calls, each in the language the customer answered in. */
const COMMENTS: { text: string; lang: string }[] = [
  { text: 'Very friendly, thank you!', lang: 'en' },
  { text: 'Nice person, but I was not sure what happens next.', lang: 'en' },
  { text: 'Quick and pleasant.', lang: 'en' },
  { text: 'Had to call back to check my dates.', lang: 'en' },
  { text: 'Lovely voice, sorted in minutes.', lang: 'en' },
  { text: '态度很好，不过挂电话后我还是不清楚下一步要做什么。', lang: 'zh-CN' },
];

/**
 * A desk working in another language: its lead's observations and coaching note, the
 * customers' comments and the agreed action, all written as people there write them.
 */
interface Desk {
  agent: string;
  lead: string;
  lang: string;
  /** The summary missed, one note per observed call (the blind spot, as for Ava). */
  missed: string[];
  /** The warm tone met. */
  met: string;
  /** The lead's note after the last observed call. */
  note: string;
  comments: string[];
  action: string;
}

const DESKS: Desk[] = [
  {
    agent: 'agent5',
    lead: 'taipei-lead',
    lang: 'zh-TW',
    missed: [
      '結束通話前沒有複述預約日期。',
      '沒有說明後續步驟，客戶又問了一次接下來要做什麼。',
      '只複述了金額，沒有複述預約編號。',
    ],
    met: '整通電話語氣親切、沉穩。',
    note: '你的語氣很親切，客戶聽得出來你很有耐心。下次結束前，可以試著把日期和預約編號再複述一次，你覺得怎麼樣？',
    comments: [
      '客服人員很親切，問題一下子就解決了，謝謝！',
      '人很好，但是掛電話後我還是不確定接下來要做什麼。',
      '說明得很清楚，也很有耐心。',
    ],
    action: '結束預約通話前，複述日期與預約編號',
  },
  {
    agent: 'agent6',
    lead: 'riga-lead',
    lang: 'lv',
    missed: [
      'Noslēdza sarunu, neatkārtojot rezervācijas datumus.',
      'Nepateica nākamos soļus; klients vēlreiz jautāja, kas notiks tālāk.',
      'Atkārtoja cenu, bet ne rezervācijas numuru.',
    ],
    met: 'Visas sarunas laikā laipns, mierīgs tonis.',
    note: 'Tavs tonis bija ļoti laipns, un klients to jūt. Kā būtu, ja nākamreiz pirms atvadām vēlreiz nosauktu datumus un rezervācijas numuru?',
    comments: [
      'Ļoti laipna apkalpošana, paldies!',
      'Patīkama saruna, bet īsti nesapratu, kas notiks tālāk.',
      'Ātri un skaidri.',
    ],
    action: 'Pirms atvadīšanās atkārtot rezervācijas datumus un numuru',
  },
];
/** Days ago of each desk agent's booking calls: two weeks, about three a week. */
const DESK_CALL_DAYS = [13, 11, 9, 6, 4, 2];

const userId = async (db: Db | Trx, username: string) =>
  (
    await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow()
  ).id;

/** Seeds the demo agent's history once, after the standards pack is stored. */
export async function seedDemoHistory(db: Db, packId: string): Promise<void> {
  const stored = await db
    .selectFrom('standards_packs')
    .select('definition')
    .where('pack_id', '=', packId)
    .orderBy('version', 'desc')
    .executeTakeFirstOrThrow();
  const pack = StandardsPackSchema.parse(JSON.parse(stored.definition));
  const items = scorecardItemsFor(pack, 'booking');
  if (!items.some((i) => i.id === BLIND_SPOT) || !items.some((i) => i.id === STRENGTH)) return;
  const [agent, supervisor, lead] = [
    await userId(db, AGENT),
    await userId(db, SUPERVISOR),
    await userId(db, LEAD),
  ];
  const now = Date.now();
  const at = (daysAgo: number, minutes = 0) =>
    new Date(now - daysAgo * 86_400_000 + minutes * 60_000).toISOString();
  const hours = await demoHoursOfAgent(db, agent);
  const answers = Object.fromEntries(items.map((i) => [i.id, 'yes' as const]));

  await db.transaction().execute(async (trx) => {
    /** Ava's calls that were mystery calls (mystery.ts), by days ago. */
    const mysteryCalls = new Map<number, { id: string; start: number }>();
    for (const [n, daysAgo] of CALL_DAYS.entries()) {
      const begin = demoCallStart(hours, daysAgo, n, now, 4);
      const after = afterCall(begin);
      const [start, end] = [after(0), after(4)];
      const id = await assessedBooking(trx, pack, agent, answers, {
        start,
        end,
        assessed: after(5),
      });
      // Side by side on every fourth call: the summary missed, the tone met.
      if (n % 4 === 1) {
        for (const [itemId, verdict, text] of [
          [BLIND_SPOT, 'missed', MISSED[(n - 1) / 4] ?? MISSED[0]!],
          [STRENGTH, 'met', 'Warm, calm tone all through.'],
        ] as const) {
          await sharedVerdict(trx, {
            id: randomUUID(),
            author: supervisor,
            agent,
            callId: id,
            offsetMs: 120_000,
            itemId,
            verdict,
            text,
            lang: 'en',
            at: after(2),
            readAt: after(6),
          });
        }
      }
      // Recorded QA from the QA tool on one call (another is evaluated in the app: qa.ts).
      if (n === 2) {
        const evaluated = { ...answers, [BLIND_SPOT]: 'no' as const };
        await trx
          .insertInto('qa_evaluations')
          .values({
            id: `demo-qa-${n}`,
            agent_id: agent,
            call_id: id,
            evaluator_name: 'Quinn Quality',
            pack_id: pack.id,
            pack_version: pack.version,
            answers: JSON.stringify(evaluated),
            // Scored as the import scores what a QA tool sends (reflection/qa.ts).
            score: JSON.stringify(scoreScorecard(pack, 'booking', evaluated)),
            evaluated_at: after(24 * 60),
            created_at: after(24 * 60),
          })
          .execute();
      }
      // Every call decided (so no survey goes out at start); every third one answered; a
      // mystery caller's never surveyed (their number is registered).
      const mystery = AVA_MYSTERY_DAYS.includes(daysAgo);
      if (mystery) mysteryCalls.set(daysAgo, { id, start: begin });
      const answer = n % 3 === 0 && !mystery ? COMMENTS[n / 3] : undefined;
      const comment = answer?.text;
      await surveyedOrSkipped(trx, id, agent, end, {
        skipReason: mystery ? 'excluded-number' : 'not-sampled',
        lang: answer?.lang ?? 'en',
        customerLang: answer?.lang ?? null,
        answer: comment
          ? { comment, csat: 5 - (n % 2), resolved: n % 2 === 0, at: after(30) }
          : null,
      });
    }
    // Last fortnight's session, signed, with an action still open: reviewed first next time.
    await signedSessionWithAction(trx, agent, lead, {
      days: 14,
      from: at(27),
      to: at(13),
      started: at(13),
      signed: at(13, 40),
      actionAt: at(13, 30),
      action: 'Recap dates and the reference number before closing a booking',
      due: at(-2).slice(0, 10),
    });
    for (const [d, desk] of DESKS.entries()) await seedDesk(trx, pack, desk, at, now, d);
    await seedDemoMystery(trx, pack, mysteryCalls);
    await seedDemoQa(trx, pack);
    await seedDemoCalibration(trx, pack, agent);
  });
}

/** Times `minutes` after a call's start, as ISO strings. */
const afterCall = (start: number) => (minutes: number) =>
  new Date(start + minutes * 60_000).toISOString();

/** A booking call the agent answered and self-assessed (all yes), as the demo's history has. */
async function assessedBooking(
  trx: Trx,
  pack: StandardsPack,
  agent: string,
  answers: Record<string, 'yes'>,
  times: { start: string; end: string; assessed: string },
): Promise<string> {
  const id = randomUUID();
  await trx
    .insertInto('calls')
    .values({
      id,
      agent_id: agent,
      call_type: 'booking',
      pack_id: pack.id,
      pack_version: pack.version,
      source: 'manual',
      started_at: times.start,
      ended_at: times.end,
      duration_ms: Date.parse(times.end) - Date.parse(times.start),
      created_at: times.start,
    })
    .execute();
  await trx
    .insertInto('self_assessments')
    .values({
      id: randomUUID(),
      call_id: id,
      agent_id: agent,
      status: 'submitted',
      answers: JSON.stringify(answers),
      next_time: null,
      score: JSON.stringify(scoreScorecard(pack, 'booking', answers)),
      submitted_at: times.assessed,
      created_at: times.assessed,
    })
    .execute();
  return id;
}

/**
 * Two weeks of a desk agent's bookings: self-assessments, three calls observed by their lead
 * (the summary missed, the tone met) with a coaching note, three customers' answers with
 * comments, and last week's signed session with its action open. Everything in the desk's
 * language.
 */
async function seedDesk(
  trx: Trx,
  pack: StandardsPack,
  desk: Desk,
  at: (daysAgo: number, minutes?: number) => string,
  now: number,
  deskIndex: number,
): Promise<void> {
  const [agent, lead] = [await userId(trx, desk.agent), await userId(trx, desk.lead)];
  const hours = await demoHoursOfAgent(trx, agent);
  const items = scorecardItemsFor(pack, 'booking');
  const answers = Object.fromEntries(items.map((i) => [i.id, 'yes' as const]));
  const observed: string[] = [];
  for (const [n, daysAgo] of DESK_CALL_DAYS.entries()) {
    // Each desk's calls at other times of its day than the other desk's.
    const after = afterCall(demoCallStart(hours, daysAgo, n + 7 * (deskIndex + 1), now, 5));
    const [start, end] = [after(0), after(5)];
    const id = await assessedBooking(trx, pack, agent, answers, {
      start,
      end,
      assessed: after(6),
    });
    const missed = desk.missed[(n - 1) / 2];
    if (n % 2 === 1 && missed !== undefined) {
      for (const [itemId, verdict, text] of [
        [BLIND_SPOT, 'missed', missed],
        [STRENGTH, 'met', desk.met],
      ] as const) {
        const observation = randomUUID();
        observed.push(observation);
        await sharedVerdict(trx, {
          id: observation,
          author: lead,
          agent,
          callId: id,
          offsetMs: 150_000,
          itemId,
          verdict,
          text,
          lang: desk.lang,
          at: after(2),
          readAt: after(10),
        });
      }
      if (observed.length === 2 * desk.missed.length)
        await trx
          .insertInto('coaching_notes')
          .values({
            id: randomUUID(),
            author_id: lead,
            agent_id: agent,
            call_id: id,
            observation_ids: JSON.stringify(observed),
            text: desk.note,
            lang: desk.lang,
            at: after(8),
            created_at: after(8),
          })
          .execute();
    }
    const comment = n % 2 === 0 ? desk.comments[n / 2] : undefined;
    await surveyedOrSkipped(trx, id, agent, end, {
      lang: desk.lang,
      customerLang: desk.lang,
      answer: comment ? { comment, csat: n === 2 ? 3 : 5, resolved: n !== 2, at: after(30) } : null,
    });
  }
  await signedSessionWithAction(trx, agent, lead, {
    days: 7,
    from: at(14),
    to: at(7),
    started: at(7),
    signed: at(7, 30),
    actionAt: at(7, 20),
    action: desk.action,
    due: at(-3).slice(0, 10),
  });
}

/** A call's survey decision: sent by link and answered (with a comment), or skipped. */
async function surveyedOrSkipped(
  trx: Trx,
  callId: string,
  agent: string,
  decidedAt: string,
  survey: {
    lang: string;
    customerLang: string | null;
    answer: { comment: string; csat: number; resolved: boolean; at: string } | null;
    /** Why an unanswered call was not surveyed (default: not sampled). */
    skipReason?: 'not-sampled' | 'excluded-number';
  },
): Promise<void> {
  const { answer } = survey;
  await trx
    .insertInto('survey_sends')
    .values({
      call_id: callId,
      agent_id: agent,
      call_type: 'booking',
      pack_version: 1,
      survey_id: answer || survey.skipReason === 'excluded-number' ? 'service' : null,
      channel: answer ? 'link' : null,
      address: null,
      address_key: null,
      lang: survey.lang,
      customer_lang: survey.customerLang,
      state: answer ? 'sent' : 'skipped',
      skip_reason: answer ? null : (survey.skipReason ?? 'not-sampled'),
      token_hash: null,
      next_attempt_at: null,
      last_error: null,
      decided_at: decidedAt,
      sent_at: answer ? decidedAt : null,
      expires_at: null,
    })
    .execute();
  if (!answer) return;
  const { comment, csat, resolved } = answer;
  await trx
    .insertInto('survey_responses')
    .values({
      call_id: callId,
      agent_id: agent,
      survey_id: 'service',
      call_type: 'booking',
      channel: 'link',
      answers: JSON.stringify({ csat, resolved, effort: 2, comment }),
      csat,
      resolved: resolved ? 1 : 0,
      effort: 2,
      comment,
      lang: survey.lang,
      submitted_at: answer.at,
    })
    .execute();
}

/** A session the agent and the lead both signed, with one next-time action still open. */
async function signedSessionWithAction(
  trx: Trx,
  agent: string,
  lead: string,
  s: {
    days: number;
    from: string;
    to: string;
    started: string;
    signed: string;
    actionAt: string;
    action: string;
    due: string;
  },
): Promise<void> {
  const session = randomUUID();
  await trx
    .insertInto('reflection_sessions')
    .values({
      id: session,
      agent_id: agent,
      lead_id: lead,
      days: s.days,
      from: s.from,
      to: s.to,
      agenda: '[]',
      version: 1,
      status: 'signed',
      started_at: s.started,
      signed_by_agent_at: s.signed,
      signed_by_lead_at: s.signed,
    })
    .execute();
  await trx
    .insertInto('reflection_actions')
    .values({
      id: randomUUID(),
      session_id: session,
      agent_id: agent,
      text: s.action,
      item_id: BLIND_SPOT,
      owner: 'agent',
      due: s.due,
      status: 'open',
      created_at: s.actionAt,
      closed_at: null,
      reviewed_in_session_id: null,
    })
    .execute();
}

/** A coach's shared note that a standard was met or missed, delivered at once and read. */
async function sharedVerdict(
  trx: Trx,
  o: {
    id: string;
    author: string;
    agent: string;
    callId: string;
    offsetMs: number;
    itemId: string;
    verdict: 'met' | 'missed';
    text: string;
    lang: string;
    at: string;
    readAt: string;
  },
): Promise<void> {
  await trx
    .insertInto('observations')
    .values({
      id: o.id,
      author_id: o.author,
      agent_id: o.agent,
      call_id: o.callId,
      offset_ms: o.offsetMs,
      item_id: o.itemId,
      area: o.itemId === BLIND_SPOT ? 'process' : 'behaviour',
      verdict: o.verdict,
      tags: '[]',
      text: o.text,
      visibility: 'shared',
      delivery: 'now',
      lang: o.lang,
      at: o.at,
      created_at: o.at,
      released_at: o.at,
      delivered_at: o.at,
      read_at: o.readAt,
    })
    .execute();
}
