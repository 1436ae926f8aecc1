import type { Role } from '@sidecoach/shared';

/** The claim a signing-in person is matched to a Sidecoach username by (first sign-in only). */
export const MATCH_CLAIMS = ['preferred_username', 'email', 'sub'] as const;
export type MatchClaim = (typeof MATCH_CLAIMS)[number];

/** Single sign-on through an OpenID Connect provider (the hub is the relying party). */
export interface SsoConfig {
  /** The provider's issuer URL (its discovery document is at /.well-known/openid-configuration). */
  issuer: string;
  clientId: string;
  /** Confidential client (client_secret_basic); null: a public client (PKCE alone). */
  clientSecret: string | null;
  /** The provider's name on the "Sign in with …" button. */
  label: string;
  /** Space-separated scopes asked for ("openid" is always among them). */
  scopes: string;
  matchClaim: MatchClaim;
  /** Unknown people are created (with `defaultRole`) instead of refused. */
  createUsers: boolean;
  defaultRole: Role;
  /** The claim listing the person's groups, with the file mapping groups to role and teams. */
  groupsClaim: string | null;
  groupMapFile: string | null;
}
