import { useTranslation } from 'react-i18next';
import type { Message } from '../i18n/message.js';
import { ErrorText } from './ErrorText.js';

/**
 * What the last change said: saved (a status in the manager screens' `.mgr-ok`, ui/manager.css)
 * or refused (an alert); nothing before the first change.
 */
export function ChangeNotice({
  notice,
  testId,
}: {
  notice: { ok: boolean; message: Message } | null;
  testId: string;
}) {
  const { t } = useTranslation();
  if (!notice) return null;
  return notice.ok ? (
    <p className="mgr-ok" role="status" data-testid={testId}>
      {t(notice.message.key, notice.message.values)}
    </p>
  ) : (
    <ErrorText message={notice.message} />
  );
}
