import { SIGNATURE_HEADER, TIMESTAMP_HEADER, signRequest } from '../../lib/signature.js';
import { customerT, localized } from '../i18n.js';
import { ChannelNotConfigured, type Channel, type Invitation } from './types.js';

/** How long the gateway has to answer before the attempt counts as failed. */
const TIMEOUT_MS = 10_000;

/** What the SMS or IVR gateway receives: who to contact, in which language, with what. */
export interface GatewayRequest {
  type: 'survey.invitation';
  channel: 'sms' | 'ivr' | 'email';
  callId: string;
  to: string;
  lang: string;
  surveyId: string;
  /** The survey page (SMS) — an IVR gateway may run its own questions and post them back. */
  url: string;
  /** The message to send, in the customer's language (SMS). */
  text: string;
  questions: { id: string; kind: string; text: string }[];
  expiresAt: string;
}

/**
 * The SMS/IVR channel: a POST of JSON signed like the CTI webhook (`x-sidecoach-timestamp`,
 * `x-sidecoach-signature: v1=<hex HMAC-SHA256 of "timestamp.body">`), with `Idempotency-Key`
 * set to the call id so a gateway can drop a repeat. Anything but a 2xx is a failure.
 */
export function webhookChannel(url: string | null, secret: string): Channel {
  return async (inv: Invitation) => {
    if (!url)
      throw new ChannelNotConfigured(
        'no SMS/IVR gateway configured (--survey-webhook or SIDECOACH_SURVEY_WEBHOOK)',
      );
    const payload: GatewayRequest = {
      type: 'survey.invitation',
      channel: inv.channel,
      callId: inv.callId,
      to: inv.to,
      lang: inv.lang,
      surveyId: inv.survey.id,
      url: inv.url,
      text: customerT(inv.lang)('sms.text', { url: inv.url }),
      questions: inv.survey.questions.map((q) => ({
        id: q.id,
        kind: q.kind,
        text: localized(q.text, inv.lang),
      })),
      expiresAt: inv.expiresAt,
    };
    const body = JSON.stringify(payload);
    const timestamp = Math.floor(Date.now() / 1000);
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signRequest(secret, timestamp, body),
        'idempotency-key': `survey-${inv.callId}`,
      },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await res.body?.cancel();
    if (!res.ok) throw new Error(`gateway answered ${res.status} ${res.statusText}`);
  };
}
