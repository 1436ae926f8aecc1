import { z } from 'zod';
import { IsoTimeSchema } from './common.js';
import { DeviceLabelSchema } from './account.js';
import { UiLanguageSchema } from '../ipc/bridge.js';

// Signing in (HTTP), the signed-in user, and the socket handshake.

/** 'caller': a mystery caller (never in a team, never staff; sees only their own assignments). */
export const ROLES = ['agent', 'supervisor', 'lead', 'admin', 'caller'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const SignInRequestSchema = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  /** What the device calls itself, listed with the user's signed-in devices. */
  device: DeviceLabelSchema.optional(),
});
export type SignInRequest = z.infer<typeof SignInRequestSchema>;

export const TeamRefSchema = z.object({ id: z.string(), name: z.string() });
export const UserProfileSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  teams: z.array(TeamRefSchema),
  /**
   * One of the user's teams coaches on behaviours, not scores: as an agent they get no numeric
   * score from the hub, and the UI shows none it could compute itself.
   */
  behavioursOnly: z.boolean(),
  /**
   * The UI language the hub knows for the user: their own choice, else the admin's default;
   * null: the device's (or the browser's) language.
   */
  lang: UiLanguageSchema.nullable(),
  /** Rights beyond the role (admin/permissions): 'evaluator', 'arbitrator'. */
  permissions: z.array(z.enum(['evaluator', 'arbitrator'])),
});
/** The signed-in user as the hub describes them. */
export type UserProfile = z.infer<typeof UserProfileSchema>;

export const SignInResponseSchema = z.object({
  token: z.string(),
  expiresAt: IsoTimeSchema,
  user: UserProfileSchema,
});
export type SignInResponse = z.infer<typeof SignInResponseSchema>;

/** The socket.io handshake `auth` object. */
/**
 * The version of this protocol (events, payloads, answers). A sidebar sends it in the handshake;
 * the hub refuses other versions with `outdated_client`, so an old sidebar says "update" instead
 * of waiting on events the hub no longer knows. Raise it with every incompatible change.
 */
export const PROTOCOL_VERSION = 2;

export const HandshakeAuthSchema = z.object({
  token: z.string().min(1).max(200),
  /** The client's PROTOCOL_VERSION (sidebars before version 2 send none). */
  protocol: z.number().int().min(1).optional(),
  /** The last inbox sequence number this client has; the hub sends every later message. */
  lastSeq: z.number().int().min(0).optional(),
});
export type HandshakeAuth = z.infer<typeof HandshakeAuthSchema>;
