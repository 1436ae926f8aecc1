import { randomUUID } from 'node:crypto';
import {
  assignmentsFor,
  callerConflicts,
  phoneKey,
  samePhone,
  UiLanguageSchema,
  usernameKey,
  type CallerSaveSchema,
  type ErrorBody,
  type ProgrammeSaveSchema,
  type StandardsPack,
} from '@sidecoach/shared';
import type { z } from 'zod';
import { recordAudit } from '../lib/audit.js';
import { insertUser } from '../lib/accounts.js';
import type { Job, Trx } from '../lib/jobs.js';
import { issueCode } from '../lib/one-time-codes.js';
import { revokeUserSessions } from '../lib/sessions.js';
import { nowIso } from '../store/db.js';
import { forUpdate } from '../store/dialect.js';
import type { MysteryWaveRow } from '../store/schema.js';
import { planOf, type WaveInput } from './plan.js';
import { waveSettings } from './records.js';

// The writes of mystery-call programmes, as inbox jobs (committed before they are acknowledged),
// each audited in its own transaction. Each reads again, in the job, the rows it changes (the
// wave locked on PostgreSQL): two managers launching one wave at once launch it once.

export type Outcome<T> = { ok: T } | { error: ErrorBody };
export const refused = <T>(code: ErrorBody['code'], message: string, problems?: string[]) => ({
  result: { error: problems ? { code, message, problems } : { code, message } } as Outcome<T>,
  messages: [],
});
export const done = <T>(value: T) => ({ result: { ok: value } as Outcome<T>, messages: [] });

type CallerInput = z.output<typeof CallerSaveSchema>;
type ProgrammeInput = z.output<typeof ProgrammeSaveSchema>;

const lockedWave = (trx: Trx, id: string) =>
  forUpdate(
    trx,
    trx.selectFrom('mystery_waves').selectAll().where('id', '=', id),
  ).executeTakeFirst();

// ---- callers ----

/** The centre's internal numbers: the active survey pack's excluded numbers (prefixes end "*"). */
async function internalNumbers(trx: Trx): Promise<string[]> {
  const row = await trx
    .selectFrom('survey_packs')
    .select('definition')
    .orderBy('version', 'desc')
    .executeTakeFirst();
  const pack = row ? (JSON.parse(row.definition) as { excludedNumbers?: string[] }) : {};
  return pack.excludedNumbers ?? [];
}

/**
 * Why a would-be caller cannot be one: shared callerConflicts against every staff account
 * (enabled or not) and the internal numbers; a number in an internal range ("+3716*"); a number
 * another caller registered (one caller per number: it is how calls are matched).
 */
async function callerProblems(trx: Trx, input: CallerInput, id: string | undefined) {
  const staff = await trx
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'extension', 'disabled'])
    .where('role', '!=', 'caller')
    .execute();
  const internal = await internalNumbers(trx);
  const exact = internal.filter((n) => !n.endsWith('*'));
  const ranges = internal.filter((n) => n.endsWith('*')).map((n) => n.slice(0, -1));
  const problems = callerConflicts(
    input,
    staff.map((s) => ({
      id: s.id,
      username: s.username,
      displayName: s.display_name,
      extension: s.extension,
      disabled: s.disabled === 1,
    })),
    exact,
  );
  const digits = (n: string) => n.replace(/[^0-9+]/g, '');
  for (const phone of input.phones)
    for (const range of ranges)
      if (digits(phone).startsWith(digits(range)))
        problems.push(`The phone ${phone} is in the centre's internal range ${range}*.`);
  const others = await trx
    .selectFrom('mystery_caller_phones')
    .innerJoin('users', 'users.id', 'mystery_caller_phones.user_id')
    .select(['mystery_caller_phones.phone', 'users.username'])
    .where('mystery_caller_phones.user_id', '!=', id ?? '')
    .execute();
  for (const phone of input.phones)
    for (const other of others)
      if (samePhone(phone, other.phone))
        problems.push(`The phone ${phone} is registered to the caller "${other.username}".`);
  return problems;
}

async function setPhones(trx: Trx, userId: string, phones: string[]) {
  await trx.deleteFrom('mystery_caller_phones').where('user_id', '=', userId).execute();
  const byKey = new Map(phones.map((p) => [phoneKey(p), p]));
  for (const [key, phone] of byKey)
    if (key !== '')
      await trx
        .insertInto('mystery_caller_phones')
        .values({ phone_key: key, user_id: userId, phone })
        .execute();
}

