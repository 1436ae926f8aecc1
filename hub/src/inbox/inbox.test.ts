import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InboxMessage } from '@sidecoach/shared';
import { createTeam, createUser } from '../lib/accounts.js';
import { openDatabase, type Db } from '../store/db.js';
import { databaseFor } from '../../test/support/database.js';
import { Inbox } from './inbox.js';
import type { Draft, Job } from '../lib/jobs.js';

const receipt = (recipientId: string, refId: string): Draft => ({
  recipientId,
  refId,
  content: {
    kind: 'receipt',
    receipt: {
      observationId: refId,
      agentId: 'a',
      releasedAt: null,
      deliveredAt: null,
      readAt: null,
    },
  },
});
const sending =
  (...drafts: Draft[]): Job<string> =>
  () =>
    Promise.resolve({ result: drafts.map((d) => d.refId).join(','), messages: drafts });

describe('Inbox (a real database: the SQLite file, or PostgreSQL in that project)', () => {
  let dir: string;
  let db: Db;
  let users: string[];
  const log = pino({ level: 'silent' });

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sidecoach-inbox-'));
    db = (await openDatabase({ dataDir: dir, databaseUrl: await databaseFor(dir) })).db;
    await createTeam(db, 't', 'T');
    users = [];
    for (const name of ['ann', 'bob'])
      users.push(
        await createUser(db, { username: name, displayName: name, role: 'agent', password: 'x' }),
      );
  });
  afterEach(async () => {
    await db.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  it('numbers each recipient’s messages 1, 2, 3... across concurrent group commits', async () => {
    const inbox = new Inbox(db, log);
    const committed: Array<InboxMessage & { recipientId: string }> = [];
    inbox.onCommitted((m) => committed.push(...m));
    const [ann, bob] = users as [string, string];
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        inbox.submit(sending(receipt(ann, `r${i}`), ...(i % 2 ? [receipt(bob, `r${i}`)] : []))),
      ),
    );
    const seqsOf = (who: string) =>
      committed.filter((m) => m.recipientId === who).map((m) => m.seq);
    expect(seqsOf(ann)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(seqsOf(bob)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect((await inbox.after(ann, 45, 100)).map((m) => m.seq)).toEqual([46, 47, 48, 49, 50]);
  });

  it('stores a message ref once per recipient, and resolves only after the commit', async () => {
    const inbox = new Inbox(db, log);
    const [ann] = users as [string];
    await inbox.submit(sending(receipt(ann, 'same')));
    await inbox.submit(sending(receipt(ann, 'same'), receipt(ann, 'other')));
    const stored = await inbox.after(ann, 0, 10);
    expect(stored.map((m) => m.seq)).toEqual([1, 2]);
    expect(await inbox.head(ann)).toBe(2);
  });

  it('fails only the faulty job of a batch; the others commit', async () => {
    const inbox = new Inbox(db, log);
    const [ann] = users as [string];
    const faulty: Job<never> = () => Promise.reject(new Error('boom'));
    const results = await Promise.allSettled([
      inbox.submit(sending(receipt(ann, 'a'))),
      inbox.submit(sending(receipt(ann, 'b'))),
      inbox.submit(faulty),
      inbox.submit(sending(receipt(ann, 'c'))),
    ]);
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    const refs = (
      await db.selectFrom('inbox').select(['ref_id', 'seq']).orderBy('seq').execute()
    ).map((r) => `${r.seq}:${r.ref_id}`);
    expect(refs).toEqual(['1:a', '2:b', '3:c']);
  });

  it('continues numbering from what is stored after a restart', async () => {
    const [ann] = users as [string];
    await new Inbox(db, log).submit(sending(receipt(ann, 'x'), receipt(ann, 'y')));
    const restarted = new Inbox(db, log);
    expect(await restarted.head(ann)).toBe(2);
    await restarted.submit(sending(receipt(ann, 'z')));
    expect((await restarted.after(ann, 2, 10)).map((m) => m.seq)).toEqual([3]);
  });
});
