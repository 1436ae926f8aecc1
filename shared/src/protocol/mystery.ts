import { z } from 'zod';
import { AnswerSchema, ScoreResultSchema } from '../domain/scoring.js';
import { StandardAreaIdSchema } from '../domain/reflection.js';
import { StandardsPackSchema } from '../domain/standards.js';
import { DaySchema, IsoTimeSchema, RecordIdSchema } from './common.js';

// Mystery-call programmes on the wire. A quality manager (admin) runs programmes (an objective,
// a questionnaire built from the standards pack, definitions of subjective items, a target) and
// their waves (dates, teams, calls, scenarios, a sampling plan with quotas, limits per team and
// agent, a gap before a caller calls a team again). Mystery callers (role 'caller': never in a
// team, never staff) claim assignments on a board and file reports right after the call; the hub
// matches each report to the agent's call (the caller's number as the PBX saw it, the time); the
// quality manager reviews (approve with a grade, return with a question, reject with a reason);
// results are computed from approved reports and released to agents per wave. Before a wave's
// results are released no agent payload says a call was a mystery call.

const IdSchema = z.string().min(1).max(64);
const ItemIdSchema = z.string().min(1).max(64);
const NameSchema = z.string().trim().min(1).max(200);
const TextSchema = z.string().trim().max(4000);
/** A phone number as a person types it: digits, spaces, +, (), -. */
export const PhoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{3,32}$/u, 'a phone number');

export const MYSTERY_OBJECTIVES = ['training', 'compliance', 'road-test', 'competitor'] as const;
export const MysteryObjectiveSchema = z.enum(MYSTERY_OBJECTIVES);
export type MysteryObjective = z.infer<typeof MysteryObjectiveSchema>;

export const DAY_PARTS = ['morning', 'afternoon', 'evening', 'night'] as const;
export const DayPartSchema = z.enum(DAY_PARTS);
export type DayPart = z.infer<typeof DayPartSchema>;
/** Local hours each day part starts at (the night runs to the next morning). */
export const DAY_PART_STARTS: Record<DayPart, number> = {
  morning: 6,
  afternoon: 12,
  evening: 18,
  night: 22,
};

export const AGE_BANDS = ['18-29', '30-44', '45-59', '60+'] as const;
export const AgeBandSchema = z.enum(AGE_BANDS);
export type AgeBand = z.infer<typeof AgeBandSchema>;

/** What a caller is like, matched against the customer base the wave asks for. */
export const CallerProfileSchema = z.strictObject({
  region: z.string().trim().min(1).max(80),
  ageBand: AgeBandSchema,
  /** BCP 47 language the caller speaks on the call (en, zh-CN, zh-TW, lv...). */
  language: z.string().min(2).max(35),
});
export type CallerProfile = z.infer<typeof CallerProfileSchema>;

// ---- callers ----

export const CallerSaveSchema = z.strictObject({
  /** Absent creates a caller (a one-time code to sign in is answered); present edits it. */
  id: IdSchema.optional(),
  username: z.string().trim().min(2).max(64),
  displayName: NameSchema,
  email: z.email().max(254).nullable().default(null),
  /** The numbers the caller calls from: never sent a survey, matched to the PBX's calls. */
  phones: z.array(PhoneSchema).min(1).max(10),
  profile: CallerProfileSchema,
  /** The caller's own statement: not working, nor family or friends working, at the centre. */
  declaredIndependent: z.literal(true),
  disabled: z.boolean().default(false),
});
export type CallerSave = z.input<typeof CallerSaveSchema>;

export const CallerSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  phones: z.array(z.string()),
  profile: CallerProfileSchema,
  disabled: z.boolean(),
  /** Reports approved, and the mean grade the quality manager gave them (1-5). */
  approved: z.number().int(),
  meanGrade: z.number().nullable(),
  createdAt: IsoTimeSchema,
});
export type Caller = z.infer<typeof CallerSchema>;

/** Answered on creating a caller: the code to give them for their first sign-in. */
export const CallerSavedSchema = z.object({
  caller: CallerSchema,
  oneTimeCode: z.string().nullable(),
  codeExpiresAt: IsoTimeSchema.nullable(),
});
export type CallerSaved = z.infer<typeof CallerSavedSchema>;

// ---- programmes ----

export const RatingSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]{0,40}$/u, 'a lower-case id'),
  /** The question as callers read it, in the languages given (en at least). */
  label: z.record(z.string().min(2).max(35), z.string().trim().min(1).max(200)),
});
export type Rating = z.infer<typeof RatingSchema>;

