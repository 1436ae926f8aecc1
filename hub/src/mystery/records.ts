import {
  CallerProfileSchema,
  type Caller,
  type MysteryAssignment,
  type MysteryReport,
  type Programme,
  type Rating,
  type Scenario,
  type ScoreResult,
  type Wave,
  type WavePlan,
} from '@sidecoach/shared';
import type { Db } from '../store/db.js';
import type { Trx } from '../lib/jobs.js';
import type {
  MysteryAssignmentRow,
  MysteryProgrammeRow,
  MysteryReportRow,
  MysteryWaveRow,
} from '../store/schema.js';

// Reads of mystery-call programmes, and rows as the protocol shows them to whom. A caller's
// view of an assignment or a report never holds a team (id or name), an agent or a call.

type Reader = Db | Trx;

/** Who is looking: a quality manager sees everything; a caller their own, without team data. */
export interface Viewer {
  id: string;
  manager: boolean;
}

const json = <T>(text: string): T => JSON.parse(text) as T;

// ---- callers ----

export async function callers(db: Reader, ids?: readonly string[]): Promise<Caller[]> {
  if (ids?.length === 0) return [];
  let query = db
    .selectFrom('mystery_callers as c')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.disabled',
      'u.created_at',
      'c.email',
      'c.phones',
      'c.region',
      'c.age_band',
      'c.language',
    ])
    .where('u.role', '=', 'caller')
    .orderBy('u.display_name')
    .orderBy('u.username');
  if (ids) query = query.where('u.id', 'in', ids);
  const rows = await query.execute();
  const grades = rows.length
    ? await db
        .selectFrom('mystery_reports as r')
        .innerJoin('mystery_assignments as a', 'a.id', 'r.assignment_id')
        .select((eb) => [
          'r.caller_id',
          eb.fn.countAll<number>().as('approved'),
          eb.fn.avg<number | string>('r.grade').as('mean_grade'),
        ])
        .where('a.status', '=', 'approved')
        .where(
          'r.caller_id',
          'in',
          rows.map((r) => r.id),
        )
        .groupBy('r.caller_id')
        .execute()
    : [];
  const byCaller = new Map(grades.map((g) => [g.caller_id, g]));
  return rows.map((r) => {
    const g = byCaller.get(r.id);
    const mean =
      g?.mean_grade === null || g?.mean_grade === undefined ? null : Number(g.mean_grade);
    return {
      id: r.id,
      username: r.username,
      displayName: r.display_name,
      email: r.email,
      phones: json<string[]>(r.phones),
      profile: CallerProfileSchema.parse({
        region: r.region,
        ageBand: r.age_band,
        language: r.language,
      }),
      disabled: r.disabled === 1,
      approved: Number(g?.approved ?? 0),
      meanGrade: mean === null ? null : Math.round(mean * 100) / 100,
      createdAt: r.created_at,
    };
  });
}

/** A caller's profile and numbers, enabled or not; undefined for anyone who is not a caller. */
export async function callerProfile(db: Reader, userId: string) {
  const row = await db
    .selectFrom('mystery_callers as c')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .select(['c.region', 'c.age_band', 'c.language', 'c.phones', 'u.disabled', 'u.display_name'])
    .where('c.user_id', '=', userId)
    .where('u.role', '=', 'caller')
    .executeTakeFirst();
  return (
    row && {
      profile: CallerProfileSchema.parse({
        region: row.region,
        ageBand: row.age_band,
        language: row.language,
      }),
      phones: json<string[]>(row.phones),
      disabled: row.disabled === 1,
      name: row.display_name,
    }
  );
}

// ---- programmes ----

export const programmeRow = (db: Reader, id: string) =>
  db.selectFrom('mystery_programmes').selectAll().where('id', '=', id).executeTakeFirst();

export async function toProgrammes(db: Reader, rows: MysteryProgrammeRow[]): Promise<Programme[]> {
  if (rows.length === 0) return [];
  const counts = await db
    .selectFrom('mystery_waves')
    .select((eb) => ['programme_id', eb.fn.countAll<number>().as('n')])
    .where(
      'programme_id',
      'in',
      rows.map((r) => r.id),
    )
    .groupBy('programme_id')
    .execute();
  const waves = new Map(counts.map((c) => [c.programme_id, Number(c.n)]));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    objective: r.objective,
    competitor: r.competitor,
    packId: r.pack_id,
    packVersion: r.pack_version,
    itemIds: json<string[]>(r.item_ids),
    ratings: json<Rating[]>(r.ratings),
    definitions: json<Record<string, string>>(r.definitions),
    target: Number(r.target),
    active: r.active === 1,
    waves: waves.get(r.id) ?? 0,
    updatedAt: r.updated_at,
  }));
}

