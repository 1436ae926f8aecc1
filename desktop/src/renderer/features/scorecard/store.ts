import { create } from 'zustand';
import {
  MAX_MESSAGE_BYTES,
  SCORECARD_YAML_MAX,
  StandardsPackSchema,
  type Answer,
  type ScorecardInfo,
  type ScorecardPublished,
  type StandardsPack,
} from '@sidecoach/shared';
import { ask, type Answer as HubAnswer, type AskOptions } from '../../hub/client.js';
import type { Message } from '../../hub/errors.js';
import { latest } from '../../hub/latest.js';
import { useSession } from '../../hub/session-store.js';
import { keepDraft, readDraft } from '../../lib/draft.js';
import { downloadBlob } from '../../lib/download.js';
import { checkDraft } from './validate.js';
import { registerScorecardStore, useScorecardView, type PublishedAt } from './view.js';

// The scorecard builder (quality managers): the active pack as the hub has it, the edit in
// progress (kept in this tab across a reload, under the user's id, like every draft), the
// "try it" answers, and what the last publish, import or export said. The hub decides whether
// a publish is a version or a revision and refuses one based on an older pack.

export type BuilderTab = 'edit' | 'try' | 'history';
export type LoadStatus = 'idle' | 'loading' | 'loaded' | 'failed';

/** The edit in progress, as kept across a reload. */
interface KeptDraft {
  basedOn: PublishedAt;
  pack: StandardsPack;
  note: string;
}

export interface ScorecardState {
  status: LoadStatus;
  error: Message | null;
  info: ScorecardInfo | null;
  /** The active pack as the schema reads it (what edits are compared with). */
  active: StandardsPack | null;
  /** The edited pack; null while nothing was edited. */
  draft: StandardsPack | null;
  /** The version and revision the edit started from (a newer one published is a conflict). */
  basedOn: PublishedAt | null;
  note: string;
  tab: BuilderTab;
  /** The item whose editor is open. */
  openItem: string | null;
  /** The call type whose names are open. */
  openCallType: string | null;
  /** What the last publish, import or export said. */
  notice: { ok: boolean; message: Message } | null;
  busy: 'publishing' | 'importing' | 'exporting' | null;
  /** The hub refused the publish: someone published meanwhile. */
  conflict: boolean;
  /** A version or revision newer than the one shown was announced. */
  newer: PublishedAt | null;
  importing: { fileName: string; yaml: string; note: string; error: Message | null } | null;
  preview: { callType: string | null; answers: Record<string, Answer> };
  reset(): void;
}

const DRAFT_NAME = 'scorecard';
const EXPORT_TIMEOUT_MS = 30_000;

const initial = {
  status: 'idle' as LoadStatus,
  error: null,
  info: null,
  active: null,
  draft: null,
  basedOn: null,
  note: '',
  tab: 'edit' as BuilderTab,
  openItem: null,
  openCallType: null,
  notice: null,
  busy: null,
  conflict: false,
  newer: null,
  importing: null,
  preview: { callType: null, answers: {} },
} satisfies Omit<ScorecardState, 'reset'>;

const guards = { load: latest() };

export const useScorecard = create<ScorecardState>()((set) => ({
  ...initial,
  reset() {
    guards.load.cancel();
    set(initial);
  },
}));

const patch = (p: Partial<ScorecardState>) => useScorecard.setState(p);

/** Where the hub stands now. */
export const currentOf = (info: ScorecardInfo): PublishedAt => ({
  version: info.pack.version,
  revision: info.revision,
});
const isAfter = (a: PublishedAt, b: PublishedAt) =>
  a.version > b.version || (a.version === b.version && a.revision > b.revision);

/** The pack as the schema reads it (the same key order as an edit checked with it). */
function schemaRead(pack: StandardsPack): StandardsPack {
  const parsed = StandardsPackSchema.safeParse(pack);
  return parsed.success ? parsed.data : pack;
}

function readKept(): KeptDraft | null {
  const text = readDraft(DRAFT_NAME);
  if (!text) return null;
  try {
    const kept = JSON.parse(text) as Partial<KeptDraft>;
    if (!kept.pack || !kept.basedOn) return null;
    return { pack: kept.pack, basedOn: kept.basedOn, note: kept.note ?? '' };
  } catch {
    return null;
  }
}

function keep(): void {
  const { draft, basedOn, note } = useScorecard.getState();
  keepDraft(DRAFT_NAME, draft && basedOn ? JSON.stringify({ basedOn, pack: draft, note }) : '');
}

