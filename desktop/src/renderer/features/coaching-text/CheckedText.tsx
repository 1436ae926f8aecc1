import { useMemo, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { noTextChecks, type TextCheck, type TextFinding } from '@sidecoach/shared';

/** The text with each finding's span marked (overlapping findings: the first one wins). */
function highlight(text: string, findings: TextFinding[]): ReactNode[] {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    if (f.start < at || f.end <= f.start || f.end > text.length) continue;
    if (f.start > at) parts.push(text.slice(at, f.start));
    parts.push(
      <mark key={`${f.start}-${f.category}`} className={`finding-${f.tone}`}>
        {text.slice(f.start, f.end)}
      </mark>,
    );
    at = f.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

export interface CheckedTextProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  /** The language check over the text (the constructive-language analyzer plugs in here). */
  check?: TextCheck | undefined;
  placeholder?: string;
  rows?: number;
  onKeyDown?: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
  inputRef?: Ref<HTMLTextAreaElement>;
  hint?: string;
}

/**
 * A coaching-text box that shows what its check finds: the spans marked, why, and rewrites the
 * coach takes with one click. Every composer of coaching text uses this one.
 */
export function CheckedText({
  id,
  label,
  value,
  onChange,
  maxLength,
  check = noTextChecks,
  placeholder,
  rows = 3,
  onKeyDown,
  inputRef,
  hint,
}: CheckedTextProps) {
  const { t, i18n } = useTranslation();
  const findings = useMemo(() => check(value, i18n.language), [check, value, i18n.language]);
  const apply = (f: TextFinding, suggestion: string) => {
    onChange(value.slice(0, f.start) + suggestion + value.slice(f.end));
    // The chip clicked may go with its finding: the coach goes on typing where they were.
    document.getElementById(id)?.focus();
  };
  const findingsId = `${id}-findings`;
  return (
    <div className="checked-text">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        ref={inputRef}
        value={value}
        rows={rows}
        maxLength={maxLength}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        aria-describedby={findings.length > 0 ? findingsId : undefined}
      />
      {hint ? <span className="small muted">{hint}</span> : null}
      {findings.length > 0 ? (
        <div id={findingsId} className="findings" aria-label={t('textCheck.findings')}>
          <p className="marked">{highlight(value, findings)}</p>
          <ul>
            {findings.map((f) => (
              <li key={`${f.start}-${f.end}-${f.category}`} className={`finding finding-${f.tone}`}>
                <span>
                  <strong>{value.slice(f.start, f.end)}</strong>: {f.explanation}
                </span>
                {f.suggestions.map((s) => (
                  <button
                    key={s}
                    type="button"
                    className="chip"
                    aria-label={t('textCheck.use', { text: s })}
                    onClick={() => apply(f, s)}
                  >
                    {s}
                  </button>
                ))}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
