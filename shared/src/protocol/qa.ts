import { z } from 'zod';
import { AnswerSchema, ScoreResultSchema } from '../domain/scoring.js';
import { StandardsPackSchema } from '../domain/standards.js';
import { DaySchema, IsoTimeSchema, RecordIdSchema } from './common.js';

// Quality monitoring on the wire: the scorecard builder (the standards pack edited in the app,
// versions and revisions), QA plans and their seeded draws, the evaluator's queue, evaluations
// (draft, submit, release), the agent's acknowledgement and disputes, and the QA views.

const IdSchema = z.string().min(1).max(64);
const ItemIdSchema = z.string().min(1).max(64);
const TextSchema = z.string().trim().min(1).max(2000);

// ---- the scorecard builder ----

export const ScorecardPublishSchema = z.strictObject({
  /** The version and revision the edit started from: a newer one published meanwhile is a conflict. */
  basedOn: z.strictObject({ version: z.number().int().min(1), revision: z.number().int().min(1) }),
  /** The pack as edited (its `version` is ignored: the hub decides version or revision). */
  pack: z.unknown(),
  /** What changed, for the history (optional). */
  note: z.string().trim().max(500).default(''),
});
export type ScorecardPublish = z.input<typeof ScorecardPublishSchema>;

/** Under the socket message cap (MAX_MESSAGE_BYTES) with room for the rest of the frame: about 150 items in four languages. */
export const SCORECARD_YAML_MAX = 56 * 1024;
/** A standards pack's YAML imported in the builder: published as a new version. */
export const ScorecardImportSchema = z.strictObject({
  yaml: z.string().min(1).max(SCORECARD_YAML_MAX),
  note: z.string().trim().max(500).default(''),
});

export const ScorecardVersionRequestSchema = z.strictObject({
  version: z.number().int().min(1).optional(),
});

/** How a published edit was taken: a new version (scoring changed) or a revision (wording). */
export const ScorecardChangeKindSchema = z.enum(['version', 'revision', 'none']);
export type ScorecardChangeKind = z.infer<typeof ScorecardChangeKindSchema>;

export const ScorecardRevisionSchema = z.object({
  version: z.number().int(),
  revision: z.number().int(),
  savedBy: z.string().nullable(),
  savedAt: IsoTimeSchema,
  note: z.string(),
  /** 'yaml' for a revision read from the pack file at start-up or imported; 'app' for the builder. */
  source: z.enum(['yaml', 'app']),
});
export type ScorecardRevision = z.infer<typeof ScorecardRevisionSchema>;

export const ScorecardInfoSchema = z.object({
  /** The active pack (the newest version, its newest revision). */
  pack: StandardsPackSchema,
  revision: z.number().int(),
  /** Every version and revision, newest first. */
  history: z.array(ScorecardRevisionSchema),
  /** Once edited in the app, the hub's database is the source of the pack, not the YAML file. */
  editedInApp: z.boolean(),
});
export type ScorecardInfo = z.infer<typeof ScorecardInfoSchema>;

export const ScorecardPublishedSchema = z.object({
  kind: ScorecardChangeKindSchema,
  info: ScorecardInfoSchema,
});
export type ScorecardPublished = z.infer<typeof ScorecardPublishedSchema>;

export const ScorecardExportSchema = z.object({
  version: z.number().int(),
  revision: z.number().int(),
  yaml: z.string(),
});
export type ScorecardExport = z.infer<typeof ScorecardExportSchema>;

// ---- plans, draws, queue ----

export const QA_PERIODS = ['week', 'month'] as const;
export const QaPeriodSchema = z.enum(QA_PERIODS);
export type QaPeriod = z.infer<typeof QaPeriodSchema>;

/** Which calls may be drawn for evaluation (all given filters must hold). */
export const QaFiltersSchema = z.strictObject({
  callTypes: z.array(IdSchema).max(50).optional(),
  minDurationSec: z.number().int().min(0).max(86_400).optional(),
  maxDurationSec: z.number().int().min(0).max(86_400).optional(),
  /** Only calls whose customer answered the survey with a CSAT at most this (1-5). */
  maxCsat: z.number().int().min(1).max(5).optional(),
  /** Only calls whose customer answered the survey. */
  surveyed: z.boolean().optional(),
  /** Only calls a supervisor flagged for QA. */
  flaggedOnly: z.boolean().optional(),
});
export type QaFilters = z.infer<typeof QaFiltersSchema>;

