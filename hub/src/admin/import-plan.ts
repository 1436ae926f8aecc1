import { parse } from 'csv-parse/sync';
import {
  ExtensionSchema,
  IMPORT_MAX_ROWS,
  ROLES,
  teamLimitOf,
  UI_LANGUAGES,
  UsernameSchema,
  DisplayNameSchema,
  TeamNameSchema,
  type ImportOutcome,
  type ImportPreview,
  type ImportRow,
  type Role,
  type UiLanguage,
} from '@sidecoach/shared';

// The HR / workforce-management import, without I/O: the file read as CSV (csv-parse), each row
// compared with the people and teams stored now, and what applying it would do, row by row.
//
// Columns (header names, any order and case): username (required), display_name, role, team,
// extension, lang. An empty cell leaves the stored value as it is (a new user: none); `team`
// may name several teams separated by ";" (supervisors and leads covering several shifts; an
// agent is in one). Teams the file names that do not exist are created by the apply (listed in
// the preview), with the hub's time zone and no working hours, for the admin to complete.

/** The roles an import may give: staff (mystery callers are never imported). */
const STAFF_ROLES = ROLES.filter((r) => r !== 'caller');

export const IMPORT_COLUMNS = [
  'username',
  'display_name',
  'role',
  'team',
  'extension',
  'lang',
] as const;
type Column = (typeof IMPORT_COLUMNS)[number];

export class ImportFileRefused extends Error {}

export interface ImportRecord {
  line: number;
  cells: Partial<Record<Column, string>>;
}

/** Reads the file (UTF-8, with or without a byte-order mark); throws what is wrong with it. */
export function readImportFile(text: string): ImportRecord[] {
  let parsed: { record: Record<string, string>; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      bom: true,
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      info: true,
    });
  } catch (err) {
    throw new ImportFileRefused(`the file is not valid CSV: ${(err as Error).message}`);
  }
  if (parsed.length === 0) throw new ImportFileRefused('the file has no rows under its header');
  const header = Object.keys(parsed[0]!.record);
  if (!header.includes('username'))
    throw new ImportFileRefused(
      `the file has no "username" column (columns: ${IMPORT_COLUMNS.join(', ')})`,
    );
  const unknown = header.filter((h) => !(IMPORT_COLUMNS as readonly string[]).includes(h));
  if (unknown.length)
    throw new ImportFileRefused(
      `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')} (known: ${IMPORT_COLUMNS.join(', ')})`,
    );
  if (parsed.length > IMPORT_MAX_ROWS)
    throw new ImportFileRefused(
      `the file has ${parsed.length} rows; one import takes at most ${IMPORT_MAX_ROWS}: split it`,
    );
  return parsed.map(({ record, info }) => ({ line: info.lines, cells: record }));
}

/** A stored user as the import compares them. */
export interface StoredPerson {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  extension: string | null;
  defaultLang: UiLanguage | null;
  teamNames: string[];
  disabled: boolean;
}

export interface ImportSnapshot {
  people: StoredPerson[];
  teamNames: string[];
  /** The admin applying it (who may not take their own admin role away). */
  actorId: string;
}

/** What a row becomes: the user's fields after the apply (no id: a new user). */
export type PlannedPerson = Omit<StoredPerson, 'id'> & { id: string | null };

export interface ImportPlan {
  preview: Omit<ImportPreview, 'appliedAt'>;
  /** Rows to create or change, in file order. */
  writes: PlannedPerson[];
}

const split = (cell: string | undefined) =>
  (cell ?? '')
    .split(';')
    .map((t) => t.trim())
    .filter((t) => t.length > 0);

