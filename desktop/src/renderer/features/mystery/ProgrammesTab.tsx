import { useTranslation } from 'react-i18next';
import { QaTable } from '../qa/parts.js';
import { LoadLine, Part, useMysteryContext } from './parts.js';
import { ProgrammeEditor } from './ProgrammeEditor.js';
import { programmesTable, wavesTable } from './rows.js';
import { go, useMystery } from './store.js';

/** The programmes: what each sets out to find, its questionnaire's size, target and waves. */
export function ProgrammesTab() {
  const { t } = useTranslation();
  const c = useMysteryContext();
  const programmes = useMystery((s) => s.programmes);
  const list = programmes.data;
  return (
    <div className="qa-panel" data-testid="mys-programmes-tab">
      <div className="qa-toolbar">
        <p className="muted small mys-intro">{t('mystery.intro')}</p>
        <button
          type="button"
          className="primary"
          onClick={() => go({ screen: 'programme', id: 'new' })}
        >
          {t('mystery.programmes.new')}
        </button>
      </div>
      <LoadLine status={programmes.status} error={programmes.error} empty={list.length === 0} />
      <QaTable
        caption={t('mystery.programmes.caption', { count: list.length })}
        fileName="mystery-programmes"
        table={programmesTable(list, c)}
        testId="mys-programmes"
        empty={programmes.status === 'loaded' ? t('mystery.programmes.empty') : undefined}
        action={(i) => (
          <button
            type="button"
            aria-label={t('mystery.programmes.openLabel', { name: list[i]!.name })}
            onClick={() => go({ screen: 'programme', id: list[i]!.id })}
          >
            {t('mystery.open')}
          </button>
        )}
      />
    </div>
  );
}

/** One programme: its waves (newest first) with a new one to plan, and its editor. */
export function ProgrammeScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const c = useMysteryContext();
  const programmes = useMystery((s) => s.programmes);
  const scorecard = useMystery((s) => s.scorecard);
  const allWaves = useMystery((s) => s.waves.data);
  const waves = allWaves.filter((w) => w.programmeId === id);
  const programme = programmes.data.find((p) => p.id === id) ?? null;
  const isNew = id === 'new';
  const missing = !isNew && !programme && programmes.status === 'loaded';
  return (
    <div className="qa-panel">
      <div className="no-print">
        <button type="button" className="link back" onClick={() => go({ screen: 'programmes' })}>
          {t('mystery.back.programmes')}
        </button>
      </div>
      <LoadLine status={programmes.status} error={programmes.error} empty={!programme && !isNew} />
      <LoadLine status={scorecard.status} error={scorecard.error} empty={!scorecard.data} />
      {missing ? <p className="muted">{t('mystery.programme.notFound')}</p> : null}
      {programme ? (
        <Part title={t('mystery.programme.waves')} testId="mys-programme-waves">
          <div className="qa-toolbar">
            <p className="mgr-hint">{t('mystery.programme.wavesIntro')}</p>
            {programme.active ? (
              <button
                type="button"
                className="primary"
                onClick={() => go({ screen: 'new-wave', programmeId: programme.id })}
              >
                {t('mystery.programme.newWave')}
              </button>
            ) : (
              <p className="muted small">{t('mystery.programme.inactiveNoWaves')}</p>
            )}
          </div>
          <QaTable
            caption={t('mystery.programme.wavesCaption', {
              count: waves.length,
              name: programme.name,
            })}
            fileName="mystery-waves"
            table={wavesTable(waves, c)}
            testId="mys-waves"
            empty={t('mystery.programme.noWaves')}
            action={(i) => (
              <button
                type="button"
                aria-label={t('mystery.programme.openWaveLabel', { name: waves[i]!.name })}
                onClick={() => go({ screen: 'wave', id: waves[i]!.id, page: 'plan' })}
              >
                {t('mystery.open')}
              </button>
            )}
          />
        </Part>
      ) : null}
      {scorecard.data && (isNew || programme) ? (
        <ProgrammeEditor
          key={programme?.updatedAt ?? 'new'}
          programme={programme}
          pack={scorecard.data.pack}
          versions={scorecard.data.versions}
        />
      ) : null}
    </div>
  );
}
