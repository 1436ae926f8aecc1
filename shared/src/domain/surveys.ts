import { z } from 'zod';
import { LocalizedTextSchema } from './standards.js';

// Post-call customer surveys: what is asked, of which calls, through which channel. The hub,
// never the agent, decides whether a call is surveyed (see DOMAIN.md, "Customer feedback").

const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lower-case letters, digits and dashes (max 64)');

/** How a survey reaches the customer: email, an SMS or IVR gateway webhook, or a link shown. */
export const SURVEY_CHANNELS = ['email', 'sms', 'ivr', 'link'] as const;
export type SurveyChannel = (typeof SURVEY_CHANNELS)[number];

/** The only reasons an agent may give for not surveying a call; each one is recorded. */
export const EXCLUSION_REASONS = ['abusive-caller', 'wrong-number', 'vulnerable-customer'] as const;
export const ExclusionReasonSchema = z.enum(EXCLUSION_REASONS);
export type ExclusionReason = z.infer<typeof ExclusionReasonSchema>;

/**
 * Why a survey answer looks like staff gave it, not the customer (see DOMAIN.md, "Customer
 * feedback"): a signed-in staff browser on the hub's origin sent it, it came from the address
 * the call's agent signs in from, or from an address any staff member signed in from lately.
 * Such answers are counted apart from CSAT and shown to the lead with their reason.
 */
export const SELF_ANSWER_REASONS = ['staff-browser', 'agent-address', 'staff-address'] as const;
export const SelfAnswerReasonSchema = z.enum(SELF_ANSWER_REASONS);
export type SelfAnswerReason = z.infer<typeof SelfAnswerReasonSchema>;

export const COMMENT_MAX = 2000;

export const SurveyQuestionSchema = z.discriminatedUnion('kind', [
  /** Customer satisfaction, 1 (very dissatisfied) to 5 (very satisfied). */
  z.strictObject({ id: slug, kind: z.literal('csat'), text: LocalizedTextSchema }),
  /** Was the issue resolved on this contact (first contact resolution)? Yes or no. */
  z.strictObject({ id: slug, kind: z.literal('resolved'), text: LocalizedTextSchema }),
  /**
   * Customer effort, stored 1 (very easy) to 5 (very hard), the usual CES direction. The page
   * shows it as ease, low is bad like every other scale, and posts the stored value.
   */
  z.strictObject({ id: slug, kind: z.literal('effort'), text: LocalizedTextSchema }),
  z.strictObject({
    id: slug,
    kind: z.literal('comment'),
    text: LocalizedTextSchema,
    maxLength: z.number().int().min(10).max(COMMENT_MAX).default(1000),
  }),
]);
export type SurveyQuestion = z.infer<typeof SurveyQuestionSchema>;

export const SurveySchema = z
  .strictObject({
    id: slug,
    name: LocalizedTextSchema,
    /** Call types this survey is for; a call type has at most one survey. */
    callTypes: z.array(slug).min(1),
    channel: z.enum(SURVEY_CHANNELS),
    /** Share of eligible calls surveyed: 100 is every eligible call. */
    samplePercent: z.number().min(0).max(100).default(100),
    questions: z.array(SurveyQuestionSchema).min(1).max(5),
    /** Shown after submitting: what happens with the feedback. */
    thankYou: LocalizedTextSchema,
  })
  .superRefine((survey, ctx) => {
    const seen = new Set<string>();
    survey.questions.forEach((q, i) => {
      if (seen.has(q.id))
        ctx.addIssue({
          code: 'custom',
          path: ['questions', i, 'id'],
          message: `duplicate question id "${q.id}"`,
        });
      seen.add(q.id);
    });
  });
export type Survey = z.infer<typeof SurveySchema>;

/** Whose surveys these are, as customers see them: the company's name and colour. */
export const SurveyBrandSchema = z.strictObject({
  name: LocalizedTextSchema,
  /** The page's accent colour, `#rrggbb` (text on it is chosen for contrast). */
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb'),
});
export type SurveyBrand = z.infer<typeof SurveyBrandSchema>;

