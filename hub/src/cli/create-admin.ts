import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { resolve } from 'node:path';
import { openDatabase } from '../store/db.js';
import { createUser } from '../lib/accounts.js';

const MIN_PASSWORD = 12;

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

/** `sidecoach-hub create-admin --username NAME`: the password is read from standard input. */
export async function runCreateAdmin(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      username: { type: 'string' },
      'display-name': { type: 'string' },
      'data-dir': { type: 'string' },
    },
  });
  if (!values.username || !/^[a-z0-9._-]{2,64}$/i.test(values.username)) {
    throw new Error('create-admin needs --username (2-64 letters, digits, . _ -)');
  }
  const password = await readPassword();
  if (password.length < MIN_PASSWORD)
    throw new Error(`the password needs at least ${MIN_PASSWORD} characters`);
  const { db } = await openDatabase(
    resolve(values['data-dir'] ?? process.env.SIDECOACH_DATA_DIR ?? 'data'),
  );
  try {
    const exists = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', values.username)
      .executeTakeFirst();
    if (exists) throw new Error(`user "${values.username}" already exists`);
    await createUser(db, {
      username: values.username,
      displayName: values['display-name'] ?? values.username,
      role: 'admin',
      password,
    });
    console.log(`admin "${values.username}" created`);
  } finally {
    await db.destroy();
  }
}
