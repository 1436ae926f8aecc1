import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { localize, type StandardItem, type StandardsPack } from '@sidecoach/shared';
import { ItemEditor } from './ItemEditor.js';
import { addItem, moveItem, type Section } from './edit.js';
import { missingLanguages } from './parts.js';
import { edit, openItem, useScorecard } from './store.js';
import { itemField, problemCount, type Problem } from './validate.js';

/** One of the five sections: its items in order (each opens its editor), and a new one. */
export function SectionCard({
  pack,
  section,
  problems,
}: {
  pack: StandardsPack;
  section: Section;
  problems: readonly Problem[];
}) {
  const { t } = useTranslation();
  const open = useScorecard((s) => s.openItem);
  const published = useScorecard((s) => s.active);
  const area = section.area;
  const titleId = `sc-section-${area}`;
  return (
    <section className="card sc-section" aria-labelledby={titleId} data-area={area}>
      <h3 id={titleId}>
        {t(`areas.${area}`)}{' '}
        <span className="muted small">
          {t('scorecard.section.count', { count: section.items.length })}
        </span>
      </h3>
      {section.items.length === 0 ? (
        <p className="small muted">{t('scorecard.section.empty')}</p>
      ) : (
        <ol className="sc-list">
          {section.items.map((item, index) => (
            <ItemRow
              key={item.id}
              pack={pack}
              item={item}
              first={index === 0}
              last={index === section.items.length - 1}
              open={open === item.id}
              isNew={!published?.areas.some((a) => a.items.some((i) => i.id === item.id))}
              problems={problems}
            />
          ))}
        </ol>
      )}
      <AddItem area={area} />
    </section>
  );
}

function AddItem({ area }: { area: Section['area'] }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [empty, setEmpty] = useState(false);
  const inputId = `sc-new-item-${area}`;
  const add = (e: FormEvent) => {
    e.preventDefault();
    const value = text.trim();
    if (!value) return setEmpty(true);
    let id = '';
    edit((p) => {
      const added = addItem(p, area, value);
      id = added.id;
      return added.pack;
    });
    setText('');
    setEmpty(false);
    openItem(id);
  };
  return (
    <form className="sc-add" onSubmit={add} noValidate>
      <label htmlFor={inputId}>
        {t('scorecard.section.newItem', { section: t(`areas.${area}`) })}
      </label>
      <div className="sc-add-row">
        <input
          id={inputId}
          value={text}
          maxLength={500}
          aria-invalid={empty || undefined}
          aria-describedby={empty ? `${inputId}-problem` : undefined}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit">{t('scorecard.section.add')}</button>
      </div>
      {empty ? (
        <p className="sc-problem" id={`${inputId}-problem`}>
          {t('scorecard.section.textFirst')}
        </p>
      ) : null}
    </form>
  );
}

/** An item in its section: its text and what it is set to, moved up or down, opened to edit. */
function ItemRow({
  pack,
  item,
  first,
  last,
  open,
  isNew,
  problems,
}: {
  pack: StandardsPack;
  item: StandardItem;
  first: boolean;
  last: boolean;
  open: boolean;
  isNew: boolean;
  problems: readonly Problem[];
}) {
  const { t, i18n } = useTranslation();
  const text = localize(item.text, i18n.language) || item.id;
  const count = problemCount(problems, itemField(item.id, ''));
  const editorId = `sc-item-${item.id}`;
  const move = (delta: -1 | 1) => edit((p) => moveItem(p, item.id, delta));
  return (
    <li className={open ? 'sc-item open' : 'sc-item'} data-item={item.id}>
      <div className="sc-row-head">
        <button
          type="button"
          className="link sc-title"
          aria-expanded={open}
          aria-controls={editorId}
          onClick={() => openItem(open ? null : item.id)}
        >
          {text}
        </button>
        <span className="sc-tools">
          <button
            type="button"
            className="sc-move"
            aria-label={t('scorecard.item.moveUp', { item: text })}
            disabled={first}
            onClick={() => move(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="sc-move"
            aria-label={t('scorecard.item.moveDown', { item: text })}
            disabled={last}
            onClick={() => move(1)}
          >
            ↓
          </button>
        </span>
      </div>
      <ItemBadges pack={pack} item={item} isNew={isNew} problems={count} />
      {open ? (
        <ItemEditor id={editorId} pack={pack} item={item} isNew={isNew} problems={problems} />
      ) : null}
    </li>
  );
}

/** What an item is set to, in a few words. */
function ItemBadges({
  pack,
  item,
  isNew,
  problems,
}: {
  pack: StandardsPack;
  item: StandardItem;
  isNew: boolean;
  problems: number;
}) {
  const { t, i18n } = useTranslation();
  const sep = t('scorecard.listSeparator');
  const missing = missingLanguages(item.text);
  const callTypeNames = (item.callTypes ?? []).map((id) => {
    const ct = pack.callTypes.find((c) => c.id === id);
    return ct ? localize(ct.name, i18n.language) : id;
  });
  const parent = item.showWhen
    ? pack.areas.flatMap((a) => a.items).find((i) => i.id === item.showWhen?.item)
    : undefined;
  const weightText = Number.isFinite(item.weight) ? item.weight : '?';
  const badges: Array<[string, string]> = [
    ...(isNew ? [['new', t('scorecard.badge.new')] as [string, string]] : []),
    // A checklist-only item does not score: its weight means nothing.
    ...(item.scorecard
      ? [
          [
            'weight',
            item.bonus
              ? t('scorecard.badge.bonus', { points: weightText })
              : t('scorecard.badge.weight', { weight: weightText }),
          ] as [string, string],
        ]
      : []),
    ...(item.critical
      ? [
          [
            'critical',
            item.criticalScope === 'section'
              ? t('scorecard.badge.criticalSection')
              : t('scorecard.badge.criticalCall'),
          ] as [string, string],
        ]
      : []),
    ...(!item.scorecard
      ? [['checklist', t('scorecard.badge.checklistOnly')] as [string, string]]
      : []),
    ...(item.naAllowed === false ? [['na', t('scorecard.badge.noNa')] as [string, string]] : []),
    ...(item.commentOnNo
      ? [['comment', t('scorecard.badge.commentOnNo')] as [string, string]]
      : []),
    ...(item.callTypes
      ? [
          ['callTypes', t('scorecard.badge.only', { names: callTypeNames.join(sep) })] as [
            string,
            string,
          ],
        ]
      : []),
    ...(item.showWhen
      ? [
          [
            'showWhen',
            t('scorecard.badge.showWhen', {
              item: parent ? localize(parent.text, i18n.language) : item.showWhen.item,
              answers: item.showWhen.answers.map((a) => t(`assessment.${a}`)).join(sep),
            }),
          ] as [string, string],
        ]
      : []),
    ...(missing.length > 0
      ? [
          [
            'fallback',
            t('scorecard.badge.inEnglish', {
              languages: missing.map((l) => t(`language.${l}`)).join(sep),
            }),
          ] as [string, string],
        ]
      : []),
    ...(problems > 0
      ? [['problem', t('scorecard.badge.problems', { count: problems })] as [string, string]]
      : []),
  ];
  return (
    <ul className="sc-badges" aria-label={t('scorecard.badge.label')}>
      {badges.map(([kind, label]) => (
        <li key={kind} className={`sc-badge sc-badge-${kind}`}>
          {label}
        </li>
      ))}
    </ul>
  );
}
