/**
 * English strings of single sign-on on the sign-in screen (merged under `sso` in
 * translation.en.ts); the Chinese file has the same keys, checked by TypeScript.
 */
export const ssoEn = {
  button: 'Sign in with {{provider}}',
  busy: 'Signing in…',
  waiting: 'Finish signing in in your web browser, then come back here.',
  or: 'or',
  passwordsOff: 'Password sign-in is off on this hub.',
  breakGlass: 'Break-glass admin sign-in',
  hideBreakGlass: 'Hide the password form',
  error: {
    disabled: 'Your account is switched off. Ask an admin to switch it back on.',
    unknown_user:
      'No Sidecoach account matches your {{provider}} sign-in. Ask an admin to add you.',
    expired: 'The sign-in took too long or was used already. Please try again.',
    refused: '{{provider}} did not confirm your sign-in. Please try again.',
    unavailable: '{{provider}} could not be reached. Try again in a moment, or ask an admin.',
    state: 'The answer in the browser was not for this sign-in. Please try again.',
    timeout: 'Signing in in the browser took too long. Please try again.',
    browser: 'Your web browser did not open. Please try again.',
    code: 'The sign-in code has expired or was used already. Please try again.',
    insecure: 'Single sign-on needs a secure (https) connection to the hub.',
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type SsoMessages = Widen<typeof ssoEn>;
