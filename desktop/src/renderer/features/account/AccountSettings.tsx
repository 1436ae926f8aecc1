import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../hub/session-store.js';
import { ChangePassword } from './ChangePassword.js';
import { MyDevices } from './MyDevices.js';
import './account.css';

/** The settings panel's account part: my password, my signed-in devices. */
export default function AccountSettings() {
  const { t } = useTranslation();
  const user = useSession((s) => s.session?.user);
  // A password change signs the other devices out: the list is read again.
  const [version, setVersion] = useState(0);
  if (!user) return null;
  return (
    <div className="account" aria-label={t('account.settings.title')} role="region">
      <ChangePassword user={user} onChanged={() => setVersion((v) => v + 1)} />
      <MyDevices version={version} />
    </div>
  );
}
