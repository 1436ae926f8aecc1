import { useTranslation } from 'react-i18next';
import { isPlainHttpToNetwork } from '@sidecoach/shared';

/**
 * Under a hub address field, while the address is plain http to another machine: passwords and
 * notes would cross the network unencrypted. The field names it in `aria-describedby`.
 */
export function PlainHttpWarning({ address, id }: { address: string; id: string }) {
  const { t } = useTranslation();
  if (!isPlainHttpToNetwork(address)) return null;
  return (
    <p id={id} className="address-warning" role="note">
      <strong>{t('signIn.plainHttpTitle')}</strong>
      {t('signIn.plainHttp')}
    </p>
  );
}
