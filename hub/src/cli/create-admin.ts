import { createInterface } from 'node:readline/promises';
import { openDatabase } from '../store/db.js';
import { createUser, usernameIs } from '../lib/accounts.js';
import { checkPassword, explainProblems } from '../lib/password-policy.js';
import { recordAudit } from '../lib/audit.js';

async function readPassword(): Promise<string> {
  const rl = createInterface({
    input: process.stdin,
    output: process.stdin.isTTY ? process.stderr : undefined,
    terminal: false,
  });
  if (process.stdin.isTTY) process.stderr.write('Password for the new admin: ');
  const line = await new Promise<string>((done) =>
    rl.once('line', done).once('close', () => done('')),
  );
  rl.close();
  return line;
}

/** What `create-admin` is told (config.ts parses its flags). */
export interface CreateAdminOptions {
  username: string | undefined;
  displayName: string | undefined;
  dataDir: string;
  databaseUrl: string | null;
  /** Signs in with a password even when the hub's passwords are off (--disable-passwords). */
  breakGlass?: boolean;
}

/** `sidecoach-hub create-admin --username NAME`: the password is read from standard input. */
export async function runCreateAdmin(options: CreateAdminOptions): Promise<void> {
  const { username, displayName } = options;
  if (!username || !/^[a-z0-9._-]{2,64}$/i.test(username)) {
    throw new Error('create-admin needs --username (2-64 letters, digits, . _ -)');
  }
  const password = await readPassword();
  // The rules every chosen password meets (length, not the names, not a common password).
  const problems = checkPassword(password, { username, displayName: displayName ?? username });
  if (problems.length > 0) throw new Error(explainProblems(problems));
  const { db } = await openDatabase(options);
  try {
    const exists = await db
      .selectFrom('users')
      .select('id')
      .where(usernameIs(username))
      .executeTakeFirst();
    if (exists) throw new Error(`user "${username}" already exists`);
    const id = await createUser(db, {
      username,
      displayName: displayName ?? username,
      role: 'admin',
      password,
    });
    if (options.breakGlass)
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ break_glass: 1 }).where('id', '=', id).execute();
        await recordAudit(trx, {
          actorId: null,
          action: 'user.break-glass',
          targetType: 'user',
          targetId: id,
          after: { username, breakGlass: true },
        });
      });
    console.log(`admin "${username}" created${options.breakGlass ? ' (break-glass)' : ''}`);
  } finally {
    await db.destroy();
  }
}
