import type { InboxContent, InboxMessage } from '@sidecoach/shared';
import type { Logger } from '../lib/log.js';
import type { Db } from '../store/db.js';
import type { Job, JobQueue, Trx } from '../lib/jobs.js';
import { nowIso } from '../store/db.js';

interface Queued {
  job: Job<unknown>;
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

/** Jobs committed together at most; bounds the time one commit holds the writer. */
const MAX_BATCH = 256;

/**
 * Per-recipient numbered inbox with group commit. Jobs submitted while a commit is under way
 * are committed together in the next transaction (one fsync for many notes), and a job's
 * promise resolves only after its transaction has committed: persisted before acknowledged.
 * Sequence numbers are allocated in the transaction from the stored maximum (cached per
 * recipient; this process is the only writer), so a crash can lose no committed number and
 * reuse none.
 */
export class Inbox implements JobQueue {
  private readonly lastSeq = new Map<string, number>();
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
    const cached = this.lastSeq.get(recipientId);
    if (cached !== undefined) return cached;
    return this.storedHead(this.db, recipientId);
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

  private async storedHead(db: Db | Trx, recipientId: string): Promise<number> {
    const row = await db
      .selectFrom('inbox')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('recipient_id', '=', recipientId)
      .executeTakeFirst();
    return Number(row?.seq ?? 0);
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
    const tentative = new Map<string, number>();
    const results: unknown[] = [];
    const committed: Array<InboxMessage & { recipientId: string }> = [];
    await this.db.transaction().execute(async (trx) => {
      const createdAt = nowIso();
      for (const { job } of batch) {
        const { result, messages } = await job(trx);
        results.push(result);
        for (const draft of messages) {
          const last =
            tentative.get(draft.recipientId) ??
            this.lastSeq.get(draft.recipientId) ??
            (await this.storedHead(trx, draft.recipientId));
          const seq = last + 1;
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
          tentative.set(draft.recipientId, seq);
          committed.push({
            ...draft.content,
            seq,
            recipientId: draft.recipientId,
          });
        }
      }
    });
    for (const [recipient, seq] of tentative) this.lastSeq.set(recipient, seq);
    batch.forEach((q, i) => q.resolve(results[i]));
    if (committed.length > 0) for (const listener of this.listeners) listener(committed);
  }
}
