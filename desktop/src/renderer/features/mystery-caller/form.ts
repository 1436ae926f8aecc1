import {
  itemsInPlay,
  localize,
  type Answer,
  type MysteryAssignment,
  type MysteryOpened,
  type MysteryReportSave,
  type ScoredItem,
} from '@sidecoach/shared';

// A mystery caller's report being written, and what the board shows: pure, so the form's
// defaults, what is sent, how the hub's problems land on the form and how calls are grouped are
// tested without a browser. The caller store holds one of these forms per open report.

/** The report as the caller types it; `calledAt` is a local `YYYY-MM-DDTHH:mm` (an input's). */
export interface ReportForm {
  calledAt: string;
  calledNumber: string;
  fromNumber: string;
  agentNameHeard: string;
  answers: Readonly<Record<string, Answer>>;
  comments: Readonly<Record<string, string>>;
  ratings: Readonly<Record<string, number>>;
  impression: string;
  reply: string;
}

/** Where this device keeps a report being typed (lib/draft.ts), per assignment. */
export const reportDraftName = (assignmentId: string): string => `mystery.${assignmentId}`;

/** How long before "now" the call-start time defaults to (the caller files right after). */
export const DEFAULT_MINUTES_AGO = 5;
/** The quick choices beside the time: that many minutes before now. */
export const MINUTES_AGO_CHOICES = [0, 5, 15, 30] as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as a `datetime-local` input's value, on this device's clock and zone. */
export function localInputValue(at: Date): string {
  return (
    `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}` +
    `T${pad(at.getHours())}:${pad(at.getMinutes())}`
  );
}

/** `minutes` before `now`, as the time input shows it. */
export const minutesBefore = (now: Date, minutes: number): string =>
  localInputValue(new Date(now.getTime() - minutes * 60_000));

/** The input's local time as an ISO instant; null when it is not a time. */
export function isoFromLocal(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/u.test(value)) return null;
  const at = new Date(value); // a date-time without an offset is local time
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

/**
 * The form for an opened report: the hub's saved report (a draft, or the filed one returned
 * with a question), else a new one: the call started a few minutes ago, to the assignment's
 * number, from the number this device remembers.
 */
export function formFrom(opened: MysteryOpened, now: Date, rememberedFrom: string): ReportForm {
  const r = opened.report;
  if (r)
    return {
      calledAt: localInputValue(new Date(r.calledAt)),
      calledNumber: r.calledNumber,
      fromNumber: r.fromNumber,
      agentNameHeard: r.agentNameHeard,
      answers: r.answers,
      comments: r.comments,
      ratings: r.ratings,
      impression: r.impression,
      reply: r.reply,
    };
  return {
    calledAt: minutesBefore(now, DEFAULT_MINUTES_AGO),
    calledNumber: opened.assignment.numberToCall ?? '',
    fromNumber: rememberedFrom,
    agentNameHeard: '',
    answers: {},
    comments: {},
    ratings: {},
    impression: '',
    reply: '',
  };
}

/** A form kept on this device (JSON), if it still has the form's shape; else null. */
export function parseKeptForm(text: string): ReportForm | null {
  if (!text) return null;
  try {
    const kept = JSON.parse(text) as Partial<ReportForm> | null;
    const strings = [
      kept?.calledAt,
      kept?.calledNumber,
      kept?.fromNumber,
      kept?.agentNameHeard,
      kept?.impression,
      kept?.reply,
    ];
    const records = [kept?.answers, kept?.comments, kept?.ratings];
    if (!strings.every((s) => typeof s === 'string')) return null;
    if (!records.every((r) => typeof r === 'object' && r !== null && !Array.isArray(r)))
      return null;
    return kept as ReportForm;
  } catch {
    return null;
  }
}

/** Whether the caller may still change the report: a claimed call, or one returned to them. */
export const isEditable = (assignment: MysteryAssignment): boolean =>
  assignment.status === 'claimed' || assignment.status === 'returned';

