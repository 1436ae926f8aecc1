import { z } from 'zod';
import { DaySchema, IsoTimeSchema } from './common.js';

// Contact-centre KPIs on the wire. The PBX/ACD posts queue events (offered, answered with the
// wait, abandoned with the wait, transferred, wrap-up started and ended) to the CTI webhook,
// keyed by its queue name; an admin maps each queue to a team (and, optionally, a call type).
// The hub keeps one row per call leg (a call in a queue) and reads the figures from those legs
// beside Sidecoach's own records (surveys, self-assessments, QA and mystery-call results).
// Days, weeks (ISO, Monday first) and months are the team's time zone, else the hub's.
// Definitions with worked examples: README, "KPIs: definitions and worked examples".

const QueueNameSchema = z.string().trim().min(1).max(64);
const IdSchema = z.string().min(1).max(64);

// ---- queue events (CTI webhook, POST /api/cti/queue-events) ----

export const QUEUE_EVENT_KINDS = [
  'offered',
  'answered',
  'abandoned',
  'transferred',
  'wrapup-started',
  'wrapup-ended',
] as const;
export const QueueEventKindSchema = z.enum(QUEUE_EVENT_KINDS);
export type QueueEventKind = z.infer<typeof QueueEventKindSchema>;

/**
 * One queue event from the PBX. `callId` is the PBX's id of the call (the same id its call
 * events carry, so a leg finds Sidecoach's call record); `queue` the PBX's queue name. An
 * abandoned call has no agent: `extension` is required only where an agent acts (answered,
 * transferred, wrap-up). `waitMs` is required on answered and abandoned (time in the queue).
 */
export const QueueEventSchema = z
  .strictObject({
    kind: QueueEventKindSchema,
    queue: QueueNameSchema,
    callId: z.string().min(1).max(128),
    at: IsoTimeSchema,
    /** The agent's extension (answered, transferred, wrap-up). */
    extension: z.string().min(1).max(32).optional(),
    /** Time the caller waited in the queue, in ms (answered, abandoned). */
    waitMs: z.number().int().min(0).max(86_400_000).optional(),
    /** The caller's number as the PBX saw it (offered): repeat contacts (FCR) are found by it. */
    from: z
      .string()
      .regex(/^\+?[0-9 ()-]{3,32}$/, 'a phone number')
      .optional(),
    /** The call type when the PBX knows it (an IVR choice); else the queue's, else Sidecoach's. */
    callType: z.string().min(1).max(64).optional(),
    /** Transferred: the queue the call went to, when it went to a queue (else to a person). */
    toQueue: QueueNameSchema.optional(),
    /** Wrap-up started: talk and hold of the leg as the PBX counted them, in ms. */
    talkMs: z.number().int().min(0).max(86_400_000).optional(),
    holdMs: z.number().int().min(0).max(86_400_000).optional(),
    /** Wrap-up ended: the agent's disposition marked the call a complaint. */
    complaint: z.boolean().optional(),
  })
  .superRefine((e, ctx) => {
    if (
      ['answered', 'transferred', 'wrapup-started', 'wrapup-ended'].includes(e.kind) &&
      e.extension === undefined
    )
      ctx.addIssue({ code: 'custom', path: ['extension'], message: `${e.kind} needs extension` });
    if ((e.kind === 'answered' || e.kind === 'abandoned') && e.waitMs === undefined)
      ctx.addIssue({ code: 'custom', path: ['waitMs'], message: `${e.kind} needs waitMs` });
  });
export type QueueEvent = z.infer<typeof QueueEventSchema>;

/** The webhook's body: one event, or a batch of up to 500 in the order they happened. */
export const QueueEventsRequestSchema = z.strictObject({
  events: z
    .array(
      z.strictObject({
        /** The PBX's id for the event: each is accepted once (else kind + call + queue + at). */
        eventId: z.string().min(1).max(128).optional(),
        event: QueueEventSchema,
      }),
    )
    .min(1)
    .max(500),
});
export type QueueEventsRequest = z.infer<typeof QueueEventsRequestSchema>;

// ---- settings: queues and per-team KPI settings ----

export const KPI_IDS = [
  'aht',
  'fcr',
  'fcrSurvey',
  'csat',
  'abandonment',
  'serviceLevel',
  'asa',
  'answered',
  'transferRate',
  'surveyResponseRate',
  'complaints',
  'selfAssessment',
  'quality',
] as const;
export const KpiIdSchema = z.enum(KPI_IDS);
export type KpiId = z.infer<typeof KpiIdSchema>;

/** Whether a higher figure is better (CSAT) or a lower one (AHT, abandonment). */
export const KPI_BETTER: Record<KpiId, 'higher' | 'lower'> = {
  aht: 'lower',
  fcr: 'higher',
  fcrSurvey: 'higher',
  csat: 'higher',
  abandonment: 'lower',
  serviceLevel: 'higher',
  asa: 'lower',
  answered: 'higher',
  transferRate: 'lower',
  surveyResponseRate: 'higher',
  complaints: 'lower',
  selfAssessment: 'higher',
  quality: 'higher',
};

