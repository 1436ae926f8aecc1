import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shortDateTime } from '../../lib/format.js';
import { dismissSurveyLink } from './store.js';
import './survey-agent.css';

const COPIED_SHOWN_MS = 4_000;

/** Draws a QR code as a data: URL (the CSP allows data: images); loaded when first needed. */
async function qrDataUrl(text: string): Promise<string> {
  const { default: QRCode } = await import('qrcode');
  return QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width: 200 });
}

/** The QR code of a link; null until drawn. */
function useQrCode(link: string): string | null {
  const [qr, setQr] = useState<{ link: string; url: string } | null>(null);
  useEffect(() => {
    let current = true;
    qrDataUrl(link)
      .then((url) => current && setQr({ link, url }))
      .catch(() => current && setQr(null));
    return () => {
      current = false;
    };
  }, [link]);
  return qr?.link === link ? qr.url : null;
}

/**
 * A link-channel survey (chat and in-person contacts): the agent shows the customer the link
 * or its QR code. Appears without taking the focus.
 */
export function SurveyLinkCard({
  callId,
  link,
  expiresAt,
}: {
  callId: string;
  link: string;
  expiresAt: string | null;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const qr = useQrCode(link);
  const linkRef = useRef<HTMLParagraphElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'selected'>('idle');

  useEffect(() => {
    if (copy !== 'copied') return;
    const timer = setTimeout(() => setCopy('idle'), COPIED_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [copy]);

  // Selecting text moves no focus: the agent copies with Ctrl+C where the clipboard is closed.
  const selectLink = () => {
    const node = linkRef.current;
    const selection = window.getSelection();
    if (!node || !selection) return;
    selection.selectAllChildren(node);
  };
  const copyLink = async () => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(link);
      setCopy('copied');
    } catch {
      selectLink();
      setCopy('selected');
    }
  };

  return (
    <section className="card survey-link-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('surveyAgent.link.title')}</h2>
      <p className="small muted">{t('surveyAgent.link.intro')}</p>
      <div className="survey-qr">
        {qr ? (
          <img src={qr} alt={t('surveyAgent.link.qrAlt')} width={200} height={200} />
        ) : (
          <span className="survey-qr-placeholder" aria-hidden="true" />
        )}
      </div>
      <p ref={linkRef} className="survey-link" data-testid="survey-link">
        {link}
      </p>
      {expiresAt ? (
        <p className="small muted">
          {t('surveyAgent.link.expires', {
            time: shortDateTime(i18n.language).format(new Date(expiresAt)),
          })}
        </p>
      ) : null}
      <div className="survey-actions">
        <button type="button" className="link" onClick={() => dismissSurveyLink(callId)}>
          {t('surveyAgent.link.dismiss')}
        </button>
        <button type="button" onClick={() => void copyLink()}>
          {t('surveyAgent.link.copy')}
        </button>
      </div>
      <p
        role="status"
        className={
          copy === 'idle' ? 'visually-hidden' : copy === 'copied' ? 'small survey-copied' : 'hint'
        }
      >
        {copy === 'copied'
          ? t('surveyAgent.link.copied')
          : copy === 'selected'
            ? t('surveyAgent.link.copyFallback')
            : null}
      </p>
    </section>
  );
}
