import {
  CustomerContactSchema,
  decideSurvey,
  normalizePhone,
  type CallRecord,
  type CustomerContact,
  type ExclusionReason,
  type SurveyChannel,
  type SurveyStatus,
} from '@sidecoach/shared';
import type { SurveyConfig } from './config.js';
import type { Draft, Job, Trx } from '../lib/jobs.js';
import { isMysteryCallerNumber } from '../lib/mystery-calls.js';
import type { Db } from '../store/db.js';
import { nowIso } from '../store/db.js';
import type { SurveyPacks } from './packs.js';
import { answered, exclusionOf, sendRowOf, surveyStatus, type SurveySendRow } from './records.js';
import { SurveyTokens } from './tokens.js';

export interface SurveyDeps {
  db: Db;
  packs: SurveyPacks;
  config: SurveyConfig;
  tokens: SurveyTokens;
  /** The hub's own address, when no public URL is configured. */
  baseUrl: () => string;
}

/** The survey page of a call. */
export const surveyLink = (deps: SurveyDeps, callId: string) =>
  `${deps.config.publicUrl ?? deps.baseUrl()}/s/${deps.tokens.forCall(callId)}`;

/** Until when the agent may flag an ended call "do not survey": until its survey goes out. */
export const excludeUntil = (deps: SurveyDeps, endedAt: string) =>
  new Date(new Date(endedAt).getTime() + deps.config.delaySeconds * 1000).toISOString();

/** The agent's (or a coach's) view of a call's survey. */
export async function statusOf(
  deps: SurveyDeps,
  db: Db | Trx,
  call: Pick<CallRecord, 'id' | 'agentId' | 'endedAt'>,
  forAgent: boolean,
): Promise<SurveyStatus> {
  const row = await sendRowOf(db, call.id);
  return surveyStatus(
    call.id,
    call.agentId,
    row,
    {
      link: row?.channel === 'link' ? surveyLink(deps, call.id) : null,
      exclusionReason: await exclusionOf(db, call.id),
      excludeUntil: call.endedAt ? excludeUntil(deps, call.endedAt) : null,
      answered: row ? await answered(db, call.id) : false,
    },
    forAgent,
  );
}

/** Whether this hub can send by a channel (a mail server for email, a gateway for sms and ivr). */
export const channelConfigured = (config: SurveyConfig, channel: Exclude<SurveyChannel, 'link'>) =>
  channel === 'email' ? config.smtpUrl !== null : config.webhookUrl !== null;

/** The channels this hub can send by, as the lead's report shows them. */
export const configuredChannels = (config: SurveyConfig) => ({
  email: channelConfigured(config, 'email'),
  sms: channelConfigured(config, 'sms'),
  ivr: channelConfigured(config, 'ivr'),
});

/** The phone number in a SIP URI or dial string ("sip:+37120000001@pbx" -> "+37120000001"). */
export function phoneOfParty(party: string | null | undefined): string | null {
  if (!party) return null;
  const user = party.replace(/^(sips?|tel):/i, '').split(/[@;]/)[0] ?? '';
  return /^\+?[0-9][0-9 ()-]{2,31}$/.test(user) ? user : null;
}

/**
 * How to reach the customer of a call: what the PBX or CRM attached to its CTI events; and
 * every number the PBX saw the call from (`parties`), which may differ from the CRM's.
 */
async function customerOf(
  db: Db | Trx,
  call: CallRecord,
): Promise<{ contact: CustomerContact; parties: string[] }> {
  if (!call.externalId) return { contact: {}, parties: [] };
  const rows = await db
    .selectFrom('cti_events')
    .select('event')
    .where('user_id', '=', call.agentId)
    .where('call_id', '=', call.externalId)
    .orderBy('received_at', 'desc')
    .execute();
  const contact: CustomerContact = {};
  const parties = new Set<string>();
  for (const { event } of rows) {
    const parsed = JSON.parse(event) as { customer?: unknown; remoteParty?: string | null };
    const customer = CustomerContactSchema.safeParse(parsed.customer ?? {});
    if (customer.success) {
      contact.email ??= customer.data.email;
      contact.phone ??= customer.data.phone;
      contact.lang ??= customer.data.lang;
    }
    const party = phoneOfParty(parsed.remoteParty);
    if (party) parties.add(party);
    contact.phone ??= party ?? undefined;
  }
  return { contact, parties: [...parties] };
}

/** Whether any number the call came from, or the customer's, is a mystery caller's. */
async function fromMysteryCaller(trx: Trx, numbers: (string | undefined)[]): Promise<boolean> {
  for (const number of new Set(numbers))
    if (number && (await isMysteryCallerNumber(trx, number))) return true;
  return false;
}

const emailKey = (email: string) => `email:${email.trim().toLowerCase()}`;
const phoneKey = (phone: string) => `phone:${normalizePhone(phone)}`;

/**
 * The decision for an ended call, stored with the inbox's group commit (so the link message to
 * the agent and the decision are one transaction). Idempotent: a call is decided once, and a
 * decision re-derived after a crash is the same one (sampling hashes the call id).
 */
