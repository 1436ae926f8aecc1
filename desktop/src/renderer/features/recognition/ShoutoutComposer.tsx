import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  localize,
  noteLanguageOf,
  shoutoutProblems,
  STANDARD_AREAS,
  SHOUTOUT_MIN_WORDS,
  type Shoutout,
  type ShoutoutProblem,
} from '@sidecoach/shared';
import { isNetworkFailure, type Message } from '../../hub/errors.js';
import { useSession } from '../../hub/session-store.js';
import { useDraft } from '../../lib/draft.js';
import { newId } from '../../lib/ids.js';
import { useCalls } from '../call/store.js';
import { CheckedText, overLimit } from '../coaching-text/CheckedText.js';
import { useLanguageCheck, useNoteLanguage } from '../coaching-text/note-language.js';
import { Segmented } from '../observe/Segmented.js';
import { loadWall, sendShoutout, useRecognition } from './store.js';
import './recognition.css';

/** What the hub takes (ShoutoutSaveSchema): a sentence at least, a thousand characters at most. */
export const BEHAVIOUR_MIN = 12;
export const BEHAVIOUR_MAX = 1000;

export interface ComposerProps {
  /** Whom it is for, when the screen knows (the agent observed, the history open). */
  agent?: { id: string; name: string } | undefined;
  /** The team whose agents the picker offers, when no agent is given. */
  teamId?: string | undefined;
  /** Calls it may be tied to (the agent's, newest first), and the one chosen at first. */
  calls?: Array<{ id: string; label: string }>;
  callId?: string | undefined;
  onClose: () => void;
}

