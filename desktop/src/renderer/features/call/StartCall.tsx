import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize, type StandardsPack } from '@sidecoach/shared';
import { newId, nowIso } from '../../lib/ids.js';
import { write } from '../../store/sync.js';

export function StartCall({ pack }: { pack: StandardsPack }) {
  const { t, i18n } = useTranslation();
  const [callType, setCallType] = useState(pack.callTypes[0]?.id ?? '');
  const start = () =>
    void write({ event: 'call:start', payload: { id: newId(), callType, startedAt: nowIso() } });
  return (
    <section className="card start-call">
      <label>
        {t('call.type')}
        <select value={callType} onChange={(e) => setCallType(e.target.value)}>
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
