// The data core end to end: real IndexedDB in real Chromium, no mocked storage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { serveAndLaunch, openContext, openApp, loaded } from './harness.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const schema = JSON.parse(fs.readFileSync(path.resolve(here, '../../docs/backup.schema.json'), 'utf8'));

const env = serveAndLaunch();

async function counts(page) {
  await loaded(page);
  await page.waitForSelector('[data-testid="record-counts"]');
  return page.$$eval('[data-testid="record-counts"] tr', (rows) =>
    Object.fromEntries(rows.map((r) => [r.dataset.collection, Number(r.querySelector('td').textContent.replace(/,/g, ''))])));
}

async function setBusinessName(page, name) {
  await page.tap('nav a[data-section="settings"]');
  await page.fill('#business-name', name);
  await page.tap('[data-testid="save-business"]');
  await page.waitForFunction((n) => document.querySelector('[data-testid="business-name"]')?.textContent === n, name);
}

async function loadDemo(page) {
  await page.tap('nav a[data-section="data"]');
  await page.tap('[data-testid="load-demo"]');
  await page.waitForSelector('[data-testid="demo-loaded"]');
}

async function exportBackup(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.tap('[data-testid="export"]')]);
  const text = fs.readFileSync(await download.path(), 'utf8');
  return { name: download.suggestedFilename(), text, json: JSON.parse(text) };
}

async function importFile(page, name, text) {
  await page.setInputFiles('[data-testid="import-file"]', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

async function clearSiteData(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin: env.server.base, storageTypes: 'all' });
  await page.reload();
  await page.waitForSelector('[data-page]');
}

test('create data, export, clear site data, import: everything is back', async () => {
  const { context, page, problems } = await openContext(env.browser, { locale: 'zh-CN' });
  await openApp(page, env.server.base, '#/data');
  await setBusinessName(page, '老街 面馆');
  await loadDemo(page);
  const before = await counts(page);
  assert.ok(before.responses >= 500, JSON.stringify(before));
  // The Data page says how much is used and available, and whether persistence was granted.
  await page.waitForFunction(() => /MB/.test(document.querySelector('[data-testid="storage-used"]').textContent));
  assert.match(await page.textContent('[data-testid="storage-quota"]'), /MB/);
  assert.match(await page.textContent('[data-testid="storage-persisted"]'), /已授予|未授予/);
  assert.ok(before.process_versions > 0 && before.staff > 0 && before.feedback > 0 && before.evaluations > 0);

  const backup = await exportBackup(page);
  assert.match(backup.name, /^serviceflow-老街-面馆-\d{4}-\d{2}-\d{2}\.json$/);
  assert.equal(backup.json.format, 'serviceflow');
  assert.equal(backup.json.data.responses.length, before.responses);
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
  assert.ok(validate(backup.json), JSON.stringify(validate.errors?.slice(0, 5)));

  await clearSiteData(page);
  await page.tap('nav a[data-section="data"]');
  const empty = await counts(page);
  assert.equal(empty.responses, 0);

  assert.ok(Object.values(empty).every((n) => n === 0), JSON.stringify(empty));
  await importFile(page, backup.name, backup.text);
  await page.waitForSelector('[data-testid="import-preview"]');
  assert.equal(await page.textContent('[data-testid="import-preview"] tr[data-collection="responses"] [data-col="new"]'), String(before.responses));
  await page.tap('[data-testid="import-merge"]');
  await page.waitForSelector('[data-testid="import-done"]');
  // On an empty device every record of the file is added and none updated.
  const inFile = Object.values(backup.json.data).reduce((n, records) => n + records.length, 0);
  const done = (await page.textContent('[data-testid="import-done"]')).replace(/,/g, '');
  assert.ok(done.includes(`新增 ${inFile} 条记录`) && done.includes('更新 0 条'), done);
  assert.deepEqual(await counts(page), before);
  assert.equal(await page.textContent('[data-testid="business-name"]'), '老街 面馆');

  // It survives a reload: it was stored, not just shown.
  await page.reload();
  await page.waitForSelector('[data-page="data"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="business-name"]')?.textContent === '老街 面馆');
  assert.deepEqual(await counts(page), before);

  // Importing the same file again finds everything identical and changes nothing.
  await importFile(page, backup.name, backup.text);
  await page.waitForSelector('[data-testid="import-preview"]');
  assert.equal(await page.textContent('tr[data-collection="responses"] [data-col="new"]'), '0');
  assert.equal(await page.textContent('tr[data-collection="responses"] [data-col="identical"]'), String(before.responses));
  assert.deepEqual(problems, []);
  await context.close();
});

