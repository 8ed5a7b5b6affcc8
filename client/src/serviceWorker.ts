/**
 * The service worker (built as `/sw.js`): keeps the app shell, so a participant who reloads the board on
 * flaky Wi-Fi gets the page from the browser's copy instead of the browser's error page; the board itself
 * then opens from its local copy (IndexedDB) as it does offline. Pages are fetched from the network first
 * (a new version is used as soon as it can be reached); the hashed `/assets/` files never change, so they
 * are served from the copy. The API and the websocket are never touched.
 *
 * No imports: a service worker script is loaded on its own, outside the app's bundle.
 */

/** What of the service worker's global scope is used here (the DOM library has no `WebWorker` types). */
interface ServiceWorkerScope {
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
  readonly location: Location;
}
interface ExtendableEvent {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Response | Promise<Response>): void;
}

const scope = self as unknown as ServiceWorkerScope;
/** A new name drops every earlier copy (see `activate`). */
const CACHE = 'interplay-shell-v1';
/** Every page path is the same single-page app; its copy is kept under `/`. */
const SHELL = '/';

scope.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.add(SHELL))
      .then(() => scope.skipWaiting()),
  );
});

scope.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
      .then(() => scope.clients.claim()),
  );
});

scope.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== scope.location.origin) return;
  if (request.mode === 'navigate') event.respondWith(pageFromNetworkFirst(request));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(assetFromCopyFirst(request));
});

async function pageFromNetworkFirst(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(SHELL, response.clone());
    return response;
  } catch (error) {
    const copy = await cache.match(SHELL);
    if (copy) return copy;
    throw error;
  }
}

async function assetFromCopyFirst(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  const copy = await cache.match(request);
  if (copy) return copy;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}
