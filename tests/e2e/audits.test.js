// Service audits end to end (issue 13), against the release build with real IndexedDB and a
// fixed clock in Shanghai: a walk refused until every step is judged, stored with two failed
// steps and a re-check; its score, the step-health row and the dashboard's audit tile, each
// counted by the test from the stored records; an improvement started from a failed step;
// a later walk that sees the failed steps again closes the re-check; false ticking against
// the day's checklist runs; the re-check interval in Settings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAndLaunch, loaded, readStore, screenshot } from './harness.js';
import { OFFSET_H, NOW, demo } from './fixed_demo.js';

const env = serveAndLaunch();
const TODAY = '2026-11-20';
const NOVEMBER = '2026-11';

/** The local date of an instant in the demo's zone. */
const localDate = (iso) => new Date(Date.parse(iso) + OFFSET_H * 3600e3).toISOString().slice(0, 10);

const steps = (v) => v.stages.flatMap((s) => s.steps);

/** Passed and seen of `results`: not seen is left out. */
function tally(results) {
  const seen = results.filter((r) => r.result !== 'not_seen');
  return { passed: seen.filter((r) => r.result === 'passed').length, seen: seen.length };
}

async function judge(page, stepId, result, note) {
  await page.tap(`[data-step="${stepId}"] label:has(input[data-result="${result}"])`);
  if (note) await page.fill(`#walk-note-${stepId}`, note);
}

