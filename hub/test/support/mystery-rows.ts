// Mystery-call rows written straight into a hub's database (beside the running hub), for the
// tests of what other features leave out because of mystery calls: a caller with registered
// numbers, a programme, a wave (released or not), and an assignment with its report in any
// review state, matched to a call or not. The mystery capability's own events are tested in
// mystery.test.ts; these tests need the rows in exact states, and fast.
import { randomUUID } from 'node:crypto';
import {
  phoneKey,
  scoreScorecard,
  usernameKey,
  type Answer,
  type StandardsPack,
} from '@sidecoach/shared';
import { insertCallerProfile } from '../../src/lib/mystery-callers.js';
import type { Db } from '../../src/store/db.js';

type AssignmentStatus = 'open' | 'claimed' | 'reported' | 'returned' | 'approved' | 'rejected';

const now = () => new Date().toISOString();

/** A mystery caller (role 'caller', no team) with the numbers they call from. */
export async function addCaller(
  db: Db,
  caller: { username: string; displayName: string; phones: string[] },
): Promise<string> {
  const id = randomUUID();
  const at = now();
  await db
    .insertInto('users')
    .values({
      id,
      username: caller.username,
      username_key: usernameKey(caller.username),
      display_name: caller.displayName,
      role: 'caller',
      password_hash: '!',
      created_at: at,
    })
    .execute();
  await insertCallerProfile(
    db,
    id,
    { phones: caller.phones, profile: { region: 'London', ageBand: '30-44', language: 'en' } },
    at,
  );
  return id;
}

/** A training programme on the pack's booking scorecard, and one wave of it. */
export async function addWave(
  db: Db,
  pack: StandardsPack,
  wave: { name: string; teamIds: string[]; released: boolean },
): Promise<string> {
  const programmeId = randomUUID();
  const waveId = randomUUID();
  const at = now();
  await db
    .insertInto('mystery_programmes')
    .values({
      id: programmeId,
      name: `${wave.name} programme`,
      objective: 'training',
      competitor: null,
      pack_id: pack.id,
      pack_version: pack.version,
      item_ids: '[]',
      ratings: JSON.stringify([{ id: 'welcome', label: { en: 'I felt welcome' } }]),
      definitions: '{}',
      target: 85,
      created_by: null,
      created_at: at,
      updated_by: null,
      updated_at: at,
    })
    .execute();
  const day = at.slice(0, 10);
  await db
    .insertInto('mystery_waves')
    .values({
      id: waveId,
      programme_id: programmeId,
      name: wave.name,
      from_day: day,
      to_day: day,
      team_ids: JSON.stringify(wave.teamIds),
      numbers: JSON.stringify(Object.fromEntries(wave.teamIds.map((t) => [t, '+44 20 7946 0000']))),
      calls: 10,
      scenarios: JSON.stringify([
        {
          id: 'booking-dates',
          callType: 'booking',
          title: 'Change the dates',
          brief: 'Move a booking.',
          answers: '',
          tests: '',
        },
      ]),
      per_team_max: 10,
      per_agent_max: 3,
      caller_gap_days: 30,
      profile_mix: '{}',
      confidence: 0.95,
      margin: 0.05,
      plan: '{}',
      status: 'live',
      seed: randomUUID(),
      launched_at: at,
      closed_at: null,
      released_at: wave.released ? at : null,
      released_by: null,
      created_by: null,
      created_at: at,
      updated_by: null,
      updated_at: at,
    })
    .execute();
  return waveId;
}

export const releaseWave = (db: Db, waveId: string) =>
  db
    .updateTable('mystery_waves')
    .set({ released_at: now(), status: 'closed' })
    .where('id', '=', waveId)
    .execute();

/**
 * An assignment of the wave and its caller's report in the given state, matched to the call (and
 * its agent) when one is given. Answers are the caller's; unanswered scorecard items are N/A.
 */
export async function addReport(
  db: Db,
  pack: StandardsPack,
  r: {
    waveId: string;
    teamId: string;
    callerId: string;
    status: AssignmentStatus;
    call: { id: string; agentId: string; startedAt: string } | null;
    calledAt?: string;
    fromNumber?: string;
    answers?: Record<string, Answer>;
    comments?: Record<string, string>;
    ratings?: Record<string, number>;
    impression?: string;
  },
): Promise<string> {
  const id = randomUUID();
  const at = now();
  const calledAt = r.calledAt ?? r.call?.startedAt ?? at;
  const slot = await db
    .selectFrom('mystery_assignments')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('wave_id', '=', r.waveId)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('mystery_assignments')
    .values({
      id,
      wave_id: r.waveId,
      slot: Number(slot.n) + 1,
      team_id: r.teamId,
      scenario_id: 'booking-dates',
      call_type: 'booking',
      day: calledAt.slice(0, 10),
      window_from: calledAt,
      window_to: calledAt,
      day_part: 'afternoon',
      weekend: 0,
      profile: '{}',
      caller_id: r.callerId,
      status: r.status,
      claimed_at: at,
      assigned_by: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  if (r.status === 'claimed' || r.status === 'open') return id;
  const answers = r.answers ?? {};
  const fromNumber = r.fromNumber ?? '+44 20 7946 0999';
  await db
    .insertInto('mystery_reports')
    .values({
      assignment_id: id,
      wave_id: r.waveId,
      caller_id: r.callerId,
      called_at: calledAt,
      called_number: '+44 20 7946 0000',
      from_number: fromNumber,
      from_key: phoneKey(fromNumber),
      answers: JSON.stringify(answers),
      comments: JSON.stringify(r.comments ?? {}),
      ratings: JSON.stringify(r.ratings ?? {}),
      impression: r.impression ?? '',
      score: JSON.stringify(scoreScorecard(pack, 'booking', answers)),
      match_method: r.call ? 'manual' : 'none',
      call_id: r.call?.id ?? null,
      agent_id: r.call?.agentId ?? null,
      grade: r.status === 'approved' ? 4 : null,
      review_note: null,
      reviewed_at: r.status === 'reported' ? null : at,
      reviewed_by: null,
      submitted_at: at,
      saved_at: at,
      created_at: at,
    })
    .execute();
  return id;
}

/** Matches an existing report to a call afterwards (as the manager does by hand). */
export const matchReport = (db: Db, assignmentId: string, call: { id: string; agentId: string }) =>
  db
    .updateTable('mystery_reports')
    .set({ call_id: call.id, agent_id: call.agentId, match_method: 'manual' })
    .where('assignment_id', '=', assignmentId)
    .execute();
