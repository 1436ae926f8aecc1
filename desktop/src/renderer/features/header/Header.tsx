import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotes } from '../coach-notes/store.js';
import { currentStatus, useCalls } from '../call/store.js';
import { useSession } from '../../hub/session-store.js';
import { toggleSettings } from '../settings/store.js';
import { end } from '../../hub/lifecycle.js';
import { bridge } from '../../lib/bridge.js';
import { useElapsed } from '../../lib/time.js';
import { LanguagePicker } from './LanguagePicker.js';
import { UnreadNotes } from './UnreadNotes.js';
import { SignOutConfirm } from './SignOutConfirm.js';
import './header.css';

function StatusPill() {
  const { t } = useTranslation();
  const connection = useSession((s) => s.connection);
  const calls = useCalls((s) => s.calls);
  const isAgent = useSession((s) => s.session?.user.role === 'agent');
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
  const [confirming, setConfirming] = useState(false);
  const user = useSession((s) => s.session?.user);
  const pending = useCalls((s) => s.pending.length) + useNotes((s) => s.pending.length);
  const connection = useSession((s) => s.connection);
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
        <button type="button" className="link" onClick={() => toggleSettings()}>
          {bridge.host === 'electron' ? t('settings.open') : t('account.settings.open')}
        </button>
        <button
          type="button"
          className="link"
          onClick={() => (pending > 0 ? setConfirming(true) : void end())}
        >
          {t('header.signOut')}
        </button>
      </div>
      {confirming && pending > 0 ? (
        <SignOutConfirm pending={pending} onCancel={() => setConfirming(false)} />
      ) : null}
      {connection === 'offline' ? <p className="hint">{t('status.offlineHint')}</p> : null}
    </header>
  );
}
