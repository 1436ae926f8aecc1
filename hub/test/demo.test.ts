// The demo on a database that already has it: someone who ran `npm start` before the Taipei and
// Rīga teams existed gets them on the next start (the start prints their accounts), and nothing
// they had is changed.
import { afterAll, describe, expect, it } from 'vitest';
import { signIn, startHub, type RunningHub } from './support/hub-process.js';
import { userIdOf, withHubDatabase } from './support/database.js';

const LATER = ['taipei-lead', 'agent5', 'riga-lead', 'agent6'];

describe('the demo, started again on an older demo database', () => {
  let hub: RunningHub | undefined;
  afterAll(async () => {
    await hub?.dispose();
  });

  it('adds the demo accounts and teams it lacks, and keeps what is there', async () => {
    hub = await startHub({ demo: true });
    const { dataDir, port } = hub;
    const ava = await userIdOf(dataDir, 'agent1');
    await hub.stop();
    // As an earlier version left it: no Taipei or Rīga teams or people.
    await withHubDatabase(dataDir, async (db) => {
      const ids = (
        await db.selectFrom('users').select('id').where('username', 'in', LATER).execute()
      ).map((u) => u.id);
      await db.deleteFrom('team_members').where('user_id', 'in', ids).execute();
      // Nor the recognition that came later (0027), which is about them.
      await db
        .deleteFrom('recognition_shoutouts')
        .where((eb) => eb.or([eb('agent_id', 'in', ids), eb('from_id', 'in', ids)]))
        .execute();
      await db.deleteFrom('recognition_badges').where('agent_id', 'in', ids).execute();
      await db.deleteFrom('users').where('id', 'in', ids).execute();
      await db.deleteFrom('teams').where('id', 'in', ['team-taipei', 'team-riga']).execute();
    });
    hub = await startHub({ demo: true, dataDir, port });
    for (const username of LATER)
      expect((await signIn(hub.url, username)).user.username).toBe(username);
    const teams = await withHubDatabase(dataDir, (db) =>
      db
        .selectFrom('teams')
        .select('name')
        .where('id', 'in', ['team-taipei', 'team-riga'])
        .execute(),
    );
    expect(teams.map((t) => t.name).sort()).toEqual(['Rīgas komanda', '台北客服組']);
    // The accounts it had are the same ones (not made again), and no one is there twice.
    expect(await userIdOf(dataDir, 'agent1')).toBe(ava);
    expect((await signIn(hub.url, 'agent1')).user.username).toBe('agent1');
    const count = await withHubDatabase(dataDir, async (db) =>
      Number(
        (
          await db
            .selectFrom('users')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    );
    expect(count).toBe(15);
  });
});
