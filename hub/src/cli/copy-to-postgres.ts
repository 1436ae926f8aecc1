// `sidecoach-hub copy-to-postgres`: moves a stopped SQLite hub's records into an empty PostgreSQL
// database. Everything is copied in one PostgreSQL transaction (a failure leaves the target
// empty), parents before children, and afterwards every table's rows are counted on both sides.
import Sqlite from 'better-sqlite3';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { openDatabase } from '../store/db.js';

/** What `copy-to-postgres` is told (config.ts parses its flags). */
export interface CopyOptions {
  dataDir: string;
  databaseUrl: string;
}

/** Where an output goes: process.stdout / process.stderr, or a test's buffer. */
interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** The file db.ts opens in the data directory. */
const SQLITE_FILE = 'sidecoach.sqlite';

/** Rows per INSERT, bounded by PostgreSQL's 65,535 parameters per statement. */
const BATCH_ROWS = 1000;
const BATCH_PARAMETERS = 30_000;

/** The shared secrets a hub keeps in its data directory when the environment gives none. */
const SECRET_FILES = [
  { file: 'cti-secret', envVar: 'SIDECOACH_CTI_SECRET', keeps: 'the PBX’s CTI webhook calls' },
  { file: 'survey-secret', envVar: 'SIDECOACH_SURVEY_SECRET', keeps: 'survey links already sent' },
  {
    file: 'survey-webhook-secret',
    envVar: 'SIDECOACH_SURVEY_WEBHOOK_SECRET',
    keeps: 'the SMS/IVR gateway',
  },
];

const STOP_FIRST =
  'Stop the hub first: the copy reads the file as it is, and what the hub writes meanwhile is not copied.';

/** A refusal the user can act on: printed as it is, without a stack. */
class CopyRefused extends Error {}

export interface SourceTable {
  name: string;
  columns: string[];
  /** Tables its foreign keys reference. */
  parents: string[];
}

/**
 * The tables in an order that satisfies their foreign keys: every table after the tables it
 * references (alphabetical among those ready, so the order is the same on every run).
 */
export function tablesInCopyOrder<T extends { name: string; parents: string[] }>(tables: T[]): T[] {
  const names = new Set(tables.map((t) => t.name));
  const done = new Set<string>();
  const order: T[] = [];
  const waiting = [...tables].sort((a, b) => a.name.localeCompare(b.name));
  while (waiting.length > 0) {
    // A table referencing itself, or a table outside the copy, does not hold it back.
    const ready = waiting.findIndex((t) =>
      t.parents.every((p) => p === t.name || !names.has(p) || done.has(p)),
    );
    if (ready < 0)
      throw new CopyRefused(
        `the foreign keys of ${waiting.map((t) => t.name).join(', ')} reference each other in a cycle: no copy order satisfies them`,
      );
    const [table] = waiting.splice(ready, 1);
    order.push(table!);
    done.add(table!.name);
  }
  return order;
}

export interface TableCount {
  table: string;
  sqlite: number;
  postgres: number;
}

/** The closing check, one line per table: `table  sqlite  postgres  ok`. */
export function countTable(counts: TableCount[]): string {
  const rows = [
    ['table', 'sqlite', 'postgres', 'ok'],
    ...counts.map((c) => [
      c.table,
      String(c.sqlite),
      String(c.postgres),
      c.sqlite === c.postgres ? 'ok' : 'DIFFERS',
    ]),
  ];
  const width = (i: number) => Math.max(...rows.map((r) => r[i]!.length));
  return rows
    .map((r) =>
      [r[0]!.padEnd(width(0)), r[1]!.padStart(width(1)), r[2]!.padStart(width(2)), r[3]].join('  '),
    )
    .join('\n');
}

function openSource(dataDir: string, warnings: Output): Sqlite.Database {
  const file = join(dataDir, SQLITE_FILE);
  if (!existsSync(file))
    throw new CopyRefused(
      `no SQLite database at ${file}: pass the stopped hub's --data-dir. ${STOP_FIRST}`,
    );
  // A hub that stopped cleanly leaves no write-ahead log behind; a running one (or a crashed
  // one: its log is read as well) does. Not a proof either way, hence a warning.
  const wal = statSync(`${file}-wal`, { throwIfNoEntry: false });
  if (wal && wal.size > 0)
    warnings.write(
      `copy-to-postgres: warning: ${file}-wal holds writes not yet checkpointed: is the hub still running? ${STOP_FIRST}\n`,
    );
  // Read-only: the copy never changes the hub's records (nor creates a database file).
  return new Sqlite(file, { readonly: true, fileMustExist: true });
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Tables not copied: who is connected to which running node (rebuilt by the nodes), and the
 * secrets, which a SQLite hub keeps in files (carried over from those, see copySecrets).
 */
const NOT_COPIED = new Set(['hub_nodes', 'presence', 'ringing', 'hub_secrets']);

/** The tables the migrations created, without SQLite's own and Kysely's migration tables. */
function sourceTables(sqlite: Sqlite.Database): SourceTable[] {
  const names = sqlite
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name",
    )
    .pluck()
    .all() as string[];
  return names
    .filter((name) => !NOT_COPIED.has(name))
    .map((name) => ({
      name,
      columns: (sqlite.pragma(`table_info(${quoted(name)})`) as { name: string }[]).map(
        (c) => c.name,
      ),
      parents: [
        ...new Set(
          (sqlite.pragma(`foreign_key_list(${quoted(name)})`) as { table: string }[]).map(
            (f) => f.table,
          ),
        ),
      ],
    }));
}

