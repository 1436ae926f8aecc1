// Write-path benchmark: N agents, each running call cycles (start, 3 ticks, end,
// self-assessment: 6 acknowledged writes) against the real hub (authenticated, validated,
// fsynced to SQLite before the ack), and the same load against a bare socket.io server in the
// same run as the baseline. Prints latency percentiles, throughput, hub CPU and memory.
//   node bench/hub-writes.mjs [--agents 20] [--cycles 30]      (after `npm run build`)
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../shared/dist/index.js';
import { openDatabase } from '../hub/dist/store/db.js';
import { createTeam, createUser } from '../hub/dist/lib/accounts.js';
import { percentile, processUsage, startServer, stop } from './lib.mjs';

const { values } = parseArgs({
  options: { agents: { type: 'string', default: '20' }, cycles: { type: 'string', default: '30' } },
});
const AGENTS = Number(values.agents);
const CYCLES = Number(values.cycles);
const root = new URL('..', import.meta.url).pathname;
const TICKS = ['proc-greeting', 'proc-verify-identity', 'proc-summarise'];

async function seed(dataDir) {
  const { db } = await openDatabase({ dataDir });
  await createTeam(db, 'bench', 'Bench team');
  for (let i = 0; i < AGENTS; i++) {
    await createUser(db, {
      username: `bench${i}`,
      displayName: `Bench ${i}`,
      role: 'agent',
      password: 'bench-password',
      teamIds: ['bench'],
    });
  }
  await db.destroy();
}

async function token(url, username) {
  const res = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'bench-password' }),
  });
  return (await res.json()).token;
}

/** Runs every agent's cycles concurrently; returns per-write latencies (ms) and wall time. */
async function load(url, tokens) {
  const sockets = await Promise.all(
    tokens.map(
      (t) =>
        new Promise((resolve, reject) => {
          const s = io(url, {
            auth: { token: t, protocol: PROTOCOL_VERSION },
            transports: ['websocket'],
            reconnection: false,
          });
          s.once('connect', () => resolve(s));
          s.once('connect_error', reject);
        }),
    ),
  );
  const latencies = [];
  const send = async (s, event, payload) => {
    const t0 = performance.now();
    const res = await s.timeout(30_000).emitWithAck(event, payload);
    latencies.push(performance.now() - t0);
    if (!res.ok) throw new Error(`${event}: ${res.error.code} ${res.error.message}`);
  };
  const started = performance.now();
  await Promise.all(
    sockets.map(async (s) => {
      for (let c = 0; c < CYCLES; c++) {
        const callId = randomUUID();
        const now = () => new Date().toISOString();
        await send(s, 'call:start', { id: callId, callType: 'booking', startedAt: now() });
        for (const itemId of TICKS)
          await send(s, 'call:tick', { callId, itemId, checked: true, at: now() });
        await send(s, 'call:end', { callId, endedAt: now() });
        await send(s, 'assessment:submit', {
          id: randomUUID(),
          callId,
          status: 'skipped',
          at: now(),
        });
      }
    }),
  );
  const wallMs = performance.now() - started;
  sockets.forEach((s) => s.close());
  return { latencies: latencies.sort((a, b) => a - b), wallMs };
}

function report(name, { latencies, wallMs }, usage) {
  const row = {
    name,
    writes: latencies.length,
    perSecond: latencies.length / (wallMs / 1000),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    cpuSeconds: usage.cpuSeconds,
    rssMiB: usage.rssMiB,
  };
  console.log(
    `${name.padEnd(9)} ${String(row.writes).padStart(6)} writes  ${row.perSecond.toFixed(0).padStart(6)}/s  ` +
      `p50 ${row.p50.toFixed(2)} ms  p95 ${row.p95.toFixed(2)} ms  p99 ${row.p99.toFixed(2)} ms  ` +
      `server CPU ${row.cpuSeconds.toFixed(2)} s  RSS ${row.rssMiB.toFixed(0)} MiB`,
  );
  return row;
}

const dataDir = mkdtempSync(join(tmpdir(), 'sidecoach-bench-'));
const children = [];
try {
  console.log(
    `hub-writes: ${AGENTS} agents x ${CYCLES} call cycles x 6 acknowledged writes, loopback`,
  );
  await seed(dataDir);
  const baseline = await startServer([join(root, 'bench/baseline-relay.mjs')]);
  children.push(baseline.child);
  const base = report(
    'baseline',
    await load(baseline.url, Array(AGENTS).fill('x')),
    processUsage(baseline.child.pid),
  );
  await stop(baseline.child);

  const hub = await startServer(
    [join(root, 'hub/dist/index.js'), '--port', '0', '--data-dir', dataDir],
    { LOG_LEVEL: 'info' },
  );
  children.push(hub.child);
  const tokens = await Promise.all(
    Array.from({ length: AGENTS }, (_, i) => token(hub.url, `bench${i}`)),
  );
  const cpuBefore = processUsage(hub.child.pid).cpuSeconds;
  const result = await load(hub.url, tokens);
  const usage = processUsage(hub.child.pid);
  const real = report('hub', result, { ...usage, cpuSeconds: usage.cpuSeconds - cpuBefore });
  await stop(hub.child);
  console.log(
    `ratio hub/baseline: throughput ${(real.perSecond / base.perSecond).toFixed(2)}x, ` +
      `p50 ${(real.p50 / base.p50).toFixed(1)}x, p99 ${(real.p99 / base.p99).toFixed(1)}x`,
  );
} finally {
  await Promise.all(children.map(stop));
  rmSync(dataDir, { recursive: true, force: true });
}
