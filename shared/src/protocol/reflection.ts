import { z } from 'zod';
import {
  AgendaItemSchema,
  FindingSchema,
  StandardAreaIdSchema,
  TallySchema,
} from '../domain/reflection.js';
import { AnswerSchema } from '../domain/scoring.js';
import { DaySchema, IsoTimeSchema, RecordIdSchema, withPeriod } from './common.js';
import { MysteryEvidenceSchema } from './mystery.js';

// Reflective coaching sessions on the wire (see DOMAIN.md, "Three coaching channels"): the lead
// prepares a session over a period, runs it live with the agent, both agree next-time actions
// and sign off; open actions follow the agent into their sidebar.
//
// "Coach on behaviours, not scores" (a team setting): when it is on, the hub leaves every
// numeric field out of what the agent's client receives (the optional fields below are absent,
// not zeroed); leads still get them.

const UserIdSchema = z.string().min(1).max(64);
const ItemIdSchema = z.string().min(1).max(64);

export const REFLECTION_DAYS_MAX = 90;
export const REFLECTION_NOTE_MAX = 5000;
export const ACTION_TEXT_MAX = 500;
export const ACTIONS_PER_SESSION_MAX = 10;
export const AGENDA_MAX = 20;

/** The reflective prompts a lead can put to the agent (DOMAIN.md: open reflective questions). */
export const REFLECTIVE_PROMPTS = [
  'how-did-it-go',
  'what-did-you-say',
  'what-would-help',
  'what-next-time',
  'what-went-well',
] as const;
export const ReflectivePromptSchema = z.enum(REFLECTIVE_PROMPTS);
export type ReflectivePrompt = z.infer<typeof ReflectivePromptSchema>;

export const ActionOwnerSchema = z.enum(['agent', 'lead']);
export type ActionOwner = z.infer<typeof ActionOwnerSchema>;
export const ActionStatusSchema = z.enum(['open', 'done', 'dropped']);
export type ActionStatus = z.infer<typeof ActionStatusSchema>;

// ---- client to hub ----

/** The lead's preparation: the evidence for one agent over the last `days`. */
export const ReflectionPrepareSchema = withPeriod(
  {
    agentId: UserIdSchema,
    days: z.number().int().min(7).max(REFLECTION_DAYS_MAX).default(28),
  },
  REFLECTION_DAYS_MAX,
);
export type ReflectionPrepare = z.input<typeof ReflectionPrepareSchema>;

/** The lead opens a session with the agent on the prepared period and agenda. */
export const ReflectionStartSchema = withPeriod(
  {
    /** Client-generated (UUID v7): a retry of the same id opens one session. */
    id: RecordIdSchema,
    agentId: UserIdSchema,
    days: z.number().int().min(7).max(REFLECTION_DAYS_MAX).default(28),
    /** The agenda as the lead kept it from the proposal (reordered, trimmed, added to). */
    agenda: z.array(AgendaItemSchema).max(AGENDA_MAX),
  },
  REFLECTION_DAYS_MAX,
);
export type ReflectionStart = z.input<typeof ReflectionStartSchema>;

/** Either side opens a session: the lead, or the agent it is with. */
export const ReflectionGetSchema = z.strictObject({ sessionId: RecordIdSchema });

export const ReflectionNoteSchema = z.strictObject({
  id: RecordIdSchema,
  sessionId: RecordIdSchema,
  /** The prompt this note answers or follows, if any. */
  prompt: ReflectivePromptSchema.nullable().default(null),
  /** The agenda entry (its index) it belongs to, if any. */
  agendaIndex: z.number().int().min(0).max(19).nullable().default(null),
  text: z.string().trim().min(1).max(REFLECTION_NOTE_MAX),
  lang: z.string().min(2).max(35).default('en'),
  at: IsoTimeSchema,
});
export type ReflectionNoteInput = z.input<typeof ReflectionNoteSchema>;

/** A next-time action agreed in the session (a new one, or an edit of one of this session's). */
export const ReflectionActionSchema = z.strictObject({
  id: RecordIdSchema,
  sessionId: RecordIdSchema,
  text: z.string().trim().min(1).max(ACTION_TEXT_MAX),
  /** The standard item it works on: reminders show before calls where that item applies. */
  itemId: ItemIdSchema.nullable(),
  owner: ActionOwnerSchema,
  /** The follow-up date, today or later (the hub's calendar, UTC). */
  due: DaySchema,
});
export type ReflectionActionInput = z.input<typeof ReflectionActionSchema>;

