import { z } from 'zod';
import {
  ExclusionReasonSchema,
  SelfAnswerReasonSchema,
  SURVEY_CHANNELS,
  type SurveySkip,
} from '../domain/surveys.js';
import { IsoTimeSchema, RecordIdSchema, withPeriod } from './common.js';

// Post-call surveys on the wire: the agent's "do not survey" flag, what became of a call's
// survey, customers' responses, the lead's views and the quality manager's survey pack.

const IdSchema = z.string().min(1).max(64);

// ---- client to hub ----

/** The agent asks not to survey their call, with a reason from the fixed list (recorded). */
export const SurveyExcludeSchema = z.strictObject({
  callId: RecordIdSchema,
  reason: ExclusionReasonSchema,
});
export type SurveyExclude = z.infer<typeof SurveyExcludeSchema>;

export const SurveyStatusRequestSchema = z.strictObject({ callId: RecordIdSchema });

export const SurveyResponsesRequestSchema = withPeriod(
  {
    /** A team the caller coaches; absent: every team they coach (an agent: their own). */
    teamId: IdSchema.optional(),
    /** One agent only. */
    agentId: IdSchema.optional(),
    days: z.number().int().min(1).max(365).default(7),
    limit: z.number().int().min(1).max(500).default(100),
  },
  365,
);
export type SurveyResponsesRequest = z.input<typeof SurveyResponsesRequestSchema>;

export const SurveyReportRequestSchema = withPeriod(
  {
    /** A team the caller coaches; absent: every team they coach (admins: all). */
    teamId: IdSchema.optional(),
    days: z.number().int().min(1).max(365).default(30),
  },
  365,
);
export type SurveyReportRequest = z.input<typeof SurveyReportRequestSchema>;

export const TeamSettingsRequestSchema = z.strictObject({
  teamId: IdSchema,
  /** Change: agents of the team see their own customers' responses. */
  agentsSeeSurveys: z.boolean().optional(),
  /** Change: coach on behaviours, not scores (agents of the team get no numeric scores). */
  behavioursOnly: z.boolean().optional(),
});
export type TeamSettingsRequest = z.infer<typeof TeamSettingsRequestSchema>;

export const SURVEY_PACK_YAML_MAX = 48 * 1024;
export const SurveyPackSaveSchema = z.strictObject({
  yaml: z.string().min(1).max(SURVEY_PACK_YAML_MAX),
});

// ---- hub to client ----

export const SURVEY_STATES = ['pending', 'sent', 'failed', 'skipped', 'answered'] as const;
export const SurveyStateSchema = z.enum(SURVEY_STATES);
export type SurveyState = z.infer<typeof SurveyStateSchema>;

export const SURVEY_SKIPS = [
  'no-survey',
  'excluded',
  'no-address',
  'excluded-number',
  'cooldown',
  'not-sampled',
] as const satisfies readonly SurveySkip[];

/**
 * What became of one call's survey. Agents get it for link-channel calls (to show the link)
 * and for their own exclusions; whether a call was sampled is not shown to them.
 */
export const SurveyStatusSchema = z.object({
  callId: z.string(),
  agentId: z.string(),
  surveyId: z.string().nullable(),
  channel: z.enum(SURVEY_CHANNELS).nullable(),
  state: SurveyStateSchema,
  skipReason: z.enum(SURVEY_SKIPS).nullable(),
  exclusionReason: ExclusionReasonSchema.nullable(),
  /** The survey page, for the link channel only (shown as a link and QR code). */
  link: z.string().nullable(),
  expiresAt: IsoTimeSchema.nullable(),
  /** Until when the agent may still flag the call "do not survey". */
  excludeUntil: IsoTimeSchema.nullable(),
  decidedAt: IsoTimeSchema.nullable(),
});
export type SurveyStatus = z.infer<typeof SurveyStatusSchema>;

/** A customer's answers to a call's survey. */
export const SurveyResponseSchema = z.object({
  callId: z.string(),
  agentId: z.string(),
  agentName: z.string(),
  callType: z.string(),
  surveyId: z.string(),
  channel: z.enum(SURVEY_CHANNELS),
  /** 1 (very dissatisfied) to 5 (very satisfied); null when not asked or not answered. */
  csat: z.number().int().min(1).max(5).nullable(),
  resolved: z.boolean().nullable(),
  /** 1 (very easy) to 5 (very hard). */
  effort: z.number().int().min(1).max(5).nullable(),
  comment: z.string().nullable(),
  /** The language the customer answered in. */
  lang: z.string(),
  submittedAt: IsoTimeSchema,
  /** CSAT of 2 or less: the lead is alerted for service recovery. */
  alert: z.boolean(),
  /**
   * Why the answer looks like staff gave it, not the customer (counted apart from CSAT); null
   * when nothing says so. Always null for agents: they are not told.
   */
  selfAnswer: SelfAnswerReasonSchema.nullable(),
});
export type SurveyResponse = z.infer<typeof SurveyResponseSchema>;

