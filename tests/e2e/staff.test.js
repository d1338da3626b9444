// Staff capability at tablet size, by touch, with real IndexedDB: capabilities, staff,
// evaluations in two periods, the radar with the previous period, a training and its effect.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serveAndLaunch, openContext, openApp, loaded, screenshot } from './harness.js';

const env = serveAndLaunch();
const XSS = '<script>alert(1)</script>';

async function addStaff(page, name, role) {
  const before = await page.locator('[data-staff]').count();
  await page.fill('#staff-name', name);
  if (role) await page.fill('#staff-new-role', role);
  await page.fill('#staff-joined', '2025-03-01');
  await page.tap('[data-testid="add-staff"] button[type="submit"]');
  await page.waitForFunction((n) => document.querySelectorAll('[data-staff]').length === n + 1, before);
}

/** Scores every capability with `score` (by tapping its 1–5 button) for `month`, and saves. */
async function evaluate(page, month, score, note = '') {
  await page.fill('#person-period', month);
  await page.waitForFunction((m) => document.querySelector('[data-testid="evaluate"] h2').textContent.includes(m), month);
  const scales = page.locator('[data-testid="evaluate"] [data-capability]');
  const n = await scales.count();
  for (let i = 0; i < n; i++) await scales.nth(i).locator('.score-option').nth(score - 1).tap();
  if (note) await page.fill('#eval-note', note);
  await page.tap('[data-testid="save-evaluation"]');
  await page.waitForSelector('[data-testid="evaluation-saved"]');
}

const column = (page, id) => page.$$eval(`[data-testid="person-scores"] [data-testid="${id}"]`, (tds) => tds.map((t) => t.textContent));

test('staff, two evaluated periods, radar over the previous one, a training and its effect', async () => {
  const { context, page, problems } = await openContext(env.browser);
  await openApp(page, env.server.base, '#/staff');
  await page.tap('[data-testid="use-default-capabilities"]');
  await page.waitForSelector('[data-testid="team-radar"]');
  await addStaff(page, 'Li Na', 'Waiter');
  await addStaff(page, XSS);
  assert.match(await page.textContent('[data-testid="staff-list"]'), /Li Na.*Waiter/s);

  await page.tap('[data-staff] a:has-text("Li Na")');
  await page.waitForSelector('[data-page="staff-person"]');
  assert.equal(await page.locator('[data-testid="evaluate"] [data-capability]').count(), 6);
  await evaluate(page, '2026-10', 3);
  await evaluate(page, '2026-11', 4, 'Calm with a difficult table');

  // The table: this period's 4s beside last period's 3s; customers hidden (no answers yet).
  assert.deepEqual(await column(page, 'score-manager'), Array(6).fill('4.0'));
  assert.deepEqual(await column(page, 'score-previous'), Array(6).fill('3.0'));
  assert.ok((await column(page, 'score-customers')).every((t) => /too few answers \(n=0\)/.test(t)));
  // The radar: six axes, the person, the previous period and the target in the legend.
  const svg = await page.innerHTML('[data-testid="person-radar"] [data-testid="radar"]');
  for (const text of ['awareness', 'Communication', 'Li Na', 'Previous period 2026-10', 'Target']) {
    assert.ok(svg.includes(text), `radar shows ${text}`);
  }
  await screenshot(page, 'staff-person-portrait-en');

  const [download] = await Promise.all([page.waitForEvent('download'), page.tap('[data-testid="download-radar"]')]);
  assert.match(download.suggestedFilename(), /^serviceflow-.*-radar-Li-Na-2026-11\.svg$/, 'named after the person and the period');
  const file = fs.readFileSync(await download.path(), 'utf8');
  assert.match(file, /^<svg[^>]*role="img"/);
  assert.match(file, /<title>Li Na · 2026-11<\/title>/);

  // History keeps both periods; the note is shown.
  assert.equal(await page.locator('[data-testid="history"] [data-evaluation]').count(), 2);
  assert.match(await page.textContent('[data-testid="person-scores"]'), /Calm with a difficult table/);

  // The second person scores 2 everywhere this month: the team averages 3 against targets of 4.
  await page.tap('.back-link');
  await page.tap(`[data-staff] a:has-text("${XSS}")`);
  await page.waitForSelector('[data-page="staff-person"]');
  await evaluate(page, '2026-11', 2);
  await page.tap('.back-link');
  await page.fill('#team-period', '2026-11');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="team-people"] svg').length === 2);
  const needs = await page.$$eval('[data-testid="team-needs"] li', (lis) => lis.map((l) => l.textContent));
  assert.equal(needs.length, 6);
  assert.ok(needs.every((t) => /gap 1\.0/.test(t)), needs.join(' | '));
  // A name is drawn as text, never run as markup.
  assert.equal(await page.locator('[data-testid="team-people"] script').count(), 0);
  const texts = await page.$$eval('[data-testid="team-people"] svg text', (ts) => ts.map((t) => t.textContent.trim()));
  assert.ok(texts.includes(XSS), `the name is drawn as its characters: ${JSON.stringify(texts)}`);

  // A training in mid-October aimed at two capabilities: Li Na went from 3 to 4 on both.
  await page.tap('[data-tab="trainings"]');
  await page.waitForSelector('[data-testid="add-training"]');
  await page.tap('[data-testid="add-training"] button[type="submit"]');
  assert.match(await page.textContent('[data-testid="add-training"] [role="alert"]'), /title/);
  await page.fill('#training-title', 'Handling complaints');
  await page.fill('#training-date', '2026-10-15');
  await page.fill('#training-trainer', 'Ms Wang');
  await page.locator('[data-testid="training-capabilities"] input').nth(2).check();
  await page.locator('[data-testid="training-capabilities"] input').nth(3).check();
  await page.locator('[data-testid="training-attendees"] label', { hasText: 'Li Na' }).locator('input').check();
  await page.tap('[data-testid="add-training"] button[type="submit"]');
  await page.waitForSelector('[data-training]');
  const effect = async () => page.$$eval('[data-testid="training-effect"] tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.deepEqual(await effect(), [
    ['Li Na', '+1.0', '+1.0'],
    ['Team mean change', '+1.0 (n=1)', '+1.0 (n=1)'],
  ]);
  assert.match(await page.textContent('[data-training] thead'), /Communication.*Emotion management/);
  assert.equal(await page.locator('[data-training] [data-testid="radar"] svg').count(), 1);

  // Everything is in IndexedDB: a reload shows the same effect.
  await page.reload();
  await loaded(page);
  await page.waitForSelector('[data-training]');
  assert.deepEqual((await effect())[0], ['Li Na', '+1.0', '+1.0']);
  await screenshot(page, 'staff-training-portrait-en');
  assert.deepEqual(problems, []);
  await context.close();
});

