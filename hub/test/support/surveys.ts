// Real parts for survey tests: an SMTP server on loopback (smtp-server) that keeps every message
// parsed (mailparser), signed CTI events that end calls with the customer's contact attached,
// and the customer's side of the survey page (plain HTTP form posts, as a browser sends them).
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { CallRecord, CustomerContact } from '@sidecoach/shared';
import { signRequest } from '../../src/lib/signature.js';
import { Arrivals } from './arrivals.js';
import { data } from './calls.js';
import { hubSecret } from './database.js';
import { connect, signIn, type HubSocket, type RunningHub } from './hub-process.js';

export interface Mailbox {
  port: number;
  url: string;
  messages: ParsedMail[];
  /** The messages to an address (in any letter case), in the order they arrived. */
  to(address: string): ParsedMail[];
  /** Bounded wait for a message to an address. */
  waitFor(to: string, timeoutMs?: number): Promise<ParsedMail>;
  close(): Promise<void>;
}

/** An SMTP server on 127.0.0.1 (any free port, or the one given) that accepts every message. */
export async function startMailbox(port = 0): Promise<Mailbox> {
  const messages: ParsedMail[] = [];
  const arrivals = new Arrivals();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          arrivals.arrived();
          // Accepted only now: the hub's send resolves after the message is in `messages`.
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.server.address() as AddressInfo).port;
  const toOf = (m: ParsedMail) =>
    (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((a) => a.value.map((v) => v.address));
  const to = (address: string) =>
    messages.filter((m) => toOf(m).some((a) => a?.toLowerCase() === address.toLowerCase()));
  return {
    port: actual,
    url: `smtp://127.0.0.1:${actual}`,
    messages,
    to,
    waitFor: (address, timeoutMs = 15_000) =>
      arrivals.until(`an email to ${address}`, () => to(address)[0], timeoutMs),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Resolves once the hub has logged that the survey of a call went out (and stored it so). */
export function surveySent(hub: RunningHub, callId: string): Promise<string> {
  return hub.untilOutput(`the hub storing the survey of call ${callId} as sent`, (line) => {
    if (!line.includes(callId)) return false;
    const entry = JSON.parse(line) as { msg?: string; callId?: string };
    return entry.msg === 'survey sent' && entry.callId === callId;
  });
}

/**
 * The survey email to an address, once the hub has stored it as sent. The SMTP server has the
 * message a moment before the hub stores the send (with its link's token and expiry): a test
 * that opened the link as soon as the email was here would race the hub.
 */
export async function surveyEmail(
  hub: RunningHub,
  mailbox: Mailbox,
  to: string,
  timeoutMs?: number,
): Promise<ParsedMail> {
  const mail = await mailbox.waitFor(to, timeoutMs);
  const callId = /^<survey-(.+)@sidecoach>$/.exec(mail.messageId ?? '')?.[1];
  if (!callId) throw new Error(`not a survey email: ${mail.messageId}`);
  await surveySent(hub, callId);
  return mail;
}

/** The survey link in an email (text part). */
export function surveyLinkIn(mail: ParsedMail): string {
  const match = /https?:\/\/\S+\/s\/[A-Za-z0-9_-]{43}/.exec(mail.text ?? '');
  if (!match) throw new Error(`no survey link in:\n${mail.text}`);
  return match[0];
}

/**
 * The hub's arguments for surveys in tests: the test pack, the given channels, sent at once at
 * call end and retried every 0.2 s; `more` adds or overrides flags.
 */
export function surveyHubArgs(
  dir: string,
  channels: { smtpUrl?: string; webhookUrl?: string },
  ...more: string[]
): string[] {
  return [
    '--surveys',
    writeTestSurveyPack(dir),
    ...(channels.smtpUrl ? ['--smtp-url', channels.smtpUrl] : []),
    ...(channels.webhookUrl ? ['--survey-webhook', channels.webhookUrl] : []),
    '--survey-delay',
    '0',
    '--survey-retry',
    '0.2',
    ...more,
  ];
}

/**
 * A survey pack for tests: every call surveyed, email for bookings, SMS for complaints, link for
 * sales. The service survey is in all four languages; the others are named in English only.
 */
export function writeTestSurveyPack(dir: string, overrides: { cooldownDays?: number } = {}) {
  const file = join(dir, 'surveys.yaml');
  const q = `
      - id: csat
        kind: csat
        text: { en: How satisfied are you?, zh-CN: 您满意吗？, zh-TW: 您滿意嗎？, lv: Vai esat apmierināti? }
      - id: resolved
        kind: resolved
        text: { en: Was it resolved?, zh-CN: 解决了吗？, zh-TW: 解決了嗎？, lv: Vai tas tika atrisināts? }
      - id: effort
        kind: effort
        text: { en: How easy was it?, zh-CN: 容易吗？, zh-TW: 容易嗎？, lv: Cik tas bija viegli? }
      - id: comment
        kind: comment
        maxLength: 200
        text: { en: Anything else?, zh-CN: 还有吗？, zh-TW: 還有嗎？, lv: Vēl kas? }`;
  writeFileSync(
    file,
    `version: 1
brand:
  name: { en: Northwind Test Centre, zh-CN: 北风测试中心, zh-TW: 北風測試中心, lv: Northwind testu centrs }
  colour: '#0b7a53'
cooldownDays: ${overrides.cooldownDays ?? 30}
excludedNumbers: ['+3716700*']
surveys:
  - id: service
    name: { en: Service survey, zh-CN: 服务调查, zh-TW: 服務問卷, lv: Apkalpošanas aptauja }
    callTypes: [booking, information-request, problem-resolution, cancellation]
    channel: email
    samplePercent: 100
    questions:${q}
    thankYou:
      en: Thank you. Your team reads every answer.
      zh-CN: 谢谢。团队会阅读每一个回答。
      zh-TW: 謝謝您。團隊會閱讀每一份回答。
      lv: Paldies! Komanda izlasa katru atbildi.
  - id: complaint
    name: { en: Complaint follow-up }
    callTypes: [complaint]
    channel: sms
    samplePercent: 100
    questions:${q}
    thankYou: { en: Thank you. A lead reads every complaint follow-up. }
  - id: in-person
    name: { en: Visit survey }
    callTypes: [sales]
    channel: link
    samplePercent: 100
    questions:${q}
    thankYou: { en: Thank you for your visit. }
`,
  );
  return file;
}

export const ctiSecretOf = (hub: RunningHub) => hubSecret(hub, 'cti-secret');

/** Posts one signed CTI event for an extension. */
export async function postCti(
  hub: RunningHub,
  extension: string,
  event: {
    kind: 'ringing' | 'answered' | 'ended';
    callId: string;
    remoteParty?: string | null;
    customer?: CustomerContact;
    /** The PBX's recording of the call. */
    recordingUrl?: string;
  },
) {
  const body = JSON.stringify({
    extension,
    event: {
      direction: 'inbound',
      remoteParty: null,
      at: new Date().toISOString(),
      ...event,
    },
  });
  const at = Math.floor(Date.now() / 1000);
  const res = await fetch(`${hub.url}/api/cti/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-sidecoach-timestamp': String(at),
      'x-sidecoach-signature': signRequest(await ctiSecretOf(hub), at, body),
    },
    body,
  });
  if (res.status !== 202) throw new Error(`CTI event refused: ${res.status} ${await res.text()}`);
  return (await res.json()) as { delivered: number };
}

/**
 * A whole PBX call as the sidebar drives it: the PBX reports it (with the customer's contact
 * attached), the agent's sidebar starts it from the CTI event and ends it when the PBX says so.
 */
export async function ctiCall(
  hub: RunningHub,
  agent: HubSocket,
  options: {
    extension: string;
    callType: string;
    customer?: CustomerContact;
    remoteParty?: string;
    /** Runs while the call is open (an exclusion, say). */
    during?: (call: CallRecord) => Promise<void>;
    /** `false`: the sidebar is gone by the hang-up; the PBX's event alone ends the call. */
    sidebarEnds?: boolean;
  },
): Promise<CallRecord> {
  const pbxId = `pbx-${randomUUID()}`;
  const { extension, customer, remoteParty = null } = options;
  await postCti(hub, extension, { kind: 'ringing', callId: pbxId, remoteParty, customer });
  await postCti(hub, extension, { kind: 'answered', callId: pbxId, remoteParty });
  const call = data(
    await agent.emitWithAck('call:start', {
      id: randomUUID(),
      callType: options.callType,
      startedAt: new Date(Date.now() - 60_000).toISOString(),
      source: 'cti',
      externalId: pbxId,
    }),
  );
  await options.during?.(call);
  await postCti(hub, extension, { kind: 'ended', callId: pbxId, remoteParty });
  if (options.sidebarEnds === false)
    return data(await agent.emitWithAck('call:get', { callId: call.id }));
  return data(
    await agent.emitWithAck('call:end', { callId: call.id, endedAt: new Date().toISOString() }),
  );
}

/**
 * Proves that no survey email is still to come, with two sentinel emails. The outbox sends
 * what is due oldest first, one look at the outbox after the other, and a send resolves only
 * once the SMTP server has the message. Anything due before the first sentinel is sent in its
 * look or an earlier one; the second is decided after the first has arrived, so it is sent in a
 * later look, after that one has finished. Once the second has arrived, every email due before
 * the first has too. Returns the sentinels' addresses, so that assertions can leave them out.
 */
export async function afterEmailSentinels(
  hub: RunningHub,
  agent: HubSocket,
  mailbox: Mailbox,
): Promise<string[]> {
  const addresses: string[] = [];
  for (const which of ['first', 'second']) {
    const email = `sentinel-${which}-${randomUUID()}@example.test`;
    await ctiCall(hub, agent, { extension: '1001', callType: 'booking', customer: { email } });
    await mailbox.waitFor(email);
    addresses.push(email);
  }
  return addresses;
}

/** Posts the survey form as a browser would (urlencoded, no redirect following). */
export function submitSurvey(link: string, answers: Record<string, string>) {
  return fetch(link, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(answers).toString(),
    redirect: 'manual',
  });
}

/**
 * The demo's complaint survey sent by link instead of SMS (a new pack version, saved by the
 * quality manager): the agent shows it to the customer, with no address needed.
 */
export async function complaintsByLink(url: string) {
  const socket = await connect(url, (await signIn(url, 'quality')).token);
  try {
    const res = await socket.emitWithAck('survey:pack', {});
    if (!res.ok) throw new Error(res.error.message);
    const { version, yaml } = res.data;
    if (!yaml.includes('channel: sms')) return;
    const next = yaml
      .replace('channel: sms', 'channel: link')
      .replace(/^version: \d+$/m, `version: ${version + 1}`);
    const saved = await socket.emitWithAck('survey:save-pack', { yaml: next });
    if (!saved.ok) throw new Error(saved.error.message);
  } finally {
    socket.close();
  }
}
