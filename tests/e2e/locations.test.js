// Locations (门店) for chains, against the release build with real IndexedDB: set up in
// Settings, stamped by the kiosk on what the device records, a second tablet's file merged in,
// then filtered and compared on the dashboard, in the report and in the exports. Every expected
// figure is worked out here from the stored records.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { serveAndLaunch, loaded, readStore, screenshot, addressMatches } from './harness.js';
import { kioskSetUp, exitKiosk } from './kiosk_setup.js';
import { audit } from './axe.js';

const env = serveAndLaunch();

async function settings(page) {
  await page.goto(`${env.server.base}/#/settings`);
  await loaded(page);
  await page.waitForSelector('[data-testid="locations"]');
}

async function addLocation(page, name) {
  await page.fill('#new-location', name);
  await page.tap('[data-testid="add-location"]');
}

/** One kiosk customer: a star score, then the text question (and the follow-up when low). */
async function answer(page, score) {
  await page.waitForFunction(() => document.querySelector('.kiosk-progress')?.textContent.startsWith('1'), null, { timeout: 8000 });
  await page.tap(`.kiosk-answer[data-score="${score}"]`);
  if (score <= 2) {
    await page.fill('#follow-up', `slow at ${score}`);
    await page.tap('[data-testid="kiosk-next"]');
  }
  await page.waitForSelector('#kiosk-text');
  await page.tap('[data-testid="kiosk-next"]');
  await page.waitForSelector('[data-testid="kiosk-thanks"]');
}

async function shift(page, surveyId, scores) {
  await page.goto(`${env.server.base}/#/kiosk/${surveyId}`);
  await page.waitForSelector('[data-testid="kiosk-start"]');
  await page.selectOption('#duty', { index: 1 });
  await page.tap('[data-testid="kiosk-start"]');
  for (const s of scores) await answer(page, s);
  await exitKiosk(page);
}

/** CSAT % of the located responses per location id: star answers 4–5 ÷ star answers. */
function csatByLocation(db) {
  const stars = new Set();
  for (const v of db.survey_versions) for (const q of v.questions) if (q.kind === 'stars') stars.add(`${v.id}/${q.id}`);
  const out = {};
  for (const r of db.responses) {
    if (!r.location_id) continue;
    const o = (out[r.location_id] ??= { n: 0, happy: 0, responses: 0 });
    o.responses += 1;
    for (const [q, a] of Object.entries(r.answers)) {
      if (!stars.has(`${r.survey_version_id}/${q}`) || a.kind !== 'score') continue;
      o.n += 1;
      if (a.value >= 4) o.happy += 1;
    }
  }
  for (const o of Object.values(out)) o.value = o.n ? (100 * o.happy) / o.n : null;
  return out;
}

async function download(page, testid) {
  // The charts above render only once scrolled to (content-visibility: auto) and then take
  // their real height: scroll there, let them settle, then tap where the button now is.
  const button = page.locator(`[data-testid="${testid}"]`);
  await button.scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await button.scrollIntoViewIfNeeded();
  const [file] = await Promise.all([page.waitForEvent('download'), button.tap()]);
  return fs.readFileSync(await file.path(), 'utf8').replace(/^\uFEFF/, '');
}

