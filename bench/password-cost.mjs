#!/usr/bin/env node
// What each scrypt cost means for a floor at shift start: milliseconds per hash on one core,
// sign-ins per second with every core hashing, and how long the last agent of a shift-start
// burst waits. Baseline in the same run: the cost the hub used before (N=2^15, r=8, p=1).
//
//   node bench/password-cost.mjs [--agents 2000] [--burst-share 0.25] [--burst-seconds 120]
//
// The load assumed: `agents` on the floor, `burst-share` of them signing in within the same
// `burst-seconds` (the minutes around the shift's start), each with one password check.
import { scrypt } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { percentile } from './lib.mjs';

const { values } = parseArgs({
  options: {
    agents: { type: 'string', default: '2000' },
    'burst-share': { type: 'string', default: '0.25' },
    'burst-seconds': { type: 'string', default: '120' },
    rounds: { type: 'string', default: '12' },
  },
});
const agents = Number(values.agents);
const burst = Math.round(agents * Number(values['burst-share']));
const burstSeconds = Number(values['burst-seconds']);
const rounds = Number(values.rounds);
const cores = availableParallelism();

/** OWASP's scrypt settings (Password Storage Cheat Sheet) are the last five; all equally strong. */
const COSTS = [
  { N: 2 ** 15, r: 8, p: 1, note: 'before (baseline)' },
  { N: 2 ** 16, r: 8, p: 1, note: '' },
  { N: 2 ** 17, r: 8, p: 1, note: 'OWASP, 128 MiB' },
  { N: 2 ** 16, r: 8, p: 2, note: 'OWASP, 64 MiB' },
  { N: 2 ** 15, r: 8, p: 3, note: 'OWASP, 32 MiB' },
  { N: 2 ** 14, r: 8, p: 5, note: 'OWASP, 16 MiB' },
  { N: 2 ** 13, r: 8, p: 10, note: 'OWASP, 8 MiB' },
];

const hash = (c) =>
  new Promise((resolve, reject) =>
    scrypt(
      'correct horse battery staple',
      'sixteen byte salt',
      32,
      {
        N: c.N,
        r: c.r,
        p: c.p,
        maxmem: 128 * c.N * c.r * 2 + 1024 * 1024,
      },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  );

async function perHash(c) {
  await hash(c); // warm up
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const t = process.hrtime.bigint();
    await hash(c);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return times.sort((a, b) => a - b);
}

/** Sign-ins per second with `cores` hashes at once (what the hub's password gate allows). */
async function throughput(c) {
  const total = cores * 4;
  const t = process.hrtime.bigint();
  let next = 0;
  await Promise.all(
    Array.from({ length: cores }, async () => {
      while (next++ < total) await hash(c);
    }),
  );
  return total / (Number(process.hrtime.bigint() - t) / 1e9);
}

console.log(
  `scrypt cost per password check (node ${process.version}, ${cores} cores; ` +
    `shift start: ${burst} of ${agents} agents within ${burstSeconds} s = ` +
    `${(burst / burstSeconds).toFixed(1)} sign-ins/s needed)\n`,
);
console.log('N      r  p   memory   median ms  p95 ms  ×baseline  sign-ins/s  burst done in  note');
let baseline = 0;
for (const c of COSTS) {
  const times = await perHash(c);
  const median = percentile(times, 50);
  if (!baseline) baseline = median;
  const rate = await throughput(c);
  const done = burst / rate;
  const mib = (128 * c.N * c.r) / 2 ** 20;
  console.log(
    [
      `2^${Math.log2(c.N)}`.padEnd(6),
      String(c.r).padEnd(2),
      String(c.p).padEnd(3),
      `${mib} MiB`.padStart(7),
      median.toFixed(0).padStart(10),
      percentile(times, 95).toFixed(0).padStart(7),
      (median / baseline).toFixed(2).padStart(10),
      rate.toFixed(1).padStart(11),
      `${done.toFixed(0)} s${done > burstSeconds ? ' (late)' : ''}`.padStart(14),
      ` ${c.note}`,
    ].join(' '),
  );
}