export async function programmes(db: Reader): Promise<Programme[]> {
  const rows = await db
    .selectFrom('mystery_programmes')
    .selectAll()
    .orderBy('active', 'desc')
    .orderBy('name')
    .execute();
  return toProgrammes(db, rows);
}

// ---- waves ----

export const waveRow = (db: Reader, id: string) =>
  db.selectFrom('mystery_waves').selectAll().where('id', '=', id).executeTakeFirst();

/** The wave's stored settings, parsed. */
export function waveSettings(row: MysteryWaveRow) {
  return {
    teamIds: json<string[]>(row.team_ids),
    numbers: json<Record<string, string>>(row.numbers),
    scenarios: json<Scenario[]>(row.scenarios),
    profileMix: json<Wave['profileMix']>(row.profile_mix),
    plan: json<WavePlan>(row.plan),
  };
}

export async function toWaves(db: Reader, rows: MysteryWaveRow[]): Promise<Wave[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [names, states] = await Promise.all([
    db
      .selectFrom('mystery_programmes')
      .select(['id', 'name'])
      .where('id', 'in', [...new Set(rows.map((r) => r.programme_id))])
      .execute(),
    db
      .selectFrom('mystery_assignments')
      .select((eb) => ['wave_id', 'status', eb.fn.countAll<number>().as('n')])
      .where('wave_id', 'in', ids)
      .groupBy(['wave_id', 'status'])
      .execute(),
  ]);
  const programmeName = new Map(names.map((n) => [n.id, n.name]));
  return rows.map((r) => {
    const s = waveSettings(r);
    const count = (...statuses: string[]) =>
      states
        .filter((x) => x.wave_id === r.id && statuses.includes(x.status))
        .reduce((sum, x) => sum + Number(x.n), 0);
    return {
      id: r.id,
      programmeId: r.programme_id,
      programmeName: programmeName.get(r.programme_id) ?? '',
      name: r.name,
      from: r.from_day,
      to: r.to_day,
      teamIds: s.teamIds,
      numbers: s.numbers,
      calls: r.calls,
      scenarios: s.scenarios,
      perTeamMax: r.per_team_max,
      perAgentMax: r.per_agent_max,
      callerGapDays: r.caller_gap_days,
      profileMix: s.profileMix,
      confidence: Number(r.confidence),
      margin: Number(r.margin),
      status: r.status,
      plan: s.plan,
      counts: {
        open: count('open'),
        claimed: count('claimed'),
        // Filed and waiting: for the manager's review, or returned to the caller with a question.
        reported: count('reported', 'returned'),
        approved: count('approved'),
        rejected: count('rejected'),
      },
      resultsReleasedAt: r.released_at,
      updatedAt: r.updated_at,
    };
  });
}

export async function wave(db: Reader, id: string): Promise<Wave | undefined> {
  const row = await waveRow(db, id);
  return row && (await toWaves(db, [row]))[0];
}

// ---- assignments ----

export const assignmentRow = (db: Reader, id: string) =>
  db.selectFrom('mystery_assignments').selectAll().where('id', '=', id).executeTakeFirst();