export const QueueMapSchema = z.strictObject({
  queue: QueueNameSchema,
  /** null: known (events came in) but not yet mapped; its legs count for no team. */
  teamId: IdSchema.nullable(),
  /** The call type of the queue's calls when neither the PBX nor the agent says. */
  callType: z.string().min(1).max(64).nullable(),
});
export type QueueMap = z.infer<typeof QueueMapSchema>;

/** kpi:queue-save (admins): map a queue to a team (null unmaps it). Existing legs follow. */
export const QueueSaveSchema = QueueMapSchema;

export const KpiTargetsSchema = z.partialRecord(KpiIdSchema, z.number().min(0).max(100_000));
export type KpiTargets = z.infer<typeof KpiTargetsSchema>;

export const KpiSettingsSchema = z.strictObject({
  teamId: IdSchema,
  /** FCR: a call is resolved first time when the same number does not call again within N days. */
  fcrDays: z.number().int().min(1).max(30),
  /** Abandons shorter than this many seconds are left out of abandonment and service level. */
  shortAbandonSeconds: z.number().int().min(0).max(120),
  /** Service level: answered within this many seconds. */
  serviceLevelSeconds: z.number().int().min(1).max(600),
  /** Targets per KPI, in the KPI's unit (seconds, share 0-1, count per period). */
  targets: KpiTargetsSchema,
  /** Leaderboards on the team wall: off by default, never for behaviours-only teams. */
  leaderboard: z.boolean(),
});
export type KpiSettings = z.infer<typeof KpiSettingsSchema>;
export const KPI_DEFAULTS = {
  fcrDays: 7,
  shortAbandonSeconds: 5,
  serviceLevelSeconds: 20,
} as const;

/** kpi:settings-save (admins; a lead for the teams they lead). */
export const KpiSettingsSaveSchema = KpiSettingsSchema;

/** kpi:setup: what the settings screen needs. */
export const KpiSetupSchema = z.object({
  queues: z.array(
    QueueMapSchema.extend({
      /** Legs that count for no team yet (the queue is not mapped): what mapping it brings in. */
      legsWaiting: z.number().int().min(0),
    }),
  ),
  teams: z.array(
    KpiSettingsSchema.extend({
      teamName: z.string(),
      timeZone: z.string(),
      behavioursOnly: z.boolean(),
    }),
  ),
});
export type KpiSetup = z.infer<typeof KpiSetupSchema>;

// ---- figures ----

export const KPI_PERIODS = ['day', 'week', 'month'] as const;
export const KpiPeriodSchema = z.enum(KPI_PERIODS);
export type KpiPeriod = z.infer<typeof KpiPeriodSchema>;

/**
 * Additive counters a figure is a ratio of: summed over agents, days and call types, then
 * divided (never an average of averages). Times in ms.
 */
export const KpiSumsSchema = z.object({
  offered: z.number(),
  answered: z.number(),
  /** Answered within the service-level threshold. */
  answeredInSl: z.number(),
  abandoned: z.number(),
  /** Abandoned under the short-abandon threshold (left out of abandonment and service level). */
  shortAbandoned: z.number(),
  waitMs: z.number(),
  /** Legs handled by an agent (answered and wrapped up, or transferred on). */
  handled: z.number(),
  talkMs: z.number(),
  holdMs: z.number(),
  acwMs: z.number(),
  transferred: z.number(),
  /** Handled legs with a caller number whose FCR window has passed or was broken. */
  fcrEligible: z.number(),
  /** ... of which the number did not call again within the window. */
  fcrResolved: z.number(),
  surveysSent: z.number(),
  surveyResponses: z.number(),
  csatAnswers: z.number(),
  /** CSAT answers of 4 or 5. */
  csatTopTwo: z.number(),
  csatTotal: z.number(),
  resolvedAnswers: z.number(),
  resolvedYes: z.number(),
  complaints: z.number(),
  /** Sidecoach calls and the self-assessments submitted on them. */
  calls: z.number(),
  selfAssessed: z.number(),
  /** Released QA evaluations and approved mystery-call reports with a score (percent). */
  qualityCount: z.number(),
  qualityTotal: z.number(),
});
export type KpiSums = z.infer<typeof KpiSumsSchema>;

/** Each KPI's value (null when its denominator is 0), in its unit: ms, share 0-1, or a count. */
export const KpiFiguresSchema = z.object({
  aht: z.number().nullable(),
  fcr: z.number().nullable(),
  fcrSurvey: z.number().nullable(),
  csat: z.number().nullable(),
  /** The mean of the 1-5 answers: the labelled second figure beside CSAT. */
  csatMean: z.number().nullable(),
  abandonment: z.number().nullable(),
  serviceLevel: z.number().nullable(),
  asa: z.number().nullable(),
  answered: z.number(),
  transferRate: z.number().nullable(),
  surveyResponseRate: z.number().nullable(),
  complaints: z.number(),
  selfAssessment: z.number().nullable(),
  quality: z.number().nullable(),
});
export type KpiFigures = z.infer<typeof KpiFiguresSchema>;