export function decideJob(deps: SurveyDeps, call: CallRecord): Job<SurveySendRow | undefined> {
  return async (trx) => {
    const existing = await sendRowOf(trx, call.id);
    if (existing || call.endedAt === null) return { result: existing, messages: [] };
    const pack = deps.packs.active;
    const now = new Date();
    const { contact: customer, parties } = await customerOf(trx, call);
    const keys = [
      customer.email ? emailKey(customer.email) : null,
      customer.phone ? phoneKey(customer.phone) : null,
    ].filter((k): k is string => k !== null);
    const last =
      keys.length === 0
        ? undefined
        : await trx
            .selectFrom('survey_sends')
            .select((eb) => eb.fn.max('decided_at').as('at'))
            .where('address_key', 'in', keys)
            .where('state', '!=', 'skipped')
            .executeTakeFirst();
    const exclusion = await exclusionOf(trx, call.id);
    // A mystery caller's registered number is an internal number for this decision: skipped as
    // 'excluded-number' at the same step (which tells the agent nothing of why). Also when the
    // CRM attached another customer's contact to the call: the caller rang, not that customer.
    // (A call with a number always has a customer phone: the PBX's, if the CRM gave none.)
    const internal =
      customer.phone && (await fromMysteryCaller(trx, [customer.phone, ...parties]))
        ? { ...pack, excludedNumbers: [...pack.excludedNumbers, customer.phone] }
        : pack;
    const decision = decideSurvey(
      internal,
      {
        callId: call.id,
        callType: call.callType,
        customer,
        exclusion,
        lastSurveyedAt: last?.at ? new Date(last.at) : null,
      },
      now,
      // Out of the box (no mail server, no gateway) calls are still surveyed: by a link.
      (channel) => channelConfigured(deps.config, channel),
    );
    const lang = customer.lang ?? deps.config.defaultLang;
    const decidedAt = now.toISOString();
    const row: SurveySendRow = {
      call_id: call.id,
      agent_id: call.agentId,
      call_type: call.callType,
      pack_version: pack.version,
      survey_id: decision.survey?.id ?? null,
      channel: decision.survey?.channel ?? null,
      address: decision.send ? decision.address : null,
      address_key: null,
      lang,
      customer_lang: customer.lang ?? null,
      state: 'skipped',
      skip_reason: decision.send ? null : decision.reason,
      token_hash: null,
      attempts: 0,
      next_attempt_at: null,
      last_error: null,
      decided_at: decidedAt,
      sent_at: null,
      expires_at: null,
      fallback_from: null,
    };
    const messages: Draft[] = [];
    if (decision.send) {
      const { channel, address } = decision;
      const addressKey =
        address === null ? null : channel === 'email' ? emailKey(address) : phoneKey(address);
      // No way to send by email, SMS or IVR on this hub: the agent shows the survey as a link
      // instead (still keyed on the customer's address, so the cooldown holds).
      const fallback =
        channel !== 'link' && !channelConfigured(deps.config, channel) ? channel : null;
      if (channel === 'link' || fallback) {
        // Nothing to send: the agent shows the link (or its QR code) to the customer now.
        const token = deps.tokens.forCall(call.id);
        Object.assign(row, {
          channel: 'link',
          address: null,
          address_key: addressKey,
          fallback_from: fallback,
          state: 'sent',
          token_hash: SurveyTokens.hash(token),
          sent_at: decidedAt,
          expires_at: new Date(now.getTime() + deps.config.linkDays * 86_400_000).toISOString(),
        });
      } else {
        const due = Math.max(
          now.getTime(),
          new Date(call.endedAt).getTime() + deps.config.delaySeconds * 1000,
        );
        Object.assign(row, {
          state: 'pending',
          address_key: addressKey,
          next_attempt_at: new Date(due).toISOString(),
        });
      }
    }
    await trx.insertInto('survey_sends').values(row).execute();
    if (row.channel === 'link' && row.state === 'sent') {
      messages.push({
        recipientId: call.agentId,
        refId: `survey:${call.id}:link`,
        content: {
          kind: 'survey-status',
          survey: await statusOf(deps, trx, call, true),
        },
      });
    }
    return { result: row, messages };
  };
}

export class ExclusionRefused extends Error {}

/**
 * Records the agent's "do not survey" flag. Allowed while the call is open and until its
 * survey goes out; a survey not yet sent is cancelled, a link not yet answered is withdrawn.
 */
export function excludeJob(
  deps: SurveyDeps,
  call: CallRecord,
  reason: ExclusionReason,
): Job<SurveyStatus> {
  return async (trx) => {
    const recorded = await exclusionOf(trx, call.id);
    if (recorded && recorded !== reason)
      throw new ExclusionRefused(`this call is already excluded (${recorded})`);
    if (!recorded) {
      if (call.endedAt && Date.now() > new Date(excludeUntil(deps, call.endedAt)).getTime())
        throw new ExclusionRefused("too late: this call's survey has already gone out");
      if (await answered(trx, call.id))
        throw new ExclusionRefused('the customer has already answered this survey');
      await trx
        .insertInto('survey_exclusions')
        .values({ call_id: call.id, agent_id: call.agentId, reason, at: nowIso() })
        .execute();
      await trx
        .updateTable('survey_sends')
        .set({ state: 'skipped', skip_reason: 'excluded', next_attempt_at: null })
        .where('call_id', '=', call.id)
        .where((eb) => eb.or([eb('state', '=', 'pending'), eb('channel', '=', 'link')]))
        .execute();
    }
    const survey = await statusOf(deps, trx, call, true);
    return {
      result: survey,
      messages: [
        {
          recipientId: call.agentId,
          refId: `survey:${call.id}:excluded`,
          content: { kind: 'survey-status', survey },
        },
      ],
    };
  };
}
