import { create } from 'zustand';
import {
  hasAnswerProblems,
  type Answer,
  type CalibrationOpened,
  type CalibrationSession,
  type CalibrationSetup,
  type CalibrationTrends,
} from '@sidecoach/shared';
import { ask } from '../../hub/client.js';
import type { Message } from '../../hub/errors.js';
import { latest } from '../../hub/latest.js';
import { useSession } from '../../hub/session-store.js';
import { qaTabsFor } from '../qa/access.js';
import { withAnswer, withComment } from '../qa/form.js';
import type { ItemProblem } from '../qa/SheetItems.js';
import { registerQaStore, useQaView } from '../qa/view.js';
import {
  createFromDraft,
  fieldOfRefusal,
  type DraftField,
  type SessionDraft,
} from './create-form.js';
import {
  agreedWithoutBenchmark,
  problemsFromHub,
  sheetFrom,
  sheetPayload,
  sheetProblems,
  type SheetForm,
} from './sheet.js';

// Calibration on the Quality view's tab: the sessions, the facilitator's setup (calls and people
// to pick from), the session shown (blind sheet before the reveal, everyone's answers and the
// figures after), benchmarks, and agreement over time. All through the one hub client; the hub
// decides what each caller may see. Loaded with the tab, registered with the Quality view.

type LoadStatus = 'idle' | 'loading' | 'loaded' | 'failed';
interface Loaded<T> {
  status: LoadStatus;
  error: Message | null;
  data: T;
}
const idle = <T>(data: T): Loaded<T> => ({ status: 'idle', error: null, data });

export type CalibrationPanel = 'sessions' | 'trends';
export type SessionStep = 'draft' | 'submit' | 'reveal' | 'close';
type Notice = { ok: boolean; message: Message } | null;

interface CalibrationState {
  panel: CalibrationPanel;
  list: Loaded<CalibrationSession[]>;
  /** The "New session" form: open, its setup, a refusal (by field where it names one). */
  create: {
    open: boolean;
    setup: Loaded<CalibrationSetup | null>;
    saving: boolean;
    refusal: { field: DraftField | null; message: Message } | null;
  };
  /** The session shown, as the hub lets the caller see it. */
  session: Loaded<CalibrationOpened | null> & { id: string | null };
  form: SheetForm | null;
  dirty: boolean;
  saving: SessionStep | null;
  /** What the last save of the sheet said. */
  notice: Notice;
  /** What the facilitator's last step (reveal, close) said. */
  stepNotice: Notice;
  /** A submit was tried with problems (each item says what it lacks). */
  showProblems: boolean;
  /** What the hub refused on the sheet, by item. */
  hubProblems: Record<string, ItemProblem>;
  /** The item whose benchmark is being saved, and what the last save of each said. */
  benchmark: { saving: string | null; notices: Record<string, Notice> };
  /** The agreed answers being taken as benchmarks: how far along, and what it came to. */
  agreed: { done: number; total: number } | null;
  agreedNotice: Notice;
  trends: Loaded<CalibrationTrends | null> & { days: number };
}

/** The sessions listed: created in the last 180 days (the list's caption says so). */
const LIST_DAYS = 180;

/** The periods the trends read (the hub's default is a year). */
export const TREND_DAYS = [90, 180, 365, 730] as const;

const sheetReset = () => ({
  form: null,
  dirty: false,
  saving: null,
  notice: null,
  stepNotice: null,
  showProblems: false,
  hubProblems: {},
  benchmark: { saving: null, notices: {} },
  agreed: null,
  agreedNotice: null,
});

const initial: CalibrationState = {
  panel: 'sessions',
  list: idle<CalibrationSession[]>([]),
  create: { open: false, setup: idle<CalibrationSetup | null>(null), saving: false, refusal: null },
  session: { ...idle<CalibrationOpened | null>(null), id: null },
  ...sheetReset(),
  trends: { ...idle<CalibrationTrends | null>(null), days: 365 },
};

export const useCalibration = create<CalibrationState>()(() => initial);
const set = (p: Partial<CalibrationState>) => useCalibration.setState(p);
const get = () => useCalibration.getState();
const guards = { list: latest(), setup: latest(), session: latest(), trends: latest() };

// ---- the list ----

export async function loadList(): Promise<void> {
  const current = guards.list.next();
  set({ list: { ...get().list, status: 'loading', error: null } });
  const res = await ask('calibration:list', { days: LIST_DAYS });
  if (!current()) return;
  set({
    list: res.ok
      ? { status: 'loaded', error: null, data: res.data.sessions }
      : { ...get().list, status: 'failed', error: res.error },
  });
}