test('an audit with two failed steps: its score, step health, the audit tile, a re-check, an improvement, and the walk that closes it', async () => {
  const { context, page, problems } = await demo(env);
  await page.tap('nav a[data-section="audits"]');
  await page.waitForSelector('[data-page="audits"]');
  await page.tap('[data-testid="new-audit"]');
  await page.waitForSelector('[data-testid="audit-walk"] [data-step]');

  // The process the form opens on, and its current published version, from the store.
  const processId = await page.$eval('#walk-process', (s) => s.value);
  const db = await readStore(page);
  const version = db.process_versions
    .filter((v) => v.process_id === processId && v.status === 'published')
    .sort((a, b) => b.number - a.number)[0];
  const ids = steps(version).map((s) => s.id);
  assert.deepEqual(await page.$$eval('[data-testid="audit-walk"] [data-step]', (els) => els.map((e) => e.dataset.step)), ids);
  assert.ok(ids.length >= 4);

  // Refused until an auditor is named and every step judged; nothing is stored meanwhile.
  await page.tap('[data-testid="save-audit"]');
  assert.match(await page.textContent('[data-testid="walk-refused"]'), /Enter the auditor/);
  await page.fill('#walk-auditor', 'Inspector Chen');
  await judge(page, ids[0], 'failed', 'Nobody greeted us for three minutes');
  await page.tap('[data-testid="save-audit"]');
  await page.waitForFunction((n) => document.querySelector('[data-testid="walk-refused"]')?.textContent.startsWith(`Steps with no result yet: ${n}.`), ids.length - 1);
  assert.equal((await readStore(page)).audits.length, db.audits.length);

  await judge(page, ids[1], 'failed', 'Menu handed over without a word');
  await judge(page, ids[2], 'notseen');
  for (const id of ids.slice(3)) await judge(page, id, 'passed');
  await page.tap('label:has(input[data-kind="anonymous"])');
  await page.tap('[data-testid="save-audit"]');
  await page.waitForSelector('[data-page="audit"] [data-testid="audit-score"]');
  const auditId = page.url().split('/').at(-1);

  // Stored as walked, with a re-check the workspace's days on (10 unless set).
  const after = await readStore(page);
  const audit = after.audits.find((a) => a.id === auditId);
  assert.equal(audit.auditor, 'Inspector Chen');
  assert.equal(audit.kind, 'anonymous');
  assert.equal(audit.date, TODAY);
  assert.deepEqual(audit.results.map((r) => r.step_id), ids);
  assert.equal(audit.results[0].note, 'Nobody greeted us for three minutes');
  const days = after.workspace[0]?.audits?.recheck_days ?? 10;
  const due = new Date(Date.parse(`${TODAY}T00:00:00Z`) + days * 864e5).toISOString().slice(0, 10);
  assert.equal(audit.recheck.due_on, due);
  assert.match(await page.textContent('[data-testid="recheck-state"]'), /^Re-check due /);

  // Its score: passed ÷ seen.
  const own = tally(audit.results);
  assert.deepEqual(own, { passed: ids.length - 3, seen: ids.length - 1 });
  const scoreText = await page.textContent('[data-testid="audit-score"]');
  assert.ok(scoreText.endsWith(`(${own.passed}/${own.seen})`), scoreText);
  assert.ok(Math.abs(parseFloat(scoreText) - (100 * own.passed) / own.seen) <= 0.5, scoreText);
  assert.equal(await page.locator('[data-testid="audit-results"] li[data-result="failed"]').count(), 2);
  await screenshot(page, 'audit-en');

  // November's audits, pooled, from the store: the tile and each failed step's row.
  const november = after.audits.filter((a) => a.date.startsWith(NOVEMBER));
  const pooled = november.reduce((t, a) => {
    const x = tally(a.results);
    return { passed: t.passed + x.passed, seen: t.seen + x.seen };
  }, { passed: 0, seen: 0 });
  await page.goto(`${env.server.base}/#/dashboard?period=${NOVEMBER}`);
  await loaded(page);
  const tile = page.locator('[data-kpi="audit_score"]');
  await tile.waitFor();
  assert.equal(await tile.locator('[data-testid="kpi-n"]').textContent(), `n=${pooled.seen}`);
  assert.ok(Math.abs(parseFloat(await tile.locator('[data-testid="kpi-value"]').textContent()) - (100 * pooled.passed) / pooled.seen) <= 0.5);
  for (const step of ids.slice(0, 2)) {
    const results = november.flatMap((a) => a.results).filter((r) => r.step_id === step && r.result !== 'not_seen');
    const failed = results.filter((r) => r.result === 'failed').length;
    assert.equal(await page.textContent(`[data-testid="step-health"] tr[data-step="${step}"] [data-col="audits"]`), `${failed} / ${results.length}`);
  }

  // The list marks it, then a failed step starts an improvement linked to the finding.
  await page.goto(`${env.server.base}/#/audits?period=${NOVEMBER}`);
  await loaded(page);
  assert.equal(await page.textContent(`[data-audit="${auditId}"] [data-col="failed"]`), '2');
  await page.tap(`[data-audit="${auditId}"] a`);
  await page.tap(`[data-testid="audit-results"] li[data-step="${ids[1]}"] [data-testid="start-improvement"]`);
  await page.waitForSelector('[data-page="improvement-action"] [data-testid="action-plan"]');
  assert.equal(await page.textContent('[data-testid="action-trigger"]'), 'Audit finding');
  const actionId = page.url().split('/').at(-1);
  const action = (await readStore(page)).improvement_actions.find((a) => a.id === actionId);
  assert.deepEqual(action.trigger, { kind: 'audit_finding', audit_id: auditId, step_id: ids[1] });

  // A later walk that sees both failed steps again closes the re-check, linked to it.
  await page.goto(`${env.server.base}/#/audits/new`);
  await page.waitForSelector('[data-testid="audit-walk"] [data-step]');
  await page.selectOption('#walk-process', processId);
  await page.fill('#walk-auditor', 'Manager Li');
  for (const id of ids) await judge(page, id, 'passed');
  await page.tap('[data-testid="save-audit"]');
  await page.waitForFunction((first) => /^#\/audits\/[0-9a-f-]{36}$/.test(location.hash) && !location.hash.endsWith(first), auditId);
  const second = page.url().split('/').at(-1);
  const closed = (await readStore(page)).audits.find((a) => a.id === auditId);
  assert.equal(closed.recheck.audit_id, second);
  assert.ok(closed.recheck.done_at);
  await page.goto(`${env.server.base}/#/audits/${auditId}`);
  await page.waitForSelector('[data-testid="rechecked-by"]');
  assert.match(await page.textContent('[data-testid="recheck-state"]'), /^Re-checked/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('false ticking of the period is counted against the checklist runs of each audit day', async () => {
  const { context, page, problems } = await demo(env);
  await page.goto(`${env.server.base}/#/audits?period=${NOVEMBER}`);
  await loaded(page);
  await page.waitForSelector('[data-testid="false-ticking"]');
  const db = await readStore(page);
  const processOf = new Map(db.process_versions.map((v) => [v.id, v.process_id]));
  // Ticks: (process, step, local day) → who ticked it.
  const ticks = new Map();
  for (const run of db.runs) {
    for (const s of run.steps) {
      if (s.skipped_reason != null || !s.done_at) continue;
      const key = `${processOf.get(run.process_version_id)}/${s.step_id}/${localDate(s.done_at)}`;
      ticks.set(key, true);
    }
  }
  let covered = 0;
  let failed = 0;
  for (const a of db.audits.filter((x) => x.date.startsWith(NOVEMBER))) {
    for (const r of a.results) {
      if (r.result === 'not_seen') continue;
      if (!ticks.has(`${processOf.get(a.process_version_id)}/${r.step_id}/${a.date}`)) continue;
      covered += 1;
      failed += r.result === 'failed' ? 1 : 0;
    }
  }
  const sum = async (col) => (await page.$$eval(`[data-testid="false-ticking-steps"] [data-col="${col}"]`, (els) => els.map((e) => Number(e.textContent))))
    .reduce((a, b) => a + b, 0);
  // The demo's manager walked on a day with checklist runs and failed ticked steps.
  assert.ok(covered > 0 && failed > 0, `${covered} ${failed}`);
  await page.waitForSelector('[data-testid="false-ticking-steps"]');
  assert.equal(await sum('covered'), covered);
  assert.equal(await sum('failed'), failed);
  assert.ok(await page.locator('[data-testid="false-ticking-staff"] tbody tr').count() > 0);

  // The re-check interval: outside 7–15 refused, nothing saved; 7 stored.
  await page.tap('nav a[data-section="settings"]');
  const stored = async () => (await readStore(page)).workspace[0]?.audits?.recheck_days;
  const before = await stored();
  await page.fill('#recheck-days', '20');
  await page.tap('[data-testid="save-recheck-days"]');
  assert.match(await page.textContent('[data-testid="recheck-message"]'), /7 to 15 days/);
  assert.equal(await stored(), before);
  await page.fill('#recheck-days', '7');
  await page.tap('[data-testid="save-recheck-days"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="recheck-message"]')?.textContent === 'Saved.');
  assert.equal(await stored(), 7);
  assert.deepEqual(problems, []);
  await context.close();
});
