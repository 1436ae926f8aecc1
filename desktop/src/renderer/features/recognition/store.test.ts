// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Client from '../../hub/client.js';
import type {
  Badge,
  RecognitionMessage,
  RecognitionWall,
  Shoutout,
  UserProfile,
} from '@sidecoach/shared';

// The recognition store against a fake of the one hub client: what it asks, what it keeps of
// the answers and refusals, the inbox's badges and shout-outs (replays included), the wall's
// pages, answers arriving out of order, and what arrived before the store had loaded.

type Reply = { ok: true; data: unknown } | { ok: false; code: string; message: string };
const asked: Array<{ event: string; payload: unknown }> = [];
let reply: (event: string, payload: unknown) => Reply | Promise<Reply>;
vi.mock('../../hub/client.js', async (original) => ({
  ...(await original<typeof Client>()),
  ask: vi.fn(async (event: string, payload: unknown) => {
    asked.push({ event, payload });
    const r = await reply(event, payload);
    return r.ok
      ? r
      : { ...r, error: { key: 'errors.bad_request', values: { message: r.message } } };
  }),
}));

const { useRecognitionView } = await import('./view.js');
const { recognitionFeature, recognitionInbox } = await import('./feature.js');
const { useSession } = await import('../../hub/session-store.js');

const badge = (patch: Partial<Badge> = {}): Badge => ({
  id: 'b1',
  agentId: 'u-ava',
  agentName: 'Ava Agent',
  teamId: 'team-demo',
  kind: 'standard-week',
  itemId: 'proc-verify-identity',
  period: '2026-03-02',
  count: 7,
  awardedAt: '2026-03-09T06:00:00.000Z',
  ...patch,
});
const shoutout = (patch: Partial<Shoutout> = {}): Shoutout => ({
  id: 's1',
  agentId: 'u-ava',
  agentName: 'Ava Agent',
  fromId: 'u-lina',
  fromName: 'Lina Lead',
  fromRole: 'lead',
  teamId: 'team-demo',
  itemId: 'proc-summarise',
  behaviour: 'You summarised the next steps before closing the call.',
  lang: 'en',
  callId: null,
  visibility: 'team',
  at: '2026-03-10T10:00:00.000Z',
  ...patch,
});
const wall = (patch: Partial<RecognitionWall> = {}): RecognitionWall => ({
  teamId: 'team-demo',
  teamName: 'Demo team',
  members: [
    { agentId: 'u-ava', agentName: 'Ava Agent' },
    { agentId: 'u-ben', agentName: 'Ben Agent' },
  ],
  entries: [],
  leaderboard: null,
  ...patch,
});
const agent: UserProfile = {
  id: 'u-ava',
  username: 'agent1',
  displayName: 'Ava Agent',
  role: 'agent',
  teams: [{ id: 'team-demo', name: 'Demo team' }],
  behavioursOnly: false,
  lang: null,
  permissions: [],
};
const signIn = (user: UserProfile) =>
  useSession.setState({
    phase: 'ready',
    session: { token: 't', hubUrl: 'http://127.0.0.1:4780', user },
  });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const inbox = (recognition: RecognitionMessage, seq = 1) =>
  recognitionInbox.recognition({ seq, kind: 'recognition', recognition });

const store = await import('./store.js');
const { useRecognition } = store;

beforeEach(() => {
  asked.length = 0;
  reply = () => ({ ok: true, data: {} });
  signIn(agent);
  recognitionFeature.reset();
});