export function showPanel(panel: CalibrationPanel): void {
  set({ panel });
  if (panel === 'trends' && get().trends.status === 'idle') void loadTrends();
  if (panel === 'sessions') void loadList();
}

// ---- a new session ----

export async function openCreate(): Promise<void> {
  set({ create: { ...get().create, open: true, refusal: null } });
  const current = guards.setup.next();
  set({
    create: { ...get().create, setup: { ...get().create.setup, status: 'loading', error: null } },
  });
  const res = await ask('calibration:setup', {});
  if (!current()) return;
  set({
    create: {
      ...get().create,
      setup: res.ok
        ? { status: 'loaded', error: null, data: res.data }
        : { status: 'failed', error: res.error, data: get().create.setup.data },
    },
  });
}

export function closeCreate(): void {
  guards.setup.cancel();
  set({ create: { ...initial.create } });
}

/** The draft's own problems are the form's; this sends a checked draft and opens the session. */
export async function createSession(draft: SessionDraft, id: string): Promise<boolean> {
  const made = createFromDraft(draft, id, new Date());
  if ('problems' in made || get().create.saving) return false;
  set({ create: { ...get().create, saving: true, refusal: null } });
  const res = await ask('calibration:create', made.payload);
  if (!res.ok) {
    set({
      create: {
        ...get().create,
        saving: false,
        refusal: { field: fieldOfRefusal(res.message, res.problems), message: res.error },
      },
    });
    return false;
  }
  set({ create: { ...initial.create } });
  upsert(res.data);
  showSession(res.data.id);
  return true;
}

// ---- the session shown ----

/** Shows a session (its address too): the tab opens it. */
export function showSession(id: string | null): void {
  useQaView.setState({ calibration: id });
}

/** Opens a session as the hub lets the caller see it (the tab calls it when the id changes). */
export async function openSession(id: string): Promise<void> {
  const current = guards.session.next();
  const same = get().session.id === id;
  set({
    session: {
      ...get().session,
      id,
      status: 'loading',
      error: null,
      data: same ? get().session.data : null,
    },
    ...(same ? {} : sheetReset()),
  });
  const res = await ask('calibration:open', { sessionId: id });
  if (!current()) return;
  if (!res.ok) return set({ session: { ...get().session, status: 'failed', error: res.error } });
  opened(res.data);
}

/** The session as the hub answered: the sheet follows it unless the user is changing it. */
function opened(data: CalibrationOpened, patch: Partial<CalibrationState> = {}): void {
  const keep = get().dirty && get().form !== null && data.can.score;
  set({
    session: { id: data.session.id, status: 'loaded', error: null, data },
    form: keep ? get().form : sheetFrom(data),
    ...(keep ? {} : { dirty: false }),
    ...patch,
  });
  upsert(data.session);
}

/** Back to the list. */
export function closeSession(): void {
  guards.session.cancel();
  set({ session: { ...initial.session }, ...sheetReset() });
  showSession(null);
}

const edit = (change: (form: SheetForm) => SheetForm) => {
  const { form, session } = get();
  if (!form || !session.data?.can.score) return;
  set({ form: change(form), dirty: true, notice: null });
};

export const setSheetAnswer = (itemId: string, answer: Answer | null) =>
  edit((f) => withAnswer(f, itemId, answer));
export const setSheetComment = (itemId: string, text: string) =>
  edit((f) => withComment(f, itemId, text));

/** Saves the sheet as a draft, or submits it (checked here first, as the hub checks it). */
export async function saveSheet(submit: boolean): Promise<boolean> {
  const { form, saving } = get();
  const data = get().session.data;
  if (!form || !data || saving) return false;
  if (submit && hasAnswerProblems(sheetProblems(data, form))) {
    set({
      showProblems: true,
      notice: { ok: false, message: { key: 'calibration.sheet.incomplete' } },
    });
    return false;
  }
  set({ saving: submit ? 'submit' : 'draft', notice: null, hubProblems: {} });
  const res = await ask('calibration:save', sheetPayload(data, form, submit));
  set({ saving: null });
  if (!res.ok) {
    set({ notice: { ok: false, message: res.error }, hubProblems: problemsFromHub(res.problems) });
    return false;
  }
  set({ dirty: false });
  opened(res.data, {
    showProblems: false,
    notice: {
      ok: true,
      message: { key: submit ? 'calibration.sheet.submitted' : 'calibration.sheet.draftSaved' },
    },
  });
  return true;
}

