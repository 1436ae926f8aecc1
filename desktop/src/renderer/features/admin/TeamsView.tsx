import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isTimeZone, type AdminTeam, type WorkHours } from '@sidecoach/shared';
import type { Message } from '../../hub/errors.js';
import {
  ChangeNotice,
  DataTable,
  ErrorText,
  ExportButton,
  Field,
  OpenButton,
  Section,
} from './parts.js';
import { downloadCsv } from '../../lib/csv.js';
import { editTeam, saveTeam, useAdmin } from './store.js';

const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;
type Day = (typeof DAYS)[number];
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Teams and shifts: a list to export, and the editor for one. */
export function TeamsView() {
  const { t } = useTranslation();
  const teams = useAdmin((s) => s.teams);
  const users = useAdmin((s) => s.users);
  const editing = useAdmin((s) => s.editingTeam);
  if (editing) return <TeamEditor key={editing} teamId={editing} />;
  const names = (ids: string[]) =>
    ids.map((id) => users.find((u) => u.id === id)?.displayName ?? id).join(', ');
  const hours = (h: WorkHours | null) =>
    h
      ? `${h.start}–${h.end} ${h.days.map((d) => t(`admin.weekdays.${String(d) as `${Day}`}`)).join(' ')}`
      : t('admin.teams.noHours');
  const header = [
    t('admin.teams.name'),
    t('admin.teams.timeZone'),
    t('admin.teams.hours'),
    t('admin.teams.coaches'),
    t('admin.teams.agents'),
  ];
  const cells = (team: AdminTeam) => [
    team.name,
    team.timeZone,
    hours(team.hours),
    names(team.coachIds),
    String(team.agentIds.length),
  ];
  return (
    <section className="admin-panel" aria-labelledby="admin-teams">
      <div className="admin-toolbar">
        <h3 id="admin-teams">{t('admin.teams.heading')}</h3>
        <div className="admin-actions">
          <ExportButton
            onExport={() => downloadCsv('sidecoach-teams.csv', header, teams.map(cells))}
            disabled={teams.length === 0}
          />
          <button type="button" className="primary" onClick={() => editTeam('new')}>
            {t('admin.teams.add')}
          </button>
        </div>
      </div>
      {teams.length === 0 ? (
        <p className="muted">{t('admin.teams.empty')}</p>
      ) : (
        <DataTable
          testId="admin-teams"
          header={header}
          rows={teams.map((team) => ({
            key: team.id,
            head: (
              <OpenButton
                label={t('admin.teams.edit', { name: team.name })}
                name={team.name}
                onOpen={() => editTeam(team.id)}
              />
            ),
            cells: cells(team).slice(1),
          }))}
        />
      )}
    </section>
  );
}

function TeamEditor({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const team = useAdmin((s) => s.teams.find((x) => x.id === teamId));
  const users = useAdmin((s) => s.users);
  const busy = useAdmin((s) => s.busy);
  const [name, setName] = useState(team?.name ?? '');
  const [zone, setZone] = useState(team?.timeZone ?? browserZone());
  const [shift, setShift] = useState(team?.hours !== null && team !== undefined);
  const [start, setStart] = useState(team?.hours?.start ?? '08:00');
  const [end, setEnd] = useState(team?.hours?.end ?? '16:00');
  const [days, setDays] = useState<number[]>(team?.hours?.days ?? [1, 2, 3, 4, 5]);
  const [coachIds, setCoachIds] = useState<string[]>(team?.coachIds ?? []);
  const [invalid, setInvalid] = useState<Message | null>(null);
  const coaches = users.filter(
    (u) => !u.disabled && (u.role === 'supervisor' || u.role === 'lead'),
  );
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim())
      return setInvalid({ key: 'admin.user.required', values: { message: t('admin.team.name') } });
    if (!isTimeZone(zone.trim()))
      return setInvalid({ key: 'admin.team.badZone', values: { message: zone } });
    if (shift && days.length === 0) return setInvalid({ key: 'admin.team.noDays' });
    setInvalid(null);
    void saveTeam({
      ...(team ? { id: team.id } : {}),
      name: name.trim(),
      timeZone: zone.trim(),
      hours: shift ? { start, end, days: [...days].sort((a, b) => a - b) } : null,
      coachIds,
    });
  };
  const toggle = <T,>(list: T[], value: T, on: boolean) =>
    on ? [...list, value] : list.filter((x) => x !== value);

  return (
    <div className="admin-editor">
      <div className="admin-toolbar">
        <h3>
          {team ? t('admin.team.editHeading', { name: team.name }) : t('admin.team.newHeading')}
        </h3>
        <button type="button" className="link" onClick={() => editTeam(null)}>
          {t('admin.close')}
        </button>
      </div>
      <ChangeNotice />
      <Section title={t('admin.team.details')}>
        <form className="admin-form" onSubmit={submit} noValidate>
          <div className="admin-grid">
            <Field label={t('admin.team.name')}>
              {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
            </Field>
            <Field label={t('admin.team.timeZone')}>
              {(p) => (
                <>
                  <input
                    {...p}
                    value={zone}
                    list="admin-zones"
                    autoComplete="off"
                    onChange={(e) => {
                      setZone(e.target.value);
                      setInvalid(null);
                    }}
                  />
                  <datalist id="admin-zones">
                    {zones.map((z) => (
                      <option key={z} value={z} />
                    ))}
                  </datalist>
                </>
              )}
            </Field>
          </div>
          <label className="check">
            <input type="checkbox" checked={shift} onChange={(e) => setShift(e.target.checked)} />
            {t('admin.team.isShift')}
          </label>
          {shift ? (
            <div className="admin-grid">
              <Field label={t('admin.team.start')}>
                {(p) => (
                  <input
                    {...p}
                    type="time"
                    value={start}
                    onChange={(e) => setStart(e.target.value)}
                  />
                )}
              </Field>
              <Field label={t('admin.team.end')}>
                {(p) => (
                  <input {...p} type="time" value={end} onChange={(e) => setEnd(e.target.value)} />
                )}
              </Field>
              <fieldset className="mgr-checks admin-days">
                <legend>{t('admin.team.days')}</legend>
                {DAYS.map((d) => (
                  <label key={d} className="check">
                    <input
                      type="checkbox"
                      checked={days.includes(d)}
                      onChange={(e) => setDays(toggle(days, d, e.target.checked))}
                    />
                    {t(`admin.weekdays.${String(d) as `${Day}`}`)}
                  </label>
                ))}
              </fieldset>
            </div>
          ) : null}
          <fieldset className="mgr-checks">
            <legend>{t('admin.team.coaches')}</legend>
            {coaches.length === 0 ? <p className="muted">{t('admin.team.noCoaches')}</p> : null}
            {coaches.map((u) => (
              <label key={u.id} className="check">
                <input
                  type="checkbox"
                  checked={coachIds.includes(u.id)}
                  onChange={(e) => setCoachIds(toggle(coachIds, u.id, e.target.checked))}
                />
                {u.displayName} <span className="muted">({t(`admin.roles.${u.role}`)})</span>
              </label>
            ))}
          </fieldset>
          {invalid ? <ErrorText message={invalid} /> : null}
          <div className="admin-actions">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('admin.saving') : t('admin.save')}
            </button>
            <button type="button" onClick={() => editTeam(null)}>
              {t('admin.cancel')}
            </button>
          </div>
        </form>
      </Section>
    </div>
  );
}
