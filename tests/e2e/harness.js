// The end-to-end harness: serves the release dist/ from a plain static server on 127.0.0.1
// (no rewrite rules, no fallback: exactly what a cheap host or a file share gives) and drives
// Debian's Chromium through playwright-core. Every page it opens records console errors, CSP
// violations and any request to a server other than the app's and a configured sync server.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
// BENCH_DIST: another build to serve, so a benchmark can set two builds side by side.
export const DIST = path.resolve(process.env.BENCH_DIST ?? path.join(here, '../../dist'));
export const SHOTS = path.resolve(here, '../screenshots');
export const SUB_PATH = '/serviceflow/';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/**
 * The origins a page may send requests to: the app's own server, and a sync server a test
 * configured (`allowOrigin`). Anything else, 127.0.0.1 or not, fails the test.
 */
const allowedOrigins = new Set();

export function allowOrigin(url) {
  allowedOrigins.add(new URL(url).origin);
}

/**
 * A path of the app's own server passed on to another one (`proxy('/couchdb/', couch.url)`), as
 * a shop's web server puts its CouchDB beside the app; each request passed on is logged
 * (method, path, and whether it carried a password or a cookie).
 */
const proxies = new Map();

export function proxy(prefix, target) {
  const log = [];
  proxies.set(prefix, { target: new URL(target), log });
  return log;
}

function passOn(req, res, prefix, { target, log }) {
  const pathname = req.url.slice(prefix.length - 1);
  log.push({ method: req.method, path: pathname, authorization: Boolean(req.headers.authorization), cookie: /AuthSession=/.test(req.headers.cookie ?? '') });
  const out = http.request({ host: target.hostname, port: target.port, path: pathname, method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
    res.writeHead(answer.statusCode, answer.headers);
    answer.pipe(res);
  });
  out.on('error', () => { res.writeHead(502); res.end(); });
  req.pipe(out);
}

/** Serves dist/ at `/` and again under SUB_PATH. Unknown paths are 404. */
export async function startServer() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    throw new Error(`no release build in ${DIST}: run \`trunk build --release\` (scripts/test.sh does)`);
  }
  const server = http.createServer((req, res) => {
    for (const [prefix, p] of proxies) if (req.url.startsWith(prefix)) return passOn(req, res, prefix, p);
    let url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (url.startsWith(SUB_PATH)) url = '/' + url.slice(SUB_PATH.length);
    if (url.endsWith('/')) url += 'index.html';
    const file = path.join(DIST, path.normalize(url));
    if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  allowOrigin(base);
  return { base, close: () => new Promise((r) => server.close(r)) };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-dev-shm-usage',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
    ],
  });
}

export const TABLET_PORTRAIT = { width: 768, height: 1024 };
export const TABLET_LANDSCAPE = { width: 1024, height: 768 };
export const DESKTOP = { width: 1440, height: 900 };

/**
 * Runs in every document before the app (init scripts are not subject to the page's CSP):
 * each `securitypolicyviolation` is kept in `window.__cspViolations` and reported to the
 * test through the `__cspViolation` binding, so a blocked script or inline style fails the
 * test like a console error does.
 */
const CSP_LISTENER = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    const v = { directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile + ':' + e.lineNumber };
    window.__cspViolations.push(v);
    window.__cspViolation?.(v);
  }, true);
`;

/**
 * A fresh browser context (its own IndexedDB and localStorage) with one page, in the
 * machine's time zone unless `timezoneId` names one.
 * `problems` collects console errors, page errors, CSP violations and requests to any
 * server but the app's own and the sync servers a test allowed.
 */
export async function openContext(browser, { locale = 'en-US', viewport = TABLET_PORTRAIT, hasTouch = true, timezoneId } = {}) {
  const context = await browser.newContext({ locale, viewport, hasTouch, timezoneId, acceptDownloads: true });
  const problems = [];
  await context.exposeBinding('__cspViolation', (_source, v) => {
    problems.push(`CSP violation: ${v.directive} blocked ${v.blocked} (${v.sample}) at ${v.source}`);
  });
  await context.addInitScript(CSP_LISTENER);
  const watch = (page) => {
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  };
  context.on('request', (req) => {
    const url = req.url();
    const origin = /^https?:/.test(url) ? new URL(url).origin : null;
    if (!/^(data:|blob:)/.test(url) && !allowedOrigins.has(origin)) problems.push(`request to an unexpected server: ${url}`);
  });
  context.on('page', watch);
  const page = await context.newPage();
  return { context, page, problems };
}

/** Opens the app and waits until Leptos has mounted the view for `hash` with the records loaded. */
export async function openApp(page, base, hash = '#/', prefix = '/') {
  await page.goto(`${base}${prefix}${hash}`);
  await page.waitForSelector('[data-page]');
  await loaded(page);
}

/** Waits until the address matches: a page rewrites its view's query a moment after a change. */
export async function addressMatches(page, re) {
  await page.waitForFunction(([src, flags]) => new RegExp(src, flags).test(location.href), [re.source, re.flags]);
}

/** Waits until IndexedDB has been read (after a reload, say). */
export async function loaded(page) {
  await page.waitForSelector('main[data-state="ready"]');
}

/** The page's JS heap in use, in bytes, after a garbage collection (not the wasm memory). */
export async function heapBytes(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

export async function screenshot(page, name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Registers the suite's server and browser: started before its tests, closed after. */
export function serveAndLaunch() {
  const env = {};
  before(async () => {
    env.server = await startServer();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/**
 * Every record in IndexedDB by collection, read straight from the database as the app does:
 * segments first, then loose entries on top (`null` is a deletion not yet folded in); the
 * deletions' tombstones under `tombstones`.
 */
export async function readStore(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('serviceflow');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction(['records', 'segments']);
      const byId = {};
      const all = tx.objectStore('records').getAll();
      const keys = tx.objectStore('records').getAllKeys();
      const segs = tx.objectStore('segments').getAll();
      const segKeys = tx.objectStore('segments').getAllKeys();
      tx.oncomplete = () => {
        segKeys.result.forEach((k, i) => {
          const [c] = String(k).split('/');
          // Segments are UTF-8 bytes; a database from before holds them as text.
          const seg = segs.result[i];
          const text = typeof seg === 'string' ? seg : new TextDecoder().decode(seg);
          for (const r of JSON.parse(text)) (byId[c] ??= new Map()).set(r.id, r);
        });
        keys.result.forEach((k, i) => {
          // Tombstones are keyed `tombstones/collection/id`: the rest of the key is theirs.
          const [c, ...rest] = String(k).split('/');
          const id = rest.join('/');
          const m = (byId[c] ??= new Map());
          if (all.result[i] === 'null') m.delete(id);
          else m.set(id, JSON.parse(all.result[i]));
        });
        open.result.close();
        resolve(Object.fromEntries(Object.entries(byId).map(([c, m]) => [c, [...m.values()]])));
      };
    };
  }));
}
