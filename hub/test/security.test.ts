// What an attacker on the floor's network tries against a real hub, and that each hole is closed (issue 17).
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID, scryptSync } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PROTOCOL_VERSION,
  type AckResponse,
  type CallEvent,
  type ObservationNote,
  type ObservationRecord,
  type SurveyReport,
  type SurveyResponse,
} from '@sidecoach/shared';
import { signRequest } from '../src/lib/signature.js';
import { tokenHash } from '../src/lib/tokens.js';
import { data, iso } from './support/calls.js';
import {
  databaseArgs,
  databaseFor,
  hubSecret,
  testDialect,
  userIdOf,
  withHubDatabase,
} from './support/database.js';
import {
  connect,
  DEMO_PASSWORD,
  HUB_ENTRY,
  signIn,
  startHub,
  type HubSocket,
  type RunningHub,
} from './support/hub-process.js';
import { InboxClient } from './support/inbox-client.js';
import { ctiCall, surveyHubArgs } from './support/surveys.js';

const signInAs = (url: string, username: string, password: string, from?: string) =>
  fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(from ? { 'x-forwarded-for': from } : {}),
    },
    body: JSON.stringify({ username, password }),
  });

const temp: string[] = [];
const tempDir = (prefix = 'sidecoach-sec-') => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temp.push(dir);
  return dir;
};
afterAll(() => temp.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('password guessing', () => {
  let hub: RunningHub;
  beforeAll(async () => {
    // Behind a trusted proxy, so each test can be "another address" with X-Forwarded-For.
    hub = await startHub({
      demo: true,
      extraArgs: ['--trust-proxy', '127.0.0.1', '--sign-in-failures-per-address', '25'],
    });
  });
  afterAll(() => hub?.dispose());

  it('counts every spelling of one username in one bucket, and signs in by any of them', async () => {
    const spellings = ['lead ', ' lead', 'lead\t', 'lead\u00a0', 'LEAD', 'ｌｅａｄ', '\u3000Lead'];
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++)
      statuses.push(
        (await signInAs(hub.url, spellings[i % spellings.length]!, 'guess', '198.51.100.1')).status,
      );
    expect(statuses).toEqual(Array(10).fill(401));
    // The 11th guess, in yet another spelling, is refused without a check.
    for (const spelling of ['lead\u2003', 'Ｌｅａｄ', 'lead\r\n'])
      expect((await signInAs(hub.url, spelling, 'guess', '198.51.100.1')).status).toBe(429);
    // The account's owner, elsewhere, signs in typing it any way.
    const res = await signInAs(hub.url, ' Ｌead\u00a0', DEMO_PASSWORD, '198.51.100.2');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: { username: string } }).user.username).toBe('lead');
  });

  it('caps the failures of one address across usernames, and not another address', async () => {
    const from = '203.0.113.50';
    const statuses: number[] = [];
    // 25 failures allowed in 15 minutes, spread over usernames so no per-username limit bites.
    for (let i = 0; i < 25; i++)
      statuses.push((await signInAs(hub.url, `nobody${i}`, 'guess', from)).status);
    expect(statuses).toEqual(Array(25).fill(401));
    const refused = await signInAs(hub.url, 'agent1', DEMO_PASSWORD, from);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
      /too many failed sign-ins from your network/,
    );
    // One-time codes are checked with the same cost and the same cap.
    const code = await fetch(`${hub.url}/api/auth/one-time`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
      body: JSON.stringify({ username: 'agent2', code: 'ABCD-EFGH' }),
    });
    expect(code.status).toBe(429);
    // The floor behind another address is not touched.
    expect((await signInAs(hub.url, 'agent1', DEMO_PASSWORD, '203.0.113.51')).status).toBe(200);
  });

  it.skipIf(testDialect() === 'sqlite')(
    'counts the failures of an address on every node of a cluster together',
    async () => {
      const url = await databaseFor(hub.dataDir);
      const other = await startHub({
        database: url!,
        extraArgs: ['--trust-proxy', '127.0.0.1', '--sign-in-failures-per-address', '25'],
      });
      try {
        const from = '203.0.113.60';
        const statuses: number[] = [];
        for (let i = 0; i < 25; i++)
          statuses.push(
            (await signInAs(i % 2 ? other.url : hub.url, `spray${i}`, 'guess', from)).status,
          );
        expect(statuses).toEqual(Array(25).fill(401));
        // Node B alone counted 12: the 26th is refused on both.
        expect((await signInAs(other.url, 'agent2', DEMO_PASSWORD, from)).status).toBe(429);
        expect((await signInAs(hub.url, 'agent2', DEMO_PASSWORD, from)).status).toBe(429);
      } finally {
        await other.dispose();
      }
    },
  );

  it('refuses at once what would queue too many password hashes, and keeps serving others', async () => {
    // 120 guesses at once from one address, each a username of its own: without the gate each
    // would hold a 128 MiB scrypt at the same time.
    const from = '192.0.2.77';
    const answers = await Promise.all(
      Array.from({ length: 120 }, (_, i) => signInAs(hub.url, `flood${i}`, 'guess', from)),
    );
    const statuses = answers.map((a) => a.status);
    const busy = answers.filter((a) => a.status === 429);
    expect(busy.length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    const messages = await Promise.all(
      busy.map(async (a) => ((await a.json()) as { error: { message: string } }).error.message),
    );
    expect(messages.some((m) => /busy checking other sign-ins/.test(m))).toBe(true);
    // Someone else signs in meanwhile.
    expect((await signInAs(hub.url, 'supervisor', DEMO_PASSWORD, '192.0.2.78')).status).toBe(200);
  });

  it('makes a hash of an older cost anew at the next sign-in, and it still signs in', async () => {
    // A real hash of the demo password at an older, lower cost (N=2^14).
    const salt = randomBytes(16);
    const key = scryptSync(DEMO_PASSWORD, salt, 32, { N: 1 << 14, r: 8, p: 1 });
    const oldHash = `scrypt$16384$8$1$${salt.toString('base64url')}$${key.toString('base64url')}`;
    await withHubDatabase(hub.dataDir, (db) =>
      db
        .updateTable('users')
        .set({ password_hash: oldHash })
        .where('username', '=', 'agent3')
        .execute(),
    );
    expect((await signInAs(hub.url, 'agent3', DEMO_PASSWORD, '192.0.2.90')).status).toBe(200);
    const stored = await withHubDatabase(hub.dataDir, (db) =>
      db
        .selectFrom('users')
        .select('password_hash')
        .where('username', '=', 'agent3')
        .executeTakeFirstOrThrow(),
    );
    expect(stored.password_hash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect((await signInAs(hub.url, 'agent3', DEMO_PASSWORD, '192.0.2.90')).status).toBe(200);
  });
});

