// Sync through a CouchDB-protocol server (pouchdb-server in memory, see couch.js): records,
// deletions and kiosk responses reach every device; offline edits on two devices converge
// with the conflict listed; a tab closed in the middle of a pull resumes without gaps or
// duplicates; bad settings and dead servers say why and lose nothing. Each device is a
// browser context of its own (its own IndexedDB and localStorage).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import { serveAndLaunch, openContext, openApp, loaded, readStore, allowOrigin, proxy } from './harness.js';
import { startCouch, newDatabase, allDocs, admin } from './couch.js';
import { setPin } from './kiosk_setup.js';
import { audit } from './axe.js';

const env = serveAndLaunch();
let couch;
before(async () => {
  couch = await startCouch();
  allowOrigin(couch.url);
});
after(async () => couch?.stop());

/** A device: a context of its own with the app open on `hash`. */
async function device(hash = '#/data', locale = 'en-US') {
  const opened = await openContext(env.browser, { locale });
  await openApp(opened.page, env.server.base, hash);
  return opened;
}

async function loadDemo(page) {
  await page.goto(`${env.server.base}/#/data`);
  await loaded(page);
  await page.tap('[data-testid="load-demo"]');
  await page.waitForSelector('[data-testid="demo-loaded"]');
}

async function fillSync(page, { url = couch.url, db, user = couch.user, password = couch.password }) {
  await page.goto(`${env.server.base}/#/settings`);
  await loaded(page);
  await page.fill('#sync-url', url);
  await page.fill('#sync-db', db);
  await page.fill('#sync-user', user);
  await page.fill('#sync-password', password);
}

async function turnOn(page, db) {
  await fillSync(page, { db });
  await page.tap('[data-testid="sync-on"]');
  await page.waitForSelector('[data-testid="sync-message"]:has-text("Sync is on")');
  await synced(page);
}

/** Waits until the status line says synced (and nothing waits in the outbox). */
async function synced(page, timeout = 30_000) {
  await page.waitForSelector('[data-testid="sync-status"][data-sync="synced"]', { timeout });
}

/**
 * Every stored record and tombstone, each collection sorted by id: equal on two devices
 * means the same data, with no record missing or twice.
 */
function canonical(db) {
  const out = {};
  for (const [c, list] of Object.entries(db)) {
    if (!list.length) continue;
    const key = (r) => (c === 'tombstones' ? `${r.collection}/${r.id}` : r.id);
    out[c] = [...list].sort((a, b) => key(a).localeCompare(key(b)));
  }
  return out;
}

/** What the server holds, read in the test from its documents: the same shape as `canonical`. */
function fromServer(docs) {
  const db = {};
  for (const d of Object.values(docs)) {
    if (d.tombstone) (db.tombstones ??= []).push(d.tombstone);
    else if (d.record) (db[d.collection] ??= []).push(d.record);
  }
  return db;
}

/**
 * Calls `probe` every 250 ms until it returns something other than undefined, and returns
 * that; after `timeout`, returns what `timedOut` does (an assertion that fails).
 */
async function poll(probe, timedOut, timeout) {
  const end = Date.now() + timeout;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > end) return timedOut();
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Polls until both devices store the same data; returns it. */
async function converged(a, b, timeout = 30_000) {
  let x;
  let y;
  return poll(async () => {
    [x, y] = [canonical(await readStore(a)), canonical(await readStore(b))];
    return JSON.stringify(x) === JSON.stringify(y) ? x : undefined;
  }, () => assert.deepEqual(y, x, 'the devices did not converge'), timeout);
}

