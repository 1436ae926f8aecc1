import { z } from 'zod';
import { AnswerSchema, ScoreResultSchema } from '../domain/scoring.js';
import { StandardsPackSchema } from '../domain/standards.js';
import { IsoTimeSchema, RecordIdSchema } from './common.js';

// Calibration on the wire: a facilitator (quality manager or lead) picks a call, the scorecard
// version, the participants and a deadline; each participant scores the call blind (no agent
// name, nobody else's answers, no evaluation of the call); the facilitator reveals, records a
// benchmark answer per item with how the item is to be read (kept with the scorecard version as
// the item's guidance), and the hub reports agreement per session and over time. Calibration
// scores never count toward the agent's results: they live apart from evaluations.

const IdSchema = z.string().min(1).max(64);
const ItemIdSchema = z.string().min(1).max(64);

export const CALIBRATION_STATUSES = ['open', 'revealed', 'closed'] as const;
export const CalibrationStatusSchema = z.enum(CALIBRATION_STATUSES);
export type CalibrationStatus = z.infer<typeof CalibrationStatusSchema>;

/** At most this many participants in one session (Fleiss and alpha stay readable). */
export const CALIBRATION_PARTICIPANTS_MAX = 30;

export const CalibrationCreateSchema = z
  .strictObject({
    /** Client-generated: creating again with the same id answers the session stored. */
    id: RecordIdSchema,
    title: z.string().trim().min(1).max(200),
    callId: RecordIdSchema,
    /** A mystery call's assignment whose matched call this is (source 'mystery'). */
    mysteryAssignmentId: IdSchema.optional(),
    /** The scorecard version scored with; default the newest. */
    packVersion: z.number().int().min(1).optional(),
    participantIds: z.array(IdSchema).min(2).max(CALIBRATION_PARTICIPANTS_MAX),
    /** After it, the facilitator may reveal without waiting for everyone. */
    deadline: IsoTimeSchema,
  })
  .refine((c) => new Set(c.participantIds).size === c.participantIds.length, {
    path: ['participantIds'],
    message: 'a participant is named twice',
  });
export type CalibrationCreate = z.input<typeof CalibrationCreateSchema>;

export const CalibrationRefSchema = z.strictObject({ sessionId: IdSchema });

export const CalibrationListRequestSchema = z.strictObject({
  /** Sessions created in the last `days` (default 180). */
  days: z.number().int().min(1).max(730).default(180),
});

export const CalibrationSaveSchema = z.strictObject({
  sessionId: IdSchema,
  answers: z.record(ItemIdSchema, AnswerSchema),
  comments: z.record(ItemIdSchema, z.string().trim().max(2000)).default({}),
  /**
   * true submits (every item in play answered; refused with `bad_request` and `problems` as
   * qa:save's); false keeps a draft. A submitted sheet may be changed until the reveal.
   */
  submit: z.boolean(),
});
export type CalibrationSave = z.input<typeof CalibrationSaveSchema>;

export const CalibrationBenchmarkSchema = z.strictObject({
  sessionId: IdSchema,
  itemId: ItemIdSchema,
  /** The agreed answer; null clears it. */
  answer: AnswerSchema.nullable(),
  /**
   * How the item is to be read ("warm and friendly means..."): kept with the scorecard version
   * and shown to evaluators as the item's guidance. Empty keeps the item's guidance as it was.
   */
  note: z.string().trim().max(2000).default(''),
});
export type CalibrationBenchmark = z.input<typeof CalibrationBenchmarkSchema>;

export const CalibrationTrendsRequestSchema = z.strictObject({
  /** Sessions revealed in the last `days` (default 365). */
  days: z.number().int().min(1).max(730).default(365),
});

export const CalibrationParticipantSchema = z.object({
  userId: z.string(),
  name: z.string(),
  /** null until the participant submits. */
  submittedAt: IsoTimeSchema.nullable(),
});
export type CalibrationParticipant = z.infer<typeof CalibrationParticipantSchema>;