export const ProgrammeSaveSchema = z.strictObject({
  id: RecordIdSchema,
  name: NameSchema,
  objective: MysteryObjectiveSchema,
  /** The competitor called (objective 'competitor' only): its results are never ranked with ours. */
  competitor: z.string().trim().max(200).nullable().default(null),
  /** The scorecard version the questionnaire is built from (default the newest). */
  packVersion: z.number().int().min(1).optional(),
  /** The scorecard items asked (default every scorecard item): yes / no / not assessable. */
  itemIds: z.array(ItemIdSchema).min(1).max(200).optional(),
  /** Emotional-reaction ratings, 1-5 ("felt welcome"). */
  ratings: z.array(RatingSchema).max(12),
  /** How callers are to read subjective items, by item id (shown under the item). */
  definitions: z.record(ItemIdSchema, z.string().trim().min(1).max(2000)).default({}),
  /** The score (percent) the programme aims for. */
  target: z.number().min(0).max(100),
  active: z.boolean().default(true),
});
export type ProgrammeSave = z.input<typeof ProgrammeSaveSchema>;

export const ProgrammeSchema = z.object({
  id: z.string(),
  name: z.string(),
  objective: MysteryObjectiveSchema,
  competitor: z.string().nullable(),
  packId: z.string(),
  packVersion: z.number().int(),
  itemIds: z.array(z.string()),
  ratings: z.array(RatingSchema),
  definitions: z.record(z.string(), z.string()),
  target: z.number(),
  active: z.boolean(),
  waves: z.number().int(),
  updatedAt: IsoTimeSchema,
});
export type Programme = z.infer<typeof ProgrammeSchema>;

// ---- waves and their sampling plan ----

export const ScenarioSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/u, 'a lower-case id'),
  callType: IdSchema,
  title: NameSchema,
  /** Who the caller plays and why they call. */
  brief: z.string().trim().min(1).max(4000),
  /** Realistic answers to the questions the agent is likely to ask. */
  answers: TextSchema.default(''),
  /** What the call must test (items or behaviours to look for). */
  tests: TextSchema.default(''),
});
export type Scenario = z.infer<typeof ScenarioSchema>;

/** A share per key (0-1, summing to 1): the mix the wave's quotas follow. */
const MixSchema = z.record(z.string().min(1).max(80), z.number().min(0).max(1));

export const WaveSaveSchema = z
  .strictObject({
    id: RecordIdSchema,
    programmeId: IdSchema,
    name: NameSchema,
    from: DaySchema,
    to: DaySchema,
    /** The teams called (default every team; fewer is warned: results compare within a wave). */
    teamIds: z.array(IdSchema).min(1).max(200),
    /** The number callers dial for each team (its queue's number): matched with the PBX's calls. */
    numbers: z.record(IdSchema, PhoneSchema),
    /** Calls to make in the wave. */
    calls: z.number().int().min(1).max(10_000),
    scenarios: z.array(ScenarioSchema).min(1).max(50),
    /** No more than this many calls to one team in the wave, and to one agent. */
    perTeamMax: z.number().int().min(1).max(10_000),
    perAgentMax: z.number().int().min(1).max(100),
    /** Days before the same caller calls the same team again (30-90 is the practice). */
    callerGapDays: z.number().int().min(0).max(365).default(30),
    /** The customer base the callers must match (shares per region, age band and language). */
    profileMix: z
      .strictObject({ region: MixSchema, ageBand: MixSchema, language: MixSchema })
      .partial()
      .default({}),
    /** For the sample size shown: confidence (0.90, 0.95, 0.99) and margin (+/- share). */
    confidence: z.union([z.literal(0.9), z.literal(0.95), z.literal(0.99)]).default(0.95),
    margin: z.number().min(0.01).max(0.5).default(0.05),
  })
  .refine((w) => w.from <= w.to, { path: ['to'], message: 'the wave ends before it starts' })
  .refine((w) => w.teamIds.every((t) => w.numbers[t] !== undefined), {
    path: ['numbers'],
    message: 'give the number to call for every team of the wave',
  })
  .refine((w) => new Set(w.scenarios.map((s) => s.id)).size === w.scenarios.length, {
    path: ['scenarios'],
    message: 'two scenarios have the same id',
  });
export type WaveSave = z.input<typeof WaveSaveSchema>;

export const WAVE_STATUSES = ['draft', 'live', 'closed'] as const;
export const WaveStatusSchema = z.enum(WAVE_STATUSES);

/** One cell of the sampling plan: how many calls of a kind. */
export const QuotaSchema = z.object({
  key: z.string(),
  calls: z.number().int(),
  /** The share it comes from (the real mix of calls, the opening hours, the profile mix). */
  share: z.number(),
});
export type Quota = z.infer<typeof QuotaSchema>;

