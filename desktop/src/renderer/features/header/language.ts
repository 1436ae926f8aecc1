import i18next from 'i18next';
import { create } from 'zustand';
import type { UiLanguage, UserProfile } from '@sidecoach/shared';
import type { Feature } from '../../hub/feature.js';
import { ask } from '../../hub/client.js';
import { useSession } from '../../hub/session-store.js';
import { bridge } from '../../lib/bridge.js';

// The UI language: the user's own choice (kept by the hub, so it follows them to every device)
// wins over the admin's default for them; with neither, this device's (or the browser's).

/** The language the hub last said for the signed-in user (applied once per change). */
export const useProfileLanguage = create<{ applied: UiLanguage | null }>()(() => ({
  applied: null,
}));

function show(language: UiLanguage) {
  if (i18next.language !== language) void i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

/** The profile's language on sign-in and whenever the hub sends the profile again. */
function apply(user: UserProfile) {
  if (!user.lang || user.lang === useProfileLanguage.getState().applied) return;
  useProfileLanguage.setState({ applied: user.lang });
  show(user.lang);
}

/** The user picked a language: shown at once, kept on this device and, signed in, by the hub. */
export function chooseLanguage(language: UiLanguage): void {
  show(language);
  void bridge.updateSettings({ language });
  if (!useSession.getState().session) return;
  useProfileLanguage.setState({ applied: language });
  void ask('account:language', { lang: language });
}

export const languageFeature = {
  name: 'language',
  reset: () => useProfileLanguage.setState({ applied: null }),
  connected: apply,
  profileChanged: apply,
} satisfies Feature;
