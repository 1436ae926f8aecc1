import type { ImportPreview } from '@sidecoach/shared';
import { recordAudit } from '../lib/audit.js';
import type { Trx } from '../lib/jobs.js';
import { nowIso, type Db } from '../store/db.js';
import { planImport, readImportFile, type ImportSnapshot } from './import-plan.js';
import { AdminRefusal, adminUsers, saveTeam, saveUser } from './records.js';

// The import's reads and its one transaction (the rules are import-plan.ts's).

async function snapshotOf(db: Db | Trx, actorId: string): Promise<ImportSnapshot> {
  const teams = await db.selectFrom('teams').select(['id', 'name']).execute();
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const people = await adminUsers(db);
  return {
    actorId,
    teamNames: teams.map((t) => t.name),
    people: people.map(({ teamIds, ...u }) => ({
      ...u,
      teamNames: teamIds.map((id) => teamName.get(id)!),
    })),
  };
}

/** What applying the file would do now. */
export async function previewImport(db: Db, actorId: string, text: string) {
  const plan = planImport(readImportFile(text), await snapshotOf(db, actorId));
  return { ...plan.preview, appliedAt: null } satisfies ImportPreview;
}

/**
 * Applies the file in the caller's transaction, all or nothing: planned again inside it (what
 * another admin changed since the preview counts), refused whole if any row is refused. The
 * same file applied again finds every row unchanged and writes nothing.
 */
export async function applyImport(
  trx: Trx,
  actorId: string,
  text: string,
  zone: string,
): Promise<{ preview: ImportPreview; affected: string[] }> {
  const plan = planImport(readImportFile(text), await snapshotOf(trx, actorId));
  const appliedAt = nowIso();
  if (!plan.preview.applicable)
    throw new AdminRefusal(
      'bad_request',
      `nothing was imported: ${plan.preview.counts.refused} row(s) are refused (see the preview)`,
    );
  const teamIds = new Map(
    (await trx.selectFrom('teams').select(['id', 'name']).execute()).map((t) => [t.name, t.id]),
  );
  for (const name of plan.preview.newTeams) {
    const team = await saveTeam(trx, actorId, { name, timeZone: zone, hours: null, coachIds: [] });
    teamIds.set(name, team.result.id);
  }
  const affected: string[] = [];
  for (const person of plan.writes) {
    const saved = await saveUser(trx, actorId, {
      ...(person.id ? { id: person.id } : {}),
      username: person.username,
      displayName: person.displayName,
      role: person.role,
      extension: person.extension,
      defaultLang: person.defaultLang,
      teamIds: person.teamNames.map((n) => teamIds.get(n)!),
      disabled: person.disabled,
    });
    affected.push(...saved.affected);
  }
  if (plan.writes.length > 0)
    await recordAudit(trx, {
      actorId,
      action: 'import.apply',
      targetType: 'import',
      targetId: null,
      after: { counts: plan.preview.counts, newTeams: plan.preview.newTeams },
    });
  return { preview: { ...plan.preview, appliedAt }, affected };
}