/** Why a plan is not what the wave asked for: `params` fill the UI's sentence for `code`. */
export const PLAN_WARNING_CODES = [
  'team-closed',
  'over-team-limit',
  'teams-unreached',
  'teams-left-out',
  'call-type-uncovered',
  'no-recent-calls',
  'no-recent-call-types',
  'weekend-closed',
  'weekend-short',
  'weekend-only',
  'day-part-too-few',
  'day-part-closed',
  'day-part-short',
  'below-sample-size',
] as const;
export const PlanWarningCodeSchema = z.enum(PLAN_WARNING_CODES);
export type PlanWarningCode = z.infer<typeof PlanWarningCodeSchema>;
export const PlanWarningSchema = z.object({
  code: PlanWarningCodeSchema,
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** The same in English (logs, and a UI that has no words for a newer code). */
  text: z.string(),
});
export type PlanWarning = z.infer<typeof PlanWarningSchema>;

export const WavePlanSchema = z.object({
  calls: z.number().int(),
  byTeam: z.array(QuotaSchema),
  byCallType: z.array(QuotaSchema),
  byDayPart: z.array(QuotaSchema),
  byWeekPart: z.array(QuotaSchema),
  byRegion: z.array(QuotaSchema),
  byAgeBand: z.array(QuotaSchema),
  byLanguage: z.array(QuotaSchema),
  /**
   * Calls needed for the confidence and margin on a pass rate (worst case p = 0.5, with the
   * finite population correction over the calls the wave's teams took in the same span).
   */
  sampleSizeNeeded: z.number().int(),
  population: z.number().int(),
  /** Things the manager should know: a team left out, a day part the floor is closed... */
  warnings: z.array(PlanWarningSchema),
});
export type WavePlan = z.infer<typeof WavePlanSchema>;

export const WaveSchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  programmeName: z.string(),
  name: z.string(),
  from: DaySchema,
  to: DaySchema,
  teamIds: z.array(z.string()),
  numbers: z.record(z.string(), z.string()),
  calls: z.number().int(),
  scenarios: z.array(ScenarioSchema),
  perTeamMax: z.number().int(),
  perAgentMax: z.number().int(),
  callerGapDays: z.number().int(),
  profileMix: z.object({
    region: MixSchema.optional(),
    ageBand: MixSchema.optional(),
    language: MixSchema.optional(),
  }),
  confidence: z.number(),
  margin: z.number(),
  status: WaveStatusSchema,
  plan: WavePlanSchema,
  /** Assignments by state. */
  counts: z.object({
    open: z.number().int(),
    claimed: z.number().int(),
    reported: z.number().int(),
    approved: z.number().int(),
    rejected: z.number().int(),
  }),
  resultsReleasedAt: IsoTimeSchema.nullable(),
  updatedAt: IsoTimeSchema,
});
export type Wave = z.infer<typeof WaveSchema>;

export const WaveRefSchema = z.strictObject({ waveId: IdSchema });

/** A version of the active scorecard, for a programme built on it (its items, as they were). */
export const MysteryPackRequestSchema = z.strictObject({ version: z.number().int().min(1) });

// ---- assignments and reports ----

export const ASSIGNMENT_STATUSES = [
  'open',
  'claimed',
  'reported',
  'returned',
  'approved',
  'rejected',
] as const;
export const MysteryAssignmentStatusSchema = z.enum(ASSIGNMENT_STATUSES);

/** One call to make: a team, a scenario, a time window, the caller profile it needs. */
export const MysteryAssignmentSchema = z.object({
  id: z.string(),
  waveId: z.string(),
  /** The team called; null to a caller (who sees only the number to call: no team data). */
  teamId: z.string().nullable(),
  /** The team's name is shown to the manager; a caller sees the number to call instead. */
  teamName: z.string().nullable(),
  numberToCall: z.string().nullable(),
  /**
   * The time zone (IANA) of the floor called, so the caller sees the window in their own time
   * and the floor's; optional until every hub sends it (the window is then in the caller's only).
   */
  zone: z.string().optional(),
  scenario: ScenarioSchema,
  windowFrom: IsoTimeSchema,
  windowTo: IsoTimeSchema,
  dayPart: DayPartSchema,
  weekend: z.boolean(),
  /** The profile the caller should have (only the dimensions the wave's mix sets). */
  profile: CallerProfileSchema.partial(),
  callerId: z.string().nullable(),
  callerName: z.string().nullable(),
  status: MysteryAssignmentStatusSchema,
  /** The manager's question when returned, or the reason when rejected. */
  reviewNote: z.string().nullable(),
});
export type MysteryAssignment = z.infer<typeof MysteryAssignmentSchema>;