test("one device's records reach another through the server; a delete stays deleted everywhere, also after an old backup is merged", async () => {
  const db = await newDatabase(couch);
  const a = await device();
  await loadDemo(a.page);
  await turnOn(a.page, db);
  const mine = canonical(await readStore(a.page));
  // Everything A holds is on the server, as one document per record and per tombstone.
  const onServer = canonical(fromServer(await allDocs(couch, db)));
  assert.deepEqual(onServer, mine);
  assert.equal(Object.keys(await allDocs(couch, db)).length, Object.values(mine).reduce((n, l) => n + l.length, 0));

  const b = await device();
  await turnOn(b.page, db);
  assert.deepEqual(await converged(a.page, b.page), mine);

  // An old backup, taken on B before the delete.
  await b.page.goto(`${env.server.base}/#/data`);
  await loaded(b.page);
  const [download] = await Promise.all([b.page.waitForEvent('download'), b.page.tap('[data-testid="export"]')]);
  const older = fs.readFileSync(await download.path(), 'utf8');

  // A deletes a response; B hears of it within seconds.
  await a.page.tap('nav a[data-section="surveys"]');
  await a.page.waitForSelector('[data-testid="responses"] .response-row');
  const row = a.page.locator('.response-row').first();
  const id = await row.getAttribute('data-response');
  await row.locator('[data-action="open"]').tap();
  a.page.once('dialog', (d) => d.accept());
  await row.locator('[data-action="delete"]').tap();
  await a.page.waitForSelector('[data-testid="response-deleted"]');
  await b.page.waitForFunction(async (id) => {
    const open = await new Promise((r) => { const o = indexedDB.open('serviceflow'); o.onsuccess = () => r(o.result); });
    const tx = open.transaction('records');
    const got = await new Promise((r) => { const q = tx.objectStore('records').get(`tombstones/responses/${id}`); q.onsuccess = () => r(q.result); });
    open.close();
    return got !== undefined;
  }, id, { timeout: 15_000, polling: 250 });
  const after = await converged(a.page, b.page);
  assert.ok(!after.responses.some((r) => r.id === id), 'deleted on both');

  // B merges the old backup: the response stays deleted, here and everywhere.
  await b.page.setInputFiles('[data-testid="import-file"]', { name: 'old.json', mimeType: 'application/json', buffer: Buffer.from(older) });
  await b.page.waitForSelector('[data-testid="import-preview"]');
  await b.page.tap('[data-testid="import-merge"]');
  await b.page.waitForSelector('[data-testid="import-done"]');
  await synced(b.page);
  const merged = await converged(a.page, b.page);
  assert.ok(!merged.responses.some((r) => r.id === id), 'the old backup did not bring it back');
  assert.deepEqual(a.problems, []);
  assert.deepEqual(b.problems, []);
  await a.context.close();
  await b.context.close();
});

/** Polls `page`'s store until `ok(store)` holds. */
async function until(page, ok, what, timeout = 15_000) {
  return poll(async () => {
    const store = await readStore(page);
    return ok(store) ? store : undefined;
  }, () => assert.fail(`timed out waiting for ${what}`), timeout);
}

