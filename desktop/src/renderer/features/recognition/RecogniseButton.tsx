import { useTranslation } from 'react-i18next';
import type { CallRecord, StandardsPack } from '@sidecoach/shared';
import { useSession } from '../../hub/session-store.js';
import { callTypeName, shortDateTime } from '../../lib/format.js';

/** How many of the agent's calls the composer offers to tie a shout-out to. */
const CALLS_OFFERED = 20;

/** The agent's calls as the composer's choices, newest first: call type and when. */
export function callChoices(
  pack: StandardsPack | null,
  calls: readonly (CallRecord | null | undefined)[],
  lang: string,
) {
  const time = shortDateTime(lang);
  return calls
    .filter((c): c is CallRecord => Boolean(c))
    .filter((c, i, list) => list.findIndex((x) => x.id === c.id) === i)
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt))
    .slice(0, CALLS_OFFERED)
    .map((c) => ({
      id: c.id,
      label: `${callTypeName(pack, c.callType, lang)} · ${time.format(new Date(c.startedAt))}`,
    }));
}

/**
 * "Recognise" on a coach's view of an agent: opens the shout-out composer for them. Leads and
 * supervisors only (the hub takes shout-outs from the agent's coaches and teammates).
 */
export function RecogniseButton({
  name,
  open,
  onToggle,
}: {
  name: string;
  open: boolean;
  onToggle: () => void;
}) {
  const { t } = useTranslation();
  const role = useSession((s) => s.session?.user.role);
  if (role !== 'lead' && role !== 'supervisor') return null;
  return (
    <button
      type="button"
      className="link"
      aria-expanded={open}
      aria-label={t('recognition.entry.recogniseLabel', { name })}
      onClick={onToggle}
    >
      {t('recognition.entry.recognise')}
    </button>
  );
}
