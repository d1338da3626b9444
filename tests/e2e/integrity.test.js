// Data integrity end to end (issue 12): deletions stay deleted through a merge, two tabs
// editing one staff member lose nothing, a file with a byte order mark imports, a refusal
// is worded in the page's language, and a record from a clock in the future is flagged
// before the merge.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serveAndLaunch, openContext, openApp, loaded, readStore } from './harness.js';
import { addQuestion } from './survey_builder.js';

const env = serveAndLaunch();

async function loadDemo(page) {
  await page.tap('nav a[data-section="data"]');
  await page.tap('[data-testid="load-demo"]');
  await page.waitForSelector('[data-testid="demo-loaded"]');
}

async function exportBackup(page) {
  await page.tap('nav a[data-section="data"]');
  const [download] = await Promise.all([page.waitForEvent('download'), page.tap('[data-testid="export"]')]);
  return fs.readFileSync(await download.path(), 'utf8');
}

async function importText(page, text) {
  await page.tap('nav a[data-section="data"]');
  await page.setInputFiles('[data-testid="import-file"]', { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
}

const cell = (page, collection, col) =>
  page.textContent(`[data-testid="import-preview"] tr[data-collection="${collection}"] [data-col="${col}"]`);

test('a deleted response stays deleted when an older backup is merged', async () => {
  const { context, page, problems } = await openContext(env.browser);
  await openApp(page, env.server.base, '#/data');
  await loadDemo(page);
  const older = await exportBackup(page);

  await page.tap('nav a[data-section="surveys"]');
  await page.waitForSelector('[data-testid="responses"] .response-row');
  const row = page.locator('.response-row').first();
  const id = await row.getAttribute('data-response');
  await row.locator('[data-action="open"]').tap();
  page.once('dialog', (d) => d.accept());
  await row.locator('[data-action="delete"]').tap();
  await page.waitForSelector('[data-testid="response-deleted"]');
  const tombstones = (await readStore(page)).tombstones ?? [];
  assert.ok(tombstones.some((t) => t.collection === 'responses' && t.id === id), JSON.stringify(tombstones));

  await importText(page, older);
  await page.waitForSelector('[data-testid="import-preview"]');
  assert.equal(await cell(page, 'responses', 'deleted-here'), '1');
  assert.equal(await cell(page, 'responses', 'new'), '0');
  await page.tap('[data-testid="import-merge"]');
  await page.waitForSelector('[data-testid="import-done"]');
  const gone = async () => !(await readStore(page)).responses.some((r) => r.id === id);
  assert.ok(await gone(), 'the merge did not bring it back');
  await page.reload();
  await loaded(page);
  assert.ok(await gone(), 'nor did a reload');
  // The next export carries the deletion to the other tablets.
  const next = JSON.parse(await exportBackup(page));
  assert.ok(next.data.tombstones.some((t) => t.id === id));
  assert.deepEqual(problems, []);
  await context.close();
});

test('two tabs: a rename in one and "left on" in the other both survive', async () => {
  const { context, page: a, problems } = await openContext(env.browser);
  await openApp(a, env.server.base, '#/staff');
  await a.fill('#staff-name', 'Zhang Wei');
  await a.fill('#staff-joined', '2025-03-01');
  await a.tap('[data-testid="add-staff"] button[type="submit"]');
  await a.waitForSelector('[data-staff]');
  const id = await a.getAttribute('[data-staff]', 'data-staff');
  const person = `#/staff/${id}`;
  const b = await context.newPage();
  await openApp(b, env.server.base, person);
  await openApp(a, env.server.base, person);
  for (const p of [a, b]) await p.tap('[data-testid="person-form"] >> xpath=.. >> summary');

  await a.fill('#person-name', 'Zhang Wei (senior)');
  await a.tap('[data-testid="person-form"] button[type="submit"]');
  await b.waitForFunction(() => document.querySelector('[data-testid="person-name"]')?.textContent === 'Zhang Wei (senior)');
  // Tab B still shows the old name in its form, and sets the day the person left.
  assert.equal(await b.inputValue('#person-name'), 'Zhang Wei');
  await b.fill('#person-left', '2026-11-30');
  await b.tap('[data-testid="person-form"] button[type="submit"]');
  await b.waitForSelector('[data-testid="person-form"] [role="status"]');
  const staff = (await readStore(b)).staff.find((s) => s.id === id);
  assert.equal(staff.name, 'Zhang Wei (senior)');
  assert.equal(staff.left_on, '2026-11-30');
  assert.equal(await b.inputValue('#person-name'), 'Zhang Wei (senior)', 'the form shows what was saved');

  // Both tabs change the name: the second is asked, and keeping theirs loses nothing silently.
  await a.fill('#person-name', 'Zhang W.');
  await a.tap('[data-testid="person-form"] button[type="submit"]');
  await b.waitForFunction(() => document.querySelector('[data-testid="person-name"]')?.textContent === 'Zhang W.');
  await b.fill('#person-name', 'Wei Zhang');
  await b.tap('[data-testid="person-form"] button[type="submit"]');
  await b.waitForSelector('[data-testid="conflict"]');
  await b.tap('[data-testid="conflict-reload"]');
  assert.equal(await b.inputValue('#person-name'), 'Zhang W.');
  assert.equal((await readStore(b)).staff.find((s) => s.id === id).name, 'Zhang W.');
  assert.deepEqual(problems, []);
  await context.close();
});

async function saveSurvey(page) {
  await page.tap('[data-testid="save-survey"]');
  await page.waitForSelector('[data-testid="survey-saved"], [data-testid="survey-issues"], [data-testid="conflict"]');
}

test('two tabs in one survey\'s builder: a question added in one is never dropped by the other', async () => {
  const { context, page: a, problems } = await openContext(env.browser);
  await openApp(a, env.server.base, '#/surveys');
  await a.tap('[data-testid="blank-survey"]');
  await a.waitForSelector('[data-page="survey-builder"]');
  await a.fill('#survey-name-en', 'After dinner');
  await a.fill('#survey-name-zh', '餐后评价');
  await addQuestion(a, 0, 'How was your meal?', '这顿饭怎么样?');
  await saveSurvey(a);
  const id = await a.evaluate(() => location.hash.split('/')[2]);
  const b = await context.newPage();
  await openApp(b, env.server.base, `#/surveys/${id}`);
  await b.waitForSelector('[data-question]');

  // A adds a question and saves; B, still showing one question, edits it and saves.
  await addQuestion(a, 0, 'How was the service?', '服务怎么样?');
  await saveSurvey(a);
  await b.locator('[data-question]').first().locator('[data-field="text-en"]').fill('How was your dinner?');
  await saveSurvey(b);
  // Both changed the questions: B is asked instead of writing a version without A's question.
  await b.waitForSelector('[data-testid="conflict"]');
  const stored = async () => {
    const db = await readStore(b);
    return db.survey_versions.filter((v) => v.survey_id === id).sort((x, y) => y.number - x.number)[0];
  };
  assert.deepEqual((await stored()).questions.map((q) => q.text.en), ['How was your meal?', 'How was the service?']);
  await b.tap('[data-testid="conflict-reload"]');
  assert.equal(await b.locator('[data-question]').count(), 2);
  assert.equal(await b.locator('[data-question]').nth(1).locator('[data-field="text-en"]').inputValue(), 'How was the service?');
  // Now B's edit goes on top of A's question.
  await b.locator('[data-question]').first().locator('[data-field="text-en"]').fill('How was your dinner?');
  await saveSurvey(b);
  await b.waitForSelector('[data-testid="survey-saved"]');
  assert.deepEqual((await stored()).questions.map((q) => q.text.en), ['How was your dinner?', 'How was the service?']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('two tabs on one complaint: a root cause set in one is asked about, not overwritten, in the other', async () => {
  const { context, page: a, problems } = await openContext(env.browser);
  await openApp(a, env.server.base, '#/data');
  await loadDemo(a);
  const db = await readStore(a);
  const item = db.feedback.find((f) => f.kind === 'complaint');
  const b = await context.newPage();
  for (const p of [a, b]) {
    await openApp(p, env.server.base, `#/feedback/${item.id}`);
    await p.waitForSelector('[data-testid="root-cause"]');
  }
  await a.fill('#why-1', 'The kitchen was short of a cook');
  await a.tap('[data-testid="save-causes"]');
  await a.waitForSelector('[data-testid="root-cause"] [role="status"]');
  // B still shows the old first why, and writes another one.
  await b.fill('#why-1', 'Orders came in all at once');
  await b.tap('[data-testid="save-causes"]');
  await b.waitForSelector('[data-testid="conflict"]');
  const why = async () => (await readStore(b)).feedback.find((f) => f.id === item.id).whys[0];
  assert.equal(await why(), 'The kitchen was short of a cook');
  // Keeping mine is a choice, and it keeps the other tab's status history.
  await b.tap('[data-testid="conflict-keep"]');
  await b.waitForSelector('[data-testid="root-cause"] [role="status"]');
  const after = (await readStore(b)).feedback.find((f) => f.id === item.id);
  assert.equal(after.whys[0], 'Orders came in all at once');
  assert.deepEqual(after.history, item.history);
  assert.deepEqual(problems, []);
  await context.close();
});

test('two tabs on the capability model: edits of different fields both survive, the same field is asked about', async () => {
  const { context, page: a, problems } = await openContext(env.browser);
  await openApp(a, env.server.base, '#/staff/capabilities');
  await a.tap('[data-testid="use-default-capabilities"]');
  await a.waitForFunction(() => document.querySelectorAll('form[data-capability]').length === 6);
  const id = await a.locator('form[data-capability]').first().getAttribute('data-capability');
  const b = await context.newPage();
  await openApp(b, env.server.base, '#/staff/capabilities');
  const card = (p) => p.locator(`form[data-capability="${id}"]`);
  await card(b).waitFor();
  const stored = async () => (await readStore(b)).capabilities.find((c) => c.id === id);

  await card(a).locator('[data-field="target"]').selectOption('4.5');
  await card(a).locator('[data-testid="save-capability"]').tap();
  await card(a).locator('.alert-ok').waitFor();
  // B still shows the old target, and writes a description.
  await card(b).locator('[data-field="desc-en"]').fill('Greets every guest first');
  await card(b).locator('[data-field="desc-en"]').press('Tab');
  await card(b).locator('[data-testid="save-capability"]').tap();
  await card(b).locator('.alert-ok').waitFor();
  let c = await stored();
  assert.equal(c.target, 4.5);
  assert.equal(c.description.en, 'Greets every guest first');
  assert.equal(await card(b).locator('[data-field="target"]').inputValue(), '4.5', 'B shows what was saved');

  // Both rename it: the second is asked, and reloading shows the first one's name.
  await card(a).locator('[data-field="name-en"]').fill('Initiative');
  await card(a).locator('[data-field="name-en"]').press('Tab');
  await card(a).locator('[data-testid="save-capability"]').tap();
  await card(a).locator('.alert-ok').waitFor();
  // The page shows no stored name beside the form: give the other tab's broadcast a moment.
  await b.waitForTimeout(500);
  await card(b).locator('[data-field="name-en"]').fill('Proactive service');
  await card(b).locator('[data-field="name-en"]').press('Tab');
  await card(b).locator('[data-testid="save-capability"]').tap();
  await card(b).locator('[data-testid="conflict"]').waitFor();
  assert.equal((await stored()).name.en, 'Initiative');
  await card(b).locator('[data-testid="conflict-reload"]').tap();
  assert.equal(await card(b).locator('[data-field="name-en"]').inputValue(), 'Initiative');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a backup that starts with a byte order mark imports', async () => {
  const { context, page, problems } = await openContext(env.browser, { locale: 'zh-CN' });
  await openApp(page, env.server.base, '#/data');
  await loadDemo(page);
  const text = await exportBackup(page);
  const fresh = await openContext(env.browser, { locale: 'zh-CN' });
  await openApp(fresh.page, env.server.base, '#/data');
  await importText(fresh.page, `\ufeff${text}`);
  await fresh.page.waitForSelector('[data-testid="import-preview"]');
  assert.equal(await fresh.page.locator('[data-testid="import-refused"]').count(), 0);
  assert.ok(Number(await cell(fresh.page, 'responses', 'new')) > 0);
  assert.deepEqual([...problems, ...fresh.problems], []);
  await fresh.context.close();
  await context.close();
});

test('a refusal in the Chinese UI gives its reasons in Chinese', async () => {
  const { context, page, problems } = await openContext(env.browser, { locale: 'zh-CN' });
  await openApp(page, env.server.base, '#/data');
  await loadDemo(page);
  const file = JSON.parse(await exportBackup(page));
  file.data.staff[0].name = 42;
  file.data.evaluations[0].scores[Object.keys(file.data.evaluations[0].scores)[0]] = 99;
  await importText(page, JSON.stringify(file));
  await page.waitForSelector('[data-testid="import-refused"]');
  const message = await page.textContent('[data-testid="import-refused"]');
  assert.match(message, /data\.staff\[0\]\.name/);
  assert.match(message, /值的类型不对/);
  assert.doesNotMatch(message, /invalid type|expected/);
  // The semantic checks run once the file reads: the score off its scale on its own.
  file.data.staff[0].name = '王芳';
  await importText(page, JSON.stringify(file));
  await page.waitForFunction(() => /分数超出量表范围/.test(document.querySelector('[data-testid="import-refused"]')?.textContent));
  assert.match(await page.textContent('[data-testid="import-refused"]'), /99 不在 1–5 之间/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a record dated after the export is flagged in the preview', async () => {
  const { context, page, problems } = await openContext(env.browser);
  await openApp(page, env.server.base, '#/data');
  await loadDemo(page);
  const file = JSON.parse(await exportBackup(page));
  file.data.staff[0].updated_at = '2099-01-01T00:00:00Z';
  file.data.staff[0].name = 'From the future';
  await importText(page, JSON.stringify(file));
  await page.waitForSelector('[data-testid="import-flags"]');
  const flag = page.locator('[data-testid="import-flags"] li[data-flag="AfterExport"]');
  assert.equal(await flag.count(), 1);
  assert.match(await flag.textContent(), /data\.staff\[0\]/);
  assert.match(await flag.textContent(), /after the file was exported/);
  assert.deepEqual(problems, []);
  await context.close();
});