test("a kiosk response on one shop's tablet reaches head office within seconds, filed under its shop", async () => {
  const db = await newDatabase(couch);
  const manager = await device();
  await loadDemo(manager.page);
  // Head office (no location of its own) sets up the chain's two shops.
  await manager.page.goto(`${env.server.base}/#/settings`);
  await loaded(manager.page);
  for (const shop of ['North Gate', 'South Lake']) {
    await manager.page.fill('#new-location', shop);
    await manager.page.tap('[data-testid="add-location"]');
    await manager.page.waitForSelector(`li[data-location="${shop}"]`);
  }
  const north = (await readStore(manager.page)).locations.find((l) => l.name === 'North Gate').id;
  await turnOn(manager.page, db);
  const before = new Set((await readStore(manager.page)).responses.map((r) => r.id));

  const tablet = await device();
  await turnOn(tablet.page, db);
  // The shops came with the sync; this tablet stands in one.
  await tablet.page.waitForSelector('#device-location option:has-text("North Gate")', { state: 'attached' });
  await tablet.page.selectOption('#device-location', { label: 'North Gate' });
  await setPin(tablet.page, '2468');
  await tablet.page.tap('nav a[data-section="surveys"]');
  await tablet.page.waitForSelector('[data-page="surveys"] [data-testid="survey-list"]');
  await tablet.page.locator('[data-survey]', { hasText: 'CSAT' }).first().locator('[data-testid="open-kiosk"]').tap();
  await tablet.page.waitForSelector('[data-testid="kiosk-start"]');
  await tablet.page.selectOption('#duty', { index: 1 });
  await tablet.page.tap('[data-testid="kiosk-start"]');
  await tablet.page.waitForSelector('[data-testid="kiosk-question"]');
  await tablet.page.tap('.kiosk-answer[data-score="5"]');
  while (await tablet.page.locator('[data-testid="kiosk-thanks"]').count() === 0) {
    await tablet.page.waitForSelector('[data-testid="kiosk-next"]:not([disabled]), [data-testid="kiosk-thanks"]');
    if (await tablet.page.locator('[data-testid="kiosk-thanks"]').count()) break;
    await tablet.page.tap('[data-testid="kiosk-next"]');
  }
  const answered = Date.now();
  const made = (await readStore(tablet.page)).responses.filter((r) => !before.has(r.id));
  assert.equal(made.length, 1, 'the tablet stored one new response');
  const got = await until(manager.page, (s) => s.responses.some((r) => r.id === made[0].id), "the kiosk's response on the manager's device");
  console.log(`# a kiosk response reached the manager's device in ${Date.now() - answered} ms`);
  assert.deepEqual(got.responses.find((r) => r.id === made[0].id), made[0], 'exactly as the tablet stored it');
  assert.equal(got.responses.length, before.size + 1);
  assert.equal(made[0].location_id, north, 'filed under the tablet\'s shop');
  // Head office sees it under that shop.
  await manager.page.goto(`${env.server.base}/#/dashboard?period=month&location=${north}`);
  await loaded(manager.page);
  await manager.page.waitForFunction(() => document.querySelector('[data-kpi="csat"] [data-testid="kpi-n"]')?.textContent === 'n=1');
  assert.equal(await manager.page.textContent('[data-kpi="csat"] [data-testid="kpi-value"]'), '100%');
  assert.deepEqual(manager.problems, []);
  assert.deepEqual(tablet.problems, []);
  await manager.context.close();
  await tablet.context.close();
});

async function rename(page, name) {
  await page.goto(`${env.server.base}/#/settings`);
  await loaded(page);
  await page.fill('#business-name', name);
  await page.tap('[data-testid="save-business"]');
  await page.waitForSelector('.alert-ok:has-text("Saved")');
}

