import type { SurveyChannel } from '@sidecoach/shared';
import type { Logger } from '../lib/log.js';
import { claimSend, exclusionOf, type SurveySendRow } from './records.js';
import { surveyLink, type SurveyDeps } from './decide.js';
import { customerLanguage } from './i18n.js';
import type { Channel } from './channels/types.js';
import { SurveyTokens } from './tokens.js';

/** Longest wait between two retries of one send. */
const MAX_BACKOFF_MS = 3_600_000;
/** Longest and shortest sleep of the loop between looks at the outbox. */
const MAX_IDLE_MS = 1_000;
const MIN_IDLE_MS = 20;
/** Sends in flight at once (SMTP pool and gateway connections). */
const CONCURRENCY = 4;
/**
 * How long a node holds a send it took: another node takes it over only after this, should
 * the first have died mid-send (so a send goes out once, or again after a crash: at least once).
 */
const CLAIM_MS = 5 * 60_000;

/** Exponential backoff with jitter: retry n waits base * 2^(n-1), at most an hour, ±20 %. */
export function backoffMs(baseSeconds: number, attempts: number, random = Math.random): number {
  const raw = Math.min(baseSeconds * 1000 * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
  return Math.round(raw * (0.8 + 0.4 * random()));
}

/**
 * Sends due surveys from the `survey_sends` outbox: every decision is stored before anything
 * is sent, so a crash, a restart or a failing SMTP server or gateway delays a survey and never
 * skips it. A failed send is retried with backoff until `giveUpHours` have passed, then marked
 * failed (the lead's report shows it). Delivery is at least once: a crash after the server
 * accepted a message and before it was marked sent sends it again, with the same link and
 * Message-ID.
 */
export class SurveyDispatcher {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private stopped = false;
  /** Not before the hub listens (a link names its address): see surveys/index.ts. */
  private started = false;
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly deps: SurveyDeps,
    private readonly channels: Record<Exclude<SurveyChannel, 'link'>, Channel>,
    private readonly log: Logger,
  ) {}

  start() {
    this.started = true;
    this.schedule(0);
  }

  /** Looks at the outbox now (a survey was just decided); before `start`, start does. */
  wake() {
    if (this.started && !this.running) this.schedule(0);
  }

  async stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    for (let i = 0; i < 100 && this.inFlight.size > 0; i++)
      await new Promise((r) => setTimeout(r, 50));
  }

  private schedule(ms: number) {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
  }

  private async tick() {
    if (this.running || this.stopped) return;
    this.running = true;
    let next = MAX_IDLE_MS;
    try {
      const now = new Date().toISOString();
      const due = await this.deps.db
        .selectFrom('survey_sends')
        .selectAll()
        .where('state', '=', 'pending')
        .where('next_attempt_at', '<=', now)
        .orderBy('next_attempt_at')
        .limit(CONCURRENCY * 4)
        .execute();
      const work = due.filter((row) => !this.inFlight.has(row.call_id));
      for (let i = 0; i < work.length; i += CONCURRENCY) {
        // Each send is taken by one node (several may share the database) just before it goes.
        const claimed: SurveySendRow[] = [];
        for (const row of work.slice(i, i + CONCURRENCY))
          if (await claimSend(this.deps.db, row, CLAIM_MS)) claimed.push(row);
        await Promise.all(claimed.map((row) => this.send(row)));
      }
      if (due.length > 0) next = 0;
      else {
        const soonest = await this.deps.db
          .selectFrom('survey_sends')
          .select((eb) => eb.fn.min('next_attempt_at').as('at'))
          .where('state', '=', 'pending')
          .executeTakeFirst();
        if (soonest?.at) next = new Date(soonest.at).getTime() - Date.now();
      }
    } catch (err) {
      this.log.error({ err }, 'survey outbox: looking for due sends failed');
    } finally {
      this.running = false;
      this.schedule(Math.min(MAX_IDLE_MS, Math.max(MIN_IDLE_MS, next)));
    }
  }

  private async send(row: SurveySendRow) {
    const { db, config, packs } = this.deps;
    this.inFlight.add(row.call_id);
    const log = this.log.child({ callId: row.call_id, channel: row.channel });
    try {
      // Excluded since the decision (the agent's flag arrived in the last moments): not sent.
      if (await exclusionOf(db, row.call_id)) {
        await db
          .updateTable('survey_sends')
          .set({ state: 'skipped', skip_reason: 'excluded', next_attempt_at: null })
          .where('call_id', '=', row.call_id)
          .where('state', '=', 'pending')
          .execute();
        return;
      }
      const pack = await packs.version(row.pack_version);
      const survey = pack?.surveys.find((s) => s.id === row.survey_id);
      const channel = row.channel === 'link' ? undefined : row.channel;
      if (!survey || !channel || !row.address) {
        await this.fail(row, 'the survey, its channel or its address is missing', true);
        return;
      }
      const token = this.deps.tokens.forCall(row.call_id);
      const expiresAt = new Date(Date.now() + config.linkDays * 86_400_000).toISOString();
      try {
        await this.channels[channel]({
          callId: row.call_id,
          channel,
          to: row.address,
          survey,
          lang: customerLanguage(row.lang) ?? 'en',
          url: surveyLink(this.deps, row.call_id),
          expiresAt,
          cooldownDays: pack!.cooldownDays,
        });
      } catch (err) {
        await this.fail(row, err instanceof Error ? err.message : String(err), false);
        log.warn({ err, attempts: row.attempts + 1 }, 'survey send failed; will retry');
        return;
      }
      await db
        .updateTable('survey_sends')
        .set({
          state: 'sent',
          sent_at: new Date().toISOString(),
          expires_at: expiresAt,
          token_hash: SurveyTokens.hash(token),
          attempts: row.attempts + 1,
          next_attempt_at: null,
          last_error: null,
        })
        .where('call_id', '=', row.call_id)
        .execute();
      log.info({ attempts: row.attempts + 1 }, 'survey sent');
    } catch (err) {
      log.error({ err }, 'survey send: storing the outcome failed; it stays due');
    } finally {
      this.inFlight.delete(row.call_id);
    }
  }

  /** Schedules the next attempt, or gives up once the send has been failing for too long. */
  private async fail(row: SurveySendRow, error: string, permanent: boolean) {
    const attempts = row.attempts + 1;
    const age = Date.now() - new Date(row.decided_at).getTime();
    const giveUp = permanent || age > this.deps.config.giveUpHours * 3_600_000;
    await this.deps.db
      .updateTable('survey_sends')
      .set({
        attempts,
        last_error: error.slice(0, 500),
        state: giveUp ? 'failed' : 'pending',
        next_attempt_at: giveUp
          ? null
          : new Date(Date.now() + backoffMs(this.deps.config.retrySeconds, attempts)).toISOString(),
      })
      .where('call_id', '=', row.call_id)
      .where('state', '=', 'pending')
      .execute();
    if (giveUp) this.log.error({ callId: row.call_id, error, attempts }, 'survey send given up');
  }
}
