// The manager's dashboard against the release build, real IndexedDB, a fixed clock in
// Shanghai: the first-visit start, KPI tiles whose expected figures the test works out itself
// from the stored records, filters and periods in the URL, and CSV / XLSX exports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import fs from 'node:fs';
import { serveAndLaunch, openContext, openApp, loaded, readStore, screenshot, addressMatches } from './harness.js';

const env = serveAndLaunch();
const ZONE = 'Asia/Shanghai';
const OFFSET_H = 8;
// Friday 20 November 2026, noon in Shanghai.
const NOW = new Date('2026-11-20T04:00:00Z');

/** UTC instants of a local month in UTC+8: [start, end). */
function localMonth(year, month) {
  const start = Date.UTC(year, month - 1, 1) - OFFSET_H * 3600e3;
  const end = Date.UTC(year, month, 1) - OFFSET_H * 3600e3;
  return [start, end];
}

/** CSAT % and n worked out from the stored records: star answers 4–5 ÷ star answers. */
function csat(db, [start, end], staffId) {
  const stars = new Set();
  for (const v of db.survey_versions) for (const q of v.questions) if (q.kind === 'stars') stars.add(`${v.id}/${q.id}`);
  let n = 0;
  let happy = 0;
  for (const r of db.responses) {
    const t = Date.parse(r.submitted_at);
    if (t < start || t >= end || (staffId && r.staff_id !== staffId)) continue;
    for (const [q, a] of Object.entries(r.answers)) {
      if (!stars.has(`${r.survey_version_id}/${q}`) || a.kind !== 'score' || a.value < 1 || a.value > 5) continue;
      n += 1;
      if (a.value >= 4) happy += 1;
    }
  }
  return { n, value: n ? (100 * happy) / n : null };
}

async function tile(page, kpi) {
  const el = page.locator(`[data-kpi="${kpi}"]`);
  const value = await el.locator('[data-testid="kpi-value"]').textContent();
  const n = Number((await el.locator('[data-testid="kpi-n"]').textContent()).replace('n=', ''));
  return { value: Number.parseFloat(value.replace(/,/g, '')), text: value, n, change: await el.locator('[data-testid="kpi-change"]').textContent() };
}

async function demoDashboard(locale = 'en-US') {
  const opened = await openContext(env.browser, { locale, timezoneId: ZONE });
  await opened.page.clock.setFixedTime(NOW);
  await openApp(opened.page, env.server.base, '#/');
  await opened.page.tap('[data-testid="start-demo"]');
  await opened.page.waitForSelector('[data-page="processes"]');
  await opened.page.goto(`${env.server.base}/#/dashboard`);
  await loaded(opened.page);
  await opened.page.waitForSelector('[data-kpi="csat"]');
  return opened;
}

