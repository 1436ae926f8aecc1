import {
  calibrationTrends,
  fail,
  ok,
  scoreScorecard,
  scorecardFor,
  sessionFigures,
  type AckResponse,
  type CalibrationOpened,
  type CalibrationSession,
  type StandardsPack,
  type TrendSessionInput,
} from '@sidecoach/shared';
import { userRoom, type HubContext } from '../lib/context.js';
import { handlers } from '../lib/handlers.js';
import type { Job } from '../lib/jobs.js';
import { notMysteryCall } from '../lib/mystery-calls.js';
import { canCoach, coachedAgentIds, type AuthUser } from '../lib/people.js';
import { saveProblems } from './checks.js';
import type { Outcome } from './jobs.js';
import { callRow } from './records.js';
import { isAdmin } from './policy.js';
import type { CalibrationSessionRow } from '../store/schema.js';
import {
  closeSession,
  createSession,
  revealSession,
  saveSheet,
  setBenchmark,
} from './calibration-jobs.js';
import {
  benchmarksOf,
  blindCall,
  guidanceOf,
  runsOrScores,
  sessionRow,
  sheetsOf,
  toSessions,
  toSheet,
  type SheetJoined,
} from './calibration-records.js';

// Who may do what in calibration, from the authenticated user only:
// - quality managers (admins) and leads run sessions (a lead on calls of the agents they coach);
//   admins may act on any session, a lead on those they facilitate;
// - participants (evaluators, coaches, admins: never the call's agent) score their own sheet and
//   see nothing of anyone else's until the reveal;
// - after the reveal everyone on the session sees every submitted sheet and the figures.

const DAY_MS = 86_400_000;
/** Calls offered to a facilitator: ended in the last 30 days, newest first. */
const SETUP_CALL_DAYS = 30;
const SETUP_CALLS_MAX = 200;
const DEADLINE_DAYS_MAX = 90;
const since = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();

/** A mystery assignment's state in the words of a refusal. */
const REPORT_STATES: Record<string, string> = {
  open: 'not filed yet',
  claimed: 'not filed yet',
  reported: 'waiting for review',
  returned: 'returned to its caller with a question',
  rejected: 'rejected',
};

type Found = { row: CalibrationSessionRow } | { error: ReturnType<typeof fail> };

const facilitatorRole = (user: AuthUser) => isAdmin(user) || user.role === 'lead';
const NOT_FACILITATOR = 'only quality managers (admins) and leads run calibration sessions';
const NOT_ON_SESSION = 'you are not on this calibration session';