export interface CallerSavedJob {
  id: string;
  code: { code: string; expiresAt: string } | null;
  /** The caller's sessions to close (disabled, or the username changed). */
  affected: string[];
}

/** Creates a caller (with a one-time code for the first sign-in) or changes one. */
export function saveCaller(
  actorId: string,
  input: CallerInput,
  codeHours: number,
): Job<Outcome<CallerSavedJob>> {
  return async (trx) => {
    const before = input.id
      ? await trx.selectFrom('users').selectAll().where('id', '=', input.id).executeTakeFirst()
      : undefined;
    if (input.id && before?.role !== 'caller')
      return refused('not_found', `no mystery caller ${input.id}`);
    const key = usernameKey(input.username);
    const taken = await trx
      .selectFrom('users')
      .select(['id', 'role'])
      .where((eb) => eb.or([eb('username_key', '=', key), eb('username', '=', input.username)]))
      .execute();
    if (taken.some((t) => t.id !== input.id && t.role === 'caller'))
      return refused('conflict', `the username ${input.username} is taken`);
    const problems = await callerProblems(trx, input, input.id);
    if (problems.length > 0)
      return refused(
        'bad_request',
        `a mystery caller is never the centre's staff: ${problems.join(' ')}`,
        problems,
      );
    const now = nowIso();
    const id = input.id ?? randomUUID();
    const profile = {
      region: input.profile.region,
      age_band: input.profile.ageBand,
      language: input.profile.language,
      phones: JSON.stringify(input.phones),
      email: input.email,
      updated_at: now,
    };
    const lang = UiLanguageSchema.safeParse(input.profile.language);
    let code: CallerSavedJob['code'] = null;
    const affected: string[] = [];
    if (!before) {
      await insertUser(trx, id, {
        username: input.username,
        displayName: input.displayName,
        role: 'caller',
        defaultLang: lang.success ? lang.data : null,
      });
      if (input.disabled)
        await trx.updateTable('users').set({ disabled: 1 }).where('id', '=', id).execute();
      await trx
        .insertInto('mystery_callers')
        .values({ user_id: id, ...profile, declared_at: now, created_by: actorId, created_at: now })
        .execute();
      if (!input.disabled) code = await issueCode(trx, id, actorId, codeHours);
    } else {
      await trx
        .updateTable('users')
        .set({
          username: input.username,
          username_key: key,
          display_name: input.displayName,
          disabled: input.disabled ? 1 : 0,
        })
        .where('id', '=', id)
        .execute();
      await trx.updateTable('mystery_callers').set(profile).where('user_id', '=', id).execute();
      if (input.disabled && before.disabled === 0) {
        await revokeUserSessions(trx, id);
        // Calls they claimed and did not make go back on the board.
        await trx
          .updateTable('mystery_assignments')
          .set({ caller_id: null, status: 'open', claimed_at: null, updated_at: now })
          .where('caller_id', '=', id)
          .where('status', '=', 'claimed')
          .execute();
      }
      if (input.disabled !== (before.disabled === 1) || input.username !== before.username)
        affected.push(id);
    }
    await setPhones(trx, id, input.phones);
    await recordAudit(trx, {
      actorId,
      action: !before
        ? 'mystery.caller-create'
        : input.disabled && before.disabled === 0
          ? 'mystery.caller-disable'
          : 'mystery.caller-update',
      targetType: 'user',
      targetId: id,
      before: before && { username: before.username, displayName: before.display_name },
      after: {
        username: input.username,
        displayName: input.displayName,
        phones: input.phones,
        profile: input.profile,
        disabled: input.disabled,
      },
    });
    return done({ id, code: code && { code: code.code, expiresAt: code.expiresAt }, affected });
  };
}

// ---- programmes ----

