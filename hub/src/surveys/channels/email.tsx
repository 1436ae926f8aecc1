import nodemailer from 'nodemailer';
import { renderToStaticMarkup } from 'react-dom/server';
import { customerDate, customerT, localized } from '../i18n.js';
import { ChannelNotConfigured, type Channel, type Invitation } from './types.js';

function html(inv: Invitation): string {
  const t = customerT(inv.lang);
  return `<!doctype html>${renderToStaticMarkup(
    <html lang={inv.lang}>
      <body style={{ fontFamily: 'system-ui, sans-serif', color: '#1b1d21', lineHeight: 1.5 }}>
        <p>{t('email.greeting')}</p>
        <p>{t('email.body')}</p>
        <p>
          <strong>{localized(inv.survey.name, inv.lang)}</strong>
        </p>
        <p>
          <a
            href={inv.url}
            style={{
              display: 'inline-block',
              padding: '12px 20px',
              background: '#1f5fbf',
              color: '#ffffff',
              borderRadius: '6px',
              textDecoration: 'none',
              fontWeight: 600,
            }}
          >
            {t('email.button')}
          </a>
        </p>
        <p>{t('email.expires', { date: customerDate(inv.expiresAt, inv.lang) })}</p>
        <p style={{ color: '#555', fontSize: '13px' }}>
          {t('email.footer', { count: inv.cooldownDays })}
        </p>
      </body>
    </html>,
  )}`;
}

function text(inv: Invitation): string {
  const t = customerT(inv.lang);
  return [
    t('email.greeting'),
    '',
    t('email.body'),
    '',
    `${t('email.button')}: ${inv.url}`,
    '',
    t('email.expires', { date: customerDate(inv.expiresAt, inv.lang) }),
    '',
    t('email.footer', { count: inv.cooldownDays }),
  ].join('\n');
}

/**
 * The email channel: one SMTP connection pool (nodemailer) from a URL. The Message-ID is the
 * call's, so a send repeated after a crash is recognisably the same message.
 */
export function emailChannel(smtpUrl: string | null, from: string): Channel & { close(): void } {
  // Bounded well below the outbox's claim on a send (5 minutes), so a hung server cannot hold
  // a send past it while another node takes it over.
  const transport = smtpUrl
    ? nodemailer.createTransport({
        url: smtpUrl,
        connectionTimeout: 30_000,
        greetingTimeout: 30_000,
        socketTimeout: 60_000,
      })
    : null;
  const send = async (inv: Invitation) => {
    if (!transport)
      throw new ChannelNotConfigured(
        'no SMTP server configured (--smtp-url or SIDECOACH_SMTP_URL)',
      );
    await transport.sendMail({
      from,
      to: inv.to,
      subject: customerT(inv.lang)('email.subject'),
      text: text(inv),
      html: html(inv),
      messageId: `<survey-${inv.callId}@sidecoach>`,
      headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': inv.lang },
    });
  };
  return Object.assign(send, { close: () => transport?.close() });
}
