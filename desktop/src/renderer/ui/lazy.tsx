import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageKey } from '../i18n/message.js';

/**
 * A view loaded the first time it is shown, in a chunk of its own, so the agent's sidebar
 * starts no bigger for it; `loadingKey` is what shows while it loads.
 */
export function lazyView<P extends object = object>(
  load: () => Promise<{ default: (props: NoInfer<P>) => ReactNode }>,
  loadingKey: MessageKey,
) {
  const View = lazy(load);
  return function LazyView(props: P) {
    const { t } = useTranslation();
    return (
      <Suspense fallback={<p className="muted">{t(loadingKey)}</p>}>
        <View {...props} />
      </Suspense>
    );
  };
}
