import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AGE_BANDS, UI_LANGUAGES, type AgeBand, type Caller } from '@sidecoach/shared';
import { useSession } from '../../hub/session-store.js';
import { shortDateTime } from '../../lib/format.js';
import { UserAccountActions } from '../account/UserAccountActions.js';
import { QaTable } from '../qa/parts.js';
import {
  callerFromDraft,
  callerProblems,
  draftOfCaller,
  type CallerDraft,
  type CallerProblem,
} from './caller-form.js';
import { LoadLine, Part, Problems, WriteNotice, useMysteryContext } from './parts.js';
import { callerProblemText } from './problems.js';
import { callersTable, languageName } from './rows.js';
import { dismissIssued, go, saveCaller, useMystery } from './store.js';

/** The callers (profile, numbers, reports approved, mean grade), or one caller's details. */
export function CallersTab({ id }: { id: string | null }) {
  const { t } = useTranslation();
  const c = useMysteryContext();
  const callers = useMystery((s) => s.callers);
  const list = callers.data;
  if (id !== null) {
    const caller = list.find((k) => k.id === id) ?? null;
    return (
      <div className="qa-panel">
        <div>
          <button type="button" className="link back" onClick={() => go({ screen: 'callers' })}>
            {t('mystery.back.callers')}
          </button>
        </div>
        <IssuedCode />
        <LoadLine status={callers.status} error={callers.error} empty={id !== 'new' && !caller} />
        {id === 'new' || caller ? (
          <CallerEditor key={caller?.id ?? 'new'} caller={caller} />
        ) : callers.status === 'loaded' ? (
          <p className="muted">{t('mystery.caller.notFound')}</p>
        ) : null}
      </div>
    );
  }
  return (
    <div className="qa-panel" data-testid="mys-callers-tab">
      <div className="qa-toolbar">
        <p className="muted small mys-intro">{t('mystery.callers.intro')}</p>
        <button
          type="button"
          className="primary"
          onClick={() => go({ screen: 'caller', id: 'new' })}
        >
          {t('mystery.callers.new')}
        </button>
      </div>
      <LoadLine status={callers.status} error={callers.error} empty={list.length === 0} />
      <QaTable
        caption={t('mystery.callers.caption', { count: list.length })}
        fileName="mystery-callers"
        table={callersTable(list, c)}
        testId="mys-callers"
        empty={callers.status === 'loaded' ? t('mystery.callers.empty') : undefined}
        action={(i) => (
          <button
            type="button"
            aria-label={t('mystery.callers.openLabel', { name: list[i]!.displayName })}
            onClick={() => go({ screen: 'caller', id: list[i]!.id })}
          >
            {t('mystery.open')}
          </button>
        )}
      />
    </div>
  );
}