test('edits made offline on two of three devices converge after reconnecting, and the losing version is listed and can be restored', async () => {
  const db = await newDatabase(couch);
  const a = await device();
  await loadDemo(a.page);
  await turnOn(a.page, db);
  const b = await device();
  await turnOn(b.page, db);
  // A third device, in Chinese, stays online throughout.
  const c = await device('#/data', 'zh-CN');
  await c.page.goto(`${env.server.base}/#/settings`);
  await loaded(c.page);
  await c.page.fill('#sync-url', couch.url);
  await c.page.fill('#sync-db', db);
  await c.page.fill('#sync-user', couch.user);
  await c.page.fill('#sync-password', couch.password);
  await c.page.tap('[data-testid="sync-on"]');
  await c.page.waitForSelector('[data-testid="sync-message"]:has-text("同步已开启")');
  await synced(c.page);
  assert.match(await c.page.textContent('[data-testid="sync-status"]'), /^已同步 · \d{4}年/);
  await converged(a.page, b.page);
  await converged(a.page, c.page);

  await a.context.setOffline(true);
  await b.context.setOffline(true);
  await rename(a.page, 'North shop');
  await a.page.waitForSelector('[data-testid="sync-status"][data-sync="offline"]');
  assert.match(await a.page.textContent('[data-testid="sync-status"]'), /^Offline since .*changes wait on this device/);
  assert.deepEqual(await audit(a.page, 'offline status line'), []);
  // B's edit is the later one, so it is kept.
  await new Promise((r) => setTimeout(r, 20));
  await rename(b.page, 'South shop');
  await b.page.waitForSelector('[data-testid="sync-status"][data-sync="offline"]');
  await a.context.setOffline(false);
  await b.context.setOffline(false);

  const both = await converged(a.page, b.page);
  assert.equal(both.workspace[0].business_name, 'South shop');
  assert.deepEqual(await converged(b.page, c.page), both);
  // Whichever device met the other's change while holding its own lists the conflict.
  const listed = async (p) => {
    await p.goto(`${env.server.base}/#/data`);
    await loaded(p);
    return p.locator('[data-testid="conflict"]').count();
  };
  const end = Date.now() + 15_000;
  let where;
  while (!where) {
    if (await listed(a.page)) where = a.page;
    else if (await listed(b.page)) where = b.page;
    else if (Date.now() > end) assert.fail('no conflict was listed');
  }
  const conflict = where.locator('[data-testid="conflict"]');
  assert.equal(await conflict.count(), 1);
  assert.equal(await conflict.getAttribute('data-collection'), 'workspace');
  assert.deepEqual(await audit(where, 'conflicts list'), []);
  const field = conflict.locator('tr[data-field="business_name"]');
  assert.equal(await field.locator('[data-side="kept"]').textContent(), 'South shop');
  assert.equal(await field.locator('[data-side="lost"]').textContent(), 'North shop');

  // Restoring the other version makes it the newest edit, on every device.
  await conflict.locator('[data-testid="conflict-restore"]').tap();
  await where.waitForSelector('[data-testid="conflict"]', { state: 'detached' });
  const restored = await converged(a.page, b.page);
  assert.equal(restored.workspace[0].business_name, 'North shop');
  assert.deepEqual(await converged(a.page, c.page), restored);
  assert.deepEqual(c.problems, []);
  assert.deepEqual(a.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(p)), []);
  assert.deepEqual(b.problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(p)), []);
  await a.context.close();
  await b.context.close();
  await c.context.close();
});

test('a tab closed in the middle of a pull resumes where it stopped, without gaps or duplicates', async () => {
  const db = await newDatabase(couch);
  const a = await device();
  await loadDemo(a.page);
  await turnOn(a.page, db);
  // The demo is one page; 300 more responses (copies with ids of their own, as another
  // tablet would have written them) make it two.
  const docs = Object.values(await allDocs(couch, db));
  const copies = docs.filter((d) => d.collection === 'responses').slice(0, 300).map((d) => {
    const id = crypto.randomUUID();
    return { _id: `responses/${id}`, collection: 'responses', updated_at: d.updated_at, device: 'tablet-x', record: { ...d.record, id } };
  });
  assert.equal((await admin(couch, 'POST', `/${db}/_bulk_docs`, { docs: copies })).status, 201);
  const expected = canonical(fromServer(await allDocs(couch, db)));
  assert.ok(Object.values(expected).reduce((n, l) => n + l.length, 0) > 1000);

  const c = await device();
  // The first page of changes goes through; the second is held until the tab is closed.
  let pages = 0;
  let heldSince;
  await c.context.route(/\/_changes\?/, async (route) => {
    pages += 1;
    if (pages === 1) return route.continue();
    heldSince = new URL(route.request().url()).searchParams.get('since');
  });
  await fillSync(c.page, { db });
  await c.page.tap('[data-testid="sync-on"]');
  const end = Date.now() + 20_000;
  while (heldSince === undefined) {
    if (Date.now() > end) assert.fail('the second page was never asked for');
    await new Promise((r) => setTimeout(r, 100));
  }
  const half = canonical(await readStore(c.page));
  const halfCount = Object.values(half).reduce((n, l) => n + l.length, 0);
  assert.equal(halfCount, 1000, 'one page of 1,000 documents is stored');
  await c.page.close();
  await c.context.unrouteAll({ behavior: 'ignoreErrors' });

  const again = await c.context.newPage();
  await openApp(again, env.server.base, '#/data');
  await synced(again);
  assert.deepEqual(canonical(await readStore(again)), expected, 'everything, once');
  assert.ok(heldSince !== '0', 'the second page started after the first');
  assert.deepEqual(c.problems.filter((p) => !/_changes/.test(p)), []);
  await a.context.close();
  await c.context.close();
});