/**
 * A request to the hub on 127.0.0.1 with the `Host` (and `Origin`) an attacker's page would
 * send: Node's fetch cannot set Host, a raw request can.
 */
const withHost = (port: number, host: string, path: string, origin?: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path, headers: { host, ...(origin ? { origin } : {}) } },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });

describe('host names (DNS rebinding)', () => {
  let hub: RunningHub;
  beforeAll(async () => {
    hub = await startHub({ demo: true });
  });
  afterAll(() => hub?.dispose());

  it('answers 421 to a name that is not its own, over HTTP and for sockets', async () => {
    // A page on rebind.attacker.example, its name now resolving to the hub: same origin to the
    // browser, so Origin equals Host.
    const get = (host: string, path: string, origin?: string) =>
      withHost(hub.port, host, path, origin);
    const evil = `rebind.attacker.example:${hub.port}`;
    const page = await get(evil, '/api/auth/methods', `http://${evil}`);
    expect(page.status).toBe(421);
    expect(page.body).toMatch(/does not answer to the host name .*--allowed-host/);
    const socket = await get(evil, '/socket.io/?EIO=4&transport=polling', `http://${evil}`);
    expect(socket.status).toBe(403);
    // Its own names still work.
    expect((await get(`localhost:${hub.port}`, '/api/auth/methods')).status).toBe(200);
    expect((await get(`127.0.0.1:${hub.port}`, '/api/auth/methods')).status).toBe(200);
  });

  it('answers to the names given with --allowed-host (and its public URL), and no others', async () => {
    const named = await startHub({
      extraArgs: [
        '--allowed-host',
        '127.0.0.1',
        '--allowed-host',
        'sidecoach.floor.example',
        '--public-url',
        'https://survey.example.com',
      ],
    });
    try {
      const status = async (host: string) => (await withHost(named.port, host, '/healthz')).status;
      expect(await status('sidecoach.floor.example')).toBe(200);
      expect(await status('SIDECOACH.floor.example.:443')).toBe(200);
      expect(await status('survey.example.com')).toBe(200);
      expect(await status('localhost')).toBe(421);
      expect(await status('floor.example')).toBe(421);
    } finally {
      await named.dispose();
    }
  });
});

describe('secrets never reach the log', () => {
  it('writes neither survey tokens, sign-on codes, bearer tokens nor passwords', async () => {
    const hub = await startHub({ demo: true });
    try {
      const token = 'Zq8sT1vX9aLmN4pR7wYb2cDe';
      await fetch(`${hub.url}/s/${token}`);
      await fetch(`${hub.url}/api/auth/oidc/callback?code=ProviderCode123&state=StateValue456`);
      await fetch(`${hub.url}/api/auth/sign-out`, {
        method: 'POST',
        headers: { authorization: 'Bearer sc_leaked_bearer_token_value' },
      });
      await signInAs(hub.url, 'customer@example.com', 'Secret-Password-9');
      await hub.untilOutput('the sign-in refused', (l) => l.includes('sign-in refused'));
      const log = hub.output.join('\n');
      for (const secret of [
        token,
        'ProviderCode123',
        'StateValue456',
        'sc_leaked_bearer_token_value',
        'Secret-Password-9',
        'customer@example.com',
      ])
        expect(log).not.toContain(secret);
      expect(log).toContain('/s/[redacted]');
      // Redaction keeps what is not a secret: a channel's state named "email" stays readable.
      expect(log).toContain('"email":"not configured"');
    } finally {
      await hub.dispose();
    }
  });
});