export const SurveyPackSchema = z
  .strictObject({
    version: z.number().int().positive(),
    brand: SurveyBrandSchema.optional(),
    /** Nobody is surveyed twice within this many days. */
    cooldownDays: z.number().int().min(0).max(365).default(30),
    /**
     * Internal and test numbers that are never surveyed: exact numbers, or prefixes ending in
     * `*` ("+3716700*"). Compared on digits (and a leading +) only.
     */
    excludedNumbers: z
      .array(z.string().regex(/^\+?[0-9 ()-]+\*?$/, 'a phone number or a prefix ending in *'))
      .default([]),
    surveys: z.array(SurveySchema).min(1),
  })
  .superRefine((pack, ctx) => {
    const owner = new Map<string, string>();
    pack.surveys.forEach((survey, i) => {
      survey.callTypes.forEach((callType, j) => {
        const other = owner.get(callType);
        if (other)
          ctx.addIssue({
            code: 'custom',
            path: ['surveys', i, 'callTypes', j],
            message: `call type "${callType}" already has survey "${other}"`,
          });
        owner.set(callType, survey.id);
      });
    });
  });
/** Every survey definition with the rules that pick the calls surveyed. */
export type SurveyPack = z.infer<typeof SurveyPackSchema>;

/** A phone number as compared: digits and a leading +. */
export function normalizePhone(phone: string): string {
  const digits = phone.replace(/[^0-9]/g, '');
  return phone.trim().startsWith('+') ? `+${digits}` : digits;
}

export function isExcludedNumber(pack: SurveyPack, phone: string): boolean {
  const number = normalizePhone(phone);
  return pack.excludedNumbers.some((pattern) => {
    const prefix = pattern.endsWith('*');
    const wanted = normalizePhone(prefix ? pattern.slice(0, -1) : pattern);
    return prefix ? number.startsWith(wanted) : number === wanted;
  });
}

/**
 * Whether a call falls in the sample: a hash of its id against the percentage. Deterministic
 * (the same call always gets the same answer, so it can be audited and re-derived after a
 * crash) and unrelated to anything the agent controls.
 */
export function sampledIn(callId: string, percent: number): boolean {
  if (percent >= 100) return true;
  if (percent <= 0) return false;
  let hash = 0x811c9dc5; // FNV-1a, 32 bits
  for (let i = 0; i < callId.length; i++) {
    hash ^= callId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % 10_000 < percent * 100;
}

export interface SurveyCandidate {
  callId: string;
  callType: string;
  /** Where the customer can be reached, as the phone system or CRM knows them. */
  customer: { phone?: string | null; email?: string | null };
  /** The agent's flag, if they asked not to survey this call. */
  exclusion?: ExclusionReason | null;
  /** When this customer was last surveyed, if ever. */
  lastSurveyedAt?: Date | null;
}

export type SurveySkip =
  'no-survey' | 'excluded' | 'no-address' | 'excluded-number' | 'cooldown' | 'not-sampled';

export type SurveyDecision =
  | { send: true; survey: Survey; channel: SurveyChannel; address: string | null }
  | { send: false; reason: SurveySkip; survey: Survey | null };

/**
 * Decides, at call end, whether a call is surveyed. Eligibility first (a survey for the call
 * type, no recorded exclusion, an address for the channel, not an internal number, outside the
 * customer's cooldown), sampling last, so the sampled share of eligible calls is the percentage.
 */
export function decideSurvey(
  pack: SurveyPack,
  call: SurveyCandidate,
  now: Date,
  /** Whether this hub can send on a channel (a mail server, a gateway); link always. */
  canSend: (channel: Exclude<SurveyChannel, 'link'>) => boolean = () => true,
): SurveyDecision {
  const survey = pack.surveys.find((s) => s.callTypes.includes(call.callType)) ?? null;
  if (!survey) return { send: false, reason: 'no-survey', survey };
  if (call.exclusion) return { send: false, reason: 'excluded', survey };
  const phone = call.customer.phone?.trim() || null;
  const address =
    survey.channel === 'email'
      ? call.customer.email?.trim() || null
      : survey.channel === 'link'
        ? null
        : phone;
  // A channel this hub cannot send on falls back to a link the agent shows (see the hub's
  // decide.ts), which needs no address: only a channel it can send on needs one.
  if (survey.channel !== 'link' && !address && canSend(survey.channel))
    return { send: false, reason: 'no-address', survey };
  if (phone && isExcludedNumber(pack, phone))
    return { send: false, reason: 'excluded-number', survey };
  const last = call.lastSurveyedAt;
  if (last && now.getTime() - last.getTime() < pack.cooldownDays * 86_400_000)
    return { send: false, reason: 'cooldown', survey };
  if (!sampledIn(call.callId, survey.samplePercent))
    return { send: false, reason: 'not-sampled', survey };
  return { send: true, survey, channel: survey.channel, address };
}