/** The questions asked, given the answers so far (a follow-up shows once it applies). */
export function shownItems(opened: MysteryOpened, answers: ReportForm['answers']): ScoredItem[] {
  const asked = new Set(opened.items);
  return itemsInPlay(opened.pack, opened.assignment.scenario.callType, answers).filter((s) =>
    asked.has(s.item.id),
  );
}

/** A rating's question in the caller's language (English, else any, when it lacks theirs). */
export const ratingLabel = (label: Readonly<Record<string, string>>, lang: string): string =>
  localize(label, lang);

/**
 * What is sent: the answers and comments of the questions shown only (a follow-up whose reason
 * went away takes its answer with it), the time as an instant, and the numbers trimmed.
 */
export function reportPayload(
  opened: MysteryOpened,
  form: ReportForm,
  submit: boolean,
): MysteryReportSave | null {
  const calledAt = isoFromLocal(form.calledAt);
  if (!calledAt) return null;
  const shown = new Set(shownItems(opened, form.answers).map((s) => s.item.id));
  const only = <T>(values: Readonly<Record<string, T>>) =>
    Object.fromEntries(Object.entries(values).filter(([id]) => shown.has(id)));
  const ratingIds = new Set(opened.programme.ratings.map((r) => r.id));
  return {
    assignmentId: opened.assignment.id,
    calledAt,
    calledNumber: form.calledNumber.trim(),
    fromNumber: form.fromNumber.trim(),
    agentNameHeard: form.agentNameHeard.trim(),
    answers: only(form.answers),
    comments: only(
      Object.fromEntries(
        Object.entries(form.comments)
          .map(([id, text]) => [id, text.trim()] as const)
          .filter(([, text]) => text !== ''),
      ),
    ),
    ratings: Object.fromEntries(Object.entries(form.ratings).filter(([id]) => ratingIds.has(id))),
    impression: form.impression.trim(),
    reply: form.reply.trim(),
    submit,
  };
}

/** What keeps a question from being taken, as the hub names it. */
export type ItemProblem = 'missing' | 'na' | 'comment' | 'unknown';
/** The call's facts the hub can refuse. */
export const FACT_FIELDS = ['calledAt', 'calledNumber', 'fromNumber', 'reply'] as const;
export type FactField = (typeof FACT_FIELDS)[number];

export interface ReportProblems {
  items: Readonly<Record<string, ItemProblem>>;
  ratings: Readonly<Record<string, 'missing' | 'unknown'>>;
  facts: readonly FactField[];
  /** Anything the hub said that names none of these (shown as its message). */
  other: boolean;
}

export const NO_PROBLEMS: ReportProblems = { items: {}, ratings: {}, facts: [], other: false };

/**
 * The hub's problems (`missing:<item>`, `na:<item>`, `comment:<item>`, `unknown:<item>`,
 * `rating:<id>`, `unknown-rating:<id>`, `calledAt`, `calledNumber`, `fromNumber`, `reply`)
 * placed on the form: each item and rating its own, the facts by field.
 */
export function placeProblems(problems: readonly string[] | undefined): ReportProblems {
  const items: Record<string, ItemProblem> = {};
  const ratings: Record<string, 'missing' | 'unknown'> = {};
  const facts = new Set<FactField>();
  let other = false;
  for (const p of problems ?? []) {
    const at = p.indexOf(':');
    const kind = at < 0 ? p : p.slice(0, at);
    const id = at < 0 ? '' : p.slice(at + 1);
    if ((FACT_FIELDS as readonly string[]).includes(p)) facts.add(p as FactField);
    else if (
      id &&
      (kind === 'missing' || kind === 'na' || kind === 'comment' || kind === 'unknown')
    )
      items[id] ??= kind;
    else if (id && kind === 'rating') ratings[id] = 'missing';
    else if (id && kind === 'unknown-rating') ratings[id] = 'unknown';
    else other = true;
  }
  return { items, ratings, facts: FACT_FIELDS.filter((f) => facts.has(f)), other };
}

export const hasProblems = (p: ReportProblems): boolean =>
  Object.keys(p.items).length > 0 ||
  Object.keys(p.ratings).length > 0 ||
  p.facts.length > 0 ||
  p.other;

