import { useTranslation } from 'react-i18next';
import { useAgentNotes, PANEL_ID } from '../coach-notes/CoachNotesPanel.js';

/**
 * A glanceable line in the (sticky) header: how many coach notes wait, and the latest one. It
 * scrolls the notes into view but leaves the keyboard where it is (the agent may be in the CRM).
 */
export function UnreadNotes() {
  const { t } = useTranslation();
  const { notes, acknowledged } = useAgentNotes(undefined);
  const unread = notes.filter((n) => !acknowledged.has(n.id));
  const latest = unread.at(-1);
  if (!latest) return null;
  const preview = latest.text || latest.tags.map((tag) => t(`tags.${tag}`)).join(', ');
  const show = () =>
    document.getElementById(PANEL_ID)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  return (
    <button type="button" className="link unread" data-testid="unread-notes" onClick={show}>
      <strong>{t('header.unreadNotes', { count: unread.length })}</strong>
      {preview ? <span className="muted"> · {preview}</span> : null}
    </button>
  );
}
