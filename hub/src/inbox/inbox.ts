import type { InboxContent, InboxMessage } from '@sidecoach/shared';
import type { Logger } from '../lib/log.js';
import type { Db } from '../store/db.js';
import type { Draft, Job, JobQueue, Trx } from '../lib/jobs.js';
import { nowIso } from '../store/db.js';
import { forUpdate, isTransientConflict } from '../store/dialect.js';

interface Queued {
  job: Job<unknown>;
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

/** Jobs committed together at most; bounds the time one commit holds the writer. */
const MAX_BATCH = 256;
/** Tries of one commit that met another node's (serialization failure, deadlock). */
const MAX_TRIES = 5;

/**
 * Per-recipient numbered inbox with group commit. Jobs submitted while a commit is under way
 * are committed together in the next transaction (one fsync for many notes), and a job's
 * promise resolves only after its transaction has committed: persisted before acknowledged.
 * Sequence numbers are allocated in the message's own transaction from each recipient's row
 * in `inbox_heads`, locked in the order of the recipients' ids: with several hub nodes writing
 * to one PostgreSQL database, numbers stay gapless and in commit order, two nodes cannot
 * deadlock on them, and a crash can lose no committed number and reuse none.
 */
export class Inbox implements JobQueue {
  private queue: Queued[] = [];
  private draining = false;
  private readonly listeners: ((
    messages: Array<InboxMessage & { recipientId: string }>,
  ) => void)[] = [];

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
  ) {}

  /** Runs the job in the next group commit; resolves with its result once it is durable. */
  submit<T>(job: Job<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ job, resolve: resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  /** Called with the messages of every commit, in order of their sequence numbers. */
  onCommitted(listener: (messages: Array<InboxMessage & { recipientId: string }>) => void) {
    this.listeners.push(listener);
  }

  /** The recipient's latest sequence number (0 before their first message). */
  async head(recipientId: string): Promise<number> {
    const row = await this.db
      .selectFrom('inbox_heads')
      .select('seq')
      .where('recipient_id', '=', recipientId)
      .executeTakeFirst();
    return row?.seq ?? 0;
  }

  /** The latest numbers of these recipients (those with none are left out). */
  async heads(recipientIds: string[]): Promise<Map<string, number>> {
    if (recipientIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('inbox_heads')
      .select(['recipient_id', 'seq'])
      .where('recipient_id', 'in', recipientIds)
      .execute();
    return new Map(rows.map((r) => [r.recipient_id, r.seq]));
  }

  /** Messages after `afterSeq`, oldest first. */
  async after(recipientId: string, afterSeq: number, limit: number): Promise<InboxMessage[]> {
    const rows = await this.db
      .selectFrom('inbox')
      .select(['seq', 'body'])
      .where('recipient_id', '=', recipientId)
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ ...(JSON.parse(r.body) as InboxContent), seq: r.seq }));
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        // SQLite work is synchronous: without this turn of the event loop no socket could be
        // read while a commit runs, every batch would hold one job, and a backlog would starve
        // the sockets. Yielding lets the notes that arrived meanwhile join this commit.
        await new Promise((resolve) => setImmediate(resolve));
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          await this.commit(batch);
        } catch (err) {
          if (batch.length === 1) {
            batch[0]!.reject(err);
            continue;
          }
          // One job failed the whole batch: run each alone so only the faulty one fails.
          this.log.warn(
            { err, jobs: batch.length },
            'group commit failed; retrying jobs one by one',
          );
          for (const one of batch) await this.commit([one]).catch((e: unknown) => one.reject(e));
        }
      }
    } finally {
      this.draining = false;
    }
  }

  private async commit(batch: Queued[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        const { results, committed } = await this.db
          .transaction()
          .execute((trx) => this.write(trx, batch));
        batch.forEach((q, i) => q.resolve(results[i]));
        if (committed.length > 0) for (const listener of this.listeners) listener(committed);
        return;
      } catch (err) {
        // Another node's transaction won a row both needed: nothing was kept, run it again.
        if (attempt >= MAX_TRIES || !isTransientConflict(err)) throw err;
        this.log.debug({ err, attempt }, 'inbox commit met a concurrent one; trying again');
      }
    }
  }

  /** The batch's jobs and their messages, numbered, in one transaction. */
  private async write(trx: Trx, batch: Queued[]) {
    const results: unknown[] = [];
    const drafts: Draft[] = [];
    for (const { job } of batch) {
      const { result, messages } = await job(trx);
      results.push(result);
      drafts.push(...messages);
    }
    const committed: Array<InboxMessage & { recipientId: string }> = [];
    if (drafts.length === 0) return { results, committed };
    const next = await this.lockHeads(trx, drafts);
    const createdAt = nowIso();
    const changed = new Set<string>();
    for (const draft of drafts) {
      const seq = next.get(draft.recipientId)! + 1;
      const inserted = await trx
        .insertInto('inbox')
        .values({
          recipient_id: draft.recipientId,
          seq,
          ref_id: draft.refId,
          kind: draft.content.kind,
          body: JSON.stringify(draft.content),
          created_at: createdAt,
        })
        .onConflict((oc) => oc.columns(['recipient_id', 'ref_id']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) continue; // sent before
      next.set(draft.recipientId, seq);
      changed.add(draft.recipientId);
      committed.push({ ...draft.content, seq, recipientId: draft.recipientId });
    }
    for (const recipientId of [...changed].sort())
      await trx
        .updateTable('inbox_heads')
        .set({ seq: next.get(recipientId)! })
        .where('recipient_id', '=', recipientId)
        .execute();
    return { results, committed };
  }

  /** Each recipient's row in `inbox_heads`, created if new, locked in the order of their ids. */
  private async lockHeads(trx: Trx, drafts: Draft[]): Promise<Map<string, number>> {
    const recipients = [...new Set(drafts.map((d) => d.recipientId))].sort();
    await trx
      .insertInto('inbox_heads')
      .values(recipients.map((recipient_id) => ({ recipient_id, seq: 0 })))
      .onConflict((oc) => oc.column('recipient_id').doNothing())
      .execute();
    const rows = await forUpdate(
      trx,
      trx
        .selectFrom('inbox_heads')
        .select(['recipient_id', 'seq'])
        .where('recipient_id', 'in', recipients)
        .orderBy('recipient_id'),
    ).execute();
    return new Map(rows.map((r) => [r.recipient_id, r.seq]));
  }
}