export const MysteryClaimSchema = z.strictObject({ assignmentId: IdSchema });
/** The manager gives an assignment to a caller (null takes it back to the board). */
export const MysteryAssignSchema = z.strictObject({
  assignmentId: IdSchema,
  callerId: IdSchema.nullable(),
});

export const MysteryBoardSchema = z.object({
  /** Open assignments the caller may claim (profile fits, the gap rule allows). */
  open: z.array(MysteryAssignmentSchema),
  /** The caller's own: claimed, reported, returned with a question, decided. */
  mine: z.array(MysteryAssignmentSchema),
});
export type MysteryBoard = z.infer<typeof MysteryBoardSchema>;

export const MysteryReportSaveSchema = z.strictObject({
  assignmentId: IdSchema,
  /** When the call started, as the caller's phone shows it. */
  calledAt: IsoTimeSchema,
  calledNumber: PhoneSchema,
  fromNumber: PhoneSchema,
  /** The agent's name if they gave it (helps matching; never required). */
  agentNameHeard: z.string().trim().max(200).default(''),
  answers: z.record(ItemIdSchema, AnswerSchema),
  comments: z.record(ItemIdSchema, z.string().trim().max(2000)).default({}),
  ratings: z.record(z.string().min(1).max(41), z.number().int().min(1).max(5)).default({}),
  impression: TextSchema.default(''),
  /** Answer to the manager's question, when the report was returned. */
  reply: TextSchema.default(''),
  /** true files the report (every item answered, every rating given); false keeps a draft. */
  submit: z.boolean(),
});
export type MysteryReportSave = z.input<typeof MysteryReportSaveSchema>;

export const REVIEW_ACTIONS = ['approve', 'return', 'reject'] as const;
export const MysteryReviewSchema = z
  .strictObject({
    assignmentId: IdSchema,
    action: z.enum(REVIEW_ACTIONS),
    /** The question (return) or the reason (reject); optional on approve. */
    note: TextSchema.default(''),
    /** The grade of the caller's report, 1-5 (approve only, required there). */
    grade: z.number().int().min(1).max(5).nullable().default(null),
    /** The call the report is about, when the manager matches it by hand. */
    callId: RecordIdSchema.nullable().default(null),
  })
  .refine((r) => r.action !== 'approve' || r.grade !== null, {
    path: ['grade'],
    message: 'grade the caller’s report to approve it',
  })
  .refine((r) => r.action === 'approve' || r.note.length > 0, {
    path: ['note'],
    message: 'say why (a question to the caller, or the reason to reject)',
  });
export type MysteryReview = z.input<typeof MysteryReviewSchema>;

export const MATCH_METHODS = ['number', 'manual', 'none'] as const;

export const MysteryReportSchema = z.object({
  assignmentId: z.string(),
  waveId: z.string(),
  callerId: z.string(),
  callerName: z.string(),
  calledAt: IsoTimeSchema,
  calledNumber: z.string(),
  fromNumber: z.string(),
  agentNameHeard: z.string(),
  answers: z.record(z.string(), AnswerSchema),
  comments: z.record(z.string(), z.string()),
  ratings: z.record(z.string(), z.number()),
  impression: z.string(),
  reply: z.string(),
  score: ScoreResultSchema.nullable(),
  submittedAt: IsoTimeSchema.nullable(),
  /** The call and agent it was matched to, and how. */
  match: z.object({
    method: z.enum(MATCH_METHODS),
    callId: z.string().nullable(),
    agentId: z.string().nullable(),
    agentName: z.string().nullable(),
    /** Other calls that could be it (the manager picks one when the number did not decide). */
    candidates: z.array(
      z.object({
        callId: z.string(),
        agentName: z.string(),
        startedAt: IsoTimeSchema,
        durationMs: z.number().nullable(),
      }),
    ),
    recordingUrl: z.string().nullable(),
  }),
  /** Over the wave's per-agent limit when it was matched (counted, and shown as such). */
  overAgentLimit: z.boolean(),
  grade: z.number().int().nullable(),
  reviewNote: z.string().nullable(),
  reviewedAt: IsoTimeSchema.nullable(),
});
export type MysteryReport = z.infer<typeof MysteryReportSchema>;

