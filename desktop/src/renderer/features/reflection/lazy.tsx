import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

// The session views load when first opened: the agent's sidebar starts no bigger for them.
const ReflectionView = lazy(() => import('./ReflectionView.js'));

export function Reflection() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p className="muted">{t('reflection.loading')}</p>}>
      <ReflectionView />
    </Suspense>
  );
}