export const QaPlanSaveSchema = z
  .strictObject({
    teamId: IdSchema,
    /** Evaluations per agent per period. */
    perAgent: z.number().int().min(1).max(50),
    period: QaPeriodSchema,
    filters: QaFiltersSchema.default({}),
    /** Users with the evaluator permission who share the team's evaluations. */
    evaluatorIds: z.array(IdSchema).min(1).max(100),
    /** Most evaluations due for one evaluator on one day. */
    dailyCap: z.number().int().min(1).max(200),
    /** Dispute window in days after release (0: no disputes). */
    disputeDays: z.number().int().min(0).max(60).default(7),
    /** Who settles disputes: null for the original evaluator. */
    arbitratorId: IdSchema.nullable().default(null),
    active: z.boolean().default(true),
  })
  .refine(
    (p) =>
      p.filters.minDurationSec === undefined ||
      p.filters.maxDurationSec === undefined ||
      p.filters.minDurationSec <= p.filters.maxDurationSec,
    { path: ['filters', 'maxDurationSec'], message: 'the longest duration is under the shortest' },
  );
export type QaPlanSave = z.input<typeof QaPlanSaveSchema>;

export const QaPlanSchema = z.object({
  teamId: z.string(),
  teamName: z.string(),
  perAgent: z.number().int(),
  period: QaPeriodSchema,
  filters: QaFiltersSchema,
  evaluatorIds: z.array(z.string()),
  dailyCap: z.number().int(),
  disputeDays: z.number().int(),
  arbitratorId: z.string().nullable(),
  active: z.boolean(),
  /** The draw's seed: the same seed, calls and plan draw the same sample. */
  seed: z.string(),
  updatedAt: IsoTimeSchema,
  updatedBy: z.string().nullable(),
});
export type QaPlan = z.infer<typeof QaPlanSchema>;

export const QaDrawSchema = z.strictObject({
  teamId: IdSchema,
  /** Any day of the period to draw (its week or month, in the team's time zone). */
  day: DaySchema,
});

/** Why a call was drawn: what the lead reads in the audit of the draw. */
export const DrawReasonSchema = z.object({
  seed: z.string(),
  /** The slot of the period the call was drawn from (1-based) and its bounds. */
  slot: z.number().int(),
  slotFrom: IsoTimeSchema,
  slotTo: IsoTimeSchema,
  /** How many of the agent's calls were eligible in that slot. */
  eligible: z.number().int(),
  /** The filters the call met (the plan's at the time of the draw). */
  filters: QaFiltersSchema,
  /** The call had been flagged for QA by a supervisor. */
  flagged: z.boolean(),
});
export type DrawReason = z.infer<typeof DrawReasonSchema>;

export const QaAssignmentStatusSchema = z.enum(['open', 'draft', 'done']);

export const QaAssignmentSchema = z.object({
  id: z.string(),
  teamId: z.string(),
  periodFrom: DaySchema,
  agentId: z.string(),
  agentName: z.string(),
  evaluatorId: z.string(),
  evaluatorName: z.string(),
  callId: z.string(),
  callType: z.string(),
  callStartedAt: IsoTimeSchema,
  durationMs: z.number().nullable(),
  due: DaySchema,
  status: QaAssignmentStatusSchema,
  evaluationId: z.string().nullable(),
  reason: DrawReasonSchema,
  drawnAt: IsoTimeSchema,
});
export type QaAssignment = z.infer<typeof QaAssignmentSchema>;

export const QaDrawResultSchema = z.object({
  drawn: z.array(QaAssignmentSchema),
  /** Already drawn before for this period (a draw is done once per slot). */
  kept: z.number().int(),
  /** Agent slots with no eligible call. */
  empty: z.number().int(),
});
export type QaDrawResult = z.infer<typeof QaDrawResultSchema>;

export const QaQueueRequestSchema = z.strictObject({
  /** Someone else's queue (a quality manager looking); default: the caller's. */
  evaluatorId: IdSchema.optional(),
  /** A team's draws (a lead reading why calls were chosen). */
  teamId: IdSchema.optional(),
  includeDone: z.boolean().default(false),
});

export const QaQueueSchema = z.object({ assignments: z.array(QaAssignmentSchema) });
export type QaQueue = z.infer<typeof QaQueueSchema>;

/** A supervisor's one-tap "evaluate this call" from the observe view. */
export const QaFlagSchema = z.strictObject({
  callId: RecordIdSchema,
  note: z.string().trim().max(500).default(''),
  /** true flags, false takes the flag back; absent only reads whether the call is flagged. */
  flagged: z.boolean().optional(),
});

export const QaFlagResultSchema = z.object({
  callId: z.string(),
  flagged: z.boolean(),
});

// ---- evaluations ----

export const EVALUATION_STATUSES = [
  'draft',
  'submitted',
  'released',
  'acknowledged',
  'disputed',
  'resolved',
  'imported',
] as const;
export const EvaluationStatusSchema = z.enum(EVALUATION_STATUSES);
export type EvaluationStatus = z.infer<typeof EvaluationStatusSchema>;

