// The scorecard builder on a real hub (SQLite or PostgreSQL by the Vitest project): only the
// quality manager edits; a wording fix is a revision of the same version, a scoring change a new
// version; stored scores keep the version they were computed with; a stale edit is refused;
// YAML export and import; once edited in the app the pack file no longer leads; and with two
// nodes, a publish on one reaches the sidebars of the other.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseStandardsPackYaml, type ScorecardInfo, type StandardsPack } from '@sidecoach/shared';
import {
  connect,
  signIn,
  startHub,
  type HubSocket,
  type RunningHub,
} from './support/hub-process.js';
import { assessedCall, data, iso, runCall } from './support/calls.js';
import { databaseFor, testDialect, withHubDatabase } from './support/database.js';

const edited = (pack: StandardsPack, change: (p: StandardsPack) => void): StandardsPack => {
  const copy = structuredClone(pack);
  change(copy);
  return copy;
};
const processItems = (p: StandardsPack) => p.areas.find((a) => a.id === 'process')!.items;

/** Resolves with the next 'scorecard:changed' the socket receives, bounded. */
const nextChange = (socket: HubSocket, timeoutMs = 10_000) =>
  new Promise<{ version: number; revision: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no scorecard:changed')), timeoutMs);
    socket.once('scorecard:changed', (p) => {
      clearTimeout(timer);
      resolve(p);
    });
  });

