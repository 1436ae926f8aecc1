import { useTranslation } from 'react-i18next';
import { showNotice, useNotice } from './notice-store.js';

/** A notice under the header until dismissed (never takes the focus). */
export function NoticeBar() {
  const { t } = useTranslation();
  const notice = useNotice((s) => s.notice);
  if (!notice) return null;
  return (
    <div className="notice" role="alert">
      <span>{t(notice.key, notice.values)}</span>
      <button type="button" className="link" onClick={() => showNotice(null)}>
        {t('errors.dismiss')}
      </button>
    </div>
  );
}