export const QaOpenSchema = z.union([
  z.strictObject({ assignmentId: IdSchema }),
  z.strictObject({ evaluationId: IdSchema }),
  /** A call evaluated outside the plan (a quality manager's or evaluator's own pick). */
  z.strictObject({ callId: RecordIdSchema }),
]);
export type QaOpen = z.infer<typeof QaOpenSchema>;

export const QaSaveSchema = z.strictObject({
  /** Client-generated: saving a draft again updates it. */
  id: RecordIdSchema,
  callId: RecordIdSchema,
  assignmentId: IdSchema.nullable().default(null),
  answers: z.record(ItemIdSchema, AnswerSchema),
  comments: z.record(ItemIdSchema, z.string().trim().max(2000)).default({}),
  /** Coaching tips for the agent (checked by the constructive-language coach in the client). */
  tips: z.string().trim().max(4000).default(''),
  lang: z.string().min(2).max(10).default('en'),
  /**
   * true submits (every item answered, comments where required); false keeps a draft (saving a
   * submitted, unreleased evaluation as a draft reopens it). Refused with `bad_request` and
   * `problems`, one per item: `missing:<item>` (unanswered, on submit), `unknown:<item>` (not on
   * this scorecard), `na:<item>` (N/A not allowed), `comment:<item>` (a "no" needs a comment, on
   * submit).
   */
  submit: z.boolean(),
});
export type QaSave = z.input<typeof QaSaveSchema>;

export const EvaluationRefSchema = z.strictObject({ evaluationId: IdSchema });

export const DisputePointSchema = z.strictObject({
  /** The item disputed; null disputes the evaluation as a whole. */
  itemId: ItemIdSchema.nullable(),
  reason: TextSchema,
  /** The answer the agent proposes instead (items only). */
  proposed: AnswerSchema.nullable().default(null),
});
export type DisputePoint = z.input<typeof DisputePointSchema>;

export const QaDisputeSchema = z.strictObject({
  id: RecordIdSchema,
  evaluationId: IdSchema,
  points: z.array(DisputePointSchema).min(1).max(50),
});
export type QaDispute = z.input<typeof QaDisputeSchema>;

export const DISPUTE_OUTCOMES = ['accepted', 'partly', 'rejected'] as const;
export const DisputeOutcomeSchema = z.enum(DISPUTE_OUTCOMES);
export type DisputeOutcome = z.infer<typeof DisputeOutcomeSchema>;

export const QaResolveSchema = z.strictObject({
  disputeId: IdSchema,
  /** Per point, in the dispute's order: accepted or not, and the answer it now has. */
  points: z
    .array(z.strictObject({ accept: z.boolean(), answer: AnswerSchema.nullable().default(null) }))
    .min(1)
    .max(50),
  reason: TextSchema,
});
export type QaResolve = z.input<typeof QaResolveSchema>;

export const CallFactsSchema = z.object({
  callId: z.string(),
  agentId: z.string(),
  agentName: z.string(),
  teamId: z.string().nullable(),
  callType: z.string(),
  startedAt: IsoTimeSchema,
  endedAt: IsoTimeSchema.nullable(),
  durationMs: z.number().nullable(),
  recordingUrl: z.string().nullable(),
  /** The agent's checklist ticks, by item id (true: ticked). */
  ticks: z.record(z.string(), z.boolean()),
  selfAssessment: z
    .object({
      status: z.enum(['submitted', 'skipped']),
      answers: z.record(z.string(), AnswerSchema),
      score: ScoreResultSchema.nullable(),
    })
    .nullable(),
  observations: z.array(
    z.object({
      id: z.string(),
      authorName: z.string(),
      offsetMs: z.number().nullable(),
      itemId: z.string().nullable(),
      verdict: z.string().nullable(),
      text: z.string(),
      at: IsoTimeSchema,
    }),
  ),
  survey: z
    .object({
      csat: z.number().nullable(),
      resolved: z.boolean().nullable(),
      effort: z.number().nullable(),
      comment: z.string().nullable(),
      submittedAt: IsoTimeSchema,
    })
    .nullable(),
  flagged: z.boolean(),
});
export type CallFacts = z.infer<typeof CallFactsSchema>;

export const DisputeRecordSchema = z.object({
  id: z.string(),
  evaluationId: z.string(),
  /** The evaluation version disputed. */
  version: z.number().int(),
  agentId: z.string(),
  agentName: z.string(),
  points: z.array(
    z.object({
      itemId: z.string().nullable(),
      reason: z.string(),
      proposed: AnswerSchema.nullable(),
      /** null while open. */
      accepted: z.boolean().nullable(),
      answer: AnswerSchema.nullable(),
    }),
  ),
  arbitratorId: z.string(),
  arbitratorName: z.string(),
  status: z.enum(['open', ...DISPUTE_OUTCOMES]),
  resolution: z.string().nullable(),
  createdAt: IsoTimeSchema,
  resolvedAt: IsoTimeSchema.nullable(),
});
export type DisputeRecord = z.infer<typeof DisputeRecordSchema>;

