// Continuous improvement end to end (issue 13), against the release build with real
// IndexedDB and a fixed clock in Shanghai: an action started from a Pareto bar is pre-filled
// from it (trigger, root cause, the condition measured by the test from the stored records),
// planned, refused where a stage is not ready, moved through Do and Check, abandoned with a
// reason, and kept; the board works by touch at 768 px in Chinese, its columns and its
// overdue filter counted by the test from the stored actions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { serveAndLaunch, loaded, readStore, screenshot } from './harness.js';
import { NOW, OCTOBER, demo } from './fixed_demo.js';

const env = serveAndLaunch();
const TODAY = '2026-11-20';
const inOctober = (iso) => Date.parse(iso) >= OCTOBER[0] && Date.parse(iso) < OCTOBER[1];

const stage = (page) => page.textContent('[data-testid="action-stage"]');

async function move(page, to) {
  await page.tap(`[data-testid="action-stages"] [data-move="${to}"]`);
}

async function refusal(page, re) {
  await page.waitForFunction((src) => new RegExp(src).test(document.querySelector('[data-testid="move-refused"]')?.textContent ?? ''), re.source);
}

test('from a Pareto bar an action is started pre-filled, planned, moved through its stages and abandoned', async () => {
  const { context, page, problems } = await demo(env);
  await page.goto(`${env.server.base}/#/dashboard?period=2026-10`);
  await loaded(page);
  const pareto = page.locator('[data-chart="pareto"]');
  await pareto.locator('.chart-table summary').tap();
  await pareto.locator('[data-testid="table-pareto"] tbody tr a').first().tap();
  await page.waitForSelector('[data-page="records"]');
  const cause = /focus=cause\.([a-z]+)/.exec(page.url())[1];
  await page.tap('[data-testid="start-improvement"]');
  await page.waitForSelector('[data-page="improvement-action"] [data-testid="action-plan"]');
  assert.match(page.url(), /#\/improvement\/[0-9a-f-]{36}$/);
  const id = page.url().split('/').at(-1);

  // Pre-filled: the trigger, the bar's cause, the complaint rate of October as it stood.
  assert.equal(await page.textContent('[data-testid="action-trigger"]'), 'Complaint cause (Pareto)');
  assert.equal(await stage(page), 'Plan');
  const db = await readStore(page);
  const responses = db.responses.filter((r) => inOctober(r.submitted_at)).length;
  const complaints = db.feedback.filter((f) => f.kind === 'complaint' && inOctober(f.created_at)).length;
  const rate = ((complaints / responses) * 1000).toFixed(1);
  const condition = await page.textContent('[data-testid="action-condition"]');
  assert.ok(condition.includes(`${rate} (n=${responses.toLocaleString('en-US')})`), `${condition} ≠ ${rate}, n=${responses}`);
  const stored = db.improvement_actions.find((a) => a.id === id);
  assert.deepEqual(stored.trigger, { kind: 'pareto_cause', cause: cause === 'none' ? null : cause });
  assert.equal(stored.root_cause, cause === 'none' ? null : cause);
  if (cause !== 'none') {
    const chosen = await page.$eval('#ia-cause', (s) => s.options[s.selectedIndex].textContent);
    assert.notEqual(chosen, '–');
  }

  // Plan → Do needs a goal, then a countermeasure.
  await move(page, 'do');
  await refusal(page, /Set a goal before Do/);
  await page.fill('#ia-title', 'Fewer complaints about waiting');
  await page.selectOption('#ia-goal-kpi', 'complaint_rate');
  await page.fill('#ia-goal-target', '5');
  await page.fill('#ia-goal-by', '2026-12-31');
  await page.fill('#ia-why-1', 'One food runner at the dinner rush');
  await page.tap('[data-testid="save-plan"]');
  await page.waitForSelector('[data-testid="plan-saved"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="action-title"]')?.textContent === 'Fewer complaints about waiting');
  await move(page, 'do');
  await refusal(page, /at least one countermeasure/);
  await page.tap('[data-testid="add-task"] button[type="submit"]');
  await page.waitForSelector('[data-testid="add-task"] [role="alert"]');
  await page.fill('#task-what', 'A second runner from 18:00 on Fridays');
  await page.selectOption('#task-who', { index: 1 });
  await page.fill('#task-due', '2026-11-27');
  await page.tap('[data-testid="add-task"] button[type="submit"]');
  await page.waitForSelector('[data-testid="action-tasks"] [data-task]');
  await move(page, 'do');
  await page.waitForFunction(() => document.querySelector('[data-testid="action-stage"]')?.textContent === 'Do');

  // Do → Check needs every countermeasure done; Check → Act a measured effect, which a
  // change made today cannot have yet.
  await move(page, 'check');
  await refusal(page, /not done yet/);
  await page.locator('[data-testid="action-tasks"] [data-task] input[type="checkbox"]').check();
  await page.waitForFunction(() => document.querySelector('[data-testid="action-tasks"] [data-task] input').checked);
  await move(page, 'check');
  await page.waitForFunction(() => document.querySelector('[data-testid="action-stage"]')?.textContent === 'Check');
  await page.waitForSelector('[data-testid="effect-verdict"]');
  assert.match(await page.textContent('[data-testid="effect-change"]'), /Do was finished/);
  assert.match(await page.textContent('[data-testid="effect-verdict"]'), /Not enough data/);
  await move(page, 'act');
  await refusal(page, /Act needs a measured effect/);
  // Back one stage is allowed.
  await move(page, 'do');
  await page.waitForFunction(() => document.querySelector('[data-testid="action-stage"]')?.textContent === 'Do');

  // Abandoning needs a reason, and is final.
  await page.tap('[data-testid="abandon-form"] button[type="submit"]');
  await refusal(page, /needs a reason/);
  await page.fill('#ia-abandon', 'The new menu removes the dish');
  await page.tap('[data-testid="abandon-form"] button[type="submit"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="action-stage"]')?.textContent === 'Abandoned');
  assert.equal(await page.locator('[data-testid="abandon-form"]').count(), 0);
  await screenshot(page, 'improvement-action-en');

  // Stored: every move, in order, the reason on the last; it survives a reload.
  await page.reload();
  await loaded(page);
  await page.waitForSelector('[data-testid="stage-move"]');
  const after = (await readStore(page)).improvement_actions.find((a) => a.id === id);
  assert.deepEqual(after.moves.map((m) => m.to), ['do', 'check', 'do', 'abandoned']);
  assert.equal(after.moves.at(-1).note, 'The new menu removes the dish');
  assert.equal(after.tasks.length, 1);
  assert.ok(after.tasks[0].done_at);
  assert.deepEqual(after.goal, { kpi: 'complaint_rate', target: 5, by: '2026-12-31' });
  assert.deepEqual(after.whys, ['One food runner at the dinner rush']);
  assert.equal(await page.locator('[data-testid="stage-move"]').count(), 4);
  await page.goto(`${env.server.base}/#/improvement`);
  await loaded(page);
  await page.waitForSelector(`[data-stage="abandoned"] [data-action="${id}"]`);
  assert.deepEqual(problems, []);
  await context.close();
});

