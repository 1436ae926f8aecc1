import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TextFinding } from '@sidecoach/shared';
import { isLanguageCategory } from './findings.js';

const keyOf = (f: TextFinding) => `${f.start}-${f.end}-${f.category}`;

/**
 * What the check found, in words: each span (a button that selects it in the text box), the
 * rewrites to take with one click, and the one-line explanation of the finding under the pointer
 * or the keyboard focus (in the flow under the list, so it never covers the next finding).
 */
export function FindingList({
  id,
  text,
  findings,
  onSelect,
  onRewrite,
}: {
  id: string;
  text: string;
  findings: readonly TextFinding[];
  onSelect: (f: TextFinding) => void;
  onRewrite: (f: TextFinding, suggestion: string) => void;
}) {
  const { t } = useTranslation();
  const [hovered, setHovered] = useState<string | null>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const shown = findings.find((f) => keyOf(f) === (hovered ?? focused));
  return (
    <div className="finding-box">
      <ul id={id} className="findings" aria-label={t('languageCoach.findings')}>
        {findings.map((f) => {
          const key = keyOf(f);
          const explainId = `${id}-${key}`;
          return (
            <li
              key={key}
              className={`finding finding-${f.tone}${shown && keyOf(shown) === key ? ' active' : ''}`}
              data-testid="finding"
              onMouseEnter={() => setHovered(key)}
              onMouseLeave={() => setHovered(null)}
              onFocus={() => setFocused(key)}
              onBlur={() => setFocused(null)}
            >
              <button
                type="button"
                className="finding-span"
                aria-describedby={explainId}
                onClick={() => onSelect(f)}
              >
                <span className="visually-hidden">
                  {isLanguageCategory(f.category)
                    ? t(`languageCoach.category.${f.category}`)
                    : f.category}
                  :{' '}
                </span>
                <mark className={`finding-${f.tone}`}>{text.slice(f.start, f.end)}</mark>
              </button>
              {f.suggestions.map((s) => (
                <button
                  key={s}
                  type="button"
                  className="chip rewrite"
                  aria-label={t('languageCoach.use', { text: s })}
                  onClick={() => {
                    setHovered(null);
                    setFocused(null);
                    onRewrite(f, s);
                  }}
                >
                  {s}
                </button>
              ))}
              <span id={explainId} className="visually-hidden">
                {f.explanation}
              </span>
            </li>
          );
        })}
      </ul>
      {/* Space kept for the explanation: showing it on hover must not move the Send button
          out from under the pointer. */}
      <div className="explain-slot">
        {shown ? (
          <p className={`explain explain-${shown.tone}`} data-testid="explanation">
            {shown.explanation}
          </p>
        ) : null}
      </div>
    </div>
  );
}