/** Creates or changes a programme; its questionnaire is fixed once a wave of it has launched. */
export function saveProgramme(
  actorId: string,
  input: ProgrammeInput,
  pack: StandardsPack,
  itemIds: string[],
): Job<Outcome<{ changed: boolean }>> {
  return async (trx) => {
    const before = await trx
      .selectFrom('mystery_programmes')
      .selectAll()
      .where('id', '=', input.id)
      .executeTakeFirst();
    const now = nowIso();
    const values = {
      name: input.name,
      objective: input.objective,
      competitor: input.objective === 'competitor' ? input.competitor : null,
      pack_id: pack.id,
      pack_version: pack.version,
      item_ids: JSON.stringify(itemIds),
      ratings: JSON.stringify(input.ratings),
      definitions: JSON.stringify(input.definitions),
      target: input.target,
      active: input.active ? 1 : 0,
      updated_by: actorId,
      updated_at: now,
    };
    if (before) {
      const questionnaireChanged =
        before.pack_version !== pack.version ||
        before.item_ids !== values.item_ids ||
        before.ratings !== values.ratings;
      const launched = await trx
        .selectFrom('mystery_waves')
        .select('id')
        .where('programme_id', '=', input.id)
        .where('status', '!=', 'draft')
        .executeTakeFirst();
      if (questionnaireChanged && launched)
        return refused(
          'conflict',
          'a wave of this programme has been launched: its scorecard version, items and ratings are final (start a new programme to change them)',
        );
      await trx.updateTable('mystery_programmes').set(values).where('id', '=', input.id).execute();
    } else
      await trx
        .insertInto('mystery_programmes')
        .values({ id: input.id, ...values, created_by: actorId, created_at: now })
        .execute();
    await recordAudit(trx, {
      actorId,
      action: before ? 'mystery.programme-update' : 'mystery.programme-create',
      targetType: 'mystery',
      targetId: input.id,
      before: before && { name: before.name, target: before.target, active: before.active === 1 },
      after: { name: values.name, objective: values.objective, target: values.target, itemIds },
    });
    return done({ changed: true });
  };
}

// ---- waves ----

function waveValues(input: WaveInput, plan: unknown) {
  return {
    programme_id: input.programmeId,
    name: input.name,
    from_day: input.from,
    to_day: input.to,
    team_ids: JSON.stringify([...new Set(input.teamIds)]),
    numbers: JSON.stringify(
      Object.fromEntries(input.teamIds.map((t) => [t, input.numbers[t]!] as const)),
    ),
    calls: input.calls,
    scenarios: JSON.stringify(input.scenarios),
    per_team_max: input.perTeamMax,
    per_agent_max: input.perAgentMax,
    caller_gap_days: input.callerGapDays,
    profile_mix: JSON.stringify(input.profileMix),
    confidence: input.confidence,
    margin: input.margin,
    plan: JSON.stringify(plan),
  };
}

/** The wave as saved, for planning it again (launch). */
export function waveInputOf(row: MysteryWaveRow): WaveInput {
  const s = waveSettings(row);
  return {
    id: row.id,
    programmeId: row.programme_id,
    name: row.name,
    from: row.from_day,
    to: row.to_day,
    teamIds: s.teamIds,
    numbers: s.numbers,
    calls: row.calls,
    scenarios: s.scenarios,
    perTeamMax: row.per_team_max,
    perAgentMax: row.per_agent_max,
    callerGapDays: row.caller_gap_days,
    profileMix: s.profileMix,
    confidence: Number(row.confidence) as WaveInput['confidence'],
    margin: Number(row.margin),
  };
}

/** Saves a draft wave with its plan (a launched wave is final). */
export function saveWave(
  actorId: string,
  input: WaveInput,
  pack: StandardsPack,
): Job<Outcome<{ changed: boolean }>> {
  return async (trx) => {
    const programme = await trx
      .selectFrom('mystery_programmes')
      .select(['id', 'active'])
      .where('id', '=', input.programmeId)
      .executeTakeFirst();
    if (!programme) return refused('not_found', `no programme ${input.programmeId}`);
    if (programme.active !== 1)
      return refused('conflict', 'the programme is not active: make it active to plan waves');
    const before = await lockedWave(trx, input.id);
    if (before && before.status !== 'draft')
      return refused('conflict', `the wave has been launched (${before.status}): it is final`);
    const planned = await planOf(trx, pack, input);
    if (!planned.ok) return refused(planned.code, planned.message);
    const now = nowIso();
    const values = { ...waveValues(input, planned.plan), updated_by: actorId, updated_at: now };
    if (before)
      await trx.updateTable('mystery_waves').set(values).where('id', '=', input.id).execute();
    else
      await trx
        .insertInto('mystery_waves')
        .values({
          id: input.id,
          ...values,
          status: 'draft',
          seed: null,
          launched_at: null,
          closed_at: null,
          released_at: null,
          released_by: null,
          created_by: actorId,
          created_at: now,
        })
        .execute();
    await recordAudit(trx, {
      actorId,
      action: before ? 'mystery.wave-update' : 'mystery.wave-create',
      targetType: 'mystery',
      targetId: input.id,
      before: before && { name: before.name, calls: before.calls, from: before.from_day },
      after: { name: input.name, calls: input.calls, from: input.from, to: input.to },
    });
    return done({ changed: true });
  };
}

/** Assignments are inserted this many at a time (a wave may have thousands). */
const INSERT_BATCH = 200;