describe('files', () => {
  it.runIf(testDialect() === 'sqlite')(
    'creates the data directory 0700 and the database and secrets 0600, and tightens old ones',
    async () => {
      const parent = tempDir();
      const dataDir = join(parent, 'data'); // not there yet: the hub makes it
      const hub = await startHub({ dataDir, database: 'sqlite' });
      await hub.stop();
      const mode = (p: string) => statSync(p).mode & 0o777;
      expect(mode(dataDir)).toBe(0o700);
      for (const f of ['sidecoach.sqlite', 'cti-secret', 'survey-secret', 'survey-webhook-secret'])
        expect([f, mode(join(dataDir, f))]).toEqual([f, 0o600]);
      // An older hub left them open to everyone: the next start closes them.
      chmodSync(dataDir, 0o755);
      chmodSync(join(dataDir, 'sidecoach.sqlite'), 0o644);
      const again = await startHub({ dataDir, database: 'sqlite' });
      try {
        expect(mode(dataDir)).toBe(0o700);
        expect(mode(join(dataDir, 'sidecoach.sqlite'))).toBe(0o600);
        if (existsSync(join(dataDir, 'sidecoach.sqlite-wal')))
          expect(mode(join(dataDir, 'sidecoach.sqlite-wal'))).toBe(0o600);
      } finally {
        await again.stop();
      }
    },
  );

  it('refuses to start on a secret that is empty or short, saying which and why', async () => {
    const dataDir = tempDir();
    const start = async (env: Record<string, string> = {}) =>
      spawnSync(
        process.execPath,
        [HUB_ENTRY, '--port', '0', '--data-dir', dataDir, ...(await databaseArgs(dataDir))],
        { encoding: 'utf8', timeout: 30_000, env: { ...process.env, ...env } },
      );
    // A secret file is SQLite's (PostgreSQL keeps the hub's secrets in the database).
    if (testDialect() === 'sqlite') {
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(join(dataDir, 'cti-secret'), '\n');
      const empty = await start();
      expect(empty.status).toBe(1);
      expect(empty.stderr).toMatch(
        /cti-secret holds a secret of 0 characters; it needs at least 16/,
      );
      expect(empty.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    }
    const short = await start({ SIDECOACH_CTI_SECRET: 'short' });
    expect(short.status).toBe(1);
    expect(short.stderr).toMatch(/SIDECOACH_CTI_SECRET needs at least 16 characters/);
  });
});

describe('TLS', () => {
  let dir: string;
  let ca: Buffer;
  beforeAll(() => {
    dir = tempDir();
    // A certificate for 127.0.0.1 and localhost, self-signed (it is its own CA here).
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    ca = readFileSync(join(dir, 'cert.pem'));
  });

  const get = (url: string, path: string) =>
    new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
      (resolve, reject) => {
        const req = httpsRequest(new URL(path, url), { ca }, (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        });
        req.on('error', reject);
        req.end();
      },
    );

  it('serves HTTPS and WSS with --tls-cert/--tls-key, with HSTS, and no plain HTTP', async () => {
    const hub = await startHub({
      demo: true,
      extraArgs: ['--tls-cert', join(dir, 'cert.pem'), '--tls-key', join(dir, 'key.pem')],
    });
    try {
      expect(hub.url).toMatch(/^https:\/\//);
      const health = await get(hub.url, '/healthz');
      expect(health.status).toBe(200);
      expect(health.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
      // Sign in and open a socket over TLS, as the sidebar does.
      const signed = await new Promise<{ token: string }>((resolve, reject) => {
        const req = httpsRequest(
          new URL('/api/auth/sign-in', hub.url),
          { ca, method: 'POST', headers: { 'content-type': 'application/json' } },
          (res) => {
            let body = '';
            res.on('data', (c: Buffer) => (body += c.toString()));
            res.on('end', () => resolve(JSON.parse(body) as { token: string }));
          },
        );
        req.on('error', reject);
        req.end(JSON.stringify({ username: 'agent1', password: DEMO_PASSWORD }));
      });
      const socket = io(hub.url, {
        auth: { token: signed.token, protocol: PROTOCOL_VERSION },
        transports: ['websocket'],
        reconnection: false,
        ca: ca.toString(),
      });
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      expect(socket.connected).toBe(true);
      socket.close();
      // Plain http to the same port gets nowhere.
      await expect(fetch(hub.url.replace('https:', 'http:') + '/healthz')).rejects.toThrow();
    } finally {
      await hub.dispose();
    }
  });

  it('sends no HSTS on plain http, and refuses a half TLS configuration', async () => {
    const plain = await startHub({});
    try {
      const res = await fetch(`${plain.url}/healthz`);
      expect(res.headers.get('strict-transport-security')).toBeNull();
    } finally {
      await plain.dispose();
    }
    const half = spawnSync(
      process.execPath,
      [HUB_ENTRY, '--port', '0', '--data-dir', tempDir(), '--tls-cert', join(dir, 'cert.pem')],
      { encoding: 'utf8', timeout: 30_000 },
    );
    expect(half.status).toBe(1);
    expect(half.stderr).toMatch(/--tls-cert and --tls-key go together/);
  });

  it('takes a renewed certificate on SIGHUP without dropping the hub', async () => {
    const hub = await startHub({
      extraArgs: ['--tls-cert', join(dir, 'cert.pem'), '--tls-key', join(dir, 'key.pem')],
    });
    try {
      hub.process.kill('SIGHUP');
      await hub.untilOutput('the reload', (l) => l.includes('TLS certificate reloaded'));
      expect((await get(hub.url, '/healthz')).status).toBe(200);
    } finally {
      await hub.dispose();
    }
  });
});

describe('a captured signed PBX request, sent again (CTI replay)', () => {
  // Two nodes on one PostgreSQL database (the uniqueness must live in the database); one hub
  // on SQLite.
  let a: RunningHub;
  let b: RunningHub | undefined;
  let agent: HubSocket;
  const received: CallEvent[] = [];

  beforeAll(async () => {
    a = await startHub({ demo: true });
    if (testDialect() === 'postgres')
      b = await startHub({ database: (await databaseFor(a.dataDir))! });
    agent = await connect(a.url, (await signIn(a.url, 'agent1')).token);
    agent.on('softphone:event', (e) => received.push(e));
  });
  afterAll(async () => {
    agent?.close();
    await b?.dispose();
    await a?.dispose();
  });

  it('is stored and relayed once, however often and to whichever node it is replayed at once', async () => {
    const secret = await hubSecret(a, 'cti-secret');
    const body = JSON.stringify({
      extension: '1001',
      event: {
        kind: 'answered',
        callId: 'pbx-captured',
        direction: 'inbound',
        remoteParty: '+37120000000',
        at: new Date().toISOString(),
        source: 'cti',
      },
    });
    const at = Math.floor(Date.now() / 1000);
    const headers = {
      'content-type': 'application/json',
      'x-sidecoach-timestamp': String(at),
      'x-sidecoach-signature': signRequest(secret, at, body),
    };
    const nodes = b ? [a, b] : [a];
    // The genuine request and nine replays of its exact bytes, all in flight together.
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        fetch(`${nodes[i % nodes.length]!.url}/api/cti/events`, { method: 'POST', headers, body }),
      ),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 202]);
    for (const r of answers.filter((x) => x.status === 200))
      expect(await r.json()).toEqual({ duplicate: true, delivered: 0 });
    await expect.poll(() => received.length).toBe(1);
    const stored = await withHubDatabase(a.dataDir, (db) =>
      db.selectFrom('cti_events').select('kind').where('call_id', '=', 'pbx-captured').execute(),
    );
    expect(stored).toHaveLength(1);
    // A later replay, alone: still nothing new reaches the agent.
    const late = await fetch(`${nodes.at(-1)!.url}/api/cti/events`, {
      method: 'POST',
      headers,
      body,
    });
    expect(late.status).toBe(200);
    const marker = await fetch(`${a.url}/api/cti/events`, {
      method: 'POST',
      ...(() => {
        const next = body.replace('"answered"', '"ended"');
        const now = Math.floor(Date.now() / 1000);
        return {
          headers: {
            ...headers,
            'x-sidecoach-timestamp': String(now),
            'x-sidecoach-signature': signRequest(secret, now, next),
          },
          body: next,
        };
      })(),
    });
    expect(marker.status).toBe(202);
    await expect.poll(() => received.length).toBe(2);
    expect(received.map((e) => e.kind)).toEqual(['answered', 'ended']);
  });
});

