import { useTranslation } from 'react-i18next';
import {
  allItems,
  localize,
  type Badge,
  type Shoutout,
  type StandardsPack,
} from '@sidecoach/shared';
import { LongText } from '../../ui/LongText.js';
import { shortDateTime } from '../../lib/format.js';
import { useCalls } from '../call/store.js';
import './recognition.css';

/** A day of the hub's calendar (YYYY-MM-DD) as a local date: no time zone moves it a day. */
function dayDate(day: string): Date {
  const [y = 1970, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(y, m - 1, d);
}

/** A standard's text in the UI language (its id when the active pack no longer has it). */
export function standardLabel(pack: StandardsPack | null, itemId: string | null, lang: string) {
  if (!itemId) return '';
  const item = pack ? allItems(pack).find((i) => i.id === itemId) : undefined;
  return item ? localize(item.text, lang) : itemId;
}

/** "March 2026" in the UI language, for a month given as YYYY-MM or a day in it. */
export const monthName = (month: string, lang: string) =>
  new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long' }).format(
    dayDate(month.length === 7 ? `${month}-01` : month),
  );

/** A badge in words: its name, and what it was for (the standard, the week, the count). */
export function useBadgeText() {
  const { t, i18n } = useTranslation();
  const pack = useCalls((s) => s.pack);
  const lang = i18n.language;
  const day = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short' });
  return {
    name: (b: Badge) => t(`recognition.badge.name.${b.kind}`),
    what: (b: Badge) =>
      t(`recognition.badge.for.${b.kind}`, {
        count: b.count,
        standard: standardLabel(pack, b.itemId, lang),
        date: day.format(dayDate(b.period)),
        month: monthName(b.period, lang),
      }),
  };
}

function When({ at }: { at: string }) {
  const { i18n } = useTranslation();
  return (
    <time className="small muted" dateTime={at}>
      {shortDateTime(i18n.language).format(new Date(at))}
    </time>
  );
}

/** A badge: its name and what it was for; on the wall, whose it is. */
export function BadgeView({ badge, whose = false }: { badge: Badge; whose?: boolean }) {
  const { t } = useTranslation();
  const text = useBadgeText();
  return (
    <div className="recognition-item badge-item" data-testid="recognition-badge">
      <div className="row">
        <span className="pill recognition-kind badge-kind">{t('recognition.kind.badge')}</span>
        <When at={badge.awardedAt} />
      </div>
      {whose ? (
        <p className="small">{t('recognition.badge.earnedBy', { name: badge.agentName })}</p>
      ) : null}
      <p className="recognition-title">{text.name(badge)}</p>
      <p className="small">{text.what(badge)}</p>
    </div>
  );
}

/** A shout-out: the standard, the behaviour as written, who gave it; on the wall, to whom. */
export function ShoutoutView({
  shoutout: s,
  whose = false,
}: {
  shoutout: Shoutout;
  whose?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const pack = useCalls((st) => st.pack);
  const from = `${s.fromName} · ${t(`recognition.shoutout.role.${s.fromRole}`)}`;
  return (
    <div className="recognition-item shoutout-item" data-testid="recognition-shoutout">
      <div className="row">
        <span className="pill recognition-kind shoutout-kind">
          {t('recognition.kind.shoutout')}
        </span>
        <When at={s.at} />
      </div>
      {whose ? (
        <p className="small">
          {t('recognition.shoutout.gave', { from: s.fromName, agent: s.agentName })}
        </p>
      ) : null}
      <p className="recognition-title">{standardLabel(pack, s.itemId, i18n.language)}</p>
      <div lang={s.lang}>
        <LongText className="recognition-behaviour" text={s.behaviour} />
      </div>
      <p className="small muted">
        {whose
          ? t(`recognition.shoutout.role.${s.fromRole}`)
          : t('recognition.shoutout.from', { name: from })}
        {s.callId ? ` · ${t('recognition.shoutout.onCall')}` : ''}
        {s.visibility === 'private' ? ` · ${t('recognition.shoutout.private')}` : ''}
      </p>
    </div>
  );
}