/** A row of figures: the counters and what they come to. */
export const KpiRowSchema = z.object({ sums: KpiSumsSchema, figures: KpiFiguresSchema });
export type KpiRow = z.infer<typeof KpiRowSchema>;

export const KpiDashboardRequestSchema = z
  .strictObject({
    teamId: IdSchema,
    period: KpiPeriodSchema,
    /** Days of the team's calendar, both included (at most 400 days). */
    from: DaySchema,
    to: DaySchema,
    callType: z.string().min(1).max(64).optional(),
  })
  .refine((r) => r.from <= r.to, { path: ['to'], message: 'to is before from' });
export type KpiDashboardRequest = z.infer<typeof KpiDashboardRequestSchema>;

export const KpiDashboardSchema = z.object({
  teamId: IdSchema,
  teamName: z.string(),
  timeZone: z.string(),
  settings: KpiSettingsSchema,
  from: DaySchema,
  to: DaySchema,
  period: KpiPeriodSchema,
  total: KpiRowSchema,
  /** One row per day, week (its Monday) or month (its first day), oldest first. */
  trend: z.array(KpiRowSchema.extend({ bucket: DaySchema })),
  agents: z.array(KpiRowSchema.extend({ agentId: IdSchema, agentName: z.string() })),
  /** By call type; '' for legs nobody typed (no PBX type, no queue type, no Sidecoach call). */
  callTypes: z.array(KpiRowSchema.extend({ callType: z.string() })),
  /** FCR is provisional for calls whose window has not passed yet (from this day on). */
  fcrProvisionalFrom: DaySchema.nullable(),
  /** Queues whose legs count for this team. */
  queues: z.array(QueueNameSchema),
});
export type KpiDashboard = z.infer<typeof KpiDashboardSchema>;

/** kpi:drill: the calls behind a number (a team's, an agent's, a day's...), newest first. */
export const KpiDrillRequestSchema = z.strictObject({
  teamId: IdSchema,
  kpi: KpiIdSchema,
  from: DaySchema,
  to: DaySchema,
  agentId: IdSchema.optional(),
  callType: z.string().min(1).max(64).optional(),
  /** Continue after the last row of the previous page. */
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type KpiDrillRequest = z.infer<typeof KpiDrillRequestSchema>;

/** A call leg as the drill-down lists it, with how it counts toward the KPI asked about. */
export const KpiDrillRowSchema = z.object({
  legId: z.string(),
  pbxCallId: z.string(),
  /** Sidecoach's call record, when the agent's sidebar had the call. */
  callId: z.string().nullable(),
  queue: z.string(),
  agentId: z.string().nullable(),
  agentName: z.string().nullable(),
  callType: z.string().nullable(),
  offeredAt: IsoTimeSchema,
  outcome: z.enum(['answered', 'abandoned', 'short-abandon', 'transferred', 'waiting']),
  waitMs: z.number().nullable(),
  handleMs: z.number().nullable(),
  /** FCR: resolved (true), repeated within the window (false), not yet known or no number (null). */
  firstContact: z.boolean().nullable(),
  csat: z.number().int().min(1).max(5).nullable(),
  complaint: z.boolean(),
  /** Whether this leg counts in the KPI's numerator (e.g. abandoned for abandonment). */
  counts: z.boolean(),
});
export type KpiDrillRow = z.infer<typeof KpiDrillRowSchema>;
export const KpiDrillSchema = z.object({
  rows: z.array(KpiDrillRowSchema),
  nextCursor: z.string().nullable(),
});
export type KpiDrill = z.infer<typeof KpiDrillSchema>;

/** kpi:mine: the agent's own figures (refused for teams that coach on behaviours, not scores). */
export const KpiMineRequestSchema = z.strictObject({ period: KpiPeriodSchema });
export const KpiMineSchema = z.object({
  period: KpiPeriodSchema,
  from: DaySchema,
  to: DaySchema,
  mine: KpiRowSchema,
  /** The team's figures for the same days, to read one's own against. */
  team: KpiRowSchema,
  targets: KpiTargetsSchema,
  trend: z.array(KpiRowSchema.extend({ bucket: DaySchema })),
});
export type KpiMine = z.infer<typeof KpiMineSchema>;

// ---- CSV exports (HTTP, streamed) ----

/**
 * The header every streamed CSV export answers with before its rows: how many data rows follow,
 * so the client can show progress while it reads the stream.
 */
export const EXPORT_ROWS_HEADER = 'x-sidecoach-rows';