describe('an agent answering their own customer’s survey', () => {
  // The hub sits behind a balancer (--trust-proxy 127.0.0.1): X-Forwarded-For gives each
  // request the address the hub would see. Nothing is sent to those addresses.
  const AGENT_DESK = '198.51.100.21';
  const FLOOR_NAT = '203.0.113.50';
  const FLOOR_V6 = '2001:db8:10:20::5';
  const CUSTOMER = '192.0.2.10';
  const GOOD = { csat: '5', resolved: 'yes', effort: '1', comment: 'Wonderful!' };
  let dir: string;
  let hub: RunningHub;
  let agent: HubSocket;
  let agentToken: string;
  let lead: HubSocket;

  const signInFrom = async (username: string, address: string) => {
    const res = await fetch(`${hub.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { token: string }).token;
  };
  /** A link-channel call of agent1's: the survey link the sidebar shows them. */
  const linkCall = async () => {
    const call = await ctiCall(hub, agent, { extension: '1001', callType: 'sales' });
    let link: string | null = null;
    await expect
      .poll(async () => {
        link = data(await agent.emitWithAck('survey:status', { callId: call.id })).link;
        return link;
      })
      .toMatch(/\/s\//);
    return { call, link: link! };
  };
  const from = (address: string) => ({ 'x-forwarded-for': address });
  const answer = (link: string, address: string, extra: Record<string, string> = {}) =>
    fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...from(address) },
      body: new URLSearchParams({ ...GOOD, ...extra }).toString(),
      redirect: 'manual',
    });
  const report = async (): Promise<SurveyReport> =>
    data(await lead.emitWithAck('survey:report', { days: 1 }));
  const leadSees = async (callId: string): Promise<SurveyResponse | undefined> =>
    data(await lead.emitWithAck('survey:responses', { days: 1 })).responses.find(
      (r) => r.callId === callId,
    );

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sidecoach-self-answer-'));
    hub = await startHub({
      demo: true,
      extraArgs: [...surveyHubArgs(dir, {}), '--trust-proxy', '127.0.0.1'],
    });
    // The agent's sidebar on their desk PC; the lead on the floor (behind the centre's NAT,
    // and on IPv6 too); the socket connections themselves come from loopback.
    agentToken = await signInFrom('agent1', AGENT_DESK);
    agent = await connect(hub.url, agentToken);
    lead = await connect(hub.url, await signInFrom('lead', FLOOR_NAT));
    await signInFrom('lead', FLOOR_V6);
  });
  afterAll(async () => {
    agent?.close();
    lead?.close();
    await hub?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('sets apart an answer from the agent’s own address and shows it to their lead, the page unchanged', async () => {
    const own = await linkCall();
    const theirs = await linkCall();
    // The page each one is shown is the same, byte for byte.
    const ownPage = await (await fetch(own.link, { headers: from(AGENT_DESK) })).text();
    const customerPage = await (await fetch(own.link, { headers: from(CUSTOMER) })).text();
    expect(ownPage).toBe(customerPage);

    const byAgent = await answer(own.link, AGENT_DESK);
    const byCustomer = await answer(theirs.link, CUSTOMER);
    expect(byAgent.status).toBe(303);
    expect(byCustomer.status).toBe(303);
    const thanks = (res: Response, address: string) =>
      fetch(new URL(res.headers.get('location')!, hub.url), { headers: from(address) }).then((r) =>
        r.text(),
      );
    expect(await thanks(byAgent, AGENT_DESK)).toBe(await thanks(byCustomer, CUSTOMER));

    expect(await leadSees(own.call.id)).toMatchObject({ selfAnswer: 'agent-address', csat: 5 });
    expect(await leadSees(theirs.call.id)).toMatchObject({ selfAnswer: null, csat: 5 });
    const r = await report();
    expect(r.selfAnswers).toEqual([
      expect.objectContaining({ callId: own.call.id, reason: 'agent-address', csat: 5 }),
    ]);
    const ava = r.agents.find((x) => x.agentName === 'Ava Agent')!;
    expect(ava).toMatchObject({
      responses: 1,
      selfAnswers: 1,
      selfAnswersByReason: { 'agent-address': 1 },
    });
    // Only the reason is kept with the answer, never the address.
    const row = await withHubDatabase(hub.dataDir, (db) =>
      db
        .selectFrom('survey_responses')
        .selectAll()
        .where('call_id', '=', own.call.id)
        .executeTakeFirstOrThrow(),
    );
    expect(row.self_answer).toBe('agent-address');
    expect(JSON.stringify(row)).not.toContain(AGENT_DESK);
    // The agent is not told which of their answers were caught.
    const mine = data(await agent.emitWithAck('survey:responses', { days: 1 })).responses;
    expect(mine.find((x) => x.callId === own.call.id)).toMatchObject({ selfAnswer: null });
  });

  it('sets apart an answer from their phone on the floor’s Wi-Fi (a staff address, IPv4 or IPv6 /64)', async () => {
    const v4 = await linkCall();
    const v6 = await linkCall();
    expect((await answer(v4.link, FLOOR_NAT)).status).toBe(303);
    expect((await answer(v6.link, '2001:db8:10:20:a1b2:c3d4:e5f6:1')).status).toBe(303);
    expect(await leadSees(v4.call.id)).toMatchObject({ selfAnswer: 'staff-address' });
    expect(await leadSees(v6.call.id)).toMatchObject({ selfAnswer: 'staff-address' });
  });

  it('sets apart an answer from a browser signed in to the web sidebar, from any address', async () => {
    const call = await linkCall();
    // What the page's script adds where this origin's storage holds a staff session.
    expect((await answer(call.link, '192.0.2.99', { staff_session: agentToken })).status).toBe(303);
    expect(await leadSees(call.call.id)).toMatchObject({ selfAnswer: 'staff-browser' });
    // A made-up token is no staff session: a customer's answer is never set apart by it.
    const other = await linkCall();
    await answer(other.link, '192.0.2.98', { staff_session: 'x'.repeat(43) });
    expect(await leadSees(other.call.id)).toMatchObject({ selfAnswer: null });
    // The page carries the script for everyone; it is served, and reads only this origin.
    const page = await (await fetch(call.link, { headers: from(CUSTOMER) })).text();
    expect(page).toContain('<script src="/s/assets/survey.js" defer=""></script>');
    const script = await fetch(`${hub.url}/s/assets/survey.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(await script.text()).toContain('location.origin');
  });

  it('leaves set-apart answers out of CSAT and responses, and lists each with its reason', async () => {
    const r = await report();
    const reasons = r.selfAnswers.map((x) => x.reason).sort();
    expect(reasons).toEqual(['agent-address', 'staff-address', 'staff-address', 'staff-browser']);
    expect(r.team.selfAnswers).toBe(4);
    // The customers' answers: the one from 192.0.2.10 and the made-up token's.
    expect(r.team.responses).toBe(2);
    expect(r.byCallType.find((c) => c.callType === 'sales')?.responses).toBe(2);
  });
});

