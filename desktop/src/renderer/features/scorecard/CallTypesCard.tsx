import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { localize, type CallType, type StandardsPack } from '@sidecoach/shared';
import { addCallType, removeCallType, setCallTypeId, setCallTypeName } from './edit.js';
import { IdField } from './IdField.js';
import { LanguageTexts, missingLanguages } from './parts.js';
import { edit, openCallType, useScorecard } from './store.js';
import { callTypeField, problemCount, type Problem } from './validate.js';

/** The pack's call types: each one's name in the four languages; new ones added by name. */
export function CallTypesCard({
  pack,
  problems,
}: {
  pack: StandardsPack;
  problems: readonly Problem[];
}) {
  const { t } = useTranslation();
  const open = useScorecard((s) => s.openCallType);
  const published = useScorecard((s) => s.active?.callTypes);
  const [name, setName] = useState('');
  const [empty, setEmpty] = useState(false);
  const add = (e: FormEvent) => {
    e.preventDefault();
    const text = name.trim();
    if (!text) return setEmpty(true);
    let id = '';
    edit((p) => {
      const added = addCallType(p, text);
      id = added.id;
      return added.pack;
    });
    setName('');
    setEmpty(false);
    openCallType(id);
  };
  return (
    <section className="card sc-calltypes" aria-labelledby="sc-calltypes-title">
      <h3 id="sc-calltypes-title">
        {t('scorecard.callTypes.title')}{' '}
        <span className="muted small">
          {t('scorecard.callTypes.count', { count: pack.callTypes.length })}
        </span>
      </h3>
      <ul className="sc-list">
        {pack.callTypes.map((ct) => (
          <CallTypeRow
            key={ct.id}
            callType={ct}
            pack={pack}
            isNew={!published?.some((p) => p.id === ct.id)}
            open={open === ct.id}
            problems={problems}
          />
        ))}
      </ul>
      <form className="sc-add" onSubmit={add} noValidate>
        <label htmlFor="sc-new-calltype">{t('scorecard.callTypes.new')}</label>
        <div className="sc-add-row">
          <input
            id="sc-new-calltype"
            value={name}
            maxLength={500}
            aria-invalid={empty || undefined}
            aria-describedby={empty ? 'sc-new-calltype-problem' : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          <button type="submit">{t('scorecard.callTypes.add')}</button>
        </div>
        {empty ? (
          <p className="sc-problem" id="sc-new-calltype-problem">
            {t('scorecard.callTypes.nameFirst')}
          </p>
        ) : null}
      </form>
    </section>
  );
}

function CallTypeRow({
  callType,
  pack,
  isNew,
  open,
  problems,
}: {
  callType: CallType;
  pack: StandardsPack;
  isNew: boolean;
  open: boolean;
  problems: readonly Problem[];
}) {
  const { t, i18n } = useTranslation();
  const id = callType.id;
  const name = localize(callType.name, i18n.language) || id;
  const missing = missingLanguages(callType.name);
  const count = problemCount(problems, callTypeField(id, ''));
  const used = pack.areas.some((a) => a.items.some((i) => i.callTypes?.includes(id)));
  return (
    <li className="sc-calltype" data-calltype={id}>
      <div className="sc-row-head">
        <button
          type="button"
          className="link sc-title"
          aria-expanded={open}
          aria-controls={`sc-calltype-${id}`}
          onClick={() => openCallType(open ? null : id)}
        >
          {name}
        </button>
        <span className="sc-badges">
          {isNew ? <span className="sc-badge sc-badge-new">{t('scorecard.badge.new')}</span> : null}
          {missing.length > 0 ? (
            <span className="sc-badge sc-badge-fallback">
              {t('scorecard.badge.inEnglish', {
                languages: missing
                  .map((l) => t(`language.${l}`))
                  .join(t('scorecard.listSeparator')),
              })}
            </span>
          ) : null}
          {count > 0 ? (
            <span className="sc-badge sc-badge-problem">
              {t('scorecard.badge.problems', { count })}
            </span>
          ) : null}
        </span>
      </div>
      {open ? (
        <div className="sc-editor" id={`sc-calltype-${id}`}>
          <LanguageTexts
            legend={t('scorecard.callTypes.name')}
            text={callType.name}
            fieldOf={(lang) => callTypeField(id, `name.${lang}`)}
            problems={problems}
            onChange={(lang, value) => edit((p) => setCallTypeName(p, id, lang, value))}
          />
          {isNew ? (
            <>
              <IdField
                id={id}
                field={callTypeField(id, 'id')}
                taken={pack.callTypes.map((c) => c.id)}
                problems={problems}
                onChange={(to) => {
                  edit((p) => setCallTypeId(p, id, to));
                  openCallType(to);
                }}
              />
              <button
                type="button"
                className="sc-remove"
                onClick={() => {
                  edit((p) => removeCallType(p, id));
                  openCallType(null);
                }}
              >
                {t('scorecard.callTypes.remove', { name })}
              </button>
              {used ? <p className="mgr-hint">{t('scorecard.callTypes.removeUsed')}</p> : null}
            </>
          ) : (
            <p className="mgr-hint">{t('scorecard.callTypes.idFixed', { id })}</p>
          )}
        </div>
      ) : null}
    </li>
  );
}