function CallerEditor({ caller }: { caller: Caller | null }) {
  const { t, i18n } = useTranslation();
  const busy = useMystery((s) => s.busy === 'caller');
  const [d, setD] = useState<CallerDraft>(() => draftOfCaller(caller, i18n.language));
  const [tried, setTried] = useState(false);
  const up = (p: Partial<CallerDraft>) => setD({ ...d, ...p });
  const staff = useMystery((s) => s.staff.data);
  // Staff conflicts are said as soon as they show; the other problems once a save was tried.
  const all = callerProblems(d, staff);
  const problems = tried ? all : all.filter((p) => p.field === 'staff');
  const has = (field: CallerProblem['field']) => problems.some((p) => p.field === field);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    const made = callerFromDraft(caller?.id, d, staff);
    if ('payload' in made) void saveCaller(made.payload);
  };
  const f = (name: string) => `mys-caller-${name}`;
  const text = (name: 'username' | 'displayName' | 'email' | 'region', type = 'text') => (
    <div className="field">
      <label htmlFor={f(name)}>{t(`mystery.caller.${name}`)}</label>
      <input
        id={f(name)}
        type={type}
        value={d[name]}
        autoComplete="off"
        aria-invalid={has(name) || undefined}
        onChange={(e) => up({ [name]: e.target.value })}
      />
    </div>
  );
  return (
    <>
      <Part
        title={caller ? caller.displayName : t('mystery.caller.newHeading')}
        testId="mys-caller-editor"
      >
        <p className="mgr-hint">{t('mystery.caller.intro')}</p>
        <form className="qa-form" onSubmit={submit} noValidate>
          <div className="qa-grid">
            {text('displayName')}
            {text('username')}
            {text('email', 'email')}
          </div>
          <div className="field">
            <label htmlFor={f('phones')}>{t('mystery.caller.phones')}</label>
            <textarea
              id={f('phones')}
              rows={3}
              value={d.phones}
              aria-describedby={f('phones-hint')}
              aria-invalid={has('phones') || has('phone') || undefined}
              onChange={(e) => up({ phones: e.target.value })}
            />
            <p className="mgr-hint" id={f('phones-hint')}>
              {t('mystery.caller.phonesHint')}
            </p>
          </div>
          <div className="qa-grid">
            {text('region')}
            <div className="field">
              <label htmlFor={f('age')}>{t('mystery.caller.ageBand')}</label>
              <select
                id={f('age')}
                value={d.ageBand}
                onChange={(e) => up({ ageBand: e.target.value as AgeBand })}
              >
                {AGE_BANDS.map((b) => (
                  <option key={b} value={b}>
                    {b}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={f('language')}>{t('mystery.caller.language')}</label>
              <input
                id={f('language')}
                list={f('languages')}
                value={d.language}
                aria-describedby={f('language-hint')}
                aria-invalid={has('language') || undefined}
                onChange={(e) => up({ language: e.target.value })}
              />
              <datalist id={f('languages')}>
                {UI_LANGUAGES.map((l) => (
                  <option key={l} value={l}>
                    {languageName(l, i18n.language)}
                  </option>
                ))}
              </datalist>
              <p className="mgr-hint" id={f('language-hint')}>
                {t('mystery.caller.languageHint')}
              </p>
            </div>
          </div>
          <label className="check">
            <input
              type="checkbox"
              checked={d.declaredIndependent}
              disabled={caller !== null}
              aria-invalid={has('independent') || undefined}
              onChange={(e) => up({ declaredIndependent: e.target.checked })}
            />
            {t('mystery.caller.independent')}
          </label>
          {caller ? (
            <label className="check">
              <input
                type="checkbox"
                checked={d.disabled}
                onChange={(e) => up({ disabled: e.target.checked })}
              />
              {t('mystery.caller.disabled')}
            </label>
          ) : null}
          <Problems
            lines={problems.map((p) => callerProblemText(p, t))}
            testId="mys-caller-problems"
          />
          <div className="qa-actions">
            <button type="submit" className="primary" disabled={busy}>
              {busy
                ? t('mystery.saving')
                : caller
                  ? t('mystery.caller.save')
                  : t('mystery.caller.create')}
            </button>
          </div>
          <WriteNotice refusedWith={t('mystery.caller.conflict')} />
        </form>
      </Part>
      {caller ? <UserAccountActions userId={caller.id} username={caller.username} /> : null}
    </>
  );
}

/** A caller just made: their one-time code and how to hand it over, shown this once. */
function IssuedCode() {
  const { t, i18n } = useTranslation();
  const issued = useMystery((s) => s.issued);
  const address = useSession((s) => s.session?.hubUrl ?? '');
  const codeRef = useRef<HTMLParagraphElement>(null);
  const [copied, setCopied] = useState<'code' | 'selected' | null>(null);
  if (!issued?.oneTimeCode) return null;
  const name = issued.caller.displayName;
  const copy = async () => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(issued.oneTimeCode!);
      setCopied('code');
    } catch {
      if (codeRef.current) window.getSelection()?.selectAllChildren(codeRef.current);
      setCopied('selected');
    }
  };
  return (
    <Part title={t('mystery.caller.code.title', { name })} testId="mys-issued-code">
      <p ref={codeRef} className="issued-code" data-testid="mys-code">
        {issued.oneTimeCode}
      </p>
      <p className="small">{t('mystery.caller.code.intro', { name })}</p>
      <ol className="small">
        <li>{t('mystery.caller.code.open', { address })}</li>
        <li>{t('mystery.caller.code.choose')}</li>
        <li>{t('mystery.caller.code.enter', { username: issued.caller.username })}</li>
      </ol>
      {issued.codeExpiresAt ? (
        <p className="small">
          {t('mystery.caller.code.expires', {
            time: shortDateTime(i18n.language).format(new Date(issued.codeExpiresAt)),
          })}
        </p>
      ) : null}
      <div className="qa-actions">
        <button type="button" onClick={() => void copy()}>
          {t('mystery.caller.code.copy')}
        </button>
        <button type="button" className="link" onClick={dismissIssued}>
          {t('mystery.caller.code.done')}
        </button>
      </div>
      <p role="status" className={copied ? 'small' : 'visually-hidden'}>
        {copied === 'selected'
          ? t('mystery.caller.code.selected')
          : copied
            ? t('mystery.caller.code.copied')
            : null}
      </p>
    </Part>
  );
}