// ---- observers and sessions that outlive their rights ----

const privateNote = (agentId: string, text: string): ObservationNote => ({
  id: randomUUID(),
  agentId,
  callId: null,
  offsetMs: null,
  tags: [],
  text,
  visibility: 'private',
  delivery: 'now',
  at: iso(),
});

const write = async (socket: HubSocket, agentId: string, text: string) =>
  data(await socket.emitWithAck('observation:note', privateNote(agentId, text)));

/**
 * Writes private notes about the agent (from `writer`) until one no longer reaches the
 * observer's inbox, bounded; answers that note. A note is in every recipient's inbox before its
 * author has the acknowledgement, so each answer is final (read beside the hub, as it stored it).
 */
function firstNoteNotReaching(
  hub: RunningHub,
  writer: HubSocket,
  agentId: string,
  observerId: string,
  timeout = 30_000,
): Promise<ObservationRecord> {
  return withHubDatabase(hub.dataDir, async (db) => {
    let last: ObservationRecord | undefined;
    await expect
      .poll(
        async () => {
          last = await write(writer, agentId, `while the observer is away ${randomUUID()}`);
          const row = await db
            .selectFrom('inbox')
            .select('seq')
            .where('recipient_id', '=', observerId)
            .where('ref_id', '=', `obs:${last.id}`)
            .executeTakeFirst();
          return row !== undefined;
        },
        { timeout, interval: 250 },
      )
      .toBe(false);
    return last!;
  });
}

