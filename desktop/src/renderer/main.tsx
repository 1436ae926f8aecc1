import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { z } from 'zod';
import { App } from './App.js';
import type { InboxRoutes, OutboxRoutes } from './hub/feature.js';
import { registerFeatures, resume } from './hub/lifecycle.js';
import { routeInbox } from './hub/inbox.js';
import { routeOutbox } from './hub/outbox.js';
import { initI18n, pickLanguage } from './i18n/index.js';
import { bridge } from './lib/bridge.js';
import { StartupError } from './ui/StartupError.js';
import { callFeature, callOutbox } from './features/call/feature.js';
import { notesFeature, notesInbox, notesOutbox } from './features/coach-notes/feature.js';
import { observeFeature } from './features/observe/feature.js';
import { reflectionFeature } from './features/reflection/feature.js';
import { surveysFeature, surveysInbox } from './features/surveys/feature.js';
import { agentSurveysFeature, agentSurveysInbox } from './features/survey-agent/feature.js';
import { languageStatsFeature } from './features/language-stats/feature.js';
import { teamSettingsFeature } from './features/team-settings/feature.js';
import './styles.css';

// No runtime code generation: the CSP forbids eval, and zod would otherwise probe for it.
z.config({ jitless: true });

// The features of the sidebar, in the order their session hooks run; every inbox message kind
// and every outbox write has exactly one handler (a missing one is a type error here).
registerFeatures([
  callFeature,
  notesFeature,
  observeFeature,
  reflectionFeature,
  surveysFeature,
  agentSurveysFeature,
  languageStatsFeature,
  teamSettingsFeature,
]);
routeInbox({ ...notesInbox, ...surveysInbox, ...agentSurveysInbox } satisfies InboxRoutes);
routeOutbox({ ...callOutbox, ...notesOutbox } satisfies OutboxRoutes);

/** How long the desktop host may take to answer before the sidebar says so. */
const BRIDGE_TIMEOUT_MS = 10_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

let root: Root | null = null;
const render = (node: React.ReactNode) => {
  root ??= createRoot(document.getElementById('root')!);
  root.render(<StrictMode>{node}</StrictMode>);
};

async function start() {
  let settings;
  try {
    settings = await withTimeout(bridge.getSettings(), BRIDGE_TIMEOUT_MS);
  } catch (err) {
    // The desktop host did not answer: say so, and offer to try again (nothing is lost).
    await initI18n(pickLanguage(null, navigator.languages));
    render(<StartupError detail={String(err)} onRetry={() => void start()} />);
    return;
  }
  await initI18n(pickLanguage(settings.language, navigator.languages));
  await resume(settings.hubUrl);
  render(<App />);
}

void start();