/**
 * Launches a draft wave: planned again on the real mix of now, its assignments drawn with a new
 * seed kept on the wave (shared assignmentsFor: reproducible from it), all in one transaction.
 * Launching a live wave again changes nothing.
 */
export function launchWave(
  actorId: string,
  waveId: string,
  pack: StandardsPack,
  now = new Date(),
): Job<Outcome<{ changed: boolean }>> {
  return async (trx) => {
    const row = await lockedWave(trx, waveId);
    if (!row) return refused('not_found', `no wave ${waveId}`);
    if (row.status === 'live') return done({ changed: false });
    if (row.status === 'closed') return refused('conflict', 'the wave is closed');
    const input = waveInputOf(row);
    const planned = await planOf(trx, pack, input, now);
    if (!planned.ok) return refused(planned.code, planned.message);
    const seed = randomUUID();
    const calls = assignmentsFor(planned.input, planned.plan, seed);
    if (!calls.some((c) => Date.parse(c.windowTo) > now.getTime()))
      return refused('bad_request', 'every call window of the wave has passed: change its dates');
    const used = new Map<string, number>();
    const at = nowIso();
    const rows = calls.map((c, slot) => {
      // Scenarios of the same call type take turns.
      const kinds = input.scenarios.filter((s) => s.callType === c.callType);
      const turn = used.get(c.callType) ?? 0;
      used.set(c.callType, turn + 1);
      return {
        id: randomUUID(),
        wave_id: waveId,
        slot,
        team_id: c.teamId,
        scenario_id: kinds[turn % kinds.length]!.id,
        call_type: c.callType,
        day: c.day,
        window_from: c.windowFrom,
        window_to: c.windowTo,
        day_part: c.dayPart,
        weekend: c.weekend ? 1 : 0,
        profile: JSON.stringify(c.profile),
        caller_id: null,
        status: 'open' as const,
        claimed_at: null,
        assigned_by: null,
        created_at: at,
        updated_at: at,
      };
    });
    for (let i = 0; i < rows.length; i += INSERT_BATCH)
      await trx
        .insertInto('mystery_assignments')
        .values(rows.slice(i, i + INSERT_BATCH))
        .execute();
    await trx
      .updateTable('mystery_waves')
      .set({
        status: 'live',
        seed,
        plan: JSON.stringify(planned.plan),
        launched_at: at,
        updated_by: actorId,
        updated_at: at,
      })
      .where('id', '=', waveId)
      .execute();
    await recordAudit(trx, {
      actorId,
      action: 'mystery.wave-launch',
      targetType: 'mystery',
      targetId: waveId,
      after: { seed, assignments: rows.length },
    });
    return done({ changed: true });
  };
}

/** Closes a live wave: nothing more is claimed; calls already claimed may still be reported. */
export function closeWave(actorId: string, waveId: string): Job<Outcome<{ changed: boolean }>> {
  return async (trx) => {
    const row = await lockedWave(trx, waveId);
    if (!row) return refused('not_found', `no wave ${waveId}`);
    if (row.status === 'closed') return done({ changed: false });
    if (row.status === 'draft') return refused('conflict', 'the wave has not been launched');
    const at = nowIso();
    await trx
      .updateTable('mystery_waves')
      .set({ status: 'closed', closed_at: at, updated_by: actorId, updated_at: at })
      .where('id', '=', waveId)
      .execute();
    await recordAudit(trx, {
      actorId,
      action: 'mystery.wave-close',
      targetType: 'mystery',
      targetId: waveId,
    });
    return done({ changed: true });
  };
}

/**
 * Releases a closed wave's results to its agents (their reflective sessions show the approved
 * calls from then on); before this, no agent payload says a call was a mystery call.
 */
export function releaseWave(actorId: string, waveId: string): Job<Outcome<{ changed: boolean }>> {
  return async (trx) => {
    const row = await lockedWave(trx, waveId);
    if (!row) return refused('not_found', `no wave ${waveId}`);
    if (row.released_at !== null) return done({ changed: false });
    if (row.status !== 'closed')
      return refused(
        'conflict',
        'close the wave first: releasing results while calls are still made would tell agents which calls were mystery calls',
      );
    const at = nowIso();
    await trx
      .updateTable('mystery_waves')
      .set({ released_at: at, released_by: actorId, updated_by: actorId, updated_at: at })
      .where('id', '=', waveId)
      .execute();
    await recordAudit(trx, {
      actorId,
      action: 'mystery.release',
      targetType: 'mystery',
      targetId: waveId,
    });
    return done({ changed: true });
  };
}
