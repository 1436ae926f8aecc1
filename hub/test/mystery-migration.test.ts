// Migration 0024 on a database an earlier release filled: users.role and calibration_sessions
// .source are CHECKs that take new values ('caller', 'mystery'); SQLite rebuilds both tables.
// Everyone still signs in, old sessions still open sockets, and every row, column, index and
// foreign key is as it was.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { usernameKey } from '@sidecoach/shared';
import { migrateUpTo } from '../src/store/migrations.js';
import type { Database } from '../src/store/schema.js';
import { hashPassword } from '../src/lib/passwords.js';
import { tokenHash } from '../src/lib/tokens.js';
import { databaseFor, releaseDatabase, testDialect, withHubDatabase } from './support/database.js';
import { connect, signIn, startHub, type RunningHub } from './support/hub-process.js';
import { data } from './support/calls.js';

const PASSWORD = 'an old release password';
const now = () => new Date().toISOString();

/** The database as the release before 0024 made it, on the project's database. */
async function oldDatabase(dataDir: string): Promise<Kysely<Database>> {
  const url = await databaseFor(dataDir);
  const db = url
    ? new Kysely<Database>({
        dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2 }) }),
      })
    : new Kysely<Database>({
        dialect: new SqliteDialect({
          database: (() => {
            const s = new Sqlite(join(dataDir, 'sidecoach.sqlite'));
            s.pragma('journal_mode = WAL');
            s.pragma('foreign_keys = ON');
            return s;
          })(),
        }),
      });
  await migrateUpTo(db as Kysely<unknown>, '0023-calibration');
  return db;
}

/** Tables whose rows point at users or calibration sessions, and the two rebuilt. */
const TABLES = [
  'teams',
  'users',
  'team_members',
  'sessions',
  'one_time_codes',
  'user_permissions',
  'calls',
  'cti_events',
  'audit_log',
  'calibration_sessions',
  'calibration_sheets',
  'calibration_benchmarks',
  'scorecard_guidance',
] as const;

async function snapshot(db: Kysely<Database>) {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES)
    out[t] = (await sql`select * from ${sql.table(t)}`.execute(db)).rows
      .map((r) => {
        // The new column, null on every row an old release wrote.
        const { mystery_assignment_id: added, ...rest } = r as Record<string, unknown>;
        if (added !== undefined && added !== null) throw new Error('a new column has a value');
        return rest;
      })
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return out;
}

/** Columns and indexes of a table, as the database describes them. */
async function shape(db: Kysely<Database>, table: string) {
  if (testDialect() === 'postgres') {
    const columns = await sql`select column_name, data_type, is_nullable, column_default
      from information_schema.columns where table_name = ${table} order by ordinal_position`.execute(
      db,
    );
    const indexes = await sql`select indexname, indexdef from pg_indexes where tablename = ${table}
      order by indexname`.execute(db);
    const keys = await sql`select conname, pg_get_constraintdef(oid) as def from pg_constraint
      where conrelid = ${table}::regclass and contype in ('f', 'u', 'p') order by conname`.execute(
      db,
    );
    return { columns: columns.rows, indexes: indexes.rows, keys: keys.rows };
  }
  const columns = await sql.raw(`pragma table_info(${table})`).execute(db);
  const indexes = await sql.raw(`pragma index_list(${table})`).execute(db);
  const keys = await sql.raw(`pragma foreign_key_list(${table})`).execute(db);
  return { columns: columns.rows, indexes: indexes.rows, keys: keys.rows };
}

