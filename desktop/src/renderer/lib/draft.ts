import { useCallback, useState } from 'react';
import { useSession } from '../hub/session-store.js';

// Half-typed text that survives a reload, back and forward: kept in this tab's sessionStorage
// under the user's id (never shown to whoever signs in next), gone once sent or signed out.

const PREFIX = 'sidecoach.draft.';
const keyOf = (userId: string, name: string) => `${PREFIX}${userId}.${name}`;

function read(key: string): string {
  try {
    return sessionStorage.getItem(key) ?? '';
  } catch {
    return ''; // storage refused (a private window's quota): the draft lives in memory only
  }
}

function keep(key: string, text: string): void {
  try {
    if (text) sessionStorage.setItem(key, text);
    else sessionStorage.removeItem(key);
  } catch {
    // Full or refused: the text stays on screen, it is only not kept across a reload.
  }
}

/**
 * A text box's value, kept across reloads under `name` (one per place: "observe.<agent>").
 * Setting it to '' (sent, cancelled) forgets it.
 */
export function useDraft(name: string): [string, (text: string) => void] {
  const userId = useSession((s) => s.session?.user.id ?? '');
  const key = keyOf(userId, name);
  const [state, setState] = useState(() => ({ key, text: read(key) }));
  // Another place (another agent observed) brings its own draft.
  const current = state.key === key ? state : { key, text: read(key) };
  if (current !== state) setState(current);
  const set = useCallback(
    (text: string) => {
      keep(key, text);
      setState({ key, text });
    },
    [key],
  );
  return [current.text, set];
}

/**
 * The signed-in user's draft under `name`, for a store that keeps more than a text box (the
 * scorecard being built, as JSON): '' when there is none.
 */
export function readDraft(name: string): string {
  const userId = useSession.getState().session?.user.id ?? '';
  return read(keyOf(userId, name));
}

/** Keeps (or, with '', forgets) the signed-in user's draft under `name`, as `useDraft` does. */
export function keepDraft(name: string, text: string): void {
  const userId = useSession.getState().session?.user.id ?? '';
  keep(keyOf(userId, name), text);
}

/** Whether the signed-in user has a draft under `name` (a form can open with it). */
export function hasStoredDraft(name: string): boolean {
  const userId = useSession.getState().session?.user.id ?? '';
  return read(keyOf(userId, name)) !== '';
}

/** The user signed out: what they had half typed in this tab goes with them. */
export function clearDrafts(userId: string): void {
  try {
    const mine = `${PREFIX}${userId}.`;
    for (const key of Object.keys(sessionStorage))
      if (key.startsWith(mine)) sessionStorage.removeItem(key);
  } catch {
    // nothing kept
  }
}
