import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FloorAgent, StandardsPack } from '@sidecoach/shared';
import { useFocusIfLost } from '../../lib/focus.js';
import { callTypeName } from '../../lib/format.js';
import { useObserve } from '../observe/store.js';
import { observe } from '../observe/sync.js';
import { openHistory } from '../agent-history/store.js';
import { useCalls } from '../call/store.js';
import { useSession } from '../../hub/session-store.js';
import { CoachNav } from './CoachNav.js';
import { FloorPill } from './FloorPill.js';
import './floor.css';

function FloorRow({ agent, pack }: { agent: FloorAgent; pack: StandardsPack | null }) {
  const { t, i18n } = useTranslation();
  const detail =
    agent.status === 'on-call' || agent.status === 'wrap-up'
      ? callTypeName(pack, agent.callType, i18n.language)
      : '';
  return (
    <li className="floor-agent" data-testid="floor-agent">
      <div className="row">
        <strong className="who">{agent.displayName}</strong>
        <FloorPill agent={agent} />
      </div>
      <div className="row small">
        <span className="muted">
          {detail}
          {agent.observers.length > 0 ? (
            <span className="observers">
              {detail ? ' · ' : ''}
              {t('floor.observers', { names: agent.observers.join(', ') })}
            </span>
          ) : null}
        </span>
        <span className="floor-actions">
          <button
            type="button"
            aria-label={t('agentHistory.openLabel', { name: agent.displayName })}
            onClick={() => openHistory(agent.agentId)}
          >
            {t('agentHistory.open')}
          </button>
          <button
            type="button"
            aria-label={t('floor.observeAgent', { name: agent.displayName })}
            onClick={() => observe(agent.agentId)}
          >
            {t('floor.observe')}
          </button>
        </span>
      </div>
    </li>
  );
}

/** Every agent of the coach's teams, live: who is on a call, ringing, in wrap-up or away. */
export function FloorView() {
  const { t } = useTranslation();
  const role = useSession((s) => s.session?.user.role);
  const pack = useCalls((s) => s.pack);
  const floor = useObserve((s) => s.floor);
  const loaded = useObserve((s) => s.floorLoaded);
  const error = useObserve((s) => s.floorError);
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusIfLost(heading);
  return (
    <section className="floor" aria-labelledby="floor-title">
      <div className="row floor-head">
        <h2 id="floor-title" ref={heading} tabIndex={-1}>
          {t('floor.title')}
        </h2>
      </div>
      <CoachNav current={null} />
      <p className="muted small">{t(`roles.notAgent.${role ?? 'agent'}`)}</p>
      {error ? (
        <p className="error" role="alert">
          {t(error.key, error.values)}
        </p>
      ) : null}
      {!loaded && !error ? <p className="muted">{t('floor.loading')}</p> : null}
      {loaded && floor.length === 0 ? <p className="muted">{t('floor.empty')}</p> : null}
      <ul>
        {floor.map((agent) => (
          <FloorRow key={agent.agentId} agent={agent} pack={pack} />
        ))}
      </ul>
    </section>
  );
}