describe('the agent’s recognition', () => {
  it('loads the agent’s own, newest first, and keeps what arrived while it asked', async () => {
    let answer!: (r: Reply) => void;
    reply = () => new Promise<Reply>((resolve) => (answer = resolve));
    const loading = store.loadMine();
    expect(useRecognition.getState().mine.status).toBe('loading');
    // A badge comes through the inbox before the hub's answer, which does not have it yet.
    inbox({ type: 'badge', badge: badge({ id: 'b2', awardedAt: '2026-03-16T06:00:00.000Z' }) });
    answer({
      ok: true,
      data: {
        badges: [badge()],
        shoutouts: [shoutout(), shoutout({ id: 's0', at: '2026-03-01T09:00:00.000Z' })],
      },
    });
    await loading;
    const { mine } = useRecognition.getState();
    expect(asked).toEqual([{ event: 'recognition:mine', payload: {} }]);
    expect(mine.status).toBe('loaded');
    expect(mine.badges.map((b) => b.id)).toEqual(['b2', 'b1']);
    expect(mine.shoutouts.map((s) => s.id)).toEqual(['s1', 's0']);
  });

  it('asks nothing for a coach (their recognition is the wall)', async () => {
    signIn({ ...agent, id: 'u-lina', role: 'lead' });
    await store.loadMine();
    expect(asked).toEqual([]);
    expect(useRecognition.getState().mine.status).toBe('idle');
  });

  it('says why when the hub refuses', async () => {
    reply = () => ({ ok: false, code: 'forbidden', message: 'agents only' });
    await store.loadMine();
    expect(useRecognition.getState().mine).toMatchObject({
      status: 'failed',
      error: { key: 'errors.bad_request', values: { message: 'agents only' } },
    });
  });

  it('shows each arrival once as a quiet notice, the newest three, until dismissed', () => {
    inbox({ type: 'shoutout', shoutout: shoutout() }, 1);
    // The same shout-out again (a replay on another connection): still one, in list and notices.
    inbox({ type: 'shoutout', shoutout: shoutout() }, 2);
    expect(useRecognition.getState().mine.shoutouts).toHaveLength(1);
    expect(useRecognition.getState().notices).toHaveLength(1);
    for (const id of ['b1', 'b2', 'b3'])
      inbox({
        type: 'badge',
        badge: badge({ id, awardedAt: `2026-03-1${id.at(-1)}T06:00:00.000Z` }),
      });
    const keys = () => useRecognition.getState().notices.map(store.messageKey);
    expect(keys()).toEqual(['badge-b1', 'badge-b2', 'badge-b3']);
    // Dismissed notices are gone from the notices only: the list keeps everything.
    store.dismissNotice('badge-b2');
    expect(keys()).toEqual(['badge-b1', 'badge-b3']);
    expect(useRecognition.getState().mine.badges).toHaveLength(3);
    store.dismissNotices();
    expect(keys()).toEqual([]);
  });

  it('forgets everything of the user on sign-out', async () => {
    reply = () => ({ ok: true, data: { badges: [badge()], shoutouts: [] } });
    await store.loadMine();
    inbox({ type: 'shoutout', shoutout: shoutout() });
    useRecognitionView.setState({ open: 'wall' });
    recognitionFeature.reset();
    expect(useRecognition.getState().mine).toEqual({
      status: 'idle',
      error: null,
      badges: [],
      shoutouts: [],
    });
    expect(useRecognition.getState().notices).toEqual([]);
    expect(useRecognitionView.getState()).toMatchObject({ open: null, early: [] });
  });
});

