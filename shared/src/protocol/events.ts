import type { z } from 'zod';
import type { Ack } from './errors.js';
import type { CallEvent } from './call-events.js';
import type { StandardsPack } from '../domain/standards.js';
import {
  AssessmentSubmitSchema,
  CallEndSchema,
  CallGetSchema,
  CallListSchema,
  CallRetypeSchema,
  CallStartSchema,
  CallTickSchema,
  type Bootstrap,
  type CallRecord,
  type StatusChanged,
} from './calls.js';
import { EmptySchema } from './common.js';
import {
  CoachingNoteSchema,
  CoachingReplySchema,
  FloorListSchema,
  ObservationJoinSchema,
  ObservationLeaveSchema,
  ObservationListSchema,
  ObservationNoteSchema,
  ObservationReadSchema,
  PresenceSchema,
  type CoachingNoteRecord,
  type Floor,
  type FloorAgent,
  type ObservationJoined,
  type ObservationRecord,
} from './observation.js';
import { InboxAckSchema, MyNotesRequestSchema, type InboxMessage, type MyNotes } from './inbox.js';
import { AgentHistoryRequestSchema, type AgentHistory } from './history.js';
import { LanguageStatsRequestSchema, type LanguageStats } from './language-stats.js';
import {
  SurveyExcludeSchema,
  SurveyPackSaveSchema,
  SurveyReportRequestSchema,
  SurveyResponsesRequestSchema,
  SurveyStatusRequestSchema,
  TeamSettingsRequestSchema,
  type SurveyPackInfo,
  type SurveyReport,
  type SurveyResponses,
  type SurveyStatus,
  type TeamSettings,
} from './surveys.js';
import {
  ActionStatusChangeSchema,
  ReflectionActionSchema,
  ReflectionGetSchema,
  ReflectionListSchema,
  ReflectionNoteSchema,
  ReflectionPrepareSchema,
  ReflectionSignSchema,
  ReflectionStartSchema,
  type ActionRecord,
  type MyActions,
  type ReflectionListResult,
  type ReflectionNoteRecord,
  type ReflectionPrep,
  type ReflectionSession,
} from './reflection.js';
import {
  PasswordChangeSchema,
  SessionRevokeSchema,
  UserAccountTargetSchema,
  type IssuedCode,
  type MySessions,
  type SignedOutEverywhere,
} from './account.js';
import {
  EvaluationRefSchema,
  QaDisputeSchema,
  QaDisputesRequestSchema,
  QaDrawSchema,
  QaEvaluatorStatsRequestSchema,
  QaFlagSchema,
  QaListRequestSchema,
  QaOpenSchema,
  QaPlanSaveSchema,
  QaQueueRequestSchema,
  QaResolveSchema,
  QaSaveSchema,
  ScorecardImportSchema,
  ScorecardPublishSchema,
  ScorecardVersionRequestSchema,
  type Evaluation,
  type EvaluationOpened,
  type QaDisputes,
  type QaDrawResult,
  type QaEvaluatorStats,
  type QaList,
  type QaMine,
  type QaPlan,
  type QaQueue,
  type ScorecardExport,
  type ScorecardInfo,
  type ScorecardPublished,
} from './qa.js';
import {
  CalibrationBenchmarkSchema,
  CalibrationCreateSchema,
  CalibrationListRequestSchema,
  CalibrationRefSchema,
  CalibrationSaveSchema,
  CalibrationTrendsRequestSchema,
  type CalibrationList,
  type CalibrationOpened,
  type CalibrationSession,
  type CalibrationSetup,
  type CalibrationTrends,
} from './calibration.js';
import {
  CallerSaveSchema,
  MysteryAssignmentRefSchema,
  MysteryAssignSchema,
  MysteryClaimSchema,
  MysteryReportSaveSchema,
  MysteryReviewQueueRequestSchema,
  MysteryReviewSchema,
  ProgrammeSaveSchema,
  WaveRefSchema,
  WaveSaveSchema,
  WavesRequestSchema,
  MysteryPackRequestSchema,
  type Caller,
  type CallerSaved,
  type MysteryAssignment,
  type MysteryBoard,
  type MysteryOpened,
  type MysteryReport,
  type MysteryResults,
  type Programme,
  type WavePlan,
  type Wave,
} from './mystery.js';
import {
  AccountLanguageSchema,
  AuditQuerySchema,
  ImportPartSchema,
  ImportRequestSchema,
  PermissionChangeSchema,
  TeamMoveCancelSchema,
  TeamMoveRequestSchema,
  TeamMovesRequestSchema,
  TeamSaveSchema,
  UserSaveSchema,
  type AdminTeam,
  type AdminUser,
  type AuditPage,
  type ImportPreview,
  type TeamMove,
} from './admin.js';
import type { UserProfile } from './auth.js';
import {
  KpiDashboardRequestSchema,
  KpiDrillRequestSchema,
  KpiMineRequestSchema,
  KpiSettingsSaveSchema,
  QueueSaveSchema,
  type KpiDashboard,
  type KpiDrill,
  type KpiMine,
  type KpiSettings,
  type KpiSetup,
  type QueueMap,
} from './kpi.js';
import {
  RecognitionSummaryRequestSchema,
  RecognitionWallRequestSchema,
  ShoutoutSaveSchema,
  type MyRecognition,
  type RecognitionSummary,
  type RecognitionWall,
  type Shoutout,
} from './recognition.js';

