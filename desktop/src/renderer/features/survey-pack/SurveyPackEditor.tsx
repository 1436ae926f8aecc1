import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

// The editor brings the YAML parser: loaded when a quality manager opens it, not by every agent.
const PackEditor = lazy(() => import('./PackEditor.js'));

function Loading() {
  const { t } = useTranslation();
  return (
    <section className="card survey-pack">
      <p className="small muted">{t('surveyPack.loading')}</p>
    </section>
  );
}

/** The quality manager's survey pack editor: a summary of the pack and its YAML, saved by version. */
export function SurveyPackEditor() {
  return (
    <Suspense fallback={<Loading />}>
      <PackEditor />
    </Suspense>
  );
}
