import { create } from 'zustand';
import {
  IMPORT_PART_CHARS,
  type AdminTeam,
  type AdminUser,
  type AuditRecord,
  type ImportPreview,
  type Permission,
  type TeamMove,
  type TeamSave,
  type UserSave,
} from '@sidecoach/shared';
import { ask, type Answer } from '../../hub/client.js';
import type { Message } from '../../hub/errors.js';
import { latest } from '../../hub/latest.js';
import { newId } from '../../lib/ids.js';

// Administration (admins only): people, teams and shifts, moves, extra rights, the HR import and
// the audit log, all through the one hub client. The hub decides and audits; this keeps what is
// shown and what is being edited.

import { registerAdminStore, useAdminView, type AdminTab } from './view.js';

export type { AdminTab } from './view.js';
export type LoadStatus = 'idle' | 'loading' | 'loaded' | 'failed';

/** An import's steps: the file is sent in parts, checked, then applied in one transaction. */
export type ImportStep = 'idle' | 'uploading' | 'previewing' | 'preview' | 'applying' | 'applied';

export interface AuditFilters {
  /** YYYY-MM-DD, the browser's days. */
  from: string;
  to: string;
  actorId: string;
  targetId: string;
}

/** The longest an import's apply may take (thousands of rows on PostgreSQL). */
const APPLY_TIMEOUT_MS = 180_000;
const PREVIEW_TIMEOUT_MS = 60_000;
const AUDIT_PAGE = 50;

interface AdminState {
  status: LoadStatus;
  error: Message | null;
  users: AdminUser[];
  teams: AdminTeam[];
  /** The user or team being edited ('new': a new one), null: the list. */
  editingUser: string | null;
  editingTeam: string | null;
  moves: TeamMove[];
  /** What the last save said (success or refusal), shown beside the form. */
  notice: { ok: boolean; message: Message } | null;
  busy: boolean;
  importing: {
    step: ImportStep;
    fileName: string;
    importId: string | null;
    done: number;
    total: number;
    preview: ImportPreview | null;
    error: Message | null;
  };
  audit: {
    filters: AuditFilters;
    entries: AuditRecord[];
    next: string | null;
    status: LoadStatus;
    error: Message | null;
  };
  reset(): void;
}

const initialImport: AdminState['importing'] = {
  step: 'idle',
  fileName: '',
  importId: null,
  done: 0,
  total: 0,
  preview: null,
  error: null,
};

const initial = {
  status: 'idle' as LoadStatus,
  error: null,
  users: [],
  teams: [],
  editingUser: null,
  editingTeam: null,
  moves: [],
  notice: null,
  busy: false,
  importing: initialImport,
  audit: {
    filters: { from: '', to: '', actorId: '', targetId: '' },
    entries: [],
    next: null,
    status: 'idle',
    error: null,
  },
} satisfies Omit<AdminState, 'reset'>;

const guards = { lists: latest(), audit: latest(), moves: latest() };

export const useAdmin = create<AdminState>()((set) => ({
  ...initial,
  reset() {
    Object.values(guards).forEach((g) => g.cancel());
    set(initial);
  },
}));

const patch = (p: Partial<AdminState>) => useAdmin.setState(p);
const patchImport = (p: Partial<AdminState['importing']>) =>
  useAdmin.setState((s) => ({ importing: { ...s.importing, ...p } }));
const patchAudit = (p: Partial<AdminState['audit']>) =>
  useAdmin.setState((s) => ({ audit: { ...s.audit, ...p } }));

export function openAdmin(tab: AdminTab = useAdminView.getState().tab) {
  useAdminView.setState({ open: true, tab });
  patch({ notice: null });
  void loadAdmin();
  if (tab === 'audit' && useAdmin.getState().audit.status === 'idle') void loadAudit();
}
export const closeAdmin = () => {
  useAdminView.setState({ open: false });
  patch({ editingUser: null, editingTeam: null });
};
export const showTab = (tab: AdminTab) => openAdmin(tab);