function sourceMigrations(sqlite: Sqlite.Database): string[] {
  try {
    return sqlite
      .prepare('select name from kysely_migration order by name')
      .pluck()
      .all() as string[];
  } catch {
    throw new CopyRefused('the SQLite file has no migration table: it is not a Sidecoach hub’s');
  }
}

/** Both databases must be at the same schema version, so every column has its counterpart. */
async function refuseOtherSchema(
  db: Kysely<unknown>,
  source: { migrations: string[]; tables: SourceTable[] },
): Promise<void> {
  const { rows: migrated } = await sql<{
    name: string;
  }>`select name from kysely_migration order by name`.execute(db);
  const target = migrated.map((m) => m.name);
  const newer = source.migrations.filter((m) => !target.includes(m));
  if (newer.length > 0)
    throw new CopyRefused(
      `the SQLite database was written by a newer hub (migrations ${newer.join(', ')} are unknown to this one): copy with that hub's version`,
    );
  const older = target.filter((m) => !source.migrations.includes(m));
  if (older.length > 0)
    throw new CopyRefused(
      `the SQLite database is at an older schema (without ${older.join(', ')}): start this hub version once on it (it migrates at start), stop it, and copy again`,
    );
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema()`.execute(db);
  for (const table of source.tables) {
    const columns = new Set(
      rows.filter((r) => r.table_name === table.name).map((r) => r.column_name),
    );
    const missing = table.columns.filter((c) => !columns.has(c));
    if (missing.length > 0)
      throw new CopyRefused(
        `the PostgreSQL database has no ${missing.map((c) => `${table.name}.${c}`).join(', ')}: its schema is not the hub's`,
      );
  }
}

const countOf = (sqlite: Sqlite.Database, table: string) =>
  sqlite
    .prepare(`select count(*) from ${quoted(table)}`)
    .pluck()
    .get() as number;

async function countIn(db: Kysely<unknown>, table: string): Promise<number> {
  const { rows } = await sql<{
    n: number | string;
  }>`select count(*) as n from ${sql.id(table)}`.execute(db);
  return Number(rows[0]!.n);
}

/** The copy never mixes two hubs' records: every table of the target must be empty. */
async function refuseNonEmpty(db: Kysely<unknown>, tables: SourceTable[]): Promise<void> {
  const filled: string[] = [];
  for (const table of tables) {
    const n = await countIn(db, table.name);
    if (n > 0) filled.push(`${table.name} has ${n} row${n === 1 ? '' : 's'}`);
  }
  if (filled.length > 0)
    throw new CopyRefused(
      `the PostgreSQL database is not empty (${filled.join(', ')}): copy-to-postgres copies only into an empty database, never mixing two hubs' records. Create a new database (createdb) and pass its URL.`,
    );
}

async function insertBatch(
  db: Kysely<unknown>,
  table: SourceTable,
  rows: Record<string, unknown>[],
): Promise<void> {
  const columns = sql.join(table.columns.map((c) => sql.id(c)));
  const values = sql.join(rows.map((row) => sql`(${sql.join(table.columns.map((c) => row[c]))})`));
  await sql`insert into ${sql.id(table.name)} (${columns}) values ${values}`.execute(db);
}

/** Copies one table in batches, reporting rows copied / total on `progress`. */
async function copyTable(
  sqlite: Sqlite.Database,
  db: Kysely<unknown>,
  table: SourceTable,
  total: number,
  progress: Output,
): Promise<void> {
  const batchRows = Math.max(
    1,
    Math.min(BATCH_ROWS, Math.floor(BATCH_PARAMETERS / table.columns.length)),
  );
  const show = (copied: number, last: boolean) => {
    const line = `  ${table.name}: ${copied} / ${total} rows`;
    if (progress.isTTY) progress.write(`\r${line}${last ? '\n' : ''}`);
    else if (last || copied % (batchRows * 10) === 0) progress.write(`${line}\n`);
  };
  const select = sqlite.prepare(
    `select ${table.columns.map(quoted).join(', ')} from ${quoted(table.name)} order by rowid`,
  );
  let copied = 0;
  let batch: Record<string, unknown>[] = [];
  for (const row of select.iterate() as IterableIterator<Record<string, unknown>>) {
    batch.push(row);
    if (batch.length < batchRows) continue;
    await insertBatch(db, table, batch);
    copied += batch.length;
    batch = [];
    show(copied, false);
  }
  if (batch.length > 0) await insertBatch(db, table, batch);
  copied += batch.length;
  show(copied, true);
}