/** A session as anyone on it may see it: never an answer (those come with the reveal). */
export const CalibrationSessionSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** 'call', or 'mystery' for a mystery call's recording (the matched call, scored blind). */
  source: z.enum(['call', 'mystery']),
  callId: z.string(),
  callType: z.string(),
  callStartedAt: IsoTimeSchema,
  packId: z.string(),
  packVersion: z.number().int(),
  facilitatorId: z.string(),
  facilitatorName: z.string(),
  participants: z.array(CalibrationParticipantSchema),
  deadline: IsoTimeSchema,
  status: CalibrationStatusSchema,
  createdAt: IsoTimeSchema,
  revealedAt: IsoTimeSchema.nullable(),
  closedAt: IsoTimeSchema.nullable(),
  /** How many items have a benchmark answer. */
  benchmarked: z.number().int(),
});
export type CalibrationSession = z.infer<typeof CalibrationSessionSchema>;

/** The call as a participant scores it: no agent, no observation, no evaluation. */
export const BlindCallSchema = z.object({
  callType: z.string(),
  startedAt: IsoTimeSchema,
  durationMs: z.number().nullable(),
  recordingUrl: z.string().nullable(),
  /** The checklist ticks the agent made during the call, by item id. */
  ticks: z.record(z.string(), z.boolean()),
  survey: z
    .object({
      csat: z.number().nullable(),
      resolved: z.boolean().nullable(),
      comment: z.string().nullable(),
    })
    .nullable(),
});
export type BlindCall = z.infer<typeof BlindCallSchema>;

export const CalibrationSheetSchema = z.object({
  answers: z.record(z.string(), AnswerSchema),
  comments: z.record(z.string(), z.string()),
  submittedAt: IsoTimeSchema.nullable(),
  /** The sheet's score on the session's scorecard version (null for a draft). */
  score: ScoreResultSchema.nullable(),
});
export type CalibrationSheet = z.infer<typeof CalibrationSheetSchema>;

/** Why a chance-corrected figure is not a number (the UI says this instead). */
export const UNDEFINED_REASONS = ['one-category', 'no-pairs', 'one-rater'] as const;
export const UndefinedReasonSchema = z.enum(UNDEFINED_REASONS);
export type UndefinedReason = z.infer<typeof UndefinedReasonSchema>;

/** A statistic, or why it is undefined (JSON has no NaN). */
export const StatisticSchema = z.object({
  value: z.number().nullable(),
  /** Set when value is null. */
  undefinedBecause: UndefinedReasonSchema.nullable(),
});
export type Statistic = z.infer<typeof StatisticSchema>;

export const ItemAgreementSchema = z.object({
  itemId: z.string(),
  /** How many participants gave each answer, and how many left it unanswered (not in play). */
  counts: z.object({
    yes: z.number().int(),
    no: z.number().int(),
    na: z.number().int(),
    missing: z.number().int(),
  }),
  /** Share of pairs of participants who gave the same answer (null with fewer than two). */
  percentAgreement: z.number().nullable(),
  /** Share of participants who gave the most common answer. */
  modalShare: z.number().nullable(),
  benchmark: AnswerSchema.nullable(),
  /** How the item is to be read, as recorded (this session's note, else the version's guidance). */
  note: z.string(),
});
export type ItemAgreement = z.infer<typeof ItemAgreementSchema>;

export const ParticipantDeviationSchema = z.object({
  userId: z.string(),
  name: z.string(),
  /** The participant's score (percent), null when nothing was assessable. */
  score: z.number().nullable(),
  /** Benchmarked items the participant answered differently, and how many were compared. */
  itemsOff: z.number().int(),
  itemsCompared: z.number().int(),
  /** score minus the benchmark's score, in points; null until every item in play is benchmarked. */
  scorePoints: z.number().nullable(),
});
export type ParticipantDeviation = z.infer<typeof ParticipantDeviationSchema>;

export const SessionFiguresSchema = z.object({
  raters: z.number().int(),
  /** Scorecard items compared (the call type's items, any in play for some rater). */
  itemCount: z.number().int(),
  /** Pairwise agreement pooled over items. */
  percentAgreement: z.number().nullable(),
  /** Cohen's kappa: only with exactly two raters (else value null, 'one-rater' never). */
  cohenKappa: StatisticSchema.nullable(),
  /** Fleiss' kappa over the items every rater answered. */
  fleissKappa: StatisticSchema,
  /** Krippendorff's alpha, nominal, items as units, missing answers left out. */
  krippendorffAlpha: StatisticSchema,
  /** The highest score minus the lowest, in points. */
  scoreSpread: z.number().nullable(),
  /** The benchmark answers' score, once every item in play has one. */
  benchmarkScore: z.number().nullable(),
  items: z.array(ItemAgreementSchema),
  participants: z.array(ParticipantDeviationSchema),
});
export type SessionFigures = z.infer<typeof SessionFiguresSchema>;

