import { create } from 'zustand';
import type { MysteryAssignment, MysteryOpened } from '@sidecoach/shared';
import { ask } from '../../hub/client.js';
import { isNetworkFailure, type Message } from '../../hub/errors.js';
import { latest } from '../../hub/latest.js';
import { useSession } from '../../hub/session-store.js';
import { keepDraft, readDraft } from '../../lib/draft.js';
import {
  boardWith,
  formFrom,
  isEditable,
  NO_PROBLEMS,
  parseKeptForm,
  placeProblems,
  reportDraftName,
  reportPayload,
  windowPassed,
  type FactField,
  type ReportForm,
  type ReportProblems,
} from './form.js';
import { registerCallerStore } from './view.js';

// A mystery caller's board (open calls to claim, their own calls) and the report being filed.
// The report is kept on this device as it is typed (lib/draft.ts: a reload or a closed tab
// loses nothing), sent as a draft on "Save draft", and filed on "Submit" with the hub's
// problems placed on the questions they concern. The number called from is remembered on the
// device (callers call from one or two phones).

type Status = 'idle' | 'loading' | 'loaded' | 'failed';

interface CallerState {
  boardStatus: Status;
  boardError: Message | null;
  open: MysteryAssignment[];
  mine: MysteryAssignment[];
  /** The call being claimed, and what the last claim said. */
  claiming: string | null;
  claimNotice: { assignmentId: string; ok: boolean; message: Message } | null;
  /** The report open (its assignment), as the hub answered it and as the caller types it. */
  reportId: string | null;
  reportStatus: Status;
  reportError: Message | null;
  opened: MysteryOpened | null;
  form: ReportForm | null;
  saving: 'draft' | 'submit' | null;
  problems: ReportProblems;
  /** What the last save said (a draft saved, kept here offline, refused). */
  saveNotice: { ok: boolean; message: Message } | null;
  /** Just filed: the page says what happens next. */
  filed: boolean;
  /** Waves launched since the board was last looked at: the new calls the caller may claim. */
  waveNotice: { waveIds: string[]; calls: number } | null;
}

const initial: CallerState = {
  boardStatus: 'idle',
  boardError: null,
  open: [],
  mine: [],
  claiming: null,
  claimNotice: null,
  reportId: null,
  reportStatus: 'idle',
  reportError: null,
  opened: null,
  form: null,
  saving: null,
  problems: NO_PROBLEMS,
  saveNotice: null,
  filed: false,
  waveNotice: null,
};

export const useCaller = create<CallerState>()(() => initial);
const set = useCaller.setState;
const get = useCaller.getState;

const boardGuard = latest();
const reportGuard = latest();

const me = () => useSession.getState().session?.user.id ?? '';
const fromKey = () => `sidecoach.mystery.from.${me()}`;

/** The number this device last called from (for this caller). */
export function rememberedFrom(): string {
  try {
    return localStorage.getItem(fromKey()) ?? '';
  } catch {
    return '';
  }
}

function rememberFrom(number: string): void {
  try {
    if (number) localStorage.setItem(fromKey(), number);
  } catch {
    // refused storage: the caller types it again next time
  }
}

export async function loadBoard(): Promise<void> {
  const current = boardGuard.next();
  if (get().boardStatus !== 'loaded') set({ boardStatus: 'loading' });
  const res = await ask('mystery:board', {});
  if (!current()) return;
  if (!res.ok) return set({ boardStatus: 'failed', boardError: res.error });
  set({ boardStatus: 'loaded', boardError: null, open: res.data.open, mine: res.data.mine });
}

const boardChanged = (assignment: MysteryAssignment) => set((s) => boardWith(s, assignment, me()));

/** A wave opened with calls for this caller: said on the board (once a wave), which loads again. */
function waveOpened({ waveId, calls }: { waveId: string; calls: number }): void {
  const before = get().waveNotice;
  if (before?.waveIds.includes(waveId)) return;
  set({
    waveNotice: {
      waveIds: [...(before?.waveIds ?? []), waveId],
      calls: (before?.calls ?? 0) + calls,
    },
  });
  void loadBoard();
}

export const dismissWaveNotice = () => set({ waveNotice: null });

/**
 * Claims a call from the board: the first claim wins. A refusal because it is gone says so in
 * the caller's words (someone was quicker, or its window passed); other refusals as the hub said.
 */
export async function claim(assignment: MysteryAssignment): Promise<void> {
  if (get().claiming) return;
  set({ claiming: assignment.id, claimNotice: null });
  const res = await ask('mystery:claim', { assignmentId: assignment.id });
  if (res.ok) {
    boardChanged(res.data);
    set({
      claiming: null,
      claimNotice: {
        assignmentId: assignment.id,
        ok: true,
        message: {
          key: 'mysteryCaller.board.claimed',
          values: { name: assignment.scenario.title },
        },
      },
    });
    return;
  }
  let message = res.error;
  if (res.code === 'conflict') {
    await loadBoard();
    if (windowPassed(assignment, new Date())) message = { key: 'mysteryCaller.board.passed' };
    else if (!get().open.some((a) => a.id === assignment.id))
      message = { key: 'mysteryCaller.board.taken' };
  }
  set({ claiming: null, claimNotice: { assignmentId: assignment.id, ok: false, message } });
}