test('pages open on the latest evaluated period; an empty one says there is no data; small radars stay legible', async () => {
  const { context, page, problems } = await openContext(env.browser);
  await openApp(page, env.server.base, '#/staff');
  await page.tap('[data-testid="use-default-capabilities"]');
  await page.waitForSelector('[data-testid="team-radar"]');
  await addStaff(page, 'Li Na', 'Waiter');
  await addStaff(page, 'Zhou Bo');
  await page.tap('[data-staff] a:has-text("Li Na")');
  await page.waitForSelector('[data-page="staff-person"]');
  await evaluate(page, '2026-10', 3);
  await page.tap('.back-link');
  await page.tap('[data-staff] a:has-text("Zhou Bo")');
  await page.waitForSelector('[data-page="staff-person"]');
  await evaluate(page, '2026-10', 4);

  // Opened afresh, later in the year: the team page shows October, not the empty current month.
  const now = new Date();
  const current = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
  assert.ok(current > '2026-10', 'this test runs after October 2026');
  await page.goto(`${env.server.base}/#/staff`);
  await loaded(page);
  await page.waitForFunction(() => document.querySelector('#team-period')?.value === '2026-10');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="team-people"] svg').length === 2);
  // Every text of the small radars is at least 12 px as drawn at 768 px.
  const sizes = await page.$$eval('[data-testid="team-people"] svg', (svgs) => svgs.flatMap((svg) => {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    return [...svg.querySelectorAll('text')].map((t) => parseFloat(t.getAttribute('font-size')) * scale);
  }));
  assert.ok(sizes.length > 0 && sizes.every((px) => px >= 12), `text sizes: ${sizes.map((x) => x.toFixed(1))}`);
  await screenshot(page, 'staff-team-small-multiples-portrait-en');
  // A month nobody was evaluated in says so, not that nothing is below target.
  await page.fill('#team-period', current);
  await page.waitForSelector('[data-testid="team-needs"] [data-testid="needs-no-data"]');
  assert.doesNotMatch(await page.textContent('[data-testid="team-needs"]'), /No capability below target/);
  assert.match(await page.textContent('[data-testid="needs-no-data"]'), /No evaluation data for this period/);

  // The person page opens on their own latest period too.
  await page.tap('[data-staff] a:has-text("Li Na")');
  await page.waitForSelector('[data-page="staff-person"]');
  await page.reload();
  await loaded(page);
  await page.waitForFunction(() => document.querySelector('#person-period')?.value === '2026-10');
  assert.deepEqual(await column(page, 'score-manager'), Array(6).fill('3.0'));
  // Without survey questions tagged with a dimension, the customer column says why, with a link.
  const hint = page.locator('[data-testid="derived-needs-tags"]');
  assert.match(await hint.textContent(), /tagged with a quality dimension/);
  assert.equal(await hint.locator('a').getAttribute('href'), '#/surveys');
  await page.fill('#person-period', current);
  await page.waitForSelector('[data-testid="person-scores"] [data-testid="needs-no-data"]');
  assert.doesNotMatch(await page.textContent('[data-testid="person-scores"]'), /No capability below target/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the capability model is edited, kept, and a radar needs three capabilities in use', async () => {
  const { context, page, problems } = await openContext(env.browser, { locale: 'zh-CN' });
  await openApp(page, env.server.base, '#/staff/capabilities');
  await page.tap('[data-testid="use-default-capabilities"]');
  await page.waitForFunction(() => document.querySelectorAll('form[data-capability]').length === 6);
  const first = page.locator('form[data-capability]').first();
  await first.locator('[data-field="name-zh"]').fill('主动服务');
  await first.locator('[data-field="name-zh"]').press('Tab');
  await first.locator('[data-field="target"]').selectOption('4.5');
  await first.locator('[data-testid="save-capability"]').tap();
  await first.locator('.alert-ok').waitFor();
  // Archive four: two left in use, which cannot make a radar.
  for (let i = 0; i < 4; i++) {
    await page.locator('form[data-capability]:not(.archived) [data-testid="archive-capability"]').last().tap();
    await page.waitForFunction((n) => document.querySelectorAll('form[data-capability].archived').length === n, i + 1);
  }
  await page.waitForSelector('.alert-warn');
  assert.match(await page.textContent('.alert-warn'), /3 到 12/);

  await page.reload();
  await loaded(page);
  await page.waitForFunction(() => document.querySelectorAll('form[data-capability]').length === 6);
  const kept = page.locator('form[data-capability]').first();
  assert.equal(await kept.locator('[data-field="name-zh"]').inputValue(), '主动服务');
  assert.equal(await kept.locator('[data-field="target"]').inputValue(), '4.5');
  assert.equal(await page.locator('form[data-capability].archived').count(), 4);
  await screenshot(page, 'staff-capabilities-portrait-zh');
  assert.deepEqual(problems, []);
  await context.close();
});