/** Waits for a note at a client, bounded. */
const arrives = (client: InboxClient, note: ObservationRecord) =>
  client.until(`note ${note.text}`, () =>
    client.of('observation').some((m) => m.observation.id === note.id),
  );

const joinObservation = async (client: InboxClient, agentId: string) =>
  data(await client.socket.emitWithAck('observation:join', { agentId }));

describe('an observer whose tablet crashed (socket gone without leaving)', () => {
  let hub: RunningHub;
  let agentId: string;

  beforeAll(async () => {
    hub = await startHub({ demo: true, extraArgs: ['--observer-grace-seconds', '1'] });
    agentId = await userIdOf(hub.dataDir, 'agent1');
  });
  afterAll(async () => {
    await hub?.dispose();
  });

  it('stops receiving the agent’s notes (other coaches’ private ones too) after the grace, and gets them again once back', async () => {
    const tablet = await InboxClient.open(hub.url, 'lead');
    const supervisor = await InboxClient.open(hub.url, 'supervisor');
    let back: InboxClient | undefined;
    try {
      await joinObservation(tablet, agentId);
      await joinObservation(supervisor, agentId);
      await arrives(tablet, await write(supervisor.socket, agentId, 'before the crash'));

      // The tablet is gone: no leave, its socket simply closes.
      const seen = tablet.lastSeq;
      tablet.close();
      const missed = await firstNoteNotReaching(hub, supervisor.socket, agentId, tablet.userId);
      // The floor shows only the coach still there.
      const floor = data(await supervisor.socket.emitWithAck('floor:list', {}));
      expect(floor.agents.find((a) => a.agentId === agentId)?.observers).toEqual([
        'Sam Supervisor',
      ]);
      await hub.untilOutput('the removal logged', (l) =>
        l.includes('observer removed: no connection'),
      );

      // The bookmarked page opens again: it joins, and from then on the notes come.
      back = await InboxClient.open(hub.url, 'lead', seen);
      await joinObservation(back, agentId);
      const after = await write(supervisor.socket, agentId, 'after the return');
      await arrives(back, after);
      expect(back.of('observation').some((m) => m.observation.id === missed.id)).toBe(false);
    } finally {
      back?.close();
      tablet.close();
      supervisor.close();
    }
  });

  it('keeps an observer who still has another sidebar connected', async () => {
    const desk = await InboxClient.open(hub.url, 'lead');
    const tablet = await InboxClient.open(hub.url, 'lead');
    const crashing = await InboxClient.open(hub.url, 'quality');
    const supervisor = await InboxClient.open(hub.url, 'supervisor');
    try {
      await joinObservation(tablet, agentId);
      await joinObservation(crashing, agentId);
      tablet.close();
      crashing.close();
      // The quality manager, whose only sidebar dropped at the same moment, is taken off:
      // the sweeps have looked at both since the grace.
      await firstNoteNotReaching(hub, supervisor.socket, agentId, crashing.userId);
      await arrives(desk, await write(supervisor.socket, agentId, 'to the lead at the desk'));
    } finally {
      desk.close();
      supervisor.close();
    }
  });
});

