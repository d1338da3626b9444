// The kiosk's language switch belongs to the customer in front of it: the next customer
// starts in the kiosk's language again, and the manager's language is never changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAndLaunch, openContext, openApp, loaded } from './harness.js';
import { ensurePin, exitKiosk } from './kiosk_setup.js';

const env = serveAndLaunch();

test('a customer switches the kiosk to Chinese; the next customer and the manager keep English', async () => {
  const { context, page, problems } = await openContext(env.browser, { locale: 'en-US' });
  await ensurePin(page, env.server.base);
  await openApp(page, env.server.base, '#/surveys');
  await page.selectOption('#instrument', { index: 0 });
  await page.tap('[data-testid="add-survey"] button[type="submit"]');
  const row = page.locator('[data-survey]').last();
  await row.waitFor();
  const stored = () => page.evaluate(() => localStorage.getItem('serviceflow.lang'));
  const managerLang = await stored();
  await row.locator('[data-testid="open-kiosk"]').tap();
  await page.tap('[data-testid="kiosk-start"]');
  const question = () => page.textContent('[data-testid="kiosk-question"]');
  const english = await question();
  assert.doesNotMatch(english, /[\u4e00-\u9fff]/, 'the shift started in English');

  await page.tap('.kiosk-top button.lang-option[lang="zh-CN"]');
  await page.waitForFunction(() => /[\u4e00-\u9fff]/.test(document.querySelector('[data-testid="kiosk-question"]').textContent));
  // The whole page speaks the customer's language, for screen readers and fonts.
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal(await stored(), managerLang, 'the manager\'s stored language is untouched');
  await page.tap('.kiosk-answer[data-score="5"]');
  await page.tap('[data-testid="kiosk-next"]');
  await page.waitForSelector('[data-testid="kiosk-thanks"]');
  // The next customer gets the kiosk's language, English.
  await page.waitForFunction((q) => document.querySelector('[data-testid="kiosk-question"]')?.textContent === q, english, { timeout: 8000 });
  assert.equal(await page.getAttribute('.kiosk-top button.lang-option[lang="en"]', 'aria-pressed'), 'true');

  // Back with the manager: still English, and after a reload too.
  await exitKiosk(page);
  await page.waitForSelector('[data-page="surveys"]');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.textContent('nav a[data-section="surveys"]'), 'Surveys');
  await page.reload();
  await loaded(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.deepEqual(problems, []);
  await context.close();
});