test('first visit: a business name and an industry give its processes and two surveys', async () => {
  for (const [locale, title, industry] of [['en-US', /Get started/, 'Hotel'], ['zh-CN', /开始使用/, '酒店']]) {
    const { context, page, problems } = await openContext(env.browser, { locale, timezoneId: ZONE });
    await openApp(page, env.server.base, '#/');
    await page.waitForSelector('[data-testid="start"]');
    assert.match(await page.textContent('[data-testid="start"] h2'), title);
    assert.equal(await page.locator('text=/coming soon|正在建设/i').count(), 0);
    // No name: refused with a message, nothing stored.
    await page.tap('[data-testid="start-create"]');
    await page.waitForSelector('#start-message:not([hidden])');
    assert.equal((await readStore(page)).processes, undefined);
    await page.fill('#start-name', 'Lakeside 湖畔');
    await page.selectOption('#start-industry', { label: industry });
    await screenshot(page, `dashboard-start-${locale}`);
    await page.tap('[data-testid="start-create"]');
    await page.waitForSelector('[data-page="processes"] .process-row');
    const db = await readStore(page);
    assert.equal(db.workspace[0].business_name, 'Lakeside 湖畔');
    assert.equal(db.workspace[0].industry, 'hotel');
    assert.equal(db.processes.length, 2, 'the hotel process and complaint handling');
    assert.ok(db.processes.some((p) => /入住/.test(p.name.zh)));
    const kinds = db.survey_versions.map((v) => v.questions[0].kind).sort();
    assert.deepEqual(kinds, ['nps', 'stars']);
    // Now the home page is the dashboard.
    await page.goto(`${env.server.base}/#/`);
    await loaded(page);
    await page.waitForSelector('[data-kpi="csat"]');
    assert.equal(await page.locator('[data-testid="start"]').count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('tiles show the figures of the stored records; filters and periods move them and live in the URL', async () => {
  const { context, page, problems } = await demoDashboard();
  const db = await readStore(page);
  const november = localMonth(2026, 11);
  const october = localMonth(2026, 10);

  let shown = await tile(page, 'csat');
  let expected = csat(db, november);
  assert.ok(expected.n > 0, 'the demo has November answers');
  assert.equal(shown.n, expected.n);
  assert.ok(Math.abs(shown.value - expected.value) <= 0.5, `${shown.text} vs ${expected.value}`);
  // The change against October, with the right sign.
  const before = csat(db, october);
  const diff = expected.value - before.value;
  assert.match(shown.change, diff > 0 ? /▲ \+/ : /▼ -/);
  await screenshot(page, 'dashboard-portrait-en');

  // A staff filter narrows it, and the URL says so.
  // The member of staff on duty for the most November responses.
  const counts = {};
  for (const r of db.responses) {
    const t = Date.parse(r.submitted_at);
    if (r.staff_id && t >= november[0] && t < november[1]) counts[r.staff_id] = (counts[r.staff_id] ?? 0) + 1;
  }
  const staffId = Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0];
  await page.selectOption('#dash-staff', staffId);
  expected = csat(db, november, staffId);
  assert.ok(expected.n > 0 && expected.n < csat(db, november).n);
  await page.waitForFunction((n) => document.querySelector('[data-kpi="csat"] [data-testid="kpi-n"]').textContent === `n=${n}`, expected.n);
  shown = await tile(page, 'csat');
  assert.ok(Math.abs(shown.value - expected.value) <= 0.5, `${JSON.stringify(shown)} vs ${JSON.stringify(expected)}`);
  await addressMatches(page, new RegExp(`staff=${staffId}`));

  // Last month, kept over a reload.
  await page.selectOption('#dash-period', 'last-month');
  expected = csat(db, october, staffId);
  await page.waitForFunction((n) => document.querySelector('[data-kpi="csat"] [data-testid="kpi-n"]').textContent === `n=${n}`, expected.n);
  await addressMatches(page, /period=last-month/);
  await page.reload();
  await loaded(page);
  await page.waitForSelector('[data-kpi="csat"]');
  shown = await tile(page, 'csat');
  assert.equal(shown.n, expected.n);
  assert.equal(await page.inputValue('#dash-period'), 'last-month');
  assert.equal(await page.inputValue('#dash-staff'), staffId);

  // A link with a fixed month opens that month.
  await page.goto(`${env.server.base}/#/dashboard?period=2026-10`);
  await loaded(page);
  await page.waitForSelector('[data-kpi="csat"]');
  assert.equal((await tile(page, 'csat')).n, csat(db, october).n);
  assert.match(await page.textContent('[data-testid="period-shown"]'), /2026/);

  // The formula is there on demand.
  await page.tap('[data-kpi="csat"] .kpi-formula summary');
  assert.match(await page.textContent('[data-kpi="csat"] .kpi-formula p'), /Star answers of 4 or 5/);
  // Charts have their table twins, built when opened; the trend's table lists 12 months.
  await page.tap('[data-chart="trend"] .chart-table summary');
  await page.locator('[data-testid="table-trend"] tbody tr').first().waitFor();
  assert.equal(await page.locator('[data-testid="table-trend"] tbody tr').count(), 12);
  assert.ok(await page.locator('[data-chart="trend"] svg').count());
  assert.ok(await page.locator('[data-chart="pareto"] svg').count());
  assert.ok(await page.locator('[data-chart="heatmap"] svg').count());
  assert.deepEqual(problems, []);
  await context.close();
});

test('a CSV export keeps Chinese text with commas, quotes and newlines, has a BOM, and neutralises formulas', async () => {
  const { context, page, problems } = await demoDashboard();
  const tricky = '汤太咸,还"凉"\n了';
  for (const text of [tricky, '=1+1']) {
    await page.tap('nav a[data-section="feedback"]');
    await page.waitForSelector('[data-testid="new-feedback"]');
    if (!(await page.$eval('[data-testid="new-feedback"]', (d) => d.open))) await page.tap('[data-testid="new-feedback"] summary');
    await page.fill('#fb-text', text);
    await page.tap('[data-testid="add-feedback"]');
    await page.waitForFunction((t) => [...document.querySelectorAll('[data-feedback]')].some((e) => e.textContent.includes(t.split('\n')[0])), text);
  }
  await page.tap('nav a[data-section="dashboard"]');
  await page.waitForSelector('[data-testid="exports"]');
  await page.selectOption('#export-what', { label: 'Feedback' });
  const [download] = await Promise.all([page.waitForEvent('download'), page.tap('[data-testid="export-csv"]')]);
  assert.match(download.suggestedFilename(), /^serviceflow-.*-feedback-2026-11-01_2026-11-30\.csv$/);
  const bytes = fs.readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
  const rows = parse(bytes.toString('utf8').slice(1), { columns: true, relax_column_count: false });
  assert.ok(Object.keys(rows[0]).includes('Text') && Object.keys(rows[0]).includes('Channel'));
  assert.ok(rows.some((r) => r.Text === tricky), 'the tricky text survives quoting');
  assert.ok(rows.some((r) => r.Text === "'=1+1"), 'a formula is neutralised');
  assert.ok(!rows.some((r) => r.Text === '=1+1'));
  assert.ok(bytes.toString('utf8').includes('\r\n'), 'CRLF line ends');

  // The workbook holds every table.
  const [book] = await Promise.all([page.waitForEvent('download'), page.tap('[data-testid="export-xlsx"]')]);
  assert.match(book.suggestedFilename(), /\.xlsx$/);
  const zip = fs.readFileSync(await book.path());
  assert.equal(zip.subarray(0, 2).toString(), 'PK');
  assert.ok(zip.includes(Buffer.from('xl/worksheets/sheet6.xml')));
  assert.deepEqual(problems, []);
  await context.close();
});

test('targets are edited in Settings, refused out of range, and shown on the tiles', async () => {
  const { context, page, problems } = await demoDashboard();
  await page.tap('nav a[data-section="settings"]');
  await page.waitForSelector('[data-testid="targets"]');
  const stored = async () => (await readStore(page)).workspace[0].targets;
  const before = await stored();
  await page.fill('#target-csat', '150');
  await page.tap('[data-testid="save-targets"]');
  await page.waitForFunction(() => /out of range/.test(document.querySelector('[data-testid="targets-message"]')?.textContent));
  assert.deepEqual(await stored(), before, 'nothing saved');
  await page.fill('#target-csat', '85');
  await page.fill('#target-nps', '-10');
  await page.tap('[data-testid="save-targets"]');
  await page.waitForFunction(() => /Saved/.test(document.querySelector('[data-testid="targets-message"]')?.textContent));
  const after = await stored();
  assert.equal(after.csat, 85);
  assert.equal(after.nps, -10);
  assert.equal(after.compliance, before.compliance);
  await page.tap('nav a[data-section="dashboard"]');
  await page.waitForSelector('[data-kpi="csat"]');
  assert.match(await page.textContent('[data-kpi="csat"] .kpi-target'), /Target 85%/);
  assert.match(await page.textContent('[data-kpi="nps"] .kpi-target'), /Target -10/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('step health puts the steps most in need of work first, with evidence from runs and complaints', async () => {
  const { context, page, problems } = await demoDashboard('zh-CN');
  const db = await readStore(page);
  const [start, end] = localMonth(2026, 11);
  const serving = db.process_versions.find((v) => v.stages.some((s) => s.steps.some((st) => st.name.zh === '上菜')));
  const versions = new Map(db.process_versions.filter((v) => v.process_id === serving.process_id).map((v) => [v.id, v]));
  const serveId = serving.stages.flatMap((s) => s.steps).find((s) => s.name.zh === '上菜').id;
  // How often serving ran late this month, from the stored runs.
  let over = 0;
  let timed = 0;
  for (const run of db.runs) {
    const version = versions.get(run.process_version_id);
    const t = Date.parse(run.finished_at ?? '');
    if (!version || !(t >= start && t < end)) continue;
    const step = version.stages.flatMap((s) => s.steps).find((s) => s.id === serveId);
    const rec = run.steps.find((r) => r.step_id === serveId);
    if (!step || !rec || rec.skipped_reason || !rec.done_at || !rec.started_at) continue;
    timed += 1;
    if ((Date.parse(rec.done_at) - Date.parse(rec.started_at)) / 1000 > step.time_limit_s) over += 1;
  }
  const complaints = db.feedback.filter((f) => f.kind === 'complaint' && f.step_id === serveId && Date.parse(f.created_at) >= start && Date.parse(f.created_at) < end).length;
  const row = page.locator(`[data-testid="step-health"] tr[data-step="${serveId}"]`);
  await row.waitFor();
  const cells = await row.locator('td').allTextContents();
  assert.ok(cells[1].includes(`(${over}/${timed})`), `late ${cells[1]} vs ${over}/${timed}`);
  assert.equal(cells[3], String(complaints));
  // What this month's audits (local dates) found at the step; not-seen results say nothing.
  const results = db.audits
    .filter((a) => versions.has(a.process_version_id) && a.date >= '2026-11-01' && a.date <= '2026-11-30')
    .flatMap((a) => a.results.filter((r) => r.step_id === serveId && r.result !== 'not_seen'));
  const failed = results.filter((r) => r.result === 'failed').length;
  assert.equal(cells[4], results.length ? `${failed} / ${results.length}` : '–');
  if (over / timed >= 0.15 && timed >= 10) assert.match(cells[5], /经常超时/);
  if (failed > 0) assert.match(cells[5], /巡检未通过/);
  // Flagged steps come before unflagged ones.
  const flags = await page.$$eval('[data-testid="step-health"] tbody tr', (rs) => rs.map((r) => r.classList.contains('flagged')));
  assert.deepEqual(flags, [...flags].sort((a, b) => Number(b) - Number(a)));
  assert.ok(flags[0], 'the demo has a step in need of work');
  assert.deepEqual(problems, []);
  await context.close();
});