/** Open, and past one of its dates on `today`: its own, its goal's, an undone task's. */
function overdue(a, today) {
  if (a.stage === 'done' || a.stage === 'abandoned') return false;
  const past = (d) => d != null && d < today;
  return past(a.due_on) || past(a.goal?.by) || a.tasks.some((t) => !t.done_at && past(t.due_on));
}

test('the board by touch at 768 px in Chinese: a column per stage, overdue ones marked and filtered', async () => {
  const { context, page, problems } = await demo(env, 'zh-CN');
  await page.tap('nav a[data-section="improvement"]');
  await page.waitForSelector('[data-testid="pdca-board"] .pdca-card');
  const actions = (await readStore(page)).improvement_actions;
  for (const s of ['plan', 'do', 'check', 'act', 'done', 'abandoned']) {
    const n = actions.filter((a) => a.stage === s).length;
    assert.equal(await page.textContent(`[data-stage="${s}"] [data-testid="stage-count"]`), String(n), s);
  }
  assert.ok(actions.some((a) => a.stage === 'plan') && actions.some((a) => a.stage === 'done'), 'the demo fills the board');
  const late = actions.filter((a) => overdue(a, TODAY));
  assert.equal(await page.locator('.pdca-card.overdue').count(), late.length);
  await page.tap('#imp-overdue');
  await page.waitForFunction((n) => document.querySelectorAll('.pdca-card').length === n, late.length);
  await page.tap('#imp-overdue');
  await page.waitForFunction((n) => document.querySelectorAll('.pdca-card').length === n, actions.length);
  assert.ok(!(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)), 'no sideways scroll at 768 px');
  assert.match(await page.textContent('[data-stage="plan"] h2'), /计划/);

  // The list view, filtered by stage: the same actions, by touch.
  await page.tap('label:has(#imp-list)');
  await page.waitForSelector('[data-testid="improvement-list"]');
  assert.equal(await page.locator('[data-testid="improvement-list"] tbody tr').count(), actions.length);
  await page.selectOption('#imp-stage', 'plan');
  const plans = actions.filter((a) => a.stage === 'plan').length;
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="improvement-list"] tbody tr').length === n, plans);
  assert.equal(await page.locator('[data-testid="improvement-list"] tbody tr[data-stage="plan"]').count(), plans);
  await page.selectOption('#imp-stage', '');
  await page.tap('label:has(#imp-board)');
  await page.waitForSelector('[data-testid="pdca-board"]:not([hidden])');
  await screenshot(page, 'improvement-board-zh');

  // A card opens by touch, in Chinese.
  await page.locator('.pdca-card a.pdca-title').first().tap();
  await page.waitForSelector('[data-testid="action-plan"]');
  assert.match(await page.textContent('[data-testid="action-plan"] h2'), /计划/);
  assert.deepEqual(problems, []);
  await context.close();
});

