import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PACK_LANGUAGES, type LocalizedText, type PackLanguage } from '@sidecoach/shared';
import { ErrorText } from '../../ui/ErrorText.js';
import { problemsOf, type FieldKey, type Problem } from './validate.js';

// Pieces every part of the builder uses: a field with its problems beside it, the four
// languages of a text, an error line.

/** The DOM id of a field (problems link to it, "go to" focuses it). */
export const fieldDomId = (field: FieldKey) => `sc-${field.replace(/[^A-Za-z0-9_-]/g, '_')}`;
const problemDomId = (field: FieldKey) => `${fieldDomId(field)}-problem`;

/** Focuses a field once the editor that holds it has rendered. */
export function focusField(field: FieldKey): void {
  requestAnimationFrame(() => {
    const el = document.getElementById(fieldDomId(field));
    el?.focus();
    el?.scrollIntoView({ block: 'center' });
  });
}

/** The problems of a field, in the builder's words, tied to the control by its id. */
export function FieldProblems({
  problems,
  field,
}: {
  problems: readonly Problem[];
  field: FieldKey;
}) {
  const { t } = useTranslation();
  const mine = problemsOf(problems, field);
  if (mine.length === 0) return null;
  return (
    <p className="sc-problem" id={problemDomId(field)}>
      {mine.map((p) => t(p.key, p.values)).join(' ')}
    </p>
  );
}

/** What a control carries for its field: its id, and its problems when it has any. */
export function fieldProps(problems: readonly Problem[], field: FieldKey, hintId?: string) {
  const invalid = problemsOf(problems, field).length > 0;
  const described = [hintId, invalid ? problemDomId(field) : undefined].filter(Boolean).join(' ');
  return {
    id: fieldDomId(field),
    ...(invalid ? { 'aria-invalid': true as const } : {}),
    ...(described ? { 'aria-describedby': described } : {}),
  };
}

/** The same for a group of controls (a fieldset): focusable by "go to", tied to its problems. */
export function groupProps(problems: readonly Problem[], field: FieldKey) {
  const invalid = problemsOf(problems, field).length > 0;
  return {
    id: fieldDomId(field),
    tabIndex: -1,
    ...(invalid ? { 'aria-describedby': problemDomId(field) } : {}),
  };
}

/** A labelled control with its problems under it. */
export function Field({
  label,
  field,
  problems,
  hint,
  children,
}: {
  label: string;
  field: FieldKey;
  problems: readonly Problem[];
  hint?: string;
  children: (props: ReturnType<typeof fieldProps>) => ReactNode;
}) {
  const hintId = hint ? `${fieldDomId(field)}-hint` : undefined;
  return (
    <div className="field sc-field">
      <label htmlFor={fieldDomId(field)}>{label}</label>
      {children(fieldProps(problems, field, hintId))}
      {hint ? (
        <p className="mgr-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <FieldProblems problems={problems} field={field} />
    </div>
  );
}

/** Points from 0 to 100 (an item's weight, the bonus cap) in a number box; empty is `null`. */
export function PointsField({
  label,
  field,
  problems,
  hint,
  placeholder,
  value,
  onChange,
}: {
  label: string;
  field: FieldKey;
  problems: readonly Problem[];
  hint?: string;
  placeholder?: string;
  value: number | null | undefined;
  onChange: (value: number | null) => void;
}) {
  const [text, setText] = useNumberText(value);
  return (
    <Field label={label} field={field} problems={problems} {...(hint ? { hint } : {})}>
      {(props) => (
        <input
          {...props}
          type="number"
          inputMode="decimal"
          min={0}
          max={100}
          step="any"
          placeholder={placeholder}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            onChange(e.target.value.trim() === '' ? null : Number(e.target.value));
          }}
        />
      )}
    </Field>
  );
}

/**
 * A text in the four languages: English required, each other one shown in English when it is
 * left empty (said under it, and the English text as its placeholder).
 */
export function LanguageTexts({
  legend,
  text,
  fieldOf,
  problems,
  onChange,
}: {
  legend: string;
  text: LocalizedText;
  fieldOf: (lang: PackLanguage) => FieldKey;
  problems: readonly Problem[];
  onChange: (lang: PackLanguage, value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="sc-texts">
      <legend>{legend}</legend>
      {PACK_LANGUAGES.map((lang) => {
        const field = fieldOf(lang);
        const value = text[lang] ?? '';
        const fallback = lang !== 'en' && value === '';
        const hintId = fallback ? `${fieldDomId(field)}-fallback` : undefined;
        return (
          <div key={lang} className="field sc-field">
            <label htmlFor={fieldDomId(field)}>
              {lang === 'en'
                ? t('scorecard.text.english', { language: t(`language.${lang}`) })
                : t(`language.${lang}`)}
            </label>
            <textarea
              {...fieldProps(problems, field, hintId)}
              lang={lang}
              rows={2}
              maxLength={500}
              value={value}
              placeholder={fallback ? (text.en ?? '') : undefined}
              onChange={(e) => onChange(lang, e.target.value)}
            />
            {fallback ? (
              <p className="sc-fallback" id={hintId}>
                {t('scorecard.text.fallback')}
              </p>
            ) : null}
            <FieldProblems problems={problems} field={field} />
          </div>
        );
      })}
    </fieldset>
  );
}

/** Whether what is typed in a number box is the number the pack has (undefined: empty). */
const sameNumber = (text: string, value: number | null | undefined) =>
  text.trim() === ''
    ? value === undefined || value === null
    : Number(text) === value || (Number.isNaN(Number(text)) && Number.isNaN(value ?? 0));

/**
 * A number box's text: what is typed ("1." on the way to "1.5") while it reads as the pack's
 * number, the pack's number when that changed elsewhere (the edit discarded, reloaded).
 */
export function useNumberText(value: number | null | undefined): [string, (text: string) => void] {
  const [text, setText] = useState(() => numberText(value));
  return [sameNumber(text, value) ? text : numberText(value), setText];
}
const numberText = (value: number | null | undefined) =>
  typeof value === 'number' && Number.isFinite(value) ? String(value) : '';

/** The languages (besides English) a text is shown in English for. */
export const missingLanguages = (text: LocalizedText): PackLanguage[] =>
  PACK_LANGUAGES.filter((l) => l !== 'en' && !text[l]);

export { ErrorText };
