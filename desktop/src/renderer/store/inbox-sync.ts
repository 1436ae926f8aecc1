// The user's inbox (observations, receipts, coaching notes, survey answers and statuses):
// numbered per user by the hub. The last number handled is kept on this device and sent in
// every handshake, so the hub replays what was missed, once and in order; acknowledgements are
// cumulative and debounced.
import type { InboxMessage } from '@sidecoach/shared';
import { request, type HubSocket } from '../lib/hub-api.js';
import * as outbox from '../lib/outbox.js';
import { ACK_TIMEOUT_MS, currentSocket } from './connection.js';
import { useNotes } from './notes-store.js';
import { surveyResponseReceived } from './surveys-store.js';
import { surveyStatusReceived } from './agent-survey-store.js';

const ACK_DEBOUNCE_MS = 300;
/** How many recent notes a (re)connecting sidebar loads. */
const RECENT_NOTES = 50;

let userId: string | null = null;
let lastSeq: number | undefined;
let ackTimer: ReturnType<typeof setTimeout> | undefined;

/** Loads the user's inbox position from this device (before the first handshake). */
export async function startInbox(id: string): Promise<void> {
  userId = id;
  lastSeq = undefined;
  const stored = await outbox.loadLastSeq(id).catch(() => undefined);
  if (userId === id) lastSeq = stored;
}

export function stopInbox(): void {
  clearTimeout(ackTimer);
  userId = null;
  lastSeq = undefined;
}

/** For the handshake: the hub sends every message after this one (none given: from now on). */
export const inboxPosition = (): number | undefined => lastSeq;

export function onInboxMessage(message: InboxMessage): void {
  if (lastSeq !== undefined && message.seq <= lastSeq) return; // a replay of one already handled
  lastSeq = message.seq;
  route(message);
  scheduleAck();
}

function route(message: InboxMessage): void {
  switch (message.kind) {
    case 'survey-response':
      return surveyResponseReceived(message.response);
    case 'survey-status':
      return surveyStatusReceived(message.survey);
    default:
      return useNotes.getState().received(message);
  }
}

function scheduleAck() {
  clearTimeout(ackTimer);
  ackTimer = setTimeout(() => void acknowledge(), ACK_DEBOUNCE_MS);
}

/** Persists the position, then tells the hub (an agent's notes become "delivered"). */
async function acknowledge(): Promise<void> {
  const id = userId;
  const seq = lastSeq;
  if (!id || seq === undefined) return;
  await outbox.saveLastSeq(id, seq).catch(() => undefined);
  const s = currentSocket();
  if (!s?.connected || id !== userId) return;
  // Not acknowledged now (offline, timeout): the next connection acknowledges again.
  await request(s, 'inbox:ack', { seq }, ACK_TIMEOUT_MS).catch(() => null);
}

/** On every connection: loads recent notes and acknowledges what was handled offline. */
export async function syncInbox(s: HubSocket): Promise<void> {
  const id = userId;
  const res = await request(s, 'notes:mine', { limit: RECENT_NOTES }, ACK_TIMEOUT_MS).catch(
    () => null,
  );
  if (!res?.ok || id !== userId) return;
  const { inboxSeq } = res.data;
  // Behind the stored position: the hub's database was replaced and numbers start again.
  if (lastSeq === undefined || inboxSeq < lastSeq) lastSeq = inboxSeq;
  useNotes.getState().mine(res.data);
  scheduleAck();
}