test('files with errors are refused with their paths and nothing changes', async () => {
  const { context, page } = await openContext(env.browser, { locale: 'en-US' });
  await openApp(page, env.server.base, '#/data');
  await setBusinessName(page, 'Harbour Hotel');
  await loadDemo(page);
  const before = await counts(page);
  const good = (await exportBackup(page)).json;

  const cases = [
    ['cut off', '{"format": "serviceflow", "schema_ver', /incomplete \(truncated\)/],
    ['empty', '', /the file is empty/],
    ['blank', '  \n', /the file is empty/],
    ['not json', '{"format": serviceflow}', /not a JSON file \(line 1, column 12\)/],
    ['other format', JSON.stringify({ ...good, format: 'something-else' }), /not a Serviceflow backup/],
    ['newer schema', JSON.stringify({ ...good, schema_version: 999 }), /newer version/],
    ['wrong type', JSON.stringify({ ...good, data: { ...good.data, staff: [{ ...good.data.staff[0], name: 42 }] } }), /at data\.staff\[0\]\.name/],
    ['duplicate id', JSON.stringify({ ...good, data: { ...good.data, roles: [good.data.roles[0], good.data.roles[0]] } }), /duplicate/],
    ['dangling ref', JSON.stringify({
      ...good,
      data: { responses: [{ ...good.data.responses[0], id: '6f1c7c1e-0000-4000-8000-000000000001', survey_version_id: '6f1c7c1e-0000-4000-8000-0000000000ff' }] },
    }), /does not exist/],
  ];
  for (const [name, text, pattern] of cases) {
    await importFile(page, `${name}.json`, text);
    await page.waitForSelector('[data-testid="import-refused"]');
    const message = await page.textContent('[data-testid="import-refused"]');
    assert.match(message, pattern, `${name}: ${message}`);
    // Plain words: no JSON-path root ("$:") and no "(line:column)" parser shorthand.
    assert.doesNotMatch(message, /\$|\(\d+:\d+\)/, `${name}: ${message}`);
    if (name === 'empty') assert.doesNotMatch(message, /truncated/);
    assert.equal(await page.locator('[data-testid="import-preview"]').count(), 0);
  }
  assert.deepEqual(await counts(page), before);
  await page.reload();
  await page.waitForSelector('[data-page="data"]');
  assert.deepEqual(await counts(page), before);
  await context.close();
});

test('a backup dropped on the drop zone is previewed like a picked one', async () => {
  const { context, page } = await openContext(env.browser);
  await openApp(page, env.server.base, '#/settings');
  await setBusinessName(page, 'Drop Test Garage');
  await page.tap('nav a[data-section="data"]');
  const { text } = await exportBackup(page);
  const incoming = JSON.parse(text);
  incoming.data.workspace[0].business_name = 'Dropped Garage';
  incoming.data.workspace[0].updated_at = '2099-01-01T00:00:00Z';
  await page.evaluate((json) => {
    const dt = new DataTransfer();
    dt.items.add(new File([json], 'dropped.json', { type: 'application/json' }));
    const zone = document.querySelector('[data-testid="drop-zone"]');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, JSON.stringify(incoming));
  await page.waitForSelector('[data-testid="import-preview"]');
  assert.equal(await page.textContent('tr[data-collection="workspace"] [data-col="incoming-newer"]'), '1');
  await page.tap('[data-testid="import-merge"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="business-name"]')?.textContent === 'Dropped Garage');
  await context.close();
});

test('two tabs see each other\'s edits without a reload', async () => {
  const { context, page: a } = await openContext(env.browser);
  await openApp(a, env.server.base, '#/settings');
  const b = await context.newPage();
  await openApp(b, env.server.base, '#/dashboard');
  await setBusinessName(a, 'Tab A Salon');
  await b.waitForFunction(() => document.querySelector('[data-testid="business-name"]')?.textContent === 'Tab A Salon');
  await b.tap('nav a[data-section="settings"]');
  await setBusinessName(b, 'Tab B Salon');
  await a.waitForFunction(() => document.querySelector('[data-testid="business-name"]')?.textContent === 'Tab B Salon');
  await context.close();
});

