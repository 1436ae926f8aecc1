import { describe, expect, it } from 'vitest';
import { PasswordGate, PasswordGateFull } from './password-gate.js';

/** A check that finishes when told to, so the test sees the gate's state in between. */
function held() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { finish, check: () => done.then(() => true) };
}

describe('PasswordGate', () => {
  it('runs at most `concurrency` checks at once and starts the next as one ends', async () => {
    const gate = new PasswordGate({ concurrency: 2, queue: 10, perAddress: 10 });
    const checks = [held(), held(), held()];
    const runs = checks.map((c, i) => gate.run(`10.0.0.${i}`, c.check));
    await Promise.resolve();
    expect(gate.load).toEqual({ running: 2, waiting: 1 });
    checks[0]!.finish();
    await runs[0];
    expect(gate.load).toEqual({ running: 2, waiting: 0 });
    checks[1]!.finish();
    checks[2]!.finish();
    await Promise.all(runs);
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses at once when the queue is full, without running the check', async () => {
    const gate = new PasswordGate({ concurrency: 1, queue: 1, perAddress: 10 });
    const first = held();
    const second = held();
    const runs = [gate.run('a', first.check), gate.run('b', second.check)];
    let ran = false;
    const refused = gate.run('c', () => ((ran = true), Promise.resolve(true)));
    await expect(refused).rejects.toBeInstanceOf(PasswordGateFull);
    await expect(refused).rejects.toMatchObject({ statusCode: 429 });
    expect(ran).toBe(false);
    first.finish();
    second.finish();
    await Promise.all(runs);
    // Room again once the queue drained.
    await expect(gate.run('c', () => Promise.resolve('ok'))).resolves.toBe('ok');
  });

  it('lets one address hold only its share, so another address still gets in', async () => {
    const gate = new PasswordGate({ concurrency: 1, queue: 100, perAddress: 2 });
    const mine = [held(), held()];
    const runs = mine.map((c) => gate.run('203.0.113.9', c.check));
    await expect(gate.run('203.0.113.9', () => Promise.resolve(true))).rejects.toThrow(
      /too many from your address/,
    );
    const other = gate.run('198.51.100.1', () => Promise.resolve('in'));
    mine.forEach((c) => c.finish());
    await Promise.all(runs);
    await expect(other).resolves.toBe('in');
  });

  it('gives the place back when a check throws', async () => {
    const gate = new PasswordGate({ concurrency: 1, queue: 0, perAddress: 1 });
    await expect(gate.run('a', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
    await expect(gate.run('a', () => Promise.resolve(1))).resolves.toBe(1);
  });
});
