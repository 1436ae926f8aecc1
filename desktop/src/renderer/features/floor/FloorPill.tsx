import { useTranslation } from 'react-i18next';
import type { FloorAgent } from '@sidecoach/shared';
import { useObserve } from '../observe/store.js';
import { useSession } from '../../hub/session-store.js';
import { formatDuration, useNow } from '../../lib/time.js';

/**
 * Time since an instant of the hub's clock, read on this device (corrected for clock skew).
 * Offline, it stops when the hub was last heard from: `asOf` says when that was.
 */
export function useHubElapsed(
  since: string | null | undefined,
): { ms: number; asOf: number | null } | null {
  const skewMs = useObserve((s) => s.skewMs);
  const asOf = useSession((s) => s.offlineSince);
  const now = useNow(Boolean(since) && asOf === null);
  if (!since) return null;
  return { ms: Math.max(0, (asOf ?? now) + skewMs - Date.parse(since)), asOf };
}

/** An agent's status on the floor, with the time on the call ("at least", while offline). */
export function FloorPill({ agent }: { agent: FloorAgent }) {
  const { t } = useTranslation();
  const elapsed = useHubElapsed(agent.status === 'on-call' ? agent.callStartedAt : null);
  return (
    <span className={`pill pill-${agent.status}`} data-testid="floor-status">
      {t(`status.${agent.status}`)}
      {elapsed === null
        ? ''
        : ` · ${elapsed.asOf === null ? '' : '≥ '}${formatDuration(elapsed.ms)}`}
    </span>
  );
}
