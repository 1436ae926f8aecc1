import { useTranslation } from 'react-i18next';
import type { TextFinding } from '@sidecoach/shared';
import { isLanguageCategory } from './findings.js';

const keyOf = (f: TextFinding) => `${f.start}-${f.end}-${f.category}`;

/**
 * What the check found, in words: each span (a button that selects it in the text box), the
 * rewrites to take with one click, and under it the one-line explanation, always in view (no
 * hover needed, nothing reserved when there is nothing to explain).
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
  return (
    <ul id={id} className="findings" aria-label={t('languageCoach.findings')}>
      {findings.map((f) => {
        const key = keyOf(f);
        const explainId = `${id}-${key}`;
        return (
          <li key={key} className={`finding finding-${f.tone}`} data-testid="finding">
            <div className="finding-row">
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
                  onClick={() => onRewrite(f, s)}
                >
                  {s}
                </button>
              ))}
            </div>
            <p id={explainId} className={`explain explain-${f.tone}`} data-testid="explanation">
              {f.explanation}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