// A tab hears the others' saves and writes back only what it holds newer. Its own saves
// must not come back to it, and a record must read back from the message exactly as it was
// (an f64 one bit off looked newer): either way two copies wrote each other back for ever.
test('a save is written once: with two tabs open, nothing writes it back afterwards', async () => {
  const { context, page: a } = await openContext(env.browser);
  await context.addInitScript(() => {
    window.__puts = 0;
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) { window.__puts += 1; return put.apply(this, args); };
  });
  await openApp(a, env.server.base, '#/data');
  const b = await context.newPage();
  await openApp(b, env.server.base, '#/surveys');
  await loadDemo(a);
  await b.waitForSelector('[data-testid="responses"] .response-row');
  const puts = () => Promise.all([a, b].map((p) => p.evaluate(() => window.__puts)));
  const settled = await puts();
  assert.ok(settled[0] > 0, 'the demo was written by tab A');
  await a.waitForTimeout(1500);
  assert.deepEqual(await puts(), settled, 'no write after the save');
  await context.close();
});

test('a write that fails for lack of space is shown and loses nothing stored', async () => {
  const { context, page } = await openContext(env.browser, { locale: 'zh-CN' });
  await openApp(page, env.server.base, '#/settings');
  await page.evaluate(() => navigator.serviceWorker.ready);
  // A real QuotaExceededError: Chromium is told this origin may keep only a little more than
  // it holds now — room for a name, not for three months of demo data. (Chromium applies an
  // override reliably only before the origin's first IndexedDB write, hence this order.)
  const cdp = await context.newCDPSession(page);
  const { usage } = await cdp.send('Storage.getUsageAndQuota', { origin: env.server.base });
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: env.server.base, quotaSize: usage + 200_000 });
  await setBusinessName(page, '街角咖啡');
  await page.tap('nav a[data-section="data"]');
  await page.tap('[data-testid="load-demo"]');
  await page.waitForSelector('[data-testid="save-error"]');
  const alert = await page.textContent('[data-testid="save-error"]');
  assert.match(alert, /保存失败/);
  assert.match(alert, /存储空间已满/);
  assert.equal(await page.locator('[data-testid="demo-loaded"]').count(), 0);
  // What is shown equals what is stored: no demo records appear, the earlier name stays.
  assert.equal((await counts(page)).responses, 0);
  assert.equal(await page.textContent('[data-testid="business-name"]'), '街角咖啡');
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: env.server.base });
  await page.reload();
  await page.waitForSelector('[data-page="data"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="business-name"]')?.textContent === '街角咖啡');
  assert.equal((await counts(page)).responses, 0);
  // With room again, the same action succeeds: the failure was the quota, nothing else.
  await page.tap('[data-testid="load-demo"]');
  await page.waitForSelector('[data-testid="demo-loaded"]');
  assert.equal((await counts(page)).responses, 600);
  await context.close();
});

test('replace keeps a snapshot that can be restored', async () => {
  const { context, page } = await openContext(env.browser);
  await openApp(page, env.server.base, '#/settings');
  await setBusinessName(page, 'Original Clinic');
  await page.tap('nav a[data-section="data"]');
  const original = await exportBackup(page);
  await setBusinessName(page, 'Renamed Clinic');
  await page.tap('nav a[data-section="data"]');
  const other = { ...original.json, data: { ...original.json.data, workspace: [{ ...original.json.data.workspace[0], business_name: 'Replaced Clinic' }] } };
  await importFile(page, 'other.json', JSON.stringify(other));
  await page.waitForSelector('[data-testid="import-preview"]');
  // Replacing asks first, in the page; keeping the data has the focus, and Escape keeps it.
  await page.tap('[data-testid="import-replace"]');
  await page.waitForSelector('[role="alertdialog"][data-testid="confirm-replace"]');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'confirm-replace-no');
  assert.match(await page.textContent('[data-testid="confirm-replace"]'), /Replace all data with the file\?/);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('[data-testid="confirm-replace"]').count(), 0);
  await page.tap('[data-testid="import-replace"]');
  await page.tap('[data-testid="confirm-replace-no"]');
  assert.equal(await page.locator('[data-testid="import-done"]').count(), 0);
  assert.equal(await page.textContent('[data-testid="business-name"]'), 'Renamed Clinic');
  await page.tap('[data-testid="import-replace"]');
  await page.tap('[data-testid="confirm-replace-yes"]');
  await page.waitForSelector('[data-testid="import-done"]');
  const inFile = Object.values(other.data).reduce((n, records) => n + records.length, 0);
  assert.match(await page.textContent('[data-testid="import-done"]'), new RegExp(`replaced by the file's ${inFile} records`));
  await page.waitForFunction(() => document.querySelector('[data-testid="business-name"]')?.textContent === 'Replaced Clinic');
  await page.waitForSelector('[data-testid="snapshot-restore"]');
  await page.tap('[data-testid="snapshot-restore"] >> nth=0');
  await page.waitForFunction(() => document.querySelector('[data-testid="business-name"]')?.textContent === 'Renamed Clinic');
  await context.close();
});

