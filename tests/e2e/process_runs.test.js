// Processes beyond the editor, at tablet size by touch: a run's standards and its summary,
// the bottleneck in the demo, drafts kept as typed, step deletion confirmed, the diff with
// old → new values, old versions opened read-only, and the one-page SOP card.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAndLaunch, openContext, openApp, loaded, readStore, screenshot } from './harness.js';

const env = serveAndLaunch();

/** Creates a process from the first template and returns its id (from the URL). */
async function createProcess(page) {
  await openApp(page, env.server.base, '#/processes');
  await page.selectOption('#template', { index: 0 });
  await page.tap('[data-testid="create-process"]');
  await page.waitForSelector('[data-page="process"]');
  return page.evaluate(() => location.hash.split('/')[2]);
}

/** The versions of a process as stored, oldest first, and their steps in order. */
async function storedVersions(page, processId) {
  const db = await readStore(page);
  return db.process_versions
    .filter((v) => v.process_id === processId)
    .sort((a, b) => a.number - b.number)
    .map((v) => ({ ...v, steps: v.stages.flatMap((s) => s.steps) }));
}

/** Waits until the stored records satisfy `check`. */
async function stored(page, check) {
  for (let i = 0; i < 50; i += 1) {
    if (check(await readStore(page))) return;
    await page.waitForTimeout(100);
  }
  assert.fail('the change was not stored');
}

const minutes = (s) => (s % 60 === 0 ? String(s / 60) : (s / 60).toFixed(1));

test('a run shows each standard large, and its summary counts done, skipped with reasons and late', async () => {
  const { context, page, problems } = await openContext(env.browser, { locale: 'en-US' });
  await page.clock.install();
  const processId = await createProcess(page);
  const [version] = await storedVersions(page, processId);
  const steps = version.steps;
  await page.tap('a[data-tab="run"]');
  await page.tap('[data-testid="start-run"] button[type="submit"]');
  await page.waitForSelector('[data-testid="checklist"]');

  // Every step shows its standard; the current one, with its limit, in type readable from a
  // step away (≥ 20 px).
  for (const s of steps) {
    assert.ok((await page.textContent(`.check-step[data-step="${s.id}"]`)).includes(s.standard.en), s.name.en);
  }
  assert.equal(await page.textContent('.check-step.current [data-testid="standard"]'), steps[0].standard.en);
  assert.match(await page.textContent('.check-step.current .check-limit'), new RegExp(`${minutes(steps[0].time_limit_s)} min`));
  const size = await page.$eval('.check-step.current [data-testid="standard"]', (e) => parseFloat(getComputedStyle(e).fontSize));
  assert.ok(size >= 20, `standard at ${size}px`);
  await screenshot(page, 'process-run-standard-portrait-en');

  // The first step runs 90 s over its limit; the second is skipped; the rest are done at once.
  await page.clock.fastForward((steps[0].time_limit_s + 90) * 1000);
  for (let i = 0; i < steps.length; i += 1) {
    const current = page.locator('.check-step.current');
    assert.equal(await current.getAttribute('data-step'), steps[i].id);
    if (await current.locator('input[type="radio"]').count()) await current.locator('input[type="radio"]').first().tap();
    if (await current.locator('#run-note').count()) await page.fill('#run-note', 'Birthday noodles');
    if (i === 1) {
      await current.locator('summary').tap();
      await page.fill('#run-reason', 'Guest in a hurry');
      await page.tap('[data-testid="step-skip"]');
    } else {
      await page.tap('[data-testid="step-done"]');
    }
    await page.waitForFunction((id) => document.querySelector(`.check-step[data-step="${id}"]`)?.dataset.state !== 'current', steps[i].id);
  }
  await page.tap('[data-testid="finish-run"]');
  await page.waitForSelector('[data-testid="run-summary"]');
  assert.equal(await page.textContent('[data-testid="summary-done"]'), String(steps.length - 1));
  assert.equal(await page.textContent('[data-testid="summary-skipped"]'), '1');
  assert.equal(await page.textContent('[data-testid="summary-late"]'), '1');
  assert.equal(await page.textContent('[data-testid="summary-skipped-list"]'), `${steps[1].name.en} — Guest in a hurry`);
  const late = await page.textContent('[data-testid="summary-late-list"]');
  assert.ok(late.startsWith(`${steps[0].name.en} — over by `), late);
  // 90 s over, plus the second or two the test itself took.
  const over = parseFloat(late.match(/over by ([\d.]+) min/)[1]);
  assert.ok(over >= 1.5 && over <= 1.6, late);
  await screenshot(page, 'process-run-summary-portrait-en');
  await page.tap('[data-testid="run-again"]');
  await page.waitForSelector('[data-testid="start-run"]');
  assert.deepEqual(problems, []);
  await context.close();
});