/** One of the facilitator's steps on the whole session: reveal, close. */
async function step(which: 'reveal' | 'close'): Promise<void> {
  const data = get().session.data;
  if (!data || get().saving) return;
  set({ saving: which, stepNotice: null });
  const res = await ask(`calibration:${which}`, { sessionId: data.session.id });
  set({ saving: null });
  if (!res.ok) return set({ stepNotice: { ok: false, message: res.error } });
  opened(res.data, {
    stepNotice: {
      ok: true,
      message: { key: which === 'reveal' ? 'calibration.reveal.done' : 'calibration.close.done' },
    },
  });
}

export const revealSession = () => step('reveal');
export const closeCalibration = () => step('close');

/** Records an item's benchmark answer (null clears it) and how the item is to be read. */
export async function saveBenchmark(
  itemId: string,
  answer: Answer | null,
  note: string,
): Promise<boolean> {
  const data = get().session.data;
  if (!data || get().benchmark.saving || get().agreed) return false;
  const notices = { ...get().benchmark.notices, [itemId]: null };
  set({ benchmark: { saving: itemId, notices } });
  const res = await ask('calibration:benchmark', {
    sessionId: data.session.id,
    itemId,
    answer,
    note: note.trim(),
  });
  const said: Notice = res.ok
    ? { ok: true, message: { key: 'calibration.benchmark.saved' } }
    : { ok: false, message: res.error };
  const after = { saving: null, notices: { ...get().benchmark.notices, [itemId]: said } };
  if (!res.ok || get().session.id !== data.session.id) {
    set({ benchmark: after });
    return false;
  }
  opened(res.data, { benchmark: after });
  return true;
}

/**
 * Takes the common answer as the benchmark of every item all participants answered alike, one
 * item after the other (the hub records each), with progress; stops at the first refusal.
 */
export async function benchmarkAgreed(): Promise<void> {
  const data = get().session.data;
  if (!data?.reveal || get().agreed || get().benchmark.saving) return;
  const items = agreedWithoutBenchmark(data.reveal.figures.items);
  if (items.length === 0) return;
  set({ agreed: { done: 0, total: items.length }, agreedNotice: null });
  let last: CalibrationOpened | null = null;
  for (const [i, item] of items.entries()) {
    const res = await ask('calibration:benchmark', {
      sessionId: data.session.id,
      itemId: item.itemId,
      answer: item.answer,
      note: '',
    });
    if (get().session.id !== data.session.id) return set({ agreed: null });
    if (!res.ok) {
      set({ agreed: null, agreedNotice: { ok: false, message: res.error } });
      if (last) opened(last);
      return;
    }
    last = res.data;
    set({ agreed: { done: i + 1, total: items.length } });
  }
  opened(last!, {
    agreed: null,
    agreedNotice: { ok: true, message: { key: 'calibration.benchmark.agreedDone' } },
  });
}

// ---- agreement over time ----

export async function loadTrends(days = get().trends.days): Promise<void> {
  const current = guards.trends.next();
  set({ trends: { ...get().trends, days, status: 'loading', error: null } });
  const res = await ask('calibration:trends', { days });
  if (!current()) return;
  set({
    trends: res.ok
      ? { days, status: 'loaded', error: null, data: res.data }
      : { ...get().trends, status: 'failed', error: res.error },
  });
}

// ---- pushes and reconnects ----

/** A session as the hub now has it, in the list (a new one first). */
function upsert(session: CalibrationSession): void {
  const list = get().list;
  const known = list.data.some((s) => s.id === session.id);
  set({
    list: {
      ...list,
      data: known
        ? list.data.map((s) => (s.id === session.id ? session : s))
        : [session, ...list.data],
    },
  });
}

const shown = () => {
  const view = useQaView.getState();
  return view.open && view.tab === 'calibration';
};

/** `calibration:changed`: the list shows it, and the session shown is opened again. */
function changed(session: CalibrationSession): void {
  upsert(session);
  if (!shown()) return;
  if (get().session.id === session.id) void openSession(session.id);
  if (get().panel === 'trends' && session.status !== 'open') void loadTrends();
}

function reload(): void {
  const user = useSession.getState().session?.user;
  if (!user || !qaTabsFor(user).includes('calibration')) return reset();
  if (!shown()) return;
  const id = get().session.id;
  if (id) void openSession(id);
  else if (get().panel === 'trends') void loadTrends();
  else void loadList();
}

function reset(): void {
  Object.values(guards).forEach((g) => g.cancel());
  set(initial);
}

registerQaStore('calibration', { reload, reset, calibrationChanged: changed });
