import { useState, type ComponentType, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  localDate,
  mayHoldPermissions,
  PERMISSIONS,
  ROLES,
  UI_LANGUAGES,
  type AdminUser,
  type Role,
  type UiLanguage,
} from '@sidecoach/shared';
import type { Message } from '../../hub/errors.js';
import { ChangeNotice, ErrorText, Field, Section, teamNames } from './parts.js';
import { cancelMove, editUser, moveAgent, saveUser, setPermission, useAdmin } from './store.js';
import { UserAccountActions } from '../account/UserAccountActions.js';

/** Staff roles: mystery callers are made under Mystery calls (the hub refuses them here). */
const STAFF_ROLES = ROLES.filter((r) => r !== 'caller');

/** The sections shown under a saved person's details, in order. Each is given the person. */
const USER_SECTIONS: ReadonlyArray<ComponentType<{ user: AdminUser }>> = [
  RightsSection,
  MoveSection,
  AccountSection,
];

/** A one-time code or link to sign in with (first sign-in, reset), and signing out everywhere. */
function AccountSection({ user }: { user: AdminUser }) {
  return <UserAccountActions userId={user.id} username={user.username} />;
}

/** One person: their details (new or saved), then the sections that act on a saved person. */
export function UserEditor({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const user = useAdmin((s) => s.users.find((u) => u.id === userId));
  const isNew = userId === 'new';
  return (
    <div className="admin-editor">
      <div className="admin-toolbar">
        <h3>
          {isNew || !user
            ? t('admin.user.newHeading')
            : t('admin.user.editHeading', { name: user.displayName })}
        </h3>
        <button type="button" className="link" onClick={() => editUser(null)}>
          {t('admin.close')}
        </button>
      </div>
      <ChangeNotice />
      {user?.role === 'caller' ? (
        // Callers are made and changed in the mystery-call screens (never staff): here only
        // their sign-in can be given again or ended.
        <>
          <p className="muted" data-testid="caller-managed">
            {t('admin.user.callerManaged')}
          </p>
          <AccountSection user={user} />
        </>
      ) : (
        <>
          <DetailsForm user={isNew ? undefined : user} />
          {user ? USER_SECTIONS.map((S, i) => <S key={i} user={user} />) : null}
        </>
      )}
    </div>
  );
}

function DetailsForm({ user }: { user: AdminUser | undefined }) {
  const { t } = useTranslation();
  const teams = useAdmin((s) => s.teams);
  const busy = useAdmin((s) => s.busy);
  const [username, setUsername] = useState(user?.username ?? '');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [role, setRole] = useState<Role>(user?.role ?? 'agent');
  const [extension, setExtension] = useState(user?.extension ?? '');
  const [defaultLang, setDefaultLang] = useState<UiLanguage | ''>(user?.defaultLang ?? '');
  const [teamIds, setTeamIds] = useState<string[]>(user?.teamIds ?? []);
  const [disabled, setDisabled] = useState(user?.disabled ?? false);
  const [invalid, setInvalid] = useState<Message | null>(null);
  const agent = role === 'agent';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const missing = !username.trim()
      ? t('admin.user.username')
      : !displayName.trim()
        ? t('admin.user.displayName')
        : null;
    if (missing) {
      setInvalid({ key: 'admin.user.required', values: { message: missing } });
      return;
    }
    setInvalid(null);
    void saveUser({
      ...(user ? { id: user.id } : {}),
      username: username.trim(),
      displayName: displayName.trim(),
      role,
      extension: extension.trim() || null,
      defaultLang: defaultLang || null,
      // An agent keeps one team (the first chosen, when the role changed from a coach's).
      teamIds: agent ? teamIds.slice(0, 1) : teamIds,
      disabled,
    });
  };
  const toggleTeam = (id: string, on: boolean) =>
    setTeamIds((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));

  return (
    <Section title={t('admin.user.identity')}>
      <form className="admin-form" onSubmit={submit} noValidate>
        <div className="admin-grid">
          <Field label={t('admin.user.username')}>
            {(p) => (
              <input
                {...p}
                value={username}
                autoComplete="off"
                required
                onChange={(e) => setUsername(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('admin.user.displayName')}>
            {(p) => (
              <input
                {...p}
                value={displayName}
                required
                onChange={(e) => setDisplayName(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('admin.user.role')}>
            {(p) => (
              <select {...p} value={role} onChange={(e) => setRole(e.target.value as Role)}>
                {STAFF_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`admin.roles.${r}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('admin.user.extension')} hint={t('admin.user.extensionHint')}>
            {(p) => (
              <input
                {...p}
                value={extension}
                inputMode="numeric"
                onChange={(e) => setExtension(e.target.value)}
              />
            )}
          </Field>
          <Field
            label={t('admin.user.defaultLang')}
            hint={
              user?.lang ? t('admin.user.ownLang', { lang: t(`language.${user.lang}`) }) : undefined
            }
          >
            {(p) => (
              <select
                {...p}
                value={defaultLang}
                onChange={(e) => setDefaultLang(e.target.value as UiLanguage | '')}
              >
                <option value="">{t('admin.user.deviceLang')}</option>
                {UI_LANGUAGES.map((l) => (
                  <option key={l} value={l}>
                    {t(`language.${l}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {agent ? (
            <Field label={t('admin.user.agentTeam')} hint={t('admin.user.agentTeamHint')}>
              {(p) => (
                <select
                  {...p}
                  value={teamIds[0] ?? ''}
                  onChange={(e) => setTeamIds(e.target.value ? [e.target.value] : [])}
                >
                  <option value="">{t('admin.user.noTeam')}</option>
                  {teams.map((team) => (
                    <option key={team.id} value={team.id}>
                      {team.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : (
            <fieldset className="mgr-checks">
              <legend>{t('admin.user.teams')}</legend>
              {teams.map((team) => (
                <label key={team.id} className="check">
                  <input
                    type="checkbox"
                    checked={teamIds.includes(team.id)}
                    onChange={(e) => toggleTeam(team.id, e.target.checked)}
                  />
                  {team.name}
                </label>
              ))}
              <p className="mgr-hint">{t('admin.user.coachTeamsHint')}</p>
            </fieldset>
          )}
        </div>
        {user ? (
          <label className="check">
            <input
              type="checkbox"
              checked={disabled}
              onChange={(e) => setDisabled(e.target.checked)}
            />
            {t('admin.user.disabled')}
          </label>
        ) : (
          <p className="mgr-hint">{t('admin.user.noPassword')}</p>
        )}
        {invalid ? <ErrorText message={invalid} /> : null}
        <div className="admin-actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('admin.saving') : t('admin.save')}
          </button>
          <button type="button" onClick={() => editUser(null)}>
            {t('admin.cancel')}
          </button>
        </div>
      </form>
    </Section>
  );
}

/** Evaluator and arbitrator: granted or revoked at once (supervisors, leads, admins only). */
function RightsSection({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  const busy = useAdmin((s) => s.busy);
  const allowed = mayHoldPermissions(user.role);
  return (
    <Section title={t('admin.user.rights')}>
      <p className="mgr-hint">
        {allowed ? t('admin.user.rightsHint') : t('admin.user.rightsAgent')}
      </p>
      {allowed
        ? PERMISSIONS.map((p) => (
            <label key={p} className="check">
              <input
                type="checkbox"
                checked={user.permissions.includes(p)}
                disabled={busy}
                onChange={(e) => void setPermission(user, p, e.target.checked)}
              />
              {t(`admin.permissions.${p}`)}
            </label>
          ))
        : null}
    </Section>
  );
}

/** An agent's move to another team from a date (today or later in that team's zone). */
function MoveSection({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  const teams = useAdmin((s) => s.teams);
  const moves = useAdmin((s) => s.moves);
  const busy = useAdmin((s) => s.busy);
  const others = teams.filter((team) => !user.teamIds.includes(team.id));
  const [teamId, setTeamId] = useState(others[0]?.id ?? '');
  const target = teams.find((team) => team.id === teamId);
  const today = target ? localDate(new Date(), target.timeZone) : '';
  const [date, setDate] = useState('');
  if (user.role !== 'agent' || teams.length === 0) return null;
  const name = (id: string | null) => (id ? teamNames([id], teams) : t('admin.user.noTeam'));
  const pending = moves.filter((m) => !m.appliedAt && !m.cancelledAt);
  const done = moves.filter((m) => m.appliedAt);
  return (
    <Section title={t('admin.user.move')}>
      <form
        className="admin-grid"
        onSubmit={(e) => {
          e.preventDefault();
          if (teamId) void moveAgent(user, teamId, date || today);
        }}
      >
        <Field label={t('admin.user.moveTo')}>
          {(p) => (
            <select {...p} value={teamId} onChange={(e) => setTeamId(e.target.value)}>
              {others.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name} ({team.timeZone})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('admin.user.moveFrom')} hint={t('admin.user.moveHint')}>
          {(p) => (
            <input
              {...p}
              type="date"
              min={today}
              value={date || today}
              onChange={(e) => setDate(e.target.value)}
            />
          )}
        </Field>
        <div className="admin-actions">
          <button type="submit" disabled={busy || !teamId}>
            {t('admin.user.moveButton')}
          </button>
        </div>
      </form>
      {pending.length > 0 ? (
        <>
          <h4>{t('admin.user.pending')}</h4>
          <ul className="admin-list">
            {pending.map((m) => (
              <li key={m.id}>
                {t('admin.user.pendingItem', { team: name(m.toTeamId), date: m.effectiveDate })}{' '}
                <button type="button" className="link" onClick={() => void cancelMove(m)}>
                  {t('admin.user.cancelMove')}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {done.length > 0 ? (
        <>
          <h4>{t('admin.user.history')}</h4>
          <ul className="admin-list">
            {done.map((m) => (
              <li key={m.id}>
                {t('admin.user.historyItem', {
                  from: name(m.fromTeamId),
                  team: name(m.toTeamId),
                  date: m.effectiveDate,
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Section>
  );
}
