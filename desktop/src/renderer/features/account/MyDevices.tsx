import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceSession } from '@sidecoach/shared';
import { ask } from '../../hub/client.js';
import { StatusLine, type Outcome } from './StatusLine.js';
import type { Message } from '../../hub/errors.js';
import { useSession } from '../../hub/session-store.js';
import { shortDateTime } from '../../lib/format.js';

/** The user's signed-in devices, this one marked; any other can be signed out. */
export function MyDevices({ version }: { version: number }) {
  const { t, i18n } = useTranslation();
  const online = useSession((s) => s.connection === 'online');
  const [sessions, setSessions] = useState<DeviceSession[] | null>(null);
  const [status, setStatus] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const time = (iso: string) => shortDateTime(i18n.language).format(new Date(iso));
  const name = (s: DeviceSession) => s.device ?? t('account.devices.unknown');

  const failed = useCallback(
    (error: Message) =>
      setStatus({
        ok: false,
        text: t('account.devices.failed', { message: t(error.key, error.values) }),
      }),
    [t],
  );
  const [asked, setAsked] = useState(0);

  useEffect(() => {
    if (!online) return;
    let current = true;
    void ask('account:sessions', {}).then((res) => {
      if (!current) return;
      if (res.ok) setSessions(res.data.sessions);
      else failed(res.error);
    });
    return () => {
      current = false;
    };
  }, [online, failed, version, asked]);

  const signOut = async (session: DeviceSession) => {
    setBusy(session.id);
    setStatus(null);
    const res = await ask('account:revoke-session', { sessionId: session.id });
    setBusy(null);
    if (res.ok) {
      setSessions(res.data.sessions);
      setStatus({ ok: true, text: t('account.devices.signedOut', { device: name(session) }) });
    } else failed(res.error);
  };

  return (
    <section className="card devices-card" aria-labelledby="devices-title">
      <div className="row">
        <h2 id="devices-title">{t('account.devices.title')}</h2>
        <button
          type="button"
          className="link"
          onClick={() => setAsked((n) => n + 1)}
          disabled={!online}
        >
          {t('account.devices.refresh')}
        </button>
      </div>
      <p className="small muted">{t('account.devices.intro')}</p>
      {sessions === null ? (
        <p className="muted">{t('account.devices.loading')}</p>
      ) : (
        <ul className="devices" aria-labelledby="devices-title">
          {sessions.map((s) => (
            <li key={s.id} data-current={s.current} data-testid="device">
              <div className="device-facts">
                <span className="device-name">
                  {name(s)}
                  {s.current ? (
                    <span className="this-device">{t('account.devices.current')}</span>
                  ) : null}
                </span>
                <span className="small muted">
                  {t('account.devices.lastSeen', { time: time(s.lastSeenAt) })}
                  {s.address ? ` · ${t('account.devices.from', { address: s.address })}` : ''}
                </span>
                <span className="small muted">
                  {t('account.devices.signedIn', { time: time(s.createdAt) })}
                </span>
              </div>
              {s.current ? null : (
                <button
                  type="button"
                  disabled={busy !== null}
                  aria-label={t('account.devices.signOutLabel', { device: name(s) })}
                  onClick={() => void signOut(s)}
                >
                  {t('account.devices.signOut')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <StatusLine outcome={status} />
    </section>
  );
}