describe('sessions that end while their sockets are open', () => {
  let hub: RunningHub;

  beforeAll(async () => {
    hub = await startHub({ demo: true });
  });
  afterAll(async () => {
    await hub?.dispose();
  });

  it('closes a socket whose session was revoked in the database, without any event from it', async () => {
    const session = await signIn(hub.url, 'agent2');
    const socket = await connect(hub.url, session.token);
    const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    // Revoked behind the socket's back (as when the adapter's relay of a sign-out was lost).
    await withHubDatabase(hub.dataDir, (db) =>
      db
        .updateTable('sessions')
        .set({ revoked_at: new Date().toISOString() })
        .where('token_hash', '=', tokenHash(session.token))
        .execute(),
    );
    expect(await closed).toBe('io server disconnect');
    await expect(connect(hub.url, session.token)).rejects.toThrow('unauthorized');
  });

  it('closes a socket at the moment its session expires', async () => {
    // 0.003 hours: 10.8 s.
    const short = await startHub({ demo: true, extraArgs: ['--session-hours', '0.003'] });
    try {
      const session = await signIn(short.url, 'agent3');
      const socket = await connect(short.url, session.token);
      const reason = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('still connected after 30 s')), 30_000);
        socket.once('disconnect', (r) => {
          clearTimeout(timer);
          resolve(r);
        });
      });
      expect(reason).toBe('io server disconnect');
      expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(session.expiresAt));
      await expect(connect(short.url, session.token)).rejects.toThrow('unauthorized');
    } finally {
      await short.dispose();
    }
  });
});

// ---- budgets for expensive socket events ----

type Ask = (socket: HubSocket) => Promise<AckResponse<unknown>>;
const prepare =
  (agentId: string, days = 28): Ask =>
  (socket) =>
    socket.emitWithAck('reflection:prepare', { agentId, days });
const report: Ask = (socket) => socket.emitWithAck('survey:report', { days: 30 });

/** Sends `n` requests one after another; answers each one's error code, or 'ok'. */
async function hammer(socket: HubSocket, ask: Ask, n: number): Promise<string[]> {
  const codes: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await ask(socket);
    codes.push(res.ok ? 'ok' : res.error.code);
  }
  return codes;
}

function expectRateLimited(res: AckResponse<unknown>) {
  expect(res.ok).toBe(false);
  if (res.ok) return;
  expect(res.error.code).toBe('rate_limited');
  expect(res.error.retryAfter).toBeGreaterThan(0);
  expect(res.error.retryAfter).toBeLessThanOrEqual(600);
}

describe('a user hammering expensive socket events', () => {
  let hub: RunningHub;
  let ava: string;

  beforeAll(async () => {
    hub = await startHub({ demo: true });
    ava = await userIdOf(hub.dataDir, 'agent1');
  });
  afterAll(async () => {
    await hub?.dispose();
  });

  it('answers the 61st reflection:prepare in ten minutes rate_limited; other users are not affected', async () => {
    const agent = await connect(hub.url, (await signIn(hub.url, 'agent1')).token);
    const lead = await connect(hub.url, (await signIn(hub.url, 'lead')).token);
    try {
      // Refused anyway (an agent prepares no session), but each one is counted.
      expect(await hammer(agent, prepare(ava), 60)).toEqual(Array(60).fill('forbidden'));
      expectRateLimited(await prepare(ava)(agent));
      // The lead prepares Ava's session as before; Ava's cheap requests go on.
      expect((await prepare(ava)(lead)).ok).toBe(true);
      expect((await agent.emitWithAck('call:list', { limit: 5 })).ok).toBe(true);
    } finally {
      agent.close();
      lead.close();
    }
  });

  it('lets a lead prepare sessions for a whole team in a sitting, several periods each', async () => {
    const lead = await connect(hub.url, (await signIn(hub.url, 'supervisor')).token);
    try {
      const agents = await Promise.all(
        ['agent1', 'agent2', 'agent3'].map((u) => userIdOf(hub.dataDir, u)),
      );
      // 15 agents × 4 periods = 60; the demo team has three agents, so twenty periods each.
      const codes: string[] = [];
      for (let i = 0; i < 60; i++) {
        const res = await prepare(agents[i % 3]!, 7 + (i % 20) * 4)(lead);
        codes.push(res.ok ? 'ok' : res.error.code);
      }
      expect(codes).toEqual(Array(60).fill('ok'));
    } finally {
      lead.close();
    }
  });

  it('answers the 61st survey:report rate_limited, shown as such to the sidebar', async () => {
    const agent = await connect(hub.url, (await signIn(hub.url, 'agent2')).token);
    const lead = await connect(hub.url, (await signIn(hub.url, 'lead')).token);
    try {
      expect(await hammer(agent, report, 60)).toEqual(Array(60).fill('forbidden'));
      expectRateLimited(await report(agent));
      expect((await report(lead)).ok).toBe(true);
    } finally {
      agent.close();
      lead.close();
    }
  });

  it('refuses the audit log export over HTTP after its budget with 429 and Retry-After', async () => {
    const { token } = await signIn(hub.url, 'quality');
    const exportCsv = () =>
      fetch(`${hub.url}/api/admin/audit.csv`, { headers: { authorization: `Bearer ${token}` } });
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await exportCsv()).status);
    expect(statuses).toEqual(Array(20).fill(200));
    const refused = await exportCsv();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ error: { code: 'rate_limited' } });
  });
});