/** The runtime schema of every client-to-hub event's payload; the hub parses with these first. */
export const clientEventSchemas = {
  'session:bootstrap': EmptySchema,
  'call:start': CallStartSchema,
  'call:tick': CallTickSchema,
  'call:end': CallEndSchema,
  'call:retype': CallRetypeSchema,
  'assessment:submit': AssessmentSubmitSchema,
  'call:list': CallListSchema,
  'call:get': CallGetSchema,
  'presence:ringing': PresenceSchema,
  'floor:list': FloorListSchema,
  'observation:join': ObservationJoinSchema,
  'observation:leave': ObservationLeaveSchema,
  'observation:note': ObservationNoteSchema,
  'observation:read': ObservationReadSchema,
  'observation:list': ObservationListSchema,
  'agent:history': AgentHistoryRequestSchema,
  'coaching:note': CoachingNoteSchema,
  'coaching:reply': CoachingReplySchema,
  'inbox:ack': InboxAckSchema,
  'observation:mine': MyNotesRequestSchema,
  'language:stats': LanguageStatsRequestSchema,
  'survey:exclude': SurveyExcludeSchema,
  'survey:status': SurveyStatusRequestSchema,
  'survey:responses': SurveyResponsesRequestSchema,
  'survey:report': SurveyReportRequestSchema,
  'survey:pack': EmptySchema,
  'survey:save-pack': SurveyPackSaveSchema,
  'team:settings': TeamSettingsRequestSchema,
  'reflection:prepare': ReflectionPrepareSchema,
  'reflection:start': ReflectionStartSchema,
  'reflection:get': ReflectionGetSchema,
  'reflection:note': ReflectionNoteSchema,
  'reflection:action': ReflectionActionSchema,
  'reflection:sign': ReflectionSignSchema,
  'reflection:list': ReflectionListSchema,
  'action:status': ActionStatusChangeSchema,
  'action:mine': EmptySchema,
  'account:sessions': EmptySchema,
  'account:revoke-session': SessionRevokeSchema,
  'account:change-password': PasswordChangeSchema,
  'account:issue-code': UserAccountTargetSchema,
  'account:sign-out-everywhere': UserAccountTargetSchema,
  'account:language': AccountLanguageSchema,
  'admin:users': EmptySchema,
  'admin:user-save': UserSaveSchema,
  'admin:permission': PermissionChangeSchema,
  'admin:teams': EmptySchema,
  'admin:team-save': TeamSaveSchema,
  'admin:move': TeamMoveRequestSchema,
  'admin:moves': TeamMovesRequestSchema,
  'admin:move-cancel': TeamMoveCancelSchema,
  'admin:import-part': ImportPartSchema,
  'admin:import-preview': ImportRequestSchema,
  'admin:import-apply': ImportRequestSchema,
  'admin:audit': AuditQuerySchema,
  'scorecard:get': EmptySchema,
  'scorecard:publish': ScorecardPublishSchema,
  'scorecard:import': ScorecardImportSchema,
  'scorecard:export': ScorecardVersionRequestSchema,
  'qa:plans': EmptySchema,
  'qa:plan-save': QaPlanSaveSchema,
  'qa:draw': QaDrawSchema,
  'qa:queue': QaQueueRequestSchema,
  'qa:flag': QaFlagSchema,
  'qa:open': QaOpenSchema,
  'qa:save': QaSaveSchema,
  'qa:release': EvaluationRefSchema,
  'qa:mine': EmptySchema,
  'qa:ack': EvaluationRefSchema,
  'qa:dispute': QaDisputeSchema,
  'qa:resolve': QaResolveSchema,
  'qa:disputes': QaDisputesRequestSchema,
  'qa:list': QaListRequestSchema,
  'qa:evaluators': QaEvaluatorStatsRequestSchema,
  'calibration:setup': EmptySchema,
  'calibration:create': CalibrationCreateSchema,
  'calibration:list': CalibrationListRequestSchema,
  'calibration:open': CalibrationRefSchema,
  'calibration:save': CalibrationSaveSchema,
  'calibration:reveal': CalibrationRefSchema,
  'calibration:benchmark': CalibrationBenchmarkSchema,
  'calibration:close': CalibrationRefSchema,
  'calibration:trends': CalibrationTrendsRequestSchema,
  'mystery:callers': EmptySchema,
  'mystery:caller-save': CallerSaveSchema,
  'mystery:programmes': EmptySchema,
  'mystery:programme-save': ProgrammeSaveSchema,
  'mystery:pack': MysteryPackRequestSchema,
  'mystery:waves': WavesRequestSchema,
  'mystery:plan': WaveSaveSchema,
  'mystery:wave-save': WaveSaveSchema,
  'mystery:wave-launch': WaveRefSchema,
  'mystery:wave-close': WaveRefSchema,
  'mystery:assignments': WaveRefSchema,
  'mystery:assign': MysteryAssignSchema,
  'mystery:board': EmptySchema,
  'mystery:claim': MysteryClaimSchema,
  'mystery:open': MysteryAssignmentRefSchema,
  'mystery:report': MysteryReportSaveSchema,
  'mystery:reviews': MysteryReviewQueueRequestSchema,
  'mystery:review': MysteryReviewSchema,
  'mystery:results': WaveRefSchema,
  'mystery:release': WaveRefSchema,
  'kpi:setup': EmptySchema,
  'kpi:queue-save': QueueSaveSchema,
  'kpi:settings-save': KpiSettingsSaveSchema,
  'kpi:dashboard': KpiDashboardRequestSchema,
  'kpi:drill': KpiDrillRequestSchema,
  'kpi:mine': KpiMineRequestSchema,
  'recognition:shoutout': ShoutoutSaveSchema,
  'recognition:wall': RecognitionWallRequestSchema,
  'recognition:mine': EmptySchema,
  'recognition:summary': RecognitionSummaryRequestSchema,
} as const;
export type ClientEventName = keyof typeof clientEventSchemas;
export type ClientPayload<E extends ClientEventName> = z.input<(typeof clientEventSchemas)[E]>;

