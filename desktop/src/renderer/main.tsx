import './ui/base.css';
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { z } from 'zod';
import { App } from './App.js';
import { wireFeatures } from './features.js';
import { resume } from './hub/lifecycle.js';
import { initI18n, pickLanguage } from './i18n/index.js';
import { bridge } from './lib/bridge.js';
import { StartupError } from './ui/StartupError.js';

// No runtime code generation: the CSP forbids eval, and zod would otherwise probe for it.
z.config({ jitless: true });

wireFeatures();

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
  keepForOfflineReloads();
}

/**
 * The web sidebar keeps itself (scripts/build.mjs writes sw.js beside the page) so that a reload
 * while the hub is down shows the app and its offline banner. Browsers allow this on https and
 * on localhost only; the desktop app's page is on disk and reloads without it.
 */
function keepForOfflineReloads() {
  if (!('serviceWorker' in navigator) || !isSecureContext) return;
  if (location.protocol !== 'https:' && location.protocol !== 'http:') return;
  navigator.serviceWorker.register('./sw.js').catch((err: unknown) => {
    console.warn('offline reloads unavailable:', err);
  });
}

void start();
