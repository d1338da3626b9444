// Process standards at tablet size, by touch: library, template, draft, edit, publish.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAndLaunch, openContext, openApp, screenshot } from './harness.js';

const env = serveAndLaunch();

const versionLine = (page) => page.textContent('[data-testid="version-line"]');

test('create from a template, draft, edit a step, publish with a note; it is all there after reload', async () => {
  const { context, page, problems } = await openContext(env.browser, { locale: 'zh-CN' });
  await openApp(page, env.server.base, '#/processes');
  await page.selectOption('#template', { index: 0 });
  await page.tap('[data-testid="create-process"]');
  await page.waitForSelector('[data-page="process"]');
  assert.match(await page.textContent('h1'), /餐/);
  assert.match(await versionLine(page), /版本 1 · 已发布/);
  // Three stages, each with steps.
  for (const stage of ['pre', 'in', 'post']) {
    assert.ok(await page.locator(`[data-stage="${stage}"] [data-step]`).count() > 0, stage);
  }
  // A published version is read-only: no inputs until a draft is started.
  assert.equal(await page.locator('[data-step] input').count(), 0);
  await page.tap('[data-testid="start-draft"]');
  await page.waitForFunction(() => /版本 2 · 草稿/.test(document.querySelector('[data-testid="version-line"]')?.textContent));

  const first = page.locator('[data-stage="in"] [data-step]').first();
  const stepId = await first.getAttribute('data-step');
  await first.locator('[data-field="name"]').fill('热情迎宾并引导入座');
  await first.locator('[data-field="name"]').press('Tab');
  await first.locator('[data-field="limit"]').fill('2');
  await first.locator('[data-field="limit"]').press('Tab');
  await page.waitForFunction((id) => document.querySelector(`[data-step="${id}"] [data-field="name"]`)?.value === '热情迎宾并引导入座', stepId);

  // Move it down by touch: it trades places with the next step.
  const next = await page.locator('[data-stage="in"] [data-step]').nth(1).getAttribute('data-step');
  await page.tap(`[data-step="${stepId}"] [data-action="down"]`);
  await page.waitForFunction(([a, b]) => {
    const ids = [...document.querySelectorAll('[data-stage="in"] [data-step]')].map((e) => e.dataset.step);
    return ids.indexOf(a) === ids.indexOf(b) + 1;
  }, [stepId, next]);

  // Publishing needs a change note, and a valid draft.
  await page.tap('[data-testid="publish"]');
  await page.waitForSelector('.alert-error');
  assert.match(await page.textContent('[data-testid="publish-form"]'), /请填写变更说明/);
  await page.locator(`[data-step="${stepId}"] [data-field="limit"]`).fill('0');
  await page.locator(`[data-step="${stepId}"] [data-field="limit"]`).press('Tab');
  await page.fill('#change-note', '迎宾时限缩短到两分钟');
  await page.waitForTimeout(200);
  await page.tap('[data-testid="publish"]');
  await page.waitForSelector('[data-testid="publish-issues"]');
  assert.match(await page.textContent('[data-testid="publish-issues"]'), /热情迎宾并引导入座: 时限必须大于 0/);
  await page.locator(`[data-step="${stepId}"] [data-field="limit"]`).fill('2');
  await page.locator(`[data-step="${stepId}"] [data-field="limit"]`).press('Tab');
  await page.waitForTimeout(200);
  await page.tap('[data-testid="publish"]');
  await page.waitForFunction(() => /版本 2 · 已发布/.test(document.querySelector('[data-testid="version-line"]')?.textContent));
  await screenshot(page, 'process-published-portrait-zh');

  await page.reload();
  await page.waitForSelector('[data-testid="version-line"]');
  assert.match(await versionLine(page), /版本 2 · 已发布/);
  assert.equal(await page.textContent(`[data-step="${stepId}"] h3`), '热情迎宾并引导入座');
  assert.match(await page.textContent(`[data-step="${stepId}"]`), /2 min/);

  // The swimlane flowchart: one lane per role, the edited step drawn, downloadable as SVG.
  await page.tap('a[data-tab="flowchart"]');
  await page.waitForSelector('[data-testid="swimlane"] svg');
  const svgText = await page.textContent('[data-testid="swimlane"] svg');
  assert.match(svgText, /热情迎宾/);
  assert.match(svgText, /服务前准备/);
  const box = await page.locator('[data-testid="swimlane"]').boundingBox();
  assert.ok(box.width <= 768, `the chart scrolls inside the page, ${box.width}px`);
  await screenshot(page, 'process-swimlane-portrait-zh');
  const [download] = await Promise.all([page.waitForEvent('download'), page.tap('[data-testid="download-svg"]')]);
  assert.match(download.suggestedFilename(), /\.svg$/);
  const file = (await import('node:fs')).readFileSync(await download.path(), 'utf8');
  assert.match(file, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox=/);
  assert.match(file, /热情迎宾并引导入/, "the name, wrapped onto two lines");

  // SIPOC, gathered from the steps' roles, inputs and outputs.
  await page.tap('a[data-tab="sipoc"]');
  await page.waitForSelector('[data-testid="sipoc"]');
  const sipoc = await page.textContent('[data-testid="sipoc"]');
  for (const heading of ['供应者', '输入', '流程', '输出', '顾客']) assert.match(sipoc, new RegExp(heading));
  assert.match(sipoc, /服务员/);

  // Version history and the diff of versions 1 → 2, field by field.
  await page.tap('a[data-tab="versions"]');
  await page.waitForSelector('[data-testid="version-history"]');
  assert.match(await page.textContent('[data-testid="version-history"]'), /迎宾时限缩短到两分钟/);
  const diff = await page.textContent('[data-testid="version-diff"]');
  assert.match(diff, /修改步骤/);
  const changed = await page.textContent(`.diff-changed [data-step="${stepId}"]`);
  assert.match(changed, /名称: .+ → 热情迎宾并引导入座/);
  assert.match(changed, /时限: [\d.]+ min → 2 min/);
  assert.match(changed, /顺序: \d+ → \d+/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the library searches, duplicates and archives', async () => {
  const { context, page } = await openContext(env.browser, { locale: 'en-US' });
  await openApp(page, env.server.base, '#/processes');
  for (const index of [0, 1]) {
    await page.selectOption('#template', { index });
    await page.tap('[data-testid="create-process"]');
    await page.waitForSelector('[data-page="process"]');
    await page.tap('.back-link');
    await page.waitForSelector('[data-testid="process-list"]');
  }
  assert.equal(await page.locator('.process-row').count(), 2);
  await page.fill('#process-search', 'hotel');
  await page.waitForFunction(() => document.querySelectorAll('.process-row').length === 1);
  await page.fill('#process-search', '');
  await page.waitForFunction(() => document.querySelectorAll('.process-row').length === 2);

  await page.locator('.process-row', { hasText: 'Hotel' }).getByRole('button', { name: 'Duplicate' }).tap();
  await page.waitForSelector('[data-page="process"]');
  assert.match(await page.textContent('h1'), /\(copy\)/);
  assert.match(await versionLine(page), /Version 1 · Draft/);
  await page.tap('.back-link');
  await page.waitForFunction(() => document.querySelectorAll('.process-row').length === 3);

  await page.locator('.process-row', { hasText: '(copy)' }).getByRole('button', { name: 'Archive' }).tap();
  await page.waitForFunction(() => document.querySelectorAll('.process-row').length === 2);
  await page.check('.toolbar input[type="checkbox"]');
  await page.waitForFunction(() => document.querySelectorAll('.process-row').length === 3);
  await context.close();
});

test('run the published version as a checklist by touch, then see compliance', async () => {
  const { context, page, problems } = await openContext(env.browser, { locale: 'en-US' });
  await openApp(page, env.server.base, '#/processes');
  await page.selectOption('#template', { index: 0 });
  await page.tap('[data-testid="create-process"]');
  await page.waitForSelector('[data-page="process"]');
  await page.tap('a[data-tab="run"]');
  await page.fill('#run-code', 'T-12');
  await page.tap('[data-testid="start-run"] button[type="submit"]');
  await page.waitForSelector('[data-testid="checklist"]');

  // The live timer counts against the limit.
  const t0 = await page.textContent('[data-testid="timer"]');
  await page.waitForFunction((t) => document.querySelector('[data-testid="timer"]')?.textContent !== t, t0, { timeout: 5000 });

  const total = await page.locator('.check-step').count();
  let skipped = 0;
  for (let i = 0; i < total; i += 1) {
    const current = page.locator('.check-step.current');
    const id = await current.getAttribute('data-step');
    if (await current.locator('input[type="radio"]').count()) {
      // A standard-tier step refuses "done" until an option is chosen.
      await page.tap('[data-testid="step-done"]');
      await page.waitForSelector('.check-step.current .alert-error');
      await current.locator('input[type="radio"]').first().tap();
    }
    if (await current.locator('#run-note').count()) await page.fill('#run-note', 'Birthday noodles for the guest');
    if (i === 2) {
      await current.locator('summary').tap();
      await page.fill('#run-reason', 'Guest in a hurry');
      await page.tap('[data-testid="step-skip"]');
      skipped += 1;
    } else {
      await page.tap('[data-testid="step-done"]');
    }
    await page.waitForFunction((id) => document.querySelector(`.check-step[data-step="${id}"]`)?.dataset.state !== 'current', id);
    if (i === 3) {
      // A reload in the middle of a run loses nothing.
      await page.reload();
      await page.waitForSelector('[data-testid="checklist"]');
      assert.equal(await page.locator('.check-step[data-state="done"], .check-step[data-state="skipped"]').count(), 4);
    }
  }
  await screenshot(page, 'process-run-portrait-en');
  await page.tap('[data-testid="finish-run"]');
  await page.waitForSelector('[data-testid="run-summary"]');

  await page.tap('a[data-tab="analysis"]');
  await page.waitForSelector('[data-testid="compliance"]');
  assert.equal(await page.textContent('[data-testid="runs"]'), '1');
  // Every step was done within seconds, well inside its limit, to standard; one was skipped.
  const expected = `(${total - skipped}/${total})`;
  assert.ok((await page.textContent('[data-testid="compliance"]')).endsWith(expected), await page.textContent('[data-testid="compliance"]'));
  // One run is too few to judge any step.
  assert.match(await page.textContent('[data-testid="bottleneck"]'), /No bottleneck/);
  assert.match(await page.textContent('[data-testid="too-few"]'), /Too few runs/);
  assert.ok(await page.locator('[data-testid="simplify"] li').count() >= 1, 'the non-value-adding step is flagged');
  assert.equal(await page.locator('[data-testid="by-step"] tbody tr').count(), total);
  await screenshot(page, 'process-analysis-portrait-en');
  assert.deepEqual(problems, []);
  await context.close();
});