/** Wilson's 95 % score interval for x of n (Newcombe 1998, method 3). */
function wilson(x, n) {
  const z = 1.959963984540054;
  const p = x / n;
  const mid = p + (z * z) / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  const den = 1 + (z * z) / n;
  return [(mid - half) / den, (mid + half) / den];
}

/** Newcombe's hybrid score interval for pa − pb (method 10). */
function newcombe(xa, na, xb, nb) {
  const [la, ua] = wilson(xa, na);
  const [lb, ub] = wilson(xb, nb);
  const d = xa / na - xb / nb;
  const pa = xa / na;
  const pb = xb / nb;
  return [d - Math.hypot(pa - la, ub - pb), d + Math.hypot(ua - pa, pb - lb)];
}

/** CSAT of the responses of `process` in [from, to): star answers 4–5 ÷ star answers. */
function csat(db, process, from, to) {
  const stars = new Set(db.survey_versions.flatMap((v) => v.questions).filter((q) => q.kind === 'stars').map((q) => q.id));
  let hits = 0;
  let n = 0;
  for (const r of db.responses) {
    const t = Date.parse(r.submitted_at);
    if (r.process_id !== process || t < from || t >= to) continue;
    for (const [q, a] of Object.entries(r.answers)) {
      if (!stars.has(q) || a.kind !== 'score') continue;
      n += 1;
      hits += a.value >= 4 ? 1 : 0;
    }
  }
  return { hits, n };
}

