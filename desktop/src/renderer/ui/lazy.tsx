import { lazy, Suspense, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageKey } from '../i18n/message.js';

/**
 * A view loaded the first time it is shown, in a chunk of its own, so the agent's sidebar
 * starts no bigger for it; `loadingKey` is what shows while it loads.
 */
export function lazyView(load: () => Promise<{ default: ComponentType }>, loadingKey: MessageKey) {
  const View = lazy(load);
  return function LazyView() {
    const { t } = useTranslation();
    return (
      <Suspense fallback={<p className="muted">{t(loadingKey)}</p>}>
        <View />
      </Suspense>
    );
  };
}