export const dismissClaimNotice = () => set({ claimNotice: null });

/** Opens a call's report: the questionnaire, and the form as this device kept it, else the hub's. */
export async function openReport(assignmentId: string): Promise<void> {
  const current = reportGuard.next();
  const same = get().reportId === assignmentId;
  set({
    reportId: assignmentId,
    reportStatus: same && get().opened ? 'loaded' : 'loading',
    reportError: null,
    ...(same
      ? {}
      : { opened: null, form: null, problems: NO_PROBLEMS, saveNotice: null, filed: false }),
  });
  const res = await ask('mystery:open', { assignmentId });
  if (!current()) return;
  if (!res.ok) return set({ reportStatus: 'failed', reportError: res.error });
  const opened = res.data;
  const kept = isEditable(opened.assignment)
    ? parseKeptForm(readDraft(reportDraftName(assignmentId)))
    : null;
  set((s) => ({
    reportStatus: 'loaded',
    opened,
    // "What happens next" stays only while the report waits for its review.
    filed: s.filed && opened.assignment.status === 'reported',
    // Reloaded (back online, a change pushed) while typing: what is typed stays.
    form:
      same && s.form && isEditable(opened.assignment)
        ? s.form
        : (kept ?? formFrom(opened, new Date(), rememberedFrom())),
  }));
  boardChanged(opened.assignment);
}

/** Back to the board. */
export function closeReport(): void {
  reportGuard.cancel();
  set({
    reportId: null,
    reportStatus: 'idle',
    reportError: null,
    opened: null,
    form: null,
    saving: null,
    problems: NO_PROBLEMS,
    saveNotice: null,
    filed: false,
  });
}

/** What the caller typed, kept on this device at once; the problems it answers are cleared. */
export function editReport(
  patch: Partial<ReportForm>,
  cleared: { item?: string; rating?: string; fact?: FactField } = {},
): void {
  const { form, reportId, problems } = get();
  if (!form || !reportId) return;
  const next = { ...form, ...patch };
  keepDraft(reportDraftName(reportId), JSON.stringify(next));
  const without = <T>(record: Readonly<Record<string, T>>, id: string | undefined) =>
    id === undefined
      ? record
      : Object.fromEntries(Object.entries(record).filter(([k]) => k !== id));
  set({
    form: next,
    saveNotice: null,
    problems: {
      items: without(problems.items, cleared.item),
      ratings: without(problems.ratings, cleared.rating),
      facts: problems.facts.filter((f) => f !== cleared.fact),
      other: problems.other,
    },
  });
}

/** Saves the report as a draft (`submit` false) or files it; the hub's problems land on the form. */
export async function saveReport(submit: boolean): Promise<void> {
  const { opened, form, saving } = get();
  if (!opened || !form || saving) return;
  const payload = reportPayload(opened, form, submit);
  if (!payload)
    return set({
      problems: { ...NO_PROBLEMS, facts: ['calledAt'] },
      saveNotice: { ok: false, message: { key: 'mysteryCaller.report.badTime' } },
    });
  const assignmentId = opened.assignment.id;
  set({ saving: submit ? 'submit' : 'draft', saveNotice: null });
  const res = await ask('mystery:report', payload);
  if (get().reportId !== assignmentId) return;
  if (res.ok) {
    rememberFrom(payload.fromNumber);
    if (submit) keepDraft(reportDraftName(assignmentId), '');
    boardChanged(res.data.assignment);
    set({
      saving: null,
      opened: res.data,
      problems: NO_PROBLEMS,
      filed: submit,
      saveNotice: submit ? null : { ok: true, message: { key: 'mysteryCaller.report.draftSaved' } },
      ...(submit ? { form: formFrom(res.data, new Date(), payload.fromNumber) } : {}),
    });
    return;
  }
  const problems = placeProblems(res.problems);
  set({
    saving: null,
    problems,
    saveNotice: {
      ok: false,
      message:
        !submit && isNetworkFailure(res.code)
          ? { key: 'mysteryCaller.report.keptHere' }
          : res.code === 'bad_request' && !problems.other && res.problems?.length
            ? { key: 'mysteryCaller.report.notFiled' }
            : res.error,
    },
  });
}

registerCallerStore({
  reload() {
    if (get().boardStatus !== 'idle') void loadBoard();
    const { reportId } = get();
    if (reportId) void openReport(reportId);
  },
  changed(assignment) {
    boardChanged(assignment);
    // The report on screen was returned, approved or rejected: shown as it is now.
    const { reportId, opened, saving } = get();
    if (reportId === assignment.id && !saving && opened?.assignment.status !== assignment.status)
      void openReport(assignment.id);
  },
  waveOpened,
  reset() {
    boardGuard.cancel();
    reportGuard.cancel();
    set(initial);
  },
});
