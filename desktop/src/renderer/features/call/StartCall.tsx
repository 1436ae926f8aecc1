import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize, type StandardsPack } from '@sidecoach/shared';
import { newId, nowIso } from '../../lib/ids.js';
import { useCalls } from './store.js';
import { write } from '../../hub/outbox.js';
import { ControlButton } from './ControlButton.js';
import './call.css';

export function StartCall({ pack }: { pack: StandardsPack }) {
  const { t, i18n } = useTranslation();
  const preferred = useCalls((s) => s.preferredCallType);
  const incoming = useCalls((s) => s.incoming);
  const [callType, setCallType] = useState(
    pack.callTypes.some((ct) => ct.id === preferred)
      ? (preferred ?? '')
      : (pack.callTypes[0]?.id ?? ''),
  );
  const choose = (id: string) => {
    setCallType(id);
    useCalls.getState().preferCallType(id);
  };
  const start = () =>
    void write({ event: 'call:start', payload: { id: newId(), callType, startedAt: nowIso() } });
  return (
    <section className="card start-call">
      {incoming ? (
        <div className="incoming row" role="status">
          <span>
            {t('call.incoming', { party: incoming.remoteParty ?? t('call.unknownParty') })}
          </span>
          {incoming.source === 'baresip' ? (
            <ControlButton action="answer" className="primary" />
          ) : null}
        </div>
      ) : null}
      <label>
        {t('call.type')}
        <select value={callType} onChange={(e) => choose(e.target.value)}>
          {pack.callTypes.map((ct) => (
            <option key={ct.id} value={ct.id}>
              {localize(ct.name, i18n.language)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="primary" onClick={start} disabled={!callType}>
        {t('call.start')}
      </button>
    </section>
  );
}
