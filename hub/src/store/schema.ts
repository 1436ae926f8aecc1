import type { ColumnType, Insertable, Selectable } from 'kysely';
import type {
  ActionOwner,
  ActionStatus,
  BadgeKind,
  ObservationVerdict,
  CallSource,
  Delivery,
  EvaluationStatus,
  ExclusionReason,
  SelfAnswerReason,
  StandardArea,
  SurveyChannel,
  SurveySkip,
  Visibility,
} from '@sidecoach/shared';

/** ISO-8601 UTC text: portable between SQLite and PostgreSQL. */
type Iso = string;

export interface TeamsTable {
  id: string;
  name: string;
  created_at: Iso;
  /** 1: agents of the team see their own customers' survey responses. */
  agents_see_surveys: ColumnType<number, number | undefined, number>;
  /** 1: coach on behaviours, not scores: the team's agents get no numeric scores. */
  behaviours_only: ColumnType<number, number | undefined, number>;
  /** IANA time zone of the team (a shift's hours, the dates of moves). */
  time_zone: ColumnType<string, string | undefined, string>;
  /** A shift's working hours, HH:MM (null: a team without set hours). */
  work_start: ColumnType<string | null, string | null | undefined, string | null>;
  work_end: ColumnType<string | null, string | null | undefined, string | null>;
  /** ISO weekdays of the shift, comma-separated ("1,2,3,4,5"). */
  work_days: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface UsersTable {
  id: string;
  username: string;
  /**
   * `usernameKey(username)`, what sign-in and the uniqueness check compare; null only for an
   * account made before the rule whose key another account shares (it signs in by `username`).
   */
  username_key: ColumnType<string | null, string | null | undefined, string | null>;
  display_name: string;
  /** 'caller': a mystery caller (mystery_callers), never in a team. */
  role: 'agent' | 'supervisor' | 'lead' | 'admin' | 'caller';
  password_hash: string;
  created_at: Iso;
  disabled: ColumnType<number, number | undefined, number>;
  /** Phone extension the PBX uses for the agent (unique). */
  extension: ColumnType<string | null, string | null | undefined, string | null>;
  /** 1: an admin who signs in with a password even when passwords are off (create-admin). */
  break_glass: ColumnType<number, number | undefined, number>;
  /** The admin's default UI language for the user. */
  default_lang: ColumnType<string | null, string | null | undefined, string | null>;
  /** The user's own choice of UI language (wins over the default). */
  ui_lang: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface TeamMembersTable {
  team_id: string;
  user_id: string;
}

export interface SessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  created_at: Iso;
  expires_at: Iso;
  revoked_at: Iso | null;
  /** What the device called itself at sign-in ("Sidecoach desktop", "Firefox on Linux"). */
  device: ColumnType<string | null, string | null | undefined, string | null>;
  user_agent: ColumnType<string | null, string | null | undefined, string | null>;
  /** The address the session signed in from. */
  ip: ColumnType<string | null, string | null | undefined, string | null>;
  /** The last socket connection (at most a minute stale); null only before 0013. */
  last_seen_at: ColumnType<Iso | null, Iso | null | undefined, Iso | null>;
}

/** A one-time code an admin issued: first sign-in, or a reset (hashes only, never the code). */
export interface OneTimeCodesTable {
  id: string;
  user_id: string;
  code_hash: string;
  token_hash: string;
  issued_by: string | null;
  created_at: Iso;
  expires_at: Iso;
  /** Wrong codes tried for this user while it was live. */
  attempts: ColumnType<number, number | undefined, number>;
  ended_at: Iso | null;
  end_reason: 'used' | 'replaced' | 'attempts' | null;
}

export interface StandardsPacksTable {
  pack_id: string;
  version: number;
  /** The newest revision of this version (wording fixes keep the version). */
  revision: ColumnType<number, number | undefined, number>;
  /** Where the newest revision came from: the YAML file, or the scorecard builder. */
  source: ColumnType<'yaml' | 'app', 'yaml' | 'app' | undefined, 'yaml' | 'app'>;
  /** The validated pack as JSON, exactly as scored against. */
  definition: string;
  loaded_at: Iso;
}

export interface CallsTable {
  id: string;
  agent_id: string;
  call_type: string;
  pack_id: string;
  pack_version: number;
  source: CallSource;
  external_id: ColumnType<string | null, string | null | undefined, string | null>;
  started_at: Iso;
  ended_at: Iso | null;
  duration_ms: number | null;
  created_at: Iso;
  /** The PBX's recording of the call, from a CTI event. */
  recording_url: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CallTicksTable {
  call_id: string;
  item_id: string;
  checked: number;
  at: Iso;
}

export interface SelfAssessmentsTable {
  id: string;
  call_id: string;
  agent_id: string;
  status: 'submitted' | 'skipped';
  answers: string;
  next_time: string | null;
  score: string | null;
  submitted_at: Iso;
  created_at: Iso;
}

export interface CtiEventsTable {
  id: string;
  user_id: string;
  call_id: string;
  kind: string;
  /** The call event as received, JSON. */
  event: string;
  received_at: Iso;
}

/** The PBX events accepted in the last minutes, by key: a replay or retry is answered once. */
export interface CtiEventKeysTable {
  key: string;
  received_at: Iso;
}

export interface ObservationsTable {
  id: string;
  author_id: string;
  agent_id: string;
  call_id: string | null;
  offset_ms: number | null;
  item_id: string | null;
  area: StandardArea | null;
  /** Met or missed, for an observation on a standard item (reflective sessions compare these). */
  verdict: ColumnType<ObservationVerdict | null, ObservationVerdict | null | undefined>;
  /** JSON array of tags. */
  tags: string;
  text: string;
  visibility: Visibility;
  delivery: Delivery;
  /** BCP 47 tag of the note's language. */
  lang: ColumnType<string, string | undefined, string>;
  at: Iso;
  created_at: Iso;
  released_at: Iso | null;
  delivered_at: Iso | null;
  read_at: Iso | null;
}

export interface ObservationSessionsTable {
  observer_id: string;
  agent_id: string;
  joined_at: Iso;
  /** Since when the observer has had no connected socket (database clock); null: connected. */
  away_since: Iso | null;
}

export interface CoachingNotesTable {
  id: string;
  author_id: string;
  agent_id: string;
  call_id: string | null;
  /** JSON array of observation ids. */
  observation_ids: string;
  text: string;
  lang: ColumnType<string, string | undefined, string>;
  at: Iso;
  created_at: Iso;
  /** The agent's one reply: its id (a retry stores it once), text, language and time. */
  reply_id: ColumnType<string | null, string | null | undefined, string | null>;
  reply_text: ColumnType<string | null, string | null | undefined, string | null>;
  reply_lang: ColumnType<string | null, string | null | undefined, string | null>;
  replied_at: ColumnType<Iso | null, Iso | null | undefined, Iso | null>;
}

export interface InboxTable {
  recipient_id: string;
  seq: number;
  ref_id: string;
  kind: string;
  /** The message without its seq, JSON. */
  body: string;
  created_at: Iso;
}

export interface InboxHeadsTable {
  recipient_id: string;
  /** The recipient's last inbox number (0 before their first message). */
  seq: number;
}

export interface HubNodesTable {
  node_id: string;
  started_at: Iso;
  /** The node's last heartbeat: a node not seen for a while is taken as gone. */
  seen_at: Iso;
}

export interface PresenceTable {
  socket_id: string;
  node_id: string;
  user_id: string;
  connected_at: Iso;
}

export interface RingingTable {
  user_id: string;
  node_id: string;
  since: Iso;
}

export interface HubSecretsTable {
  name: string;
  value: string;
  created_at: Iso;
}

export interface InboxAcksTable {
  recipient_id: string;
  seq: number;
}

export interface SurveyPacksTable {
  version: number;
  yaml: string;
  /** The validated pack, JSON. */
  definition: string;
  saved_by: string | null;
  saved_at: Iso;
}

export interface SurveyExclusionsTable {
  call_id: string;
  agent_id: string;
  reason: ExclusionReason;
  at: Iso;
}

/** The hub's decision for an ended call and, when sent, the send's state (the outbox). */
export interface SurveySendsTable {
  call_id: string;
  agent_id: string;
  call_type: string;
  pack_version: number;
  survey_id: string | null;
  channel: SurveyChannel | null;
  /** Email address or phone number the survey goes to (null for the link channel). */
  address: string | null;
  /** The address as compared for the cooldown (lower-cased email, normalized phone). */
  address_key: string | null;
  /** The language the survey is sent in: the customer's, else the hub's `--survey-lang`. */
  lang: string;
  /** The customer's language as the call's CTI events gave it; null when they gave none. */
  customer_lang: ColumnType<string | null, string | null | undefined, string | null>;
  /** pending: to send; sent; failed: given up after retrying; skipped: not surveyed. */
  state: 'pending' | 'sent' | 'failed' | 'skipped';
  skip_reason: SurveySkip | null;
  /** SHA-256 of the survey page token. */
  token_hash: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Iso | null;
  last_error: string | null;
  decided_at: Iso;
  sent_at: Iso | null;
  expires_at: Iso | null;
  /** Meant for email, sms or ivr, shown as a link because that channel is not configured. */
  fallback_from: ColumnType<SurveyChannel | null, SurveyChannel | null | undefined>;
}

export interface SurveyResponsesTable {
  call_id: string;
  agent_id: string;
  survey_id: string;
  call_type: string;
  channel: SurveyChannel;
  /** Every answer by question id, JSON. */
  answers: string;
  csat: number | null;
  resolved: number | null;
  effort: number | null;
  comment: string | null;
  lang: string;
  submitted_at: Iso;
  /** Why the answer looks like staff gave it (null: nothing says so); counted apart from CSAT. */
  self_answer: ColumnType<SelfAnswerReason | null, SelfAnswerReason | null | undefined>;
}

/** A QA evaluation imported from an external QA tool (recorded quality monitoring). */
export interface QaEvaluationsTable {
  /** The QA tool's own id: a re-import of the same evaluation is stored once. */
  id: string;
  agent_id: string;
  call_id: string | null;
  evaluator_name: string;
  pack_id: string;
  pack_version: number;
  /** JSON object: item id -> yes / no / na. */
  answers: string;
  /** When it was submitted (imported: the QA tool's time); a draft: when last saved. */
  evaluated_at: Iso;
  created_at: Iso;
  source: ColumnType<'app' | 'import', 'app' | 'import' | undefined, 'app' | 'import'>;
  status: ColumnType<EvaluationStatus, EvaluationStatus | undefined, EvaluationStatus>;
  evaluator_id: ColumnType<string | null, string | null | undefined, string | null>;
  assignment_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** 1, then 2... after an accepted dispute re-scores it (earlier ones in qa_evaluation_versions). */
  version: ColumnType<number, number | undefined, number>;
  /** Comments by item id, JSON. */
  comments: ColumnType<string, string | undefined, string>;
  tips: ColumnType<string, string | undefined, string>;
  lang: ColumnType<string, string | undefined, string>;
  /** The ScoreResult computed at submission (shared scoreScorecard), JSON; null for a draft. */
  score: ColumnType<string | null, string | null | undefined, string | null>;
  updated_at: ColumnType<Iso | null, Iso | null | undefined, Iso | null>;
  released_at: ColumnType<Iso | null, Iso | null | undefined, Iso | null>;
  acknowledged_at: ColumnType<Iso | null, Iso | null | undefined, Iso | null>;
  /** YYYY-MM-DD, the last day the agent may dispute (set at release). */
  dispute_until: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface StandardsPackRevisionsTable {
  pack_id: string;
  version: number;
  revision: number;
  definition: string;
  source: 'yaml' | 'app';
  note: ColumnType<string, string | undefined, string>;
  saved_by: string | null;
  saved_at: Iso;
}

export interface QaEvaluationVersionsTable {
  evaluation_id: string;
  version: number;
  answers: string;
  comments: string;
  score: string | null;
  /** Why it was replaced (the arbitrator's reason). */
  reason: string | null;
  at: Iso;
}

export interface QaPlansTable {
  team_id: string;
  per_agent: number;
  period: 'week' | 'month';
  /** QaFilters, JSON. */
  filters: string;
  /** JSON array of user ids. */
  evaluator_ids: string;
  daily_cap: number;
  dispute_days: number;
  arbitrator_id: string | null;
  active: ColumnType<number, number | undefined, number>;
  seed: string;
  updated_by: string | null;
  updated_at: Iso;
}

export interface QaAssignmentsTable {
  id: string;
  team_id: string;
  /** The period's first day (YYYY-MM-DD, team's zone). */
  period_from: string;
  slot: number;
  agent_id: string;
  call_id: string;
  evaluator_id: string;
  due: string;
  /** DrawReason, JSON. */
  reason: string;
  evaluation_id: string | null;
  drawn_at: Iso;
}

export interface QaFlagsTable {
  call_id: string;
  flagged_by: string;
  note: ColumnType<string, string | undefined, string>;
  at: Iso;
}

export interface QaDisputesTable {
  id: string;
  evaluation_id: string;
  version: number;
  agent_id: string;
  arbitrator_id: string;
  /** The points, JSON: [{itemId, reason, proposed, accepted, answer}]. */
  points: string;
  status: 'open' | 'accepted' | 'partly' | 'rejected';
  resolution: string | null;
  created_at: Iso;
  resolved_at: Iso | null;
}

export interface ReflectionSessionsTable {
  id: string;
  agent_id: string;
  lead_id: string;
  days: number;
  from: Iso;
  to: Iso;
  /** JSON array of agenda items as the lead kept them. */
  agenda: string;
  version: number;
  status: 'open' | 'signed';
  started_at: Iso;
  signed_by_agent_at: Iso | null;
  signed_by_lead_at: Iso | null;
  /**
   * Once signed by both: JSON of both sides' views as signed (evidence, notes, actions), so the
   * record does not change with later imports, releases or pack versions. Null while open.
   */
  record: string | null;
}

export interface ReflectionNotesTable {
  id: string;
  session_id: string;
  author_id: string;
  prompt: string | null;
  agenda_index: number | null;
  text: string;
  lang: string;
  at: Iso;
  created_at: Iso;
}

export interface ReflectionActionsTable {
  id: string;
  session_id: string;
  agent_id: string;
  text: string;
  item_id: string | null;
  owner: ActionOwner;
  /** YYYY-MM-DD, the follow-up date. */
  due: string;
  status: ActionStatus;
  created_at: Iso;
  closed_at: Iso | null;
  /** The later session in which it was reviewed. */
  reviewed_in_session_id: string | null;
}

export interface AuditLogTable {
  id: string;
  at: Iso;
  /** Who made the change; null when the hub did (a team move dated earlier taking effect). */
  actor_id: string | null;
  /** What was done, `area.verb` ("user.create", "password.reset-issued"). */
  action: string;
  /** What it was done to ("user", "team", "session", "hub"). */
  target_type: string;
  target_id: string | null;
  /** The target before and after, JSON (secrets never: no hash, code or token). */
  before: string | null;
  after: string | null;
  /** The address the change came from, when it came over HTTP or a socket. */
  ip: string | null;
}

/** A person at an OpenID provider, linked to a user at their first single sign-on. */
export interface UserIdentitiesTable {
  issuer: string;
  subject: string;
  user_id: string;
  linked_at: Iso;
}

/** A single sign-on sent to the provider, taken when the provider sends the browser back. */
export interface SsoLoginsTable {
  /** The state sent to the provider (random). */
  state: string;
  nonce: string;
  /** The PKCE verifier of the hub's request to the provider. */
  verifier: string;
  /** The desktop app's loopback redirect; null for the web sidebar. */
  client_redirect: string | null;
  client_state: string;
  /** The sidebar's S256 challenge: its code is exchanged only with the matching verifier. */
  client_challenge: string;
  created_at: Iso;
  expires_at: Iso;
}

/** A one-time code the sidebar exchanges for a session (only its hash is stored). */
export interface SsoCodesTable {
  code_hash: string;
  user_id: string;
  client_challenge: string;
  created_at: Iso;
  expires_at: Iso;
  used_at: Iso | null;
}

/** Rights beyond the role (evaluator, arbitrator), held by coaches only. */
export interface UserPermissionsTable {
  user_id: string;
  permission: 'evaluator' | 'arbitrator';
  granted_by: string | null;
  granted_at: Iso;
}

/**
 * Moves of agents between teams, dated: `team_members` is the membership now; a move dated
 * today is applied at once, a later one when its day starts in the destination team's zone.
 */
export interface TeamMovesTable {
  id: string;
  agent_id: string;
  from_team_id: string | null;
  to_team_id: string;
  /** YYYY-MM-DD in the destination team's time zone. */
  effective_date: string;
  /** The instant that day starts there (what the sweep compares). */
  effective_at: Iso;
  created_by: string | null;
  created_at: Iso;
  applied_at: Iso | null;
  cancelled_at: Iso | null;
}

export interface CalibrationSessionsTable {
  id: string;
  title: string;
  /** 'mystery': on a mystery call's matched call (mystery_assignment_id says which report). */
  source: 'call' | 'mystery';
  call_id: string;
  mystery_assignment_id: ColumnType<string | null, string | null | undefined, string | null>;
  pack_id: string;
  pack_version: number;
  facilitator_id: string;
  deadline: Iso;
  status: 'open' | 'revealed' | 'closed';
  created_at: Iso;
  revealed_at: Iso | null;
  closed_at: Iso | null;
}

export interface CalibrationSheetsTable {
  session_id: string;
  user_id: string;
  /** Record<item, Answer>, JSON. */
  answers: ColumnType<string, string | undefined, string>;
  /** Record<item, string>, JSON. */
  comments: ColumnType<string, string | undefined, string>;
  /** ScoreResult, JSON; null until submitted. */
  score: string | null;
  saved_at: Iso | null;
  submitted_at: Iso | null;
}

export interface CalibrationBenchmarksTable {
  session_id: string;
  item_id: string;
  answer: 'yes' | 'no' | 'na' | null;
  note: ColumnType<string, string | undefined, string>;
  set_by: string;
  set_at: Iso;
}

export interface ScorecardGuidanceTable {
  pack_id: string;
  version: number;
  item_id: string;
  note: string;
  session_id: string | null;
  set_by: string;
  set_at: Iso;
}

export interface MysteryCallersTable {
  user_id: string;
  region: string;
  age_band: string;
  language: string;
  /** JSON string[]: the numbers as typed (mystery_caller_phones holds their keys). */
  phones: string;
  email: string | null;
  declared_at: Iso;
  created_by: string | null;
  created_at: Iso;
  updated_at: Iso;
}

export interface MysteryCallerPhonesTable {
  /** shared phoneKey of the number: what surveys and matching compare. */
  phone_key: string;
  user_id: string;
  phone: string;
}

export interface MysteryProgrammesTable {
  id: string;
  name: string;
  objective: 'training' | 'compliance' | 'road-test' | 'competitor';
  competitor: string | null;
  pack_id: string;
  pack_version: number;
  /** JSON string[]. */
  item_ids: string;
  /** JSON Rating[]. */
  ratings: string;
  /** JSON Record<item, text>. */
  definitions: string;
  target: number;
  active: ColumnType<number, number | undefined, number>;
  created_by: string | null;
  created_at: Iso;
  updated_by: string | null;
  updated_at: Iso;
}

export interface MysteryWavesTable {
  id: string;
  programme_id: string;
  name: string;
  from_day: string;
  to_day: string;
  /** JSON string[]. */
  team_ids: string;
  /** JSON Record<team, number to call>. */
  numbers: string;
  calls: number;
  /** JSON Scenario[]. */
  scenarios: string;
  per_team_max: number;
  per_agent_max: number;
  caller_gap_days: number;
  /** JSON { region?, ageBand?, language? } of shares. */
  profile_mix: string;
  confidence: number;
  margin: number;
  /** JSON WavePlan. */
  plan: string;
  status: 'draft' | 'live' | 'closed';
  seed: string | null;
  launched_at: Iso | null;
  closed_at: Iso | null;
  released_at: Iso | null;
  released_by: string | null;
  created_by: string | null;
  created_at: Iso;
  updated_by: string | null;
  updated_at: Iso;
}

export type MysteryAssignmentStatus =
  'open' | 'claimed' | 'reported' | 'returned' | 'approved' | 'rejected';

export interface MysteryAssignmentsTable {
  id: string;
  wave_id: string;
  slot: number;
  team_id: string;
  scenario_id: string;
  call_type: string;
  /** The team's local day (YYYY-MM-DD). */
  day: string;
  window_from: Iso;
  window_to: Iso;
  day_part: 'morning' | 'afternoon' | 'evening' | 'night';
  weekend: number;
  /** JSON Partial<CallerProfile>. */
  profile: string;
  caller_id: string | null;
  status: MysteryAssignmentStatus;
  claimed_at: Iso | null;
  assigned_by: string | null;
  created_at: Iso;
  updated_at: Iso;
}

export interface MysteryReportsTable {
  assignment_id: string;
  wave_id: string;
  caller_id: string;
  called_at: Iso;
  called_number: string;
  from_number: string;
  from_key: string;
  agent_name_heard: ColumnType<string, string | undefined, string>;
  /** JSON Record<item, Answer>. */
  answers: string;
  /** JSON Record<item, string>. */
  comments: string;
  /** JSON Record<rating, 1-5>. */
  ratings: string;
  impression: ColumnType<string, string | undefined, string>;
  reply: ColumnType<string, string | undefined, string>;
  /** JSON ScoreResult; null for a draft. */
  score: string | null;
  match_method: ColumnType<'number' | 'manual' | 'none', 'number' | 'manual' | 'none' | undefined>;
  call_id: string | null;
  agent_id: string | null;
  /** JSON string[]: call ids the report could be about. */
  candidates: ColumnType<string, string | undefined, string>;
  over_agent_limit: ColumnType<number, number | undefined, number>;
  grade: number | null;
  review_note: string | null;
  reviewed_at: Iso | null;
  reviewed_by: string | null;
  submitted_at: Iso | null;
  saved_at: Iso;
  created_at: Iso;
}

/** A PBX queue and the team its calls count for (0025). */
export interface KpiQueuesTable {
  queue: string;
  team_id: string | null;
  call_type: string | null;
  first_seen_at: Iso;
  updated_at: Iso;
  updated_by: string | null;
}

/** A team's KPI settings (0025); no row: the defaults. */
export interface KpiSettingsTable {
  team_id: string;
  fcr_days: number;
  short_abandon_seconds: number;
  service_level_seconds: number;
  /** JSON: KpiTargets. */
  targets: string;
  leaderboard: ColumnType<number, number | undefined, number>;
  updated_at: Iso;
  updated_by: string | null;
}

/** A call leg: a PBX call in a queue, merged from its queue events (0026). */
export interface KpiLegsTable {
  id: string;
  pbx_call_id: string;
  queue: string;
  team_id: string | null;
  agent_id: string | null;
  extension: string | null;
  pbx_call_type: string | null;
  /** The PBX's, else the queue's, else Sidecoach's call's. */
  call_type: string | null;
  customer_key: string | null;
  /** 1: the 'offered' event arrived (else offered_at is inferred from the others). */
  offered_seen: ColumnType<number, number | undefined, number>;
  offered_at: Iso;
  offered_ms: number;
  answered_at: Iso | null;
  abandoned_at: Iso | null;
  wait_ms: number | null;
  transferred_at: Iso | null;
  to_queue: string | null;
  wrap_start_at: Iso | null;
  wrap_end_at: Iso | null;
  talk_ms: number | null;
  hold_ms: number | null;
  complaint: ColumnType<number, number | undefined, number>;
  next_contact_at: Iso | null;
  next_contact_ms: number | null;
  call_id: string | null;
  /** Derived from the facts above by shared's KPI functions at each write. */
  /** 0 waiting, 1 answered, 2 answered and transferred on, 3 abandoned. */
  outcome: ColumnType<number, number | undefined, number>;
  counted_wait_ms: number | null;
  handled: ColumnType<number, number | undefined, number>;
  handle_talk_ms: number | null;
  handle_hold_ms: number | null;
  handle_acw_ms: number | null;
  local_day: string;
  time_zone: string;
  created_at: Iso;
  updated_at: Iso;
}

/** A badge awarded (0027): once per agent, kind, item ('' for none) and period key. */
export interface RecognitionBadgesTable {
  id: string;
  agent_id: string;
  /** The agent's team when it was awarded (its wall). */
  team_id: string | null;
  kind: BadgeKind;
  item_id: ColumnType<string, string | undefined, string>;
  /** As shown: the week's Monday, the month's first day, the streak's first day. */
  period: string;
  /** What makes the award unique: the period, or a streak's first answer (its call id). */
  period_key: string;
  count: number;
  awarded_at: Iso;
}

/** A shout-out given (0027). */
export interface RecognitionShoutoutsTable {
  id: string;
  agent_id: string;
  from_id: string;
  from_role: 'lead' | 'peer';
  /** The agent's team when it was given (its wall). */
  team_id: string | null;
  item_id: string;
  behaviour: string;
  lang: string;
  call_id: string | null;
  visibility: 'team' | 'private';
  at: Iso;
}

export interface Database {
  teams: TeamsTable;
  users: UsersTable;
  team_members: TeamMembersTable;
  sessions: SessionsTable;
  standards_packs: StandardsPacksTable;
  calls: CallsTable;
  call_ticks: CallTicksTable;
  self_assessments: SelfAssessmentsTable;
  cti_events: CtiEventsTable;
  cti_event_keys: CtiEventKeysTable;
  observations: ObservationsTable;
  observation_sessions: ObservationSessionsTable;
  coaching_notes: CoachingNotesTable;
  inbox: InboxTable;
  inbox_acks: InboxAcksTable;
  inbox_heads: InboxHeadsTable;
  hub_nodes: HubNodesTable;
  presence: PresenceTable;
  ringing: RingingTable;
  hub_secrets: HubSecretsTable;
  survey_packs: SurveyPacksTable;
  survey_exclusions: SurveyExclusionsTable;
  survey_sends: SurveySendsTable;
  survey_responses: SurveyResponsesTable;
  qa_evaluations: QaEvaluationsTable;
  reflection_sessions: ReflectionSessionsTable;
  reflection_notes: ReflectionNotesTable;
  reflection_actions: ReflectionActionsTable;
  audit_log: AuditLogTable;
  one_time_codes: OneTimeCodesTable;
  user_identities: UserIdentitiesTable;
  sso_logins: SsoLoginsTable;
  sso_codes: SsoCodesTable;
  user_permissions: UserPermissionsTable;
  team_moves: TeamMovesTable;
  standards_pack_revisions: StandardsPackRevisionsTable;
  qa_evaluation_versions: QaEvaluationVersionsTable;
  qa_plans: QaPlansTable;
  qa_assignments: QaAssignmentsTable;
  qa_flags: QaFlagsTable;
  qa_disputes: QaDisputesTable;
  calibration_sessions: CalibrationSessionsTable;
  calibration_sheets: CalibrationSheetsTable;
  calibration_benchmarks: CalibrationBenchmarksTable;
  scorecard_guidance: ScorecardGuidanceTable;
  mystery_callers: MysteryCallersTable;
  mystery_caller_phones: MysteryCallerPhonesTable;
  mystery_programmes: MysteryProgrammesTable;
  mystery_waves: MysteryWavesTable;
  mystery_assignments: MysteryAssignmentsTable;
  mystery_reports: MysteryReportsTable;
  kpi_queues: KpiQueuesTable;
  kpi_settings: KpiSettingsTable;
  kpi_legs: KpiLegsTable;
  recognition_badges: RecognitionBadgesTable;
  recognition_shoutouts: RecognitionShoutoutsTable;
}

export type ObservationRow = Selectable<ObservationsTable>;
export type CoachingNoteRow = Selectable<CoachingNotesTable>;

export type UserRow = Selectable<UsersTable>;
export type TeamRow = Selectable<TeamsTable>;
export type TeamMoveRow = Selectable<TeamMovesTable>;
export type CallRow = Selectable<CallsTable>;
export type NewCall = Insertable<CallsTable>;
export type AssessmentRow = Selectable<SelfAssessmentsTable>;
export type QaEvaluationRow = Selectable<QaEvaluationsTable>;
export type ReflectionSessionRow = Selectable<ReflectionSessionsTable>;
export type ReflectionNoteRow = Selectable<ReflectionNotesTable>;
export type ReflectionActionRow = Selectable<ReflectionActionsTable>;
export type QaPlanRow = Selectable<QaPlansTable>;
export type CalibrationSessionRow = Selectable<CalibrationSessionsTable>;
export type CalibrationSheetRow = Selectable<CalibrationSheetsTable>;
export type QaAssignmentRow = Selectable<QaAssignmentsTable>;
export type QaDisputeRow = Selectable<QaDisputesTable>;
export type MysteryCallerRow = Selectable<MysteryCallersTable>;
export type MysteryProgrammeRow = Selectable<MysteryProgrammesTable>;
export type MysteryWaveRow = Selectable<MysteryWavesTable>;
export type MysteryAssignmentRow = Selectable<MysteryAssignmentsTable>;
export type MysteryReportRow = Selectable<MysteryReportsTable>;
export type KpiLegRow = Selectable<KpiLegsTable>;
export type RecognitionBadgeRow = Selectable<RecognitionBadgesTable>;
export type RecognitionShoutoutRow = Selectable<RecognitionShoutoutsTable>;