/** One line per reason (the coach may find the same pattern twice). */
function distinct(problems: ShoutoutProblem[]) {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.code}-${p.category ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A shout-out to an agent: the standard it met and the behaviour seen, read by the
 * constructive-language coach as it is typed (the coaching notes' findings), and refused here
 * before the hub would: praise that names no behaviour ("Good job!") cannot be sent, and why is
 * said beside it, with an example. The hub's own refusal shows too.
 */
export function ShoutoutComposer({ agent, teamId, calls = [], callId, onClose }: ComposerProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const formId = useId();
  const me = useSession((s) => s.session?.user);
  const pack = useCalls((s) => s.pack);
  const check = useLanguageCheck();
  const [noteLang, setNoteLang] = useNoteLanguage();
  const [agentId, setAgentId] = useState(agent?.id ?? '');
  const [itemId, setItemId] = useState('');
  const [text, setText] = useDraft(`shoutout.${agent?.id ?? teamId ?? ''}`);
  const [call, setCall] = useState(callId ?? '');
  const [visibility, setVisibility] = useState<'team' | 'private'>('team');
  // The idempotency key: the same on a retry after no answer, a new one after a refusal.
  const [id, setId] = useState(newId);
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<Message | null>(null);
  const [sent, setSent] = useState<Shoutout | null>(null);
  const doneRef = useRef<HTMLButtonElement>(null);

  // Without a given agent, the picker offers the team's agents from its wall (its members).
  const wall = useRecognition((s) => s.wall);
  const members = useMemo(
    () =>
      wall.teamId === teamId && wall.data
        ? wall.data.members.filter((m) => m.agentId !== me?.id)
        : null,
    [wall, teamId, me?.id],
  );
  useEffect(() => {
    if (agent || !teamId) return;
    const { wall: current } = useRecognition.getState();
    if (current.teamId !== teamId || current.status === 'idle') void loadWall(teamId);
  }, [agent, teamId]);
  useEffect(() => {
    if (sent) doneRef.current?.focus();
  }, [sent]);

  const agentName =
    agent?.name ?? members?.find((m) => m.agentId === agentId)?.agentName ?? undefined;
  const name = agentName ?? t('recognition.composer.theAgent');
  const reading = noteLanguageOf(text, noteLang);
  const trimmed = text.trim();
  const problems = useMemo(
    () => (trimmed ? distinct(shoutoutProblems(trimmed, reading)) : []),
    [trimmed, reading],
  );
  const short = trimmed.length > 0 && trimmed.length < BEHAVIOUR_MIN;
  const ready =
    agentId !== '' &&
    itemId !== '' &&
    trimmed.length >= BEHAVIOUR_MIN &&
    !overLimit(text, BEHAVIOUR_MAX) &&
    problems.length === 0;
  const peer = me?.role === 'agent';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready || sending) return;
    setSending(true);
    setRefusal(null);
    const res = await sendShoutout({
      id,
      agentId,
      itemId,
      behaviour: trimmed,
      lang: reading,
      ...(call ? { callId: call } : {}),
      visibility,
    });
    setSending(false);
    if (!res.ok) {
      setRefusal(res.error);
      // Refused: nothing was stored, so the next try is a new shout-out.
      if (!isNetworkFailure(res.code)) setId(newId());
      return;
    }
    setText('');
    setSent(res.data);
  };
  const another = () => {
    setSent(null);
    setId(newId());
    setItemId('');
    if (!agent) setAgentId('');
  };

  const titleId = `${formId}-title`;
  const problemsId = `${formId}-problems`;
  // Nobody in the team to recognise (a desk of one): said, with nothing to fill in.
  if (!agent && members && members.length === 0)
    return (
      <section className="card shoutout-composer" aria-labelledby={titleId}>
        <h3 id={titleId}>{t('recognition.composer.title')}</h3>
        <p className="small muted" role="status">
          {t('recognition.composer.noMembers')}
        </p>
        <div className="row recognition-actions">
          <button type="button" onClick={onClose}>
            {t('recognition.composer.close')}
          </button>
        </div>
      </section>
    );
  if (sent)
    return (
      <section className="card shoutout-composer" aria-labelledby={titleId}>
        <h3 id={titleId}>{t('recognition.composer.title')}</h3>
        <p className="mgr-ok" role="status" data-testid="shoutout-sent">
          {t('recognition.composer.sent', { name: sent.agentName })}
        </p>
        <div className="row recognition-actions">
          <button type="button" ref={doneRef} onClick={onClose}>
            {t('recognition.composer.close')}
          </button>
          <button type="button" onClick={another}>
            {t('recognition.composer.another')}
          </button>
        </div>
      </section>
    );
  return (
    <section className="card shoutout-composer" aria-labelledby={titleId}>
      <h3 id={titleId}>
        {agent
          ? t('recognition.composer.titleTo', { name: agent.name })
          : t('recognition.composer.title')}
      </h3>
      <p className="small muted">{t('recognition.composer.intro')}</p>
      <form className="shoutout-form" onSubmit={(e) => void submit(e)}>
        {agent ? null : (
          <div className="field">
            <label htmlFor={`${formId}-agent`}>{t('recognition.composer.to')}</label>
            <select
              id={`${formId}-agent`}
              value={agentId}
              disabled={!members}
              onChange={(e) => setAgentId(e.target.value)}
            >
              <option value="">
                {peer
                  ? t('recognition.composer.chooseTeammate')
                  : t('recognition.composer.chooseAgent')}
              </option>
              {(members ?? []).map((m) => (
                <option key={m.agentId} value={m.agentId}>
                  {m.agentName}
                </option>
              ))}
            </select>
            {wall.status === 'loading' && !members ? (
              <span className="small muted">{t('recognition.wall.loading')}</span>
            ) : null}
            {wall.teamId === teamId && wall.status === 'failed' && wall.error ? (
              <span className="small error" role="alert">
                {t(wall.error.key, wall.error.values)}
              </span>
            ) : null}
          </div>
        )}
        <div className="field">
          <label htmlFor={`${formId}-standard`}>{t('recognition.composer.standard')}</label>
          <select
            id={`${formId}-standard`}
            value={itemId}
            onChange={(e) => setItemId(e.target.value)}
          >
            <option value="">{t('recognition.composer.chooseStandard')}</option>
            {STANDARD_AREAS.map((areaId) => {
              const area = pack?.areas.find((a) => a.id === areaId);
              if (!area || area.items.length === 0) return null;
              return (
                <optgroup key={areaId} label={t(`areas.${areaId}`)}>
                  {area.items.map((item) => (
                    <option key={item.id} value={item.id}>
                      {localize(item.text, lang)}
                    </option>
                  ))}
                </optgroup>
              );
            })}
          </select>
        </div>
        <CheckedText
          id={`${formId}-behaviour`}
          label={
            agentName
              ? t('recognition.composer.behaviour', { name: agentName })
              : t('recognition.composer.behaviourAnyone')
          }
          value={text}
          onChange={(value) => {
            setText(value);
            setRefusal(null);
          }}
          maxLength={BEHAVIOUR_MAX}
          check={check}
          lang={noteLang}
          onLangChange={setNoteLang}
          placeholder={t('recognition.composer.placeholder')}
          rows={3}
        />
        {/* Polite: said as the text is typed, never taking the keyboard from the text box. */}
        <div id={problemsId} role="status" aria-live="polite" data-testid="shoutout-problems">
          {problems.length > 0 || short ? (
            <div className="shoutout-problems">
              <p className="small-title">{t('recognition.composer.problemsTitle')}</p>
              <ul>
                {problems.map((p) => (
                  <li key={`${p.code}-${p.category ?? ''}`} data-testid="shoutout-problem">
                    {p.code === 'harmful'
                      ? t('recognition.composer.problem.harmful', {
                          pattern: p.category
                            ? t(`languageCoach.category.${p.category}`)
                            : p.message,
                        })
                      : p.code === 'no-behaviour'
                        ? t('recognition.composer.problem.no-behaviour', {
                            name,
                            count: SHOUTOUT_MIN_WORDS,
                          })
                        : p.code === 'gap'
                          ? t('recognition.composer.problem.placeholder')
                          : t('recognition.composer.problem.generic-praise', { name })}
                  </li>
                ))}
                {short && problems.length === 0 ? (
                  <li data-testid="shoutout-problem">
                    {t('recognition.composer.tooShort', {
                      count: BEHAVIOUR_MIN - trimmed.length,
                    })}
                  </li>
                ) : null}
              </ul>
              {problems.some((p) => p.code !== 'harmful') ? (
                <p className="small" data-testid="shoutout-suggestion">
                  {t('recognition.composer.suggestion', {
                    example: t('recognition.composer.example'),
                  })}
                </p>
              ) : null}
            </div>
          ) : null}
        </div>
        {calls.length > 0 ? (
          <div className="field">
            <label htmlFor={`${formId}-call`}>{t('recognition.composer.call')}</label>
            <select id={`${formId}-call`} value={call} onChange={(e) => setCall(e.target.value)}>
              <option value="">{t('recognition.composer.noCall')}</option>
              {calls.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <span className="small-title" aria-hidden="true">
            {t('recognition.composer.visibility')}
          </span>
          <Segmented
            name={`${formId}-visibility`}
            label={t('recognition.composer.visibility')}
            value={visibility}
            options={[
              ['team', t('recognition.composer.team')],
              [
                'private',
                agentName
                  ? t('recognition.composer.private', { name: agentName })
                  : t('recognition.composer.privateAnyone'),
              ],
            ]}
            onChange={setVisibility}
          />
        </div>
        {refusal ? (
          <p className="error small" role="alert" data-testid="shoutout-refused">
            {t('recognition.composer.refused', { message: t(refusal.key, refusal.values) })}
          </p>
        ) : null}
        {!ready && trimmed.length >= BEHAVIOUR_MIN && problems.length === 0 ? (
          <p className="small muted">
            {agentId === ''
              ? t('recognition.composer.needsAgent')
              : itemId === ''
                ? t('recognition.composer.needsStandard')
                : null}
          </p>
        ) : null}
        <div className="row recognition-actions">
          <button type="button" onClick={onClose}>
            {t('recognition.composer.cancel')}
          </button>
          <button type="submit" className="primary" disabled={!ready || sending}>
            {sending ? t('recognition.composer.sending') : t('recognition.composer.send')}
          </button>
        </div>
      </form>
    </section>
  );
}
