import { availableParallelism } from 'node:os';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RateLimited, type RateLimits } from './rate-limits.js';

/**
 * What a caller who is not signed in can make the hub spend on password hashes. Each check
 * of a password (or of a one-time code) is a scrypt hash: tens to hundreds of ms of a core and
 * tens of MiB of memory. Without a gate, a few hundred parallel sign-ins hold gigabytes and every
 * core, and the floor's real sign-ins wait behind them.
 *
 * - At most `concurrency` hashes run at once (the cores: more only share them and hold memory).
 * - At most `queue` more wait; one address holds at most `perAddress` of the running and waiting
 *   places, so one machine cannot fill the queue while a floor behind another address waits.
 *
 * A refused check is answered at once (429 with Retry-After) and costs no hash. Per node: on a
 * cluster each node guards its own cores. What an address may spend over time is capped by the
 * sign-in failure limits (routes), which every node counts together.
 */
export interface PasswordGateOptions {
  concurrency?: number;
  queue?: number;
  perAddress?: number;
}

export class PasswordGateFull extends Error {
  readonly statusCode = 429;
  /** Seconds a client should wait: about the time the queue ahead of it takes. */
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number, why: string) {
    super(`the hub is busy checking other sign-ins (${why}); try again in ${retryAfterSeconds} s`);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export class PasswordGate {
  readonly concurrency: number;
  readonly queueLimit: number;
  readonly perAddress: number;
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly byAddress = new Map<string, number>();

  constructor(options: PasswordGateOptions = {}) {
    this.concurrency = Math.max(1, options.concurrency ?? availableParallelism());
    this.queueLimit = Math.max(0, options.queue ?? 200);
    this.perAddress = Math.max(1, options.perAddress ?? 50);
  }

  /** Running and waiting checks, for the health page and tests. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /** Runs `check` when a place is free; refuses at once when the gate is full. */
  async run<T>(address: string, check: () => Promise<T>): Promise<T> {
    const held = this.byAddress.get(address) ?? 0;
    if (held >= this.perAddress)
      throw new PasswordGateFull(this.retryAfter(), 'too many from your address');
    if (this.running >= this.concurrency && this.waiting.length >= this.queueLimit)
      throw new PasswordGateFull(this.retryAfter(), 'queue full');
    this.byAddress.set(address, held + 1);
    try {
      if (this.running >= this.concurrency)
        await new Promise<void>((resolve) => this.waiting.push(resolve));
      else this.running++;
      try {
        return await check();
      } finally {
        // Hand the place to the next waiter, or give it back.
        const next = this.waiting.shift();
        if (next) next();
        else this.running--;
      }
    } finally {
      const left = (this.byAddress.get(address) ?? 1) - 1;
      if (left > 0) this.byAddress.set(address, left);
      else this.byAddress.delete(address);
    }
  }

  private retryAfter(): number {
    // A rough half second a hash; at least a second, at most a minute.
    const ahead = this.waiting.length / this.concurrency;
    return Math.min(60, Math.max(1, Math.ceil(ahead * 0.5)));
  }
}

/** The window the failures of one address are counted in. */
export const FAILURE_WINDOW_SECONDS = 15 * 60;

/**
 * One password (or one-time code) check from a caller who is not signed in: refused at once
 * when the address failed `failuresPerAddress` times in the window (across every username, on
 * every node: the counter is the routes' store) or the gate is full; otherwise run through the
 * gate, and a failed result counts toward the address's failures.
 */
export type PasswordCheck = <T>(
  request: FastifyRequest,
  reply: FastifyReply,
  check: () => Promise<T>,
  failed: (result: T) => boolean,
) => Promise<T>;

export function passwordChecks(
  limits: RateLimits,
  gate: PasswordGate,
  failuresPerAddress: number,
): PasswordCheck {
  const failures = limits.counter(
    'password failures per address',
    failuresPerAddress,
    FAILURE_WINDOW_SECONDS,
  );
  const refuse = (reply: FastifyReply, seconds: number, message: string) => {
    void reply.header('retry-after', seconds);
    return new RateLimited(message);
  };
  return async <T>(
    request: FastifyRequest,
    reply: FastifyReply,
    check: () => Promise<T>,
    failed: (result: T) => boolean,
  ): Promise<T> => {
    const address = request.ip;
    const seen = await failures.get(address);
    if (seen && seen.consumedPoints >= failuresPerAddress) {
      const seconds = Math.max(1, Math.ceil(seen.msBeforeNext / 1000));
      request.log.warn({ ip: address }, 'sign-in refused: too many failures from this address');
      throw refuse(
        reply,
        seconds,
        `Rate limit exceeded: too many failed sign-ins from your network, retry in ${seconds} seconds`,
      );
    }
    let result: T;
    try {
      result = await gate.run(address, check);
    } catch (err) {
      if (err instanceof PasswordGateFull) throw refuse(reply, err.retryAfterSeconds, err.message);
      throw err;
    }
    if (failed(result)) await failures.penalty(address, 1);
    return result;
  };
}
