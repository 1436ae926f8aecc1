// A reset link an admin handed over opens the web sidebar at `<hub>/#reset=<token>`.

const PREFIX = '#reset=';

/** The token of the reset link this page was opened with, if any. */
export function resetTokenInLink(): string | null {
  const { hash } = window.location;
  return hash.startsWith(PREFIX) ? hash.slice(PREFIX.length) : null;
}

/** Takes the token out of the address bar (and the history), once it was read. */
export function forgetResetLink(): void {
  if (resetTokenInLink() === null) return;
  history.replaceState(null, '', window.location.pathname + window.location.search);
}
