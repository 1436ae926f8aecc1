import { useTranslation } from 'react-i18next';
import type { FloorAgent } from '@sidecoach/shared';
import { useObserve } from '../observe/store.js';
import { formatDuration, useNow } from '../../lib/time.js';

/** Time since an instant of the hub's clock, read on this device (corrected for clock skew). */
export function useHubElapsed(since: string | null | undefined): number | null {
  const skewMs = useObserve((s) => s.skewMs);
  const now = useNow(Boolean(since));
  return since ? Math.max(0, now + skewMs - Date.parse(since)) : null;
}

/** An agent's status on the floor, with the time on the call. */
export function FloorPill({ agent }: { agent: FloorAgent }) {
  const { t } = useTranslation();
  const elapsed = useHubElapsed(agent.status === 'on-call' ? agent.callStartedAt : null);
  return (
    <span className={`pill pill-${agent.status}`} data-testid="floor-status">
      {t(`status.${agent.status}`)}
      {elapsed !== null ? ` · ${formatDuration(elapsed)}` : ''}
    </span>
  );
}