describe('migration 0024 on a database of the release before', () => {
  let hub: RunningHub | undefined;
  let dataDir = '';
  afterAll(async () => {
    await hub?.dispose();
    await releaseDatabase(dataDir);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps every row, column, index and foreign key, and signs everyone in as before', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sidecoach-0024-'));
    const db = await oldDatabase(dataDir);
    const hash = await hashPassword(PASSWORD);
    const team = randomUUID();
    const people = [
      ['agent', 'jānis', 'Jānis Bērziņš', '2001'],
      ['agent', 'wang', '王小明', '2002'],
      ['supervisor', 'sup', 'Sam Supervisor', null],
      ['lead', 'lead', 'Lee Lead', null],
      ['admin', 'qm', 'Quinn Quality', null],
    ] as const;
    const ids: Record<string, string> = {};
    await db
      .insertInto('teams')
      .values({ id: team, name: 'Riga day', created_at: now() })
      .execute();
    for (const [role, username, name, extension] of people) {
      ids[username] = randomUUID();
      await db
        .insertInto('users')
        .values({
          id: ids[username],
          username,
          username_key: usernameKey(username),
          display_name: name,
          role,
          password_hash: hash,
          created_at: now(),
          extension,
          default_lang: role === 'agent' ? 'lv' : null,
        })
        .execute();
      if (role !== 'admin')
        await db
          .insertInto('team_members')
          .values({ team_id: team, user_id: ids[username] })
          .execute();
    }
    const off = randomUUID();
    await db
      .insertInto('users')
      .values({
        id: off,
        username: 'left',
        username_key: 'left',
        display_name: 'Left Us',
        role: 'agent',
        password_hash: hash,
        created_at: now(),
        disabled: 1,
      })
      .execute();
    await db
      .insertInto('user_permissions')
      .values({
        user_id: ids.sup!,
        permission: 'evaluator',
        granted_by: ids.qm!,
        granted_at: now(),
      })
      .execute();
    const token = randomBytes(32).toString('base64url');
    await db
      .insertInto('sessions')
      .values({
        id: randomUUID(),
        token_hash: tokenHash(token),
        user_id: ids['jānis']!,
        created_at: now(),
        expires_at: new Date(Date.now() + 86_400_000).toISOString(),
        revoked_at: null,
        device: 'Sidecoach desktop',
        last_seen_at: now(),
      })
      .execute();
    await db
      .insertInto('one_time_codes')
      .values({
        id: randomUUID(),
        user_id: ids.wang!,
        code_hash: hash,
        token_hash: tokenHash(randomBytes(32).toString('base64url')),
        issued_by: ids.qm!,
        created_at: now(),
        expires_at: new Date(Date.now() + 86_400_000).toISOString(),
        ended_at: null,
        end_reason: null,
      })
      .execute();
    const call = randomUUID();
    await db
      .insertInto('calls')
      .values({
        id: call,
        agent_id: ids['jānis']!,
        call_type: 'booking',
        pack_id: 'default',
        pack_version: 1,
        source: 'cti',
        started_at: now(),
        ended_at: now(),
        duration_ms: 60_000,
        created_at: now(),
        external_id: 'pbx-1',
      })
      .execute();
    await db
      .insertInto('cti_events')
      .values({
        id: randomUUID(),
        user_id: ids['jānis']!,
        call_id: 'pbx-1',
        kind: 'ended',
        event: JSON.stringify({ kind: 'ended', callId: 'pbx-1' }),
        received_at: now(),
      })
      .execute();
    await db
      .insertInto('audit_log')
      .values({
        id: randomUUID(),
        at: now(),
        actor_id: ids.qm!,
        action: 'user.create',
        target_type: 'user',
        target_id: ids.wang!,
        before: null,
        after: '{}',
        ip: null,
      })
      .execute();
    const session = randomUUID();
    await db
      .insertInto('calibration_sessions')
      .values({
        id: session,
        title: 'Booking calls in March',
        source: 'call',
        call_id: call,
        pack_id: 'default',
        pack_version: 1,
        facilitator_id: ids.qm!,
        deadline: now(),
        status: 'revealed',
        created_at: now(),
        revealed_at: now(),
        closed_at: null,
      })
      .execute();
    for (const who of ['sup', 'lead'])
      await db
        .insertInto('calibration_sheets')
        .values({
          session_id: session,
          user_id: ids[who]!,
          answers: '{"greet":"yes"}',
          score: null,
          saved_at: now(),
          submitted_at: now(),
        })
        .execute();
    await db
      .insertInto('calibration_benchmarks')
      .values({
        session_id: session,
        item_id: 'greet',
        answer: 'yes',
        set_by: ids.qm!,
        set_at: now(),
      })
      .execute();
    await db
      .insertInto('scorecard_guidance')
      .values({
        pack_id: 'default',
        version: 1,
        item_id: 'greet',
        note: 'Own name and the company’s',
        session_id: session,
        set_by: ids.qm!,
        set_at: now(),
      })
      .execute();
    const before = await snapshot(db);
    const shapes = {
      users: await shape(db, 'users'),
      calibration_sessions: await shape(db, 'calibration_sessions'),
      sessions: await shape(db, 'sessions'),
    };
    await db.destroy();

    // The hub migrates at its start; the rows are compared before anyone signs in again.
    hub = await startHub({ dataDir });
    await hub.stop();
    await withHubDatabase(dataDir, async (after) => {
      expect(await snapshot(after)).toEqual(before);
      const users = await shape(after, 'users');
      const sessions = await shape(after, 'sessions');
      expect(users).toEqual(shapes.users);
      expect(sessions).toEqual(shapes.sessions);
      const calibration = await shape(after, 'calibration_sessions');
      expect(calibration.columns.slice(0, -1)).toEqual(shapes.calibration_sessions.columns);
      expect(calibration.indexes).toEqual(shapes.calibration_sessions.indexes);
      if (testDialect() === 'sqlite') {
        expect((await sql`pragma foreign_key_check`.execute(after)).rows).toEqual([]);
        // Other tables still reference users, not the table it was renamed to while rebuilt.
        const referencing = await sql<{ sql: string }>`select sql from sqlite_master
          where type = 'table' and sql like '%before_0024%'`.execute(after);
        expect(referencing.rows).toEqual([]);
      }
      // The new values are taken, others still refused; foreign keys still hold.
      await after.updateTable('users').set({ role: 'caller' }).where('id', '=', off).execute();
      await expect(
        sql`update users set role = 'boss' where id = ${off}`.execute(after),
      ).rejects.toThrow(/check/i);
      await after
        .updateTable('calibration_sessions')
        .set({ source: 'mystery' })
        .where('id', '=', session)
        .execute();
      await expect(
        sql`update calibration_sessions set source = 'rumour' where id = ${session}`.execute(after),
      ).rejects.toThrow(/check/i);
      await expect(
        after.insertInto('team_members').values({ team_id: team, user_id: 'nobody' }).execute(),
      ).rejects.toThrow(/foreign key/i);
      await expect(
        after
          .insertInto('users')
          .values({
            id: randomUUID(),
            username: 'wang',
            username_key: 'wang-2',
            display_name: 'Another',
            role: 'agent',
            password_hash: hash,
            created_at: now(),
          })
          .execute(),
      ).rejects.toThrow(/unique|duplicate/i);
    });

    hub = await startHub({ dataDir });
    for (const [, username] of people)
      expect((await signIn(hub.url, username, PASSWORD)).token).toBeTruthy();
    await expect(signIn(hub.url, 'left', PASSWORD)).rejects.toThrow(/40[13]/);
    // A session an old release signed in still opens a socket, as the same user.
    const socket = await connect(hub.url, token);
    const boot = data(await socket.emitWithAck('session:bootstrap', {}));
    socket.close();
    expect(boot.user).toMatchObject({
      username: 'jānis',
      role: 'agent',
      teams: [{ id: team, name: 'Riga day' }],
    });
  });
});
