#!/usr/bin/env node
import {
  ConfigError,
  parseConfig,
  parseCopyConfig,
  parseCreateAdminConfig,
  redacted,
  USAGE,
} from './config.js';
import { createLogger } from './lib/log.js';
import { openDatabase } from './store/db.js';
import { startBackgroundCheckpoints } from './store/checkpoints.js';
import { createHub, readTls } from './server.js';
import type { Server as HttpsServer } from 'node:https';
import { openRateLimits } from './lib/rate-limits.js';
import { demoCredentialsText, seedDemo } from './demo/seed.js';
import { seedDemoHistory } from './demo/history.js';
import { seedDemoKpi } from './demo/kpi.js';
import { countUsers } from './lib/accounts.js';
import { runCreateAdmin } from './cli/create-admin.js';
import { runCopyToPostgres } from './cli/copy-to-postgres.js';

async function main(argv: string[]) {
  if (argv[0] === 'create-admin')
    return runCreateAdmin(parseCreateAdminConfig(argv.slice(1), process.env));
  if (argv[0] === 'copy-to-postgres')
    return void (process.exitCode = await runCopyToPostgres(
      parseCopyConfig(argv.slice(1), process.env),
    ));
  const config = parseConfig(argv, process.env);
  if (config.help) return void console.log(USAGE);
  const log = createLogger(config.logLevel);
  const opened = await openDatabase(config);
  const { db, file, dialect, migrated } = opened;
  log.info(
    { dialect, ...(file ? { file } : { database: redacted(config.databaseUrl ?? '') }), migrated },
    'database ready',
  );
  // WAL checkpoints are SQLite's; PostgreSQL checkpoints on its own.
  const checkpoints = file
    ? await startBackgroundCheckpoints(db, file, log)
    : { stop: () => Promise.resolve() };
  const unkeyed = await db
    .selectFrom('users')
    .select('username')
    .where('username_key', 'is', null)
    .execute();
  if (unkeyed.length > 0)
    log.warn(
      { usernames: unkeyed.map((u) => u.username) },
      'these accounts differ only by case or width from another one: each signs in only by its exact username until an admin renames it',
    );
  const seeded = config.demo && (await seedDemo(db));
  const hub = await createHub(config, opened, log, await openRateLimits(opened.pool));
  // After the hub stored the standards pack the history is assessed against.
  if (seeded && config.demoHistory) {
    await seedDemoHistory(db, config.packId);
    // The queue legs around the history's calls (read from it): after it.
    await seedDemoKpi(db);
  }
  const address = await hub.app.listen({ host: config.host, port: config.port });
  const url = address.replace('[::1]', 'localhost');
  if (config.demo) process.stdout.write(demoCredentialsText(url) + '\n');
  else if ((await countUsers(db)) === 0) {
    log.warn(
      'no users yet: create the first admin with `sidecoach-hub create-admin --username NAME` (see README)',
    );
  }
  log.info({ url, demoSeeded: seeded }, 'hub listening');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'hub stopping');
    hub
      .close()
      .then(() => checkpoints.stop())
      .then(() => db.destroy())
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        log.error({ err }, 'unclean stop');
        process.exit(1);
      });
  };
  // A renewed certificate is taken without a restart: replace the files, send SIGHUP.
  const { tls } = config;
  if (tls)
    process.on('SIGHUP', () => {
      try {
        (hub.app.server as unknown as HttpsServer).setSecureContext(readTls(tls));
        log.info({ cert: tls.certFile }, 'TLS certificate reloaded');
      } catch (err) {
        log.error({ err }, 'TLS certificate not reloaded: the one before stays in use');
      }
    });
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(
      `sidecoach-hub: ${(err as Error).message}: another program uses that port; stop it or pass --port (EADDRINUSE)`,
    );
    process.exit(1);
  }
  const message =
    err instanceof ConfigError ||
    (err instanceof Error && (err.name === 'PackLoadError' || err.name === 'SecretRefused'))
      ? err.message
      : err;
  console.error('sidecoach-hub:', message instanceof Error ? message.stack : message);
  if (err instanceof ConfigError) console.error(USAGE);
  process.exit(1);
});
