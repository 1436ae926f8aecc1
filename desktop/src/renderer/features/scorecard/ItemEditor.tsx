import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  localize,
  STANDARD_AREAS,
  type Answer,
  type StandardArea,
  type StandardItem,
  type StandardsPack,
} from '@sidecoach/shared';
import {
  CONDITION_ANSWERS,
  earlierItems,
  findItem,
  moveItemToArea,
  removeItem,
  setItemId,
  setItemSettings,
  setItemText,
  type ItemSettings,
} from './edit.js';
import { IdField } from './IdField.js';
import {
  Field,
  FieldProblems,
  fieldProps,
  groupProps,
  LanguageTexts,
  PointsField,
} from './parts.js';
import { edit, openItem } from './store.js';
import { itemField, type Problem } from './validate.js';

/** Everything about one item: its texts, how it scores, where it shows, its section. */
export function ItemEditor({
  id,
  pack,
  item,
  isNew,
  problems,
}: {
  id: string;
  pack: StandardsPack;
  item: StandardItem;
  isNew: boolean;
  problems: readonly Problem[];
}) {
  const { t } = useTranslation();
  const itemId = item.id;
  const f = (field: string) => itemField(itemId, field);
  const set = (settings: ItemSettings) => edit((p) => setItemSettings(p, itemId, settings));
  const area = findItem(pack, itemId)?.area ?? 'process';
  return (
    <div className="sc-editor" id={id}>
      <LanguageTexts
        legend={t('scorecard.item.text')}
        text={item.text}
        fieldOf={(lang) => f(`text.${lang}`)}
        problems={problems}
        onChange={(lang, value) => edit((p) => setItemText(p, itemId, lang, value))}
      />
      {isNew ? (
        <IdField
          id={itemId}
          field={f('id')}
          taken={pack.areas.flatMap((a) => a.items.map((i) => i.id))}
          problems={problems}
          onChange={(to) => {
            edit((p) => setItemId(p, itemId, to));
            openItem(to);
          }}
        />
      ) : null}
      <div className="sc-grid">
        <WeightField item={item} field={f('weight')} problems={problems} set={set} />
        <Field label={t('scorecard.item.section')} field={f('section')} problems={[]}>
          {(props) => (
            <select
              {...props}
              value={area}
              onChange={(e) =>
                edit((p) => moveItemToArea(p, itemId, e.target.value as StandardArea))
              }
            >
              {STANDARD_AREAS.map((a) => (
                <option key={a} value={a}>
                  {t(`areas.${a}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <ScoringChecks item={item} field={f} problems={problems} set={set} />
      <CallTypeChoice
        pack={pack}
        item={item}
        field={f('callTypes')}
        problems={problems}
        set={set}
      />
      <Condition pack={pack} item={item} field={f('showWhen')} problems={problems} set={set} />
      <RemoveItem pack={pack} item={item} />
    </div>
  );
}

type SetItem = (settings: ItemSettings) => void;

/** What a part of the item editor reads and changes: the item (in its pack) and its field. */
interface ItemPartProps {
  pack: StandardsPack;
  item: StandardItem;
  field: string;
  problems: readonly Problem[];
  set: SetItem;
}

function WeightField({
  item,
  field,
  problems,
  set,
}: {
  item: StandardItem;
  field: string;
  problems: readonly Problem[];
  set: SetItem;
}) {
  const { t } = useTranslation();
  return (
    <PointsField
      label={item.bonus ? t('scorecard.item.bonusPoints') : t('scorecard.item.weight')}
      field={field}
      problems={problems}
      value={item.weight}
      onChange={(weight) => set({ weight: weight ?? Number.NaN })}
    />
  );
}

/** Critical (and what it fails), bonus, N/A, comment on a no, on the scorecard or not. */
function ScoringChecks({
  item,
  field,
  problems,
  set,
}: {
  item: StandardItem;
  field: (name: string) => string;
  problems: readonly Problem[];
  set: SetItem;
}) {
  const { t } = useTranslation();
  const scope = item.criticalScope ?? 'call';
  const criticalId = `${field('critical')}`;
  return (
    <fieldset className="sc-checks">
      <legend>{t('scorecard.item.scoring')}</legend>
      <Check
        label={t('scorecard.item.critical')}
        hint={item.bonus ? t('scorecard.item.criticalNotBonus') : undefined}
        checked={item.critical}
        disabled={item.bonus === true}
        control={fieldProps(problems, criticalId)}
        onChange={(critical) => set({ critical })}
      />
      {item.critical ? (
        <div className="sc-scope" role="radiogroup" aria-label={t('scorecard.item.criticalScope')}>
          {(['call', 'section'] as const).map((s) => (
            <label key={s} className="check">
              <input
                type="radio"
                name={`${field('scope')}`}
                checked={scope === s}
                onChange={() => set({ criticalScope: s })}
              />
              <span>{t(`scorecard.item.scope.${s}`)}</span>
            </label>
          ))}
        </div>
      ) : null}
      <FieldProblems problems={problems} field={criticalId} />
      <Check
        label={t('scorecard.item.bonus')}
        hint={item.critical ? t('scorecard.item.bonusNotCritical') : t('scorecard.item.bonusHint')}
        checked={item.bonus === true}
        disabled={item.critical}
        onChange={(bonus) => set({ bonus })}
      />
      <Check
        label={t('scorecard.item.naAllowed')}
        checked={item.naAllowed !== false}
        onChange={(naAllowed) => set({ naAllowed })}
      />
      <Check
        label={t('scorecard.item.commentOnNo')}
        checked={item.commentOnNo === true}
        onChange={(commentOnNo) => set({ commentOnNo })}
      />
      <Check
        label={t('scorecard.item.checklistOnly')}
        hint={t('scorecard.item.checklistOnlyHint')}
        checked={!item.scorecard}
        onChange={(checklistOnly) => set({ scorecard: !checklistOnly })}
      />
    </fieldset>
  );
}

function Check({
  label,
  hint,
  checked,
  disabled,
  control,
  onChange,
}: {
  label: string;
  hint?: string | undefined;
  checked: boolean;
  disabled?: boolean;
  control?: ReturnType<typeof fieldProps>;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="check">
      <input
        type="checkbox"
        {...control}
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
      />
      <span>
        {label}
        {hint ? <span className="mgr-hint sc-check-hint">{hint}</span> : null}
      </span>
    </label>
  );
}

/** Every call type, or only some. */
function CallTypeChoice({ pack, item, field, problems, set }: ItemPartProps) {
  const { t, i18n } = useTranslation();
  const chosen = item.callTypes;
  const toggle = (id: string, on: boolean) =>
    set({
      callTypes: on
        ? pack.callTypes.map((c) => c.id).filter((c) => c === id || chosen?.includes(c))
        : (chosen ?? []).filter((c) => c !== id),
    });
  return (
    <fieldset className="sc-checks" {...groupProps(problems, field)}>
      <legend>{t('scorecard.item.callTypes')}</legend>
      <label className="check">
        <input
          type="radio"
          name={`${field}-mode`}
          checked={!chosen}
          onChange={() => set({ callTypes: null })}
        />
        <span>{t('scorecard.item.allCallTypes')}</span>
      </label>
      <label className="check">
        <input
          type="radio"
          name={`${field}-mode`}
          checked={chosen !== undefined}
          onChange={() => set({ callTypes: pack.callTypes.map((c) => c.id) })}
        />
        <span>{t('scorecard.item.someCallTypes')}</span>
      </label>
      {chosen ? (
        <div className="sc-choices">
          {pack.callTypes.map((ct) => (
            <label key={ct.id} className="check">
              <input
                type="checkbox"
                checked={chosen.includes(ct.id)}
                onChange={(e) => toggle(ct.id, e.target.checked)}
              />
              <span>{localize(ct.name, i18n.language)}</span>
            </label>
          ))}
        </div>
      ) : null}
      <FieldProblems problems={problems} field={field} />
    </fieldset>
  );
}

/** "Show only when item X is answered yes / no / N/A", naming an earlier item only. */
function Condition({ pack, item, field, problems, set }: ItemPartProps) {
  const { t, i18n } = useTranslation();
  const earlier = earlierItems(pack, item.id).filter(
    (i) => i.scorecard || i.id === item.showWhen?.item,
  );
  const when = item.showWhen;
  const selectId = `${field}-item`;
  const toggle = (answer: Answer, on: boolean) => {
    if (!when) return;
    const answers = CONDITION_ANSWERS.filter((a) => (a === answer ? on : when.answers.includes(a)));
    set({ showWhen: { ...when, answers } });
  };
  return (
    <fieldset className="sc-checks" {...groupProps(problems, field)}>
      <legend>{t('scorecard.item.condition')}</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={when !== undefined}
          disabled={!when && earlier.length === 0}
          onChange={(e) =>
            set({
              showWhen:
                e.target.checked && earlier[earlier.length - 1]
                  ? { item: earlier[earlier.length - 1]!.id, answers: ['yes'] }
                  : null,
            })
          }
        />
        <span>
          {t('scorecard.item.conditionOn')}
          {!when && earlier.length === 0 ? (
            <span className="mgr-hint sc-check-hint">{t('scorecard.item.conditionNone')}</span>
          ) : null}
        </span>
      </label>
      {when ? (
        <>
          <div className="field sc-field">
            <label htmlFor={selectId}>{t('scorecard.item.conditionItem')}</label>
            <select
              id={selectId}
              value={when.item}
              onChange={(e) => set({ showWhen: { ...when, item: e.target.value } })}
            >
              {earlier.some((i) => i.id === when.item) ? null : (
                <option value={when.item}>
                  {t('scorecard.item.conditionMissing', { id: when.item })}
                </option>
              )}
              {earlier.map((i) => (
                <option key={i.id} value={i.id}>
                  {localize(i.text, i18n.language) || i.id}
                </option>
              ))}
            </select>
          </div>
          <div
            className="sc-choices"
            role="group"
            aria-label={t('scorecard.item.conditionAnswers')}
          >
            {CONDITION_ANSWERS.map((a) => (
              <label key={a} className="check">
                <input
                  type="checkbox"
                  checked={when.answers.includes(a)}
                  onChange={(e) => toggle(a, e.target.checked)}
                />
                <span>{t(`assessment.${a}`)}</span>
              </label>
            ))}
          </div>
        </>
      ) : null}
      <FieldProblems problems={problems} field={field} />
    </fieldset>
  );
}

/** Taking an item out, after saying so once more. */
function RemoveItem({ pack, item }: { pack: StandardsPack; item: StandardItem }) {
  const { t, i18n } = useTranslation();
  const [asking, setAsking] = useState(false);
  const text = localize(item.text, i18n.language) || item.id;
  const dependents = pack.areas
    .flatMap((a) => a.items)
    .filter((i) => i.showWhen?.item === item.id).length;
  if (!asking)
    return (
      <button type="button" className="sc-remove" onClick={() => setAsking(true)}>
        {t('scorecard.item.remove')}
      </button>
    );
  return (
    <div className="sc-confirm" role="group" aria-label={t('scorecard.item.remove')}>
      <p>
        {t('scorecard.item.removeAsk', { item: text })}{' '}
        {dependents > 0 ? t('scorecard.item.removeDependents', { count: dependents }) : null}
      </p>
      <div className="sc-row">
        <button
          type="button"
          className="danger"
          onClick={() => {
            edit((p) => removeItem(p, item.id).pack);
            openItem(null);
          }}
        >
          {t('scorecard.item.removeYes')}
        </button>
        <button type="button" onClick={() => setAsking(false)}>
          {t('scorecard.item.removeNo')}
        </button>
      </div>
    </div>
  );
}
