import { z } from 'zod';
import { IsoTimeSchema } from './common.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_PROBLEMS } from '../domain/passwords.js';

// Passwords, one-time codes and signed-in devices. Before a session exists (a first sign-in
// with a code, a reset link) over HTTP under /api/auth/; the rest as socket events.

export const PasswordProblemSchema = z.enum(PASSWORD_PROBLEMS);

/** What a device calls itself at sign-in ("Sidecoach desktop", "Chrome on Windows"). */
export const DeviceLabelSchema = z.string().trim().min(1).max(80);

const UsernameSchema = z.string().trim().min(1).max(64);
/** A one-time code as the admin reads it out: letters and digits, dashes and spaces ignored. */
const CodeSchema = z.string().trim().min(1).max(40);
/** The token of a reset link (`<hub>/#reset=<token>`). */
const LinkTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/);

const ByCode = { username: UsernameSchema, code: CodeSchema };
const ByLink = { token: LinkTokenSchema };

/** A one-time code with its username, or the token of a reset link. */
export const OneTimeCredentialSchema = z.union([z.strictObject(ByCode), z.strictObject(ByLink)]);
export type OneTimeCredential = z.infer<typeof OneTimeCredentialSchema>;

/** POST /api/auth/one-time: is this code good? Answers whose it is, so the rules can be shown. */
export const OneTimeCheckResponseSchema = z.object({
  username: z.string(),
  displayName: z.string(),
  expiresAt: IsoTimeSchema,
});
export type OneTimeCheckResponse = z.infer<typeof OneTimeCheckResponseSchema>;

/**
 * POST /api/auth/first-password: the code (or link) and the password the user chose. Answers as
 * sign-in does; the code is used up only when the password is accepted.
 */
const Chosen = {
  password: z
    .string()
    .min(1)
    .max(PASSWORD_MAX_LENGTH * 4),
  device: DeviceLabelSchema.optional(),
};
export const FirstPasswordRequestSchema = z.union([
  z.strictObject({ ...ByCode, ...Chosen }),
  z.strictObject({ ...ByLink, ...Chosen }),
]);
export type FirstPasswordRequest = z.infer<typeof FirstPasswordRequestSchema>;

export const PasswordChangeSchema = z.strictObject({
  current: z
    .string()
    .min(1)
    .max(PASSWORD_MAX_LENGTH * 4),
  next: z
    .string()
    .min(1)
    .max(PASSWORD_MAX_LENGTH * 4),
});

export const DeviceSessionSchema = z.object({
  id: z.string(),
  /** The label the device gave at sign-in (null for sidebars that sent none). */
  device: z.string().nullable(),
  userAgent: z.string().nullable(),
  address: z.string().nullable(),
  createdAt: IsoTimeSchema,
  lastSeenAt: IsoTimeSchema,
  /** The session of the socket that asked. */
  current: z.boolean(),
});
export type DeviceSession = z.infer<typeof DeviceSessionSchema>;
export interface MySessions {
  sessions: DeviceSession[];
}

export const SessionRevokeSchema = z.strictObject({ sessionId: z.string().min(1).max(64) });

/** Admin: a user's account (issue a one-time code, sign out everywhere). */
export const UserAccountTargetSchema = z.strictObject({ userId: z.string().min(1).max(64) });

/** Shown to the admin once, to hand over: only its hash is kept. */
export interface IssuedCode {
  code: string;
  link: string;
  expiresAt: string;
}
export interface SignedOutEverywhere {
  /** How many sessions were signed out. */
  sessions: number;
}