test('the backup reminder waits until there is something to back up', async () => {
  const { context, page, problems } = await openContext(env.browser);
  await openApp(page, env.server.base, '#/data');
  assert.equal(await page.locator('[data-testid="backup-reminder"]').count(), 0, 'an empty install has nothing to back up');
  await setBusinessName(page, 'New Shop');
  await page.tap('nav a[data-section="data"]');
  await page.waitForSelector('[data-page="data"]');
  assert.equal(await page.locator('[data-testid="backup-reminder"]').count(), 0, 'settings alone are nothing to lose');
  await page.tap('[data-testid="load-demo"]');
  await page.waitForSelector('[data-testid="demo-loaded"]');
  await page.waitForSelector('[data-testid="backup-reminder"]');
  await exportBackup(page);
  assert.equal(await page.locator('[data-testid="backup-reminder"]').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('text fields are data, never markup', async () => {
  const { context, page } = await openContext(env.browser);
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
  await openApp(page, env.server.base, '#/settings');
  const evil = '<img src=x onerror=alert(1)>';
  await setBusinessName(page, evil);
  await page.reload();
  await page.waitForFunction((n) => document.querySelector('[data-testid="business-name"]')?.textContent === n, evil);
  assert.equal(await page.locator('header img').count(), 0);
  assert.equal(dialogs, 0);
  await context.close();
});

test('a big import is checked in slices: progress is shown and the page keeps drawing', async () => {
  const { context, page, problems } = await openContext(env.browser, { locale: 'en-US' });
  await openApp(page, env.server.base, '#/data');
  await loadDemo(page);
  const { json } = await exportBackup(page);
  await clearSiteData(page);
  // The demo's responses and 29 copies of each under new ids: ~18,000 records.
  const copies = [...json.data.responses];
  for (let i = 1; i < 30; i += 1) {
    for (const r of json.data.responses) copies.push({ ...r, id: crypto.randomUUID() });
  }
  json.data.responses = copies;
  const total = Object.values(json.data).filter(Array.isArray).reduce((n, a) => n + a.length, 0) - (json.data.tombstones?.length ?? 0);
  await page.evaluate(() => {
    window.frames_ = 0;
    const tick = () => { window.frames_ += 1; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  await page.tap('nav a[data-section="data"]');
  await importFile(page, 'big.json', JSON.stringify(json));
  // Seen part-way: a count below the total, with the bar.
  const first = await page.waitForFunction(() => {
    const bar = document.querySelector('[data-testid="import-progress"] progress');
    return bar && bar.value > 0 && bar.value < bar.max && { value: bar.value, max: bar.max, frames: window.frames_ };
  }, null, { polling: 'raf' });
  const seen = await first.jsonValue();
  assert.equal(seen.max, total);
  assert.match(await page.textContent('[data-testid="import-progress"]'), new RegExp(`Checking records: [\\d,]+ of ${total.toLocaleString('en-US')}`));
  await page.waitForSelector('[data-testid="import-preview"], [data-testid="import-refused"]', { timeout: 120_000 });
  assert.equal(await page.locator('[data-testid="import-refused"]').count(), 0, await page.textContent('main'));
  const frames = await page.evaluate(() => window.frames_);
  // The page drew frames while the records were read, so it was never frozen throughout.
  assert.ok(frames - seen.frames >= 3, `${frames - seen.frames} frames while checking`);
  await page.tap('[data-testid="import-merge"]');
  await page.waitForSelector('[data-testid="import-done"]', { timeout: 120_000 });
  assert.equal((await counts(page)).responses, copies.length);
  assert.deepEqual(problems, []);
  await context.close();
});