/** What each client event's acknowledgement carries on success. */
export interface ClientEventResults {
  'session:bootstrap': Bootstrap;
  'call:start': CallRecord;
  'call:tick': CallRecord;
  'call:end': CallRecord;
  'call:retype': CallRecord;
  'assessment:submit': CallRecord;
  'call:list': { calls: CallRecord[] };
  'call:get': CallRecord;
  'presence:ringing': Record<string, never>;
  'floor:list': Floor;
  'observation:join': ObservationJoined;
  'observation:leave': Record<string, never>;
  'observation:note': ObservationRecord;
  'observation:read': ObservationRecord;
  'observation:list': { observations: ObservationRecord[] };
  'agent:history': AgentHistory;
  'coaching:note': CoachingNoteRecord;
  'coaching:reply': CoachingNoteRecord;
  'inbox:ack': { seq: number };
  'observation:mine': MyNotes;
  'language:stats': LanguageStats;
  'survey:exclude': SurveyStatus;
  'survey:status': SurveyStatus;
  'survey:responses': SurveyResponses;
  'survey:report': SurveyReport;
  'survey:pack': SurveyPackInfo;
  'survey:save-pack': SurveyPackInfo;
  'team:settings': TeamSettings;
  'reflection:prepare': ReflectionPrep;
  'reflection:start': ReflectionSession;
  'reflection:get': ReflectionSession;
  'reflection:note': ReflectionNoteRecord;
  'reflection:action': ActionRecord;
  'reflection:sign': ReflectionSession;
  'reflection:list': ReflectionListResult;
  'action:status': ActionRecord;
  'action:mine': MyActions;
  'account:sessions': MySessions;
  'account:revoke-session': MySessions;
  'account:change-password': Record<string, never>;
  'account:issue-code': IssuedCode;
  'account:sign-out-everywhere': SignedOutEverywhere;
  'account:language': UserProfile;
  'admin:users': { users: AdminUser[] };
  'admin:user-save': AdminUser;
  'admin:permission': AdminUser;
  'admin:teams': { teams: AdminTeam[] };
  'admin:team-save': AdminTeam;
  'admin:move': TeamMove;
  'admin:moves': { moves: TeamMove[] };
  'admin:move-cancel': TeamMove;
  'admin:import-part': { received: number };
  'admin:import-preview': ImportPreview;
  'admin:import-apply': ImportPreview;
  'admin:audit': AuditPage;
  'scorecard:get': ScorecardInfo;
  'scorecard:publish': ScorecardPublished;
  'scorecard:import': ScorecardPublished;
  'scorecard:export': ScorecardExport;
  'qa:plans': { plans: QaPlan[] };
  'qa:plan-save': QaPlan;
  'qa:draw': QaDrawResult;
  'qa:queue': QaQueue;
  'qa:flag': { callId: string; flagged: boolean };
  'qa:open': EvaluationOpened;
  'qa:save': Evaluation;
  'qa:release': Evaluation;
  'qa:mine': QaMine;
  'qa:ack': Evaluation;
  'qa:dispute': Evaluation;
  'qa:resolve': Evaluation;
  'qa:disputes': QaDisputes;
  'qa:list': QaList;
  'qa:evaluators': QaEvaluatorStats;
  'calibration:setup': CalibrationSetup;
  'calibration:create': CalibrationSession;
  'calibration:list': CalibrationList;
  /** The session as the caller may see it: answers of others only once revealed. */
  'calibration:open': CalibrationOpened;
  'calibration:save': CalibrationOpened;
  'calibration:reveal': CalibrationOpened;
  'calibration:benchmark': CalibrationOpened;
  'calibration:close': CalibrationOpened;
  'calibration:trends': CalibrationTrends;
  /** Quality managers (admins) only, like everything of a programme but a caller's own work. */
  'mystery:callers': { callers: Caller[] };
  'mystery:caller-save': CallerSaved;
  'mystery:programmes': { programmes: Programme[] };
  'mystery:programme-save': Programme;
  /** A version of the active scorecard, with its items as they were (a programme's editor). */
  'mystery:pack': { pack: StandardsPack };
  'mystery:waves': { waves: Wave[] };
  /** The sampling plan of a wave as given, without saving it (the form's preview). */
  'mystery:plan': WavePlan;
  'mystery:wave-save': Wave;
  /** Draws the wave's assignments from its plan and opens them to callers. */
  'mystery:wave-launch': Wave;
  'mystery:wave-close': Wave;
  'mystery:assignments': { assignments: MysteryAssignment[] };
  'mystery:assign': MysteryAssignment;
  /** Callers only. */
  'mystery:board': MysteryBoard;
  'mystery:claim': MysteryAssignment;
  /** The caller's own assignment (or any, for a quality manager) with its questionnaire. */
  'mystery:open': MysteryOpened;
  'mystery:report': MysteryOpened;
  'mystery:reviews': { reports: MysteryReport[] };
  'mystery:review': MysteryReport;
  'mystery:results': MysteryResults;
  /** Shows the wave's approved calls to their agents (their reflective sessions). */
  'mystery:release': Wave;
  /** Admins and leads (their teams' settings). */
  'kpi:setup': KpiSetup;
  /** Admins. */
  'kpi:queue-save': QueueMap;
  /** Admins; leads for the teams they lead. */
  'kpi:settings-save': KpiSettings;
  /** Admins; leads and supervisors of the team. */
  'kpi:dashboard': KpiDashboard;
  'kpi:drill': KpiDrill;
  /** Agents: their own figures (forbidden for teams that coach on behaviours, not scores). */
  'kpi:mine': KpiMine;
  /** Leads and supervisors of the agent's team, or a teammate; never to oneself. */
  'recognition:shoutout': Shoutout;
  /** Members, leads and supervisors of the team, admins. */
  'recognition:wall': RecognitionWall;
  'recognition:mine': MyRecognition;
  /** Admins; leads of the team. */
  'recognition:summary': RecognitionSummary;
}

