import { create } from 'zustand';
import type {
  ActionRecord,
  ActionStatus,
  AgendaItem,
  ClientEventName,
  ClientPayload,
  MyActions,
  ReflectionListResult,
  ReflectionPrep,
  ReflectionSession,
  ReflectionSummary,
} from '@sidecoach/shared';
import { ask } from '../../hub/client.js';
import { isNetworkFailure, type FailureCode, type Message } from '../../hub/errors.js';
import { currentUser, useSession } from '../../hub/session-store.js';
import { newId } from '../../lib/ids.js';
import { periodFields, type PeriodChoice } from '../../ui/period.js';

// Reflective coaching sessions: the lead's list and preparation, the live session both sides
// see ('reflection:changed'), and the agent's open next-time actions ('action:changed').
// Small on purpose: the views are loaded on demand, this store is in the first load.

export type ReflectionView = 'list' | 'prep' | 'session';
/** The longest period a preparation looks back over (the hub's REFLECTION_DAYS_MAX). */
export const PREP_MAX_DAYS = 90;
type Load = 'idle' | 'loading' | 'loaded' | 'failed';

interface ReflectionState {
  /** The view shown over the workspace (null: none). */
  open: ReflectionView | null;
  /** The session's printable summary instead of the session. */
  printing: boolean;
  listStatus: Load;
  list: ReflectionListResult | null;
  prep: ReflectionPrep | null;
  /** The lead's agenda, kept from the proposal (reordered, trimmed). */
  agenda: AgendaItem[];
  session: ReflectionSession | null;
  /** A request in flight (buttons wait). */
  busy: boolean;
  error: Message | null;
  /** The period the preparation on screen looks back over. */
  prepPeriod: PeriodChoice;
  /** The agent being prepared for, from the moment it is asked (the address names them). */
  prepAgentId: string | null;
  /** The session asked for, while it loads (the address names it before it arrives). */
  openingSessionId: string | null;
  /** The agent's open actions (reminders). */
  mine: ActionRecord[];
  /** Why the agent's last "Done" on a reminder failed (shown in the reminders). */
  mineError: Message | null;
  /** The action the agent just marked done, while it can still be undone. */
  undoable: ActionRecord | null;
  /** The agent's open sessions, to join. */
  joinable: ReflectionSummary[];
  /** Reminders the agent put away (by action id). */
  dismissed: Record<string, true>;
  /**
   * One id per submission until the hub has answered it: a retry of the same submission after a
   * timeout reuses it (the hub stores each id once), a changed one gets a new id.
   */
  submissions: Partial<Record<Submission, { key: string; id: string }>>;
  reset(): void;
}
type Submission = 'start' | 'note' | 'action';

const initial = {
  open: null,
  printing: false,
  listStatus: 'idle',
  list: null,
  prep: null,
  agenda: [],
  session: null,
  busy: false,
  error: null,
  prepPeriod: { days: 30 },
  prepAgentId: null,
  openingSessionId: null,
  mine: [],
  mineError: null,
  undoable: null,
  joinable: [],
  dismissed: {},
  submissions: {},
} satisfies Omit<ReflectionState, 'reset'>;

export const useReflection = create<ReflectionState>()((set) => ({
  ...initial,
  reset: () => set(initial),
}));

const get = () => useReflection.getState();
const set = (patch: Partial<ReflectionState>) => useReflection.setState(patch);

/** An agent whose team coaches on behaviours, not scores: no numbers on their screen. */
export const useNumbersHidden = (prep?: { behavioursOnly: boolean } | null) =>
  useSession(
    (s) =>
      s.session?.user.role === 'agent' &&
      (s.session.user.behavioursOnly || prep?.behavioursOnly === true),
  );

export const clearError = () => set({ error: null });

