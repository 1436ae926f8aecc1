import { useTranslation } from 'react-i18next';
import { localize, type SurveyPack } from '@sidecoach/shared';
import { useCalls } from '../call/store.js';
import { PackLanguages } from './PackLanguages.js';

/** A readable account of a survey pack: what is asked of which calls, how and how often. */
export function PackSummary({ pack }: { pack: SurveyPack }) {
  const { t, i18n } = useTranslation();
  const callTypes = useCalls((s) => s.pack?.callTypes ?? []);
  const lang = i18n.language;
  const percent = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  const sep = t('surveyPack.listSeparator');
  const callTypeName = (id: string) => {
    const known = callTypes.find((ct) => ct.id === id);
    return known ? localize(known.name, lang) : t('surveyPack.unknownCallType', { id });
  };
  const covered = new Set(pack.surveys.flatMap((s) => s.callTypes));
  const uncovered = callTypes.filter((ct) => !covered.has(ct.id));
  return (
    <div className="pack-summary" data-testid="survey-pack-summary">
      <ul className="pack-surveys">
        {pack.surveys.map((survey) => (
          <li key={survey.id} className="pack-survey">
            <h4>
              {localize(survey.name, lang)} <span className="muted small">{survey.id}</span>
            </h4>
            <dl className="pack-facts">
              <dt>{t('surveyPack.callTypes')}</dt>
              <dd>{survey.callTypes.map(callTypeName).join(sep)}</dd>
              <dt>{t('surveyPack.channel')}</dt>
              <dd>{t(`surveyPack.channels.${survey.channel}`)}</dd>
              <dt>{t('surveyPack.sample')}</dt>
              <dd>
                {survey.samplePercent >= 100
                  ? t('surveyPack.sampleAll')
                  : t('surveyPack.samplePercent', {
                      percent: percent.format(survey.samplePercent),
                    })}
              </dd>
              <dt>{t('surveyPack.questions')}</dt>
              <dd>{t('surveyPack.questionCount', { count: survey.questions.length })}</dd>
            </dl>
          </li>
        ))}
      </ul>
      {uncovered.length > 0 ? (
        <p className="small muted">
          {t('surveyPack.notSurveyed', {
            names: uncovered.map((ct) => localize(ct.name, lang)).join(sep),
          })}
        </p>
      ) : null}
      <p className="small">
        {pack.cooldownDays > 0
          ? t('surveyPack.cooldown', { count: pack.cooldownDays })
          : t('surveyPack.noCooldown')}
      </p>
      <h4>{t('surveyPack.excludedNumbers')}</h4>
      {pack.excludedNumbers.length > 0 ? (
        <ul className="pack-numbers">
          {pack.excludedNumbers.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : (
        <p className="small muted">{t('surveyPack.noExcludedNumbers')}</p>
      )}
      <h4>{t('surveyPack.languages.title')}</h4>
      <p className="small muted">{t('surveyPack.languages.intro')}</p>
      <PackLanguages pack={pack} testId="survey-pack-languages" />
    </div>
  );
}