test('locations: set in Settings, stamped by the kiosk, merged, filtered and compared on the dashboard, the report and the exports', async () => {
  const started = Date.now();
  const { context, page, surveyId, problems } = await kioskSetUp(env, { start: false });
  await settings(page);
  await addLocation(page, 'North Gate');
  await page.waitForSelector('li[data-location="North Gate"]');
  await addLocation(page, 'South Lake');
  await page.waitForSelector('li[data-location="South Lake"]');
  // The same name again, in other case and spacing: refused with a message, nothing stored.
  await addLocation(page, '  north gate ');
  await page.waitForFunction(() => /already a location/.test(document.querySelector('[data-testid="locations-message"]')?.textContent));
  await addLocation(page, '   ');
  await page.waitForFunction(() => /Enter the location/.test(document.querySelector('[data-testid="locations-message"]')?.textContent));
  let db = await readStore(page);
  assert.deepEqual(db.locations.map((l) => l.name).sort(), ['North Gate', 'South Lake']);
  const id = Object.fromEntries(db.locations.map((l) => [l.name, l.id]));
  assert.deepEqual(await audit(page, 'settings with locations'), []);
  await screenshot(page, 'settings-locations-en');

  // This tablet stands at North Gate for one shift, then at South Lake.
  await page.selectOption('#device-location', { label: 'North Gate' });
  await shift(page, surveyId, [5, 1]);
  await settings(page);
  assert.equal(await page.$eval('#device-location', (s) => s.value), id['North Gate'], 'the setting is kept');
  await page.selectOption('#device-location', { label: 'South Lake' });
  await shift(page, surveyId, [4]);
  db = await readStore(page);
  const mine = db.responses.filter((r) => Date.parse(r.submitted_at) >= started);
  assert.deepEqual(mine.map((r) => r.location_id).sort(), [id['North Gate'], id['North Gate'], id['South Lake']].sort());
  const complaint = db.feedback.find((f) => f.text === 'slow at 1');
  assert.equal(complaint.location_id, id['North Gate'], 'the recovery item is filed where the customer was');
  assert.ok(db.responses.filter((r) => Date.parse(r.submitted_at) < started).every((r) => !('location_id' in r)), 'older records name no location');

  // A second tablet's file: 40 customers at each shop, North happier than South.
  const model = mine[0];
  const starQ = Object.keys(model.answers).find((q) => model.answers[q].kind === 'score');
  const at = Date.parse(model.submitted_at);
  const extra = [];
  for (const [shop, happy] of [['North Gate', 36], ['South Lake', 20]]) {
    for (let i = 0; i < 40; i += 1) {
      const t = new Date(at + extra.length * 1000).toISOString();
      extra.push({
        ...model, id: crypto.randomUUID(), created_at: t, updated_at: t, submitted_at: t, device_id: 'tablet-2',
        answers: { [starQ]: { kind: 'score', value: i < happy ? 5 : 2 } }, follow_ups: {}, location_id: id[shop],
      });
    }
  }
  const file = { format: 'serviceflow', schema_version: 5, app_version: 'test', exported_at: new Date(at).toISOString(), device_id: 'tablet-2', data: { responses: extra } };
  await page.goto(`${env.server.base}/#/data`);
  await loaded(page);
  await page.setInputFiles('[data-testid="import-file"]', { name: 'tablet-2.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await page.waitForSelector('[data-testid="import-preview"]');
  await page.tap('[data-testid="import-merge"]');
  await page.waitForSelector('[data-testid="import-done"]');

  db = await readStore(page);
  const located = db.responses.filter((r) => r.location_id);
  assert.ok(located.every((r) => Date.parse(r.submitted_at) >= started && Date.parse(r.submitted_at) < Date.now() + 600e3), 'all in this period');
  const expected = csatByLocation(db);
  const north = expected[id['North Gate']];
  const south = expected[id['South Lake']];
  assert.equal(north.n, 42);
  assert.ok(north.value > south.value);

  // The dashboard compares them, best and worst marked in words.
  await page.goto(`${env.server.base}/#/dashboard?period=month`);
  await loaded(page);
  await page.waitForSelector('[data-testid="location-compare"]');
  const cell = (kpi, shop) => page.locator(`[data-testid="location-compare"] tr[data-kpi="${kpi}"] td[data-location="${shop}"]`);
  assert.equal(await cell('csat', 'North Gate').locator('[data-testid="compare-value"]').textContent(), `${Math.round(north.value)}%`);
  assert.equal(await cell('csat', 'South Lake').locator('[data-testid="compare-value"]').textContent(), `${Math.round(south.value)}%`);
  assert.equal(await cell('csat', 'North Gate').getAttribute('data-mark'), 'best');
  assert.equal(await cell('csat', 'South Lake').getAttribute('data-mark'), 'worst');
  assert.match(await cell('csat', 'South Lake').textContent(), /worst/);
  assert.deepEqual(await audit(page, 'dashboard with locations'), []);
  await screenshot(page, 'dashboard-locations-en');

  // The location filter narrows the tiles, and the address keeps it.
  await page.selectOption('#dash-location', { label: 'South Lake' });
  await addressMatches(page, new RegExp(`location=${id['South Lake']}`));
  const csatTile = page.locator('[data-kpi="csat"]');
  await page.waitForFunction((n) => document.querySelector('[data-kpi="csat"] [data-testid="kpi-n"]')?.textContent === `n=${n}`, south.n);
  assert.equal(await csatTile.locator('[data-testid="kpi-value"]').textContent(), `${Math.round(south.value)}%`);

  // Exports: the responses of the filtered location only, each naming it; the comparison as a table.
  await page.selectOption('#export-what', { label: 'Responses' });
  const rows = parse(await download(page, 'export-csv'), { columns: true });
  assert.equal(rows.length, south.responses);
  assert.ok(rows.every((r) => r.Location === 'South Lake'));
  await page.check('#export-codes');
  await page.selectOption('#export-what', { label: 'Locations compared' });
  const table = parse(await download(page, 'export-csv'), { columns: true });
  const csatRow = table.find((r) => r.kpi === 'csat');
  assert.ok(Math.abs(Number(csatRow['North Gate']) - north.value) < 1e-9, JSON.stringify(csatRow));
  assert.equal(Number(csatRow['North Gate (n)']), north.n);
  assert.ok(Math.abs(Number(csatRow['South Lake']) - south.value) < 1e-9);
  assert.equal(csatRow.best, 'North Gate');
  assert.equal(csatRow.worst, 'South Lake');

  // The report prints the same comparison.
  await page.goto(`${env.server.base}/#/reports?period=month`);
  await loaded(page);
  await page.waitForSelector('[data-testid="report-locations"]');
  const report = await page.textContent('[data-testid="report-locations"]');
  assert.match(report, /North Gate/);
  assert.match(report, new RegExp(`${Math.round(north.value)}`));

  // A location with records can be renamed, not deleted; an unused one can be deleted.
  await settings(page);
  assert.equal(await page.locator('li[data-location="North Gate"] [data-testid="delete-location"]').isDisabled(), true);
  await page.fill(`#location-${id['North Gate']}`, 'North Gate Mall');
  await page.tap('li[data-location="North Gate"] [data-testid="rename-location"]');
  await page.waitForSelector('li[data-location="North Gate Mall"]');
  await addLocation(page, 'Pop-up');
  await page.waitForSelector('li[data-location="Pop-up"]');
  await page.tap('li[data-location="Pop-up"] [data-testid="delete-location"]');
  await page.waitForFunction(() => !document.querySelector('li[data-location="Pop-up"]'));
  db = await readStore(page);
  assert.deepEqual(db.locations.map((l) => l.name).sort(), ['North Gate Mall', 'South Lake']);
  assert.ok(db.tombstones.some((t) => t.collection === 'locations'), 'the deletion travels as a tombstone');
  assert.deepEqual(problems, []);
  await context.close();
});