export const MysteryOpenSchema = z.object({
  assignment: MysteryAssignmentSchema,
  /** The questionnaire: the programme's items in the pack's words, definitions, ratings. */
  programme: ProgrammeSchema,
  /** The programme's scorecard version: the items' words (every language) and showWhen rules. */
  pack: StandardsPackSchema,
  /**
   * The items asked on this call, in scorecard order: the programme's items that are on the
   * scenario's call type's scorecard (yes / no / N/A each; showWhen as in the pack).
   */
  items: z.array(z.string()),
  report: MysteryReportSchema.nullable(),
});
export type MysteryOpened = z.infer<typeof MysteryOpenSchema>;

export const MysteryAssignmentRefSchema = z.strictObject({ assignmentId: IdSchema });

export const MysteryReviewQueueRequestSchema = z.strictObject({
  waveId: IdSchema.optional(),
});

// ---- results ----

export const MysteryCellSchema = z.object({
  key: z.string(),
  name: z.string(),
  calls: z.number().int(),
  /** Mean score (percent), null when nothing was assessable. */
  score: z.number().nullable(),
  /** Share of calls that passed (no critical fail). */
  passRate: z.number().nullable(),
});
export type MysteryCell = z.infer<typeof MysteryCellSchema>;

export const WaveComparisonSchema = z.object({
  previousWaveId: z.string(),
  previousName: z.string(),
  previousScore: z.number().nullable(),
  change: z.number().nullable(),
  /** Welch's t-test on the calls' scores: the two-sided p-value, and whether p < 0.05. */
  pValue: z.number().nullable(),
  significant: z.boolean(),
});
export type WaveComparison = z.infer<typeof WaveComparisonSchema>;

export const MysteryResultsSchema = z.object({
  wave: WaveSchema,
  programme: ProgrammeSchema,
  /** Approved reports counted (matched or not: an unmatched call still scores the team). */
  calls: z.number().int(),
  score: z.number().nullable(),
  target: z.number(),
  passRate: z.number().nullable(),
  bySection: z.array(MysteryCellSchema.extend({ area: StandardAreaIdSchema })),
  byItem: z.array(
    MysteryCellSchema.extend({
      /** Share of yes among yes and no (N/A left out). */
      yesShare: z.number().nullable(),
    }),
  ),
  byTeam: z.array(MysteryCellSchema),
  /** League table: agents ranked by score, with their counts (own waves only). */
  byAgent: z.array(MysteryCellSchema.extend({ teamName: z.string().nullable() })),
  byCallType: z.array(MysteryCellSchema),
  byDayPart: z.array(MysteryCellSchema),
  byWeekPart: z.array(MysteryCellSchema),
  byRegion: z.array(MysteryCellSchema),
  byAgeBand: z.array(MysteryCellSchema),
  byLanguage: z.array(MysteryCellSchema),
  ratings: z.array(z.object({ id: z.string(), mean: z.number().nullable(), answers: z.number() })),
  comparison: WaveComparisonSchema.nullable(),
  /** The items with the lowest yes share (train), and the agents to recognise (best, enough calls). */
  toTrain: z.array(z.string()),
  toRecognise: z.array(z.string()),
  /** Waves of competitor programmes over the same dates: beside, never ranked with ours. */
  competitors: z.array(
    z.object({
      programmeName: z.string(),
      competitor: z.string(),
      waveName: z.string(),
      calls: z.number().int(),
      score: z.number().nullable(),
    }),
  ),
});
export type MysteryResults = z.infer<typeof MysteryResultsSchema>;

export const WavesRequestSchema = z.strictObject({ programmeId: IdSchema.optional() });

/** What a mystery call adds to the agent's reflective session, once its wave's results are out. */
export const MysteryEvidenceSchema = z.object({
  calls: z.array(
    z.object({
      waveName: z.string(),
      callId: z.string().nullable(),
      callType: z.string(),
      calledAt: IsoTimeSchema,
      /** Absent for an agent whose team coaches on behaviours, not scores. */
      score: z.number().nullable().optional(),
      /** Items the caller answered "no", with the caller's comment. */
      missed: z.array(z.object({ itemId: z.string(), comment: z.string() })),
      /** Items answered "yes" with a comment (what went well). */
      praised: z.array(z.object({ itemId: z.string(), comment: z.string() })),
      ratings: z.record(z.string(), z.number()),
      /**
       * The ratings' questions by id, in the languages the programme wrote them (as
       * RatingSchema's label), so the agent reads "I felt welcome: 4", not an id; optional
       * until every hub sends them.
       */
      ratingLabels: z.record(z.string(), z.record(z.string(), z.string())).optional(),
      impression: z.string(),
    }),
  ),
});
export type MysteryEvidence = z.infer<typeof MysteryEvidenceSchema>;
