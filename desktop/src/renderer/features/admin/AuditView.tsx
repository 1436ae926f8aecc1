import { useEffect, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditRecord } from '@sidecoach/shared';
import { ErrorText, Field, useDateTime } from './parts.js';
import { KNOWN_ACTIONS, type KnownAction } from './tabs.js';
import { HubExportButton } from '../../ui/HubExportButton.js';
import { auditExportQuery, badAuditRange, loadAudit, setAuditFilters, useAdmin } from './store.js';

const isKnown = (action: string): action is KnownAction =>
  (KNOWN_ACTIONS as readonly string[]).includes(action);

/** What changed between before and after, field by field ("role: agent → lead"); ids as names. */
export function changeSummary(
  entry: Pick<AuditRecord, 'before' | 'after'>,
  nameOf: (id: string) => string | undefined = () => undefined,
): string {
  const short = (value: unknown) => {
    if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
      return value.map((id) => nameOf(id) ?? id).join(', ') || '—';
    const text =
      typeof value === 'string' ? (nameOf(value) ?? value) : JSON.stringify(value ?? null);
    return text.length > 80 ? `${text.slice(0, 77)}…` : text;
  };
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  if (typeof after !== 'object' || Array.isArray(after)) return short(after);
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) =>
      k in before && entry.before !== null
        ? `${k}: ${short(before[k] ?? '—')} → ${short(after[k] ?? '—')}`
        : `${k}: ${short(after[k] ?? '—')}`,
    )
    .join('; ');
}

/** The audit log: filtered by dates, who and what about, paged, exported by the hub as CSV. */
export function AuditView() {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const audit = useAdmin((s) => s.audit);
  const users = useAdmin((s) => s.users);
  const teams = useAdmin((s) => s.teams);
  const { filters } = audit;
  useEffect(() => {
    if (useAdmin.getState().audit.status === 'idle') void loadAudit();
  }, []);
  const admins = users.filter((u) => u.role === 'admin');
  const show = (e: FormEvent) => {
    e.preventDefault();
    void loadAudit();
  };
  const action = (a: string) => (isKnown(a) ? t(`admin.audit.actions.${a}`) : a);
  const nameOf = (id: string) =>
    users.find((u) => u.id === id)?.displayName ?? teams.find((x) => x.id === id)?.name;
  const labels = {
    actor: t('admin.audit.actor'),
    action: t('admin.audit.action'),
    target: t('admin.audit.target'),
    changes: t('admin.audit.changes'),
  };
  return (
    <section className="admin-panel" aria-labelledby="admin-audit">
      <div className="admin-toolbar">
        <h3 id="admin-audit">{t('admin.audit.heading')}</h3>
        <HubExportButton
          path="/api/admin/audit.csv"
          query={auditExportQuery(filters)}
          fileName="audit"
          label={t('admin.exportCsv')}
          disabled={badAuditRange(filters)}
        />
      </div>
      <p className="mgr-hint">{t('admin.audit.intro')}</p>
      <form className="admin-grid admin-filters" onSubmit={show}>
        <Field label={t('admin.audit.from')}>
          {(p) => (
            <input
              {...p}
              type="date"
              value={filters.from}
              onChange={(e) => setAuditFilters({ from: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('admin.audit.to')}>
          {(p) => (
            <input
              {...p}
              type="date"
              value={filters.to}
              onChange={(e) => setAuditFilters({ to: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('admin.audit.actor')}>
          {(p) => (
            <select
              {...p}
              value={filters.actorId}
              onChange={(e) => setAuditFilters({ actorId: e.target.value })}
            >
              <option value="">{t('admin.audit.anyone')}</option>
              {admins.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.displayName}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('admin.audit.target')}>
          {(p) => (
            <select
              {...p}
              value={filters.targetId}
              onChange={(e) => setAuditFilters({ targetId: e.target.value })}
            >
              <option value="">{t('admin.audit.anything')}</option>
              <optgroup label={t('admin.tabs.people')}>
                {users.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.displayName} ({u.username})
                  </option>
                ))}
              </optgroup>
              <optgroup label={t('admin.tabs.teams')}>
                {teams.map((team) => (
                  <option key={team.id} value={team.id}>
                    {team.name}
                  </option>
                ))}
              </optgroup>
            </select>
          )}
        </Field>
        <div className="admin-actions">
          <button type="submit" className="primary" disabled={audit.status === 'loading'}>
            {t('admin.audit.apply')}
          </button>
        </div>
      </form>
      {audit.error ? <ErrorText message={audit.error} /> : null}
      {audit.status === 'loaded' && audit.entries.length === 0 ? (
        <p className="muted">{t('admin.audit.empty')}</p>
      ) : null}
      {audit.entries.length > 0 ? (
        <div className="table-scroll">
          <table className="stats-table mgr-table admin-table mgr-stack" data-testid="admin-audit">
            <thead>
              <tr>
                <th scope="col">{t('admin.audit.time')}</th>
                <th scope="col">{t('admin.audit.actor')}</th>
                <th scope="col">{t('admin.audit.action')}</th>
                <th scope="col">{t('admin.audit.target')}</th>
                <th scope="col">{t('admin.audit.changes')}</th>
              </tr>
            </thead>
            <tbody>
              {audit.entries.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    <time dateTime={e.at}>{dateTime(e.at)}</time>
                  </th>
                  <td data-label={labels.actor}>
                    {e.actorName ?? (e.actorId ? e.actorId : t('admin.audit.hub'))}
                  </td>
                  <td data-label={labels.action}>{action(e.action)}</td>
                  <td data-label={labels.target}>
                    {e.targetName ?? (e.targetId ? (nameOf(e.targetId) ?? e.targetId) : '—')}
                  </td>
                  <td data-label={labels.changes} className="admin-change">
                    {changeSummary(e, nameOf)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {audit.status === 'loading' ? (
        <p className="muted" role="status">
          {t('admin.loading')}
        </p>
      ) : null}
      {audit.next && audit.status !== 'loading' ? (
        <button type="button" onClick={() => void loadAudit(true)}>
          {t('admin.audit.more')}
        </button>
      ) : null}
    </section>
  );
}
