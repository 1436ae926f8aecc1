// Sends the outbox in order until every write is acknowledged, and hands each acknowledgement
// to the store that shows the write: calls to the sidebar store, coaching writes to the notes store.
import type { AckResponse, ErrorBody, ErrorCode } from '@sidecoach/shared';
import { request, type HubSocket } from '../lib/hub-api.js';
import * as outbox from '../lib/outbox.js';
import { isCallEntry, type OutboxEntry, type OutboxWrite } from '../lib/outbox.js';
import { ACK_TIMEOUT_MS, currentSocket } from './connection.js';
import { useNotes } from './notes-store.js';
import { useSidebar } from './sidebar-store.js';

/** Refusals that a resend cannot fix: drop the write and tell the user. */
const FINAL: readonly ErrorCode[] = [
  'bad_request',
  'forbidden',
  'not_found',
  'conflict',
  'unknown_event',
];

let flushing = false;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let retryDelay = 1_000;

/** Stores a write in the outbox, shows it, and sends what is waiting. */
export async function write(w: OutboxWrite): Promise<void> {
  const session = useSidebar.getState().session;
  if (!session) return;
  const entry = await outbox.enqueue(session.user.id, w);
  if (isCallEntry(entry)) useSidebar.getState().queued(entry);
  else useNotes.getState().queued(entry);
  void flush();
}

/** The oldest write waiting, whichever store shows it. */
function oldest(): OutboxEntry | undefined {
  const call = useSidebar.getState().pending[0];
  const note = useNotes.getState().pending[0];
  if (!call || !note) return call ?? note;
  return call.seq < note.seq ? call : note;
}

type Sent = { ok: true; apply(): void } | { ok: false; error: ErrorBody };

function answer<T>(res: AckResponse<T>, apply: (data: T) => void): Sent {
  return res.ok ? { ok: true, apply: () => apply(res.data) } : res;
}

/** Sends one write; rejects when no acknowledgement comes in time. */
async function send(s: HubSocket, entry: OutboxEntry): Promise<Sent> {
  const { seq } = entry;
  const notes = () => useNotes.getState();
  if (isCallEntry(entry)) {
    // Every call write is acknowledged with the updated call.
    const res = await request<'call:start'>(
      s,
      entry.event as 'call:start',
      entry.payload as never,
      ACK_TIMEOUT_MS,
    );
    return answer(res, (call) => useSidebar.getState().acknowledged(seq, call));
  }
  switch (entry.event) {
    case 'observation:note':
      return answer(await request(s, entry.event, entry.payload, ACK_TIMEOUT_MS), (record) => {
        notes().addObservations([record]);
        notes().acknowledged(seq);
      });
    case 'observation:read':
      return answer(await request(s, entry.event, entry.payload, ACK_TIMEOUT_MS), (record) => {
        notes().addObservations([record]);
        notes().acknowledged(seq);
      });
    case 'coaching:note':
      return answer(await request(s, entry.event, entry.payload, ACK_TIMEOUT_MS), (record) => {
        notes().addCoachingNote(record);
        notes().acknowledged(seq);
      });
  }
}

function drop(entry: OutboxEntry) {
  if (isCallEntry(entry)) useSidebar.getState().acknowledged(entry.seq, null);
  else useNotes.getState().acknowledged(entry.seq);
}

export async function flush(): Promise<void> {
  if (flushing) return;
  flushing = true;
  clearTimeout(retryTimer);
  try {
    for (;;) {
      const s = currentSocket();
      const next = oldest();
      if (!s?.connected || !next) return;
      let res: Sent;
      try {
        res = await send(s, next);
      } catch {
        return scheduleRetry(); // no acknowledgement in time: the hub stores each id once, so resend later
      }
      if (res.ok) {
        await outbox.remove(next.seq);
        res.apply();
      } else if (FINAL.includes(res.error.code)) {
        await outbox.remove(next.seq);
        drop(next);
        useSidebar
          .getState()
          .showNotice({ key: `errors.${res.error.code}`, values: { message: res.error.message } });
      } else {
        return scheduleRetry();
      }
    }
  } finally {
    flushing = false;
  }
}

function scheduleRetry() {
  clearTimeout(retryTimer);
  retryTimer = setTimeout(() => void flush(), retryDelay);
  retryDelay = Math.min(retryDelay * 2, 30_000);
}

/** Connected again: send at once, and back off from the start next time. */
export function flushNow(): void {
  retryDelay = 1_000;
  void flush();
}
