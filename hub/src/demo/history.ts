import { randomUUID } from 'node:crypto';
import { scorecardItemsFor, scoreScorecard, StandardsPackSchema } from '@sidecoach/shared';
import type { Db } from '../store/db.js';

// Four weeks of one demo agent's work, so a lead's first reflective session has something to
// show: Ava rates her summaries high while her supervisor and QA see them missed (a blind spot),
// and everyone hears her warm tone (a strength). Times are relative to now; content is fixed.

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
const COMMENTS = [
  'Very friendly, thank you!',
  'Nice person, but I was not sure what happens next.',
  'Quick and pleasant.',
  'Had to call back to check my dates.',
  'Lovely voice, sorted in minutes.',
];

const userId = async (db: Db, username: string) =>
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
  const answers = Object.fromEntries(items.map((i) => [i.id, 'yes' as const]));

  await db.transaction().execute(async (trx) => {
    for (const [n, daysAgo] of CALL_DAYS.entries()) {
      const id = randomUUID();
      const [start, end] = [at(daysAgo), at(daysAgo, 4)];
      await trx
        .insertInto('calls')
        .values({
          id,
          agent_id: agent,
          call_type: 'booking',
          pack_id: pack.id,
          pack_version: pack.version,
          source: 'manual',
          started_at: start,
          ended_at: end,
          duration_ms: 240_000,
          created_at: start,
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
          score: JSON.stringify(scoreScorecard(items, answers)),
          submitted_at: at(daysAgo, 5),
          created_at: at(daysAgo, 5),
        })
        .execute();
      // Side by side on every fourth call: the summary missed, the tone met.
      if (n % 4 === 1) {
        for (const [itemId, verdict, text] of [
          [BLIND_SPOT, 'missed', MISSED[(n - 1) / 4] ?? MISSED[0]!],
          [STRENGTH, 'met', 'Warm, calm tone all through.'],
        ] as const) {
          await trx
            .insertInto('observations')
            .values({
              id: randomUUID(),
              author_id: supervisor,
              agent_id: agent,
              call_id: id,
              offset_ms: 120_000,
              item_id: itemId,
              area: itemId === BLIND_SPOT ? 'process' : 'behaviour',
              verdict,
              tags: '[]',
              text,
              visibility: 'shared',
              delivery: 'now',
              at: at(daysAgo, 2),
              created_at: at(daysAgo, 2),
              released_at: at(daysAgo, 2),
              delivered_at: at(daysAgo, 2),
              read_at: at(daysAgo, 6),
            })
            .execute();
        }
      }
      // Recorded QA on two calls.
      if (n === 2 || n === 10) {
        await trx
          .insertInto('qa_evaluations')
          .values({
            id: `demo-qa-${n}`,
            agent_id: agent,
            call_id: id,
            evaluator_name: 'Quinn Quality',
            pack_id: pack.id,
            pack_version: pack.version,
            answers: JSON.stringify({ ...answers, [BLIND_SPOT]: 'no' }),
            evaluated_at: at(daysAgo - 1),
            created_at: at(daysAgo - 1),
          })
          .execute();
      }
      // Every call decided (so no survey goes out at start); every third one answered.
      const comment = n % 3 === 0 ? COMMENTS[n / 3] : undefined;
      await trx
        .insertInto('survey_sends')
        .values({
          call_id: id,
          agent_id: agent,
          call_type: 'booking',
          pack_version: 1,
          survey_id: comment ? 'service' : null,
          channel: comment ? 'link' : null,
          address: null,
          address_key: null,
          lang: 'en',
          state: comment ? 'sent' : 'skipped',
          skip_reason: comment ? null : 'not-sampled',
          token_hash: null,
          next_attempt_at: null,
          last_error: null,
          decided_at: end,
          sent_at: comment ? end : null,
          expires_at: null,
        })
        .execute();
      if (comment) {
        const csat = 5 - (n % 2);
        await trx
          .insertInto('survey_responses')
          .values({
            call_id: id,
            agent_id: agent,
            survey_id: 'service',
            call_type: 'booking',
            channel: 'link',
            answers: JSON.stringify({ csat, resolved: n % 2 === 0, effort: 2, comment }),
            csat,
            resolved: n % 2 === 0 ? 1 : 0,
            effort: 2,
            comment,
            lang: 'en',
            submitted_at: at(daysAgo, 30),
          })
          .execute();
      }
    }
    // Last fortnight's session, signed, with an action still open: reviewed first next time.
    const session = randomUUID();
    await trx
      .insertInto('reflection_sessions')
      .values({
        id: session,
        agent_id: agent,
        lead_id: lead,
        days: 14,
        from: at(27),
        to: at(13),
        agenda: '[]',
        version: 1,
        status: 'signed',
        started_at: at(13),
        signed_by_agent_at: at(13, 40),
        signed_by_lead_at: at(13, 40),
      })
      .execute();
    await trx
      .insertInto('reflection_actions')
      .values({
        id: randomUUID(),
        session_id: session,
        agent_id: agent,
        text: 'Recap dates and the reference number before closing a booking',
        item_id: BLIND_SPOT,
        owner: 'agent',
        due: at(-2).slice(0, 10),
        status: 'open',
        created_at: at(13, 30),
        closed_at: null,
        reviewed_in_session_id: null,
      })
      .execute();
  });
}