/** The screen is shown: the active pack as the hub has it now (a kept edit comes back). */
export function openScorecard(): void {
  patch({ notice: null });
  // Right after a reload the socket may still connect: the session's `connected` loads it then.
  if (useSession.getState().connection !== 'online') return patch({ status: 'loading' });
  void loadScorecard();
}
export const closeScorecard = () => useScorecardView.setState({ open: false });
export const showTab = (tab: BuilderTab) => patch({ tab });

/** Shown with the hub's own words when it refuses (a YAML error names its line). */
const REFUSED: AskOptions = {
  messages: { refused: 'scorecard.refused' },
};

/**
 * The active pack as the hub has it now. The first time, an edit kept in this tab comes back;
 * `discard` starts the edit again from the active pack (after a conflict, or a newer version).
 */
export async function loadScorecard(discard = false): Promise<void> {
  const current = guards.load.next();
  if (useScorecard.getState().status !== 'loaded') patch({ status: 'loading' });
  const res = await ask('scorecard:get', {}, REFUSED);
  if (!current()) return;
  if (!res.ok) return patch({ status: 'failed', error: res.error });
  applyInfo(res.data, discard);
}

function applyInfo(info: ScorecardInfo, discard: boolean): void {
  const state = useScorecard.getState();
  const at = currentOf(info);
  const fresh = { draft: null, basedOn: at, note: '', conflict: false };
  let edit: Pick<ScorecardState, 'draft' | 'basedOn' | 'note' | 'conflict'>;
  if (discard) edit = fresh;
  else if (state.draft && state.basedOn)
    edit = {
      draft: state.draft,
      basedOn: state.basedOn,
      note: state.note,
      conflict: state.conflict,
    };
  else if (state.status !== 'loaded') {
    const kept = readKept();
    edit = kept
      ? { draft: kept.pack, basedOn: kept.basedOn, note: kept.note, conflict: false }
      : fresh;
  } else edit = fresh;
  const newer = state.newer && isAfter(state.newer, at) ? state.newer : null;
  const callType = state.preview.callType ?? info.pack.callTypes[0]?.id ?? null;
  patch({
    status: 'loaded',
    error: null,
    info,
    active: schemaRead(info.pack),
    ...edit,
    newer,
    preview: { ...state.preview, callType },
  });
  keep();
}

/** The pack the builder shows: the edit, or the active pack while nothing was edited. */
export const editedPack = (s: Pick<ScorecardState, 'draft' | 'active'>) => s.draft ?? s.active;

/** An edit of the pack (from edit.ts); kept at once, so a reload keeps it. */
export function edit(change: (pack: StandardsPack) => StandardsPack): void {
  const pack = editedPack(useScorecard.getState());
  if (!pack) return;
  patch({ draft: change(pack), notice: null });
  keep();
}

export function setNote(note: string): void {
  patch({ note });
  keep();
}

export const openItem = (id: string | null) => patch({ openItem: id });
export const openCallType = (id: string | null) => patch({ openCallType: id });

/** Back to the active pack: the edit is dropped. */
export function discardEdit(): void {
  const { info } = useScorecard.getState();
  patch({ draft: null, note: '', conflict: false, basedOn: info ? currentOf(info) : null });
  keep();
}

/** The hub's answer to a publish or an import: the new active pack, the edit done. */
function published(result: ScorecardPublished): void {
  const at = currentOf(result.info);
  applyInfo(result.info, true);
  patch({ importing: null, openItem: null });
  const message: Message =
    result.kind === 'version'
      ? { key: 'scorecard.publish.doneVersion', values: { version: at.version } }
      : result.kind === 'revision'
        ? { key: 'scorecard.publish.doneRevision', values: at }
        : { key: 'scorecard.publish.doneNone' };
  patch({ notice: { ok: true, message } });
}

/** Bytes as socket.io sends them: more than the hub's frame limit would close the connection. */
const bytes = (text: string) => new TextEncoder().encode(text).length;
/** Room left in a frame for socket.io's own framing and the event name. */
const FRAME_MARGIN = 1024;

async function send(
  busy: NonNullable<ScorecardState['busy']>,
  request: () => Promise<HubAnswer<ScorecardPublished>>,
): Promise<HubAnswer<ScorecardPublished> | null> {
  if (useScorecard.getState().busy) return null;
  patch({ busy, notice: null });
  const res = await request();
  patch({ busy: null });
  return res;
}

