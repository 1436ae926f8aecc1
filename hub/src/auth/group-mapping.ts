import { readFile } from 'node:fs/promises';
import { parseYamlWith, RoleSchema, type Role } from '@sidecoach/shared';
import { z } from 'zod';

// Groups at the identity provider → a Sidecoach role and team memberships (--oidc-group-map).

export const GroupMapSchema = z.strictObject({
  groups: z.record(
    z.string().min(1),
    z.strictObject({
      /** A staff role: mystery callers are never made by a group (they are in no team). */
      role: RoleSchema.exclude(['caller']).optional(),
      /** Team ids; teams that do not exist are skipped at sign-in (and logged). */
      teams: z.array(z.string().min(1)).default([]),
    }),
  ),
});
export type GroupMap = z.infer<typeof GroupMapSchema>;

/**
 * Reads the mapping file (YAML, or JSON, which is YAML too); a bad file stops the hub's start
 * with file:line and the field at fault, as the pack loaders do.
 */
export async function loadGroupMap(file: string): Promise<GroupMap> {
  return parseYamlWith(GroupMapSchema, await readFile(file, 'utf8'), file, 'invalid group map');
}

/** What a person's mapped groups give; `access` null when none of their groups is mapped. */
export interface MappedGroups {
  access: { role: Role | null; teamIds: string[] } | null;
  /** Groups in the claim that the file does not name (ignored, logged). */
  unknown: string[];
}

/** Staff roles, lowest first (a caller is no rank of staff: never mapped). */
const STAFF_RANK: readonly Role[] = ['agent', 'supervisor', 'lead', 'admin'];

/**
 * The groups' combined access: the highest role any mapped group gives (agent < supervisor <
 * lead < admin; none: the role stays) and every team they name (the memberships become those).
 */

export function mapGroups(map: GroupMap, groups: readonly string[]): MappedGroups {
  const known = groups.filter((g) => Object.hasOwn(map.groups, g));
  const unknown = groups.filter((g) => !Object.hasOwn(map.groups, g));
  if (known.length === 0) return { access: null, unknown };
  let role: Role | null = null;
  const teams = new Set<string>();
  for (const group of known) {
    const entry = map.groups[group]!;
    if (entry.role && (role === null || STAFF_RANK.indexOf(entry.role) > STAFF_RANK.indexOf(role)))
      role = entry.role;
    entry.teams.forEach((t) => teams.add(t));
  }
  return { access: { role, teamIds: [...teams].sort() }, unknown };
}

/** The groups claim as a list of names (providers send an array, a few a single string). */
export function groupsOf(claim: unknown): string[] {
  if (typeof claim === 'string') return [claim];
  if (Array.isArray(claim)) return claim.filter((g): g is string => typeof g === 'string');
  return [];
}
