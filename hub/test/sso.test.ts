// Single sign-on end to end over plain HTTP: a real hub process (SQLite or PostgreSQL, by the
// project), a real OpenID provider on loopback (oidc-provider), redirects followed by hand.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignInResponse } from '@sidecoach/shared';
import { freePort } from '../../scripts/local-servers.mjs';
import { databaseArgs, testDialect, withHubDatabase } from './support/database.js';
import {
  connect,
  DEMO_PASSWORD,
  HUB_ENTRY,
  signIn,
  startHub,
  type RunningHub,
} from './support/hub-process.js';
import { locationOf, providerForHub, signInAtProvider, type TestProvider } from './support/oidc.js';

const GROUP_MAP = `# groups at the provider -> role and teams
groups:
  sidecoach-leads:
    role: lead
    teams: [team-demo]
  sidecoach-agents:
    role: agent
    teams: [team-night, team-that-does-not-exist]
`;

const ACCOUNTS = [
  {
    sub: 'sub-liga',
    preferred_username: 'liga.berzina',
    name: 'Līga Bērziņa',
    email: 'liga@example.lv',
    groups: ['sidecoach-leads', 'Everyone'],
  },
  { sub: 'sub-wang', preferred_username: 'wang.fang', name: '王芳', groups: ['sidecoach-agents'] },
  { sub: 'sub-agent1', preferred_username: 'agent1', email: 'agent1@example.test', groups: [] },
  { sub: 'sub-impostor', preferred_username: 'agent1', email: 'agent1@example.test' },
  { sub: 'sub-agent3', preferred_username: 'agent3' },
  { sub: 'sub-mail', email: 'mara.ozola@example.lv', email_verified: false, name: 'Māra Ozola' },
];

const verifierPair = () => {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
};

