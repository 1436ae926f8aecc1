// Rate limits on real hubs: sign-in per address and username, the customers' survey page per
// address, and, on PostgreSQL, one limit for every hub node on the same database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFor, testDialect } from './support/database.js';
import { startHub, type RunningHub } from './support/hub-process.js';

const wrongPassword = (url: string, username: string) =>
  fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'guess' }),
  });

describe('rate limits', () => {
  let hub: RunningHub;

  beforeAll(async () => {
    hub = await startHub({ demo: true });
  });
  afterAll(async () => {
    await hub?.dispose();
  });

  it('refuses the 11th sign-in in a minute for one address and username, not for another', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await wrongPassword(hub.url, 'agent3')).status);
    expect(statuses).toEqual(Array(10).fill(401));
    const limited = await wrongPassword(hub.url, 'agent3');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(limited.headers.get('x-ratelimit-limit')).toBe('10');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(await limited.json()).toEqual({
      error: { code: 'rate_limited', message: expect.stringMatching(/^Rate limit exceeded/) },
    });
    // Case does not make another username; another username is another key.
    expect((await wrongPassword(hub.url, 'AGENT3')).status).toBe(429);
    expect((await wrongPassword(hub.url, 'agent1')).status).toBe(401);
  });

  it('behind a trusted load balancer, counts each customer’s address, not the balancer’s', async () => {
    const behind = await startHub({ demo: true, extraArgs: ['--trust-proxy', '127.0.0.1'] });
    try {
      const from = (address: string) =>
        fetch(`${behind.url}/api/auth/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
          body: JSON.stringify({ username: 'agent2', password: 'wrong' }),
        });
      for (let i = 0; i < 10; i++) expect((await from('203.0.113.7')).status).toBe(401);
      expect((await from('203.0.113.7')).status).toBe(429);
      // Another customer through the same balancer is not limited by the first one's tries.
      expect((await from('203.0.113.8')).status).toBe(401);
    } finally {
      await behind.dispose();
    }
  });

  it('refuses the 61st survey page view in a minute from one address, with the page', async () => {
    const view = (token: string) =>
      fetch(`${hub.url}/s/${token}`, { headers: { 'accept-language': 'zh-CN' } });
    // Forged links count too: what a token guesser needs many of.
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push((await view(`forged-${i}`)).status);
    expect(statuses).toEqual(Array(60).fill(404));
    const limited = await view('forged-60');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toContain('text/html');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.text()).toContain('<title>请求过多</title>');
  });

  it('counts keys too long or too odd to store as they are (by their hash), each apart', async () => {
    // Sign-in counts before the body is checked: a username of any length is in the key.
    const long = 'x'.repeat(5_000);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await wrongPassword(hub.url, long)).status);
    expect(statuses).toEqual([...Array(10).fill(400), 429]);
    expect((await wrongPassword(hub.url, long.slice(1))).status).toBe(400);
    // Answers are counted per address and link, the link's token as sent.
    const answer = (token: string) =>
      fetch(`${hub.url}/s/${token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'csat=5',
      });
    for (const token of ['forged%00nul', 'forged%0Aline']) {
      const answers: number[] = [];
      for (let i = 0; i < 11; i++) answers.push((await answer(token)).status);
      expect(answers).toEqual([...Array(10).fill(404), 429]);
    }
  });

  it.skipIf(testDialect() === 'sqlite')(
    'counts one limit across two hub nodes on one PostgreSQL database (not on SQLite: one process)',
    async () => {
      const a = await startHub({ demo: true });
      let b: RunningHub | undefined;
      try {
        const url = await databaseFor(a.dataDir);
        b = await startHub({ extraArgs: ['--database', url!] });
        const statuses: number[] = [];
        for (let i = 0; i < 6; i++) statuses.push((await wrongPassword(a.url, 'agent2')).status);
        for (let i = 0; i < 4; i++) statuses.push((await wrongPassword(b.url, 'agent2')).status);
        expect(statuses).toEqual(Array(10).fill(401));
        // The 11th overall, the 5th on node B: alone, B has counted only four.
        const limited = await wrongPassword(b.url, 'agent2');
        expect(limited.status).toBe(429);
        expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited' } });
        expect((await wrongPassword(a.url, 'agent2')).status).toBe(429);
      } finally {
        await b?.dispose();
        await a.dispose();
      }
    },
  );
});