/** People and teams, as the hub has them now. */
export async function loadAdmin(): Promise<void> {
  const current = guards.lists.next();
  if (useAdmin.getState().status !== 'loaded') patch({ status: 'loading' });
  const [users, teams] = await Promise.all([ask('admin:users', {}), ask('admin:teams', {})]);
  if (!current()) return;
  if (!users.ok) return patch({ status: 'failed', error: users.error });
  if (!teams.ok) return patch({ status: 'failed', error: teams.error });
  patch({ status: 'loaded', error: null, users: users.data.users, teams: teams.data.teams });
}

export function editUser(id: string | null) {
  patch({ editingUser: id, notice: null, moves: [] });
  if (id && id !== 'new') void loadMoves(id);
}
export const editTeam = (id: string | null) => patch({ editingTeam: id, notice: null });

function upsert<T extends { id: string }>(list: T[], item: T): T[] {
  return list.some((x) => x.id === item.id)
    ? list.map((x) => (x.id === item.id ? item : x))
    : [...list, item];
}

/** One change asked of the hub: busy meanwhile; a refusal becomes the notice (null returned). */
async function submit<T>(request: Promise<Answer<T>>): Promise<T | null> {
  patch({ busy: true, notice: null });
  const res = await request;
  patch({ busy: false });
  if (res.ok) return res.data;
  patch({ notice: { ok: false, message: res.error } });
  return null;
}

/** Saves a person; true when the hub stored it (the editor then shows it as saved). */
export async function saveUser(input: UserSave): Promise<boolean> {
  const user = await submit(ask('admin:user-save', input));
  if (!user) return false;
  patch({
    users: upsert(useAdmin.getState().users, user),
    editingUser: user.id,
    notice: {
      ok: true,
      message: input.id
        ? { key: 'admin.saved' }
        : { key: 'admin.user.created', values: { name: user.displayName } },
    },
  });
  // Teams list their members: read them again.
  void loadAdmin();
  return true;
}

export async function setPermission(user: AdminUser, permission: Permission, granted: boolean) {
  const changed = await submit(ask('admin:permission', { userId: user.id, permission, granted }));
  if (!changed) return;
  patch({
    users: upsert(useAdmin.getState().users, changed),
    notice: {
      ok: true,
      message: { key: 'admin.user.rightChanged', values: { name: changed.displayName } },
    },
  });
}

export async function saveTeam(input: TeamSave): Promise<boolean> {
  const team = await submit(ask('admin:team-save', input));
  if (!team) return false;
  patch({
    teams: upsert(useAdmin.getState().teams, team),
    editingTeam: team.id,
    notice: {
      ok: true,
      message: input.id
        ? { key: 'admin.saved' }
        : { key: 'admin.team.created', values: { name: team.name } },
    },
  });
  void loadAdmin();
  return true;
}

export async function loadMoves(agentId: string) {
  const current = guards.moves.next();
  const res = await ask('admin:moves', { agentId });
  if (current() && res.ok) patch({ moves: res.data.moves });
}

export async function moveAgent(agent: AdminUser, teamId: string, effectiveDate: string) {
  const move = await submit(ask('admin:move', { agentId: agent.id, teamId, effectiveDate }));
  if (!move) return;
  const team = useAdmin.getState().teams.find((t) => t.id === teamId)?.name ?? teamId;
  const values = { name: agent.displayName, team, date: effectiveDate };
  patch({
    notice: {
      ok: true,
      message: move.appliedAt
        ? { key: 'admin.user.movedNow', values }
        : { key: 'admin.user.moved', values },
    },
  });
  await Promise.all([loadAdmin(), loadMoves(agent.id)]);
}

export async function cancelMove(move: TeamMove) {
  if (await submit(ask('admin:move-cancel', { moveId: move.id }))) await loadMoves(move.agentId);
}

// ---- the HR import ----

