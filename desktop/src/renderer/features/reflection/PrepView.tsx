import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusIfLost } from '../../lib/focus.js';
import {
  openReflection,
  setAgenda,
  startSession,
  useNumbersHidden,
  useReflection,
} from './store.js';
import { useCalls } from '../call/store.js';
import { agendaLabel, moved } from './agenda.js';
import { EvidenceTable } from './EvidenceTable.js';
import { dayText } from './format.js';
import { BackButton } from '../../ui/BackButton.js';
import { Pending } from './SessionParts.js';
import { CompareChart, SurveyEvidenceView, TrendChart } from './PrepCharts.js';
import { MysteryEvidenceView } from './MysteryEvidenceView.js';

/** The lead's preparation: the evidence side by side, the charts, and the agenda to keep. */
export function PrepView() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const prep = useReflection((s) => s.prep);
  const agenda = useReflection((s) => s.agenda);
  const busy = useReflection((s) => s.busy);
  const pack = useCalls((s) => s.pack);
  const hidden = useNumbersHidden(prep);
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusIfLost(heading, prep !== null);
  const back = <BackButton strings="reflection" onClick={openReflection} />;
  if (!prep) return <Pending back={back} />;
  const date = (iso: string) => dayText(iso.slice(0, 10), lang);
  return (
    <section className="card reflection prep" aria-labelledby="prep-title">
      {back}
      <h2 id="prep-title" ref={heading} tabIndex={-1}>
        {t('reflection.prep.title', { name: prep.agentName })}
      </h2>
      <p className="small muted">
        {t('reflection.print.period', { from: date(prep.from), to: date(prep.to) })}
        {prep.calls !== undefined && !hidden
          ? ` · ${t('reflection.prep.counts', { calls: prep.calls, assessments: prep.assessments ?? 0 })}`
          : ''}
      </p>
      <EvidenceTable items={prep.items} pack={pack} numbers={!hidden} />
      {hidden ? null : (
        <>
          <TrendChart prep={prep} pack={pack} />
          <CompareChart items={prep.items} pack={pack} />
        </>
      )}
      <SurveyEvidenceView prep={prep} />
      <MysteryEvidenceView evidence={prep.mystery} pack={pack} numbers={!hidden} />
      <section aria-labelledby="agenda-title" className="agenda-editor">
        <h3 id="agenda-title">{t('reflection.prep.agenda')}</h3>
        {agenda.length === 0 ? (
          <p className="small muted">{t('reflection.prep.agendaEmpty')}</p>
        ) : null}
        <ol data-testid="proposed-agenda">
          {agenda.map((entry, i) => {
            const label = agendaLabel(t, entry, prep.openActions, pack, lang);
            return (
              <li
                key={`${entry.kind}:${entry.itemId ?? ''}:${entry.actionId ?? ''}`}
                className={`agenda-entry ${entry.kind}`}
              >
                <span>{label}</span>
                <span className="agenda-tools">
                  <button
                    type="button"
                    aria-label={t('reflection.prep.up', { entry: label })}
                    disabled={i === 0}
                    onClick={() => setAgenda(moved(agenda, i, -1))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    aria-label={t('reflection.prep.down', { entry: label })}
                    disabled={i === agenda.length - 1}
                    onClick={() => setAgenda(moved(agenda, i, 1))}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    aria-label={t('reflection.prep.remove', { entry: label })}
                    onClick={() => setAgenda(agenda.filter((_, j) => j !== i))}
                  >
                    ×
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
        <AddToAgenda />
      </section>
      <button type="button" className="primary" disabled={busy} onClick={() => void startSession()}>
        {t('reflection.prep.start')}
      </button>
    </section>
  );
}

/** Puts back a finding the lead removed, or one the proposal left out. */
function AddToAgenda() {
  const { t, i18n } = useTranslation();
  const prep = useReflection((s) => s.prep);
  const agenda = useReflection((s) => s.agenda);
  const pack = useCalls((s) => s.pack);
  if (!prep) return null;
  const onAgenda = new Set(agenda.map((e) => e.itemId));
  const candidates = prep.items.flatMap((i) =>
    i.finding && !onAgenda.has(i.itemId)
      ? [{ kind: i.finding, itemId: i.itemId, actionId: null }]
      : [],
  );
  if (candidates.length === 0) return null;
  const add = (itemId: string) =>
    setAgenda([...agenda, ...candidates.filter((c) => c.itemId === itemId)]);
  return (
    <select
      aria-label={t('reflection.prep.add')}
      value=""
      onChange={(e) => e.target.value && add(e.target.value)}
    >
      <option value="">{t('reflection.prep.add')}</option>
      {candidates.map((c) => (
        <option key={c.itemId} value={c.itemId}>
          {agendaLabel(t, c, [], pack, i18n.language)}
        </option>
      ))}
    </select>
  );
}
