// The web sidebar's service worker: a reload while the hub is down shows the app (with its
// offline banner) instead of the browser's error page. Built by scripts/build.mjs with the list
// of this build's files; served beside the page, so it controls the page.
//
// - The page: from the network while the hub answers (so an update is seen on the next load),
//   else this build's cached copy.
// - Hashed files under assets/: from the cache (they never change), else fetched and kept.
// - Everything else (the API, socket.io, the survey pages): untouched.
// A module, so `self` below is the service worker scope (not the window-like global).
export type {};
declare const self: ServiceWorkerGlobalScope;
declare const BUILD: { version: string; files: string[] };

const CACHE = `sidecoach-${BUILD.version}`;
// Relative to where the hub serves the sidebar (its root, or a path a proxy puts it under).
const PAGE = self.registration.scope;
const ASSETS = new URL('assets/', PAGE).href;
/** How long the page waits for a hub that accepts the connection but does not answer. */
const PAGE_TIMEOUT_MS = 4000;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll([PAGE, ...BUILD.files.map((file) => new URL(file, PAGE).href)]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys())
        if (name.startsWith('sidecoach-') && name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

async function page(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  try {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), PAGE_TIMEOUT_MS);
    const fresh = await fetch(request, { signal: controller.signal }).finally(() =>
      clearTimeout(timer),
    );
    if (fresh.ok) await cache.put(PAGE, fresh.clone());
    return fresh;
  } catch (err) {
    const kept = await cache.match(PAGE);
    if (kept) return kept;
    throw err;
  }
}

async function asset(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const fresh = await fetch(request);
  if (fresh.ok) await cache.put(request, fresh.clone());
  return fresh;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.hash = '';
  url.search = '';
  if (request.mode === 'navigate' && url.href === PAGE) event.respondWith(page(request));
  else if (url.href.startsWith(ASSETS)) event.respondWith(asset(request));
});
