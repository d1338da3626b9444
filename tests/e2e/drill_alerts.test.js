// Drill-down and alerts against the release build, real IndexedDB, a fixed clock in
// Shanghai: a tile, a Pareto bar, a heat-map cell and a step row open the records behind
// them (counted by the test from the stored records); an alert set in Settings appears on
// the dashboard and is acknowledged with a name and a note, on every reload after.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAndLaunch, loaded, readStore, screenshot, addressMatches } from './harness.js';
import { OFFSET_H, NOW, OCTOBER, demo } from './fixed_demo.js';

const env = serveAndLaunch();
const NOVEMBER = [OCTOBER[1], Date.UTC(2026, 11, 1) - OFFSET_H * 3600e3];

const within = ([start, end], iso) => {
  const t = Date.parse(iso);
  return t >= start && t < end;
};

/** Local (UTC+8) weekday, Monday 0, and hour of an instant. */
function localHour(iso) {
  const t = new Date(Date.parse(iso) + OFFSET_H * 3600e3);
  return { weekday: (t.getUTCDay() + 6) % 7, hour: t.getUTCHours() };
}

function starQuestions(db) {
  const stars = new Set();
  for (const v of db.survey_versions) for (const q of v.questions) if (q.kind === 'stars') stars.add(`${v.id}/${q.id}`);
  return stars;
}

const hasStar = (stars, r) => Object.entries(r.answers).some(([q, a]) => stars.has(`${r.survey_version_id}/${q}`) && a.kind === 'score');

async function dashboard(page, period) {
  await page.goto(`${env.server.base}/#/dashboard?period=${period}`);
  await loaded(page);
  await page.waitForSelector('[data-kpi="csat"]');
}

async function drillCount(page, kind) {
  const el = page.locator(`[data-testid="drill-count-${kind}"]`);
  await el.waitFor();
  return Number(await el.getAttribute('data-n'));
}