test('a wrong password, a missing database, a server that is down and one without CORS each say why; an edit made offline waits and goes out', async () => {
  const db = await newDatabase(couch);
  const { context, page, problems } = await device('#/settings');
  // The form counts its answers, so each test waits for a new one.
  const reach = async (button = 'sync-test') => {
    const n = Number(await page.getAttribute('[data-testid="sync-settings"]', 'data-answers'));
    await page.tap(`[data-testid="${button}"]`);
    await page.waitForSelector(`[data-testid="sync-settings"][data-answers="${n + 1}"]`);
    return page.getAttribute('[data-testid="sync-message"]', 'data-reach');
  };
  await fillSync(page, { db, password: 'wrong' });
  assert.equal(await reach(), 'wrong-credentials');
  assert.match(await page.textContent('[data-testid="sync-message"]'), /Wrong user name or password/);
  // Turning on is refused too, and nothing is stored.
  assert.equal(await reach('sync-on'), 'wrong-credentials');
  assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem('serviceflow.sync') ?? 'null')), null);

  // Plain http to another machine is refused before anything is sent.
  await fillSync(page, { url: 'http://192.0.2.1:5984', db });
  await page.tap('[data-testid="sync-test"]');
  await page.waitForSelector('[data-testid="sync-message"]:has-text("must use https://")');

  const down = `http://127.0.0.1:${await new Promise((r) => { const s = http.createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => r(p)); }); })}`;
  allowOrigin(down);
  await fillSync(page, { url: down, db });
  assert.equal(await reach(), 'unreachable');

  // A server that answers without CORS headers.
  const plain = http.createServer((req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"couchdb":"Welcome"}'); });
  await new Promise((r) => plain.listen(0, '127.0.0.1', r));
  const plainUrl = `http://127.0.0.1:${plain.address().port}`;
  allowOrigin(plainUrl);
  await fillSync(page, { url: plainUrl, db });
  assert.equal(await reach(), 'cors');
  const lines = await page.textContent('[data-testid="sync-cors"]');
  assert.match(lines, /\[chttpd\]\s+enable_cors = true/);
  assert.ok(lines.includes(`origins = ${env.server.base}`), lines);
  assert.deepEqual(await audit(page, 'sync settings with the CORS lines'), []);
  plain.close();

  // No such database: offered, created, then used.
  const fresh = `${db}_new`;
  await fillSync(page, { db: fresh });
  assert.equal(await reach(), 'no-database');
  await page.tap('[data-testid="sync-create"]');
  await page.waitForSelector('[data-testid="sync-message"]:has-text("The database was created")');
  await page.tap('[data-testid="sync-on"]');
  await synced(page);

  // Offline: the edit waits on the device, also through the tab being closed.
  await context.setOffline(true);
  await rename(page, 'Harbour shop');
  await page.waitForSelector('[data-testid="sync-status"][data-sync="offline"]');
  await page.close();
  await context.setOffline(false);
  const again = await context.newPage();
  await openApp(again, env.server.base, '#/');
  await synced(again);
  const docs = await allDocs(couch, fresh);
  const ws = Object.values(docs).find((d) => d.collection === 'workspace');
  assert.equal(ws.record.business_name, 'Harbour shop');

  // An edit made while sync is off goes out when it is turned on again.
  await again.goto(`${env.server.base}/#/settings`);
  await loaded(again);
  await again.tap('[data-testid="sync-off"]');
  await again.waitForSelector('[data-testid="sync-message"]:has-text("Sync is off")');
  await rename(again, 'Quay shop');
  await new Promise((r) => setTimeout(r, 1500));
  const whileOff = Object.values(await allDocs(couch, fresh)).find((d) => d.collection === 'workspace');
  assert.equal(whileOff.record.business_name, 'Harbour shop', 'nothing is sent while off');
  await again.tap('[data-testid="sync-on"]');
  await again.waitForSelector('[data-testid="sync-message"]:has-text("Sync is on")');
  await synced(again);
  const back = Object.values(await allDocs(couch, fresh)).find((d) => d.collection === 'workspace');
  assert.equal(back.record.business_name, 'Quay shop');
  // The browser logs each refused or failed request; those are this test's own doing.
  const expected = /Failed to load resource: (the server responded with a status of (401|404)|net::(ERR_FAILED|ERR_CONNECTION_REFUSED|ERR_INTERNET_DISCONNECTED))|blocked by CORS policy/;
  assert.deepEqual(problems.filter((p) => !expected.test(p)), []);
  await context.close();
});

