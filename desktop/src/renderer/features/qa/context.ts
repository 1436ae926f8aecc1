import { useTranslation } from 'react-i18next';
import { localDay } from '../../lib/time.js';
import { useCalls } from '../call/store.js';
import type { RowContext } from './rows.js';

/** What the Quality view's tables are written with: the UI's strings, language and pack. */
export function useRowContext(): RowContext {
  const { t, i18n } = useTranslation();
  const pack = useCalls((s) => s.pack);
  return { t, lang: i18n.language, pack, today: localDay() };
}