describe('the team wall', () => {
  const page = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) => {
      const n = from + i;
      const at = new Date(Date.UTC(2026, 2, 28) - n * 3_600_000).toISOString();
      return n % 2
        ? { kind: 'badge' as const, badge: badge({ id: `b${n}`, awardedAt: at }) }
        : { kind: 'shoutout' as const, shoutout: shoutout({ id: `s${n}`, at }) };
    });

  it('pages back from the oldest entry shown, and stops when a page is short', async () => {
    reply = (_e, p) =>
      (p as { before?: string }).before
        ? { ok: true, data: wall({ entries: page(store.WALL_PAGE - 1, 5) }) }
        : { ok: true, data: wall({ entries: page(0, store.WALL_PAGE) }) };
    await store.loadWall('team-demo');
    expect(asked[0]).toEqual({
      event: 'recognition:wall',
      payload: { teamId: 'team-demo', limit: store.WALL_PAGE },
    });
    expect(useRecognition.getState().wall.more).toBe(true);
    const oldest = useRecognition.getState().wall.data!.entries.at(-1)!;
    await store.loadOlder();
    expect(asked[1]?.payload).toEqual({
      teamId: 'team-demo',
      before: store.entryAt(oldest),
      limit: store.WALL_PAGE,
    });
    const { wall: shown } = useRecognition.getState();
    // The entry on both pages is shown once; newest first throughout.
    expect(shown.data!.entries).toHaveLength(store.WALL_PAGE + 4);
    const times = shown.data!.entries.map(store.entryAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(shown.more).toBe(false);
  });

  it('shows the team asked last, whatever order the answers come in', async () => {
    let slow!: (r: Reply) => void;
    reply = (_e, p) =>
      (p as { teamId: string }).teamId === 'team-night'
        ? new Promise<Reply>((resolve) => (slow = resolve))
        : { ok: true, data: wall() };
    const night = store.loadWall('team-night');
    await store.loadWall('team-demo');
    slow({ ok: true, data: wall({ teamId: 'team-night', teamName: 'Night shift' }) });
    await night;
    expect(useRecognition.getState().wall).toMatchObject({
      teamId: 'team-demo',
      status: 'loaded',
      data: { teamName: 'Demo team' },
    });
  });

  it('adds the inbox’s arrivals for the wall shown (a private one too: it is the agent’s)', async () => {
    reply = () => ({ ok: true, data: wall({ entries: page(0, 2) }) });
    await store.loadWall('team-demo');
    inbox({ type: 'shoutout', shoutout: shoutout({ id: 'private', visibility: 'private' }) });
    inbox({ type: 'badge', badge: badge({ id: 'other-team', teamId: 'team-night' }) });
    inbox({ type: 'badge', badge: badge({ id: 'new', awardedAt: '2026-03-30T06:00:00.000Z' }) });
    const keys = useRecognition.getState().wall.data!.entries.map(store.entryKey);
    expect(keys).toEqual(['badge-new', 'shoutout-s0', 'badge-b1', 'shoutout-private']);
  });

  it('keeps the leaderboard only as the hub sends it', async () => {
    reply = () => ({ ok: true, data: wall() });
    await store.loadWall('team-demo');
    expect(useRecognition.getState().wall.data!.leaderboard).toBeNull();
    const board = [{ agentId: 'u-ava', agentName: 'Ava Agent', badges: 2, shoutouts: 1 }];
    reply = () => ({ ok: true, data: wall({ leaderboard: board }) });
    await store.loadWall('team-demo');
    expect(useRecognition.getState().wall.data!.leaderboard).toEqual(board);
  });

  it('puts a shout-out sent to the team’s wall on it, and gives back a refusal as it came', async () => {
    reply = () => ({ ok: true, data: wall() });
    await store.loadWall('team-demo');
    const payload = {
      id: '0190b2f0-0000-7000-8000-000000000001',
      agentId: 'u-ben',
      itemId: 'proc-summarise',
      behaviour: 'You summarised the next steps before closing the call.',
      lang: 'en',
      visibility: 'team' as const,
    };
    reply = () => ({
      ok: true,
      data: shoutout({ id: payload.id, agentId: 'u-ben', fromId: 'u-ava' }),
    });
    const sent = await store.sendShoutout(payload);
    expect(sent.ok).toBe(true);
    expect(asked.at(-1)).toEqual({ event: 'recognition:shoutout', payload });
    expect(useRecognition.getState().wall.data!.entries.map(store.entryKey)).toEqual([
      `shoutout-${payload.id}`,
    ]);
    reply = () => ({ ok: false, code: 'bad_request', message: '"Good job" names no behaviour' });
    const refused = await store.sendShoutout({
      ...payload,
      id: '0190b2f0-0000-7000-8000-000000000002',
    });
    expect(refused).toMatchObject({ ok: false, code: 'bad_request' });
    expect(useRecognition.getState().wall.data!.entries).toHaveLength(1);
  });
});

describe('the monthly summary and the teams', () => {
  it('asks for the team’s month and keeps a refusal beside it', async () => {
    signIn({ ...agent, id: 'u-lina', role: 'lead' });
    reply = () => ({ ok: false, code: 'forbidden', message: 'leads of the team only' });
    await store.loadSummary('team-demo', '2026-03');
    expect(asked).toEqual([
      { event: 'recognition:summary', payload: { teamId: 'team-demo', month: '2026-03' } },
    ]);
    expect(useRecognition.getState().summary).toMatchObject({
      teamId: 'team-demo',
      month: '2026-03',
      status: 'failed',
      error: { values: { message: 'leads of the team only' } },
    });
  });

  it('offers a member their own teams, and an admin every team from the hub', async () => {
    await store.loadTeams();
    expect(asked).toEqual([]);
    expect(useRecognition.getState().teams.list).toEqual([{ id: 'team-demo', name: 'Demo team' }]);
    signIn({ ...agent, id: 'u-q', role: 'admin', teams: [] });
    reply = () => ({
      ok: true,
      data: { teams: [{ id: 'team-night', name: 'Night shift', timeZone: 'UTC' }] },
    });
    await store.loadTeams();
    expect(asked.map((a) => a.event)).toEqual(['admin:teams']);
    expect(useRecognition.getState().teams.list).toEqual([
      { id: 'team-night', name: 'Night shift' },
    ]);
  });

  it('loads again what is shown when the hub is back', async () => {
    reply = (event) =>
      event === 'recognition:mine'
        ? { ok: true, data: { badges: [], shoutouts: [] } }
        : { ok: true, data: wall() };
    await store.loadMine();
    await store.loadWall('team-demo');
    asked.length = 0;
    recognitionFeature.connected();
    await settle();
    expect(asked.map((a) => a.event).sort()).toEqual(['recognition:mine', 'recognition:wall']);
  });
});
