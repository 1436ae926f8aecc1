import { useTranslation } from 'react-i18next';

/** The desktop host did not start the sidebar: what happened, and a way to try again. */
export function StartupError({ detail, onRetry }: { detail: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <main className="startup-error" role="alert">
      <h1>{t('startup.title')}</h1>
      <p>{t('startup.body')}</p>
      <p className="muted small">{detail}</p>
      <button type="button" className="primary" onClick={onRetry}>
        {t('startup.retry')}
      </button>
    </main>
  );
}
