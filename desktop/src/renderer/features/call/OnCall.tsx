import { useTranslation } from 'react-i18next';
import { checklistFor, localize, type CallRecord, type StandardsPack } from '@sidecoach/shared';
import { nowIso } from '../../lib/ids.js';
import { useCalls } from './store.js';
import { write } from '../../hub/outbox.js';
import { useElapsed } from '../../lib/time.js';
import { ControlButton } from './ControlButton.js';
import { DoNotSurvey } from '../survey-agent/DoNotSurvey.js';
import './call.css';

export function OnCall({ call, pack }: { call: CallRecord; pack: StandardsPack }) {
  const { t, i18n } = useTranslation();
  const elapsed = useElapsed(call.startedAt);
  const onHold = useCalls((s) => s.onHold);
  const areas = checklistFor(pack, call.callType);
  const total = areas.reduce((n, a) => n + a.items.length, 0);
  const callType = pack.callTypes.find((ct) => ct.id === call.callType);
  const tick = (itemId: string, checked: boolean) =>
    void write({ event: 'call:tick', payload: { callId: call.id, itemId, checked, at: nowIso() } });
  // The phone system cannot know the call type: the agent corrects it here.
  const retype = (next: string) => {
    useCalls.getState().preferCallType(next);
    void write({ event: 'call:retype', payload: { callId: call.id, callType: next } });
  };
  const endCall = () =>
    void write({ event: 'call:end', payload: { callId: call.id, endedAt: nowIso() } });

  return (
    <section className="card on-call" aria-labelledby="checklist-title">
      <div className="row">
        <h2 id="checklist-title" className="visually-hidden">
          {callType ? localize(callType.name, i18n.language) : call.callType}
        </h2>
        <select
          aria-label={t('call.type')}
          className="call-type"
          value={call.callType}
          onChange={(e) => retype(e.target.value)}
        >
          {pack.callTypes.map((ct) => (
            <option key={ct.id} value={ct.id}>
              {localize(ct.name, i18n.language)}
            </option>
          ))}
        </select>
        <span className="timer" aria-label={t('call.elapsed')}>
          {elapsed}
        </span>
      </div>
      <p className="muted small">
        {t('call.ticked', { done: call.ticked.length, total })}
        {call.source !== 'manual' ? ` · ${t(`call.source.${call.source}`)}` : ''}
        {onHold ? <strong className="hold"> · {t('call.onHold')}</strong> : null}
      </p>
      {areas.map((area) => (
        <fieldset key={area.id} className="area">
          <legend>{t(`areas.${area.id}`)}</legend>
          {area.items.map((item) => (
            <label key={item.id} className="check">
              <input
                type="checkbox"
                checked={call.ticked.includes(item.id)}
                onChange={(e) => tick(item.id, e.target.checked)}
              />
              <span>
                {localize(item.text, i18n.language)}
                {item.critical ? <em className="critical">{t('call.critical')}</em> : null}
              </span>
            </label>
          ))}
        </fieldset>
      ))}
      {/* Held at the bottom of the window: End call is in reach however long the checklist. */}
      <div className="call-actions">
        {call.source === 'baresip' ? (
          <div className="row">
            <ControlButton action={onHold ? 'resume' : 'hold'} />
            <ControlButton action="hangup" className="danger" />
          </div>
        ) : null}
        <button
          type="button"
          className={call.source === 'baresip' ? '' : 'danger'}
          onClick={endCall}
        >
          {t('call.end')}
        </button>
      </div>
      <DoNotSurvey callId={call.id} />
    </section>
  );
}
