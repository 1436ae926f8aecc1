import { create } from 'zustand';
import type { KpiMine, KpiPeriod } from '@sidecoach/shared';
import { ask } from '../../hub/client.js';
import type { Message } from '../../hub/errors.js';
import { latest } from '../../hub/latest.js';
import { useSession } from '../../hub/session-store.js';
import { figuresStores } from './view.js';

// The agent's own figures in the sidebar (kpi:mine): this week by default, beside the team's and
// the targets. Never asked for where the agent's team coaches on behaviours, not scores (the hub
// refuses it too); a profile that turns that on drops what was shown.

interface MineState {
  period: KpiPeriod;
  status: 'idle' | 'loading' | 'loaded' | 'failed';
  error: Message | null;
  data: KpiMine | null;
  /** The section is open (its summary line only, when closed). */
  expanded: boolean;
}

const initial: MineState = {
  period: 'week',
  status: 'idle',
  error: null,
  data: null,
  expanded: false,
};

export const useMyFigures = create<MineState>()(() => initial);
const guard = latest();

/** Whether the signed-in user is an agent who may see their figures. */
export function mayShowFigures(): boolean {
  const user = useSession.getState().session?.user;
  return user?.role === 'agent' && !user.behavioursOnly;
}

export async function loadMyFigures(period = useMyFigures.getState().period): Promise<void> {
  if (!mayShowFigures()) {
    guard.cancel();
    useMyFigures.setState({ ...initial, expanded: useMyFigures.getState().expanded });
    return;
  }
  const current = guard.next();
  const before = useMyFigures.getState();
  useMyFigures.setState({
    period,
    status: 'loading',
    error: null,
    // Another period's figures are not shown under this one's name while it loads.
    data: before.period === period ? before.data : null,
  });
  const res = await ask('kpi:mine', { period });
  if (!current()) return;
  useMyFigures.setState(
    res.ok
      ? { status: 'loaded', error: null, data: res.data }
      : { status: 'failed', error: res.error },
  );
}

export const toggleMyFigures = () => useMyFigures.setState((s) => ({ expanded: !s.expanded }));

figuresStores.set('mine', {
  reload() {
    void loadMyFigures();
  },
  reset() {
    guard.cancel();
    useMyFigures.setState(initial);
  },
});