test('in the demo, serving is the bottleneck: over its limit in a quarter of runs', async () => {
  const { context, page, problems } = await openContext(env.browser, { locale: 'zh-CN' });
  await openApp(page, env.server.base, '#/data');
  await page.tap('[data-testid="load-demo"]');
  await page.waitForSelector('[data-testid="demo-loaded"]');
  const db = await readStore(page);
  const serving = db.process_versions.find((v) => v.stages.some((s) => s.steps.some((st) => st.name.zh === '上菜')));
  const processId = serving.process_id;
  const versions = new Map(db.process_versions.filter((v) => v.process_id === processId).map((v) => [v.id, v]));
  const serveId = serving.stages.flatMap((s) => s.steps).find((s) => s.name.zh === '上菜').id;
  // Overrun share worked out from the stored runs of the last 90 days.
  const from = Date.now() - 90 * 86400e3;
  let over = 0;
  let timed = 0;
  for (const run of db.runs) {
    const version = versions.get(run.process_version_id);
    if (!version || !run.finished_at || Date.parse(run.finished_at) < from) continue;
    const step = version.stages.flatMap((s) => s.steps).find((s) => s.id === serveId);
    const rec = run.steps.find((r) => r.step_id === serveId);
    if (!step || !rec || rec.skipped_reason || !rec.done_at) continue;
    timed += 1;
    if ((Date.parse(rec.done_at) - Date.parse(rec.started_at)) / 1000 > step.time_limit_s) over += 1;
  }
  assert.ok(over / timed > 0.15, `${over}/${timed}`);

  await openApp(page, env.server.base, `#/processes/${processId}/analysis`);
  await page.selectOption('#period', '90');
  const first = page.locator('[data-testid="bottleneck"] li').first();
  await first.waitFor();
  assert.equal(await first.getAttribute('data-step'), serveId);
  const text = await first.textContent();
  assert.match(text, /上菜/);
  assert.match(text, /经常超时/);
  assert.ok(text.includes(`(${over}/${timed})`), text);
  assert.doesNotMatch(await page.textContent('[data-testid="bottleneck"]'), /没有瓶颈/);
  await screenshot(page, 'process-bottleneck-portrait-zh');
  assert.deepEqual(problems, []);
  await context.close();
});

