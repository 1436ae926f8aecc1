import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetsFilters, type QaFilters } from '@sidecoach/shared';
import { createTeam, createUser } from '../lib/accounts.js';
import { openDatabase, type Db } from '../store/db.js';
import { databaseFor, releaseDatabase } from '../../test/support/database.js';
import { candidateCalls } from './draw.js';

// The draw's SQL (the plan's filters, and what is taken already) on a real database: the SQLite
// file, or PostgreSQL in that project. It must agree with shared's `meetsFilters`.

describe('the calls a draw may take', () => {
  let dir: string;
  let db: Db;
  let agent: string;
  const range = { from: '2026-03-02T00:00:00.000Z', to: '2026-03-09T00:00:00.000Z' };
  const ids: Record<string, string> = {};

  async function call(name: string, o: { type?: string; minutes?: number; ended?: boolean }) {
    const id = randomUUID();
    ids[name] = id;
    const started = `2026-03-0${3 + (Object.keys(ids).length % 5)}T10:00:00.000Z`;
    const ms = (o.minutes ?? 4) * 60_000;
    await db
      .insertInto('calls')
      .values({
        id,
        agent_id: agent,
        call_type: o.type ?? 'booking',
        pack_id: 'p',
        pack_version: 1,
        source: 'manual',
        started_at: started,
        ended_at: o.ended === false ? null : new Date(Date.parse(started) + ms).toISOString(),
        duration_ms: o.ended === false ? null : ms,
        created_at: started,
      })
      .execute();
    return id;
  }

  async function surveyed(callId: string, csat: number | null, selfAnswer = false) {
    const at = '2026-03-08T12:00:00.000Z';
    await db
      .insertInto('survey_sends')
      .values({
        call_id: callId,
        agent_id: agent,
        call_type: 'booking',
        pack_version: 1,
        survey_id: 's',
        channel: 'link',
        address: null,
        address_key: null,
        lang: 'en',
        state: 'sent',
        skip_reason: null,
        token_hash: null,
        next_attempt_at: null,
        last_error: null,
        decided_at: at,
        sent_at: at,
        expires_at: null,
      })
      .execute();
    await db
      .insertInto('survey_responses')
      .values({
        call_id: callId,
        agent_id: agent,
        survey_id: 's',
        call_type: 'booking',
        channel: 'link',
        answers: '{}',
        csat,
        resolved: 1,
        effort: null,
        comment: null,
        lang: 'en',
        submitted_at: at,
        self_answer: selfAnswer ? 'staff-browser' : null,
      })
      .execute();
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sidecoach-qa-draw-'));
    db = (await openDatabase({ dataDir: dir, databaseUrl: await databaseFor(dir) })).db;
    await createTeam(db, 't', 'Team');
    agent = await createUser(db, {
      username: 'a',
      displayName: 'A',
      role: 'agent',
      teamIds: ['t'],
    });
    const evaluator = await createUser(db, { username: 'e', displayName: 'E', role: 'lead' });
    await call('short', { minutes: 1 });
    await call('long', { minutes: 12 });
    await call('complaint', { type: 'complaint' });
    await call('low', {});
    await surveyed(ids.low!, 2);
    await call('high', {});
    await surveyed(ids.high!, 5);
    await call('no-csat', {});
    await surveyed(ids['no-csat']!, null);
    await call('self-answered', {});
    await surveyed(ids['self-answered']!, 1, true);
    await call('flagged', {});
    await db
      .insertInto('qa_flags')
      .values({ call_id: ids.flagged!, flagged_by: evaluator, note: '', at: range.from })
      .execute();
    await call('open', { ended: false });
    await call('assigned', {});
    await db
      .insertInto('qa_assignments')
      .values({
        id: randomUUID(),
        team_id: 't',
        period_from: '2026-03-02',
        slot: 1,
        agent_id: agent,
        call_id: ids.assigned!,
        evaluator_id: evaluator,
        due: '2026-03-09',
        reason: '{}',
        evaluation_id: null,
        drawn_at: range.from,
      })
      .execute();
    await call('evaluated', {});
    await db
      .insertInto('qa_evaluations')
      .values({
        id: randomUUID(),
        agent_id: agent,
        call_id: ids.evaluated!,
        evaluator_name: 'Tool',
        pack_id: 'p',
        pack_version: 1,
        answers: '{}',
        evaluated_at: range.to,
        created_at: range.to,
      })
      .execute();
    // Another week.
    const outside = randomUUID();
    await db
      .insertInto('calls')
      .values({
        id: outside,
        agent_id: agent,
        call_type: 'booking',
        pack_id: 'p',
        pack_version: 1,
        source: 'manual',
        started_at: range.to,
        ended_at: range.to,
        duration_ms: 0,
        created_at: range.to,
      })
      .execute();
  });

  afterAll(async () => {
    await db?.destroy();
    await releaseDatabase(dir);
    await rm(dir, { recursive: true, force: true });
  });

  const names = async (filters: QaFilters) => {
    const calls = await candidateCalls(db, [agent], range, filters);
    // The SQL and the sampler's own check agree on every call read.
    expect(calls.every((c) => meetsFilters(c, filters))).toBe(true);
    const byId = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
    return calls.map((c) => byId.get(c.id)).sort();
  };

  it('leaves out calls under way, assigned, evaluated or of another period', async () => {
    expect(await names({})).toEqual(
      ['complaint', 'flagged', 'high', 'long', 'low', 'no-csat', 'self-answered', 'short'].sort(),
    );
    const flagged = (await candidateCalls(db, [agent], range, {})).filter((c) => c.flagged);
    expect(flagged.map((c) => c.id)).toEqual([ids.flagged]);
  });

  it('applies each filter of the plan in SQL', async () => {
    expect(await names({ callTypes: ['complaint'] })).toEqual(['complaint']);
    expect(await names({ minDurationSec: 600 })).toEqual(['long']);
    expect(await names({ maxDurationSec: 90 })).toEqual(['short']);
    expect(await names({ minDurationSec: 120, maxDurationSec: 300 })).not.toContain('long');
    // A response that looks like the agent's own is not the customer's answer.
    expect(await names({ surveyed: true })).toEqual(['high', 'low', 'no-csat']);
    expect(await names({ maxCsat: 2 })).toEqual(['low']);
    expect(await names({ maxCsat: 5 })).toEqual(['high', 'low']);
    expect(await names({ flaggedOnly: true })).toEqual(['flagged']);
    expect(await names({ callTypes: ['booking'], maxCsat: 3, flaggedOnly: true })).toEqual([]);
    const surveyedCalls = await candidateCalls(db, [agent], range, { surveyed: true });
    expect(surveyedCalls.find((c) => c.id === ids.low)).toMatchObject({ surveyed: true, csat: 2 });
  });
});
