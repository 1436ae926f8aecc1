import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  localize,
  MYSTERY_OBJECTIVES,
  UI_LANGUAGES,
  type MysteryObjective,
  type Programme,
  type StandardsPack,
} from '@sidecoach/shared';
import { newId } from '../../lib/ids.js';
import { ListEditor, LoadLine, Part, Problems, TextField, WriteNotice } from './parts.js';
import { programmeProblemText } from './problems.js';
import {
  draftOfProgramme,
  MAX_RATINGS,
  newRating,
  programmeFromDraft,
  programmeProblems,
  questionnaireItems,
  ratingIdFrom,
  type ProgrammeDraft,
  type ProgrammeProblem,
} from './programme-form.js';
import { languageName } from './rows.js';
import { loadVersionPack, saveProgramme, useMystery } from './store.js';

const toggle = (list: string[], id: string, on: boolean) =>
  on ? [...new Set([...list, id])] : list.filter((x) => x !== id);

/**
 * A programme: name, objective (a competitor for a benchmark), the scorecard version and the
 * items asked (all by default, by area, with definitions of subjective ones), ratings in the UI
 * languages, the target. Its problems are said before anything is sent. On an older scorecard
 * version the items are that version's, as the hub serves them (`mystery:pack`).
 */
export function ProgrammeEditor({
  programme,
  pack,
  versions,
}: {
  programme: Programme | null;
  pack: StandardsPack;
  versions: number[];
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const busy = useMystery((s) => s.busy === 'programme');
  const [id] = useState(() => programme?.id ?? newId());
  const [typed, setD] = useState<ProgrammeDraft>(() => draftOfProgramme(programme, pack));
  const [tried, setTried] = useState(false);
  /** The version chosen with every item asked: every item of that version is asked. */
  const [askAllOf, setAskAllOf] = useState<number | null>(null);
  const versionPack = useMystery((s) => s.versionPack);
  const older = typed.packVersion !== pack.version;
  // The items of the version the questionnaire is built from (null while an older one loads).
  const itemsPack: StandardsPack | null = !older
    ? pack
    : versionPack.version === typed.packVersion
      ? versionPack.data
      : null;
  useEffect(() => {
    if (older) void loadVersionPack(typed.packVersion);
  }, [older, typed.packVersion]);
  const d: ProgrammeDraft =
    askAllOf === typed.packVersion && itemsPack
      ? { ...typed, itemIds: questionnaireItems(itemsPack).map((i) => i.id) }
      : typed;
  const up = (p: Partial<ProgrammeDraft>) => {
    setD({ ...d, ...p });
    setAskAllOf(null);
  };
  const changeVersion = (packVersion: number) => {
    const asked = new Set(d.itemIds);
    const all = itemsPack !== null && questionnaireItems(itemsPack).every((i) => asked.has(i.id));
    setD({ ...d, packVersion });
    setAskAllOf(all ? packVersion : null);
  };
  const problems = tried && itemsPack ? programmeProblems(d, itemsPack) : [];
  const has = (field: ProgrammeProblem['field']) => problems.some((p) => p.field === field);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!itemsPack) return;
    const made = programmeFromDraft(id, d, itemsPack);
    if ('payload' in made) void saveProgramme(made.payload);
  };
  const f = (name: string) => `mys-prog-${name}`;
  const areas = (itemsPack?.areas ?? [])
    .map((a) => ({ id: a.id, items: a.items.filter((i) => i.scorecard) }))
    .filter((a) => a.items.length > 0);
  const total = areas.reduce((n, a) => n + a.items.length, 0);
  const asked = areas.reduce(
    (n, a) => n + a.items.filter((i) => d.itemIds.includes(i.id)).length,
    0,
  );
  return (
    <Part
      title={
        programme
          ? t('mystery.programme.editHeading', { name: programme.name })
          : t('mystery.programme.newHeading')
      }
      testId="mys-programme"
    >
      <form className="qa-form" onSubmit={submit} noValidate>
        <div className="qa-grid">
          <TextField
            id={f('name')}
            label={t('mystery.programme.name')}
            value={d.name}
            invalid={has('name')}
            onChange={(name) => up({ name })}
          />
          <div className="field">
            <label htmlFor={f('objective')}>{t('mystery.programme.objective')}</label>
            <select
              id={f('objective')}
              value={d.objective}
              aria-describedby={f('objective-hint')}
              onChange={(e) => up({ objective: e.target.value as MysteryObjective })}
            >
              {MYSTERY_OBJECTIVES.map((o) => (
                <option key={o} value={o}>
                  {t(`mystery.objective.${o}`)}
                </option>
              ))}
            </select>
            <p className="mgr-hint" id={f('objective-hint')}>
              {t(`mystery.objectiveHint.${d.objective}`)}
            </p>
          </div>
          {d.objective === 'competitor' ? (
            <TextField
              id={f('competitor')}
              label={t('mystery.programme.competitor')}
              value={d.competitor}
              invalid={has('competitor')}
              onChange={(competitor) => up({ competitor })}
            />
          ) : null}
          <div className="field">
            <label htmlFor={f('version')}>{t('mystery.programme.version')}</label>
            <select
              id={f('version')}
              value={d.packVersion}
              aria-describedby={f('version-hint')}
              onChange={(e) => changeVersion(Number(e.target.value))}
            >
              {versions.map((v) => (
                <option key={v} value={v}>
                  {t('mystery.programme.versionOption', { version: v })}
                </option>
              ))}
            </select>
            <p className="mgr-hint" id={f('version-hint')}>
              {d.packVersion === pack.version
                ? t('mystery.programme.versionHint')
                : t('mystery.programme.versionOlder', {
                    active: pack.version,
                    version: d.packVersion,
                  })}
            </p>
          </div>
          <div className="field">
            <label htmlFor={f('target')}>{t('mystery.programme.target')}</label>
            <input
              id={f('target')}
              type="number"
              min={0}
              max={100}
              step="any"
              inputMode="decimal"
              value={d.target}
              aria-invalid={has('target') || undefined}
              onChange={(e) => up({ target: e.target.value })}
            />
          </div>
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={d.active}
            onChange={(e) => up({ active: e.target.checked })}
          />
          {t('mystery.programme.activeLabel')}
        </label>

        <div className="mys-items" data-testid="mys-items">
          <h4>{t('mystery.programme.items')}</h4>
          {older ? (
            <LoadLine
              status={versionPack.status}
              error={versionPack.error}
              empty={itemsPack === null}
            />
          ) : null}
          <p className="mgr-hint">
            {t('mystery.programme.itemsHint')}{' '}
            {t('mystery.programme.itemsCount', { count: asked, total })}
          </p>
          {areas.map((area) => {
            const ids = area.items.map((i) => i.id);
            const areaName = t(`areas.${area.id}`);
            return (
              <fieldset
                key={area.id}
                className="mgr-checks mys-area"
                aria-invalid={has('items') || undefined}
              >
                <legend>{areaName}</legend>
                <div className="mys-area-actions">
                  <button
                    type="button"
                    className="link small"
                    onClick={() => up({ itemIds: [...new Set([...d.itemIds, ...ids])] })}
                  >
                    {t('mystery.programme.all')}
                    <span className="visually-hidden"> ({areaName})</span>
                  </button>
                  <button
                    type="button"
                    className="link small"
                    onClick={() => up({ itemIds: d.itemIds.filter((x) => !ids.includes(x)) })}
                  >
                    {t('mystery.programme.none')}
                    <span className="visually-hidden"> ({areaName})</span>
                  </button>
                </div>
                {area.items.map((item) => {
                  const on = d.itemIds.includes(item.id);
                  const text = localize(item.text, lang);
                  const definition = d.definitions[item.id] ?? '';
                  return (
                    <div key={item.id} className="mys-item">
                      <label className="check">
                        <input
                          type="checkbox"
                          checked={on}
                          onChange={(e) =>
                            up({ itemIds: toggle(d.itemIds, item.id, e.target.checked) })
                          }
                        />
                        {text}
                      </label>
                      {on ? (
                        <details className="mys-definition" open={definition !== '' || undefined}>
                          <summary>
                            {t('mystery.programme.definition')}
                            {definition.trim() ? ` (${t('mystery.programme.defined')})` : ''}
                          </summary>
                          <textarea
                            aria-label={t('mystery.programme.definitionOf', { item: text })}
                            rows={Math.min(6, Math.max(2, Math.ceil(definition.length / 40)))}
                            maxLength={2000}
                            value={definition}
                            onChange={(e) =>
                              up({ definitions: { ...d.definitions, [item.id]: e.target.value } })
                            }
                          />
                        </details>
                      ) : null}
                    </div>
                  );
                })}
              </fieldset>
            );
          })}
          <p className="mgr-hint">{t('mystery.programme.definitionHint')}</p>
        </div>

        <div className="mys-ratings" data-testid="mys-ratings">
          <h4>{t('mystery.programme.ratings')}</h4>
          <p className="mgr-hint">{t('mystery.programme.ratingsHint')}</p>
          <ListEditor
            items={d.ratings}
            keyOf={(_, index) => index}
            className="mgr-checks mys-rating"
            legend={(n) => t('mystery.programme.rating', { n })}
            removeLabel={(n) => t('mystery.programme.removeRating', { n })}
            addLabel={t('mystery.programme.addRating')}
            max={MAX_RATINGS}
            make={newRating}
            onChange={(ratings) => up({ ratings })}
          >
            {(r, index, set) => (
              <>
                {UI_LANGUAGES.map((l) => (
                  <div key={l} className="field">
                    <label htmlFor={f(`rating-${index}-${l}`)}>
                      {l === 'en'
                        ? t('mystery.programme.ratingEn')
                        : t('mystery.programme.ratingLang', { language: languageName(l, lang) })}
                    </label>
                    <input
                      id={f(`rating-${index}-${l}`)}
                      lang={l}
                      value={r.labels[l]}
                      maxLength={200}
                      aria-invalid={
                        (l === 'en' &&
                          problems.some((p) => p.field === 'ratingLabel' && p.index === index)) ||
                        undefined
                      }
                      onChange={(e) => set({ ...r, labels: { ...r.labels, [l]: e.target.value } })}
                    />
                  </div>
                ))}
                <div className="field">
                  <label htmlFor={f(`rating-${index}-id`)}>{t('mystery.programme.ratingId')}</label>
                  <input
                    id={f(`rating-${index}-id`)}
                    value={r.id}
                    placeholder={ratingIdFrom(r.labels.en, index + 1)}
                    maxLength={41}
                    aria-describedby={f(`rating-${index}-id-hint`)}
                    onChange={(e) => set({ ...r, id: e.target.value })}
                  />
                  <p className="mgr-hint" id={f(`rating-${index}-id-hint`)}>
                    {t('mystery.programme.ratingIdHint')}
                  </p>
                </div>
              </>
            )}
          </ListEditor>
        </div>

        <Problems
          lines={problems.map((p) => programmeProblemText(p, t, itemsPack ?? pack, lang))}
          testId="mys-programme-problems"
        />
        <div className="qa-actions">
          <button type="submit" className="primary" disabled={busy || itemsPack === null}>
            {busy ? t('mystery.saving') : t('mystery.programme.save')}
          </button>
        </div>
        <WriteNotice />
      </form>
    </Part>
  );
}