test('drafts are kept as typed, deleting a step asks first, the diff shows old → new, and v1 opens read-only', async () => {
  const { context, page, problems } = await openContext(env.browser, { locale: 'en-US' });
  const processId = await createProcess(page);
  await page.tap('[data-testid="start-draft"]');
  await page.waitForFunction(() => /Version 2 · Draft/.test(document.querySelector('[data-testid="version-line"]')?.textContent));
  const [v1] = await storedVersions(page, processId);
  const card = page.locator('[data-stage="in"] [data-step]').first();
  const stepId = await card.getAttribute('data-step');
  const old = v1.steps.find((s) => s.id === stepId);

  // Typed, never blurred, then reloaded.
  await card.locator('[data-field="name"]').fill('Greet warmly');
  await card.locator('[data-field="limit"]').fill('2');
  await card.locator('[data-field="standard"]').fill('Smile within ten seconds');
  await page.fill('#change-note', 'Quicker greeting');
  await stored(page, (db) => db.process_versions.some((v) => v.process_id === processId && v.number === 2
    && v.change_note === 'Quicker greeting'
    && v.stages.some((s) => s.steps.some((st) => st.id === stepId && st.name.en === 'Greet warmly' && st.standard.en === 'Smile within ten seconds' && st.time_limit_s === 120))));
  await page.reload();
  await loaded(page);
  const again = page.locator(`[data-step="${stepId}"]`);
  assert.equal(await again.locator('[data-field="name"]').inputValue(), 'Greet warmly');
  assert.equal(await again.locator('[data-field="standard"]').inputValue(), 'Smile within ten seconds');
  assert.equal(await page.inputValue('#change-note'), 'Quicker greeting');

  // Deleting a step asks first: cancelled, it stays; confirmed, it goes.
  const post = page.locator('[data-stage="post"] [data-step]');
  const before = await post.count();
  const removed = await post.first().getAttribute('data-step');
  let message = '';
  page.once('dialog', (d) => { message = d.message(); d.dismiss(); });
  await post.first().locator('[data-action="remove"]').tap();
  await page.waitForTimeout(300);
  assert.match(message, /Delete this step/);
  assert.equal(await post.count(), before);
  page.once('dialog', (d) => d.accept());
  await post.first().locator('[data-action="remove"]').tap();
  await page.waitForFunction(([n]) => document.querySelectorAll('[data-stage="post"] [data-step]').length === n, [before - 1]);

  await page.tap('[data-testid="publish"]');
  await page.waitForFunction(() => /Version 2 · Published/.test(document.querySelector('[data-testid="version-line"]')?.textContent));

  // The diff names each changed field with its old and new value.
  await page.tap('a[data-tab="versions"]');
  const changed = page.locator(`[data-testid="version-diff"] .diff-changed [data-step="${stepId}"]`);
  await changed.waitFor();
  assert.equal(await changed.locator('[data-field="Name"]').textContent(), `name: ${old.name.en} → Greet warmly`);
  assert.equal(await changed.locator('[data-field="TimeLimit"]').textContent(), `time limit: ${minutes(old.time_limit_s)} min → 2 min`);
  assert.equal(await changed.locator('[data-field="Standard"]').textContent(), `standard: ${old.standard.en} → Smile within ten seconds`);
  const removedName = v1.steps.find((s) => s.id === removed).name.en;
  assert.match(await page.textContent('[data-testid="version-diff"] .diff-removed'), new RegExp(removedName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await screenshot(page, 'process-diff-portrait-en');

  // Version 1, read-only, as it was.
  await page.locator('[data-testid="version-history"] tr', { hasText: 'Version 1' }).locator('[data-testid="open-version"]').tap();
  await page.waitForSelector('[data-testid="version-view"] .sheet-step');
  assert.ok(page.url().endsWith(`#/processes/${processId}/v1`), page.url());
  const view = page.locator('[data-testid="version-view"]');
  assert.equal(await view.locator('input, textarea, select, button').count(), 0);
  assert.equal(await view.locator('.sheet-step').count(), v1.steps.length);
  assert.equal(await view.locator(`[data-step="${stepId}"] h3`).textContent(), `${v1.steps.indexOf(old) + 1}. ${old.name.en}`);
  assert.match(await view.textContent(), /read only/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the SOP card prints on one A4 page without navigation or buttons, per process or per role', async () => {
  const { context, page, problems } = await openContext(env.browser, { locale: 'zh-CN' });
  const processId = await createProcess(page);
  const [v1] = await storedVersions(page, processId);
  await page.tap('a[data-tab="card"]');
  await page.waitForSelector('[data-testid="sop-card"] .sheet-step');
  const card = page.locator('[data-testid="sop-card"]');
  assert.equal(await card.locator('.sheet-step').count(), v1.steps.length);
  for (const s of v1.steps) {
    const step = card.locator(`[data-step="${s.id}"]`);
    assert.match(await step.locator('h3').textContent(), new RegExp(s.name.zh));
    assert.equal(await step.locator('.sheet-standard').textContent(), s.standard.zh);
  }
  await screenshot(page, 'process-card-portrait-zh');

  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.app-nav').isVisible(), false);
  assert.equal(await page.locator('[data-testid="print-card"]').isVisible(), false);
  assert.equal(await page.locator('.tabs').isVisible(), false);
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  const pages = pdf.match(/\/Type\s*\/Page(?!s)/g) ?? [];
  assert.equal(pages.length, 1, 'one page');
  const box = pdf.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
  // A4 is 595 × 842 points.
  assert.deepEqual([Math.round(box[1]), Math.round(box[2])], [595, 842]);
  await page.emulateMedia({ media: 'screen' });

  // One role's card holds only that role's steps.
  const roleId = v1.steps.find((s) => s.role_id).role_id;
  await page.selectOption('#card-role', roleId);
  const mine = v1.steps.filter((s) => s.role_id === roleId);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="sop-card"] .sheet-step').length === n, mine.length);
  for (const s of mine) assert.equal(await card.locator(`[data-step="${s.id}"]`).count(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});
