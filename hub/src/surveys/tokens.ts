import { createHash, createHmac } from 'node:crypto';

/**
 * Survey page tokens: an HMAC of the call id under the hub's survey secret (256 bits, not
 * guessable without the secret). The same call always gets the same token, so a send retried
 * after a crash carries the same link; only its SHA-256 is stored, so a copy of the database
 * does not give working links.
 */
export class SurveyTokens {
  constructor(private readonly secret: string) {}

  forCall(callId: string): string {
    return createHmac('sha256', this.secret).update(`survey:${callId}`).digest('base64url');
  }

  static hash(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }

  /** Shape check before any lookup: 43 base64url characters. */
  static wellFormed(token: string): boolean {
    return /^[A-Za-z0-9_-]{43}$/.test(token);
  }
}
