import { z } from 'zod';
import { DeviceLabelSchema } from './account.js';

// Single sign-on through the centre's OpenID Connect provider: what the sign-in screen asks the
// hub, and how the sidebar turns the hub's one-time code into a session (SignInResponse).

/** `GET /api/auth/methods`: how people sign in to this hub. */
export const AuthMethodsSchema = z.object({
  /** false: only break-glass admins sign in with a password (the form is behind a link). */
  passwords: z.boolean(),
  /** The provider's name for the "Sign in with …" button; null when SSO is off. */
  sso: z.object({ label: z.string() }).nullable(),
});
export type AuthMethods = z.infer<typeof AuthMethodsSchema>;

/** RFC 7636 code verifier: 43-128 unreserved characters. */
export const CodeVerifierSchema = z.string().regex(/^[A-Za-z0-9._~-]{43,128}$/);
/** RFC 7636 S256 challenge: BASE64URL(SHA-256(verifier)), 43 characters. */
export const CodeChallengeSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
/** The sidebar's own state, echoed back with the code (checked by the sidebar). */
export const ClientStateSchema = z.string().regex(/^[A-Za-z0-9_-]{16,128}$/);

/** `POST /api/auth/oidc/exchange`: the one-time code and the verifier of the challenge sent. */
export const SsoExchangeRequestSchema = z.strictObject({
  code: z.string().regex(/^[A-Za-z0-9_-]{20,200}$/),
  codeVerifier: CodeVerifierSchema,
  /** What the device calls itself, listed with the user's signed-in devices. */
  device: DeviceLabelSchema.optional(),
});
export type SsoExchangeRequest = z.infer<typeof SsoExchangeRequestSchema>;

/**
 * Why a single sign-on came back without a code (the `error` of the final redirect): the
 * account is switched off, no user matches and none may be created, the sign-in took too long
 * or was used already, the provider refused or failed, or could not be reached.
 */
export const SSO_ERRORS = [
  'disabled',
  'unknown_user',
  'expired',
  'refused',
  'unavailable',
] as const;
export const SsoErrorSchema = z.enum(SSO_ERRORS);
export type SsoError = z.infer<typeof SsoErrorSchema>;

/** The path of the desktop app's loopback redirect (RFC 8252 section 7.3). */
export const LOOPBACK_CALLBACK_PATH = '/callback';

/**
 * The only redirects the hub sends a code to besides itself: `http://127.0.0.1:<port>/callback`
 * and `http://[::1]:<port>/callback`, written exactly so (no user, query, fragment or other
 * spelling), so no other address can be made to receive a sign-in.
 */
export function isLoopbackRedirect(uri: string): boolean {
  const match = /^http:\/\/(127\.0\.0\.1|\[::1\]):([1-9][0-9]{0,4})\/callback$/.exec(uri);
  return match !== null && Number(match[2]) <= 65535;
}
