import type {
  CallRecord,
  Evaluation,
  InboxMessage,
  ItemEvidence,
  ReflectionPrep,
  ReflectionSession,
  SurveyResponse,
} from '@sidecoach/shared';
import type { Db } from '../store/db.js';

/** Who receives something: only agents are ever kept from numbers. */
export interface Viewer {
  id: string;
  role: string;
}

/**
 * "Coach on behaviours, not scores" (a team setting), enforced in this one place: an agent of a
 * team that has it on receives no numeric score from the hub, wherever it would appear (their
 * calls' self-assessment scores, customers' CSAT and effort, reflective-session figures, QA
 * evaluation scores). Leads,
 * supervisors and quality managers still get every number.
 *
 * Who is in such a team is kept in memory: read at start and again whenever the hub changes a
 * team setting (this process is the only writer of settings and memberships while it runs), so
 * the check is synchronous and can guard every emit, including the inbox's ordered pushes.
 */
export class ScoreVisibility {
  private members = new Set<string>();

  constructor(private readonly db: Db) {}

  /**
   * With several nodes, another node's change of a team setting reaches this one within
   * `intervalMs` (a read of a few rows): the window in which a stale copy could show an agent
   * a number is that long at most.
   */
  refreshEvery(intervalMs: number): () => void {
    const timer = setInterval(() => void this.reload().catch(() => undefined), intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  /** Reads the members of teams coaching on behaviours; call after changing a team setting. */
  async reload(): Promise<void> {
    const rows = await this.db
      .selectFrom('team_members')
      .innerJoin('teams', 'teams.id', 'team_members.team_id')
      .select('team_members.user_id')
      .where('teams.behaviours_only', '=', 1)
      .execute();
    this.members = new Set(rows.map((r) => r.user_id));
  }

  /** One of the user's teams coaches on behaviours, not scores (the profile's `behavioursOnly`). */
  behavioursOnly(userId: string): boolean {
    return this.members.has(userId);
  }

  /** Numbers are left out of what this user receives. */
  hides(viewer: Viewer): boolean {
    return viewer.role === 'agent' && this.members.has(viewer.id);
  }

  call(viewer: Viewer, call: CallRecord): CallRecord {
    if (!this.hides(viewer) || !call.assessment) return call;
    return { ...call, assessment: { ...call.assessment, score: null } };
  }

  calls(viewer: Viewer, calls: CallRecord[]): CallRecord[] {
    return calls.map((c) => this.call(viewer, c));
  }

  response(viewer: Viewer, response: SurveyResponse): SurveyResponse {
    // The alert is CSAT <= 2 by another name: it goes too.
    return this.hides(viewer) ? { ...response, csat: null, effort: null, alert: false } : response;
  }

  inbox(viewer: Viewer, message: InboxMessage): InboxMessage {
    if (message.kind !== 'survey-response' || !this.hides(viewer)) return message;
    return { ...message, response: this.response(viewer, message.response) };
  }

  /**
   * The evidence without tallies, gaps, counts, survey figures, mystery-call scores or the
   * callers' 1-5 ratings (numbers like CSAT): findings, texts, comments, what callers found.
   */
  prep(viewer: Viewer, prep: ReflectionPrep): ReflectionPrep {
    if (!this.hides(viewer)) return prep;
    return {
      agentId: prep.agentId,
      agentName: prep.agentName,
      from: prep.from,
      to: prep.to,
      packId: prep.packId,
      packVersion: prep.packVersion,
      weeks: prep.weeks,
      items: prep.items.map((i): ItemEvidence => ({
        itemId: i.itemId,
        area: i.area,
        finding: i.finding,
        observations: i.observations,
      })),
      surveys: { comments: prep.surveys.comments },
      mystery: {
        calls: prep.mystery.calls.map((c) => ({
          waveName: c.waveName,
          callId: c.callId,
          callType: c.callType,
          calledAt: c.calledAt,
          missed: c.missed,
          praised: c.praised,
          ratings: {},
          impression: c.impression,
        })),
      },
      agenda: prep.agenda,
      openActions: prep.openActions,
      behavioursOnly: prep.behavioursOnly,
    };
  }

  /** A QA evaluation without its score, nor its earlier versions' scores. */
  evaluation(viewer: Viewer, evaluation: Evaluation): Evaluation {
    if (!this.hides(viewer)) return evaluation;
    return {
      ...evaluation,
      score: null,
      previous: evaluation.previous.map((v) => ({ ...v, score: null })),
    };
  }

  session(viewer: Viewer, session: ReflectionSession): ReflectionSession {
    return this.hides(viewer) ? { ...session, prep: this.prep(viewer, session.prep) } : session;
  }
}
