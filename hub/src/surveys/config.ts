/** Post-call surveys: where they are defined and how they reach customers. */
export interface SurveyConfig {
  /** YAML survey pack imported at start when newer than the stored one. */
  packFile: string;
  /** The hub's address as customers reach it, for survey links (default: the listen address). */
  publicUrl: string | null;
  /** SMTP server for the email channel, e.g. smtp://user:pass@mail.example.com:587. */
  smtpUrl: string | null;
  mailFrom: string;
  /** SMS and IVR gateway endpoint (HMAC-signed POSTs). */
  webhookUrl: string | null;
  /** How long after a call its survey goes out (the agent may flag it until then). */
  delaySeconds: number;
  /** First retry after this long; doubling up to an hour. */
  retrySeconds: number;
  /** A failing send is retried for this long, then marked failed (shown in the report). */
  giveUpHours: number;
  /** How long a survey link stays valid. */
  linkDays: number;
  /** Language of surveys whose customer language is not known. */
  defaultLang: string;
}