function submissionId(kind: Submission, content: unknown): string {
  const key = JSON.stringify(content);
  const known = get().submissions[kind];
  if (known?.key === key) return known.id;
  const id = newId();
  set({ submissions: { ...get().submissions, [kind]: { key, id } } });
  return id;
}
/** Answered (not a timeout or offline): the next submission is a new one. */
const answered = (kind: Submission, res: { ok: true } | { ok: false; code: FailureCode }) => {
  if (res.ok || !isNetworkFailure(res.code))
    set({ submissions: { ...get().submissions, [kind]: undefined } });
};

// ---- the lead's list and preparation ----

export async function loadList(): Promise<void> {
  set({ listStatus: get().list ? 'loaded' : 'loading' });
  const res = await ask('reflection:list', {});
  if (res.ok) set({ listStatus: 'loaded', list: res.data, error: null });
  else set({ listStatus: 'failed', error: res.error });
}

export function openReflection(): void {
  set({ open: 'list', printing: false, error: null });
  void loadList();
}

export function closeReflection(): void {
  set({ open: null, printing: false, error: null });
  if (currentUser()?.role === 'agent') set({ session: null });
}

export async function prepare(agentId: string, period: PeriodChoice): Promise<void> {
  set({
    open: 'prep',
    prep: null,
    agenda: [],
    error: null,
    prepPeriod: period,
    prepAgentId: agentId,
  });
  const res = await ask('reflection:prepare', { agentId, ...periodFields(period) });
  if (!res.ok) return set({ error: res.error });
  set({ prep: res.data, agenda: res.data.agenda });
}

export const setAgenda = (agenda: AgendaItem[]) => set({ agenda });

export async function startSession(): Promise<void> {
  const { prep, agenda, prepPeriod } = get();
  if (!prep) return;
  set({ busy: true, error: null });
  // The session covers the period it was prepared on.
  const start = { agentId: prep.agentId, ...periodFields(prepPeriod), agenda };
  const res = await ask('reflection:start', { id: submissionId('start', start), ...start });
  answered('start', res);
  if (!res.ok) return set({ busy: false, error: res.error });
  set({ busy: false, session: res.data, open: 'session' });
}

// ---- the session, both sides ----

export async function openSession(sessionId: string): Promise<void> {
  // Another session's view goes at once: nothing typed may land in the wrong session.
  const other = get().session?.id !== sessionId;
  set({
    open: 'session',
    printing: false,
    busy: true,
    error: null,
    openingSessionId: sessionId,
    ...(other && { session: null }),
  });
  const res = await ask('reflection:get', { sessionId });
  if (!res.ok) return set({ busy: false, error: res.error });
  set({ busy: false, session: res.data });
}

/** How far a session is along at one version (signing does not change the version). */
const progress = (s: ReflectionSession) =>
  (s.status === 'signed' ? 2 : 0) + (s.signedByAgentAt ? 1 : 0) + (s.signedByLeadAt ? 1 : 0);

/**
 * A newer view of a session (pushed, or an answer): replaces the one on screen. An older one
 * (pushes can arrive out of order) changes nothing: a lower version, or the same version less far
 * along.
 */
export function sessionChanged(session: ReflectionSession): void {
  const current = get().session;
  if (current?.id === session.id) {
    const older =
      session.version < current.version ||
      (session.version === current.version && progress(session) < progress(current));
    if (older) return;
    set({ session });
  }
  if (currentUser()?.role === 'agent') {
    const others = get().joinable.filter((j) => j.id !== session.id);
    set({
      joinable:
        session.status === 'open'
          ? [{ ...session, openActions: 0, overdueActions: 0 }, ...others]
          : others,
    });
  } else if (get().open === 'list') void loadList();
}

export const reloadSession = async () => {
  const id = get().session?.id;
  if (!id) return;
  const res = await ask('reflection:get', { sessionId: id });
  if (res.ok) sessionChanged(res.data);
};