describe('single sign-on (OpenID Connect)', () => {
  let hub: RunningHub;
  let provider: TestProvider;
  const dir = mkdtempSync(join(tmpdir(), 'sidecoach-sso-'));
  const audit = (action: string) =>
    withHubDatabase(hub.dataDir, (db) =>
      db.selectFrom('audit_log').selectAll().where('action', '=', action).execute(),
    );
  const userIdOf = (username: string) =>
    withHubDatabase(hub.dataDir, async (db) =>
      db
        .selectFrom('users')
        .select('id')
        .where('username', '=', username)
        .executeTakeFirstOrThrow()
        .then((r) => r.id),
    );

  /** The sidebar's start: its challenge and state, and where the hub sends the browser. */
  async function start(redirectUri?: string) {
    const { verifier, challenge } = verifierPair();
    const state = randomBytes(16).toString('base64url');
    const url = new URL('/api/auth/oidc/start', hub.url);
    url.searchParams.set('code_challenge', challenge);
    url.searchParams.set('state', state);
    if (redirectUri) url.searchParams.set('redirect_uri', redirectUri);
    const res = await fetch(url, { redirect: 'manual' });
    return { res, verifier, state };
  }

  /** The whole browser round trip for `login`; returns where the hub finally sends it. */
  async function ssoRoundTrip(login: string, redirectUri?: string) {
    const started = await start(redirectUri);
    const callback = await signInAtProvider(locationOf(started.res, hub.url), login);
    expect(callback.href.startsWith(`${hub.url}/api/auth/oidc/callback?`)).toBe(true);
    const final = locationOf(await fetch(callback, { redirect: 'manual' }), hub.url);
    return { ...started, callback, final };
  }

  const exchange = (code: string | null, codeVerifier: string) =>
    fetch(`${hub.url}/api/auth/oidc/exchange`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, codeVerifier }),
    });

  async function ssoSignIn(login: string): Promise<SignInResponse> {
    const { final, verifier, state } = await ssoRoundTrip(login);
    expect(final.pathname).toBe('/');
    expect(final.searchParams.get('sso_state')).toBe(state);
    expect(final.searchParams.get('sso_error')).toBeNull();
    const res = await exchange(final.searchParams.get('sso_code'), verifier);
    expect(res.status).toBe(200);
    return (await res.json()) as SignInResponse;
  }

  let hubArgs: string[] = [];
  beforeAll(async () => {
    writeFileSync(join(dir, 'groups.yaml'), GROUP_MAP);
    let port: number;
    ({ provider, port, hubArgs } = await providerForHub({
      accounts: ACCOUNTS,
      dir,
      label: 'Test IdP',
      scopes: 'openid profile email groups',
      groupMapFile: join(dir, 'groups.yaml'),
    }));
    hub = await startHub({ demo: true, port, extraArgs: hubArgs });
  });
  afterAll(async () => {
    await hub?.dispose();
    await provider?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('tells the sign-in screen how people sign in', async () => {
    const res = await fetch(`${hub.url}/api/auth/methods`);
    expect(await res.json()).toEqual({ passwords: false, sso: { label: 'Test IdP' } });
  });

  it('creates an unknown person by the claim, with the role and teams of their groups', async () => {
    const liga = await ssoSignIn('sub-liga');
    expect(liga.user).toMatchObject({
      username: 'liga.berzina',
      displayName: 'Līga Bērziņa',
      role: 'lead',
      teams: [{ id: 'team-demo', name: 'Demo team' }],
    });
    (await connect(hub.url, liga.token)).close();
    const wang = await ssoSignIn('sub-wang');
    expect(wang.user).toMatchObject({
      username: 'wang.fang',
      displayName: '王芳',
      role: 'agent',
      teams: [{ id: 'team-night', name: 'Night shift' }],
    });
    // Unknown groups are ignored and a mapped team that does not exist is skipped, both logged.
    await hub.untilOutput('unknown group', (l) => l.includes('"Everyone"'));
    await hub.untilOutput('missing team', (l) => l.includes('team-that-does-not-exist'));

    const identities = await withHubDatabase(hub.dataDir, (db) =>
      db.selectFrom('user_identities').selectAll().where('subject', '=', 'sub-liga').execute(),
    );
    expect(identities).toMatchObject([{ issuer: provider.issuer, user_id: liga.user.id }]);
    const created = (await audit('sso.user-create')).find((a) => a.target_id === liga.user.id);
    expect(created).toMatchObject({ actor_id: null, target_type: 'user' });
    expect(JSON.parse(created!.after!)).toMatchObject({ role: 'lead' });
    const signIns = (await audit('sso.sign-in')).filter((a) => a.target_id === liga.user.id);
    expect(signIns).toMatchObject([{ actor_id: liga.user.id }]);
    // Created by SSO: no password signs them in (even were passwords on, the hash matches none).
    await expect(signIn(hub.url, 'liga.berzina', 'no-password')).rejects.toThrow(/401/);
  });

  it('follows group changes at the next sign-in, audited with the hub as actor', async () => {
    // Signed in as a lead on another device: that connection is dropped by the change, and
    // its handshake then reads the new role.
    const open = await connect(hub.url, (await ssoSignIn('sub-liga')).token);
    provider.accounts.get('sub-liga')!.groups = ['sidecoach-agents'];
    const liga = await ssoSignIn('sub-liga');
    expect(liga.user.role).toBe('agent');
    await expect.poll(() => open.connected).toBe(false);
    open.close();
    expect(liga.user.teams.map((t) => t.id)).toEqual(['team-night']);
    const [change] = (await audit('sso.role-change')).filter((a) => a.target_id === liga.user.id);
    expect(change).toMatchObject({ actor_id: null });
    expect(JSON.parse(change!.before!)).toEqual({ role: 'lead' });
    expect(JSON.parse(change!.after!)).toEqual({ role: 'agent' });
    const teams = (await audit('sso.teams-change')).filter((a) => a.target_id === liga.user.id);
    expect(JSON.parse(teams.at(-1)!.after!)).toEqual({ teams: ['team-night'] });
  });

  it('matches an existing user once, then only by the linked issuer and subject', async () => {
    const agent1 = await userIdOf('agent1');
    expect((await ssoSignIn('sub-agent1')).user).toMatchObject({ id: agent1, role: 'agent' });
    // Someone else at the provider now carries agent1's username and email: not agent1.
    const impostor = await ssoRoundTrip('sub-impostor');
    expect(impostor.final.searchParams.get('sso_error')).toBe('unknown_user');
    expect(impostor.final.searchParams.get('sso_code')).toBeNull();
    // agent1's own username and email change at the provider: still agent1.
    Object.assign(provider.accounts.get('sub-agent1')!, {
      preferred_username: 'agent2',
      email: 'agent2@example.test',
    });
    expect((await ssoSignIn('sub-agent1')).user.id).toBe(agent1);
  });

  it('refuses a disabled user', async () => {
    await withHubDatabase(hub.dataDir, (db) =>
      db.updateTable('users').set({ disabled: 1 }).where('username', '=', 'agent3').execute(),
    );
    const { final } = await ssoRoundTrip('sub-agent3');
    expect(final.searchParams.get('sso_error')).toBe('disabled');
    expect(final.searchParams.get('sso_code')).toBeNull();
  });

  it('refuses a callback whose state, nonce or PKCE verifier does not match', async () => {
    // State: the callback names a sign-in the hub never started.
    const forged = await start();
    const callback = await signInAtProvider(locationOf(forged.res, hub.url), 'sub-wang');
    const tampered = new URL(callback);
    tampered.searchParams.set('state', randomBytes(32).toString('base64url'));
    const res = await fetch(tampered, { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/Sign-in link expired/);
    // In the browser's language: nobody is signed in to have another.
    for (const [acceptLanguage, title] of [
      ['zh-TW,zh;q=0.9', '登入連結已失效'],
      ['lv-LV', 'Pierakstīšanās saite vairs nav derīga'],
    ]) {
      const local = await fetch(tampered, {
        redirect: 'manual',
        headers: { 'accept-language': acceptLanguage! },
      });
      expect(local.status).toBe(400);
      expect(await local.text()).toContain(`<h1>${title}</h1>`);
    }
    // The genuine callback still works once, and a replay of it finds nothing.
    expect(
      locationOf(await fetch(callback, { redirect: 'manual' }), hub.url).searchParams.has(
        'sso_code',
      ),
    ).toBe(true);
    expect((await fetch(callback, { redirect: 'manual' })).status).toBe(400);

    // Nonce and verifier: what the hub stored no longer matches what the provider was sent.
    for (const column of ['nonce', 'verifier'] as const) {
      const started = await start();
      await withHubDatabase(hub.dataDir, (db) =>
        db
          .updateTable('sso_logins')
          .set({ [column]: randomBytes(32).toString('base64url') })
          .where('client_state', '=', started.state)
          .execute(),
      );
      const back = await signInAtProvider(locationOf(started.res, hub.url), 'sub-wang');
      const final = locationOf(await fetch(back, { redirect: 'manual' }), hub.url);
      expect(final.searchParams.get('sso_error'), column).toBe('refused');
      expect(final.searchParams.get('sso_code'), column).toBeNull();
    }
    await hub.untilOutput('refusal logged', (l) => l.includes('provider answer was refused'));
  });

  it('exchanges a code once, with its verifier, before it expires', async () => {
    const once = await ssoRoundTrip('sub-wang');
    const code = once.final.searchParams.get('sso_code');
    expect((await exchange(code, once.verifier)).status).toBe(200);
    expect((await exchange(code, once.verifier)).status).toBe(401);

    const wrong = await ssoRoundTrip('sub-wang');
    const wrongCode = wrong.final.searchParams.get('sso_code');
    expect((await exchange(wrongCode, verifierPair().verifier)).status).toBe(401);
    // One try: the right verifier after a wrong one finds the code spent.
    expect((await exchange(wrongCode, wrong.verifier)).status).toBe(401);

    const late = await ssoRoundTrip('sub-wang');
    await withHubDatabase(hub.dataDir, (db) =>
      db
        .updateTable('sso_codes')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where('used_at', 'is', null)
        .execute(),
    );
    const res = await exchange(late.final.searchParams.get('sso_code'), late.verifier);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { message: /expired or was used/ } });
  });

  it('says a sign-in that stayed too long at the provider expired', async () => {
    const started = await start();
    await withHubDatabase(hub.dataDir, (db) =>
      db
        .updateTable('sso_logins')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where('client_state', '=', started.state)
        .execute(),
    );
    const back = await signInAtProvider(locationOf(started.res, hub.url), 'sub-wang');
    const final = locationOf(await fetch(back, { redirect: 'manual' }), hub.url);
    expect(final.searchParams.get('sso_error')).toBe('expired');
  });

  it('sends a code to a loopback redirect on 127.0.0.1 or [::1] only', async () => {
    const loopback = await ssoRoundTrip('sub-wang', 'http://127.0.0.1:53682/callback');
    expect(loopback.final.origin + loopback.final.pathname).toBe('http://127.0.0.1:53682/callback');
    expect(loopback.final.searchParams.get('state')).toBe(loopback.state);
    const res = await exchange(loopback.final.searchParams.get('code'), loopback.verifier);
    expect(res.status).toBe(200);
    expect(((await res.json()) as SignInResponse).user.username).toBe('wang.fang');
    const v6 = await start('http://[::1]:53682/callback');
    expect(locationOf(v6.res, hub.url).origin).toBe(provider.issuer);

    for (const uri of [
      'http://localhost:53682/callback',
      'http://127.0.0.1:53682/other',
      'http://127.0.0.1:53682/callback?next=https://example.com',
      'http://127.0.0.1:53682/callback#x',
      'http://user@127.0.0.1:53682/callback',
      'http://127.0.0.1.example.com:53682/callback',
      'http://127.0.0.2:53682/callback',
      'https://127.0.0.1:53682/callback',
      'http://127.0.0.1/callback',
      'http://127.0.0.1:0/callback',
      'http://127.0.0.1:70000/callback',
      'https://example.com/callback',
      '//example.com/callback',
    ]) {
      const refused = await start(uri);
      expect(refused.res.status, uri).toBe(400);
    }
  });

  it.runIf(testDialect() === 'postgres')(
    'finishes on another node a sign-in started on one (PostgreSQL)',
    async () => {
      const other = await startHub({ database: hub.databaseUrl!, extraArgs: hubArgs });
      try {
        const started = await start();
        const callback = await signInAtProvider(locationOf(started.res, hub.url), 'sub-wang');
        // The balancer sends the provider's redirect to the other node.
        const onOther = new URL(callback.pathname + callback.search, other.url);
        const final = locationOf(await fetch(onOther, { redirect: 'manual' }), other.url);
        const res = await exchange(final.searchParams.get('sso_code'), started.verifier);
        expect(res.status).toBe(200);
        expect(((await res.json()) as SignInResponse).user.username).toBe('wang.fang');
      } finally {
        await other.dispose();
      }
    },
  );

  it('matches by email only when the provider has not said it is unverified', async () => {
    // A hub matching on email, behind the same public URL (the provider knows one redirect):
    // the provider's redirect is sent to it, as a balancer would.
    const byEmail = await startHub({
      demo: true,
      extraArgs: [...hubArgs, '--oidc-match-claim', 'email'],
    });
    try {
      const round = async () => {
        const { verifier, challenge } = verifierPair();
        const url = new URL('/api/auth/oidc/start', byEmail.url);
        url.searchParams.set('code_challenge', challenge);
        url.searchParams.set('state', randomBytes(16).toString('base64url'));
        const res = await fetch(url, { redirect: 'manual' });
        const back = await signInAtProvider(locationOf(res, byEmail.url), 'sub-mail');
        const there = new URL(back.pathname + back.search, byEmail.url);
        return {
          verifier,
          final: locationOf(await fetch(there, { redirect: 'manual' }), byEmail.url),
        };
      };
      expect((await round()).final.searchParams.get('sso_error')).toBe('unknown_user');
      provider.accounts.get('sub-mail')!.email_verified = true;
      const { final, verifier } = await round();
      const res = await fetch(`${byEmail.url}/api/auth/oidc/exchange`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: final.searchParams.get('sso_code'), codeVerifier: verifier }),
      });
      expect(((await res.json()) as SignInResponse).user).toMatchObject({
        username: 'mara.ozola@example.lv',
        displayName: 'Māra Ozola',
        role: 'agent',
      });
    } finally {
      await byEmail.dispose();
    }
  });

  it('refuses passwords except a break-glass admin, whose every use is audited', async () => {
    await expect(signIn(hub.url, 'agent2')).rejects.toThrow(/403.*single sign-on/);
    await expect(signIn(hub.url, 'quality')).rejects.toThrow(/403/);
    await expect(signIn(hub.url, 'agent2', 'a wrong password')).rejects.toThrow(/401/);
    // Mystery callers are not staff, never at the identity provider: they keep their password.
    expect((await signIn(hub.url, 'caller')).user.role).toBe('caller');
    await expect(signIn(hub.url, 'caller', 'a wrong password')).rejects.toThrow(/401/);
    // Not containing the username (the password rules apply to create-admin too).
    const password = 'a long emergency passphrase at night';
    const made = spawnSync(
      process.execPath,
      [
        HUB_ENTRY,
        'create-admin',
        '--username',
        'glass',
        '--break-glass',
        '--data-dir',
        hub.dataDir,
        ...(await databaseArgs(hub.dataDir)),
      ],
      { input: `${password}\n`, encoding: 'utf8' },
    );
    expect(made.stdout).toMatch(/admin "glass" created \(break-glass\)/);
    await expect(signIn(hub.url, 'glass', DEMO_PASSWORD)).rejects.toThrow(/401/);
    const session = await signIn(hub.url, 'glass', password);
    expect(session.user.role).toBe('admin');
    const glass = await userIdOf('glass');
    expect(await audit('sso.break-glass')).toMatchObject([
      { actor_id: glass, target_type: 'session' },
    ]);
    await hub.untilOutput('warned', (l) => l.includes('"level":40') && l.includes('break-glass'));
  });
});