/** Client to hub: every event takes one payload and an acknowledgement callback. */
export type ClientToServerEvents = {
  [E in ClientEventName]: (payload: ClientPayload<E>, ack: Ack<ClientEventResults[E]>) => void;
};

/** Hub to client. */
export interface ServerToClientEvents {
  /** The agent's status changed (sent to all of the agent's sessions). */
  'status:changed': (payload: StatusChanged) => void;
  /** One of the agent's calls changed in another session (another sidebar, a reload). */
  'call:changed': (payload: CallRecord) => void;
  /** A call event for this agent from the PBX (CTI webhook), to drive the sidebar. */
  'softphone:event': (payload: CallEvent) => void;
  /**
   * A message from the user's inbox (observations, receipts, coaching notes), persisted first,
   * numbered per recipient and sent once per connection in order of `seq`.
   */
  'inbox:message': (payload: InboxMessage) => void;
  /** An agent on the floor changed (status, call, observers); to supervisors and leads of their teams. */
  'floor:agent': (payload: FloorAgent) => void;
  /**
   * A reflective session changed (a note, an action, a sign-off): to the lead's and the agent's
   * sessions, each as its user may see it (no numbers for an agent coached on behaviours).
   */
  'reflection:changed': (payload: ReflectionSession) => void;
  /** The agent's open actions changed (agreed, done, dropped): to the agent's sessions. */
  'action:changed': (payload: MyActions) => void;
  /**
   * The user's profile changed on the hub (a team setting such as "coach on behaviours, not
   * scores"): what the client holds may show what the user may no longer see; bootstrap again.
   */
  'profile:changed': () => void;
  /**
   * An evaluation changed (released, acknowledged, disputed, re-scored): to the agent's sessions
   * (once released, as the agent may see it) and to the evaluator's and arbitrator's.
   */
  'qa:changed': (payload: Evaluation) => void;
  /** A new scorecard version or revision was published: clients fetch the pack again. */
  'scorecard:changed': (payload: { packId: string; version: number; revision: number }) => void;
  /**
   * A calibration session changed (created, a sheet submitted, revealed, a benchmark, closed): to
   * the facilitator and every participant. The session only, never an answer: clients that show
   * it open it again and get what they may see.
   */
  'calibration:changed': (payload: CalibrationSession) => void;
  /**
   * A mystery-call assignment changed (claimed, assigned, reported, reviewed): to its caller and
   * to quality managers. Never to agents or coaches.
   */
  'mystery:changed': (payload: MysteryAssignment) => void;
  /**
   * A wave was launched with calls this caller may claim (their profile fits, the gap rule lets
   * them): how many. To those callers only; it names no team. Their board then lists the calls.
   */
  'mystery:wave-open': (payload: { waveId: string; calls: number }) => void;
}

/**
 * Between hub nodes (socket.io's PostgreSQL adapter, over LISTEN/NOTIFY). Hints only: a lost or
 * late one delays a delivery (each node also looks at the database on its own), never loses one.
 */
export interface InterServerEvents {
  /** Inbox messages were committed: the recipients' newest numbers. */
  'inbox:committed': (heads: Record<string, number>) => void;
  /** A scorecard was published on another node: reload the active pack. */
  'scorecard:published': (packId: string) => void;
}

/** Largest socket message the hub accepts, in bytes; larger frames close the connection. */
export const MAX_MESSAGE_BYTES = 64 * 1024;