/** Sends a change; the session comes back pushed, and is asked for again to be sure. */
async function change<E extends ClientEventName>(
  event: E,
  payload: ClientPayload<E>,
  kind?: Submission,
): Promise<boolean> {
  set({ busy: true, error: null });
  const res = await ask(event, payload);
  if (kind) answered(kind, res);
  set({ busy: false, ...(res.ok ? {} : { error: res.error }) });
  await reloadSession();
  return res.ok;
}

export function addNote(note: {
  text: string;
  lang: string;
  prompt: ClientPayload<'reflection:note'>['prompt'];
  agendaIndex: number | null;
}): Promise<boolean> {
  const sessionId = get().session?.id;
  if (!sessionId) return Promise.resolve(false);
  const id = submissionId('note', { sessionId, ...note });
  return change(
    'reflection:note',
    { id, sessionId, ...note, at: new Date().toISOString() },
    'note',
  );
}

export function addAction(action: {
  text: string;
  itemId: string | null;
  owner: 'agent' | 'lead';
  due: string;
}): Promise<boolean> {
  const sessionId = get().session?.id;
  if (!sessionId) return Promise.resolve(false);
  const id = submissionId('action', { sessionId, ...action });
  return change('reflection:action', { id, sessionId, ...action }, 'action');
}

export function setActionStatus(actionId: string, status: ActionStatus): Promise<boolean> {
  const sessionId = get().session?.id ?? null;
  return change('action:status', { actionId, status, sessionId });
}

export async function signOff(): Promise<void> {
  const session = get().session;
  if (!session) return;
  set({ busy: true, error: null });
  const res = await ask('reflection:sign', { sessionId: session.id, version: session.version });
  set({ busy: false });
  if (res.ok) return sessionChanged(res.data);
  // Signed an older version: say so, and show the one to sign.
  set({ error: res.code === 'conflict' ? { key: 'reflection.error.stale' } : res.error });
  await reloadSession();
}

export const setPrinting = (printing: boolean) => set({ printing });

// ---- the agent: open actions and sessions to join ----

export function actionsChanged(mine: MyActions): void {
  set({ mine: mine.actions.filter((a) => a.status === 'open') });
}

export async function agentReflectionConnected(): Promise<void> {
  const [actions, list] = await Promise.all([
    ask('action:mine', {}),
    ask('reflection:list', { limit: 20 }),
  ]);
  if (actions.ok) actionsChanged(actions.data);
  if (list.ok) set({ joinable: list.data.sessions.filter((s) => s.status === 'open') });
}

/** The agent's own action done (or dropped) from the sidebar. */
/** How long "Undo" stays after the agent marks an action done. */
export const UNDO_MS = 8_000;
let undoTimer: ReturnType<typeof setTimeout> | undefined;

export async function markMine(actionId: string, status: ActionStatus): Promise<void> {
  set({ mineError: null });
  const action = get().mine.find((a) => a.id === actionId) ?? null;
  const res = await ask('action:status', { actionId, status, sessionId: null });
  if (!res.ok) return set({ mineError: res.error });
  set({ mine: get().mine.filter((a) => a.id !== actionId), undoable: action });
  clearTimeout(undoTimer);
  undoTimer = setTimeout(() => {
    if (get().undoable?.id === actionId) set({ undoable: null });
  }, UNDO_MS);
}

/** Takes back the last "Done": the action is open again, where it was. */
export async function undoMine(): Promise<void> {
  const action = get().undoable;
  if (!action) return;
  set({ mineError: null });
  const res = await ask('action:status', { actionId: action.id, status: 'open', sessionId: null });
  if (!res.ok) return set({ mineError: res.error });
  clearTimeout(undoTimer);
  const others = get().mine.filter((a) => a.id !== action.id);
  set({
    undoable: null,
    mine: [...others, res.data].sort((a, b) => a.due.localeCompare(b.due)),
  });
}

export const dismissReminder = (actionId: string) =>
  set({ dismissed: { ...get().dismissed, [actionId]: true } });