const sameSet = (a: string[], b: string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

export function planImport(records: ImportRecord[], snapshot: ImportSnapshot): ImportPlan {
  const byUsername = new Map(snapshot.people.map((p) => [p.username.toLowerCase(), p]));
  const byExtension = new Map(
    snapshot.people.filter((p) => p.extension).map((p) => [p.extension!, p]),
  );
  const lines = new Map<string, number[]>();
  const extensionLines = new Map<string, number[]>();
  for (const r of records) {
    const u = (r.cells.username ?? '').toLowerCase();
    lines.set(u, [...(lines.get(u) ?? []), r.line]);
    const e = r.cells.extension ?? '';
    if (e) extensionLines.set(e, [...(extensionLines.get(e) ?? []), r.line]);
  }
  const newTeams = new Set<string>();
  const rows: ImportRow[] = [];
  const writes: PlannedPerson[] = [];

  for (const { line, cells } of records) {
    const reasons: string[] = [];
    const username = cells.username ?? '';
    const stored = byUsername.get(username.toLowerCase());
    const others = (lines.get(username.toLowerCase()) ?? []).filter((l) => l !== line);
    if (!UsernameSchema.safeParse(username).success)
      reasons.push(
        username
          ? `username "${username}" may hold letters, digits and . _ @ - only`
          : 'no username',
      );
    else if (others.length)
      reasons.push(`username ${username} is also on line ${others.join(', ')}`);

    let role: Role | undefined = stored?.role;
    if (stored?.role === 'caller')
      reasons.push(`${stored.username} is a mystery caller: callers are not imported as staff`);
    else if (cells.role) {
      const named = STAFF_ROLES.find((r) => r === cells.role!.toLowerCase());
      if (named) role = named;
      else if (cells.role.toLowerCase() === 'caller')
        reasons.push('mystery callers are made under Mystery calls, not imported');
      else reasons.push(`unknown role "${cells.role}" (one of ${STAFF_ROLES.join(', ')})`);
    } else if (!stored) reasons.push('no role for a new user');

    let displayName = stored?.displayName ?? '';
    if (cells.display_name) {
      if (DisplayNameSchema.safeParse(cells.display_name).success) displayName = cells.display_name;
      else reasons.push('display name longer than 120 characters');
    } else if (!stored) reasons.push('no display name for a new user');

    let extension = stored?.extension ?? null;
    if (cells.extension) {
      const holder = byExtension.get(cells.extension);
      const twice = (extensionLines.get(cells.extension) ?? []).filter((l) => l !== line);
      if (!ExtensionSchema.safeParse(cells.extension).success)
        reasons.push(`extension "${cells.extension}" is not digits (and * #)`);
      else if (holder && holder.username.toLowerCase() !== username.toLowerCase())
        reasons.push(`extension ${cells.extension} is taken by ${holder.username}`);
      else if (twice.length)
        reasons.push(`extension ${cells.extension} is also on line ${twice.join(', ')}`);
      else extension = cells.extension;
    }

    let defaultLang = stored?.defaultLang ?? null;
    if (cells.lang) {
      const named = UI_LANGUAGES.find((l) => l.toLowerCase() === cells.lang!.toLowerCase());
      if (named) defaultLang = named;
      else reasons.push(`unknown language "${cells.lang}" (one of ${UI_LANGUAGES.join(', ')})`);
    }

    let teamNames = stored?.teamNames ?? [];
    if (cells.team) {
      const named = [...new Set(split(cells.team))];
      const bad = named.filter((t) => !TeamNameSchema.safeParse(t).success);
      if (bad.length) reasons.push('a team name longer than 80 characters');
      else teamNames = named;
    }
    if (role && teamNames.length > teamLimitOf(role))
      reasons.push(`an agent is in one team at a time, not ${teamNames.join(' and ')}`);
    if (stored && stored.id === snapshot.actorId && role !== 'admin')
      reasons.push('you cannot give up your own admin role');

    const planned: PlannedPerson = {
      id: stored?.id ?? null,
      username: stored?.username ?? username,
      displayName,
      role: role ?? 'agent',
      extension,
      defaultLang,
      teamNames,
      disabled: stored?.disabled ?? false,
    };
    const changes = stored
      ? [
          ...(stored.displayName !== displayName ? ['display_name'] : []),
          ...(stored.role !== planned.role ? ['role'] : []),
          ...(!sameSet(stored.teamNames, teamNames) ? ['team'] : []),
          ...(stored.extension !== extension ? ['extension'] : []),
          ...(stored.defaultLang !== defaultLang ? ['lang'] : []),
        ]
      : [];
    const outcome: ImportOutcome = reasons.length
      ? 'refused'
      : !stored
        ? 'create'
        : changes.length
          ? 'change'
          : 'unchanged';
    if (outcome === 'create' || outcome === 'change') {
      writes.push(planned);
      for (const t of teamNames) if (!snapshot.teamNames.includes(t)) newTeams.add(t);
    }
    rows.push({ line, username, displayName, outcome, changes, reasons });
  }
  const counts = { create: 0, change: 0, unchanged: 0, refused: 0 };
  for (const r of rows) counts[r.outcome]++;
  return {
    preview: { rows, newTeams: [...newTeams], counts, applicable: counts.refused === 0 },
    writes,
  };
}
