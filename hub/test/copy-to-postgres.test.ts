// `copy-to-postgres` on real parts: a demo hub with its four weeks of history on SQLite, the
// built command copying its file into a PostgreSQL database, and a hub started on that database
// answering the same as the SQLite hub did. Both projects need a PostgreSQL server: the
// postgres project's, or one started here.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { countTable, tablesInCopyOrder } from '../src/cli/copy-to-postgres.js';
import { data } from './support/calls.js';
import { callsOf, connect, HUB_ENTRY, signIn, startHub } from './support/hub-process.js';
import {
  dropDatabase,
  ensureDatabase,
  startPostgresServer,
  type PostgresServer,
} from './support/postgres.js';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function copyToPostgres(dataDir: string, databaseUrl: string): Promise<Run> {
  const child = spawn(
    process.execPath,
    [HUB_ENTRY, 'copy-to-postgres', '--data-dir', dataDir, '--database', databaseUrl],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The closing count table as printed: table → [sqlite, postgres, ok]. */
function printedCounts(stdout: string): Map<string, [number, number, string]> {
  const counts = new Map<string, [number, number, string]>();
  for (const line of stdout.split('\n')) {
    const m = /^(\w+)\s+(\d+)\s+(\d+)\s+(ok|DIFFERS)$/.exec(line);
    if (m) counts.set(m[1]!, [Number(m[2]), Number(m[3]), m[4]!]);
  }
  return counts;
}

type Row = Record<string, unknown>;
const sorted = (rows: Row[]) => rows.map((r) => JSON.stringify(r)).sort();

/** Tables of running nodes, and the secrets, which a SQLite hub keeps in files: not copied. */
const NOT_COPIED = ['hub_nodes', 'presence', 'ringing', 'hub_secrets'];

/** Every copied table of a hub's SQLite file, each row as its columns in the file's order. */
function sqliteTables(file: string): Map<string, Row[]> {
  const sqlite = new Sqlite(file, { readonly: true });
  try {
    const names = sqlite
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'",
      )
      .pluck()
      .all() as string[];
    return new Map(
      names
        .filter((n) => !NOT_COPIED.includes(n))
        .map((n) => [n, sqlite.prepare(`select * from "${n}"`).all() as Row[]]),
    );
  } finally {
    sqlite.close();
  }
}

async function withPostgres<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const SECRETS = {
  'cti-secret': 'SIDECOACH_CTI_SECRET',
  'survey-secret': 'SIDECOACH_SURVEY_SECRET',
  'survey-webhook-secret': 'SIDECOACH_SURVEY_WEBHOOK_SECRET',
} as const;

describe('copy-to-postgres', () => {
  let server: PostgresServer | null = null;
  let serverUrl: string;
  const databases: string[] = [];
  const dirs: string[] = [];
  let sourceDir: string;
  /** What the SQLite hub answered before the copy. */
  let before: { calls: unknown; reflections: unknown; bootstrap: unknown };

  const freshDatabase = async () => {
    const name = `copy_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    databases.push(name);
    return ensureDatabase(serverUrl, name);
  };
  const tempDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sidecoach-copy-'));
    dirs.push(dir);
    return dir;
  };
  const answersOf = async (url: string) => {
    const lead = await connect(url, (await signIn(url, 'lead')).token);
    const agent = await connect(url, (await signIn(url, 'agent1')).token);
    try {
      const { user, pack, openCall, recentCalls } = data(
        await agent.emitWithAck('session:bootstrap', {}),
      );
      return {
        calls: await callsOf(url, 'agent1'),
        reflections: data(await lead.emitWithAck('reflection:list', {})),
        bootstrap: { user, pack, openCall, recentCalls },
      };
    } finally {
      lead.close();
      agent.close();
    }
  };

  beforeAll(async () => {
    // The postgres project provides its server; the sqlite project has none, so one starts here.
    const provided = inject('postgresUrl');
    if (provided) serverUrl = provided;
    else {
      server = await startPostgresServer();
      serverUrl = server.url;
    }
    sourceDir = await tempDir();
    const source = await startHub({
      demo: true,
      demoHistory: true,
      dataDir: sourceDir,
      database: 'sqlite',
    });
    try {
      before = await answersOf(source.url);
    } finally {
      await source.stop();
    }
  });

  afterAll(async () => {
    for (const name of databases) await dropDatabase(serverUrl, name);
    server?.stop();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('copies every table, counts both sides, and a hub on PostgreSQL answers as before', async () => {
    const target = await freshDatabase();
    const sqliteFile = join(sourceDir, 'sidecoach.sqlite');
    const run = await copyToPostgres(sourceDir, target);
    expect(run.stderr).not.toMatch(/copy-to-postgres:/);
    expect(run.code).toBe(0);

    // The printed table: every table of the file, with its count on both sides.
    const source = sqliteTables(sqliteFile);
    const printed = printedCounts(run.stdout);
    expect(run.stdout).toMatch(/^table\s+sqlite\s+postgres\s+ok$/m);
    expect([...printed.keys()].sort()).toEqual([...source.keys()].sort());
    for (const [table, rows] of source)
      expect(printed.get(table), table).toEqual([rows.length, rows.length, 'ok']);
    expect(printed.get('calls')![0]).toBeGreaterThan(10); // the demo's four weeks
    expect(printed.get('reflection_sessions')![0]).toBeGreaterThan(0);
    expect(run.stderr).toMatch(/calls: \d+ \/ \d+ rows/);
    expect(run.stderr).toMatch(/reflection_sessions: \d+ \/ \d+ rows/);

    // Row for row the same values: text stays text, integers (and 0/1 flags) stay numbers.
    await withPostgres(target, async (client) => {
      for (const [table, rows] of source) {
        const columns = Object.keys(rows[0] ?? {});
        if (columns.length === 0) continue;
        const copied = await client.query<Row>(
          `select ${columns.map((c) => `"${c}"`).join(', ')} from "${table}"`,
        );
        expect(sorted(copied.rows), table).toEqual(sorted(rows));
      }
    });

    // The data directory's secrets are in the database now, as they were in the files.
    const files = Object.keys(SECRETS).filter((f) => existsSync(join(sourceDir, f)));
    expect(files).toContain('survey-secret');
    expect(run.stdout).toContain('Secrets copied into the database (hub_secrets)');
    await withPostgres(target, async (client) => {
      const { rows } = await client.query<{ name: string; value: string }>(
        'select name, value from hub_secrets order by name',
      );
      const expected = await Promise.all(
        files.sort().map(async (name) => ({
          name,
          value: (await readFile(join(sourceDir, name), 'utf8')).trim(),
        })),
      );
      expect(rows).toEqual(expected);
    });

    // A hub on the copy, in a new data directory: the secrets come from the database.
    const hub = await startHub({ dataDir: await tempDir(), database: target });
    try {
      expect(hub.output.join('\n')).toMatch(/"dialect":"postgres"/);
      expect(await answersOf(hub.url)).toEqual(before);
    } finally {
      await hub.stop();
    }
  });

  it('refuses a data directory without a SQLite file, and creates none', async () => {
    const empty = await tempDir();
    const run = await copyToPostgres(empty, await freshDatabase());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`no SQLite database at ${join(empty, 'sidecoach.sqlite')}`);
    expect(run.stderr).toMatch(/Stop the hub first/);
    expect(existsSync(join(empty, 'sidecoach.sqlite'))).toBe(false);
  });

  it('refuses a target that already has records, naming the table', async () => {
    const target = await freshDatabase();
    expect((await copyToPostgres(sourceDir, target)).code).toBe(0);
    const again = await copyToPostgres(sourceDir, target);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/the PostgreSQL database is not empty \(.*calls has \d+ rows/);
    expect(again.stdout).toBe('');
  });

  it('leaves the target empty when a row fails to copy', async () => {
    // A note of a session that does not exist: the file takes it with foreign keys off,
    // PostgreSQL refuses it, late in the copy (reflection_notes comes after its parents).
    const broken = await tempDir();
    await copyFile(join(sourceDir, 'sidecoach.sqlite'), join(broken, 'sidecoach.sqlite'));
    const sqlite = new Sqlite(join(broken, 'sidecoach.sqlite'));
    sqlite.pragma('foreign_keys = OFF');
    const author = sqlite.prepare("select id from users where username = 'lead'").pluck().get();
    sqlite
      .prepare(
        "insert into reflection_notes (id, session_id, author_id, text, lang, at, created_at) values ('n', 'no-such-session', ?, 't', 'en', 'x', 'x')",
      )
      .run(author);
    sqlite.close();
    const target = await freshDatabase();
    const run = await copyToPostgres(broken, target);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/rolled back, nothing was copied: .*foreign key/);
    const counts = await withPostgres(target, async (client) => {
      const found: number[] = [];
      for (const table of sqliteTables(join(broken, 'sidecoach.sqlite')).keys()) {
        const { rows } = await client.query<{ n: string }>(`select count(*) as n from "${table}"`);
        found.push(Number(rows[0]!.n));
      }
      return found;
    });
    expect(counts.every((n) => n === 0)).toBe(true);
  });
});

describe('copy order and count table', () => {
  it('puts every table after the tables its foreign keys reference', () => {
    const order = tablesInCopyOrder([
      { name: 'notes', parents: ['sessions', 'users'] },
      { name: 'sessions', parents: ['users', 'sessions'] },
      { name: 'users', parents: [] },
    ]).map((t) => t.name);
    expect(order).toEqual(['users', 'sessions', 'notes']);
    expect(() =>
      tablesInCopyOrder([
        { name: 'a', parents: ['b'] },
        { name: 'b', parents: ['a'] },
      ]),
    ).toThrow(/cycle/);
  });

  it('prints one aligned line per table, ok only when both counts match', () => {
    expect(
      countTable([
        { table: 'calls', sqlite: 120, postgres: 120 },
        { table: 'users', sqlite: 9, postgres: 8 },
      ]),
    ).toBe(
      [
        'table  sqlite  postgres  ok',
        'calls     120       120  ok',
        'users       9         8  DIFFERS',
      ].join('\n'),
    );
  });
});
