import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  defaultHotkeysFor,
  IPV6_HUB_REFUSED,
  DesktopSettingsPatchSchema,
  HOTKEY_ACTIONS,
  isPlainHttpToNetwork,
  type DesktopSettings,
  type DockSide,
} from '@sidecoach/shared';
import { bridge } from '../../lib/bridge.js';
import { lazyView } from '../../ui/lazy.js';
import { PlainHttpWarning } from '../../ui/PlainHttpWarning.js';
import './settings.css';

/** My password and my devices: a chunk of its own, loaded when the panel opens. */
const AccountSettings = lazyView(
  () => import('../account/AccountSettings.js'),
  'account.devices.loading',
);

/**
 * The settings panel: the desktop app's settings (not on the web, where the page came from the
 * hub and nothing docks), then the user's account.
 */
export function SettingsPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="settings-panel">
      {bridge.host === 'electron' ? (
        <DesktopSettings onClose={onClose} />
      ) : (
        <div className="row">
          <h2>{t('account.settings.title')}</h2>
          <button type="button" onClick={onClose}>
            {t('settings.close')}
          </button>
        </div>
      )}
      <AccountSettings />
    </div>
  );
}

/** This computer's platform as Node names it, for its default hotkeys (none with AltGr). */
const platformHotkeys = defaultHotkeysFor(
  /Windows/i.test(navigator.userAgent)
    ? 'win32'
    : /Mac OS X|Macintosh/i.test(navigator.userAgent)
      ? 'darwin'
      : 'linux',
);

/** Desktop settings: hub, docking, softphone, hotkeys. Saved by main (electron-store). */
function DesktopSettings({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<DesktopSettings | null>(null);
  const [baresip, setBaresip] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    void bridge.getSettings().then((s) => {
      setForm(s);
      setBaresip(s.baresipAddress ?? '');
    });
  }, []);
  if (!form) return null;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = DesktopSettingsPatchSchema.safeParse({
      hubUrl: form.hubUrl.trim(),
      dockSide: form.dockSide,
      dockWindowTitle: form.dockWindowTitle?.trim() ? form.dockWindowTitle.trim() : null,
      baresipAddress: baresip.trim() === '' ? null : baresip.trim(),
      hotkeys: form.hotkeys,
    });
    if (parsed.success && parsed.data.dockSide === 'window' && !parsed.data.dockWindowTitle) {
      return setStatus({ ok: false, text: t('settings.dockWindowMissing') });
    }
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path[0];
      return setStatus({
        ok: false,
        text:
          field === 'hubUrl'
            ? t(issue?.message === IPV6_HUB_REFUSED ? 'signIn.hubUrlIpv6' : 'signIn.badHubUrl')
            : field === 'baresipAddress'
              ? t('settings.badBaresip')
              : field === 'hotkeys'
                ? t('settings.badHotkey')
                : t('errors.bad_request', { message: issue?.message ?? '' }),
      });
    }
    try {
      // A new hub address reloads the window (its security policy names the hub).
      const saved = await bridge.updateSettings(parsed.data);
      setForm(saved);
      setStatus({ ok: true, text: t('settings.saved') });
    } catch (err) {
      setStatus({ ok: false, text: err instanceof Error ? err.message : String(err) });
    }
  };
  const side = (value: DockSide) => setForm({ ...form, dockSide: value });

  return (
    <form className="card settings" onSubmit={(e) => void save(e)} aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settings.title')}</h2>
      <label>
        {t('signIn.hubUrl')}
        <input
          type="url"
          value={form.hubUrl}
          aria-describedby={isPlainHttpToNetwork(form.hubUrl) ? 'settings-hub-warning' : undefined}
          onChange={(e) => setForm({ ...form, hubUrl: e.target.value })}
        />
      </label>
      <PlainHttpWarning address={form.hubUrl} id="settings-hub-warning" />
      <div role="radiogroup" aria-labelledby="dock-label" className="inline">
        <span id="dock-label">{t('settings.dock')}</span>
        {(['left', 'right', 'window'] as const).map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name="dock"
              checked={form.dockSide === value}
              onChange={() => side(value)}
            />
            {t(`settings.dock_${value}`)}
          </label>
        ))}
      </div>
      {form.dockSide === 'window' ? (
        <label>
          {t('settings.dockWindowTitle')}
          <input
            value={form.dockWindowTitle ?? ''}
            placeholder="Zoiper"
            onChange={(e) => setForm({ ...form, dockWindowTitle: e.target.value })}
          />
        </label>
      ) : null}
      <label>
        {t('settings.baresip')}
        <input
          value={baresip}
          placeholder="127.0.0.1:4444"
          onChange={(e) => setBaresip(e.target.value)}
        />
        <span className="muted small">{t('settings.baresipHint')}</span>
      </label>
      <fieldset className="hotkeys">
        <legend>{t('settings.hotkeys')}</legend>
        {HOTKEY_ACTIONS.map((action) => (
          <label key={action}>
            {t(`settings.hotkey_${action}`)}
            <input
              value={form.hotkeys[action]}
              placeholder={platformHotkeys[action]}
              onChange={(e) =>
                setForm({ ...form, hotkeys: { ...form.hotkeys, [action]: e.target.value } })
              }
            />
          </label>
        ))}
        <button
          type="button"
          className="link"
          onClick={() => setForm({ ...form, hotkeys: platformHotkeys })}
        >
          {t('settings.defaults')}
        </button>
      </fieldset>
      {status ? (
        <p className={status.ok ? 'muted' : 'error'} role={status.ok ? 'status' : 'alert'}>
          {status.text}
        </p>
      ) : null}
      <div className="row">
        <button type="submit" className="primary">
          {t('settings.save')}
        </button>
        <button type="button" onClick={onClose}>
          {t('settings.close')}
        </button>
      </div>
    </form>
  );
}
