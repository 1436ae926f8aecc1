// Recognition against a real hub (both databases): badges awarded once from the records (by the
// sweep, after changes, never twice: a second sweep, a replayed CTI event, a re-released
// evaluation), only for complete weeks and months, told through the inbox; shout-outs checked by
// the constructive-language coach and authorized; the team wall, its leaderboard setting, and
// the lead's monthly summary.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badgeMonthOf,
  badgeWeekOf,
  scorecardItemsFor,
  shoutoutProblems,
  type AckResponse,
  type Badge,
  type CallRecord,
  type ShoutoutSave,
  type StandardsPack,
} from '@sidecoach/shared';
import { freePort } from '../../scripts/local-servers.mjs';
import { signRequest } from '../src/lib/signature.js';
import { data, iso, runCall } from './support/calls.js';
import { releaseDatabase, userIdOf, withHubDatabase } from './support/database.js';
import {
  connect,
  signIn,
  startHub,
  type HubSocket,
  type RunningHub,
} from './support/hub-process.js';
import { InboxClient } from './support/inbox-client.js';
import { ctiSecretOf, submitSurvey, surveyHubArgs } from './support/surveys.js';

const DAY_MS = 86_400_000;
const IDENTITY = 'proc-verify-identity';
const BEHAVIOUR =
  'You confirmed the customer’s identity before you changed the booking, exactly as the standard asks.';

const code = (res: AckResponse<unknown>) => (res.ok ? 'ok' : res.error.code);
const badgesOf = (client: InboxClient) =>
  client
    .of('recognition')
    .flatMap((m) => (m.recognition.type === 'badge' ? [m.recognition.badge] : []));
const shoutoutsOf = (client: InboxClient) =>
  client
    .of('recognition')
    .flatMap((m) => (m.recognition.type === 'shoutout' ? [m.recognition.shoutout] : []));

