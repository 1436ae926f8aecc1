import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  localize,
  parseSurveyPackYaml,
  type SurveyPack,
  type SurveyPackInfo,
} from '@sidecoach/shared';
import { shortDateTime } from '../../lib/format.js';
import { ask, type AskOptions } from '../../hub/client.js';
import { useSession } from '../../hub/session-store.js';
import type { Message } from '../../hub/errors.js';
import { useCalls } from '../call/store.js';
import { PackLanguages } from './PackLanguages.js';
import { PackSummary } from './PackSummary.js';
import { checkPack, offsetOf, withVersion, type PackProblem } from './validate.js';
import './survey-pack.css';

/** How long typing pauses before the YAML is checked again. */
const CHECK_DELAY_MS = 400;

type Load =
  | { state: 'loading' }
  | { state: 'failed'; error: Message }
  | { state: 'loaded'; info: SurveyPackInfo };
type Save =
  | { state: 'idle' }
  | { state: 'saving' }
  | { state: 'saved'; version: number }
  | { state: 'refused'; error: Message };

/** The hub refused the pack itself (its YAML, or an older version): say so in the editor's words. */
const PACK: AskOptions = {
  messages: {
    offline: 'surveyPack.offline',
    timeout: 'surveyPack.offline',
    bad_request: 'surveyPack.refused',
    conflict: 'surveyPack.refused',
  },
};

async function fetchPack(): Promise<Load> {
  const res = await ask('survey:pack', {}, PACK);
  if (!res.ok) return { state: 'failed', error: res.error };
  return { state: 'loaded', info: res.data };
}

function parsedOrNull(yaml: string): SurveyPack | null {
  try {
    return parseSurveyPackYaml(yaml);
  } catch {
    return null;
  }
}

/**
 * The quality manager's survey pack (loaded on demand, with the YAML parser): a summary of what is asked of which calls, and the YAML,
 * checked as it is typed the way the hub checks it, saved as the next version.
 */
