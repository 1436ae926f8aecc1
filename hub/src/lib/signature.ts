import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far a signed request's timestamp may be from the hub's clock (replay window). */
export const MAX_SKEW_SECONDS = 300;
export const TIMESTAMP_HEADER = 'x-sidecoach-timestamp';
export const SIGNATURE_HEADER = 'x-sidecoach-signature';

/**
 * `v1=` + hex HMAC-SHA256 of `${timestamp}.${body}`: what a PBX integration sends to the CTI
 * webhook, and what the hub sends to SMS and IVR gateways.
 */
export function signRequest(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

export function verifySignedRequest(
  secret: string,
  timestampHeader: string | undefined,
  signatureHeader: string | undefined,
  body: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): SignatureCheck {
  if (!timestampHeader || !/^\d{1,12}$/.test(timestampHeader)) {
    return { ok: false, reason: `missing or malformed ${TIMESTAMP_HEADER} (unix seconds)` };
  }
  const timestamp = Number(timestampHeader);
  if (Math.abs(nowSeconds - timestamp) > MAX_SKEW_SECONDS) {
    return {
      ok: false,
      reason: `stale timestamp: more than ${MAX_SKEW_SECONDS} s from the hub's clock`,
    };
  }
  const expected = Buffer.from(signRequest(secret, timestamp, body));
  const given = Buffer.from(signatureHeader ?? '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'bad signature' };
  }
  return { ok: true };
}
