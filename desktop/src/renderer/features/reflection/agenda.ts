import type { TFunction } from 'i18next';
import type { ActionRecord, AgendaItem, StandardsPack } from '@sidecoach/shared';
import { itemName } from './format.js';

/** What an agenda entry is about: its standard, or the action it reviews. */
export function agendaSubject(
  entry: AgendaItem,
  actions: readonly ActionRecord[],
  pack: StandardsPack | null,
  lang: string,
): string {
  if (entry.kind === 'review-action') {
    const action = actions.find((a) => a.id === entry.actionId);
    if (action) return action.text;
  }
  return itemName(pack, entry.itemId, lang);
}

/** "Blind spot: Summarises next steps", for labels and the printable summary. */
export function agendaLabel(
  t: TFunction,
  entry: AgendaItem,
  actions: readonly ActionRecord[],
  pack: StandardsPack | null,
  lang: string,
): string {
  return `${t(`reflection.kind.${entry.kind}`)}: ${agendaSubject(entry, actions, pack, lang)}`;
}

/** Moves one entry up (-1) or down (+1). */
export function moved<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}