export default function PackEditor() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [draft, setDraft] = useState('');
  /** The text last checked (the draft, a moment after typing stops). */
  const [checked, setChecked] = useState('');
  const [save, setSave] = useState<Save>({ state: 'idle' });
  const loadedInfo = load.state === 'loaded' ? load.info : null;
  const standards = useCalls((s) => s.pack);

  const apply = (next: Load, keepDraft: boolean) => {
    setLoad(next);
    if (next.state !== 'loaded' || keepDraft) return;
    setDraft(next.info.yaml);
    setChecked(next.info.yaml);
  };

  // Loaded once the hub is reachable (right after signing in, the socket may still connect).
  const online = useSession((s) => s.connection === 'online');
  const loadedOnce = useRef(false);
  useEffect(() => {
    if (!online || loadedOnce.current) return;
    let live = true;
    void fetchPack().then((next) => {
      if (!live) return;
      setLoad(next);
      if (next.state === 'loaded') {
        loadedOnce.current = true;
        setDraft(next.info.yaml);
        setChecked(next.info.yaml);
      }
    });
    return () => {
      live = false;
    };
  }, [online]);

  useEffect(() => {
    if (draft === checked) return;
    const timer = setTimeout(() => setChecked(draft), CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, checked]);

  const activeVersion = loadedInfo?.version ?? 0;
  const result = useMemo(() => checkPack(checked, activeVersion), [checked, activeVersion]);
  const activeYaml = loadedInfo?.yaml ?? null;
  const activePack = useMemo(() => (activeYaml ? parsedOrNull(activeYaml) : null), [activeYaml]);

  if (load.state !== 'loaded') {
    return (
      <section className="card survey-pack" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('surveyPack.title')}</h2>
        {load.state === 'loading' ? (
          <p className="small muted">
            {online ? t('surveyPack.loading') : t('surveyPack.offline')}
          </p>
        ) : (
          <>
            <p className="error small" role="alert">
              {t(load.error.key, load.error.values)}
            </p>
            <button
              type="button"
              className="pack-retry"
              onClick={() => {
                setLoad({ state: 'loading' });
                void fetchPack().then((next) => {
                  if (next.state === 'loaded') loadedOnce.current = true;
                  apply(next, false);
                });
              }}
            >
              {t('surveyPack.retry')}
            </button>
          </>
        )}
      </section>
    );
  }

  const { info } = load;
  const next = info.version + 1;
  const dirty = draft !== info.yaml;
  const edited = checked !== info.yaml;
  const checking = draft !== checked;
  // An unedited pack has the active version, as it should: no error until it is edited.
  const problems = result.problems.filter((p) => edited || !p.version);
  const saving = save.state === 'saving';
  // The summary follows the edit while it parses; otherwise it shows the active pack.
  const draftPack = edited ? result.pack : null;
  const shownPack = draftPack ?? activePack;
  const when = shortDateTime(i18n.language).format(new Date(info.savedAt));

  const edit = (text: string) => {
    setDraft(text);
    if (save.state === 'saved') setSave({ state: 'idle' });
  };
  const fixVersion = () => {
    const text = withVersion(draft, next);
    setDraft(text);
    setChecked(text);
  };
  const goTo = (problem: PackProblem) => {
    const area = textRef.current;
    if (!area || problem.line === undefined) return;
    const at = offsetOf(area.value, problem.line, problem.column ?? 1);
    area.focus();
    area.setSelectionRange(at, at);
    const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 16;
    area.scrollTop = Math.max(0, (problem.line - 3) * lineHeight);
  };
  const reload = () => {
    setSave({ state: 'idle' });
    void fetchPack().then((loaded) => apply(loaded, dirty));
  };
  const discard = () => {
    setDraft(info.yaml);
    setChecked(info.yaml);
    setSave({ state: 'idle' });
  };
  const submit = async () => {
    const check = checkPack(draft, info.version);
    setChecked(draft);
    if (check.problems.length > 0) return;
    setSave({ state: 'saving' });
    const res = await ask('survey:save-pack', { yaml: draft }, PACK);
    if (!res.ok) {
      setSave({ state: 'refused', error: res.error });
      return;
    }
    setLoad({ state: 'loaded', info: res.data });
    setDraft(res.data.yaml);
    setChecked(res.data.yaml);
    setSave({ state: 'saved', version: res.data.version });
  };

  return (
    <section className="card survey-pack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('surveyPack.title')}</h2>
      <p className="small muted" data-testid="survey-pack-active">
        {info.savedBy
          ? t('surveyPack.active', { version: info.version, name: info.savedBy, time: when })
          : t('surveyPack.activeImported', { version: info.version, time: when })}
      </p>

      <h3 className="pack-summary-title">
        {draftPack
          ? t('surveyPack.summaryDraft', { version: draftPack.version })
          : t('surveyPack.summaryActive', { version: info.version })}
      </h3>
      {edited && !result.pack ? (
        <p className="small warn">{t('surveyPack.summaryInvalid')}</p>
      ) : null}
      {shownPack ? <PackSummary pack={shownPack} /> : null}

      <label htmlFor={`${id}-yaml`} className="pack-yaml-label">
        {t('surveyPack.yaml')}
      </label>
      <p id={`${id}-hint`} className="small muted pack-hint">
        {t('surveyPack.yamlHint', { version: next })}
      </p>
      <textarea
        ref={textRef}
        id={`${id}-yaml`}
        className="pack-yaml"
        value={draft}
        onChange={(e) => edit(e.target.value)}
        readOnly={saving}
        rows={18}
        wrap="off"
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        aria-invalid={problems.length > 0}
        aria-describedby={`${id}-hint ${id}-check`}
      />
      <div id={`${id}-check`}>
        {problems.length > 0 ? (
          <div className="pack-errors" role="alert" data-testid="survey-pack-errors">
            <p className="pack-errors-title">{t('surveyPack.errorsTitle')}</p>
            <ul>
              {problems.map((problem) => (
                <li key={problem.key}>
                  <span>{t(problem.key, problem.values)}</span>
                  {problem.line !== undefined ? (
                    <button type="button" className="link" onClick={() => goTo(problem)}>
                      {t('surveyPack.goToLine', { line: problem.line })}
                    </button>
                  ) : null}
                  {problem.version ? (
                    <button type="button" className="pack-fix" onClick={fixVersion}>
                      {t('surveyPack.fixVersion', { next })}
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="small muted pack-check">
            {checking ? t('surveyPack.checking') : t('surveyPack.valid')}
          </p>
        )}
      </div>

      <div className="pack-actions">
        {dirty && !saving ? (
          <button type="button" className="link" onClick={discard}>
            {t('surveyPack.discard')}
          </button>
        ) : null}
        <button
          type="button"
          className="primary"
          disabled={!dirty || saving}
          onClick={() => void submit()}
        >
          {saving
            ? t('surveyPack.saving')
            : dirty && result.pack && !checking
              ? t('surveyPack.save', { version: result.pack.version })
              : t('surveyPack.saveNoVersion')}
        </button>
      </div>
      <p
        role="status"
        className={
          save.state === 'saved' ? 'small pack-save-status saved' : 'small pack-save-status'
        }
      >
        {save.state === 'saving'
          ? t('surveyPack.saving')
          : save.state === 'saved'
            ? t('surveyPack.saved', { version: save.version })
            : !dirty
              ? t('surveyPack.noChanges')
              : null}
      </p>
      {save.state === 'refused' ? (
        <div className="pack-refused">
          <p className="error small" role="alert">
            {t(save.error.key, save.error.values)}
          </p>
          <button type="button" onClick={reload}>
            {t('surveyPack.reload')}
          </button>
        </div>
      ) : null}
      {standards ? (
        <div className="pack-standards">
          <h3>
            {t('surveyPack.languages.standardsTitle', {
              name: localize(standards.name, i18n.language),
              version: standards.version,
            })}
          </h3>
          <p className="small muted">{t('surveyPack.languages.standardsIntro')}</p>
          <PackLanguages pack={standards} testId="standards-pack-languages" />
        </div>
      ) : null}
    </section>
  );
}