export const EvaluationVersionSchema = z.object({
  version: z.number().int(),
  answers: z.record(z.string(), AnswerSchema),
  /** null for an agent coached on behaviours, not scores. */
  score: ScoreResultSchema.nullable(),
  reason: z.string().nullable(),
  at: IsoTimeSchema,
});

export const EvaluationSchema = z.object({
  id: z.string(),
  source: z.enum(['app', 'import']),
  /** Where an imported evaluation came from (its tool's evaluator name). */
  evaluatorName: z.string(),
  evaluatorId: z.string().nullable(),
  agentId: z.string(),
  agentName: z.string(),
  callId: z.string().nullable(),
  callType: z.string().nullable(),
  assignmentId: z.string().nullable(),
  packId: z.string(),
  packVersion: z.number().int(),
  status: EvaluationStatusSchema,
  /** 1, then 2... after an accepted dispute re-scores it. */
  version: z.number().int(),
  answers: z.record(z.string(), AnswerSchema),
  comments: z.record(z.string(), z.string()),
  tips: z.string(),
  lang: z.string(),
  /** null for a draft, and for an agent coached on behaviours, not scores. */
  score: ScoreResultSchema.nullable(),
  evaluatedAt: IsoTimeSchema.nullable(),
  releasedAt: IsoTimeSchema.nullable(),
  acknowledgedAt: IsoTimeSchema.nullable(),
  /** The last day a dispute may be raised (null: not released, or no disputes). */
  disputeUntil: DaySchema.nullable(),
  /** Earlier versions, newest first (kept visible after a re-score). */
  previous: z.array(EvaluationVersionSchema),
  disputes: z.array(DisputeRecordSchema),
});
export type Evaluation = z.infer<typeof EvaluationSchema>;

export const EvaluationOpenedSchema = z.object({
  facts: CallFactsSchema,
  /** The pack version the evaluation is (or will be) scored with. */
  pack: StandardsPackSchema,
  evaluation: EvaluationSchema.nullable(),
  assignment: QaAssignmentSchema.nullable(),
  /** How items are to be read, agreed in calibration sessions on this scorecard version. */
  guidance: z.record(z.string(), z.string()),
});
export type EvaluationOpened = z.infer<typeof EvaluationOpenedSchema>;

export const QaMineSchema = z.object({
  evaluations: z.array(EvaluationSchema),
  /** The team's "coach on behaviours, not scores": no numbers are sent. */
  behavioursOnly: z.boolean(),
});
export type QaMine = z.infer<typeof QaMineSchema>;

export const QaListRequestSchema = z.strictObject({
  agentId: IdSchema.optional(),
  teamId: IdSchema.optional(),
  evaluatorId: IdSchema.optional(),
  days: z.number().int().min(1).max(365).default(90),
  limit: z.number().int().min(1).max(500).default(200),
});

export const QaListSchema = z.object({ evaluations: z.array(EvaluationSchema) });
export type QaList = z.infer<typeof QaListSchema>;

export const QaDisputesRequestSchema = z.strictObject({
  teamId: IdSchema.optional(),
  includeClosed: z.boolean().default(false),
  days: z.number().int().min(1).max(365).default(90),
});

export const OutcomeRatesSchema = z.object({
  key: z.string(),
  name: z.string(),
  disputes: z.number().int(),
  accepted: z.number().int(),
  partly: z.number().int(),
  rejected: z.number().int(),
});
export type OutcomeRates = z.infer<typeof OutcomeRatesSchema>;

export const QaDisputesSchema = z.object({
  disputes: z.array(DisputeRecordSchema),
  byEvaluator: z.array(OutcomeRatesSchema),
  byItem: z.array(OutcomeRatesSchema),
});
export type QaDisputes = z.infer<typeof QaDisputesSchema>;

export const QaEvaluatorStatsRequestSchema = z.strictObject({
  teamId: IdSchema.optional(),
  day: DaySchema.optional(),
  period: QaPeriodSchema.default('month'),
});

export const QaEvaluatorStatsSchema = z.object({
  /** The period's first day, and the first day after it (the week or month, in the zone). */
  from: DaySchema,
  to: DaySchema,
  evaluators: z.array(
    z.object({
      evaluatorId: z.string(),
      name: z.string(),
      assigned: z.number().int(),
      done: z.number().int(),
      /** Mean score given (submitted evaluations), null when none. */
      averageScore: z.number().nullable(),
      disputes: z.number().int(),
      /** Disputes accepted or partly accepted over disputes resolved, null when none. */
      overturnRate: z.number().nullable(),
    }),
  ),
});
export type QaEvaluatorStats = z.infer<typeof QaEvaluatorStatsSchema>;
