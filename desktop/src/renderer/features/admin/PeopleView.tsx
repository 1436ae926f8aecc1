import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminUser } from '@sidecoach/shared';
import { UserEditor } from './UserEditor.js';
import { DataTable, ExportButton, Field, OpenButton, teamNames } from './parts.js';
import { downloadCsv } from '../../lib/csv.js';
import { editUser, useAdmin } from './store.js';

function matches(user: AdminUser, query: string) {
  const q = query.trim().toLowerCase();
  return (
    !q ||
    user.displayName.toLowerCase().includes(q) ||
    user.username.toLowerCase().includes(q) ||
    (user.extension ?? '').includes(q)
  );
}

/** Everyone on the hub: find, add, edit (the editor replaces the list), export. */
export function PeopleView() {
  const { t } = useTranslation();
  const users = useAdmin((s) => s.users);
  const teams = useAdmin((s) => s.teams);
  const editing = useAdmin((s) => s.editingUser);
  const [query, setQuery] = useState('');
  if (editing) return <UserEditor key={editing} userId={editing} />;
  const shown = users.filter((u) => matches(u, query));
  const header = [
    t('admin.people.name'),
    t('admin.people.username'),
    t('admin.people.role'),
    t('admin.people.teams'),
    t('admin.people.extension'),
    t('admin.people.status'),
  ];
  const cells = (u: AdminUser) => [
    u.displayName,
    u.username,
    t(`admin.roles.${u.role}`),
    teamNames(u.teamIds, teams) || t('admin.people.noTeam'),
    u.extension ?? '',
    u.disabled ? t('admin.people.disabled') : t('admin.people.active'),
  ];
  return (
    <section className="admin-panel" aria-labelledby="admin-people">
      <div className="admin-toolbar">
        <h3 id="admin-people">
          {t('admin.people.heading')}{' '}
          <span className="muted small">{t('admin.people.count', { count: users.length })}</span>
        </h3>
        <div className="admin-actions">
          <ExportButton
            onExport={() => downloadCsv('sidecoach-people.csv', header, shown.map(cells))}
            disabled={shown.length === 0}
          />
          <button type="button" className="primary" onClick={() => editUser('new')}>
            {t('admin.people.add')}
          </button>
        </div>
      </div>
      <Field label={t('admin.people.search')}>
        {(props) => (
          <input
            {...props}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        )}
      </Field>
      {shown.length === 0 ? (
        <p className="muted">{t('admin.people.empty')}</p>
      ) : (
        <DataTable
          testId="admin-people"
          header={header}
          rows={shown.map((u) => ({
            key: u.id,
            className: u.disabled ? 'disabled' : undefined,
            head: (
              <OpenButton
                label={t('admin.people.edit', { name: u.displayName })}
                name={u.displayName}
                onOpen={() => editUser(u.id)}
              />
            ),
            cells: cells(u).slice(1),
          }))}
        />
      )}
    </section>
  );
}
