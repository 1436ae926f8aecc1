import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AGE_BANDS,
  UI_LANGUAGES,
  type AdminTeam,
  type Programme,
  type StandardsPack,
  type Wave,
  type WaveSave,
} from '@sidecoach/shared';
import { callTypeName } from '../../lib/format.js';
import { newId } from '../../lib/ids.js';
import { localDay } from '../../lib/time.js';
import { Confirm, ListEditor, Part, Problems, Progress, TextField, WriteNotice } from './parts.js';
import { PlanPreview } from './PlanPreview.js';
import { waveProblemText } from './problems.js';
import { clearPlan, launchWave, previewPlan, saveWave, useMystery } from './store.js';
import {
  CONFIDENCES,
  draftOfWave,
  MIX_DIMENSIONS,
  mixTotal,
  newScenario,
  newWaveDraft,
  teamsLeftOut,
  waveFromDraft,
  waveProblems,
  type Confidence,
  type MixDimension,
  type MixRow,
  type WaveDraft,
  type WaveProblem,
} from './wave-form.js';
import { decimal } from '../../lib/format.js';
import '../../ui/columns.css';

/** Scenarios a wave may have (the hub's limit). */
const MAX_SCENARIOS = 50;

/** How long the form waits after a change before asking the hub for the plan again. */
export const PREVIEW_DELAY_MS = 400;

/**
 * A draft wave: dates, teams (all by default, warned otherwise) and the number to call for each,
 * calls, scenarios, limits, the caller gap, the profile mix, confidence and margin; beside it
 * the sampling plan, worked out again a moment after each change. Save draft, or launch.
 */
