// The rules a chosen password must meet: checked as the user types (sidebar) and enforced where
// it is stored (hub, create-admin). No I/O: the list of common and breached passwords is given
// by the caller (the hub ships one; see hub/src/lib/password-policy.ts).

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** Why a password is refused, in the order the sidebar lists the rules. */
export const PASSWORD_PROBLEMS = [
  'too_short',
  'too_long',
  'contains_username',
  'contains_name',
  'common',
] as const;
export type PasswordProblem = (typeof PASSWORD_PROBLEMS)[number];

export interface PasswordOwner {
  username: string;
  displayName: string;
}

/** Characters, not UTF-16 units: "密码" is two characters, an emoji one. */
export const passwordLength = (password: string): number => [...password.normalize('NFKC')].length;

const fold = (text: string) => text.normalize('NFKC').toLowerCase();

/** Parts of a display name long enough that containing one says something (not "Li", "Ann"). */
const NAME_PART_MIN = 4;

function containsName(password: string, displayName: string): boolean {
  const name = fold(displayName).trim();
  if (name.length === 0) return false;
  const whole = name.replace(/[\s._-]+/g, '');
  if (whole.length >= 3 && password.replace(/[\s._-]+/g, '').includes(whole)) return true;
  return name
    .split(/[\s._-]+/)
    .some((part) => [...part].length >= NAME_PART_MIN && password.includes(part));
}

// Look-alike characters people swap in ("p@ssw0rd"), read back as the letters they stand for.
const LOOK_ALIKES: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
};
const plain = (text: string) => text.replace(/[013457@$!]/g, (c) => LOOK_ALIKES[c] ?? c);

/**
 * The forms of a password looked up in a list of common passwords (lower case): itself, with
 * look-alikes read back, and without the digits and symbols people add before or after a
 * common word ("Password2024!", "123monkey123"). A word too short to mean anything is left out.
 */
export function commonPasswordForms(password: string): string[] {
  const base = fold(password);
  const forms = new Set([base, plain(base)]);
  const trimmed = base.replace(/^[\d\W_]+|[\d\W_]+$/gu, '');
  if ([...trimmed].length >= 4) forms.add(trimmed).add(plain(trimmed));
  return [...forms];
}

/** One short piece over and over ("abcabcabcabc", "aaaaaaaaaaaa"): as weak as a common one. */
export const isRepetitive = (password: string): boolean => /^(.{1,4}?)\1+$/su.test(fold(password));

/**
 * What is wrong with a password, none if it is acceptable. `isCommon` is asked about each of
 * `commonPasswordForms` (the sidebar has no list: the hub's answer decides).
 */
export function passwordProblems(
  password: string,
  owner: PasswordOwner,
  isCommon: (form: string) => boolean = () => false,
): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) problems.push('too_short');
  if (length > PASSWORD_MAX_LENGTH) problems.push('too_long');
  const folded = fold(password);
  const username = fold(owner.username).trim();
  if (username.length > 0 && folded.includes(username)) problems.push('contains_username');
  if (containsName(folded, owner.displayName)) problems.push('contains_name');
  if (isRepetitive(password) || commonPasswordForms(password).some(isCommon))
    problems.push('common');
  return problems;
}
