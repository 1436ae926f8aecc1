import './ui/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './App.js';
import { initI18n, pickLanguage } from './i18n/index.js';
import { bridge } from './lib/bridge.js';
import { useSidebar } from './store/sidebar-store.js';
import { begin, savedSession } from './store/sync.js';

// No runtime code generation: the CSP forbids eval, and zod would otherwise probe for it.
z.config({ jitless: true });

async function start() {
  const settings = await bridge.getSettings();
  await initI18n(pickLanguage(settings.language, navigator.languages));
  const session = savedSession();
  if (session && session.hubUrl === settings.hubUrl) await begin(session);
  else useSidebar.getState().signedOut();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
