import { useCallback, useLayoutEffect, useMemo, useRef, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import {
  noteLanguageOf,
  noTextChecks,
  type CoachingLanguage,
  type TextCheck,
  type TextFinding,
} from '@sidecoach/shared';
import { FindingList } from './FindingList.js';
import { Highlights } from './Highlights.js';
import { NoteLanguageSelect } from './NoteLanguageSelect.js';
import { summaryLine } from './findings.js';
import './coaching-text.css';

export interface CheckedTextProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /**
   * The most characters the hub takes. Past it nothing is cut (a pasted note stays whole): a
   * counter says how far over, and the caller's send button waits (see `overLimit`).
   */
  maxLength: number;
  /** The language check over the text (the constructive-language analyzer plugs in here). */
  check?: TextCheck | undefined;
  /** The language the note is written in, and its picker's setter. */
  lang: CoachingLanguage;
  onLangChange: (lang: CoachingLanguage) => void;
  placeholder?: string;
  rows?: number;
  onKeyDown?: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
  inputRef?: Ref<HTMLTextAreaElement>;
  hint?: string;
}

/** True when a text is longer than its box takes: its form must not send it. */
export const overLimit = (text: string, maxLength: number) => text.length > maxLength;

/** The counter shows from this share of the limit on. */
const COUNT_FROM = 0.8;

function assignRef<T>(ref: Ref<T> | undefined, value: T | null) {
  if (typeof ref === 'function') ref(value);
  else if (ref) ref.current = value;
}

/**
 * A coaching-text box that shows what its check finds as the coach types: the spans marked in
 * the text, why (on hover or focus), rewrites taken with one click, and a one-line summary
 * before sending. It never blocks sending. Every composer of coaching text uses this one.
 */
export function CheckedText({
  id,
  label,
  value,
  onChange,
  maxLength,
  check = noTextChecks,
  lang,
  onLangChange,
  placeholder,
  rows = 3,
  onKeyDown,
  inputRef,
  hint,
}: CheckedTextProps) {
  const { t } = useTranslation();
  const box = useRef<HTMLTextAreaElement | null>(null);
  const backdrop = useRef<HTMLDivElement>(null);
  /** Where the caret goes once a rewrite is in the text box. */
  const caret = useRef<number | null>(null);
  // Read in the language the text is written in: a Chinese note with English chosen is read
  // with the Chinese rules, and the coach is told so.
  const reading = noteLanguageOf(value, lang);
  const findings = useMemo(() => check(value, reading), [check, value, reading]);
  const summary = summaryLine(t, findings);
  const setBox = useCallback(
    (el: HTMLTextAreaElement | null) => {
      box.current = el;
      assignRef(inputRef, el);
    },
    [inputRef],
  );
  const syncScroll = () => {
    if (box.current && backdrop.current) backdrop.current.scrollTop = box.current.scrollTop;
  };
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    if (backdrop.current) backdrop.current.scrollTop = el.scrollTop;
    if (caret.current === null) return;
    el.focus();
    el.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  }, [value]);

  const rewrite = (f: TextFinding, suggestion: string) => {
    const next = value.slice(0, f.start) + suggestion + value.slice(f.end);
    const at = f.start + suggestion.length;
    if (next === value) {
      box.current?.focus();
      box.current?.setSelectionRange(at, at);
      return;
    }
    caret.current = at;
    onChange(next);
  };
  const select = (f: TextFinding) => {
    box.current?.focus();
    box.current?.setSelectionRange(f.start, f.end);
  };
  const findingsId = `${id}-findings`;
  const summaryId = `${id}-summary`;
  const countId = `${id}-count`;
  const over = overLimit(value, maxLength);
  const counted = value.length >= maxLength * COUNT_FROM;
  const describedBy = [summary ? summaryId : null, counted ? countId : null].filter(Boolean);
  return (
    <div className="checked-text">
      <div className="row">
        <label htmlFor={id}>{label}</label>
        <NoteLanguageSelect id={`${id}-lang`} value={lang} onChange={onLangChange} />
      </div>
      <div className="checked-box">
        <Highlights ref={backdrop} text={value} findings={findings} />
        <textarea
          id={id}
          ref={setBox}
          value={value}
          rows={rows}
          lang={reading}
          // Grows with the text (field-sizing), from the height of `rows` lines.
          style={{ minHeight: `calc(${rows * 1.4}em + 16px)` }}
          placeholder={placeholder}
          onChange={(e) => onChange(e.target.value)}
          onScroll={syncScroll}
          onKeyDown={onKeyDown}
          aria-invalid={over || undefined}
          aria-describedby={describedBy.length > 0 ? describedBy.join(' ') : undefined}
        />
      </div>
      {counted ? (
        <p
          id={countId}
          className={over ? 'small text-count over' : 'small text-count'}
          data-testid="text-count"
          aria-live="polite"
        >
          {over
            ? t('textLimit.over', { count: value.length - maxLength, max: maxLength })
            : t('textLimit.count', { length: value.length, max: maxLength })}
        </p>
      ) : null}
      {reading !== lang ? (
        <p className="small language-detected" data-testid="language-detected" role="status">
          <span>{t('languageCoach.detected', { language: t(`noteLanguage.${reading}`) })}</span>
          <button type="button" onClick={() => onLangChange(reading)}>
            {t('languageCoach.useDetected', { language: t(`noteLanguage.${reading}`) })}
          </button>
        </p>
      ) : null}
      {hint ? <span className="small muted">{hint}</span> : null}
      {findings.length > 0 ? (
        <FindingList
          id={findingsId}
          text={value}
          findings={findings}
          onSelect={select}
          onRewrite={rewrite}
        />
      ) : null}
      {summary ? (
        <p id={summaryId} className="small language-summary" data-testid="language-summary">
          {summary}
        </p>
      ) : null}
    </div>
  );
}
