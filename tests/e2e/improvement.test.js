// Continuous improvement end to end (issue 13), against the release build with real
// IndexedDB and a fixed clock in Shanghai: an action started from a Pareto bar is pre-filled
// from it (trigger, root cause, the condition measured by the test from the stored records),
// planned, refused where a stage is not ready, moved through Do and Check, abandoned with a
// reason, and kept; the board works by touch at 768 px in Chinese, its columns and its
// overdue filter counted by the test from the stored actions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAndLaunch, loaded, readStore, screenshot } from './harness.js';
import { OCTOBER, demo } from './fixed_demo.js';

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
  await screenshot(page, 'improvement-board-zh');

  // A card opens by touch, in Chinese.
  await page.locator('.pdca-card a.pdca-title').first().tap();
  await page.waitForSelector('[data-testid="action-plan"]');
  assert.match(await page.textContent('[data-testid="action-plan"] h2'), /计划/);
  assert.deepEqual(problems, []);
  await context.close();
});
