// Offline support: the two pages (the manager's and the kiosk's) and their assets are cached
// when first loaded, so a kiosk tablet keeps working with the network off. Same-origin GETs
// only; nothing is ever sent anywhere.
const CACHE = 'serviceflow-v2';
const PAGES = ['./', 'kiosk.html'];

/** A page is cached under its own name, whatever the query; every other address of the app's
 * directory (`./`, `index.html`, a deep link) is the manager's page. */
function pageKey(url) {
  const u = new URL(url);
  return u.pathname.endsWith('/kiosk.html') ? 'kiosk.html' : './';
}

async function precache() {
  const cache = await caches.open(CACHE);
  for (const page of PAGES) {
    const res = await fetch(page, { cache: 'no-cache' });
    if (!res.ok) continue;
    const html = await res.clone().text();
    await cache.put(page, res);
    const assets = [...html.matchAll(/(?:href|src)="([^"#]+)"/g)]
      .map((m) => m[1])
      .filter((u) => !/^[a-z]+:/i.test(u));
    await Promise.all(assets.map((u) => cache.add(u).catch(() => undefined)));
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  const key = req.mode === 'navigate' ? pageKey(req.url) : req;
  // Network first, so a new build is picked up at once; the cache answers when offline.
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const fresh = await fetch(req);
      if (fresh.ok) await cache.put(key, fresh.clone());
      return fresh;
    } catch (err) {
      const hit = await cache.match(key, { ignoreSearch: true });
      if (hit) return hit;
      throw err;
    }
  })());
});