export function WaveEditor({
  programme,
  wave,
  teams,
  pack,
}: {
  programme: Programme;
  wave: Wave | null;
  teams: AdminTeam[];
  pack: StandardsPack | null;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const busy = useMystery((s) => s.busy);
  const step = useMystery((s) => s.launchStep);
  const latest = useMystery((s) => s.waves.data.find((w) => w.status !== 'draft') ?? null);
  const [id] = useState(() => wave?.id ?? newId());
  const [d, setD] = useState<WaveDraft>(() =>
    wave ? draftOfWave(wave) : newWaveDraft(teams, pack, localDay(), latest),
  );
  const [tried, setTried] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const up = (p: Partial<WaveDraft>) => {
    setD({ ...d, ...p });
    setConfirming(false);
  };
  const teamNames = Object.fromEntries(teams.map((x) => [x.id, x.name]));
  const made = waveFromDraft(id, programme.id, d);
  const all = waveProblems(d);
  const problems = tried ? all : [];
  const has = (field: WaveProblem['field']) => problems.some((p) => p.field === field);
  const payloadKey = 'payload' in made ? JSON.stringify(made.payload) : null;
  const savedKey = wave ? JSON.stringify(waveFromDraft(id, programme.id, draftOfWave(wave))) : null;
  const dirty = !wave || savedKey !== JSON.stringify(made);

  // The plan follows the form, a moment after the last change.
  useEffect(() => {
    if (!payloadKey) return clearPlan();
    const payload = JSON.parse(payloadKey) as WaveSave;
    const timer = setTimeout(() => void previewPlan(payload), PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [payloadKey]);
  useEffect(() => clearPlan, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if ('payload' in made) void saveWave(made.payload);
  };
  const askLaunch = () => {
    setTried(true);
    if ('payload' in made) setConfirming(true);
  };
  const launch = () => {
    if (!('payload' in made)) return;
    setConfirming(false);
    void launchWave(id, dirty ? made.payload : null);
  };
  const leftOut = teamsLeftOut(d, teams);
  const f = (name: string) => `mys-wave-${name}`;
  const setMix = (dim: MixDimension, rows: MixRow[]) => up({ mix: { ...d.mix, [dim]: rows } });
  const number = (
    name: keyof WaveDraft & ('calls' | 'perTeamMax' | 'perAgentMax' | 'callerGapDays'),
    problem: WaveProblem['field'],
    hint?: string,
  ) => (
    <div className="field">
      <label htmlFor={f(name)}>{t(`mystery.wave.${name}`)}</label>
      <input
        id={f(name)}
        type="number"
        min={name === 'callerGapDays' ? 0 : 1}
        inputMode="numeric"
        value={d[name]}
        aria-invalid={has(problem) || undefined}
        aria-describedby={hint ? f(`${name}-hint`) : undefined}
        onChange={(e) => up({ [name]: e.target.value })}
      />
      {hint ? (
        <p className="mgr-hint" id={f(`${name}-hint`)}>
          {hint}
        </p>
      ) : null}
    </div>
  );

  return (
    <div className="split-columns mys-wave-columns">
      <div className="split-column">
        <Part
          title={wave ? wave.name : t('mystery.wave.newHeading', { programme: programme.name })}
          testId="mys-wave-editor"
        >
          <p className="mgr-hint">
            {t('mystery.waveStatus.draft')} · {programme.name}
          </p>
          <form className="qa-form" onSubmit={submit} noValidate>
            <div className="qa-grid">
              <TextField
                id={f('name')}
                label={t('mystery.wave.name')}
                value={d.name}
                invalid={has('name')}
                onChange={(name) => up({ name })}
              />
              <div className="field">
                <label htmlFor={f('from')}>{t('mystery.wave.from')}</label>
                <input
                  id={f('from')}
                  type="date"
                  value={d.from}
                  aria-invalid={has('dates') || undefined}
                  onChange={(e) => up({ from: e.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor={f('to')}>{t('mystery.wave.to')}</label>
                <input
                  id={f('to')}
                  type="date"
                  value={d.to}
                  aria-invalid={has('dates') || undefined}
                  onChange={(e) => up({ to: e.target.value })}
                />
              </div>
            </div>

            <fieldset className="mgr-checks mys-teams" data-testid="mys-wave-teams">
              <legend>{t('mystery.wave.teams')}</legend>
              <p className="mgr-hint">{t('mystery.wave.teamsHint')}</p>
              {teams.map((team) => {
                const on = d.teamIds.includes(team.id);
                return (
                  <div key={team.id} className="mys-team">
                    <label className="check">
                      <input
                        type="checkbox"
                        checked={on}
                        onChange={(e) =>
                          up({
                            teamIds: e.target.checked
                              ? teams
                                  .map((x) => x.id)
                                  .filter((x) => x === team.id || d.teamIds.includes(x))
                              : d.teamIds.filter((x) => x !== team.id),
                          })
                        }
                      />
                      {team.name}
                    </label>
                    {on ? (
                      <div className="field">
                        <label htmlFor={f(`number-${team.id}`)}>
                          {t('mystery.wave.number', { team: team.name })}
                        </label>
                        <input
                          id={f(`number-${team.id}`)}
                          type="tel"
                          value={d.numbers[team.id] ?? ''}
                          aria-invalid={
                            problems.some((p) => p.field === 'number' && p.teamId === team.id) ||
                            undefined
                          }
                          onChange={(e) =>
                            up({ numbers: { ...d.numbers, [team.id]: e.target.value } })
                          }
                        />
                      </div>
                    ) : null}
                  </div>
                );
              })}
              {leftOut.length > 0 ? (
                <div className="mys-warning" role="status" data-testid="mys-teams-left-out">
                  <p>
                    {t('mystery.wave.leftOut', {
                      count: leftOut.length,
                      names: leftOut.map((x) => x.name).join(', '),
                    })}
                  </p>
                  <button
                    type="button"
                    className="link small"
                    onClick={() => up({ teamIds: teams.map((x) => x.id) })}
                  >
                    {t('mystery.wave.allTeams')}
                  </button>
                </div>
              ) : null}
            </fieldset>

            <div className="qa-grid">
              {number('calls', 'calls')}
              {number('perTeamMax', 'perTeamMax')}
              {number('perAgentMax', 'perAgentMax')}
              {number('callerGapDays', 'gap', t('mystery.wave.gapHint'))}
            </div>

            <div className="mys-scenarios" data-testid="mys-scenarios">
              <h4>{t('mystery.wave.scenarios')}</h4>
              <p className="mgr-hint">{t('mystery.wave.scenariosHint')}</p>
              <ListEditor
                items={d.scenarios}
                keyOf={(s) => s.id}
                className="mgr-checks mys-scenario"
                legend={(n) => t('mystery.wave.scenario', { n })}
                removeLabel={(n) => t('mystery.wave.removeScenario', { n })}
                addLabel={t('mystery.wave.addScenario')}
                min={1}
                max={MAX_SCENARIOS}
                make={() => newScenario(d.scenarios, pack)}
                onChange={(scenarios) => up({ scenarios })}
              >
                {(s, index, set) => {
                  const bad = (field: WaveProblem['field']) =>
                    problems.some((p) => p.field === field && 'index' in p && p.index === index);
                  return (
                    <>
                      <div className="field">
                        <label htmlFor={f(`${s.id}-type`)}>{t('mystery.wave.callType')}</label>
                        <select
                          id={f(`${s.id}-type`)}
                          value={s.callType}
                          aria-invalid={bad('scenarioCallType') || undefined}
                          onChange={(e) => set({ ...s, callType: e.target.value })}
                        >
                          {s.callType === '' ? (
                            <option value="">{t('mystery.wave.chooseCallType')}</option>
                          ) : null}
                          {(pack?.callTypes ?? []).map((ct) => (
                            <option key={ct.id} value={ct.id}>
                              {callTypeName(pack, ct.id, lang)}
                            </option>
                          ))}
                        </select>
                      </div>
                      <TextField
                        id={f(`${s.id}-title`)}
                        label={t('mystery.wave.title')}
                        value={s.title}
                        invalid={bad('scenarioTitle')}
                        onChange={(title) => set({ ...s, title })}
                      />
                      {(['brief', 'answers', 'tests'] as const).map((field) => (
                        <div key={field} className="field">
                          <label htmlFor={f(`${s.id}-${field}`)}>
                            {t(`mystery.wave.${field}`)}
                          </label>
                          <textarea
                            id={f(`${s.id}-${field}`)}
                            rows={3}
                            maxLength={4000}
                            value={s[field]}
                            aria-describedby={f(`${s.id}-${field}-hint`)}
                            aria-invalid={(field === 'brief' && bad('scenarioBrief')) || undefined}
                            onChange={(e) => set({ ...s, [field]: e.target.value })}
                          />
                          <p className="mgr-hint" id={f(`${s.id}-${field}-hint`)}>
                            {t(`mystery.wave.${field}Hint`)}
                          </p>
                        </div>
                      ))}
                    </>
                  );
                }}
              </ListEditor>
            </div>

            <div className="mys-mix" data-testid="mys-mix">
              <h4>{t('mystery.wave.mix')}</h4>
              <p className="mgr-hint">{t('mystery.wave.mixHint')}</p>
              {MIX_DIMENSIONS.map((dim) => (
                <MixEditor
                  key={dim}
                  dim={dim}
                  rows={d.mix[dim]}
                  onChange={(rows) => setMix(dim, rows)}
                  invalid={(i) =>
                    problems.some(
                      (p) =>
                        'dimension' in p &&
                        p.dimension === dim &&
                        (!('index' in p) || p.index === i),
                    )
                  }
                />
              ))}
            </div>

            <div className="qa-grid">
              <div className="field">
                <label htmlFor={f('confidence')}>{t('mystery.wave.confidence')}</label>
                <select
                  id={f('confidence')}
                  value={d.confidence}
                  aria-describedby={f('sample-hint')}
                  onChange={(e) => up({ confidence: Number(e.target.value) as Confidence })}
                >
                  {CONFIDENCES.map((c) => (
                    <option key={c} value={c}>
                      {new Intl.NumberFormat(lang, { style: 'percent' }).format(c)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={f('margin')}>{t('mystery.wave.margin')}</label>
                <input
                  id={f('margin')}
                  type="number"
                  min={1}
                  max={50}
                  step="any"
                  inputMode="decimal"
                  value={d.margin}
                  aria-describedby={f('sample-hint')}
                  aria-invalid={has('margin') || undefined}
                  onChange={(e) => up({ margin: e.target.value })}
                />
              </div>
              <p className="mgr-hint" id={f('sample-hint')}>
                {t('mystery.wave.sampleHint')}
              </p>
            </div>

            <Problems
              lines={problems.map((p) => waveProblemText(p, t, teamNames, lang))}
              testId="mys-wave-problems"
            />
            {step ? <Progress label={t(`mystery.wave.launching.${step}`)} /> : null}
            {confirming ? (
              <Confirm
                text={t('mystery.wave.launchConfirm', {
                  name: d.name.trim() || programme.name,
                  count: Number(d.calls),
                })}
                confirm={t('mystery.wave.confirmLaunch')}
                testId="mys-launch-confirm"
                onConfirm={launch}
                onCancel={() => setConfirming(false)}
              />
            ) : (
              <div className="qa-actions">
                <button type="submit" disabled={busy !== null || (!!wave && !dirty)}>
                  {busy === 'wave' ? t('mystery.saving') : t('mystery.wave.saveDraft')}
                </button>
                <button
                  type="button"
                  className="primary"
                  disabled={busy !== null}
                  onClick={askLaunch}
                >
                  {t('mystery.wave.launch')}
                </button>
                {wave && dirty ? (
                  <span className="muted small">{t('mystery.wave.unsaved')}</span>
                ) : null}
              </div>
            )}
            <WriteNotice />
          </form>
        </Part>
      </div>
      <div className="split-column">
        <PlanPreview
          problems={all.map((p) => waveProblemText(p, t, teamNames, lang))}
          wave={{
            confidence: d.confidence,
            margin: 'payload' in made ? (made.payload.margin ?? 0.05) : 0.05,
          }}
        />
      </div>
    </div>
  );
}

/** One dimension of the profile mix: a share per region, age band or language, adding to 100 %. */
function MixEditor({
  dim,
  rows,
  onChange,
  invalid,
}: {
  dim: MixDimension;
  rows: MixRow[];
  onChange: (rows: MixRow[]) => void;
  invalid: (index: number) => boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const listId = `mys-mix-${dim}-list`;
  const set = (i: number, row: MixRow) => onChange(rows.map((r, j) => (j === i ? row : r)));
  return (
    <fieldset className="mgr-checks mys-mix-dim" data-testid={`mys-mix-${dim}`}>
      <legend>{t(`mystery.wave.${dim}`)}</legend>
      {dim === 'language' ? (
        <datalist id={listId}>
          {UI_LANGUAGES.map((l) => (
            <option key={l} value={l} />
          ))}
        </datalist>
      ) : null}
      {rows.map((row, i) => (
        <div key={i} className="mys-mix-row">
          {dim === 'ageBand' ? (
            <select
              aria-label={t('mystery.wave.mixKey', {
                dimension: t(`mystery.wave.${dim}`),
                n: i + 1,
              })}
              value={row.key}
              aria-invalid={invalid(i) || undefined}
              onChange={(e) => set(i, { ...row, key: e.target.value })}
            >
              {row.key === '' ? <option value="">{t('mystery.wave.chooseAgeBand')}</option> : null}
              {AGE_BANDS.map((b) => (
                <option key={b} value={b}>
                  {b}
                </option>
              ))}
            </select>
          ) : (
            <input
              aria-label={t('mystery.wave.mixKey', {
                dimension: t(`mystery.wave.${dim}`),
                n: i + 1,
              })}
              value={row.key}
              maxLength={80}
              list={dim === 'language' ? listId : undefined}
              aria-invalid={invalid(i) || undefined}
              onChange={(e) => set(i, { ...row, key: e.target.value })}
            />
          )}
          <input
            aria-label={t('mystery.wave.mixShare', {
              dimension: t(`mystery.wave.${dim}`),
              n: i + 1,
            })}
            type="number"
            min={0}
            max={100}
            step="any"
            inputMode="decimal"
            className="mys-share"
            value={row.percent}
            aria-invalid={invalid(i) || undefined}
            onChange={(e) => set(i, { ...row, percent: e.target.value })}
          />
          <span aria-hidden="true">%</span>
          <button
            type="button"
            className="link small"
            aria-label={t('mystery.wave.removeShareLabel', {
              dimension: t(`mystery.wave.${dim}`),
              n: i + 1,
            })}
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
          >
            {t('mystery.wave.removeShare')}
          </button>
        </div>
      ))}
      <div className="mys-mix-foot">
        <button
          type="button"
          className="small"
          onClick={() => onChange([...rows, { key: '', percent: rows.length === 0 ? '100' : '' }])}
        >
          {t('mystery.wave.addShare')}
        </button>
        {rows.length > 0 ? (
          <span className="small muted">
            {t('mystery.wave.total', { total: decimal(mixTotal(rows), lang, 1) })}
          </span>
        ) : (
          <span className="small muted">{t('mystery.wave.noQuota')}</span>
        )}
      </div>
    </fieldset>
  );
}
