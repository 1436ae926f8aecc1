import {
  AGE_BANDS,
  findCallerConflicts,
  PhoneSchema,
  type AdminUser,
  type AgeBand,
  type Caller,
  type CallerConflict,
  type CallerSave,
} from '@sidecoach/shared';

// The caller form's state and the caller the hub is sent, or the form's problems. The conflict
// check (a caller is never, and never was, the centre's staff) runs here on the staff the admin
// lists, to say it in the UI's words before anything is sent; the hub runs it again with what
// only it knows (the centre's internal numbers, other callers' numbers) and says why.

export interface CallerDraft {
  username: string;
  displayName: string;
  email: string;
  /** One number a line, as typed. */
  phones: string;
  region: string;
  ageBand: AgeBand;
  language: string;
  declaredIndependent: boolean;
  disabled: boolean;
}

export type CallerProblem =
  | { field: 'username' | 'displayName' | 'email' | 'phones' | 'region' | 'language' }
  | { field: 'phone'; phone: string }
  | { field: 'independent' }
  /** The candidate is (or was) staff: the same username, name or extension. */
  | { field: 'staff'; conflict: Exclude<CallerConflict, { kind: 'internalNumber' }> };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;
const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/u;

export function draftOfCaller(caller: Caller | null, uiLanguage: string): CallerDraft {
  return {
    username: caller?.username ?? '',
    displayName: caller?.displayName ?? '',
    email: caller?.email ?? '',
    phones: caller?.phones.join('\n') ?? '',
    region: caller?.profile.region ?? '',
    ageBand: caller?.profile.ageBand ?? AGE_BANDS[1],
    language: caller?.profile.language ?? uiLanguage,
    // A caller already saved made the statement; a new one makes it on this form.
    declaredIndependent: caller !== null,
    disabled: caller?.disabled ?? false,
  };
}

/** The numbers typed, one a line (blank lines left out). */
export const phonesOf = (text: string) =>
  text
    .split(/\n/u)
    .map((p) => p.trim())
    .filter((p) => p !== '');

/** The staff a caller is checked against: every account but the callers'. */
export const staffOf = (users: readonly AdminUser[]) =>
  users
    .filter((u) => u.role !== 'caller')
    .map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      extension: u.extension,
      disabled: u.disabled,
    }));

export function callerProblems(d: CallerDraft, staff: readonly AdminUser[] = []): CallerProblem[] {
  const problems: CallerProblem[] = [];
  const username = d.username.trim();
  if (username.length < 2 || username.length > 64) problems.push({ field: 'username' });
  if (d.displayName.trim() === '') problems.push({ field: 'displayName' });
  if (d.email.trim() !== '' && !EMAIL.test(d.email.trim())) problems.push({ field: 'email' });
  const phones = phonesOf(d.phones);
  if (phones.length === 0 || phones.length > 10) problems.push({ field: 'phones' });
  for (const phone of phones)
    if (!PhoneSchema.safeParse(phone).success) problems.push({ field: 'phone', phone });
  if (d.region.trim() === '') problems.push({ field: 'region' });
  if (!LANGUAGE.test(d.language.trim())) problems.push({ field: 'language' });
  if (!d.declaredIndependent) problems.push({ field: 'independent' });
  const candidate = { username: d.username, displayName: d.displayName, phones };
  for (const conflict of findCallerConflicts(candidate, staffOf(staff), []))
    if (conflict.kind !== 'internalNumber') problems.push({ field: 'staff', conflict });
  return problems;
}

export function callerFromDraft(
  id: string | undefined,
  d: CallerDraft,
  staff: readonly AdminUser[] = [],
): { payload: CallerSave } | { problems: CallerProblem[] } {
  const problems = callerProblems(d, staff);
  if (problems.length > 0) return { problems };
  return {
    payload: {
      ...(id ? { id } : {}),
      username: d.username.trim(),
      displayName: d.displayName.trim(),
      email: d.email.trim() === '' ? null : d.email.trim(),
      phones: phonesOf(d.phones),
      profile: { region: d.region.trim(), ageBand: d.ageBand, language: d.language.trim() },
      declaredIndependent: true,
      disabled: d.disabled,
    },
  };
}