test('Act makes it the standard: a version published naming the action, responses after it imported, and the effect read with its interval, then in the report', async () => {
  const { context, page, problems } = await demo(env);
  const DAY = 864e5;
  // The process most of the last month's responses were given for.
  const db = await readStore(page);
  const recent = db.responses.filter((r) => r.process_id && Date.parse(r.submitted_at) >= NOW - 30 * DAY);
  const byProcess = new Map();
  for (const r of recent) byProcess.set(r.process_id, (byProcess.get(r.process_id) ?? 0) + 1);
  const processId = [...byProcess].sort((a, b) => b[1] - a[1])[0][0];

  // Started from a Pareto bar, planned on CSAT, one countermeasure, in Do.
  await page.goto(`${env.server.base}/#/dashboard?period=2026-10`);
  await loaded(page);
  const pareto = page.locator('[data-chart="pareto"]');
  await pareto.locator('.chart-table summary').tap();
  await pareto.locator('[data-testid="table-pareto"] tbody tr a').first().tap();
  await page.waitForSelector('[data-page="records"]');
  await page.tap('[data-testid="start-improvement"]');
  await page.waitForSelector('[data-page="improvement-action"] [data-testid="action-plan"]');
  const id = page.url().split('/').at(-1);
  const title = 'Greet every table within two minutes';
  await page.fill('#ia-title', title);
  await page.selectOption('#ia-goal-kpi', 'csat');
  await page.fill('#ia-goal-target', '90');
  await page.fill('#ia-goal-by', '2026-12-31');
  await page.tap('[data-testid="save-plan"]');
  await page.waitForSelector('[data-testid="plan-saved"]');
  await page.fill('#task-what', 'Train the greeters');
  await page.selectOption('#task-who', { index: 1 });
  await page.tap('[data-testid="add-task"] button[type="submit"]');
  await page.waitForSelector('[data-testid="action-tasks"] [data-task]');
  await page.locator('[data-testid="action-tasks"] [data-task] input[type="checkbox"]').check();
  await page.waitForFunction(() => document.querySelector('[data-testid="action-tasks"] [data-task] input').checked);
  await move(page, 'do');
  await page.waitForFunction(() => document.querySelector('[data-testid="action-stage"]')?.textContent === 'Do');

  // A new version of the process, published naming the action: both stored in one save.
  await page.goto(`${env.server.base}/#/processes/${processId}`);
  await page.waitForSelector('[data-testid="start-draft"]');
  await page.tap('[data-testid="start-draft"]');
  await page.waitForSelector('#change-note');
  await page.fill('#change-note', 'Greeting within two minutes');
  await page.waitForTimeout(200);
  await page.selectOption('#publish-action', id);
  await page.tap('[data-testid="publish"]');
  let stored;
  for (let i = 0; i < 50; i += 1) {
    stored = await readStore(page);
    if (stored.improvement_actions.find((a) => a.id === id)?.process_version_id) break;
    await page.waitForTimeout(100);
  }
  const version = stored.process_versions.find((v) => v.id === stored.improvement_actions.find((a) => a.id === id).process_version_id);
  assert.equal(version.process_id, processId);
  assert.equal(version.status, 'published');
  assert.equal(Date.parse(version.published_at), NOW.getTime());
  await page.goto(`${env.server.base}/#/processes/${processId}/versions`);
  await page.waitForSelector('[data-testid="version-history"] [data-testid="version-action"]');
  assert.equal(await page.textContent('[data-testid="version-history"] [data-testid="version-action"]'), `Carries out: ${title}`);
  assert.equal(await page.textContent('[data-testid="version-diff"] [data-testid="version-action"]'), `Carries out: ${title}`);

  // A month later: 40 responses given after the change, imported from a backup fixture.
  const later = new Date(NOW.getTime() + 31 * DAY);
  await page.clock.setFixedTime(later);
  await page.goto(`${env.server.base}/#/data`);
  await page.reload();
  await loaded(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.tap('[data-testid="export"]')]);
  const backup = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  const stars = new Set(backup.data.survey_versions.flatMap((v) => v.questions).filter((q) => q.kind === 'stars').map((q) => q.id));
  const model = backup.data.responses.find((r) => r.process_id === processId && Object.keys(r.answers).some((q) => stars.has(q)));
  for (let i = 0; i < 40; i += 1) {
    const at = new Date(NOW.getTime() + (i + 1) * 12 * 3600e3).toISOString();
    const answers = Object.fromEntries(Object.entries(model.answers).map(([q, a]) => [q, stars.has(q) ? { kind: 'score', value: i < 38 ? 5 : 2 } : a]));
    backup.data.responses.push({ ...model, id: randomUUID(), created_at: at, updated_at: at, submitted_at: at, answers, follow_ups: {} });
  }
  await page.setInputFiles('[data-testid="import-file"]', { name: 'after.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  await page.waitForSelector('[data-testid="import-preview"]');
  assert.equal(await page.textContent('[data-testid="import-preview"] tr[data-collection="responses"] [data-col="new"]'), '40');
  await page.tap('[data-testid="import-merge"]');
  await page.waitForSelector('[data-testid="import-done"]');

  // The effect: CSAT over the 30 days either side of the publish time, counted here.
  const all = await readStore(page);
  const change = Date.parse(version.published_at);
  const before = csat(all, processId, change - 30 * DAY, change);
  const after = csat(all, processId, change, change + 30 * DAY);
  assert.ok(before.n >= 30 && after.n >= 30, JSON.stringify({ before, after }));
  const [lo, hi] = newcombe(after.hits, after.n, before.hits, before.n).map((x) => 100 * x);
  const verdict = lo > 0 ? 'improved' : hi < 0 ? 'worsened' : 'noclearchange';
  await page.goto(`${env.server.base}/#/improvement/${id}`);
  await page.waitForSelector('[data-testid="effect-table"] tbody tr');
  assert.match(await page.textContent('[data-testid="effect-change"]'), /process version was published/);
  const row = page.locator('[data-testid="effect-table"] tbody tr').first();
  const side = async (col) => (await row.locator(`[data-col="${col}"]`).textContent()).replace(/,/g, '');
  const pct = (s) => (100 * s.hits) / s.n;
  for (const [col, s] of [['before', before], ['after', after]]) {
    const text = await side(col);
    assert.ok(text.endsWith(`(n=${s.n})`) && Math.abs(parseFloat(text) - pct(s)) <= 0.5, `${col}: ${text} ≠ ${pct(s)}, n=${s.n}`);
  }
  assert.equal(await row.getAttribute('data-verdict'), verdict);
  const shown = (await side('interval')).split(' … ').map((x) => parseFloat(x.replace('−', '-')));
  assert.ok(Math.abs(shown[0] - lo) < 0.01 && Math.abs(shown[1] - hi) < 0.01, `${shown} ≠ ${lo}, ${hi}`);

  // Measured, so it moves on to Act and Done, and the month's report shows it finished.
  await move(page, 'check');
  await page.waitForFunction(() => document.querySelector('[data-testid="action-stage"]')?.textContent === 'Check');
  await move(page, 'act');
  await page.waitForFunction(() => document.querySelector('[data-testid="action-stage"]')?.textContent === 'Act');
  await move(page, 'done');
  await page.waitForFunction(() => document.querySelector('[data-testid="action-stage"]')?.textContent === 'Done');
  await page.goto(`${env.server.base}/#/reports?period=2026-12`);
  await loaded(page);
  const effects = page.locator('[data-testid="report-improvement-effects"] tbody tr');
  await effects.first().waitFor();
  assert.equal(await effects.count(), 1);
  assert.ok((await effects.first().locator('th').textContent()).startsWith(title));
  assert.equal(await effects.first().getAttribute('data-verdict'), verdict);
  const done = (await readStore(page)).improvement_actions.filter((a) => a.stage === 'done' && a.moves.at(-1).at >= '2026-11-30T16:00:00Z').length;
  assert.equal(await page.textContent('[data-testid="report-improvement-stages"] [data-stage="done"]'), String(done));
  assert.deepEqual(problems, []);
  await context.close();
});