test('a tile, a Pareto bar, a heat-map cell and a step row open the records behind them', async () => {
  const { context, page, problems } = await demo(env);
  await dashboard(page, '2026-10');
  const db = await readStore(page);
  const stars = starQuestions(db);

  // CSAT tile → the October responses with a star answer, newest first.
  await page.locator('[data-kpi="csat"] [data-testid="kpi-drill"]').tap();
  await page.waitForSelector('[data-page="records"]');
  assert.match(page.url(), /#\/dashboard\/records\?period=2026-10&focus=kpi\.csat$/);
  const csatResponses = db.responses.filter((r) => within(OCTOBER, r.submitted_at) && hasStar(stars, r));
  assert.ok(csatResponses.length > 0);
  assert.equal(await drillCount(page, 'responses'), csatResponses.length);
  const newest = csatResponses.map((r) => r.submitted_at).sort().at(-1);
  const firstRow = await page.locator('[data-records="responses"] tbody tr').first().getAttribute('data-id');
  assert.equal(db.responses.find((r) => r.id === firstRow).submitted_at, newest);
  assert.match(await page.textContent('[data-testid="drill-title"]'), /CSAT/);
  await screenshot(page, 'drill-csat-en');
  // Back keeps the period.
  await page.locator('[data-testid="drill-back"]').tap();
  await page.waitForSelector('[data-kpi="csat"]');
  await addressMatches(page, /#\/dashboard\?period=2026-10$/);

  // Complaint rate tile → the complaints that arrived in October.
  const complaints = db.feedback.filter((f) => f.kind === 'complaint' && within(OCTOBER, f.created_at));
  assert.ok(complaints.length > 0, 'the demo has October complaints');
  await page.locator('[data-kpi="complaint_rate"] [data-testid="kpi-drill"]').tap();
  assert.equal(await drillCount(page, 'feedback'), complaints.length);
  // Each row links to its feedback item.
  const link = await page.locator('[data-records="feedback"] tbody tr a').first().getAttribute('href');
  assert.match(link, /^#\/feedback\/[0-9a-f-]{36}$/);
  await page.goBack();
  await page.waitForSelector('[data-kpi="csat"]');

  // The Pareto's largest bar, through its table twin's link (keyboard and screen readers).
  const byCause = {};
  for (const f of complaints) byCause[f.root_cause ?? 'none'] = (byCause[f.root_cause ?? 'none'] ?? 0) + 1;
  const pareto = page.locator('[data-chart="pareto"]');
  await pareto.locator('.chart-table summary').tap();
  const top = pareto.locator('[data-testid="table-pareto"] tbody tr').first();
  const topCount = Number(await top.locator('td').nth(1).textContent());
  await top.locator('a').tap();
  const cause = /focus=cause\.([a-z]+)/.exec(page.url())[1];
  assert.equal(topCount, Math.max(...Object.values(byCause)));
  assert.equal(await drillCount(page, 'feedback'), byCause[cause]);
  await page.goBack();
  await page.waitForSelector('[data-kpi="csat"]');

  // A heat-map cell, by pointer: the SVG cell's tap target.
  const cell = page.locator('[data-chart="heatmap"] .chart g.drill-target').first();
  const href = await cell.getAttribute('data-href');
  const [, weekday, hour] = /focus=hour\.(\d)\.(\d+)/.exec(href).map(Number);
  await cell.click();
  await page.waitForSelector('[data-page="records"]');
  const atHour = csatResponses.filter((r) => {
    const l = localHour(r.submitted_at);
    return l.weekday === weekday && l.hour === hour;
  });
  assert.ok(atHour.length > 0);
  assert.equal(await drillCount(page, 'responses'), atHour.length);
  await page.goBack();
  await page.waitForSelector('[data-kpi="csat"]');

  // The worst step's row → the runs of versions that have the step, finished in October.
  const row = page.locator('[data-testid="step-health"] tbody tr').first();
  const stepId = await row.getAttribute('data-step');
  await row.locator('th a').tap();
  await page.waitForSelector('[data-page="records"]');
  const versions = new Set(db.process_versions.filter((v) => v.stages.some((s) => s.steps.some((st) => st.id === stepId))).map((v) => v.id));
  const runs = db.runs.filter((r) => r.finished_at && within(OCTOBER, r.finished_at) && versions.has(r.process_version_id));
  assert.ok(runs.length > 0);
  assert.equal(await drillCount(page, 'runs'), runs.length);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an alert set in Settings appears, is refused without a name, and stays acknowledged', async () => {
  const { context, page, problems } = await demo(env, 'zh-CN');
  // A bad line is refused with a message and nothing is stored.
  await page.goto(`${env.server.base}/#/settings`);
  await loaded(page);
  await page.fill('#alert-csat', '150');
  await page.tap('[data-testid="save-alert-rules"]');
  assert.match(await page.textContent('[data-testid="alert-rules-message"]'), /0 到 100/);
  assert.equal((await readStore(page)).workspace[0].alerts.csat_below, 80);
  // CSAT below 100 for November, and no more than 0 complaints a day.
  await page.fill('#alert-csat', '100');
  await page.fill('#alert-complaints', '0');
  await page.tap('[data-testid="save-alert-rules"]');
  await page.waitForSelector('[data-testid="alert-rules-message"].alert-ok');
  const db = await readStore(page);
  assert.equal(db.workspace[0].alerts.csat_below, 100);
  assert.equal(db.workspace[0].alerts.complaints_per_day, 0);

  await dashboard(page, '2026-11');
  const key = 'csat:2026-11-01..2026-11-30';
  const open = page.locator(`[data-testid="alert-open"][data-alert="${key}"]`);
  await open.waitFor();
  // Its CSAT, worked out from the records.
  const stars = starQuestions(db);
  let n = 0;
  let happy = 0;
  for (const r of db.responses.filter((x) => within(NOVEMBER, x.submitted_at))) {
    for (const [q, a] of Object.entries(r.answers)) {
      if (!stars.has(`${r.survey_version_id}/${q}`) || a.kind !== 'score') continue;
      n += 1;
      if (a.value >= 4) happy += 1;
    }
  }
  const text = await open.textContent();
  assert.ok(text.includes(`${(100 * happy / n).toFixed(1)}%`), text);
  assert.ok(text.includes(`n=${n}`), text);
  // One complaint alert per local day with a complaint in November.
  const days = new Set(db.feedback.filter((f) => f.kind === 'complaint' && within(NOVEMBER, f.created_at))
    .map((f) => new Date(Date.parse(f.created_at) + OFFSET_H * 3600e3).toISOString().slice(0, 10)));
  assert.equal(await page.locator('[data-testid="alert-open"][data-alert^="complaints:"]').count(), days.size);
  await screenshot(page, 'alerts-open-zh');

  // No name: refused, nothing stored.
  await open.locator('[data-testid="ack-open"]').tap();
  await open.locator('[data-testid="ack-note"]').fill('已安排午市加派一名服务员');
  await open.locator('[data-testid="ack-save"]').tap();
  await open.locator('.alert-error').waitFor();
  assert.equal(((await readStore(page)).alert_acks ?? []).filter((a) => a.key === key).length, 0);
  await open.locator('[data-testid="ack-by"]').fill('王店长');
  await open.locator('[data-testid="ack-save"]').tap();
  const seen = page.locator(`[data-testid="alert-seen"][data-alert="${key}"]`);
  await seen.waitFor({ state: 'attached' });
  assert.equal(await open.count(), 0);
  const ack = (await readStore(page)).alert_acks.find((a) => a.key === key);
  assert.equal(ack.by, '王店长');
  assert.equal(ack.note, '已安排午市加派一名服务员');
  assert.equal(Date.parse(ack.created_at), NOW.getTime());

  // After a reload it is still acknowledged, with who, when and the note.
  await page.reload();
  await loaded(page);
  await page.locator('[data-testid="alerts-seen"] summary').tap();
  const line = await page.locator(`[data-testid="alert-seen"][data-alert="${key}"]`).textContent();
  assert.match(line, /王店长 于 .* 确认/);
  assert.match(line, /已安排午市加派一名服务员/);
  assert.equal(await page.locator(`[data-testid="alert-open"][data-alert="${key}"]`).count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
