import { rateLimited, type AckResponse, type ClientEventName } from '@sidecoach/shared';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Logger } from './log.js';
import type { RateLimits } from './rate-limits.js';

/** At most `max` requests per user in a window of `windowSeconds` from their first one. */
export interface Budget {
  max: number;
  windowSeconds: number;
}

const TEN_MINUTES = 600;

/**
 * Per-user budgets for the requests that read many rows (or run the language analyzer over
 * many notes). Every other event is cheap (one indexed read, or a write of the user's own) and
 * stays unlimited. The windows are ten minutes, long enough that a burst is not mistaken for a
 * sitting, short enough that someone who hit one waits minutes, not an hour. Counted in
 * lib/rate-limits.ts's counters: in memory on SQLite (one process), in the `rate_limits` table
 * on PostgreSQL, so two nodes count one budget.
 */
export const BUDGETS = {
  /**
   * Every channel's evidence over up to 90 days. A lead preparing a session for each of 15
   * agents in a sitting, trying up to four periods each: 60. At the benchmark's target (300 ms
   * for 5,000 calls in a 1,000,000-call database) a user spending it all costs 18 s of one core
   * in ten minutes.
   */
  'reflection:prepare': { max: 60, windowSeconds: TEN_MINUTES },
  /** Every send, response and exclusion of a team over up to a year: a lead going through
   * each of their teams and a few periods, as for session preparation: 60. */
  'survey:report': { max: 60, windowSeconds: TEN_MINUTES },
  /** The language analyzer over every note of the coach's agents in the period: 60. */
  'language:stats': { max: 60, windowSeconds: TEN_MINUTES },
  /**
   * Up to 500 answers of a team over up to a year. The list reloads by itself when a live
   * answer it cannot place arrives (a burst after a campaign) besides every filter change:
   * 300, one every two seconds sustained.
   */
  'survey:responses': { max: 300, windowSeconds: TEN_MINUTES },
  /** An agent's calls and notes over a period: opened from the floor for each agent, again
   * for each filter: two an agent for 15 agents, four times over: 120. */
  'agent:history': { max: 120, windowSeconds: TEN_MINUTES },
  /**
   * Each agent of the coach's teams (an admin: of every team) with their calls, presence and
   * observers. Asked at every connection and every return to the floor: 120, a reconnection
   * every five seconds for ten minutes (a flapping Wi-Fi) before it is refused.
   */
  'floor:list': { max: 120, windowSeconds: TEN_MINUTES },
  /** A page of the audit log per filter change or "more": 120. */
  'admin:audit': { max: 120, windowSeconds: TEN_MINUTES },
  /** The whole audit log for the filters as a CSV file (GET /api/admin/audit.csv), unpaged: 20. */
  'audit.csv': { max: 20, windowSeconds: TEN_MINUTES },
  /**
   * The streamed table exports (lib/export-route.ts), each a whole table for its filters read
   * page by page: a manager taking each team's file for a period or two, 20 of each.
   */
  'responses.csv': { max: 20, windowSeconds: TEN_MINUTES },
  'evaluations.csv': { max: 20, windowSeconds: TEN_MINUTES },
  'calibration.csv': { max: 20, windowSeconds: TEN_MINUTES },
  'mystery-results.csv': { max: 20, windowSeconds: TEN_MINUTES },
  /**
   * A team's QA sample for a period: every agent's calls of a month (a 2,000-agent team with
   * 1,000,000 calls is seconds of one core, bench/qa.mjs). A quality manager drawing each team
   * and trying a filter or two: 30.
   */
  'qa:draw': { max: 30, windowSeconds: TEN_MINUTES },
  /** Disputes and their outcome rates, each evaluator's period: read per filter change: 120. */
  'qa:disputes': { max: 120, windowSeconds: TEN_MINUTES },
  'qa:evaluators': { max: 120, windowSeconds: TEN_MINUTES },
  /**
   * A team's figures over up to 400 days: every leg of its queues and every survey, call and
   * evaluation of its agents (a month of a 2,000-agent team is bench/kpi.mjs). A lead trying
   * periods, call types and ranges: 120.
   */
  'kpi:dashboard': { max: 120, windowSeconds: TEN_MINUTES },
  /** A page of the calls behind a figure, per figure, agent or day clicked, and "more": 300. */
  'kpi:drill': { max: 300, windowSeconds: TEN_MINUTES },
  /**
   * The agent's own figures beside their team's (kept a minute per team): opened with the
   * sidebar and at each change of period: 60.
   */
  'kpi:mine': { max: 60, windowSeconds: TEN_MINUTES },
  /** Every leg of a team's days as a CSV file (GET /api/kpi/legs.csv), unpaged: 20. */
  'kpi-legs.csv': { max: 20, windowSeconds: TEN_MINUTES },
} as const satisfies Record<string, Budget>;

export type BudgetName = keyof typeof BUDGETS;

/** The budget a client event spends, if it has one. */
export function budgetOf(event: ClientEventName): BudgetName | undefined {
  return Object.hasOwn(BUDGETS, event) ? (event as BudgetName) : undefined;
}

/** The budgets' counters, made once per hub process from its rate-limit store. */
export class Budgets {
  private readonly counters = new Map<BudgetName, RateLimiterAbstract>();

  constructor(
    limits: RateLimits,
    private readonly log: Logger,
    readonly budgets: Record<BudgetName, Budget> = BUDGETS,
  ) {
    for (const [name, b] of Object.entries(budgets) as [BudgetName, Budget][])
      this.counters.set(name, limits.counter(`budget ${name}`, b.max, b.windowSeconds));
  }

  /**
   * Spends one request of the user's budget: null when it is granted, else the whole seconds
   * until it would be. A store that fails (the database away) throws, as a query would.
   */
  async spend(name: BudgetName, userId: string): Promise<number | null> {
    try {
      await this.counters.get(name)!.consume(userId);
      return null;
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      // Logged once a window (the first refusal), not once for every request hammered in.
      if (err.consumedPoints === this.budgets[name].max + 1)
        this.log.warn({ userId, budget: name }, 'request budget spent: refusing until it renews');
      return Math.max(1, Math.ceil(err.msBeforeNext / 1000));
    }
  }

  /** The refusal a socket event answers when its budget is spent, else null. */
  async refusal(name: BudgetName, userId: string): Promise<AckResponse<never> | null> {
    const wait = await this.spend(name, userId);
    if (wait === null) return null;
    return rateLimited(
      `too many ${name} requests in ${this.budgets[name].windowSeconds / 60} minutes: try again in ${wait} s`,
      wait,
    );
  }
}
