import type { TFunction } from 'i18next';
import type { StandardsPack } from '@sidecoach/shared';
import { decimal } from '../../lib/format.js';
import type { CallerProblem } from './caller-form.js';
import { MAX_RATINGS, type ProgrammeProblem } from './programme-form.js';
import { itemText } from './rows.js';
import type { WaveProblem } from './wave-form.js';

// The forms' problems in words (the UI language's), one line each: shown under a form once a
// save was tried, and beside the wave as what its plan still waits for.

/** A problem of the programme form in words. */
export function programmeProblemText(
  p: ProgrammeProblem,
  t: TFunction,
  pack: StandardsPack,
  lang: string,
): string {
  switch (p.field) {
    case 'dependsOn':
      return t('mystery.programme.problems.dependsOn', {
        item: itemText(pack, p.itemId, lang),
        on: itemText(pack, p.on, lang),
      });
    case 'ratingLabel':
    case 'ratingId':
    case 'ratingDuplicate':
      return t(`mystery.programme.problems.${p.field}`, { n: p.index + 1 });
    default:
      return t(`mystery.programme.problems.${p.field}`, { max: MAX_RATINGS });
  }
}

/** A problem of the wave form in words. */
export function waveProblemText(
  p: WaveProblem,
  t: TFunction,
  teamNames: Readonly<Record<string, string>>,
  lang: string,
): string {
  switch (p.field) {
    case 'number':
      return t('mystery.wave.problems.number', { team: teamNames[p.teamId] ?? p.teamId });
    case 'scenarioTitle':
    case 'scenarioBrief':
    case 'scenarioCallType':
      return t(`mystery.wave.problems.${p.field}`, { n: p.index + 1 });
    case 'mixRow':
    case 'mixDuplicate':
      return t(`mystery.wave.problems.${p.field}`, {
        dimension: t(`mystery.wave.${p.dimension}`),
        n: p.index + 1,
      });
    case 'mixTotal':
      return t('mystery.wave.problems.mixTotal', {
        dimension: t(`mystery.wave.${p.dimension}`),
        total: decimal(p.total, lang, 1),
      });
    default:
      return t(`mystery.wave.problems.${p.field}`);
  }
}

/** A problem of the caller form in words. */
export function callerProblemText(p: CallerProblem, t: TFunction): string {
  if (p.field === 'phone') return t('mystery.caller.problems.phone', { phone: p.phone });
  if (p.field !== 'staff') return t(`mystery.caller.problems.${p.field}`);
  const c = p.conflict;
  const who = { username: c.username, name: c.displayName };
  const line =
    c.kind === 'extension'
      ? t('mystery.caller.staff.extension', { ...who, phone: c.phone })
      : t(`mystery.caller.staff.${c.kind}`, who);
  return c.former ? `${line} ${t('mystery.caller.staff.former')}` : line;
}