/** Sends the file in parts (each under the hub's message limit), then asks for the preview. */
export async function chooseImportFile(name: string, text: string): Promise<void> {
  const importId = newId();
  const total = Math.max(1, Math.ceil(text.length / IMPORT_PART_CHARS));
  useAdmin.setState({
    importing: { ...initialImport, step: 'uploading', fileName: name, importId, total },
  });
  for (let index = 0; index < total; index++) {
    const res = await ask('admin:import-part', {
      importId,
      index,
      total,
      text: text.slice(index * IMPORT_PART_CHARS, (index + 1) * IMPORT_PART_CHARS),
    });
    if (useAdmin.getState().importing.importId !== importId) return; // another file was chosen
    if (!res.ok) return patchImport({ step: 'idle', error: res.error });
    patchImport({ done: index + 1 });
  }
  patchImport({ step: 'previewing' });
  const preview = await ask(
    'admin:import-preview',
    { importId },
    { timeoutMs: PREVIEW_TIMEOUT_MS },
  );
  if (useAdmin.getState().importing.importId !== importId) return;
  if (!preview.ok) return patchImport({ step: 'idle', error: preview.error });
  patchImport({ step: 'preview', preview: preview.data });
}

export async function applyImport(): Promise<void> {
  const { importId } = useAdmin.getState().importing;
  if (!importId) return;
  patchImport({ step: 'applying', error: null });
  const res = await ask('admin:import-apply', { importId }, { timeoutMs: APPLY_TIMEOUT_MS });
  if (useAdmin.getState().importing.importId !== importId) return;
  if (!res.ok) return patchImport({ step: 'preview', error: res.error });
  patchImport({ step: 'applied', preview: res.data });
  void loadAdmin();
}

export const importFailed = (message: Message) =>
  useAdmin.setState({ importing: { ...initialImport, error: message } });
export const resetImport = () => useAdmin.setState({ importing: initialImport });

// ---- the audit log ----

/** The browser's calendar day as the instant it starts (the hub compares UTC instants). */
const dayStart = (date: string, plusDays = 0) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays).toISOString();
};

function auditQuery(filters: AuditFilters) {
  return {
    ...(filters.from ? { from: dayStart(filters.from) } : {}),
    ...(filters.to ? { to: dayStart(filters.to, 1) } : {}),
    ...(filters.actorId ? { actorId: filters.actorId } : {}),
    ...(filters.targetId ? { targetId: filters.targetId } : {}),
  };
}

export const setAuditFilters = (filters: Partial<AuditFilters>) =>
  patchAudit({ filters: { ...useAdmin.getState().audit.filters, ...filters } });

export const badAuditRange = (f: AuditFilters) => f.from !== '' && f.to !== '' && f.to < f.from;

/** The newest entries for the filters (`more`: the next page after those shown). */
export async function loadAudit(more = false): Promise<void> {
  const { filters, next, entries } = useAdmin.getState().audit;
  if (badAuditRange(filters))
    return patchAudit({ status: 'failed', error: { key: 'admin.audit.badRange' } });
  const current = guards.audit.next();
  patchAudit({ status: 'loading', error: null });
  const res = await ask('admin:audit', {
    ...auditQuery(filters),
    limit: AUDIT_PAGE,
    ...(more && next ? { cursor: next } : {}),
  });
  if (!current()) return;
  if (!res.ok) return patchAudit({ status: 'failed', error: res.error });
  patchAudit({
    status: 'loaded',
    entries: more ? [...entries, ...res.data.entries] : res.data.entries,
    next: res.data.next,
  });
}

/** The query of the hub's CSV export of the whole log for the filters (GET /api/admin/audit.csv). */
export function auditExportQuery(filters: AuditFilters): Record<string, string> {
  const q = auditQuery(filters);
  return {
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
    ...(q.actorId ? { actor: q.actorId } : {}),
    ...(q.targetId ? { target: q.targetId } : {}),
  };
}

registerAdminStore({ openAdmin, closeAdmin, loadAdmin, reset: () => useAdmin.getState().reset() });