/**
 * The data directory's secret files into the database, where every PostgreSQL node reads them:
 * survey links already sent and the PBX's signatures keep working. Returns the files found.
 */
async function copySecrets(db: Kysely<unknown>, dataDir: string) {
  const found = SECRET_FILES.filter((s) => existsSync(join(dataDir, s.file)));
  for (const { file } of found) {
    const value = readFileSync(join(dataDir, file), 'utf8').trim();
    await sql`insert into hub_secrets (name, value, created_at) values (${file}, ${value}, ${new Date().toISOString()})`.execute(
      db,
    );
  }
  return found;
}

/** What became of the secrets, and that the environment still takes precedence. */
function secretsNote(found: typeof SECRET_FILES): string {
  if (found.length === 0)
    return 'No secret files in the data directory: the PostgreSQL hub makes its own (or takes SIDECOACH_CTI_SECRET, SIDECOACH_SURVEY_SECRET and SIDECOACH_SURVEY_WEBHOOK_SECRET).';
  return [
    'Secrets copied into the database (hub_secrets), for every node:',
    ...found.map((s) => `  ${s.file.padEnd(24)} ${s.keeps}`),
    `Set in a node's environment (${found.map((s) => s.envVar).join(', ')}), a secret takes precedence.`,
  ].join('\n');
}

async function openTarget(options: CopyOptions, target: string): Promise<Kysely<unknown>> {
  try {
    return (await openDatabase(options)).db as Kysely<unknown>;
  } catch (error) {
    throw new CopyRefused(
      `cannot open and migrate the PostgreSQL database ${target}: ${(error as Error).message}`,
    );
  }
}

/** The target as the user may read it: host and database, without user or password. */
function targetName(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname}`;
  } catch {
    return 'the PostgreSQL database';
  }
}

/**
 * `sidecoach-hub copy-to-postgres --data-dir DIR --database URL`. Returns the exit code: 0 only
 * when every table has as many rows in PostgreSQL as in the SQLite file.
 */
export async function runCopyToPostgres(
  options: CopyOptions,
  out: Output = process.stdout,
  err: Output = process.stderr,
): Promise<number> {
  let sqlite: Sqlite.Database | null = null;
  let db: Kysely<unknown> | null = null;
  let copying = false;
  let secrets: typeof SECRET_FILES = [];
  try {
    sqlite = openSource(options.dataDir, err);
    const tables = tablesInCopyOrder(sourceTables(sqlite));
    const migrations = sourceMigrations(sqlite);
    const target = targetName(options.databaseUrl);
    err.write(`copying ${join(options.dataDir, SQLITE_FILE)} to ${target}\n`);
    // The hub's own opening: the target is migrated to this hub's schema first.
    db = await openTarget(options, target);
    await refuseOtherSchema(db, { migrations, tables });

    // One read transaction: every table is read from the same state of the file.
    sqlite.exec('begin');
    const totals = new Map(tables.map((t) => [t.name, countOf(sqlite!, t.name)]));
    copying = true;
    await db.transaction().execute(async (trx) => {
      await refuseNonEmpty(trx, tables);
      for (const table of tables)
        await copyTable(sqlite!, trx, table, totals.get(table.name)!, err);
      secrets = await copySecrets(trx, options.dataDir);
    });
    copying = false;
    sqlite.exec('commit');

    // Counted afresh: a hub still writing to the file shows up as a difference.
    const counts: TableCount[] = [];
    for (const table of tables)
      counts.push({
        table: table.name,
        sqlite: countOf(sqlite, table.name),
        postgres: await countIn(db, table.name),
      });
    out.write(`${countTable(counts)}\n\n`);
    const differing = counts.filter((c) => c.sqlite !== c.postgres);
    if (differing.length > 0) {
      err.write(
        `copy-to-postgres: row counts differ for ${differing.map((c) => `${c.table} (sqlite ${c.sqlite}, postgres ${c.postgres})`).join(', ')}. Did the hub run during the copy? ${STOP_FIRST} Then copy again into a new, empty database.\n`,
      );
      return 1;
    }
    out.write(
      `${secretsNote(secrets)}\n\nCopied. Start the hub with --database (or SIDECOACH_DATABASE_URL) pointing at ${target}.\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof CopyRefused) err.write(`copy-to-postgres: ${error.message}\n`);
    else {
      const e = error as Error & { detail?: string };
      const what = copying ? 'the copy failed and was rolled back, nothing was copied' : 'failed';
      err.write(`copy-to-postgres: ${what}: ${e.message}${e.detail ? ` (${e.detail})` : ''}\n`);
    }
    return 1;
  } finally {
    if (sqlite?.inTransaction) sqlite.exec('rollback');
    sqlite?.close();
    await db?.destroy();
  }
}