// ---- the same on two hub nodes sharing one PostgreSQL database ----

describe.skipIf(testDialect() !== 'postgres')('the same holes on two hub nodes', () => {
  let a: RunningHub;
  let b: RunningHub;
  let database: string;
  let agentId: string;
  const grace = ['--observer-grace-seconds', '1'];

  beforeAll(async () => {
    a = await startHub({ demo: true, extraArgs: grace });
    database = (await databaseFor(a.dataDir))!;
    b = await startHub({ database, extraArgs: grace });
    agentId = await userIdOf(a.dataDir, 'agent1');
  });
  afterAll(async () => {
    await b?.dispose();
    await a?.dispose();
  });

  it('ends an observation on the other node’s notes once the observer’s tablet on this one is gone', async () => {
    const tablet = await InboxClient.open(a.url, 'lead');
    const supervisor = await InboxClient.open(b.url, 'supervisor');
    let back: InboxClient | undefined;
    try {
      await joinObservation(tablet, agentId);
      await arrives(tablet, await write(supervisor.socket, agentId, 'across nodes'));
      const seen = tablet.lastSeq;
      tablet.close();
      const missed = await firstNoteNotReaching(a, supervisor.socket, agentId, tablet.userId);
      // Back through the other node: it joins there, and the notes come again.
      back = await InboxClient.open(b.url, 'lead', seen);
      await joinObservation(back, agentId);
      await arrives(back, await write(supervisor.socket, agentId, 'back on the other node'));
      expect(back.of('observation').some((m) => m.observation.id === missed.id)).toBe(false);
    } finally {
      back?.close();
      tablet.close();
      supervisor.close();
    }
  });

  it('keeps an observer whose tablet dropped on one node while their desk is on the other', async () => {
    const desk = await InboxClient.open(b.url, 'lead');
    const tablet = await InboxClient.open(a.url, 'lead');
    const crashing = await InboxClient.open(a.url, 'quality');
    const supervisor = await InboxClient.open(b.url, 'supervisor');
    try {
      await joinObservation(tablet, agentId);
      await joinObservation(crashing, agentId);
      tablet.close();
      crashing.close();
      await firstNoteNotReaching(a, supervisor.socket, agentId, crashing.userId);
      await arrives(desk, await write(supervisor.socket, agentId, 'to the desk on node B'));
    } finally {
      desk.close();
      supervisor.close();
    }
  });

  it('ends the observations of observers on a node that died', async () => {
    const c = await startHub({ database, extraArgs: grace });
    const supervisor = await InboxClient.open(a.url, 'supervisor');
    let observer: InboxClient | undefined;
    try {
      observer = await InboxClient.open(c.url, 'quality');
      await joinObservation(observer, agentId);
      await arrives(observer, await write(supervisor.socket, agentId, 'before the node dies'));
      const observerId = observer.userId;
      observer.close();
      // Killed with its socket still open: no disconnect is ever recorded for it. Its
      // heartbeat stops; the others take it (and its users) as gone after 10 s.
      await c.kill('SIGKILL');
      await firstNoteNotReaching(a, supervisor.socket, agentId, observerId, 45_000);
    } finally {
      observer?.close();
      supervisor.close();
      await c.dispose();
    }
  });

  it('closes a revoked session’s sockets on both nodes, though no node was told', async () => {
    const session = await signIn(a.url, 'agent2');
    const sockets = [await connect(a.url, session.token), await connect(b.url, session.token)];
    const closed = sockets.map((s) => new Promise<string>((r) => s.once('disconnect', r)));
    await withHubDatabase(a.dataDir, (db) =>
      db
        .updateTable('sessions')
        .set({ revoked_at: new Date().toISOString() })
        .where('token_hash', '=', tokenHash(session.token))
        .execute(),
    );
    expect(await Promise.all(closed)).toEqual(['io server disconnect', 'io server disconnect']);
  });

  it('counts one budget across both nodes: the 61st reflection:prepare is refused on either', async () => {
    const onA = await connect(a.url, (await signIn(a.url, 'agent3')).token);
    const onB = await connect(b.url, (await signIn(b.url, 'agent3')).token);
    const lead = await connect(b.url, (await signIn(b.url, 'lead')).token);
    try {
      expect(await hammer(onA, prepare(agentId), 30)).toEqual(Array(30).fill('forbidden'));
      expect(await hammer(onB, prepare(agentId), 30)).toEqual(Array(30).fill('forbidden'));
      // Alone, each node has counted thirty.
      expectRateLimited(await prepare(agentId)(onB));
      expectRateLimited(await prepare(agentId)(onA));
      expect((await prepare(agentId)(lead)).ok).toBe(true);
      expect(await hammer(onA, report, 30)).toEqual(Array(30).fill('forbidden'));
      expect(await hammer(onB, report, 30)).toEqual(Array(30).fill('forbidden'));
      expectRateLimited(await report(onA));
      expect((await report(lead)).ok).toBe(true);
    } finally {
      onA.close();
      onB.close();
      lead.close();
    }
  });
});
