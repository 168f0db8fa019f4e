/**
 * Registers the service worker (public/sw.js: app shell and diary reads cached for use with no
 * signal). Not in the Vite dev server, whose unbundled modules the worker's shell rules do not know.
 */
export function registerServiceWorker(): void {
  if (import.meta.env.DEV || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  // updateViaCache 'none': a new sw.js is seen on the next visit, whatever the HTTP cache says.
  navigator.serviceWorker.register('/sw.js', { scope: '/', updateViaCache: 'none' }).catch((err: unknown) => {
    // The app still works online; only the offline shell is missing.
    console.warn('Service worker not registered', err);
  });
}

/** Resolves once a service worker controls this page (at once if it already does). */
export function whenControlled(): Promise<void> {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return new Promise(() => undefined);
  if (navigator.serviceWorker.controller) return Promise.resolve();
  return new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
}