/** Assignments as the viewer may see them (a caller: the number to call, no team). */
export async function toAssignments(
  db: Reader,
  rows: MysteryAssignmentRow[],
  viewer: Viewer,
): Promise<MysteryAssignment[]> {
  if (rows.length === 0) return [];
  const waveIds = [...new Set(rows.map((r) => r.wave_id))];
  const [waves, teams, people, notes] = await Promise.all([
    db.selectFrom('mystery_waves').selectAll().where('id', 'in', waveIds).execute(),
    // Names for a manager only; the floor's time zone for everyone (a zone names no team).
    db
      .selectFrom('teams')
      .select(['id', 'name', 'time_zone'])
      .where('id', 'in', [...new Set(rows.map((r) => r.team_id))])
      .execute(),
    db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('id', 'in', [
        '',
        ...new Set(rows.flatMap((r) => (r.caller_id === null ? [] : [r.caller_id]))),
      ])
      .execute(),
    db
      .selectFrom('mystery_reports')
      .select(['assignment_id', 'review_note'])
      .where(
        'assignment_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute(),
  ]);
  const settings = new Map(waves.map((w) => [w.id, waveSettings(w)]));
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const teamZone = new Map(teams.map((t) => [t.id, t.time_zone]));
  const name = new Map(people.map((p) => [p.id, p.display_name]));
  const note = new Map(notes.map((n) => [n.assignment_id, n.review_note]));
  return rows.map((r) => {
    const s = settings.get(r.wave_id)!;
    const scenario = s.scenarios.find((x) => x.id === r.scenario_id)!;
    const decided = r.status === 'returned' || r.status === 'rejected' || r.status === 'approved';
    return {
      id: r.id,
      waveId: r.wave_id,
      teamId: viewer.manager ? r.team_id : null,
      teamName: viewer.manager ? (teamName.get(r.team_id) ?? null) : null,
      numberToCall: s.numbers[r.team_id] ?? null,
      zone: teamZone.get(r.team_id),
      scenario,
      windowFrom: r.window_from,
      windowTo: r.window_to,
      dayPart: r.day_part,
      weekend: r.weekend === 1,
      profile: json<MysteryAssignment['profile']>(r.profile),
      callerId: r.caller_id,
      callerName: r.caller_id === null ? null : (name.get(r.caller_id) ?? null),
      status: r.status,
      reviewNote: decided ? (note.get(r.id) ?? null) : null,
    };
  });
}

export async function assignmentView(
  db: Reader,
  id: string,
  viewer: Viewer,
): Promise<MysteryAssignment | undefined> {
  const row = await assignmentRow(db, id);
  return row && (await toAssignments(db, [row], viewer))[0];
}

// ---- reports ----

export const reportRow = (db: Reader, assignmentId: string) =>
  db
    .selectFrom('mystery_reports')
    .selectAll()
    .where('assignment_id', '=', assignmentId)
    .executeTakeFirst();

const NO_MATCH: MysteryReport['match'] = {
  method: 'none',
  callId: null,
  agentId: null,
  agentName: null,
  candidates: [],
  recordingUrl: null,
};

/** Reports as the viewer may see them: to the caller, nothing of the call it was matched to. */
export async function toReports(
  db: Reader,
  rows: MysteryReportRow[],
  viewer: Viewer,
): Promise<MysteryReport[]> {
  if (rows.length === 0) return [];
  const candidateIds = viewer.manager ? rows.flatMap((r) => json<string[]>(r.candidates)) : [];
  const callIds = viewer.manager
    ? [...new Set([...rows.flatMap((r) => (r.call_id ? [r.call_id] : [])), ...candidateIds])]
    : [];
  const agentIds = viewer.manager ? rows.flatMap((r) => (r.agent_id ? [r.agent_id] : [])) : [];
  const [calls, people] = await Promise.all([
    callIds.length
      ? db
          .selectFrom('calls')
          .innerJoin('users', 'users.id', 'calls.agent_id')
          .select([
            'calls.id',
            'calls.started_at',
            'calls.duration_ms',
            'calls.recording_url',
            'users.display_name',
          ])
          .where('calls.id', 'in', callIds)
          .execute()
      : Promise.resolve([]),
    db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('id', 'in', ['', ...new Set([...rows.map((r) => r.caller_id), ...agentIds])])
      .execute(),
  ]);
  const call = new Map(calls.map((c) => [c.id, c]));
  const name = new Map(people.map((p) => [p.id, p.display_name]));
  return rows.map((r) => {
    const matched = r.call_id ? call.get(r.call_id) : undefined;
    const match: MysteryReport['match'] = viewer.manager
      ? {
          method: r.match_method,
          callId: r.call_id,
          agentId: r.agent_id,
          agentName: r.agent_id ? (name.get(r.agent_id) ?? null) : null,
          candidates: json<string[]>(r.candidates).flatMap((id) => {
            const c = call.get(id);
            return c
              ? [
                  {
                    callId: id,
                    agentName: c.display_name,
                    startedAt: c.started_at,
                    durationMs: c.duration_ms,
                  },
                ]
              : [];
          }),
          recordingUrl: matched?.recording_url ?? null,
        }
      : NO_MATCH;
    return {
      assignmentId: r.assignment_id,
      waveId: r.wave_id,
      callerId: r.caller_id,
      callerName: name.get(r.caller_id) ?? '',
      calledAt: r.called_at,
      calledNumber: r.called_number,
      fromNumber: r.from_number,
      agentNameHeard: r.agent_name_heard,
      answers: json<MysteryReport['answers']>(r.answers),
      comments: json<Record<string, string>>(r.comments),
      ratings: json<Record<string, number>>(r.ratings),
      impression: r.impression,
      reply: r.reply,
      score: r.score === null ? null : json<ScoreResult>(r.score),
      submittedAt: r.submitted_at,
      match,
      overAgentLimit: viewer.manager && r.over_agent_limit === 1,
      grade: r.grade,
      reviewNote: r.review_note,
      reviewedAt: r.reviewed_at,
    };
  });
}

export async function reportView(
  db: Reader,
  assignmentId: string,
  viewer: Viewer,
): Promise<MysteryReport | null> {
  const row = await reportRow(db, assignmentId);
  return row ? (await toReports(db, [row], viewer))[0]! : null;
}
