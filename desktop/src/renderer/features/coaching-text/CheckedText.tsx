import { useCallback, useLayoutEffect, useMemo, useRef, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import {
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
  const findings = useMemo(() => check(value, lang), [check, value, lang]);
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
          lang={lang}
          // Grows with the text (field-sizing), from the height of `rows` lines.
          style={{ minHeight: `calc(${rows * 1.4}em + 16px)` }}
          maxLength={maxLength}
          placeholder={placeholder}
          onChange={(e) => onChange(e.target.value)}
          onScroll={syncScroll}
          onKeyDown={onKeyDown}
          aria-describedby={summary ? summaryId : undefined}
        />
      </div>
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