/** Publishes the edit (when the schema reads it), based on the version it started from. */
export async function publish(): Promise<void> {
  const { draft, basedOn, note } = useScorecard.getState();
  if (!draft || !basedOn) return;
  const check = checkDraft(draft);
  if (!check.pack) return;
  const payload = { basedOn, pack: check.pack, note };
  const size = bytes(JSON.stringify(payload));
  if (size > MAX_MESSAGE_BYTES - FRAME_MARGIN)
    return patch({ notice: { ok: false, message: tooLarge(size) } });
  const res = await send('publishing', () => ask('scorecard:publish', payload, REFUSED));
  if (!res) return;
  if (res.ok) return published(res.data);
  if (res.code !== 'conflict') return patch({ notice: { ok: false, message: res.error } });
  // Someone published meanwhile: the edit stays (to read, or to drop with a reload) beside
  // the version now active.
  patch({ conflict: true });
  await loadScorecard();
}

const tooLarge = (size: number): Message => ({
  key: 'scorecard.tooLarge',
  values: {
    size: Math.ceil(size / 1024),
    max: Math.floor((MAX_MESSAGE_BYTES - FRAME_MARGIN) / 1024),
  },
});

/** The most a YAML file may have to be sent in one message (the hub's limit, or the frame's). */
export const YAML_MAX_BYTES = Math.min(SCORECARD_YAML_MAX, MAX_MESSAGE_BYTES - FRAME_MARGIN);

/** A YAML file chosen to import: checked for size here, read by the hub. */
export function chooseImport(fileName: string, yaml: string): void {
  const size = bytes(yaml);
  if (size > YAML_MAX_BYTES) return importFailed(fileName, tooLarge(size));
  patch({ importing: { fileName, yaml, note: '', error: null }, notice: null });
}

export const importFailed = (fileName: string, message: Message) =>
  patch({ importing: { fileName, yaml: '', note: '', error: message } });

export function setImportNote(note: string): void {
  const { importing } = useScorecard.getState();
  if (importing) patch({ importing: { ...importing, note } });
}

export const cancelImport = () => patch({ importing: null });

/** Imports the chosen YAML as a new version; the hub's refusal is shown beside the file. */
export async function runImport(): Promise<void> {
  const { importing } = useScorecard.getState();
  if (!importing?.yaml) return;
  const { yaml, note } = importing;
  patch({ importing: { ...importing, error: null } });
  const res = await send('importing', () => ask('scorecard:import', { yaml, note }, REFUSED));
  if (!res) return;
  if (res.ok) return published(res.data);
  const now = useScorecard.getState().importing;
  if (now) patch({ importing: { ...now, error: res.error } });
}

/** Downloads a version's YAML (the active one without `version`). */
export async function exportYaml(version?: number): Promise<void> {
  const { info, busy } = useScorecard.getState();
  if (!info || busy) return;
  patch({ busy: 'exporting', notice: null });
  const res = await ask('scorecard:export', version === undefined ? {} : { version }, {
    ...REFUSED,
    timeoutMs: EXPORT_TIMEOUT_MS,
  });
  patch({ busy: null });
  if (!res.ok) return patch({ notice: { ok: false, message: res.error } });
  const { yaml, version: v, revision } = res.data;
  downloadBlob(
    `${info.pack.id}-v${v}.${revision}.yaml`,
    new Blob([yaml], { type: 'application/yaml;charset=utf-8' }),
  );
  patch({
    notice: {
      ok: true,
      message: { key: 'scorecard.export.done', values: { version: v, revision } },
    },
  });
}

/**
 * Someone published: a builder with nothing edited shows the new pack at once (and says so);
 * with an edit in progress it says a newer one is there (reloading would drop the edit).
 */
export function publishedElsewhere(at: PublishedAt): void {
  const { info, draft } = useScorecard.getState();
  if (!info || !isAfter(at, currentOf(info))) return;
  patch({ newer: at });
  if (draft || !useScorecardView.getState().open) return;
  void loadScorecard().then(() => {
    const { info: now } = useScorecard.getState();
    if (now && !isAfter(at, currentOf(now)))
      patch({ notice: { ok: true, message: { key: 'scorecard.newer.shown', values: at } } });
  });
}

// ---- try it ----

export function setPreviewCallType(callType: string): void {
  patch({ preview: { callType, answers: {} } });
}

export function setPreviewAnswer(itemId: string, answer: Answer): void {
  const { preview } = useScorecard.getState();
  patch({ preview: { ...preview, answers: { ...preview.answers, [itemId]: answer } } });
}

export const clearPreview = () =>
  patch({ preview: { ...useScorecard.getState().preview, answers: {} } });

registerScorecardStore({
  loadScorecard,
  published: publishedElsewhere,
  reset: () => useScorecard.getState().reset(),
});