describe('the scorecard builder', () => {
  let hub: RunningHub;
  let quality: HubSocket;
  let agent: HubSocket;
  let lead: HubSocket;
  let info: ScorecardInfo;
  const basedOn = () => ({ version: info.pack.version, revision: info.revision });
  /** The quality manager publishes a pack over the one last read, expecting it taken. */
  const publish = async (pack: StandardsPack, note?: string) =>
    data(await quality.emitWithAck('scorecard:publish', { basedOn: basedOn(), pack, note }));

  beforeAll(async () => {
    hub = await startHub({ demo: true });
    quality = await connect(hub.url, (await signIn(hub.url, 'quality')).token);
    agent = await connect(hub.url, (await signIn(hub.url, 'agent1')).token);
    lead = await connect(hub.url, (await signIn(hub.url, 'lead')).token);
  });
  afterAll(async () => {
    for (const s of [quality, agent, lead]) s?.close();
    await hub?.dispose();
  });

  it('is for the quality manager only', async () => {
    for (const socket of [agent, lead]) {
      for (const res of [
        await socket.emitWithAck('scorecard:get', {}),
        await socket.emitWithAck('scorecard:export', {}),
        await socket.emitWithAck('scorecard:import', { yaml: 'id: x' }),
      ])
        expect(res.ok ? 'ok' : res.error.code).toBe('forbidden');
      const res = await socket.emitWithAck('scorecard:publish', {
        basedOn: { version: 1, revision: 1 },
        pack: {},
      });
      expect(res.ok ? 'ok' : res.error.code).toBe('forbidden');
    }
  });

  it('starts from the pack file: version 1, revision 1, not edited in the app', async () => {
    info = data(await quality.emitWithAck('scorecard:get', {}));
    expect(info.pack.version).toBe(1);
    expect(info.revision).toBe(1);
    expect(info.editedInApp).toBe(false);
    expect(info.history).toEqual([
      expect.objectContaining({ version: 1, revision: 1, source: 'yaml', savedBy: null }),
    ]);
  });

  it('takes a wording fix as a revision: same version, stored scores untouched', async () => {
    const assessed = await assessedCall(agent, info.pack, { 'proc-greeting': 'yes' });
    const before = await storedScore(assessed.id);
    const reworded = edited(info.pack, (p) => {
      processItems(p)[0]!.text = { ...processItems(p)[0]!.text, en: 'Greets the caller by name' };
    });
    const heard = nextChange(agent);
    const res = await publish(reworded, 'clearer greeting');
    expect(res.kind).toBe('revision');
    expect(res.info.pack.version).toBe(1);
    expect(res.info.revision).toBe(2);
    expect(res.info.editedInApp).toBe(true);
    expect(res.info.history[0]).toMatchObject({
      version: 1,
      revision: 2,
      source: 'app',
      note: 'clearer greeting',
      savedBy: expect.any(String),
    });
    expect(await heard).toEqual({ packId: info.pack.id, version: 1, revision: 2 });
    const boot = data(await agent.emitWithAck('session:bootstrap', {}));
    expect(processItems(boot.pack)[0]!.text.en).toBe('Greets the caller by name');
    expect(await storedScore(assessed.id)).toBe(before);
    info = res.info;
  });

  it('publishes nothing when nothing changed', async () => {
    const res = await publish(info.pack);
    expect(res.kind).toBe('none');
    expect(res.info.history).toHaveLength(2);
  });

  it('takes a scoring change as a new version: new calls use it, earlier ones keep theirs', async () => {
    const before = await runCall(agent, 'booking', []);
    const scoring = edited(info.pack, (p) => {
      processItems(p).push(
        {
          id: 'proc-recap-booking',
          text: { en: 'Reads the booking back', lv: 'Nolasa rezervāciju' },
          weight: 2,
          critical: true,
          criticalScope: 'section',
          scorecard: true,
        },
        {
          id: 'proc-offer-extra',
          text: { en: 'Offers a useful extra' },
          weight: 5,
          critical: false,
          bonus: true,
          scorecard: true,
        },
      );
    });
    const res = await publish(scoring, 'recap and extra');
    expect(res.kind).toBe('version');
    expect(res.info.pack.version).toBe(2);
    expect(res.info.revision).toBe(1);
    info = res.info;
    const after = await runCall(agent, 'booking', []);
    expect(after.packVersion).toBe(2);
    expect(before.packVersion).toBe(1);
    // The call made before is still assessed against version 1: the new item is unknown there.
    const res1 = await agent.emitWithAck('assessment:submit', {
      id: randomUUID(),
      callId: before.id,
      status: 'submitted',
      answers: { 'proc-recap-booking': 'yes' },
      at: iso(),
    });
    expect(res1.ok ? 'ok' : res1.error.message).toMatch(/not on the scorecard: proc-recap-booking/);
  });

  it('gives a call under way across a publish its own version in the bootstrap', async () => {
    const id = randomUUID();
    data(await agent.emitWithAck('call:start', { id, callType: 'booking', startedAt: iso() }));
    const res = await publish(edited(info.pack, (p) => (processItems(p)[0]!.weight = 4)));
    expect(res.kind).toBe('version');
    const boot = data(await agent.emitWithAck('session:bootstrap', {}));
    expect(boot.pack.version).toBe(info.pack.version + 1);
    expect(boot.openCall?.packVersion).toBe(info.pack.version);
    expect(boot.callPacks.map((p) => p.version)).toContain(info.pack.version);
    expect(boot.callPacks.map((p) => p.version)).not.toContain(boot.pack.version);
    data(await agent.emitWithAck('call:end', { callId: id, endedAt: iso() }));
    info = res.info;
  });

  it('refuses an edit started from an older version or revision', async () => {
    const res = await quality.emitWithAck('scorecard:publish', {
      basedOn: { version: 2, revision: 1 },
      pack: edited(info.pack, (p) => (p.name = { en: 'Renamed' })),
    });
    expect(res.ok ? 'ok' : res.error.code).toBe('conflict');
    expect(res.ok ? '' : res.error.message).toMatch(/version 3 revision 1 was published/);
  });

  it('refuses an invalid pack with each problem, and another pack id', async () => {
    const bad = edited(info.pack, (p) => {
      processItems(p)[0]!.bonus = true;
      processItems(p)[0]!.critical = true;
    });
    const res = await quality.emitWithAck('scorecard:publish', { basedOn: basedOn(), pack: bad });
    expect(res.ok ? 'ok' : res.error.code).toBe('bad_request');
    expect(res.ok ? [] : res.error.problems).toEqual([
      expect.stringMatching(/areas\.1\.items\.0\.critical: bonus item .* cannot be critical/),
    ]);
    const other = await quality.emitWithAck('scorecard:publish', {
      basedOn: basedOn(),
      pack: { ...info.pack, id: 'someone-else' },
    });
    expect(other.ok ? '' : other.error.message).toMatch(/cannot be published over it/);
  });

  it('exports any version as YAML and imports a file as a new version', async () => {
    const v1 = data(await quality.emitWithAck('scorecard:export', { version: 1 }));
    expect(v1.revision).toBe(2);
    const pack1 = parseStandardsPackYaml(v1.yaml);
    expect(pack1.version).toBe(1);
    expect(processItems(pack1)[0]!.text.en).toBe('Greets the caller by name');
    const missing = await quality.emitWithAck('scorecard:export', { version: 9 });
    expect(missing.ok ? 'ok' : missing.error.code).toBe('not_found');
    // Version 1's file imported on top: a new version 4 (though versions 2 and 3 scored more).
    const res = data(await quality.emitWithAck('scorecard:import', { yaml: v1.yaml }));
    expect(res.kind).toBe('version');
    expect(res.info.pack.version).toBe(4);
    expect(res.info.history[0]).toMatchObject({
      version: 4,
      note: expect.stringMatching(/imported/),
    });
    info = res.info;
    const broken = await quality.emitWithAck('scorecard:import', {
      yaml: v1.yaml.replace('version: 1', 'version: one'),
    });
    expect(broken.ok ? 'ok' : broken.error.message).toMatch(/the imported file:\d+:\d+: version/);
  });

  it('audits every publish', async () => {
    const actions = await withHubDatabase(hub.dataDir, (db) =>
      db
        .selectFrom('audit_log')
        .select(['action', 'target_id'])
        .where('target_type', '=', 'scorecard')
        .orderBy('at')
        .execute(),
    );
    expect(actions.map((a) => a.action)).toEqual([
      'scorecard.revision',
      'scorecard.version',
      'scorecard.version',
      'scorecard.version',
    ]);
  });

  it('keeps the database as the source after a restart: the pack file does not lead', async () => {
    await hub.stop();
    const again = await startHub({ dataDir: hub.dataDir, database: hub.databaseUrl ?? 'sqlite' });
    try {
      const socket = await connect(again.url, (await signIn(again.url, 'quality')).token);
      const now = data(await socket.emitWithAck('scorecard:get', {}));
      socket.close();
      expect(now.pack.version).toBe(4);
      expect(now.history).toHaveLength(info.history.length);
    } finally {
      await again.stop();
    }
  });

  async function storedScore(callId: string) {
    return withHubDatabase(hub.dataDir, async (db) => {
      const row = await db
        .selectFrom('self_assessments')
        .select('score')
        .where('call_id', '=', callId)
        .executeTakeFirstOrThrow();
      return row.score;
    });
  }
});