/** Calibration sessions for one socket: setup, create, blind scoring, reveal, benchmarks, figures. */
export function calibrationHandlers(ctx: HubContext) {
  const { db, inbox, standards, io } = ctx;
  return handlers(({ user, log }) => {
    const facilitates = (row: CalibrationSessionRow) =>
      isAdmin(user) || row.facilitator_id === user.id;

    const packOf = async (row: Pick<CalibrationSessionRow, 'pack_id' | 'pack_version'>) => {
      const pack = await standards.version(row.pack_id, row.pack_version);
      if (!pack) throw new Error(`pack ${row.pack_id}@${row.pack_version} is not stored`);
      return pack;
    };

    /** Session figures from the submitted sheets, benchmarks and the version's guidance. */
    const revealOf = async (
      row: CalibrationSessionRow,
      pack: StandardsPack,
      callType: string,
      sheets: SheetJoined[],
    ) => {
      const submitted = sheets.filter((s) => s.submitted_at !== null);
      const [benchmarks, guidance] = await Promise.all([
        benchmarksOf(db, [row.id]),
        guidanceOf(db, row.pack_id, row.pack_version),
      ]);
      const marks = benchmarks.get(row.id)!;
      const revealed = submitted.map((s) => ({ userId: s.user_id, name: s.name, ...toSheet(s) }));
      return {
        sheets: revealed,
        figures: sessionFigures({
          pack,
          callType,
          sheets: revealed,
          benchmarks: marks.answers,
          notes: { ...guidance, ...marks.notes },
        }),
      };
    };

    /** The session as this user may see it: others' answers only once revealed. */
    const opened = async (row: CalibrationSessionRow): Promise<CalibrationOpened> => {
      const [session] = await toSessions(db, [row]);
      const [pack, call, guidance, sheets] = await Promise.all([
        packOf(row),
        blindCall(db, row.call_id),
        guidanceOf(db, row.pack_id, row.pack_version),
        sheetsOf(db, [row.id]),
      ]);
      const own = sheets.find((s) => s.user_id === user.id);
      const submitted = sheets.filter((s) => s.submitted_at !== null).length;
      const allIn = submitted === sheets.length;
      const due = Date.now() >= Date.parse(row.deadline);
      const lead = facilitates(row);
      return {
        session: session!,
        call,
        pack,
        guidance,
        mine: own && own.saved_at !== null ? toSheet(own) : null,
        reveal: row.status === 'open' ? null : await revealOf(row, pack, call.callType, sheets),
        can: {
          score: own !== undefined && row.status === 'open',
          reveal: lead && row.status === 'open' && submitted >= 2 && (allIn || due),
          benchmark: lead && row.status === 'revealed',
          close: lead && row.status === 'revealed',
        },
      };
    };

    /** The session row if the user is on it (an admin is on every session). */
    const visible = async (sessionId: string): Promise<Found> => {
      const row = await sessionRow(db, sessionId);
      if (!row) return { error: fail('not_found', `no calibration session ${sessionId}`) };
      if (isAdmin(user) || row.facilitator_id === user.id) return { row };
      const participant = await db
        .selectFrom('calibration_sheets')
        .select('user_id')
        .where('session_id', '=', sessionId)
        .where('user_id', '=', user.id)
        .executeTakeFirst();
      return participant ? { row } : { error: fail('forbidden', NOT_ON_SESSION) };
    };

    /** Tells the facilitator and every participant the session changed (never an answer). */
    const announce = (session: CalibrationSession) => {
      const to = new Set([session.facilitatorId, ...session.participants.map((p) => p.userId)]);
      for (const id of to) io.to(userRoom(id)).emit('calibration:changed', session);
    };

    /** Runs a facilitator's or participant's write, then answers the session as the user sees it. */
    const write = async (
      sessionId: string,
      job: Job<Outcome<{ changed: boolean }>>,
      what: string,
    ): Promise<AckResponse<CalibrationOpened>> => {
      const outcome = await inbox.submit(job);
      if ('error' in outcome)
        return fail(outcome.error.code, outcome.error.message, outcome.error.problems);
      const row = (await sessionRow(db, sessionId))!;
      if (outcome.ok.changed) {
        log.info({ sessionId }, what);
        announce((await toSessions(db, [row]))[0]!);
      }
      return ok(await opened(row));
    };

    /** The facilitator's session, or why this user may not run it. */
    const facilitated = async (sessionId: string): Promise<Found> => {
      const found = await visible(sessionId);
      if ('error' in found) return found;
      if (!facilitates(found.row))
        return {
          error: fail('forbidden', 'only the session’s facilitator or a quality manager does that'),
        };
      return found;
    };

    /**
     * Why a session cannot be on this mystery call, if it cannot: mystery reports are the quality
     * manager's, and only an approved report matched to this very call is calibrated on.
     */
    const mysteryRefusal = async (assignmentId: string, callId: string) => {
      if (!isAdmin(user))
        return fail('forbidden', 'mystery calls are the quality manager’s to calibrate on');
      const report = await db
        .selectFrom('mystery_assignments as a')
        .leftJoin('mystery_reports as r', 'r.assignment_id', 'a.id')
        .select(['a.status', 'r.call_id'])
        .where('a.id', '=', assignmentId)
        .executeTakeFirst();
      if (!report) return fail('not_found', `no mystery assignment ${assignmentId}`);
      if (report.status !== 'approved')
        return fail(
          'conflict',
          `the mystery report is ${REPORT_STATES[report.status]}: calibrate on an approved report`,
        );
      if (report.call_id === null)
        return fail(
          'conflict',
          'the mystery report is not matched to a call: match it to the agent’s call first',
        );
      if (report.call_id !== callId)
        return fail(
          'bad_request',
          `the mystery report is matched to call ${report.call_id}, not ${callId}`,
        );
      return null;
    };

    return {
      'calibration:setup': async () => {
        if (!facilitatorRole(user)) return fail('forbidden', NOT_FACILITATOR);
        const agents = isAdmin(user) ? null : await coachedAgentIds(db, user);
        let calls = db
          .selectFrom('calls as c')
          .innerJoin('users as u', 'u.id', 'c.agent_id')
          .leftJoin('team_members as m', 'm.user_id', 'c.agent_id')
          .leftJoin('teams as t', 't.id', 'm.team_id')
          .select([
            'c.id',
            'u.display_name',
            't.name as team_name',
            'c.call_type',
            'c.started_at',
            'c.duration_ms',
            'c.recording_url',
            (eb) =>
              eb
                .selectFrom('calibration_sessions as s')
                .select((e) => e.fn.countAll<number | string>().as('n'))
                .whereRef('s.call_id', '=', 'c.id')
                .as('sessions'),
          ])
          .where('c.ended_at', 'is not', null)
          .where('c.started_at', '>=', since(SETUP_CALL_DAYS))
          // A mystery call is calibrated on from its report (source 'mystery'), never offered
          // as an ordinary call.
          .where(notMysteryCall('c.id'))
          .orderBy('c.started_at', 'desc')
          .limit(SETUP_CALLS_MAX);
        if (agents !== null) {
          if (agents.length === 0) calls = calls.where((eb) => eb.lit(false));
          else calls = calls.where('c.agent_id', 'in', agents);
        }
        const [callRows, people, versions] = await Promise.all([
          calls.execute(),
          db
            .selectFrom('users')
            .leftJoin('user_permissions as p', (join) =>
              join.onRef('p.user_id', '=', 'users.id').on('p.permission', '=', 'evaluator'),
            )
            .select(['users.id', 'users.display_name', 'users.role', 'p.permission'])
            .where('users.disabled', '=', 0)
            .where((eb) =>
              eb.or([
                eb('users.role', 'in', ['admin', 'lead', 'supervisor']),
                eb('p.permission', 'is not', null),
              ]),
            )
            .orderBy('users.display_name')
            .execute(),
          db
            .selectFrom('standards_packs')
            .select('version')
            .where('pack_id', '=', standards.active.id)
            .orderBy('version', 'desc')
            .execute(),
        ]);
        return ok({
          calls: callRows.map((c) => ({
            callId: c.id,
            agentName: c.display_name,
            teamName: c.team_name,
            callType: c.call_type,
            startedAt: c.started_at,
            durationMs: c.duration_ms,
            hasRecording: c.recording_url !== null,
            sessions: Number(c.sessions ?? 0),
          })),
          people: people
            .map((p) => ({
              id: p.id,
              name: p.display_name,
              role: p.role,
              evaluator: p.permission !== null,
            }))
            .sort((a, b) => Number(b.evaluator) - Number(a.evaluator)),
          packId: standards.active.id,
          versions: versions.map((v) => v.version),
        });
      },

      'calibration:create': async (input) => {
        if (!facilitatorRole(user)) return fail('forbidden', NOT_FACILITATOR);
        const call = await callRow(db, input.callId);
        if (!call) return fail('not_found', `no call ${input.callId}`);
        if (call.ended_at === null)
          return fail('bad_request', 'the call is still under way: calibrate it once it has ended');
        if (!isAdmin(user) && !(await canCoach(db, user, call.agent_id)))
          return fail('forbidden', 'a lead calibrates on calls of the agents they coach');
        if (input.mysteryAssignmentId !== undefined) {
          const refusal = await mysteryRefusal(input.mysteryAssignmentId, input.callId);
          if (refusal) return refusal;
        }
        const deadline = Date.parse(input.deadline);
        if (deadline <= Date.now())
          return fail('bad_request', 'the deadline has passed: give a time in the future');
        if (deadline > Date.now() + DEADLINE_DAYS_MAX * DAY_MS)
          return fail('bad_request', `the deadline is at most ${DEADLINE_DAYS_MAX} days ahead`);
        const version =
          input.packVersion ??
          (call.pack_id === standards.active.id ? standards.active.version : call.pack_version);
        const pack = await standards.version(call.pack_id, version);
        if (!pack)
          return fail('not_found', `scorecard ${call.pack_id} version ${version} is not stored`);
        if (scorecardFor(pack, call.call_type).length === 0)
          return fail(
            'bad_request',
            `scorecard version ${version} has no items for the call type ${call.call_type}`,
          );
        if (input.participantIds.includes(call.agent_id))
          return fail('bad_request', 'the call’s own agent cannot score it in calibration');
        const eligible = await db
          .selectFrom('users')
          .leftJoin('user_permissions as p', (join) =>
            join.onRef('p.user_id', '=', 'users.id').on('p.permission', '=', 'evaluator'),
          )
          .select(['users.id', 'users.role', 'p.permission'])
          .where('users.id', 'in', input.participantIds)
          .where('users.disabled', '=', 0)
          .execute();
        const may = new Set(
          eligible
            // Coaches and admins; agents who evaluate; never a mystery caller (not staff).
            .filter((u) => (u.role === 'agent' ? u.permission !== null : u.role !== 'caller'))
            .map((u) => u.id),
        );
        const refused = input.participantIds.filter((id) => !may.has(id));
        if (refused.length > 0)
          return fail(
            'bad_request',
            `not active evaluators, coaches or quality managers: ${refused.join(', ')}`,
            refused.map((id) => `participant:${id}`),
          );
        const outcome = await inbox.submit(
          createSession(user.id, input, { id: call.pack_id, version }),
        );
        if ('error' in outcome) return fail(outcome.error.code, outcome.error.message);
        const [session] = await toSessions(db, [(await sessionRow(db, input.id))!]);
        if (outcome.ok.changed) {
          log.info(
            { sessionId: input.id, callId: input.callId, mystery: input.mysteryAssignmentId },
            'calibration session created',
          );
          announce(session!);
        }
        return ok(session!);
      },

      'calibration:list': async ({ days }) => {
        let query = db
          .selectFrom('calibration_sessions')
          .selectAll()
          .where('created_at', '>=', since(days))
          .orderBy('created_at', 'desc')
          .limit(500);
        if (!isAdmin(user)) query = query.where(runsOrScores(user.id));
        return ok({ sessions: await toSessions(db, await query.execute()) });
      },

      'calibration:open': async ({ sessionId }) => {
        const found = await visible(sessionId);
        if ('error' in found) return found.error;
        return ok(await opened(found.row));
      },

      'calibration:save': async (input) => {
        const found = await visible(input.sessionId);
        if ('error' in found) return found.error;
        const pack = await packOf(found.row);
        const call = await callRow(db, found.row.call_id);
        const problems = saveProblems(pack, call!.call_type, input);
        if (problems) return fail('bad_request', problems.message, problems.problems);
        const score = input.submit ? scoreScorecard(pack, call!.call_type, input.answers) : null;
        return write(
          input.sessionId,
          saveSheet(input.sessionId, user.id, {
            answers: input.answers,
            comments: input.comments,
            score,
          }),
          input.submit ? 'calibration sheet submitted' : 'calibration sheet saved',
        );
      },

      'calibration:reveal': async ({ sessionId }) => {
        const found = await facilitated(sessionId);
        if ('error' in found) return found.error;
        return write(
          sessionId,
          revealSession(sessionId, user.id, new Date()),
          'calibration revealed',
        );
      },

      'calibration:benchmark': async ({ sessionId, itemId, answer, note }) => {
        const found = await facilitated(sessionId);
        if ('error' in found) return found.error;
        const pack = await packOf(found.row);
        const call = await callRow(db, found.row.call_id);
        const item = scorecardFor(pack, call!.call_type).find((s) => s.item.id === itemId)?.item;
        if (!item)
          return fail('bad_request', `"${itemId}" is not an item of this scorecard`, [
            `unknown:${itemId}`,
          ]);
        if (answer === 'na' && item.naAllowed === false)
          return fail('bad_request', `"${itemId}" cannot be N/A`, [`na:${itemId}`]);
        return write(
          sessionId,
          setBenchmark(sessionId, user.id, { itemId, answer, note }),
          'calibration benchmark recorded',
        );
      },

      'calibration:close': async ({ sessionId }) => {
        const found = await facilitated(sessionId);
        if ('error' in found) return found.error;
        return write(sessionId, closeSession(sessionId, user.id), 'calibration closed');
      },

      'calibration:trends': async ({ days }) => {
        if (user.role === 'agent' && !user.permissions.includes('evaluator'))
          return fail('forbidden', 'calibration figures are for evaluators and coaches');
        let query = db
          .selectFrom('calibration_sessions')
          .selectAll()
          .where('status', '!=', 'open')
          .where('revealed_at', '>=', since(days))
          .orderBy('revealed_at')
          .limit(1000);
        // A lead reads the sessions they ran or took part in; anyone else their own.
        const mineOnly = !isAdmin(user) && user.role !== 'lead';
        if (!isAdmin(user)) query = query.where(runsOrScores(user.id));
        const rows = await query.execute();
        const ids = rows.map((r) => r.id);
        const [sheets, benchmarks, calls] = await Promise.all([
          sheetsOf(db, ids),
          benchmarksOf(db, ids),
          ids.length === 0
            ? Promise.resolve([])
            : db
                .selectFrom('calls')
                .select(['id', 'call_type'])
                .where('id', 'in', [...new Set(rows.map((r) => r.call_id))])
                .execute(),
        ]);
        const typeOf = new Map(calls.map((c) => [c.id, c.call_type]));
        const inputs: TrendSessionInput[] = [];
        for (const row of rows) {
          const marks = benchmarks.get(row.id)!;
          inputs.push({
            id: row.id,
            title: row.title,
            revealedAt: row.revealed_at!,
            packVersion: row.pack_version,
            pack: await packOf(row),
            callType: typeOf.get(row.call_id)!,
            sheets: sheets
              .filter((s) => s.session_id === row.id && s.submitted_at !== null)
              .map((s) => ({ userId: s.user_id, name: s.name, answers: toSheet(s).answers })),
            benchmarks: marks.answers,
            notes: marks.notes,
          });
        }
        const trends = calibrationTrends(inputs);
        return ok(
          mineOnly
            ? { ...trends, evaluators: trends.evaluators.filter((e) => e.userId === user.id) }
            : trends,
        );
      },
    };
  });
}
