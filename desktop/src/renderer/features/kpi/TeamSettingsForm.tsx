import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KPI_BETTER, KPI_IDS, type KpiId, type KpiSetup } from '@sidecoach/shared';
import { KPI_UNIT } from '@sidecoach/shared';
import type { Message } from '../../i18n/message.js';
import { ErrorText } from '../../ui/ErrorText.js';
import {
  BOUNDS,
  draftOf,
  settingsOf,
  type DraftField,
  type SettingsDraft,
} from './settings-form.js';
import { saveSettings, useFigures } from './store.js';

type SetupTeam = KpiSetup['teams'][number];

/** A number field of the form with its unit, its hint and what is wrong with it. */
function NumberField({
  id,
  label,
  unit,
  hint,
  value,
  error,
  inputMode = 'numeric',
  onChange,
}: {
  id: string;
  label: string;
  unit: string;
  hint?: string;
  value: string;
  error: Message | undefined;
  inputMode?: 'numeric' | 'decimal' | 'text';
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return (
    <div className="field kpi-number">
      <label htmlFor={id}>{label}</label>
      <span className="kpi-input-unit">
        <input
          id={id}
          type="text"
          inputMode={inputMode}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={described.length > 0 ? described.join(' ') : undefined}
        />
        <span aria-hidden="true">{unit}</span>
      </span>
      {hint ? (
        <span id={`${id}-hint`} className="mgr-hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className="error small">
          {t(error.key, error.values)}
        </span>
      ) : null}
    </div>
  );
}

/** The unit a KPI's target is typed in. */
const unitKey = (kpi: KpiId) =>
  KPI_UNIT[kpi] === 'ms'
    ? 'kpi.settings.unitTime'
    : KPI_UNIT[kpi] === 'count'
      ? 'kpi.settings.unitCount'
      : 'kpi.settings.unitPercent';

/** One team's thresholds, targets and leaderboard switch, saved together. */
export function TeamSettingsForm({ team }: { team: SetupTeam }) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(team));
  const [errors, setErrors] = useState<Partial<Record<DraftField, Message>>>({});
  const busy = useFigures((s) => s.settingsSave.busy);
  const notice = useFigures((s) =>
    s.settingsSave.teamId === team.teamId ? s.settingsSave.notice : null,
  );
  const set = (patch: Partial<SettingsDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setTarget = (kpi: KpiId, value: string) =>
    setDraft((d) => ({ ...d, targets: { ...d.targets, [kpi]: value } }));
  const submit = () => {
    const result = settingsOf(team.teamId, draft, team.behavioursOnly);
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    void saveSettings(result.settings);
  };
  const threshold = (field: keyof typeof BOUNDS, unit: string) => (
    <NumberField
      id={`${id}-${field}`}
      label={t(`kpi.settings.${field}`)}
      unit={unit}
      hint={t(`kpi.settings.${field}Hint`, { current: BOUNDS[field][0], max: BOUNDS[field][1] })}
      value={draft[field]}
      error={errors[field]}
      onChange={(value) => set({ [field]: value })}
    />
  );
  const invalid = Object.keys(errors).length;
  return (
    <form
      className="kpi-team-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <p className="small muted">{t('kpi.settings.timeZone', { zone: team.timeZone })}</p>
      <fieldset className="kpi-fieldset">
        <legend>{t('kpi.settings.thresholds')}</legend>
        {threshold('fcrDays', t('kpi.settings.unitDays'))}
        {threshold('shortAbandonSeconds', t('kpi.settings.unitSeconds'))}
        {threshold('serviceLevelSeconds', t('kpi.settings.unitSeconds'))}
      </fieldset>
      <fieldset className="kpi-fieldset kpi-targets">
        <legend>{t('kpi.settings.targets')}</legend>
        <p className="mgr-hint kpi-fieldset-hint">{t('kpi.settings.targetsHint')}</p>
        {KPI_IDS.map((kpi) => (
          <NumberField
            key={kpi}
            id={`${id}-target-${kpi}`}
            label={t(`kpi.names.${kpi}`)}
            unit={t(unitKey(kpi))}
            hint={t(KPI_BETTER[kpi] === 'higher' ? 'kpi.settings.atLeast' : 'kpi.settings.atMost')}
            value={draft.targets[kpi]}
            error={errors[kpi]}
            inputMode={KPI_UNIT[kpi] === 'ms' ? 'text' : 'decimal'}
            onChange={(value) => setTarget(kpi, value)}
          />
        ))}
      </fieldset>
      <div className="kpi-leaderboard">
        <label className="check">
          <input
            type="checkbox"
            checked={team.behavioursOnly ? false : draft.leaderboard}
            disabled={team.behavioursOnly}
            aria-describedby={`${id}-leaderboard-hint`}
            onChange={(e) => set({ leaderboard: e.target.checked })}
          />{' '}
          {t('kpi.settings.leaderboard')}
        </label>
        <span id={`${id}-leaderboard-hint`} className="mgr-hint">
          {team.behavioursOnly
            ? t('kpi.settings.leaderboardBehaviours')
            : t('kpi.settings.leaderboardHint')}
        </span>
      </div>
      {invalid > 0 ? (
        <p className="error small" role="alert">
          {t('kpi.settings.errors.summary', { count: invalid })}
        </p>
      ) : null}
      {notice && !notice.ok ? <ErrorText message={notice.message} /> : null}
      {notice?.ok ? (
        <p className="mgr-ok" role="status">
          {t(notice.message.key, notice.message.values)}
        </p>
      ) : null}
      <div className="row">
        <button type="submit" className="primary" disabled={busy} aria-busy={busy}>
          {busy ? t('kpi.settings.saving') : t('kpi.settings.save')}
        </button>
      </div>
    </form>
  );
}
