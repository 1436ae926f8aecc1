import { dictionary } from '@zxcvbn-ts/language-common';
import {
  passwordProblems,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type PasswordOwner,
  type PasswordProblem,
} from '@sidecoach/shared';

// The password rules as the hub enforces them (domain/passwords.ts) with the list of common and
// breached passwords shipped in @zxcvbn-ts/language-common (MIT; about 49,000 passwords from
// public breach corpora, ranked by frequency). Read from the installed package: nothing is
// fetched at run time.

let common: ReadonlySet<string> | undefined;

/** The list, lower-cased, built on first use (tens of milliseconds, once per process). */
function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common;
}

export function checkPassword(password: string, owner: PasswordOwner): PasswordProblem[] {
  const list = commonPasswords();
  return passwordProblems(password, owner, (form) => list.has(form));
}

const EXPLAINED: Record<PasswordProblem, string> = {
  too_short: `it needs at least ${PASSWORD_MIN_LENGTH} characters`,
  too_long: `it may have at most ${PASSWORD_MAX_LENGTH} characters`,
  contains_username: 'it contains the username',
  contains_name: 'it contains the display name',
  common: 'it is on a list of common or breached passwords',
};

/** The problems in words, for an answer's message and the command line. */
export const explainProblems = (problems: readonly PasswordProblem[]): string =>
  `password refused: ${problems.map((p) => EXPLAINED[p]).join('; ')}`;
