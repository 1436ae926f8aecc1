import type { Survey, SurveyChannel } from '@sidecoach/shared';
import type { CustomerLanguage } from '../i18n.js';

/** One survey invitation to deliver. */
export interface Invitation {
  callId: string;
  channel: Exclude<SurveyChannel, 'link'>;
  /** Email address or phone number. */
  to: string;
  survey: Survey;
  lang: CustomerLanguage;
  url: string;
  expiresAt: string;
  cooldownDays: number;
}

/** Delivers an invitation or throws (the send is retried later with backoff). */
export type Channel = (invitation: Invitation) => Promise<void>;

/** A send that failed for a reason retrying cannot fix soon is still retried: config can change. */
export class ChannelNotConfigured extends Error {}
