import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HUB_ENTRY, signIn, startHub, type RunningHub } from './support/hub-process.js';
import { databaseArgs, testDialect, withHubDatabase } from './support/database.js';

const temp: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sidecoach-start-'));
  temp.push(dir);
  return dir;
};
let hub: RunningHub | undefined;
afterEach(async () => {
  await hub?.dispose();
  hub = undefined;
  temp.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
});

describe('starting the hub', () => {
  it('creates the database on first start and, without --demo, no users or default passwords', async () => {
    const dataDir = tempDir();
    hub = await startHub({ dataDir });
    if (testDialect() === 'sqlite')
      expect(readFileSync(join(dataDir, 'sidecoach.sqlite')).subarray(0, 15).toString()).toBe(
        'SQLite format 3',
      );
    // Migrated: every table is there, with nobody in it.
    const users = await withHubDatabase(dataDir, (db) =>
      db.selectFrom('users').select('id').execute(),
    );
    expect(users).toEqual([]);
    expect(hub.output.join('\n')).toMatch(
      /no users yet: create the first admin with `sidecoach-hub create-admin/,
    );
    expect(hub.output.join('\n')).not.toMatch(/sidecoach-demo/);
    await expect(signIn(hub.url, 'agent1')).rejects.toThrow(/401/);
  });

  it('creates the first admin from the command line, password on standard input', async () => {
    const dataDir = tempDir();
    const database = await databaseArgs(dataDir);
    const create = (password: string, username = 'qm') =>
      spawnSync(
        process.execPath,
        [HUB_ENTRY, 'create-admin', '--username', username, '--data-dir', dataDir, ...database],
        {
          input: `${password}\n`,
          encoding: 'utf8',
        },
      );
    const short = create('short');
    expect(short.status).toBe(1);
    expect(short.stderr).toMatch(/at least 12 characters/);
    const common = create('Qwerty123456');
    expect(common.status).toBe(1);
    expect(common.stderr).toMatch(/list of common or breached passwords/);
    expect(create('qm is the admin here').stderr).toMatch(/contains the username/);
    const made = create('a long admin passphrase');
    expect(made.status).toBe(0);
    expect(made.stdout).toMatch(/admin "qm" created/);
    expect(create('a long admin passphrase').stderr).toMatch(/already exists/);

    hub = await startHub({ dataDir });
    const session = await signIn(hub.url, 'qm', 'a long admin passphrase');
    expect(session.user.role).toBe('admin');
    expect(hub.output.join('\n')).not.toMatch(/no users yet/);
  });

  it('refuses to start on a broken standards pack, naming the file and line', () => {
    const standardsDir = tempDir();
    const packFile = join(standardsDir, 'default.yaml');
    cpSync(join(HUB_ENTRY, '../../../assets/standards/default.yaml'), packFile);
    writeFileSync(packFile, readFileSync(packFile, 'utf8').replace('weight: 2', 'weight: heavy'));
    const run = spawnSync(
      process.execPath,
      [HUB_ENTRY, '--port', '0', '--data-dir', tempDir(), '--standards-dir', standardsDir],
      {
        encoding: 'utf8',
        timeout: 20_000,
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/default\.yaml:\d+:\d+: areas\[\d\]\.items\[\d\]\.weight: /);
  });

  it('explains a bad flag and a busy port', async () => {
    const bad = spawnSync(process.execPath, [HUB_ENTRY, '--port', 'eighty'], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/--port must be a whole number/);
    hub = await startHub({ demo: true });
    const busy = spawnSync(
      process.execPath,
      [HUB_ENTRY, '--port', String(hub.port), '--data-dir', tempDir()],
      {
        encoding: 'utf8',
        timeout: 20_000,
      },
    );
    expect(busy.status).toBe(1);
    expect(busy.stderr).toMatch(/EADDRINUSE/);
  });
});
