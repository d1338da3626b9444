// Process standards at tablet size, by touch: library, template, draft, edit, publish.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openContext, openApp, screenshot } from './harness.js';

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const versionLine = (page) => page.textContent('[data-testid="version-line"]');

test('create from a template, draft, edit a step, publish with a note; it is all there after reload', async () => {
  const { context, page, problems } = await openContext(browser, { locale: 'zh-CN' });
  await openApp(page, server.base, '#/processes');
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
  assert.deepEqual(problems, []);
  await context.close();
});

test('the library searches, duplicates and archives', async () => {
  const { context, page } = await openContext(browser, { locale: 'en-US' });
  await openApp(page, server.base, '#/processes');
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
