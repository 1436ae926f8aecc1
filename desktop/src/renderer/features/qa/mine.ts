import { create } from 'zustand';
import type { DisputePoint, Evaluation } from '@sidecoach/shared';
import { ask } from '../../hub/client.js';
import type { Message } from '../../hub/errors.js';
import { latest } from '../../hub/latest.js';
import { useSession } from '../../hub/session-store.js';
import { newId } from '../../lib/ids.js';
import { registerQaStore } from './view.js';

// The agent's own released evaluations (qa:mine, then `qa:changed` live): acknowledging one,
// disputing it within its window. A team that coaches on behaviours, not scores gets no
// numbers from the hub (score null), and none is worked out here.

interface MineState {
  status: 'idle' | 'loading' | 'loaded' | 'failed';
  error: Message | null;
  evaluations: Evaluation[];
  behavioursOnly: boolean;
  /** The evaluation an acknowledgement or dispute is being sent for. */
  busy: string | null;
  /** What the last acknowledgement or dispute said, for its evaluation. */
  notice: { evaluationId: string; ok: boolean; message: Message } | null;
  reset(): void;
}

const initial = {
  status: 'idle' as MineState['status'],
  error: null,
  evaluations: [] as Evaluation[],
  behavioursOnly: false,
  busy: null,
  notice: null,
};

const guard = latest();

export const useMine = create<MineState>()((set) => ({
  ...initial,
  reset() {
    guard.cancel();
    set(initial);
  },
}));

/** Released to the agent: drafts and unreleased evaluations never are (the hub sends none). */
const shown = (e: Evaluation) => e.releasedAt !== null && e.status !== 'draft';
const newestFirst = (list: Evaluation[]) =>
  [...list].sort((a, b) => (b.releasedAt ?? '').localeCompare(a.releasedAt ?? ''));

export async function loadMine(): Promise<void> {
  if (useSession.getState().session?.user.role !== 'agent') return;
  const current = guard.next();
  if (useMine.getState().status !== 'loaded') useMine.setState({ status: 'loading' });
  const res = await ask('qa:mine', {});
  if (!current()) return;
  if (!res.ok) return useMine.setState({ status: 'failed', error: res.error });
  useMine.setState({
    status: 'loaded',
    error: null,
    evaluations: newestFirst(res.data.evaluations.filter(shown)),
    behavioursOnly: res.data.behavioursOnly,
  });
}

function upsert(evaluation: Evaluation) {
  const user = useSession.getState().session?.user;
  if (!user || evaluation.agentId !== user.id || !shown(evaluation)) return;
  const list = useMine.getState().evaluations;
  const before = list.find((e) => e.id === evaluation.id);
  // A decision or a re-score arrived: what the last action said is no longer the news.
  const notice = useMine.getState().notice;
  if (before && before.status !== evaluation.status && notice?.evaluationId === evaluation.id)
    useMine.setState({ notice: null });
  useMine.setState({
    evaluations: newestFirst(
      list.some((e) => e.id === evaluation.id)
        ? list.map((e) => (e.id === evaluation.id ? evaluation : e))
        : [...list, evaluation],
    ),
  });
}

async function send(
  evaluationId: string,
  request: Promise<Awaited<ReturnType<typeof ackOf>>>,
  ok: Message,
) {
  useMine.setState({ busy: evaluationId, notice: null });
  const res = await request;
  useMine.setState({ busy: null });
  if (!res.ok) {
    useMine.setState({ notice: { evaluationId, ok: false, message: res.error } });
    return false;
  }
  upsert(res.data);
  useMine.setState({ notice: { evaluationId, ok: true, message: ok } });
  return true;
}
const ackOf = (evaluationId: string) => ask('qa:ack', { evaluationId });

export const acknowledge = (evaluationId: string) =>
  send(evaluationId, ackOf(evaluationId), { key: 'qa.mine.acknowledged' });

export const dispute = (evaluationId: string, points: DisputePoint[]) =>
  send(evaluationId, ask('qa:dispute', { id: newId(), evaluationId, points }), {
    key: 'qa.mine.disputed',
  });

registerQaStore('mine', {
  reload: () => {
    if (useMine.getState().status !== 'idle') void loadMine();
  },
  changed: upsert,
  reset: () => useMine.getState().reset(),
});
