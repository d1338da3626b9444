// The kiosk by keyboard and screen reader: after each answer the focus is on the new
// screen's heading (not lost to <body>), the progress is spoken from a polite live region,
// and each scale says what its ends mean, in the kiosk's language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAndLaunch } from './harness.js';
import { kioskSetUp } from './kiosk_setup.js';

const env = serveAndLaunch();

const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return { tag: el.tagName, testid: el.dataset.testid ?? null, score: el.dataset.score ?? null, text: el.textContent.trim() };
});
const live = (page) => page.textContent('[data-testid="kiosk-progress-live"]');
const scaleEnds = (page) => page.$eval('.kiosk-scale[role="group"]', (g) => document.getElementById(g.getAttribute('aria-describedby')).textContent);

test('keyboard only: focus moves to each new heading, progress is announced, scale ends are described', async () => {
  const { context, page, problems } = await kioskSetUp(env);
  assert.equal((await focused(page)).testid, 'kiosk-question');
  assert.equal(await live(page), 'Question 1 of 2');
  assert.equal(await page.getAttribute('[data-testid="kiosk-progress-live"]', 'aria-live'), 'polite');
  assert.equal(await scaleEnds(page), '1 = very dissatisfied, 5 = very satisfied');

  // From the heading, Tab reaches the stars in order; Enter answers.
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('Tab');
  assert.equal((await focused(page)).score, '5');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('.kiosk-progress')?.textContent.startsWith('2'));
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'kiosk-question');
  assert.equal(await live(page), 'Question 2 of 2');

  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).tag, 'TEXTAREA');
  await page.keyboard.type('Quick and friendly');
  // Buttons are disabled for a moment after each answer (the double-tap guard), and Tab
  // passes over a disabled button.
  await page.waitForSelector('[data-testid="kiosk-next"]:not([disabled])');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid="kiosk-thanks"]');
  await page.waitForFunction(() => document.activeElement?.closest('[data-testid="kiosk-thanks"]'));
  assert.equal(await live(page), '');

  // The next customer starts with the focus on the first question again; a low score's
  // follow-up takes the focus too.
  await page.waitForSelector('[data-testid="kiosk-question"]', { timeout: 8000 });
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'kiosk-question');
  await page.waitForSelector('.kiosk-answer:not([disabled])');
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).score, '1');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#follow-up');
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the progress and the scale ends speak the kiosk language', async () => {
  const { context, page, problems } = await kioskSetUp(env, { locale: 'zh-CN' });
  assert.equal(await live(page), '第 1 题,共 2 题');
  assert.equal(await scaleEnds(page), '1 = 非常不满意,5 = 非常满意');
  // The customer's own language switch changes both at once.
  await page.tap('.kiosk-top button.lang-option[lang="en"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="kiosk-progress-live"]').textContent === 'Question 1 of 2');
  assert.equal(await scaleEnds(page), '1 = very dissatisfied, 5 = very satisfied');
  assert.deepEqual(problems, []);
  await context.close();
});