/** The caller's own calls, in the order they need the caller: a question first, then to call. */
export const MINE_ORDER = ['returned', 'claimed', 'reported', 'approved', 'rejected'] as const;
export type MineGroup = (typeof MINE_ORDER)[number];

/** The caller's calls by state (returned, to call, waiting for review, decided), soonest first. */
export function groupMine(
  mine: readonly MysteryAssignment[],
): Array<{ status: MineGroup; calls: MysteryAssignment[] }> {
  return MINE_ORDER.flatMap((status) => {
    const calls = mine
      .filter((a) => a.status === status)
      .sort((a, b) =>
        status === 'claimed' || status === 'returned'
          ? a.windowFrom.localeCompare(b.windowFrom)
          : b.windowFrom.localeCompare(a.windowFrom),
      );
    return calls.length > 0 ? [{ status, calls }] : [];
  });
}

/**
 * A pushed change of an assignment on the board: the caller's own go to (or stay in) their
 * calls and leave the open ones; one taken by someone else (or closed) leaves the board; one
 * given back to the board by the manager leaves the caller's calls.
 */
export function boardWith(
  board: { open: readonly MysteryAssignment[]; mine: readonly MysteryAssignment[] },
  changed: MysteryAssignment,
  me: string,
): { open: MysteryAssignment[]; mine: MysteryAssignment[] } {
  const others = (list: readonly MysteryAssignment[]) => list.filter((a) => a.id !== changed.id);
  if (changed.callerId === me)
    return { open: others(board.open), mine: [changed, ...others(board.mine)] };
  if (changed.status === 'open' && board.open.some((a) => a.id === changed.id))
    return {
      open: board.open.map((a) => (a.id === changed.id ? changed : a)),
      mine: others(board.mine),
    };
  return { open: others(board.open), mine: others(board.mine) };
}

/** Whether an assignment's time window has ended by `now`. */
export const windowPassed = (a: Pick<MysteryAssignment, 'windowTo'>, now: Date): boolean =>
  Date.parse(a.windowTo) <= now.getTime();

/** This device's time zone (IANA), as Intl resolves it. */
export const deviceZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

export interface WindowText {
  /** The day and hours in the caller's own time: "Tue, Dec 3 · 18:00–20:00". */
  local: string;
  /**
   * The floor's zone, named in the UI language ("United Kingdom Time"), with the floor's hours
   * when they differ from the caller's; null when the hub did not say.
   */
  floor: { zone: string; hours: string | null } | null;
}

function hours(from: Date, to: Date, lang: string, zone?: string): string {
  const f = new Intl.DateTimeFormat(lang, {
    hour: '2-digit',
    minute: '2-digit',
    ...(zone ? { timeZone: zone } : {}),
  });
  return `${f.format(from)}–${f.format(to)}`;
}

/** An assignment's time window as the caller reads it, in their zone and the floor's. */
export function windowText(
  a: Pick<MysteryAssignment, 'windowFrom' | 'windowTo' | 'zone'>,
  lang: string,
  callerZone: string,
): WindowText {
  const from = new Date(a.windowFrom);
  const to = new Date(a.windowTo);
  const day = new Intl.DateTimeFormat(lang, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    timeZone: callerZone,
  }).format(from);
  const local = `${day} · ${hours(from, to, lang, callerZone)}`;
  if (!a.zone) return { local, floor: null };
  let zoneName: string;
  try {
    zoneName =
      new Intl.DateTimeFormat(lang, { timeZone: a.zone, timeZoneName: 'longGeneric' })
        .formatToParts(from)
        .find((p) => p.type === 'timeZoneName')?.value ?? a.zone;
  } catch {
    return { local, floor: null }; // a zone this browser does not know
  }
  const floorHours = hours(from, to, lang, a.zone);
  return {
    local,
    floor: {
      zone: zoneName,
      hours: floorHours === hours(from, to, lang, callerZone) ? null : floorHours,
    },
  };
}
