import { create } from 'zustand';
import type {
  Badge,
  RecognitionMessage,
  RecognitionSummary,
  RecognitionWall,
  Shoutout,
  ShoutoutSave,
} from '@sidecoach/shared';
import { ask, type Answer } from '../../hub/client.js';
import type { Message } from '../../hub/errors.js';
import { latest } from '../../hub/latest.js';
import { currentUser } from '../../hub/session-store.js';
import { registerRecognitionStore } from './view.js';

// Recognition as this user sees it: the agent's own badges and shout-outs (recognition:mine,
// then the inbox live) with the quiet notices of those just arrived; a team's wall, page by
// page, newest first; a team's monthly summary for its lead; the shout-outs sent from here.
// Nothing is worked out here that the hub decides (who may see a leaderboard, who counts).

type Status = 'idle' | 'loading' | 'loaded' | 'failed';
export type WallEntry = RecognitionWall['entries'][number];
export type TeamChoice = { id: string; name: string };

/** Entries asked for per page of the wall. */
export const WALL_PAGE = 30;
/** Notices kept at most (the oldest go first: they are in the list too). */
const NOTICES_KEPT = 3;

export const entryAt = (e: WallEntry) => (e.kind === 'badge' ? e.badge.awardedAt : e.shoutout.at);
export const entryKey = (e: WallEntry) =>
  e.kind === 'badge' ? `badge-${e.badge.id}` : `shoutout-${e.shoutout.id}`;
export const messageKey = (m: RecognitionMessage) =>
  m.type === 'badge' ? `badge-${m.badge.id}` : `shoutout-${m.shoutout.id}`;
const toEntry = (m: RecognitionMessage): WallEntry =>
  m.type === 'badge'
    ? { kind: 'badge', badge: m.badge }
    : { kind: 'shoutout', shoutout: m.shoutout };

/** One per id, newest first (ties in a stable order, so pages never reshuffle). */
function mergeEntries(current: WallEntry[], incoming: WallEntry[]): WallEntry[] {
  const map = new Map(current.map((e) => [entryKey(e), e]));
  for (const e of incoming) map.set(entryKey(e), e);
  return [...map.values()].sort(
    (a, b) => entryAt(b).localeCompare(entryAt(a)) || entryKey(a).localeCompare(entryKey(b)),
  );
}
function upsert<T extends { id: string }>(list: T[], item: T, at: (x: T) => string): T[] {
  return [...list.filter((x) => x.id !== item.id), item].sort((a, b) => at(b).localeCompare(at(a)));
}

interface Mine {
  status: Status;
  error: Message | null;
  /** Newest first. */
  badges: Badge[];
  shoutouts: Shoutout[];
}
interface Wall {
  teamId: string | null;
  status: Status;
  error: Message | null;
  data: RecognitionWall | null;
  /** The last page was full: there may be older entries. */
  more: boolean;
  loadingMore: boolean;
}
interface Summary {
  teamId: string | null;
  month: string | null;
  status: Status;
  error: Message | null;
  data: RecognitionSummary | null;
}
interface Teams {
  status: Status;
  error: Message | null;
  list: TeamChoice[];
}

interface RecognitionState {
  mine: Mine;
  /** Just arrived from the inbox, oldest first: shown quietly until dismissed. */
  notices: RecognitionMessage[];
  wall: Wall;
  summary: Summary;
  /** The teams whose wall this user may open (an admin's: every team, from the hub). */
  teams: Teams;
  reset(): void;
}

const initial = {
  mine: { status: 'idle', error: null, badges: [], shoutouts: [] } as Mine,
  notices: [] as RecognitionMessage[],
  wall: {
    teamId: null,
    status: 'idle',
    error: null,
    data: null,
    more: false,
    loadingMore: false,
  } as Wall,
  summary: { teamId: null, month: null, status: 'idle', error: null, data: null } as Summary,
  teams: { status: 'idle', error: null, list: [] } as Teams,
};

const guards = { mine: latest(), wall: latest(), summary: latest(), teams: latest() };

export const useRecognition = create<RecognitionState>()((set) => ({
  ...initial,
  reset() {
    Object.values(guards).forEach((g) => g.cancel());
    set(initial);
  },
}));

const patch = <K extends 'mine' | 'wall' | 'summary' | 'teams'>(
  key: K,
  part: Partial<RecognitionState[K]>,
) => useRecognition.setState((s) => ({ [key]: { ...s[key], ...part } }));

/** The agent's own badges and shout-outs. */
export async function loadMine(): Promise<void> {
  if (currentUser()?.role !== 'agent') return;
  const current = guards.mine.next();
  if (useRecognition.getState().mine.status !== 'loaded') patch('mine', { status: 'loading' });
  const res = await ask('recognition:mine', {});
  if (!current()) return;
  if (!res.ok) return patch('mine', { status: 'failed', error: res.error });
  // What arrived while asking stays (the hub's answer may predate it).
  const { mine } = useRecognition.getState();
  const badges = res.data.badges.reduce(
    (list, b) => upsert(list, b, (x) => x.awardedAt),
    mine.badges,
  );
  const shoutouts = res.data.shoutouts.reduce(
    (list, s) => upsert(list, s, (x) => x.at),
    mine.shoutouts,
  );
  patch('mine', { status: 'loaded', error: null, badges, shoutouts });
}

