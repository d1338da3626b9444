// Sync benchmark, through the real UI and real IndexedDB in headless Chromium, against a
// CouchDB-protocol server (pouchdb-server in memory, tests/e2e/couch.js; or COUCHDB_URL):
// - the first sync of a backup's records to an empty tablet (turn sync on → "synced"),
//   against the plain-JS floor on the same origin: the same `_changes` pages of 1,000 with
//   their documents fetched, parsed and put into IndexedDB, one entry per page;
// - a change's time to reach another device: one device renames the business, the other
//   (long-polling, as every synced device does) has it stored.
// Each round runs ours, then the floor, each in a fresh context. Prints medians and ratios.
//   cargo run --release --example gen_backup -- 10000 > /tmp/10k.json
//   trunk build --release && node tests/bench/sync.mjs /tmp/10k.json [rounds]
import fs from 'node:fs';
import { startServer, launch, openContext, openApp, readStore, allowOrigin } from '../e2e/harness.js';
import { startCouch, newDatabase, admin } from '../e2e/couch.js';

const file = process.argv[2];
const ROUNDS = Number(process.argv[3] ?? 3);
if (!file) {
  console.error('usage: node tests/bench/sync.mjs BACKUP.json [rounds]');
  process.exit(2);
}
const LONG = { timeout: 900_000 };
const server = await startServer();
const browser = await launch();
const couch = await startCouch();
allowOrigin(couch.url);

/** The backup's records and tombstones as the app's documents, stored through `_bulk_docs`. */
async function seed(db, data) {
  const docs = [];
  for (const [c, list] of Object.entries(data)) {
    if (c === 'tombstones') {
      for (const t of list) docs.push({ _id: `tombstones/${t.collection}/${t.id}`, collection: t.collection, updated_at: t.deleted_at, device: 'bench', tombstone: t });
    } else {
      for (const r of list) docs.push({ _id: `${c}/${r.id}`, collection: c, updated_at: r.updated_at, device: 'bench', record: r });
    }
  }
  for (let i = 0; i < docs.length; i += 5000) {
    const { status } = await admin(couch, 'POST', `/${db}/_bulk_docs`, { docs: docs.slice(i, i + 5000) });
    if (status !== 201) throw new Error(`seeding failed: ${status}`);
  }
  return docs.length;
}

async function turnOn(page, db) {
  await page.goto(`${server.base}/#/settings`);
  await page.waitForSelector('main[data-state="ready"]');
  await page.fill('#sync-url', couch.url);
  await page.fill('#sync-db', db);
  await page.fill('#sync-user', couch.user);
  await page.fill('#sync-password', couch.password);
  const t = performance.now();
  await page.tap('[data-testid="sync-on"]');
  await page.waitForSelector('[data-testid="sync-status"][data-sync="synced"]', LONG);
  return performance.now() - t;
}

async function ours(db, docs) {
  const { context, page } = await openContext(browser, { locale: 'en-US' });
  await openApp(page, server.base, '#/settings');
  const ms = await turnOn(page, db);
  const stored = await readStore(page);
  const count = Object.values(stored).reduce((n, l) => n + l.length, 0);
  if (count < docs) throw new Error(`only ${count} of ${docs} documents stored`);
  await context.close();
  return ms;
}

const FLOOR_JS = `
window.floor = async (url, db, auth) => {
  const idb = await new Promise((ok, no) => {
    const r = indexedDB.open('floor', 1);
    r.onupgradeneeded = () => r.result.createObjectStore('pages');
    r.onsuccess = () => ok(r.result);
    r.onerror = () => no(r.error);
  });
  let since = 0;
  for (let n = 0; ; n++) {
    const res = await fetch(url + '/' + db + '/_changes?include_docs=true&limit=1000&since=' + encodeURIComponent(since), { headers: { authorization: auth, accept: 'application/json' } });
    const page = JSON.parse(await res.text());
    const tx = idb.transaction('pages', 'readwrite');
    tx.objectStore('pages').put(JSON.stringify(page.results.map((r) => r.doc)), n);
    await new Promise((ok, no) => { tx.oncomplete = ok; tx.onerror = () => no(tx.error); });
    since = page.last_seq;
    if (page.results.length < 1000) break;
  }
  idb.close();
};`;

async function floor(db) {
  const { context, page } = await openContext(browser, { locale: 'en-US' });
  await page.goto(`${server.base}/floor`);
  await page.addScriptTag({ content: FLOOR_JS });
  const auth = `Basic ${Buffer.from(`${couch.user}:${couch.password}`).toString('base64')}`;
  const ms = await page.evaluate(async ([url, db, auth]) => {
    const t = performance.now();
    await window.floor(url, db, auth);
    return performance.now() - t;
  }, [couch.url, db, auth]);
  await context.close();
  return ms;
}

/** One device renames the business; the time until the other one has it stored. */
async function reach(db, rounds) {
  const a = await openContext(browser, { locale: 'en-US' });
  const b = await openContext(browser, { locale: 'en-US' });
  await openApp(a.page, server.base, '#/settings');
  await openApp(b.page, server.base, '#/settings');
  await turnOn(a.page, db);
  await turnOn(b.page, db);
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const name = `Shop ${i}`;
    await a.page.fill('#business-name', name);
    const t = performance.now();
    await a.page.tap('[data-testid="save-business"]');
    await b.page.waitForFunction(async (name) => {
      const open = await new Promise((r) => { const o = indexedDB.open('serviceflow'); o.onsuccess = () => r(o.result); });
      const all = await new Promise((r) => { const q = open.transaction('records').objectStore('records').getAll(IDBKeyRange.bound('workspace/', 'workspace/\uffff')); q.onsuccess = () => r(q.result); });
      open.close();
      return all.some((w) => JSON.parse(w).business_name === name);
    }, name, { timeout: 60_000, polling: 20 });
    times.push(performance.now() - t);
  }
  await a.context.close();
  await b.context.close();
  return times;
}

const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const row = (cells) => console.log(`| ${cells.join(' | ')} |`);

const data = JSON.parse(fs.readFileSync(file, 'utf8')).data;
const db = await newDatabase(couch);
const docs = await seed(db, data);
const runs = { ours: [], floor: [] };
for (let r = 0; r < ROUNDS; r++) {
  runs.ours.push(await ours(db, docs));
  runs.floor.push(await floor(db));
}
const times = await reach(await newDatabase(couch), 5);
console.log(`rounds: ${ROUNDS} (medians); Chromium ${browser.version()}; ${couch.url.includes('127.0.0.1') && !process.env.COUCHDB_URL ? 'pouchdb-server 4.2.0 in memory' : couch.url}`);
row(['figure', 'ours', 'floor', 'ratio']);
row(['---', '---', '---', '---']);
row([`first sync to an empty tablet, ${data.responses.length.toLocaleString('en')} responses (${docs.toLocaleString('en')} documents)`, s(median(runs.ours)), s(median(runs.floor)), (median(runs.ours) / median(runs.floor)).toFixed(2)]);
row(['a change on one device stored on another (median of 5)', s(median(times)), '', '']);
await couch.stop();
await browser.close();
await server.close();
