import * as oidc from 'openid-client';
import type { Logger } from '../lib/log.js';
import type { SsoConfig } from './sso-config.js';

// The hub as an OpenID Connect relying party: authorization code flow with PKCE, state and
// nonce, every check of the provider's answer done by openid-client.

/** Why a sign-in at the provider did not give a person. */
export class ProviderFailure extends Error {
  constructor(
    /** unavailable: the provider could not be reached; refused: it said no or its answer failed a check. */
    readonly reason: 'unavailable' | 'refused',
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The checks a callback is verified against: what the hub sent with the sign-in. */
export interface LoginChecks {
  state: string;
  nonce: string;
  verifier: string;
}

const isLoopbackHttp = (url: URL) =>
  url.protocol === 'http:' &&
  (url.hostname === 'localhost' || url.hostname === '[::1]' || url.hostname.startsWith('127.'));

export class RelyingParty {
  private discovered: Promise<oidc.Configuration> | null = null;

  constructor(
    private readonly sso: SsoConfig,
    /** The hub's callback URL as registered at the provider (public URL + the callback path). */
    private readonly redirectUri: () => string,
    private readonly log: Logger,
  ) {}

  /** The provider's metadata, fetched once; a failure is tried again at the next sign-in. */
  private configuration(): Promise<oidc.Configuration> {
    this.discovered ??= (async () => {
      const issuer = new URL(this.sso.issuer);
      const auth = this.sso.clientSecret
        ? oidc.ClientSecretBasic(this.sso.clientSecret)
        : oidc.None();
      try {
        return await oidc.discovery(issuer, this.sso.clientId, undefined, auth, {
          // Plain http is accepted for a provider on this machine only (config.ts).
          execute: isLoopbackHttp(issuer) ? [oidc.allowInsecureRequests] : [],
          timeout: 10,
        });
      } catch (err) {
        this.discovered = null;
        throw new ProviderFailure('unavailable', 'the identity provider could not be reached', {
          cause: err,
        });
      }
    })();
    return this.discovered;
  }

  /** Where to send the browser: the provider's authorization endpoint with state, nonce, PKCE. */
  async authorizationUrl(checks: LoginChecks): Promise<URL> {
    const config = await this.configuration();
    return oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri(),
      scope: this.sso.scopes,
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(checks.verifier),
      code_challenge_method: 'S256',
    });
  }

  /**
   * The provider sent the browser back to `callbackUrl`: exchanges the code (PKCE), validates
   * the ID token (issuer, audience, signature, expiry, nonce) and the state, and returns the
   * claims of the ID token with those of the userinfo endpoint (same subject) beneath them.
   */
  async finish(callbackUrl: URL, checks: LoginChecks): Promise<oidc.IDToken> {
    const config = await this.configuration();
    try {
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: checks.verifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('no ID token');
      if (!config.serverMetadata().userinfo_endpoint) return claims;
      const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
      return { ...info, ...claims };
    } catch (err) {
      const unreachable = err instanceof TypeError || (err as Error).name === 'TimeoutError';
      this.log.warn({ err }, 'single sign-on: the provider answer was refused');
      throw new ProviderFailure(
        unreachable ? 'unavailable' : 'refused',
        unreachable ? 'the identity provider could not be reached' : 'the provider refused',
        { cause: err },
      );
    }
  }

  /** A request to the callback (path and query) as the absolute URL the provider sent it to. */
  callbackUrl(pathAndQuery: string): URL {
    return new URL(pathAndQuery, this.redirectUri());
  }
}
