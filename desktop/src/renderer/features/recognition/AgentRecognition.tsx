import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Badge, RecognitionMessage, Shoutout } from '@sidecoach/shared';
import { isNetworkMessage } from '../../hub/errors.js';
import { useSession } from '../../hub/session-store.js';
import { useCalls } from '../call/store.js';
import { BadgeView, ShoutoutView, standardLabel, useBadgeText } from './parts.js';
import { ShoutoutComposer } from './ShoutoutComposer.js';
import {
  dismissNotice,
  entryAt,
  entryKey,
  loadMine,
  messageKey,
  useRecognition,
  type WallEntry,
} from './store.js';
import { openRecognition } from './view.js';
import './recognition.css';

const SHOWN = 3;

function NoticeText({ message }: { message: RecognitionMessage }) {
  const { t, i18n } = useTranslation();
  const pack = useCalls((s) => s.pack);
  const badge = useBadgeText();
  if (message.type === 'badge')
    return (
      <>
        <p className="recognition-title">
          {t('recognition.notice.badge', { name: badge.name(message.badge) })}
        </p>
        <p className="small">{badge.what(message.badge)}</p>
      </>
    );
  const s = message.shoutout;
  return (
    <>
      <p className="recognition-title">{t('recognition.notice.shoutout', { name: s.fromName })}</p>
      <p className="small">
        <strong>{standardLabel(pack, s.itemId, i18n.language)}</strong>
      </p>
      <p className="small recognition-behaviour" lang={s.lang}>
        {s.behaviour}
      </p>
    </>
  );
}

/**
 * Badges and shout-outs just arrived, above the agent's work: a polite live region (read out
 * when the agent pauses, never moving the keyboard, never raising the window), each kept until
 * dismissed; they are in the agent's recognition list too.
 */
export function RecognitionNotices() {
  const { t } = useTranslation();
  const notices = useRecognition((s) => s.notices);
  const badge = useBadgeText();
  return (
    <div
      role="status"
      aria-live="polite"
      aria-label={t('recognition.notice.label')}
      className={notices.length > 0 ? 'recognition-notices' : 'visually-hidden'}
      data-testid="recognition-notices"
    >
      {notices.map((n) => {
        const key = messageKey(n);
        const what =
          n.type === 'badge'
            ? t('recognition.notice.badge', { name: badge.name(n.badge) })
            : t('recognition.notice.shoutout', { name: n.shoutout.fromName });
        return (
          <div key={key} className="recognition-notice" data-testid="recognition-notice">
            <div className="recognition-notice-text">
              <NoticeText message={n} />
            </div>
            <button
              type="button"
              className="link small"
              aria-label={t('recognition.notice.dismissLabel', { what })}
              onClick={() => dismissNotice(key)}
            >
              {t('recognition.notice.dismiss')}
            </button>
          </div>
        );
      })}
    </div>
  );
}

/** Badges and shout-outs together, newest first. */
const entriesOf = (badges: Badge[], shoutouts: Shoutout[]): WallEntry[] =>
  [
    ...badges.map((badge) => ({ kind: 'badge' as const, badge })),
    ...shoutouts.map((shoutout) => ({ kind: 'shoutout' as const, shoutout })),
  ].sort((a, b) => entryAt(b).localeCompare(entryAt(a)));

/**
 * The agent's own badges and shout-outs, newest first, low in the sidebar; from here the team
 * wall opens, and a shout-out goes to a teammate.
 */
export function MyRecognition() {
  const { t } = useTranslation();
  const user = useSession((s) => s.session?.user);
  const { status, error, badges, shoutouts } = useRecognition((s) => s.mine);
  const [all, setAll] = useState(false);
  const [composing, setComposing] = useState(false);
  useEffect(() => {
    if (user?.role === 'agent' && useRecognition.getState().mine.status === 'idle') void loadMine();
  }, [user?.role]);
  if (!user || user.role !== 'agent') return null;
  const entries = entriesOf(badges, shoutouts);
  const shown = all ? entries : entries.slice(0, SHOWN);
  const teamId = user.teams[0]?.id;
  return (
    <>
      <section className="history my-recognition" aria-labelledby="my-recognition-title">
        <div className="row recognition-head">
          <h2 id="my-recognition-title">{t('recognition.mine.title')}</h2>
          {teamId ? (
            <button type="button" className="link small" onClick={() => openRecognition('wall')}>
              {t('recognition.mine.wall')}
            </button>
          ) : null}
        </div>
        {status === 'failed' && error && !isNetworkMessage(error) ? (
          <p className="error small" role="alert">
            {t('recognition.mine.loadFailed', { message: t(error.key, error.values) })}
          </p>
        ) : null}
        {status === 'loading' && entries.length === 0 ? (
          <p className="small muted">{t('recognition.loading')}</p>
        ) : null}
        {status === 'loaded' && entries.length === 0 ? (
          <p className="small muted">{t('recognition.mine.empty')}</p>
        ) : null}
        {shown.length > 0 ? (
          <ul data-testid="my-recognition">
            {shown.map((e) => (
              <li key={entryKey(e)}>
                {e.kind === 'badge' ? (
                  <BadgeView badge={e.badge} />
                ) : (
                  <ShoutoutView shoutout={e.shoutout} />
                )}
              </li>
            ))}
          </ul>
        ) : null}
        {entries.length > SHOWN ? (
          <button type="button" className="link small" onClick={() => setAll(!all)}>
            {all
              ? t('recognition.mine.showLess')
              : t('recognition.mine.showAll', { count: entries.length - SHOWN })}
          </button>
        ) : null}
        {teamId && !composing ? (
          <button type="button" className="recognise-teammate" onClick={() => setComposing(true)}>
            {t('recognition.mine.recognise')}
          </button>
        ) : null}
      </section>
      {/* Beside the list, not in it: the list's card styles are not the form's. */}
      {teamId && composing ? (
        <ShoutoutComposer teamId={teamId} onClose={() => setComposing(false)} />
      ) : null}
    </>
  );
}