export const SurveyResponsesSchema = z.object({ responses: z.array(SurveyResponseSchema) });
export type SurveyResponses = z.infer<typeof SurveyResponsesSchema>;

/** CSAT and effort answers per score, index 0 for 1 up to index 4 for 5. */
const DistributionSchema = z.tuple([
  z.number().int(),
  z.number().int(),
  z.number().int(),
  z.number().int(),
  z.number().int(),
]);

const SelectivityFiguresSchema = z.object({
  calls: z.number().int(),
  eligible: z.number().int(),
  surveyed: z.number().int(),
  surveyedShare: z.number(),
  exclusions: z.number().int(),
  exclusionRate: z.number(),
  exclusionsByReason: z.record(ExclusionReasonSchema, z.number().int()),
  responses: z.number().int(),
  responseRate: z.number(),
  csatDistribution: DistributionSchema,
  /** CSAT: the share of 4 and 5 answers (0-1); null when none. */
  csat: z.number().nullable(),
  /** The mean of the 1-5 answers: shown only as the labelled second figure beside CSAT. */
  meanCsat: z.number().nullable(),
  /** Answers that look like staff gave them: not in responses, the distribution or CSAT. */
  selfAnswers: z.number().int(),
  selfAnswersByReason: z.record(SelfAnswerReasonSchema, z.number().int()),
});

export const SurveyExclusionRecordSchema = z.object({
  callId: z.string(),
  agentId: z.string(),
  agentName: z.string(),
  callType: z.string(),
  reason: ExclusionReasonSchema,
  at: IsoTimeSchema,
});
export type SurveyExclusionRecord = z.infer<typeof SurveyExclusionRecordSchema>;

/** An answer set apart because it looks like staff gave it: whose call, why, what it said. */
export const SurveySelfAnswerRecordSchema = z.object({
  callId: z.string(),
  agentId: z.string(),
  agentName: z.string(),
  callType: z.string(),
  reason: SelfAnswerReasonSchema,
  csat: z.number().int().min(1).max(5).nullable(),
  at: IsoTimeSchema,
});
export type SurveySelfAnswerRecord = z.infer<typeof SurveySelfAnswerRecordSchema>;

/** The lead's and quality manager's report: selective surveying and responses per call type. */
export const SurveyReportSchema = z.object({
  from: IsoTimeSchema,
  to: IsoTimeSchema,
  team: SelectivityFiguresSchema,
  agents: z.array(
    SelectivityFiguresSchema.extend({
      agentId: z.string(),
      agentName: z.string(),
      flags: z.array(z.enum(['exclusion-rate', 'surveyed-share'])),
    }),
  ),
  byCallType: z.array(
    z.object({
      callType: z.string(),
      responses: z.number().int(),
      /** CSAT: the share of 4 and 5 answers (0-1); null when none. */
      csat: z.number().nullable(),
      /** The mean of the 1-5 answers (the labelled second figure). */
      meanCsat: z.number().nullable(),
      csatDistribution: DistributionSchema,
      resolvedShare: z.number().nullable(),
      meanEffort: z.number().nullable(),
    }),
  ),
  /** Every exclusion in the period, newest first (at most 200). */
  exclusions: z.array(SurveyExclusionRecordSchema),
  /** Answers of the period set apart as looking like staff gave them, newest first (at most 200). */
  selfAnswers: z.array(SurveySelfAnswerRecordSchema),
  /** Sends still retrying or given up on: a failing SMTP server or gateway shows here. */
  delivery: z.object({
    pending: z.number().int(),
    failed: z.number().int(),
    /** The channels this hub can send by (a mail server for email, a gateway for sms and ivr). */
    configured: z.object({ email: z.boolean(), sms: z.boolean(), ivr: z.boolean() }),
    /** Surveys meant for a channel the hub cannot send by, shown to the agent as a link instead. */
    asLink: z.object({ email: z.number().int(), sms: z.number().int(), ivr: z.number().int() }),
    /** Why the waiting ones wait: each send's last error, the commonest first. */
    waitingBecause: z.array(z.object({ error: z.string(), count: z.number().int() })),
  }),
});
export type SurveyReport = z.infer<typeof SurveyReportSchema>;

export const TeamSettingsSchema = z.object({
  teamId: z.string(),
  agentsSeeSurveys: z.boolean(),
  behavioursOnly: z.boolean(),
});
export type TeamSettings = z.infer<typeof TeamSettingsSchema>;

/** The active survey pack as YAML (what the quality manager edits) and who saved it. */
export const SurveyPackInfoSchema = z.object({
  version: z.number().int(),
  yaml: z.string(),
  savedBy: z.string().nullable(),
  savedAt: IsoTimeSchema,
});
export type SurveyPackInfo = z.infer<typeof SurveyPackInfoSchema>;
