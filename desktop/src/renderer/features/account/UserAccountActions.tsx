import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssuedCode } from '@sidecoach/shared';
import { ask } from '../../hub/client.js';
import { StatusLine, type Outcome } from './StatusLine.js';
import { shortDateTime } from '../../lib/format.js';
import './account.css';

type Pending = 'issue' | 'sign-out' | null;
type Copied = 'code' | 'link' | 'selected' | null;

/** Copies a text, or selects it for Ctrl+C where the clipboard is closed to the page. */
async function copyOrSelect(text: string, node: HTMLElement | null): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (node) window.getSelection()?.selectAllChildren(node);
    return false;
  }
}

/**
 * An admin's sign-in actions for one user, embedded in the user editor: issue a one-time code
 * (and link), shown once to hand over; sign the user out on every device. Both confirm first.
 */
export function UserAccountActions({ userId, username }: { userId: string; username: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [confirming, setConfirming] = useState<Pending>(null);
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<IssuedCode | null>(null);
  const [copied, setCopied] = useState<Copied>(null);
  const [status, setStatus] = useState<Outcome | null>(null);
  const codeRef = useRef<HTMLParagraphElement>(null);
  const linkRef = useRef<HTMLParagraphElement>(null);

  const run = async () => {
    const action = confirming;
    setBusy(true);
    setStatus(null);
    const failed = (text: string) =>
      setStatus({ ok: false, text: t('account.admin.failed', { message: text }) });
    if (action === 'issue') {
      const res = await ask('account:issue-code', { userId });
      if (res.ok) {
        setIssued(res.data);
        setCopied(null);
      } else failed(t(res.error.key, res.error.values));
    } else if (action === 'sign-out') {
      const res = await ask('account:sign-out-everywhere', { userId });
      if (res.ok)
        setStatus({
          ok: true,
          text: t('account.admin.signedOut', { username, count: res.data.sessions }),
        });
      else failed(t(res.error.key, res.error.values));
    }
    setBusy(false);
    setConfirming(null);
  };

  const copy = async (what: 'code' | 'link') => {
    if (!issued) return;
    const ok = await copyOrSelect(
      what === 'code' ? issued.code : issued.link,
      (what === 'code' ? codeRef : linkRef).current,
    );
    setCopied(ok ? what : 'selected');
  };

  return (
    <section className="card account-user" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('account.admin.title', { username })}</h3>
      {confirming ? (
        <div className="confirm" role="alertdialog" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`}>
            {confirming === 'issue'
              ? t('account.admin.issueConfirm', { username })
              : t('account.admin.signOutAllConfirm', { username })}
          </p>
          <div className="account-actions">
            <button
              type="button"
              className={confirming === 'issue' ? 'primary' : 'danger'}
              disabled={busy}
              onClick={() => void run()}
            >
              {busy
                ? t('account.admin.busy')
                : confirming === 'issue'
                  ? t('account.admin.confirmIssue')
                  : t('account.admin.confirmSignOut')}
            </button>
            <button type="button" disabled={busy} onClick={() => setConfirming(null)}>
              {t('account.admin.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="account-actions">
          <button type="button" onClick={() => setConfirming('issue')}>
            {t('account.admin.issue')}
          </button>
          <button type="button" className="danger" onClick={() => setConfirming('sign-out')}>
            {t('account.admin.signOutAll')}
          </button>
        </div>
      )}
      {issued ? (
        <div className="card" data-testid="issued-code">
          <span className="small muted">{t('account.admin.code')}</span>
          <p ref={codeRef} className="issued-code">
            {issued.code}
          </p>
          <span className="small muted">{t('account.admin.link')}</span>
          <p ref={linkRef} className="issued-link">
            {issued.link}
          </p>
          <p className="small">
            {t('account.admin.once', {
              time: shortDateTime(i18n.language).format(new Date(issued.expiresAt)),
            })}
          </p>
          <div className="account-actions">
            <button type="button" onClick={() => void copy('code')}>
              {t('account.admin.copyCode')}
            </button>
            <button type="button" onClick={() => void copy('link')}>
              {t('account.admin.copyLink')}
            </button>
            <button type="button" className="link" onClick={() => setIssued(null)}>
              {t('account.admin.hide')}
            </button>
          </div>
          <p role="status" className={copied ? 'small' : 'visually-hidden'}>
            {copied === 'selected'
              ? t('account.admin.copyFallback')
              : copied
                ? t('account.admin.copied')
                : null}
          </p>
        </div>
      ) : null}
      <StatusLine outcome={status} />
    </section>
  );
}
