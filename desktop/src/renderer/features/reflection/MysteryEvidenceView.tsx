import { useTranslation } from 'react-i18next';
import type { MysteryEvidence, StandardsPack } from '@sidecoach/shared';
import { shortDateTime, scorePercent } from '../../lib/format.js';
import { mysteryCallLines } from './mystery.js';

/**
 * The agent's mystery calls in the period (released waves only: the hub sends none before), each
 * with what the caller missed and why, what went well, how the call felt and their impression;
 * the score only for who may see numbers. For the lead's preparation and the session both read.
 */
export function MysteryEvidenceView({
  evidence,
  pack,
  numbers,
}: {
  evidence: MysteryEvidence;
  pack: StandardsPack | null;
  numbers: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (evidence.calls.length === 0) return null;
  const when = shortDateTime(lang);
  return (
    <section
      className="reflection-chart mystery-evidence"
      aria-labelledby="mystery-evidence-title"
      data-testid="mystery-evidence"
    >
      <h3 id="mystery-evidence-title">
        {t('reflection.mystery.title', { count: evidence.calls.length })}
      </h3>
      <p className="small muted">{t('reflection.mystery.intro')}</p>
      <ul className="plain mystery-calls">
        {evidence.calls.map((call) => {
          const c = mysteryCallLines(call, pack, lang, numbers);
          return (
            <li key={c.key} className="mystery-call" data-testid="mystery-call">
              <div className="row mystery-call-head">
                <strong>
                  {when.format(new Date(c.calledAt))} · {c.callType}
                </strong>
                {c.score !== null ? (
                  <span className="small" data-testid="mystery-score">
                    {t('reflection.mystery.score', { score: scorePercent(c.score, lang) })}
                  </span>
                ) : null}
              </div>
              <p className="small muted">{t('reflection.mystery.wave', { name: c.waveName })}</p>
              {c.missed.length > 0 ? (
                <>
                  <h4 className="mystery-list-title missed">{t('reflection.mystery.missed')}</h4>
                  <ul className="mystery-items" data-testid="mystery-missed">
                    {c.missed.map((m) => (
                      <li key={m.itemId}>
                        {m.comment
                          ? t('reflection.mystery.said', { item: m.name, comment: m.comment })
                          : m.name}
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <p className="small">{t('reflection.mystery.noneMissed')}</p>
              )}
              {c.praised.length > 0 ? (
                <>
                  <h4 className="mystery-list-title praised">{t('reflection.mystery.praised')}</h4>
                  <ul className="mystery-items" data-testid="mystery-praised">
                    {c.praised.map((m) => (
                      <li key={m.itemId}>
                        {m.comment
                          ? t('reflection.mystery.said', { item: m.name, comment: m.comment })
                          : m.name}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              {c.ratings.length > 0 ? (
                <>
                  <h4 className="mystery-list-title">{t('reflection.mystery.ratings')}</h4>
                  <ul className="mystery-items" data-testid="mystery-ratings">
                    {c.ratings.map((r) => (
                      <li key={r.id}>
                        {t('reflection.mystery.rating', { label: r.label, value: r.value })}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              {c.impression ? (
                <p className="small mystery-impression">
                  <strong>{t('reflection.mystery.impression')}</strong>{' '}
                  {t('reflection.mystery.quoted', { text: c.impression })}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