/** Follow-up: an action is done or dropped (in a later session, or by its owner), or reopened. */
export const ActionStatusChangeSchema = z.strictObject({
  actionId: RecordIdSchema,
  status: ActionStatusSchema,
  /** The session in which it was reviewed, if any. */
  sessionId: RecordIdSchema.nullable().default(null),
});

/** The signed-in user (lead or agent) signs the session off as it stands now. */
export const ReflectionSignSchema = z.strictObject({
  sessionId: RecordIdSchema,
  /** The version the signer saw: a sign-off of an older version is refused (conflict). */
  version: z.number().int().min(1),
});

export const ReflectionListSchema = z.strictObject({
  /** One agent's sessions; absent: every agent the caller coaches (an agent: their own). */
  agentId: UserIdSchema.optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

// ---- hub to client ----

/** Weekly figures for one item; `week` is the Monday (UTC) the week starts on. */
export const ItemWeekSchema = z.object({
  week: DaySchema,
  self: TallySchema,
  observed: TallySchema,
  qa: TallySchema,
});

export const ItemEvidenceSchema = z.object({
  itemId: z.string(),
  area: StandardAreaIdSchema,
  /** Found by the comparison (blind spot, low confidence, strength); null when neither. */
  finding: FindingSchema.nullable(),
  // Numeric: absent for an agent whose team coaches on behaviours, not scores.
  self: TallySchema.optional(),
  observed: TallySchema.optional(),
  qa: TallySchema.optional(),
  gap: z.number().nullable().optional(),
  weeks: z.array(ItemWeekSchema).optional(),
  /** Supervisors' shared observations on this item in the period, newest first (at most 5). */
  observations: z.array(
    z.object({ id: z.string(), text: z.string(), authorName: z.string(), at: IsoTimeSchema }),
  ),
});
export type ItemEvidence = z.infer<typeof ItemEvidenceSchema>;

export const SurveyEvidenceSchema = z.object({
  // Numeric: absent for an agent whose team coaches on behaviours, not scores.
  responses: z.number().int().optional(),
  /** CSAT: the share of 4 and 5 answers (0-1); null when none. */
  csat: z.number().nullable().optional(),
  /** The mean of the 1-5 answers (the labelled second figure beside CSAT). */
  meanCsat: z.number().nullable().optional(),
  /** CSAT answers per score, index 0 for 1 up to index 4 for 5. */
  csatDistribution: z.array(z.number().int()).length(5).optional(),
  resolvedShare: z.number().nullable().optional(),
  meanEffort: z.number().nullable().optional(),
  weeks: z
    .array(
      z.object({
        week: DaySchema,
        responses: z.number().int(),
        csat: z.number().nullable(),
        meanCsat: z.number().nullable(),
      }),
    )
    .optional(),
  /** Customers' comments in the period, newest first (at most 10). */
  comments: z.array(z.object({ text: z.string(), callType: z.string(), at: IsoTimeSchema })),
});
export type SurveyEvidence = z.infer<typeof SurveyEvidenceSchema>;

export const ActionRecordSchema = z.object({
  id: z.string(),
  sessionId: z.string(),
  agentId: z.string(),
  text: z.string(),
  itemId: z.string().nullable(),
  owner: ActionOwnerSchema,
  due: DaySchema,
  status: ActionStatusSchema,
  /** Open and past its follow-up date (the hub's calendar, UTC). */
  overdue: z.boolean(),
  createdAt: IsoTimeSchema,
  closedAt: IsoTimeSchema.nullable(),
});
export type ActionRecord = z.infer<typeof ActionRecordSchema>;

/** What the lead prepares from: the evidence, the proposed agenda and actions still open. */
export const ReflectionPrepSchema = z.object({
  agentId: z.string(),
  agentName: z.string(),
  from: IsoTimeSchema,
  to: IsoTimeSchema,
  packId: z.string(),
  packVersion: z.number().int(),
  /** Every week start (Monday, UTC) in the period, for the trend charts. */
  weeks: z.array(DaySchema),
  /** Calls and self-assessments in the period; absent under "behaviours, not scores". */
  calls: z.number().int().optional(),
  assessments: z.number().int().optional(),
  items: z.array(ItemEvidenceSchema),
  surveys: SurveyEvidenceSchema,
  /** Mystery calls on the agent in the period, once their wave's results are released. */
  mystery: MysteryEvidenceSchema,
  agenda: z.array(AgendaItemSchema),
  openActions: z.array(ActionRecordSchema),
  /** The team setting, for the UI: numbers are absent for the agent when it is on. */
  behavioursOnly: z.boolean(),
});
export type ReflectionPrep = z.infer<typeof ReflectionPrepSchema>;

export const ReflectionNoteRecordSchema = z.object({
  id: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  prompt: ReflectivePromptSchema.nullable(),
  agendaIndex: z.number().int().nullable(),
  text: z.string(),
  lang: z.string(),
  at: IsoTimeSchema,
});
export type ReflectionNoteRecord = z.infer<typeof ReflectionNoteRecordSchema>;

/** Who a session is between and where it stands: the head of a session and of its list line. */
const SessionHeadSchema = z.object({
  id: z.string(),
  agentId: z.string(),
  agentName: z.string(),
  leadId: z.string(),
  leadName: z.string(),
  /** Open until both have signed off; then nothing changes. */
  status: z.enum(['open', 'signed']),
  startedAt: IsoTimeSchema,
});

export const ReflectionSessionSchema = SessionHeadSchema.extend({
  /** Bumped on every change; a sign-off names the version signed. */
  version: z.number().int(),
  days: z.number().int(),
  /** The evidence for the period, as the signed-in user may see it. */
  prep: ReflectionPrepSchema,
  agenda: z.array(AgendaItemSchema),
  notes: z.array(ReflectionNoteRecordSchema),
  /** Actions agreed in this session. */
  actions: z.array(ActionRecordSchema),
  /** Earlier sessions' actions reviewed at the start of this one (as they stand now). */
  reviewed: z.array(ActionRecordSchema),
  /** When each side signed the current version (a change clears both). */
  signedByAgentAt: IsoTimeSchema.nullable(),
  signedByLeadAt: IsoTimeSchema.nullable(),
});
export type ReflectionSession = z.infer<typeof ReflectionSessionSchema>;

/** A line in the lead's list (or the agent's): one session with its action counts. */
export const ReflectionSummarySchema = SessionHeadSchema.extend({
  openActions: z.number().int(),
  overdueActions: z.number().int(),
});
export type ReflectionSummary = z.infer<typeof ReflectionSummarySchema>;

export const ReflectionListResultSchema = z.object({
  sessions: z.array(ReflectionSummarySchema),
  /** Open actions past their follow-up date, for the lead's list (an agent: their own). */
  overdue: z.array(ActionRecordSchema.extend({ agentName: z.string() })),
});
export type ReflectionListResult = z.infer<typeof ReflectionListResultSchema>;

export const MyActionsSchema = z.object({ actions: z.array(ActionRecordSchema) });
export type MyActions = z.infer<typeof MyActionsSchema>;

// ---- HTTP: QA evaluations from an external QA tool (recorded quality monitoring) ----

export const QA_IMPORT_MAX = 200;

/** One evaluation as a QA tool sends it to `POST /api/qa/evaluations`. */
export const QaEvaluationImportSchema = z
  .strictObject({
    /** The QA tool's own id for the evaluation: importing it again stores nothing twice. */
    id: z.string().trim().min(1).max(128),
    /** The agent evaluated, by their Sidecoach username. */
    agentUsername: z.string().trim().min(1).max(64),
    /** The Sidecoach call evaluated, when the QA tool knows it. */
    callId: RecordIdSchema.nullable().default(null),
    evaluatorName: z.string().trim().min(1).max(100),
    /** The standards pack and version scored against (both or neither; default: the active one). */
    packId: z.string().min(1).max(64).optional(),
    packVersion: z.number().int().min(1).optional(),
    /** Scorecard answers by item id: yes, no or na (not assessable). */
    answers: z
      .record(ItemIdSchema, AnswerSchema)
      .refine((a) => Object.keys(a).length > 0, { message: 'at least one answer' }),
    evaluatedAt: IsoTimeSchema,
  })
  .refine((e) => (e.packId === undefined) === (e.packVersion === undefined), {
    message: 'give packId and packVersion together, or neither',
    path: ['packVersion'],
  });
export type QaEvaluationImport = z.input<typeof QaEvaluationImportSchema>;

export const QaImportRequestSchema = z.strictObject({
  evaluations: z.array(QaEvaluationImportSchema).min(1).max(QA_IMPORT_MAX),
});
export type QaImportRequest = z.input<typeof QaImportRequestSchema>;

/** The import's answer: ids stored now, and ids stored before with the same content. */
export const QaImportResultSchema = z.object({
  stored: z.array(z.string()),
  unchanged: z.array(z.string()),
});
export type QaImportResult = z.infer<typeof QaImportResultSchema>;
