import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../hub/errors.js';
import { ChangeNotice } from '../../ui/ChangeNotice.js';
import { ErrorText } from '../../ui/ErrorText.js';
import { useCalls } from '../call/store.js';
import type { MysteryContext } from './rows.js';
import { useMystery } from './store.js';

export { ErrorText };

/** What the mystery tables are written with: the UI's strings and language, pack and teams. */
export function useMysteryContext(): MysteryContext {
  const { t, i18n } = useTranslation();
  const bootPack = useCalls((s) => s.pack);
  const pack = useMystery((s) => s.scorecard.data?.pack ?? null) ?? bootPack;
  const teams = useMystery((s) => s.teams.data);
  const teamNames = Object.fromEntries(teams.map((x) => [x.id, x.name]));
  return { t, lang: i18n.language, pack, teamNames };
}

/**
 * What the last write said: saved, or refused (with the hub's reasons under `refusedWith`, the
 * screen's words for such a refusal, when it gave reasons).
 */
export function WriteNotice({ refusedWith }: { refusedWith?: string }) {
  const notice = useMystery((s) => s.notice);
  const reasons = useMystery((s) => s.reasons);
  if (notice && !notice.ok && reasons.length > 0 && refusedWith)
    return (
      <div className="mys-problems" role="alert" data-testid="mys-reasons">
        <p>{refusedWith}</p>
        <ul>
          {reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </div>
    );
  return <ChangeNotice notice={notice} testId="mys-notice" />;
}

/** Loading (when nothing is shown yet), or why it failed. */
export function LoadLine({
  status,
  error,
  empty,
}: {
  status: string;
  error: Message | null;
  /** Nothing is shown yet: say that it loads. */
  empty: boolean;
}) {
  const { t } = useTranslation();
  if (status === 'loading' && empty)
    return (
      <p className="muted small" role="status">
        {t('mystery.loading')}
      </p>
    );
  if (status === 'failed' && error) return <ErrorText message={error} />;
  return null;
}

/** What is wrong with a form, one line each (after a save was tried). */
export function Problems({ lines, testId }: { lines: string[]; testId: string }) {
  const { t } = useTranslation();
  if (lines.length === 0) return null;
  return (
    <div className="mys-problems" role="alert" data-testid={testId}>
      <p>{t('mystery.form.notSaved')}</p>
      <ul>
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
    </div>
  );
}

/** Asks before a step that cannot be undone: what it does, confirm or cancel. */
export function Confirm({
  text,
  confirm,
  danger = false,
  onConfirm,
  onCancel,
  testId,
}: {
  text: string;
  confirm: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div
      className="confirm mys-confirm"
      role="alertdialog"
      aria-labelledby={id}
      data-testid={testId}
    >
      <p id={id}>{text}</p>
      <div className="qa-actions">
        <button
          ref={first}
          type="button"
          className={danger ? 'danger' : 'primary'}
          onClick={onConfirm}
        >
          {confirm}
        </button>
        <button type="button" onClick={onCancel}>
          {t('mystery.cancel')}
        </button>
      </div>
    </div>
  );
}

/** A long step under way, in words and as a bar (`done` of `total` when it is known). */
export function Progress({ label, done, total }: { label: string; done?: number; total?: number }) {
  return (
    <div className="mgr-progress" role="status" data-testid="mys-progress">
      <span>{label}</span>
      {total ? (
        <progress aria-label={label} value={done ?? 0} max={total} />
      ) : (
        <progress aria-label={label} />
      )}
    </div>
  );
}

/** A titled part of a screen. */
export function Part({
  title,
  children,
  testId,
  className,
}: {
  title: string;
  children: ReactNode;
  testId?: string;
  className?: string;
}) {
  const id = useId();
  return (
    <section
      className={className ? `card qa-section ${className}` : 'card qa-section'}
      aria-labelledby={id}
      data-testid={testId}
    >
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

/** A labelled one-line text field of a form; `invalid` when a problem was found in it. */
export function TextField({
  id,
  label,
  value,
  invalid = false,
  maxLength = 200,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  invalid?: boolean;
  maxLength?: number;
  onChange: (value: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        maxLength={maxLength}
        aria-invalid={invalid || undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

/**
 * A list a form edits item by item (a programme's ratings, a wave's scenarios): each item in a
 * fieldset under its numbered legend with a button that removes it (while more than `min` are
 * left), and a button that adds one (while fewer than `max` are there).
 */
export function ListEditor<T>({
  items,
  keyOf,
  className,
  legend,
  removeLabel,
  addLabel,
  min = 0,
  max,
  make,
  onChange,
  children,
}: {
  items: readonly T[];
  keyOf: (item: T, index: number) => string | number;
  className: string;
  legend: (n: number) => string;
  removeLabel: (n: number) => string;
  addLabel: string;
  min?: number;
  max: number;
  make: () => T;
  onChange: (items: T[]) => void;
  /** One item's fields; `set` replaces it. */
  children: (item: T, index: number, set: (item: T) => void) => ReactNode;
}) {
  const set = (index: number) => (item: T) =>
    onChange(items.map((x, i) => (i === index ? item : x)));
  return (
    <>
      {items.map((item, index) => (
        <fieldset key={keyOf(item, index)} className={className}>
          <legend>{legend(index + 1)}</legend>
          {children(item, index, set(index))}
          {items.length > min ? (
            <button
              type="button"
              className="link small"
              onClick={() => onChange(items.filter((_, i) => i !== index))}
            >
              {removeLabel(index + 1)}
            </button>
          ) : null}
        </fieldset>
      ))}
      {items.length < max ? (
        <div>
          <button type="button" onClick={() => onChange([...items, make()])}>
            {addLabel}
          </button>
        </div>
      ) : null}
    </>
  );
}