export const RevealedSheetSchema = CalibrationSheetSchema.extend({
  userId: z.string(),
  name: z.string(),
});
export type RevealedSheet = z.infer<typeof RevealedSheetSchema>;

export const CalibrationRevealSchema = z.object({
  sheets: z.array(RevealedSheetSchema),
  figures: SessionFiguresSchema,
});
export type CalibrationReveal = z.infer<typeof CalibrationRevealSchema>;

export const CalibrationOpenedSchema = z.object({
  session: CalibrationSessionSchema,
  call: BlindCallSchema,
  pack: StandardsPackSchema,
  /** The item guidance kept with this scorecard version (from earlier calibrations). */
  guidance: z.record(z.string(), z.string()),
  /** The caller's own sheet (participants only), null before their first save. */
  mine: CalibrationSheetSchema.nullable(),
  /** Everyone's answers and the figures: only once revealed. */
  reveal: CalibrationRevealSchema.nullable(),
  /** What the caller may do now. */
  can: z.object({
    score: z.boolean(),
    reveal: z.boolean(),
    benchmark: z.boolean(),
    close: z.boolean(),
  }),
});
export type CalibrationOpened = z.infer<typeof CalibrationOpenedSchema>;

export const CalibrationListSchema = z.object({ sessions: z.array(CalibrationSessionSchema) });
export type CalibrationList = z.infer<typeof CalibrationListSchema>;

/** What a facilitator picks from: recent ended calls and the people who may take part. */
export const CalibrationSetupSchema = z.object({
  calls: z.array(
    z.object({
      callId: z.string(),
      agentName: z.string(),
      teamName: z.string().nullable(),
      callType: z.string(),
      startedAt: IsoTimeSchema,
      durationMs: z.number().nullable(),
      hasRecording: z.boolean(),
      /** Calibrated before (sessions on this call). */
      sessions: z.number().int(),
    }),
  ),
  people: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      role: z.string(),
      evaluator: z.boolean(),
    }),
  ),
  /** The newest scorecard version, and the versions stored. */
  packId: z.string(),
  versions: z.array(z.number().int()),
});
export type CalibrationSetup = z.infer<typeof CalibrationSetupSchema>;

/** Agreement over time: per session, per item and per evaluator, with the flags. */
export const CalibrationTrendsSchema = z.object({
  sessions: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      revealedAt: IsoTimeSchema,
      packVersion: z.number().int(),
      raters: z.number().int(),
      percentAgreement: z.number().nullable(),
      krippendorffAlpha: StatisticSchema,
      fleissKappa: StatisticSchema,
      scoreSpread: z.number().nullable(),
    }),
  ),
  items: z.array(
    z.object({
      itemId: z.string(),
      sessions: z.number().int(),
      percentAgreement: z.number().nullable(),
      /** Sessions as units, every participant a rater (missing where not on the session). */
      krippendorffAlpha: StatisticSchema,
      /** Agreement stays low across sessions: the wording may be the problem. */
      flagged: z.boolean(),
    }),
  ),
  evaluators: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      sessions: z.number().int(),
      itemsCompared: z.number().int(),
      /** Share of benchmarked items answered as the benchmark. */
      benchmarkAgreement: z.number().nullable(),
      /** Cohen's kappa of the evaluator's answers against the benchmarks. */
      kappaWithBenchmark: StatisticSchema,
      /** Mean of |score - benchmark score|, in points. */
      meanScoreDeviation: z.number().nullable(),
      /** Mean of (score - benchmark score): above 0 scores kinder than the benchmark. */
      meanScoreBias: z.number().nullable(),
      /** Drifts from the benchmark: coach the evaluator. */
      flagged: z.boolean(),
    }),
  ),
});
export type CalibrationTrends = z.infer<typeof CalibrationTrendsSchema>;