describe.skipIf(testDialect() !== 'postgres')('the scorecard on two hub nodes', () => {
  let a: RunningHub;
  let b: RunningHub;
  beforeAll(async () => {
    a = await startHub({ demo: true });
    b = await startHub({ database: (await databaseFor(a.dataDir))! });
  });
  afterAll(async () => {
    await b?.dispose();
    await a?.dispose();
  });

  it('reaches the sidebars on the other node, which then get the new pack', async () => {
    const quality = await connect(a.url, (await signIn(a.url, 'quality')).token);
    const agent = await connect(b.url, (await signIn(b.url, 'agent2')).token);
    try {
      const info = data(await quality.emitWithAck('scorecard:get', {}));
      const heard = nextChange(agent);
      const res = data(
        await quality.emitWithAck('scorecard:publish', {
          basedOn: { version: info.pack.version, revision: info.revision },
          pack: edited(info.pack, (p) => (processItems(p)[0]!.weight = 3)),
        }),
      );
      expect(res.kind).toBe('version');
      expect(await heard).toMatchObject({ version: info.pack.version + 1, revision: 1 });
      const boot = data(await agent.emitWithAck('session:bootstrap', {}));
      expect(boot.pack.version).toBe(info.pack.version + 1);
      const call = await runCall(agent, 'booking', []);
      expect(call.packVersion).toBe(info.pack.version + 1);
    } finally {
      quality.close();
      agent.close();
    }
  });
});
