// A real OpenID Connect provider for tests (panva's oidc-provider, certified), on loopback with a
// free port: one static confidential client, accounts with preferred_username, email, name and
// groups, and a minimal login page that signs in the account typed (no password, no consent
// screen). Hub tests drive it over plain HTTP; the browser end-to-end test fills its form.
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { join } from 'node:path';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { freePort } from '../../../scripts/local-servers.mjs';

export interface OidcAccount {
  /** The stable subject; also what is typed on the login page. */
  sub: string;
  preferred_username?: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  groups?: string[];
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** By subject; change an entry to change what the provider says at the next sign-in. */
  accounts: Map<string, OidcAccount>;
  stop(): Promise<void>;
}

export const TEST_CLIENT_ID = 'sidecoach-hub';
export const TEST_CLIENT_SECRET = 'a-test-client-secret-of-enough-length';

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function loginPage(uid: string, error = '') {
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>Test identity provider</title>
<h1>Test identity provider</h1>${error ? `<p role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}">
<label>Account <input name="login" autofocus></label>
<button type="submit">Continue</button></form></html>`;
}

async function formOf(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startOidcProvider(options: {
  redirectUris: string[];
  accounts: OidcAccount[];
}): Promise<TestProvider> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const accounts = new Map(options.accounts.map((a) => [a.sub, { ...a }]));
  const configuration: Configuration = {
    clients: [
      {
        client_id: TEST_CLIENT_ID,
        client_secret: TEST_CLIENT_SECRET,
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    findAccount: (_ctx, id) => {
      const account = accounts.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: () => ({ ...account }) };
    },
    claims: {
      openid: ['sub'],
      profile: ['name', 'preferred_username'],
      email: ['email', 'email_verified'],
      groups: ['groups'],
    },
    scopes: ['openid', 'profile', 'email', 'groups'],
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['test-provider-cookie-key-0123456789'] },
    // Keys and lifetimes of its own, so the provider does not use (and warn of) its dev defaults.
    jwks: {
      keys: [
        {
          ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
            format: 'jwk',
          }),
          kid: 'test-key',
          alg: 'RS256',
          use: 'sig',
        },
      ],
    },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    pkce: { required: () => true },
    // A first-party client: the grant is given without a consent page.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { client, session } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: client.clientId,
        accountId: session.accountId,
      });
      grant.addOIDCScope('openid profile email groups');
      await grant.save();
      return grant;
    },
  };
  const provider = new Provider(issuer, configuration);
  provider.on('server_error', (_ctx, err) => console.error('[oidc test provider]', err));
  const handle = provider.callback();
  const server: Server = createServer((req, res) => {
    const uid = /^\/interaction\/([^/?]+)/.exec(req.url ?? '')?.[1];
    if (!uid) return void handle(req, res);
    void (async () => {
      try {
        await provider.interactionDetails(req, res);
        if (req.method !== 'POST') {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          return res.end(loginPage(uid));
        }
        const login = (await formOf(req)).get('login')?.trim() ?? '';
        if (!accounts.has(login)) {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          return res.end(loginPage(uid, `No account "${login}"`));
        }
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: login } },
          { mergeWithLastSubmission: false },
        );
      } catch (err) {
        res.writeHead(400, { 'content-type': 'text/plain' });
        res.end(String(err));
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    issuer,
    clientId: TEST_CLIENT_ID,
    clientSecret: TEST_CLIENT_SECRET,
    accounts,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A provider for a hub still to start on a free port, and that hub's flags: its public URL, the
 * provider as issuer with the client secret in a file in `dir`, users created on demand,
 * `groups` mapped by `groupMapFile`, and passwords off.
 */
export async function providerForHub(options: {
  accounts: OidcAccount[];
  dir: string;
  label: string;
  scopes: string;
  groupMapFile: string;
}) {
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const provider = await startOidcProvider({
    redirectUris: [`${publicUrl}/api/auth/oidc/callback`],
    accounts: options.accounts,
  });
  const secretFile = join(options.dir, 'client-secret');
  writeFileSync(secretFile, `${provider.clientSecret}\n`, { mode: 0o600 });
  const hubArgs = [
    ...['--public-url', publicUrl, '--disable-passwords'],
    ...['--oidc-issuer', provider.issuer, '--oidc-client-id', provider.clientId],
    ...['--oidc-client-secret-file', secretFile, '--oidc-label', options.label],
    ...['--oidc-scopes', options.scopes, '--oidc-create-users'],
    ...['--oidc-groups-claim', 'groups', '--oidc-group-map', options.groupMapFile],
  ];
  return { provider, port, hubArgs };
}

/** Cookies by name, as a browser would keep them for the provider and the hub (loopback only). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** A request without following redirects; keeps what Set-Cookie says. */
  async fetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0)
      headers.set(
        'cookie',
        [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
      );
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some(
        (a) => /^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]!) < Date.now(),
      );
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }
}

/** Where a redirect points, absolute. */
export function locationOf(res: Response, base: string | URL): URL {
  const location = res.headers.get('location');
  if (!location || res.status < 300 || res.status >= 400)
    throw new Error(`expected a redirect, got ${res.status}: ${location ?? ''}`);
  return new URL(location, base);
}

/**
 * Signs `login` in at the provider, from its authorization URL: follows the provider's own
 * redirects, fills the login page, and returns where the provider sends the browser back to
 * (the hub's callback with code, state and iss), without requesting it.
 */
export async function signInAtProvider(
  authorizeUrl: URL,
  login: string,
  jar = new CookieJar(),
): Promise<URL> {
  let location = authorizeUrl;
  for (let hops = 0; hops < 10 && location.origin === authorizeUrl.origin; hops++) {
    if (location.pathname.startsWith('/interaction/')) {
      const form = await jar.fetch(location);
      if (form.status !== 200) throw new Error(`login page: ${form.status} ${await form.text()}`);
      const res = await jar.fetch(location, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ login }).toString(),
      });
      if (res.status === 200) throw new Error(`login refused: ${await res.text()}`);
      location = locationOf(res, location);
    } else {
      location = locationOf(await jar.fetch(location), location);
    }
  }
  if (location.origin === authorizeUrl.origin)
    throw new Error('the provider never redirected back');
  return location;
}