/** A badge or shout-out from the inbox (already once, in order): the list, a notice, the wall. */
export function received(message: RecognitionMessage): void {
  const { mine, notices, wall } = useRecognition.getState();
  const key = messageKey(message);
  useRecognition.setState({
    mine:
      message.type === 'badge'
        ? { ...mine, badges: upsert(mine.badges, message.badge, (b) => b.awardedAt) }
        : { ...mine, shoutouts: upsert(mine.shoutouts, message.shoutout, (s) => s.at) },
    notices: [...notices.filter((n) => messageKey(n) !== key), message].slice(-NOTICES_KEPT),
  });
  // The wall shows its agent their private shout-outs too (the hub's rule): this one is theirs.
  const teamId = message.type === 'badge' ? message.badge.teamId : message.shoutout.teamId;
  if (wall.data && wall.teamId === teamId)
    patch('wall', {
      data: { ...wall.data, entries: mergeEntries(wall.data.entries, [toEntry(message)]) },
    });
}

export const dismissNotice = (key: string) =>
  useRecognition.setState((s) => ({ notices: s.notices.filter((n) => messageKey(n) !== key) }));
export const dismissNotices = () => useRecognition.setState({ notices: [] });

/** The teams this user may open a wall of: their own, or every team for an admin. */
export async function loadTeams(): Promise<void> {
  const user = currentUser();
  if (!user) return;
  if (user.role !== 'admin')
    return patch('teams', { status: 'loaded', error: null, list: user.teams });
  const current = guards.teams.next();
  patch('teams', { status: 'loading' });
  const res = await ask('admin:teams', {});
  if (!current()) return;
  if (!res.ok) return patch('teams', { status: 'failed', error: res.error });
  const list = res.data.teams.map((t) => ({ id: t.id, name: t.name }));
  patch('teams', { status: 'loaded', error: null, list });
}

/** A team's wall from its newest entry (another team's replaces what is shown). */
export async function loadWall(teamId: string): Promise<void> {
  const current = guards.wall.next();
  const { wall } = useRecognition.getState();
  const same = wall.teamId === teamId;
  patch('wall', {
    teamId,
    status: 'loading',
    error: null,
    loadingMore: false,
    ...(same ? {} : { data: null, more: false }),
  });
  const res = await ask('recognition:wall', { teamId, limit: WALL_PAGE });
  if (!current()) return;
  if (!res.ok) return patch('wall', { status: 'failed', error: res.error });
  patch('wall', { status: 'loaded', data: res.data, more: res.data.entries.length >= WALL_PAGE });
}

/** The page before the oldest entry shown. */
export async function loadOlder(): Promise<void> {
  const { wall } = useRecognition.getState();
  const oldest = wall.data?.entries.at(-1);
  if (!wall.teamId || !wall.data || !oldest || wall.loadingMore) return;
  const current = guards.wall.next();
  patch('wall', { loadingMore: true, error: null });
  const res = await ask('recognition:wall', {
    teamId: wall.teamId,
    before: entryAt(oldest),
    limit: WALL_PAGE,
  });
  if (!current()) return;
  if (!res.ok) return patch('wall', { loadingMore: false, error: res.error });
  const data = useRecognition.getState().wall.data ?? res.data;
  patch('wall', {
    loadingMore: false,
    // The leaderboard and members as the hub says now; the entries added to those shown.
    data: { ...res.data, entries: mergeEntries(data.entries, res.data.entries) },
    more: res.data.entries.length >= WALL_PAGE,
  });
}

/** A team's recognition in a month (YYYY-MM of the team's calendar). */
export async function loadSummary(teamId: string, month: string): Promise<void> {
  const current = guards.summary.next();
  const { summary } = useRecognition.getState();
  const same = summary.teamId === teamId && summary.month === month;
  patch('summary', {
    teamId,
    month,
    status: 'loading',
    error: null,
    ...(same ? {} : { data: null }),
  });
  const res = await ask('recognition:summary', { teamId, month });
  if (!current()) return;
  if (!res.ok) return patch('summary', { status: 'failed', error: res.error });
  patch('summary', { status: 'loaded', data: res.data });
}

/**
 * Sends a shout-out (the same id again on a retry: the hub keeps one). On the wall shown at
 * once (a private one too: the wall shows its giver theirs); the answer (or the refusal) is the
 * caller's to show.
 */
export async function sendShoutout(payload: ShoutoutSave): Promise<Answer<Shoutout>> {
  const res = await ask('recognition:shoutout', payload);
  if (!res.ok) return res;
  const { wall } = useRecognition.getState();
  if (wall.data && wall.teamId === res.data.teamId)
    patch('wall', {
      data: {
        ...wall.data,
        entries: mergeEntries(wall.data.entries, [{ kind: 'shoutout', shoutout: res.data }]),
      },
    });
  return res;
}

registerRecognitionStore({
  received,
  reload() {
    const { mine, wall, summary } = useRecognition.getState();
    if (mine.status !== 'idle') void loadMine();
    if (wall.teamId) void loadWall(wall.teamId);
    if (summary.teamId && summary.month) void loadSummary(summary.teamId, summary.month);
  },
  reset: () => useRecognition.getState().reset(),
});
