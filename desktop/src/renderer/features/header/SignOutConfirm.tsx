import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { end } from '../../hub/lifecycle.js';
import { useSession } from '../../hub/session-store.js';

/**
 * Asked before signing out with changes the hub does not have yet: wait until they are there
 * (then sign out), or sign out and keep them on this device (they go at the owner's next
 * sign-in here, never counted for anyone else), or stay.
 */
export function SignOutConfirm({ pending, onCancel }: { pending: number; onCancel: () => void }) {
  const { t } = useTranslation();
  const offline = useSession((s) => s.connection !== 'online');
  const [waiting, setWaiting] = useState(false);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  useEffect(() => {
    if (waiting && pending === 0) void end();
  }, [waiting, pending]);
  return (
    <div
      className="sign-out-confirm"
      role="alertdialog"
      aria-labelledby="sign-out-title"
      aria-describedby="sign-out-body"
      data-testid="sign-out-confirm"
    >
      <p id="sign-out-title" className="small">
        <strong>{t('header.unsentTitle', { count: pending })}</strong>
      </p>
      <p id="sign-out-body" className="small">
        {waiting
          ? t(offline ? 'header.waitingOffline' : 'header.waiting')
          : t(offline ? 'header.unsentOffline' : 'header.unsent')}
      </p>
      <div className="row">
        {waiting ? null : (
          <button ref={first} type="button" className="primary" onClick={() => setWaiting(true)}>
            {t('header.waitThenSignOut')}
          </button>
        )}
        <button type="button" onClick={() => void end()}>
          {t('header.signOutKeep')}
        </button>
        <button type="button" className="link" onClick={onCancel}>
          {t('header.cancelSignOut')}
        </button>
      </div>
    </div>
  );
}
