import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  signIn,
  startHub,
  type HubSocket,
  type RunningHub,
  signedInSockets,
} from './support/hub-process.js';
import { data, iso } from './support/calls.js';

describe('coaching-language report through a real hub', () => {
  let hub: RunningHub;
  const { open, closeAll } = signedInSockets(() => hub);
  let supervisor: HubSocket;
  let agentId: string;

  beforeAll(async () => {
    hub = await startHub({ demo: true });
    supervisor = await open('supervisor');
    agentId = (await signIn(hub.url, 'agent1')).user.id;
    const note = (text: string, lang: string) =>
      supervisor.emitWithAck('observation:note', {
        id: randomUUID(),
        agentId,
        callId: null,
        offsetMs: null,
        text,
        visibility: 'private',
        lang,
        at: iso(),
      });
    data(await note('You were polite, but you should verify the identity first.', 'en'));
    data(await note('你很有礼貌，但是应该先核实身份。', 'zh-CN'));
    data(
      await supervisor.emitWithAck('coaching:note', {
        id: randomUUID(),
        agentId,
        callId: null,
        text: 'How do you feel that went? Next time, summarise before closing.',
        lang: 'en',
        at: iso(),
      }),
    );
  });
  afterAll(async () => {
    closeAll();
    await hub?.dispose();
  });

  it('counts each coach’s patterns this week, reading each note in its language', async () => {
    const lead = await open('lead');
    // The last 21 days touch this week and the three before it.
    const stats = data(await lead.emitWithAck('language:stats', { days: 21 }));
    expect(stats.weeks).toHaveLength(4);
    const [sam] = stats.coaches;
    expect(sam?.displayName).toBe('Sam Supervisor');
    expect(sam?.notes).toEqual([0, 0, 0, 3]);
    expect(sam?.counts.but?.[3]).toBe(2);
    expect(sam?.counts.command?.[3]).toBe(2);
    expect(sam?.counts['reflective-question']?.[3]).toBe(1);
    expect(sam?.counts['next-time']?.[3]).toBe(1);
    // A custom range: the weeks it touches, and only the notes inside it.
    const day = (offset: number) =>
      new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const before = data(await lead.emitWithAck('language:stats', { from: day(-60), to: day(-30) }));
    expect(before.weeks.length).toBeGreaterThanOrEqual(5);
    expect(before.coaches).toEqual([]);
    const today = data(await lead.emitWithAck('language:stats', { from: day(-1), to: day(1) }));
    expect(today.coaches[0]?.notes.reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('shows leads their teams only, and refuses agents and supervisors', async () => {
    const nightLead = await open('night-lead');
    expect(data(await nightLead.emitWithAck('language:stats', {})).coaches).toEqual([]);
    const quality = await open('quality');
    expect(data(await quality.emitWithAck('language:stats', {})).coaches).toHaveLength(1);
    for (const who of ['agent1', 'supervisor']) {
      const s = await open(who);
      expect(await s.emitWithAck('language:stats', {})).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    for (const bad of [{ days: 999 }, { weeks: 4 }, { from: '2026-10-31', to: '2026-10-01' }])
      expect(
        await quality.emitWithAck('language:stats', bad as never),
        JSON.stringify(bad),
      ).toMatchObject({
        ok: false,
        error: { code: 'bad_request' },
      });
  });

  it('stores the note language and refuses one that is not a language tag', async () => {
    const listed = data(await supervisor.emitWithAck('observation:list', { agentId })).observations;
    expect(listed.map((o) => o.lang).sort()).toEqual(['en', 'zh-CN']);
    const bad = await supervisor.emitWithAck('observation:note', {
      id: randomUUID(),
      agentId,
      callId: null,
      offsetMs: null,
      text: 'x',
      visibility: 'private',
      lang: 'not a tag!',
      at: iso(),
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });
});
