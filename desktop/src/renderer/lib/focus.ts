import { useEffect, type RefObject } from 'react';

/**
 * After a view change the user asked for (the old view took the focused button with it), puts
 * the keyboard on the new view's heading. Only when the focus was lost: never takes it from
 * anything.
 */
export function useFocusIfLost(ref: RefObject<HTMLElement | null>, ready = true): void {
  useEffect(() => {
    if (!ready) return;
    const active = document.activeElement;
    if (active === null || active === document.body) ref.current?.focus({ preventScroll: true });
  }, [ref, ready]);
}
