import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAndLaunch, openContext, openApp, screenshot,
  SUB_PATH, TABLET_PORTRAIT, TABLET_LANDSCAPE, DESKTOP,
} from './harness.js';

const SECTIONS = [
  ['dashboard', '经营看板', 'Dashboard'],
  ['processes', '服务流程', 'Processes'],
  ['surveys', '满意度调查', 'Surveys'],
  ['feedback', '投诉建议', 'Feedback'],
  ['staff', '员工能力', 'Staff'],
  ['improvement', '持续改进', 'Improvement'],
  ['audits', '巡检', 'Audits'],
  ['reports', '报表', 'Reports'],
  ['data', '数据', 'Data'],
  ['settings', '设置', 'Settings'],
];

const env = serveAndLaunch();

test('loads in the browser language with no console error and no outside request', async () => {
  for (const [locale, title] of [['zh-CN', '经营看板'], ['en-GB', 'Dashboard']]) {
    const { context, page, problems } = await openContext(env.browser, { locale });
    await openApp(page, env.server.base);
    assert.equal(await page.textContent('h1'), title);
    assert.equal(await page.getAttribute('html', 'lang'), locale.startsWith('zh') ? 'zh-CN' : 'en');
    await page.waitForTimeout(300);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('every navigation link reaches its page, by touch', async () => {
  const { context, page, problems } = await openContext(env.browser, { locale: 'zh-CN' });
  await openApp(page, env.server.base);
  for (const [slug, zh] of SECTIONS) {
    await page.tap(`nav a[data-section="${slug}"]`);
    await page.waitForSelector(`[data-page="${slug}"]`);
    assert.equal(await page.textContent('h1'), zh);
    assert.equal(await page.getAttribute(`nav a[data-section="${slug}"]`, 'aria-current'), 'page');
    // Pages with a period keep it after a `?` (the dashboard, the report).
    assert.match(page.url(), new RegExp(`#/${slug}(\\?period=[^&]+)?$`));
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('the language switch applies at once and persists across reload', async () => {
  const { context, page, problems } = await openContext(env.browser, { locale: 'zh-CN' });
  await openApp(page, env.server.base, '#/staff');
  assert.equal(await page.textContent('h1'), '员工能力');
  await page.click('.app-header button.lang-option[lang="en"]');
  assert.equal(await page.textContent('h1'), 'Staff');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.reload();
  await page.waitForSelector('[data-page="staff"]');
  assert.equal(await page.textContent('h1'), 'Staff');
  assert.equal(await page.getAttribute('.app-header button.lang-option[lang="en"]', 'aria-pressed'), 'true');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a deep link survives a reload on a plain static server', async () => {
  const { context, page, problems } = await openContext(env.browser);
  await openApp(page, env.server.base, '#/reports');
  await page.reload();
  await page.waitForSelector('[data-page="reports"]');
  assert.equal(await page.textContent('h1'), 'Reports');
  // Back and forward move between sections like any web page.
  await page.tap('nav a[data-section="data"]');
  await page.waitForSelector('[data-page="data"]');
  await page.goBack();
  await page.waitForSelector('[data-page="reports"]');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the app works when served under a sub-path', async () => {
  const { context, page, problems } = await openContext(env.browser);
  await openApp(page, env.server.base, '#/settings', SUB_PATH);
  assert.equal(await page.textContent('h1'), 'Settings');
  await page.tap('nav a[data-section="processes"]');
  await page.waitForSelector('[data-page="processes"]');
  assert.ok(page.url().startsWith(`${env.server.base}${SUB_PATH}`), page.url());
  await page.reload();
  await page.waitForSelector('[data-page="processes"]');
  assert.deepEqual(problems, []);
  await context.close();
});

test('an unknown link shows a translated not-found page with a way back', async () => {
  const { context, page } = await openContext(env.browser, { locale: 'zh-CN' });
  await page.goto(`${env.server.base}/#/no-such-page`);
  await page.waitForSelector('main h1');
  assert.equal(await page.textContent('main h1'), '找不到这个页面');
  await page.tap('main a.button');
  await page.waitForSelector('[data-page="dashboard"]');
  await context.close();
});

test('the kiosk route shows no navigation', async () => {
  const { context, page, problems } = await openContext(env.browser);
  await openApp(page, env.server.base, '#/kiosk');
  assert.equal(await page.locator('nav').count(), 0);
  assert.equal(await page.locator('.app-header').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('touch targets are at least 44 px and keyboard focus is visible', async () => {
  const { context, page } = await openContext(env.browser);
  await openApp(page, env.server.base);
  const small = await page.$$eval('a.nav-link, button, a.button', (els) =>
    els.filter((e) => e.offsetParent !== null)
      .map((e) => [e.textContent.trim(), e.getBoundingClientRect().height])
      .filter(([, h]) => h < 44));
  assert.deepEqual(small, []);
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => document.activeElement.className);
  assert.equal(first, 'skip-link');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.equal(outline, 'solid');
  await context.close();
});

test('on a portrait tablet the sections sit in one row, every one reachable, the current one in view', async () => {
  for (const locale of ['zh-CN', 'en-US']) {
    const { context, page, problems } = await openContext(env.browser, { locale, viewport: TABLET_PORTRAIT });
    // The last section: on a row that scrolls, it starts beyond the right edge.
    await openApp(page, env.server.base, '#/settings');
    const row = await page.$eval('nav ul', (ul) => {
      const links = [...ul.querySelectorAll('a.nav-link')];
      const box = ul.getBoundingClientRect();
      const current = ul.querySelector('[aria-current="page"]').getBoundingClientRect();
      return {
        tops: [...new Set(links.map((a) => Math.round(a.getBoundingClientRect().top)))],
        count: links.length,
        fits: ul.scrollWidth <= ul.clientWidth,
        scrolls: getComputedStyle(ul).overflowX,
        shadow: getComputedStyle(ul).backgroundImage,
        currentInside: current.left >= box.left - 1 && current.right <= box.right + 1,
      };
    });
    assert.equal(row.count, SECTIONS.length);
    assert.equal(row.tops.length, 1, `${locale}: the links wrap into ${row.tops.length} rows`);
    assert.ok(row.currentInside, `${locale}: the current section is scrolled out of sight`);
    if (!row.fits) {
      // It scrolls: sideways by touch, with a shadow on the side where more sections wait.
      assert.match(row.scrolls, /auto|scroll/);
      assert.match(row.shadow, /radial-gradient/);
    }
    // Every link can be brought into the row and tapped.
    for (const [slug] of SECTIONS) {
      const link = page.locator(`nav a[data-section="${slug}"]`);
      await link.scrollIntoViewIfNeeded();
      await link.tap();
      await page.waitForSelector(`[data-page="${slug}"]`);
    }
    await screenshot(page, `nav-portrait-${locale}`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('screenshots at tablet and desktop sizes', async () => {
  for (const [name, viewport] of [['portrait', TABLET_PORTRAIT], ['landscape', TABLET_LANDSCAPE], ['desktop', DESKTOP]]) {
    for (const locale of ['zh-CN', 'en-US']) {
      const { context, page } = await openContext(env.browser, { locale, viewport });
      await openApp(page, env.server.base, '#/processes');
      // Nothing may overflow sideways: a squeezed desktop page would.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${name} ${locale} overflows by ${overflow}px`);
      await screenshot(page, `shell-${name}-${locale}`);
      await context.close();
    }
  }
});