test('scores derived from customers and from processes are shown beside the manager\'s', async () => {
  const { context, page, problems } = await openContext(env.browser);
  await openApp(page, env.server.base, '#/data');
  await page.tap('[data-testid="load-demo"]');
  await page.waitForSelector('[data-testid="demo-loaded"]');
  await page.tap('nav a[data-section="staff"]');
  await page.tap('[data-staff] a.process-name');
  await page.waitForSelector('[data-page="staff-person"]');
  // Last month: the demo's customers answered often enough while this person was on duty.
  const d = new Date();
  const last = new Date(d.getFullYear(), d.getMonth() - 1, 1);
  const month = `${last.getFullYear()}-${String(last.getMonth() + 1).padStart(2, '0')}`;
  await page.fill('#person-period', month);
  await page.waitForFunction(() => /\d\.\d \(n=\d+\)/.test(document.querySelector('[data-testid="person-scores"]').textContent));
  const customers = await page.$$eval('[data-testid="score-customers"]', (tds) => tds.map((t) => t.textContent));
  assert.ok(customers.some((t) => /^[1-5]\.\d \(n=([5-9]|\d\d+)\)$/.test(t)), customers.join(' | '));
  assert.match(await page.textContent('[data-testid="process-compliance"]'), /\d+ ?% → [1-5]\.\d \/ 5 \(n=\d+\)/);
  assert.deepEqual(problems, []);
  await context.close();
});
