import { useTranslation } from 'react-i18next';
import type { Message } from '../i18n/message.js';

/** A refusal or failure the user must read, as an alert (`small` under a compact control). */
export function ErrorText({ message, small = false }: { message: Message; small?: boolean }) {
  const { t } = useTranslation();
  return (
    <p className={small ? 'error small' : 'error'} role="alert">
      {t(message.key, message.values)}
    </p>
  );
}