describe('recognition', () => {
  let dir: string;
  let port: number;
  let hub: RunningHub;
  let args: string[];
  let pack: StandardsPack;
  let zone: string;
  const ids: Record<string, string> = {};
  const sockets: Record<string, HubSocket> = {};
  const clients: InboxClient[] = [];

  /** A plain signed-in socket per user (opened once; reopened after a restart). */
  const as = async (username: string) => {
    const open = sockets[username];
    if (open?.connected) return open;
    const socket = await connect(hub.url, (await signIn(hub.url, username)).token);
    sockets[username] = socket;
    return socket;
  };
  const inbox = async (username: string, lastSeq?: number) => {
    const client = await InboxClient.open(hub.url, username, lastSeq);
    clients.push(client);
    return client;
  };
  const start = async () => {
    hub = await startHub({ demo: true, dataDir: dir, port, extraArgs: args });
  };
  /** A graceful stop and a start on the same data and port: the sweep runs again at start. */
  const restart = async () => {
    for (const s of Object.values(sockets)) s.close();
    await hub.stop();
    await start();
    await Promise.all(clients.filter((c) => c.socket.active).map((c) => c.connected()));
  };

  /** A signed CTI event with the PBX's own id (sent again as is: a replay). */
  const ctiEvent = (extension: string, kind: 'ringing' | 'answered' | 'ended', pbxId: string) =>
    JSON.stringify({
      extension,
      eventId: `${pbxId}-${kind}`,
      event: { kind, callId: pbxId, direction: 'inbound', remoteParty: null, at: iso() },
    });
  const postCti = async (body: string) => {
    const at = Math.floor(Date.now() / 1000);
    const res = await fetch(`${hub.url}/api/cti/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-sidecoach-timestamp': String(at),
        'x-sidecoach-signature': signRequest(await ctiSecretOf(hub), at, body),
      },
      body,
    });
    return { status: res.status, body: (await res.json()) as { duplicate?: boolean } };
  };

  const assess = async (socket: HubSocket, call: CallRecord) =>
    data(
      await socket.emitWithAck('assessment:submit', {
        id: randomUUID(),
        callId: call.id,
        status: 'submitted',
        answers: Object.fromEntries(
          scorecardItemsFor(pack, call.callType).map((i) => [i.id, 'yes' as const]),
        ),
        at: iso(),
      }),
    );

  const shoutout = (over: Partial<ShoutoutSave> & Pick<ShoutoutSave, 'agentId'>): ShoutoutSave => ({
    id: randomUUID(),
    itemId: IDENTITY,
    behaviour: BEHAVIOUR,
    lang: 'en',
    visibility: 'team',
    ...over,
  });

  /** The week before the one under way, in the demo team's calendar. */
  const lastWeek = () => {
    const thisWeek = badgeWeekOf(new Date().toISOString(), zone);
    return badgeWeekOf(new Date(Date.parse(thisWeek.start) - DAY_MS).toISOString(), zone);
  };
  const lastMonth = () => {
    const thisMonth = badgeMonthOf(new Date().toISOString(), zone);
    return badgeMonthOf(new Date(Date.parse(thisMonth.start) - DAY_MS).toISOString(), zone);
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sidecoach-recognition-'));
    port = await freePort();
    // Surveys on (a sales call's survey is a link the agent shows): the streak's answers.
    args = surveyHubArgs(dir, {});
    await start();
    for (const u of ['agent1', 'agent2', 'agent3', 'agent4', 'lead', 'supervisor', 'night-lead'])
      ids[u] = await userIdOf(dir, u);
    pack = data(await (await as('agent2')).emitWithAck('session:bootstrap', {})).pack;
    zone = await withHubDatabase(dir, async (db) => {
      const team = await db
        .selectFrom('teams')
        .select('time_zone')
        .where('id', '=', 'team-demo')
        .executeTakeFirstOrThrow();
      return team.time_zone;
    });
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    for (const s of Object.values(sockets)) s.close();
    await hub?.dispose();
    await releaseDatabase(dir);
    await rm(dir, { recursive: true, force: true });
  });

  let ben: InboxClient;
  const benCalls: CallRecord[] = [];
  let replay: string;
  let weekBadges: Badge[] = [];

  it("awards a closed week's badges once: by the sweep, never again for a second sweep, a replayed CTI event or a later change", async () => {
    ben = await inbox('agent2');
    const socket = ben.socket;
    // Four calls from the sidebar and one the PBX ends: each with the identity check ticked,
    // each self-assessed.
    for (let i = 0; i < 4; i++) benCalls.push(await runCall(socket, 'booking', [IDENTITY]));
    const pbxId = `pbx-${randomUUID()}`;
    expect((await postCti(ctiEvent('1002', 'ringing', pbxId))).status).toBe(202);
    const viaPbx = data(
      await socket.emitWithAck('call:start', {
        id: randomUUID(),
        callType: 'booking',
        startedAt: iso(-60_000),
        source: 'cti',
        externalId: pbxId,
      }),
    );
    data(
      await socket.emitWithAck('call:tick', {
        callId: viaPbx.id,
        itemId: IDENTITY,
        checked: true,
        at: iso(),
      }),
    );
    replay = ctiEvent('1002', 'ended', pbxId);
    expect((await postCti(replay)).status).toBe(202);
    const ended = data(await socket.emitWithAck('call:get', { callId: viaPbx.id }));
    expect(ended.endedAt).not.toBeNull();
    benCalls.push(ended);
    for (const call of benCalls) await assess(socket, call);

    // The week is under way: the changes awarded nothing.
    const sentinel = async () =>
      data(
        await (
          await as('lead')
        ).emitWithAck('recognition:shoutout', shoutout({ agentId: ids.agent2! })),
      );
    await ben.afterSentinel(sentinel);
    expect(badgesOf(ben)).toEqual([]);
    // The same calls a week earlier (written while the hub is stopped): last week is over.
    for (const s of Object.values(sockets)) s.close();
    await hub.stop();
    const week = lastWeek();
    await withHubDatabase(dir, async (db) => {
      for (const [i, call] of benCalls.entries()) {
        const startedAt = Date.parse(week.start) + 2.5 * DAY_MS + i * 600_000;
        await db
          .updateTable('calls')
          .set({
            started_at: new Date(startedAt).toISOString(),
            ended_at: new Date(startedAt + 90_000).toISOString(),
          })
          .where('id', '=', call.id)
          .execute();
      }
    });
    // The sweep at start awards the closed week.
    await start();
    await ben.connected();
    await ben.until('the week’s two badges', () => badgesOf(ben).length >= 2, 30_000);
    const logged = await hub.untilOutput('the sweep’s awards', (line) =>
      line.includes('badges awarded for closed weeks and months'),
    );
    expect(JSON.parse(logged)).toMatchObject({ badges: 2 });
    weekBadges = badgesOf(ben);
    expect(weekBadges.map((b) => [b.kind, b.itemId, b.period, b.count]).sort()).toEqual([
      ['reflective-week', null, week.from, 5],
      ['standard-week', IDENTITY, week.from, 5],
    ]);
    expect(weekBadges.every((b) => b.agentId === ids.agent2 && b.teamId === 'team-demo')).toBe(
      true,
    );

    // A second sweep (another start), the PBX sending its hang-up again, a later call ended.
    await restart();
    const again = await postCti(replay);
    expect(again).toMatchObject({ status: 200, body: { duplicate: true } });
    await runCall(ben.socket, 'booking', [IDENTITY]);
    await ben.afterSentinel(sentinel);
    expect(badgesOf(ben).map((b) => b.id)).toEqual(weekBadges.map((b) => b.id));
    const stored = await withHubDatabase(dir, (db) =>
      db
        .selectFrom('recognition_badges')
        .select(['kind', 'item_id'])
        .where('agent_id', '=', ids.agent2!)
        .where('period', '=', week.from)
        .execute(),
    );
    expect(stored).toHaveLength(2);
    const mine = data(await ben.socket.emitWithAck('recognition:mine', {}));
    expect(mine.badges.map((b) => b.id)).toEqual(
      expect.arrayContaining(weekBadges.map((b) => b.id)),
    );
  }, 240_000);

  it('delivers a badge once per connection, and again on reconnecting only to a client that says it has not got it', async () => {
    const seqs = ben
      .of('recognition')
      .filter((m) => m.recognition.type === 'badge')
      .map((m) => m.seq);
    expect(seqs).toHaveLength(2);
    const lead = await as('lead');
    const sentinel = () =>
      lead.emitWithAck('recognition:shoutout', shoutout({ agentId: ids.agent2! })).then(data);
    // A client that has everything up to the last badge gets neither again.
    const upToDate = await inbox('agent2', Math.max(...seqs));
    await upToDate.afterSentinel(sentinel);
    expect(badgesOf(upToDate)).toEqual([]);
    upToDate.close();
    // One that had only what came before the first gets both, once each, in order.
    const behind = await inbox('agent2', Math.min(...seqs) - 1);
    await behind.afterSentinel(sentinel);
    expect(badgesOf(behind).map((b) => b.id)).toEqual(weekBadges.map((b) => b.id));
    behind.close();
  });

  it('awards nothing for a week not yet over, and a closed week as soon as a late change completes it', async () => {
    const chen = await inbox('agent3');
    const calls: CallRecord[] = [];
    for (let i = 0; i < 6; i++) calls.push(await runCall(chen.socket, 'booking', [IDENTITY]));
    for (const call of calls.slice(1)) await assess(chen.socket, call);
    const sentinel = async () =>
      data(
        await (
          await as('lead')
        ).emitWithAck('recognition:shoutout', shoutout({ agentId: ids.agent3! })),
      );
    await chen.afterSentinel(sentinel);
    expect(badgesOf(chen)).toEqual([]);
    // The same calls last week (the hub running): nothing changed since, nothing is awarded.
    const week = lastWeek();
    await withHubDatabase(dir, async (db) => {
      for (const [i, call] of calls.entries()) {
        const startedAt = Date.parse(week.start) + 3 * DAY_MS + i * 600_000;
        await db
          .updateTable('calls')
          .set({
            started_at: new Date(startedAt).toISOString(),
            ended_at: new Date(startedAt + 90_000).toISOString(),
          })
          .where('id', '=', call.id)
          .execute();
      }
    });
    await chen.afterSentinel(sentinel);
    expect(badgesOf(chen)).toEqual([]);
    // Chen self-assesses the first call late: the week now has every call assessed.
    await assess(chen.socket, { ...calls[0]!, callType: 'booking' });
    await chen.until('the closed week’s badges', () => badgesOf(chen).length >= 2);
    await chen.afterSentinel(sentinel);
    expect(
      badgesOf(chen)
        .map((b) => [b.kind, b.period, b.count])
        .sort(),
    ).toEqual([
      ['reflective-week', week.from, 6],
      ['standard-week', week.from, 6],
    ]);
    chen.close();
  });

  it(
    'awards a closed month with three released evaluations and no critical fail once; releasing again awards nothing',
    { timeout: 180_000 },
    async () => {
      const quality = await as('quality');
      const evaluations: string[] = [];
      for (const call of benCalls.slice(0, 3)) {
        data(await quality.emitWithAck('qa:open', { callId: call.id }));
        const saved = data(
          await quality.emitWithAck('qa:save', {
            id: randomUUID(),
            callId: call.id,
            assignmentId: null,
            answers: Object.fromEntries(
              scorecardItemsFor(pack, 'booking').map((i) => [i.id, 'yes' as const]),
            ),
            comments: {},
            tips: '',
            lang: 'en',
            submit: true,
          }),
        );
        data(await quality.emitWithAck('qa:release', { evaluationId: saved.id }));
        evaluations.push(saved.id);
      }
      // Released last month (the API releases now): the month is over.
      const month = lastMonth();
      await withHubDatabase(dir, (db) =>
        db
          .updateTable('qa_evaluations')
          .set({ released_at: new Date(Date.parse(month.start) + 3 * DAY_MS).toISOString() })
          .where('id', 'in', evaluations)
          .execute(),
      );
      // The sweep awards it (at start: as when the month closes).
      await restart();
      await ben.until('the month’s badge', () =>
        badgesOf(ben).some((b) => b.kind === 'no-critical-month'),
      );
      const [monthBadge, ...more] = badgesOf(ben).filter((b) => b.kind === 'no-critical-month');
      expect(more).toEqual([]);
      expect(monthBadge).toMatchObject({ period: month.from, count: 3, itemId: null });
      // Released again (changes nothing), then another change and another sweep.
      expect(
        data(
          await (await as('quality')).emitWithAck('qa:release', { evaluationId: evaluations[0]! }),
        ),
      ).toMatchObject({
        status: 'released',
      });
      await runCall(ben.socket, 'booking', []);
      await restart();
      const lead = await as('lead');
      await ben.afterSentinel(async () =>
        data(await lead.emitWithAck('recognition:shoutout', shoutout({ agentId: ids.agent2! }))),
      );
      expect(badgesOf(ben).filter((b) => b.kind === 'no-critical-month')).toHaveLength(1);
    },
  );

  it('awards ten satisfied customers in a row once, as the tenth answer arrives, keyed by its first answer however long ago', async () => {
    const dev = await inbox('agent4');
    /** A sales call (surveyed by a link the agent shows) and the customer's answer. */
    const answered = async (csat: number) => {
      const call = await runCall(dev.socket, 'sales', []);
      await dev.until(`the survey link of ${call.id}`, () =>
        dev.of('survey-status').some((m) => m.survey.callId === call.id && m.survey.link),
      );
      const link = dev.of('survey-status').find((m) => m.survey.callId === call.id)!.survey.link!;
      const res = await submitSurvey(link, { csat: String(csat), resolved: 'yes', effort: '1' });
      expect(res.status).toBe(303);
      return call;
    };
    const first = await answered(4);
    for (let i = 0; i < 8; i++) await answered(5);
    expect(badgesOf(dev)).toEqual([]);
    await answered(5);
    await dev.until('the streak’s badge', () => badgesOf(dev).length > 0);
    // More in a row extend the same streak; a 2 breaks it.
    await answered(5);
    await answered(2);
    const nightLead = await as('night-lead');
    await dev.afterSentinel(async () =>
      data(await nightLead.emitWithAck('recognition:shoutout', shoutout({ agentId: ids.agent4! }))),
    );
    const badges = badgesOf(dev);
    expect(badges.map((b) => [b.kind, b.count])).toEqual([['csat-streak', 10]]);
    const key = await withHubDatabase(dir, (db) =>
      db
        .selectFrom('recognition_badges')
        .select('period_key')
        .where('id', '=', badges[0]!.id)
        .executeTakeFirstOrThrow(),
    );
    expect(key.period_key).toBe(first.id);

    // A streak that began long ago is still read from its first answer: five answers, all
    // moved a hundred days back (the 2 before them too), then five more today.
    const older = await answered(5);
    for (let i = 0; i < 4; i++) await answered(5);
    await withHubDatabase(dir, async (db) => {
      const rows = await db
        .selectFrom('survey_responses')
        .select(['call_id', 'submitted_at'])
        .where('agent_id', '=', ids.agent4!)
        .execute();
      for (const r of rows)
        await db
          .updateTable('survey_responses')
          .set({ submitted_at: new Date(Date.parse(r.submitted_at) - 100 * DAY_MS).toISOString() })
          .where('call_id', '=', r.call_id)
          .execute();
    });
    for (let i = 0; i < 5; i++) await answered(5);
    await dev.until('the second streak’s badge', () => badgesOf(dev).length > 1);
    await dev.afterSentinel(async () =>
      data(await nightLead.emitWithAck('recognition:shoutout', shoutout({ agentId: ids.agent4! }))),
    );
    const second = badgesOf(dev).slice(1);
    expect(second.map((b) => [b.kind, b.count])).toEqual([['csat-streak', 10]]);
    const secondKey = await withHubDatabase(dir, (db) =>
      db
        .selectFrom('recognition_badges')
        .select('period_key')
        .where('id', '=', second[0]!.id)
        .executeTakeFirstOrThrow(),
    );
    expect(secondKey.period_key).toBe(older.id);
    dev.close();
  });

  it('refuses a shout-out that names no behaviour, with the problems, and takes one that does once', async () => {
    const lead = await as('lead');
    // Too short for the schema (at least a sentence), and stock praise with room for more.
    expect(
      code(
        await lead.emitWithAck(
          'recognition:shoutout',
          shoutout({ agentId: ids.agent2!, behaviour: 'Good job!' }),
        ),
      ),
    ).toBe('bad_request');
    const generic = await lead.emitWithAck(
      'recognition:shoutout',
      shoutout({ agentId: ids.agent2!, behaviour: 'Good job! Great call!' }),
    );
    expect(generic).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    if (generic.ok) return;
    expect(generic.error.message).toContain('generic-praise');
    expect(generic.error.problems?.[0]).toContain('names no behaviour');
    const harmful = await lead.emitWithAck(
      'recognition:shoutout',
      shoutout({
        agentId: ids.agent2!,
        behaviour: 'You were polite with the customer, but you forgot the disclosure.',
      }),
    );
    expect(harmful.ok ? null : harmful.error.message).toContain('harmful');
    expect(
      code(
        await lead.emitWithAck(
          'recognition:shoutout',
          shoutout({ agentId: ids.agent2!, itemId: 'proc-made-up' }),
        ),
      ),
    ).toBe('bad_request');
    const chenCall = (
      await withHubDatabase(dir, (db) =>
        db
          .selectFrom('calls')
          .select('id')
          .where('agent_id', '=', ids.agent3!)
          .executeTakeFirstOrThrow(),
      )
    ).id;
    expect(
      code(
        await lead.emitWithAck(
          'recognition:shoutout',
          shoutout({ agentId: ids.agent2!, callId: chenCall }),
        ),
      ),
    ).toBe('bad_request');

    const given = shoutout({ agentId: ids.agent2!, callId: benCalls[0]!.id });
    const before = shoutoutsOf(ben).length;
    const stored = data(await lead.emitWithAck('recognition:shoutout', given));
    expect(stored).toMatchObject({
      id: given.id,
      agentId: ids.agent2,
      agentName: 'Ben Agent',
      fromId: ids.lead,
      fromName: 'Lina Lead',
      fromRole: 'lead',
      teamId: 'team-demo',
      itemId: IDENTITY,
      behaviour: BEHAVIOUR,
      callId: benCalls[0]!.id,
      visibility: 'team',
    });
    // A retry gives the same shout-out and tells the agent nothing more.
    expect(data(await lead.emitWithAck('recognition:shoutout', given))).toEqual(stored);
    const supervisor = await as('supervisor');
    expect(code(await supervisor.emitWithAck('recognition:shoutout', given))).toBe('conflict');
    await ben.afterSentinel(async () =>
      data(await lead.emitWithAck('recognition:shoutout', shoutout({ agentId: ids.agent2! }))),
    );
    const told = shoutoutsOf(ben).filter((s) => s.id === given.id);
    expect(told).toEqual([stored]);
    expect(shoutoutsOf(ben).length).toBe(before + 2);
    const audit = await withHubDatabase(dir, (db) =>
      db
        .selectFrom('audit_log')
        .select(['action', 'actor_id', 'target_type'])
        .where('target_id', '=', given.id)
        .execute(),
    );
    expect(audit).toEqual([
      { action: 'shoutout.give', actor_id: ids.lead, target_type: 'recognition' },
    ]);
  });

  it('lets a teammate give one, and no one from another team, no quality manager, no caller, never oneself', async () => {
    const chen = await as('agent3');
    const peer = data(
      await chen.emitWithAck(
        'recognition:shoutout',
        shoutout({
          agentId: ids.agent2!,
          itemId: 'beh-tone',
          behaviour:
            'You kept a calm, warm tone while the booking system was slow and told the customer what you were doing.',
          visibility: 'private',
        }),
      ),
    );
    expect(peer).toMatchObject({ fromRole: 'peer', visibility: 'private' });
    const toBen = shoutout({ agentId: ids.agent2! });
    for (const who of ['agent4', 'night-lead', 'night-supervisor', 'quality', 'agent2'])
      expect(code(await (await as(who)).emitWithAck('recognition:shoutout', toBen)), who).toBe(
        'forbidden',
      );
    expect(code(await (await as('caller')).emitWithAck('recognition:shoutout', toBen))).toBe(
      'forbidden',
    );
    expect(
      code(
        await (
          await as('lead')
        ).emitWithAck('recognition:shoutout', shoutout({ agentId: ids.supervisor! })),
      ),
    ).toBe('not_found');
    // The wall: the private one for its agent, its giver and the team's coaches only.
    const seen = async (who: string) => {
      const wall = data(
        await (await as(who)).emitWithAck('recognition:wall', { teamId: 'team-demo', limit: 100 }),
      );
      return wall.entries.some((e) => e.kind === 'shoutout' && e.shoutout.id === peer.id);
    };
    expect(await seen('agent2')).toBe(true);
    expect(await seen('agent3')).toBe(true);
    expect(await seen('lead')).toBe(true);
    expect(await seen('supervisor')).toBe(true);
    expect(await seen('agent1')).toBe(false);
    expect(await seen('quality')).toBe(false);
  });

  it('shows the wall to the team and quality managers, with its agents, newest first, page by page', async () => {
    for (const who of ['agent4', 'night-lead', 'caller'])
      expect(
        code(
          await (await as(who)).emitWithAck('recognition:wall', { teamId: 'team-demo', limit: 10 }),
        ),
        who,
      ).toBe('forbidden');
    expect(
      code(await (await as('lead')).emitWithAck('recognition:wall', { teamId: 'nope', limit: 10 })),
    ).toBe('not_found');
    const ava = await as('agent1');
    const wall = data(
      await ava.emitWithAck('recognition:wall', { teamId: 'team-demo', limit: 100 }),
    );
    expect(wall.teamName).toBe('Demo team');
    expect(wall.members.map((m) => m.agentName)).toEqual(['Ava Agent', 'Ben Agent', 'Chen Agent']);
    expect(wall.leaderboard).toBeNull();
    const times = wall.entries.map((e) => (e.kind === 'badge' ? e.badge.awardedAt : e.shoutout.at));
    expect(times).toEqual([...times].sort().reverse());
    expect(wall.entries.filter((e) => e.kind === 'badge').map((e) => e.badge.id)).toEqual(
      expect.arrayContaining(weekBadges.map((b) => b.id)),
    );
    // The demo's shout-outs (and everyone's since) say what the agent did.
    for (const e of wall.entries)
      if (e.kind === 'shoutout')
        expect(
          shoutoutProblems(e.shoutout.behaviour, e.shoutout.lang),
          e.shoutout.behaviour,
        ).toEqual([]);
    const first = data(
      await ava.emitWithAck('recognition:wall', { teamId: 'team-demo', limit: 2 }),
    );
    const last = first.entries.at(-1)!;
    const next = data(
      await ava.emitWithAck('recognition:wall', {
        teamId: 'team-demo',
        limit: 2,
        before: last.kind === 'badge' ? last.badge.awardedAt : last.shoutout.at,
      }),
    );
    const key = (e: (typeof wall.entries)[number]) =>
      e.kind === 'badge' ? e.badge.id : e.shoutout.id;
    expect([...first.entries, ...next.entries].map(key)).toEqual(wall.entries.slice(0, 4).map(key));
  });

  it('shows the leaderboard only when the team has it on, and never to a team coaching on behaviours', async () => {
    await withHubDatabase(dir, (db) =>
      db
        .insertInto('kpi_settings')
        .values({
          team_id: 'team-demo',
          fcr_days: 7,
          short_abandon_seconds: 5,
          service_level_seconds: 20,
          targets: '{}',
          leaderboard: 1,
          updated_at: iso(),
          updated_by: null,
        })
        .execute(),
    );
    const ben = await as('agent2');
    const wall = () =>
      ben.emitWithAck('recognition:wall', { teamId: 'team-demo', limit: 5 }).then(data);
    const board = (await wall()).leaderboard;
    expect(board).not.toBeNull();
    const row = board!.find((r) => r.agentId === ids.agent2)!;
    // This month's badges (the sweep's) and team shout-outs; Ben's private one is not counted.
    expect(row.badges).toBeGreaterThanOrEqual(3);
    expect(row.shoutouts).toBeGreaterThanOrEqual(1);
    expect(board!.map((r) => r.badges + r.shoutouts)).toEqual(
      board!.map((r) => r.badges + r.shoutouts).sort((a, b) => b - a),
    );
    const lead = await as('lead');
    data(await lead.emitWithAck('team:settings', { teamId: 'team-demo', behavioursOnly: true }));
    try {
      expect((await wall()).leaderboard).toBeNull();
    } finally {
      data(await lead.emitWithAck('team:settings', { teamId: 'team-demo', behavioursOnly: false }));
    }
    expect((await wall()).leaderboard).not.toBeNull();
  });

  it("gives the team's leads and quality managers the month's summary", async () => {
    const month = (iso: string) => badgeMonthOf(iso, zone).from.slice(0, 7);
    const lead = await as('lead');
    for (const who of ['supervisor', 'agent2', 'night-lead'])
      expect(
        code(
          await (
            await as(who)
          ).emitWithAck('recognition:summary', {
            teamId: 'team-demo',
            month: month(iso()),
          }),
        ),
        who,
      ).toBe('forbidden');
    expect(
      code(
        await lead.emitWithAck('recognition:summary', { teamId: 'team-demo', month: '2025-13' }),
      ),
    ).toBe('bad_request');
    const now = data(
      await (
        await as('quality')
      ).emitWithAck('recognition:summary', {
        teamId: 'team-demo',
        month: month(iso()),
      }),
    );
    const benNow = now.agents.find((a) => a.agentId === ids.agent2)!;
    // The lead's shout-outs and Chen's private one this month; Chen gave one.
    expect(benNow.shoutoutsReceived).toBeGreaterThanOrEqual(2);
    expect(benNow.standards).toContain(IDENTITY);
    expect(now.agents.find((a) => a.agentId === ids.agent3)!.shoutoutsGiven).toBeGreaterThanOrEqual(
      1,
    );
    expect(now.badgesByKind.map((k) => k.kind)).toEqual([
      'standard-week',
      'no-critical-month',
      'csat-streak',
      'reflective-week',
    ]);
    // The closed week's badges are in the summary of its month.
    const ofWeek = data(
      await lead.emitWithAck('recognition:summary', {
        teamId: 'team-demo',
        month: lastWeek().from.slice(0, 7),
      }),
    );
    const benThen = ofWeek.agents.find((a) => a.agentId === ids.agent2)!;
    expect(benThen.badges).toBeGreaterThanOrEqual(2);
    expect(
      ofWeek.badgesByKind.find((k) => k.kind === 'standard-week')!.count,
    ).toBeGreaterThanOrEqual(1);
    // A month nobody was recognised in lists every agent as unrecognised.
    const empty = data(
      await lead.emitWithAck('recognition:summary', { teamId: 'team-demo', month: '2020-01' }),
    );
    expect(empty.agents.every((a) => a.badges === 0 && a.shoutoutsReceived === 0)).toBe(true);
    expect(empty.unrecognised.map((a) => a.agentName)).toEqual([
      'Ava Agent',
      'Ben Agent',
      'Chen Agent',
    ]);
  });
});
