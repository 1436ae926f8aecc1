import { useTranslation } from 'react-i18next';
import { useNotes } from '../../store/notes-store.js';
import { currentStatus, useSidebar } from '../../store/sidebar-store.js';
import { end } from '../../store/sync.js';
import { bridge } from '../../lib/bridge.js';
import { useElapsed } from '../call/use-elapsed.js';
import { LanguagePicker } from './LanguagePicker.js';
import { UnreadNotes } from './UnreadNotes.js';
import './header.css';

function StatusPill() {
  const { t } = useTranslation();
  const connection = useSidebar((s) => s.connection);
  const calls = useSidebar((s) => s.calls);
  const isAgent = useSidebar((s) => s.session?.user.role === 'agent');
  const { status, call } = currentStatus(calls);
  const elapsed = useElapsed(status === 'on-call' ? call?.startedAt : undefined);
  const label =
    connection === 'online'
      ? t(isAgent ? `status.${status}` : 'status.online')
      : connection === 'offline'
        ? t('status.offline')
        : t('status.connecting');
  const tone = connection === 'online' ? (isAgent ? status : 'available') : connection;
  return (
    <span className={`pill pill-${tone}`} data-testid="status" role="status">
      {label}
      {connection === 'online' && isAgent && status === 'on-call' ? ` · ${elapsed}` : ''}
    </span>
  );
}

export function Header() {
  const { t } = useTranslation();
  const user = useSidebar((s) => s.session?.user);
  const pending = useSidebar((s) => s.pending.length) + useNotes((s) => s.pending.length);
  const connection = useSidebar((s) => s.connection);
  return (
    <header>
      <div className="row">
        <strong className="who">{user?.displayName}</strong>
        <StatusPill />
      </div>
      {user?.role === 'agent' ? <UnreadNotes /> : null}
      <div className="row small">
        <span data-testid="sync" className={pending > 0 ? 'warn' : 'muted'}>
          {pending > 0 ? t('header.pending', { count: pending }) : t('header.synced')}
        </span>
        <LanguagePicker />
        {bridge.host === 'electron' ? (
          <button
            type="button"
            className="link"
            onClick={() => useSidebar.getState().toggleSettings()}
          >
            {t('settings.open')}
          </button>
        ) : null}
        <button type="button" className="link" onClick={() => void end()}>
          {t('header.signOut')}
        </button>
      </div>
      {connection === 'offline' ? <p className="hint">{t('status.offlineHint')}</p> : null}
    </header>
  );
}