describe('single sign-on set up wrong', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sidecoach-sso-bad-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [HUB_ENTRY, '--port', '0', '--data-dir', dataDir, ...args], {
      encoding: 'utf8',
      timeout: 20_000,
    });

  it('stops the start, naming the flag at fault', () => {
    for (const [args, message] of [
      [['--oidc-client-id', 'x'], /need --oidc-issuer/],
      [['--oidc-issuer', 'http://idp.example.com', '--oidc-client-id', 'x'], /must be https/],
      [['--oidc-issuer', 'https://idp.example.com'], /needs --oidc-client-id/],
      [
        [
          '--oidc-issuer',
          'https://idp.example.com',
          '--oidc-client-id',
          'x',
          '--oidc-groups-claim',
          'g',
        ],
        /go together/,
      ],
      [
        [
          '--oidc-issuer',
          'https://idp.example.com',
          '--oidc-client-id',
          'x',
          '--oidc-match-claim',
          'upn',
        ],
        /--oidc-match-claim must be one of preferred_username, email, sub/,
      ],
    ] as const) {
      const result = run(...args);
      expect(result.status, args.join(' ')).toBe(1);
      expect(result.stderr, args.join(' ')).toMatch(message);
    }
  });

  it('stops the start on a bad group map, naming the file and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sidecoach-sso-map-'));
    const file = join(dir, 'groups.yaml');
    writeFileSync(file, 'groups:\n  leads:\n    role: lead\n  helpers:\n    role: helper\n');
    try {
      const result = run(
        ...['--oidc-issuer', 'https://idp.example.com', '--oidc-client-id', 'x'],
        ...['--oidc-groups-claim', 'groups', '--oidc-group-map', file],
      );
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/groups\.yaml:5:\d+: groups\.helpers\.role: /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('single sign-on with the provider away', () => {
  let hub: RunningHub;
  beforeAll(async () => {
    const nobody = await freePort();
    hub = await startHub({
      extraArgs: ['--oidc-issuer', `http://127.0.0.1:${nobody}`, '--oidc-client-id', 'x'],
    });
  });
  afterAll(() => hub?.dispose());

  it('sends the sidebar back with "unavailable", and passwords stay on', async () => {
    const url = new URL('/api/auth/oidc/start', hub.url);
    url.searchParams.set('code_challenge', verifierPair().challenge);
    url.searchParams.set('state', 'a-state-of-sixteen-or-more');
    const res = await fetch(url, { redirect: 'manual' });
    const final = locationOf(res, hub.url);
    expect(final.pathname).toBe('/');
    expect(final.searchParams.get('sso_error')).toBe('unavailable');
    expect(final.searchParams.get('sso_state')).toBe('a-state-of-sixteen-or-more');
    expect(await (await fetch(`${hub.url}/api/auth/methods`)).json()).toEqual({
      passwords: true,
      sso: { label: '127.0.0.1' },
    });
  });
});