test('a server at the app\'s own address: the password goes once to _session, the cookie does the rest', async () => {
  if (process.env.COUCHDB_URL) return; // needs the test server in front of it
  const log = proxy('/couchdb/', couch.url);
  const db = await newDatabase(couch);
  const a = await device();
  await loadDemo(a.page);
  await fillSync(a.page, { url: `${env.server.base}/couchdb`, db, password: 'wrong' });
  await a.page.tap('[data-testid="sync-test"]');
  await a.page.waitForSelector('[data-testid="sync-message"]:has-text("user name or password")');
  assert.ok(log.some((r) => r.method === 'POST' && r.path === '/_session'), 'it logged in');
  assert.ok(!log.some((r) => r.authorization), 'no request carried the password in a header');
  log.length = 0;
  await fillSync(a.page, { url: `${env.server.base}/couchdb`, db });
  await a.page.tap('[data-testid="sync-on"]');
  await a.page.waitForSelector('[data-testid="sync-message"]:has-text("Sync is on")');
  await synced(a.page);
  const logins = log.filter((r) => r.path === '/_session');
  assert.equal(logins.length, 1, JSON.stringify(log.slice(0, 5)));
  const after = log.slice(log.indexOf(logins[0]) + 1);
  assert.ok(after.length > 0 && after.every((r) => r.cookie && !r.authorization), 'every later request goes by the cookie alone');
  const mine = canonical(await readStore(a.page));
  assert.deepEqual(canonical(fromServer(await allDocs(couch, db))), mine);

  // After a reload, an edit goes out on the revision stored for it: no conflict to learn it.
  await a.page.reload();
  await loaded(a.page);
  await synced(a.page);
  log.length = 0;
  await a.page.goto(`${env.server.base}/#/settings`);
  await loaded(a.page);
  await a.page.fill('#business-name', 'Cookie Street');
  await a.page.tap('[data-testid="save-business"]');
  await poll(async () => (Object.values(await allDocs(couch, db)).some((d) => d.record?.business_name === 'Cookie Street') ? true : undefined),
    () => assert.fail('the edit did not reach the server'), 15_000);
  assert.ok(log.some((r) => r.path.endsWith('/_bulk_docs')), 'pushed');
  assert.ok(!log.some((r) => r.path.includes('/_all_docs')), 'no conflict, so nothing re-read');
  // The browser logs the refused login; that one is this test's own doing.
  assert.deepEqual(a.problems.filter((p) => !/status of 401/.test(p)), []);
  assert.equal(a.problems.length, 1);
  await a.context.close();
});
