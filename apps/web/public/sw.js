/*
 * Đồng Xanh's service worker: the app opens and the diary can be read and filled on a phone with no
 * signal. Written by hand (no library), registered by src/offline/register-sw.ts.
 *
 * - Install: the app shell (index.html, the built JS/CSS it references, manifest, icons) goes into a
 *   versioned cache; activate deletes the caches of older versions and takes over open pages.
 * - Pages (navigations): network first (a new deployment shows at once), the cached shell when there
 *   is no answer within a few seconds. The server sends index.html for every app path.
 * - /assets/*: cache first. Vite puts a content hash in each file name, so a name never changes meaning.
 * - GET /api: network first for the data the diary shows (the session, seasons, catalogues, plots,
 *   photos); the last good answer is served when the network fails. Other API reads are not cached.
 * - Writes (POST, PATCH, DELETE) are never cached or replayed here: the app's own queue in IndexedDB
 *   (src/offline/) sends them with idempotency keys. Signing in or out empties the API cache, so the
 *   next person on a shared phone never sees the previous one's data.
 *
 * Bump VERSION when this file's caching rules change.
 */
const VERSION = 'v2';
const SHELL_CACHE = `dongxanh-shell-${VERSION}`;
const API_CACHE = `dongxanh-api-${VERSION}`;
const SHELL_FILES = ['/manifest.webmanifest', '/icon.svg', '/icon-maskable.svg'];
/** API reads kept for offline use: what the diary screens and the session check need. */
const API_KEPT = [/^\/api\/v1\/auth\/me$/, /^\/api\/v1\/seasons(\/[^/]+)?$/, /^\/api\/v1\/catalogues\//, /^\/api\/v1\/plots(\/[^/]+)?$/, /^\/api\/v1\/photos\/[^/]+$/];
/** How long a page or API read may take before the saved copy is shown instead (slow 2G). */
const NAVIGATION_TIMEOUT_MS = 4000;
const API_TIMEOUT_MS = 8000;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL_CACHE);
      const response = await fetch('/', { cache: 'no-cache', credentials: 'same-origin' });
      if (!response.ok) throw new Error(`The app shell answered ${response.status}`);
      const html = await response.clone().text();
      await cache.put('/', response);
      // The built files index.html loads (the entry chunk, its CSS, preloaded chunks).
      const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
      await cache.addAll([...new Set([...assets, ...SHELL_FILES])]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set([SHELL_CACHE, API_CACHE]);
      for (const name of await caches.keys()) if (name.startsWith('dongxanh-') && !keep.has(name)) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

/** The network's answer, or null when it fails or takes longer than `ms` (it may still land in the cache later). */
function networkWithin(request, ms, onLate) {
  return new Promise((resolve) => {
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      resolve(null);
    }, ms);
    fetch(request).then(
      (response) => {
        clearTimeout(timer);
        if (settled) onLate(response);
        else {
          settled = true;
          resolve(response);
        }
      },
      () => {
        clearTimeout(timer);
        if (!settled) {
          settled = true;
          resolve(null);
        }
      },
    );
  });
}

async function page(request) {
  const cache = await caches.open(SHELL_CACHE);
  const fresh = new Request(request.url, { credentials: 'same-origin', cache: 'no-cache' });
  const keep = (response) => {
    if (response.ok && (response.headers.get('content-type') || '').includes('text/html')) return cache.put('/', response.clone());
    return undefined;
  };
  const response = await networkWithin(fresh, NAVIGATION_TIMEOUT_MS, (late) => void keep(late));
  if (response) {
    await keep(response);
    return response;
  }
  return (await cache.match('/')) || Response.error();
}

async function apiRead(request) {
  const cache = await caches.open(API_CACHE);
  const remember = async (response) => {
    if (response.ok) await cache.put(request, response.clone());
    // Signed out, no longer allowed or gone: the saved copy must not be shown again.
    else if (response.status === 401 || response.status === 403 || response.status === 404) await cache.delete(request);
  };
  const response = await networkWithin(request, API_TIMEOUT_MS, (late) => void remember(late));
  if (response) {
    await remember(response);
    return response;
  }
  // No answer: the last good one, marked as such (src/offline/fresh-get.ts), or a network error.
  const saved = await cache.match(request);
  if (!saved) return Response.error();
  const headers = new Headers(saved.headers);
  headers.set('x-dongxanh-cache', 'fallback');
  return new Response(saved.body, { status: saved.status, statusText: saved.statusText, headers });
}

/** Built files kept at most; older builds' files go first (Cache API keys keep insertion order). */
const MAX_ASSETS = 80;

async function asset(request) {
  const cache = await caches.open(SHELL_CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    await cache.put(request, response.clone());
    const assets = (await cache.keys()).filter((r) => new URL(r.url).pathname.startsWith('/assets/'));
    for (const old of assets.slice(0, Math.max(0, assets.length - MAX_ASSETS))) await cache.delete(old);
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method !== 'GET') {
    // Never cached. A sign-in or sign-out makes the saved API answers someone else's.
    if (request.method === 'POST' && (url.pathname === '/api/v1/auth/login' || url.pathname === '/api/v1/auth/logout')) event.waitUntil(caches.delete(API_CACHE));
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(page(request));
    return;
  }
  if (url.pathname.startsWith('/api/')) {
    if (API_KEPT.some((pattern) => pattern.test(url.pathname))) event.respondWith(apiRead(request));
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(asset(request));
    return;
  }
  if (SHELL_FILES.includes(url.pathname)) event.respondWith(caches.match(request).then((cached) => cached || fetch(request)));
});
