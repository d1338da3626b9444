// The kiosk suites' shared set-up: a business with staff (the demo), a PIN, a CSAT survey.
import assert from 'node:assert/strict';
import { openContext, openApp, loaded, readStore } from './harness.js';

/** The responses and feedback records stored in IndexedDB. */
export async function stored(page) {
  const db = await readStore(page);
  return { responses: db.responses ?? [], feedback: db.feedback ?? [] };
}

/** Sets the kiosk PIN in Settings (and the idle time, if given) and waits until it is stored. */
export async function setPin(page, pin, { idle, current } = {}) {
  if (await page.locator('nav a[data-section="settings"]').count()) await page.tap('nav a[data-section="settings"]');
  if (current) await page.fill('#current-pin', current);
  await page.fill('#new-pin', pin);
  if (idle) await page.fill('#idle-seconds', String(idle));
  await page.tap('[data-testid="save-kiosk"]');
  await page.waitForFunction(() => /PIN is set|PIN 已设置/.test(document.querySelector('[data-testid="pin-state"]')?.textContent));
}

/**
 * Demo data, a PIN (unless `pin` is null), a new CSAT survey opened in the kiosk; with `start`
 * the shift is started (the device is locked) and the first question is showing.
 */
export async function kioskSetUp(env, { locale = 'en-US', idle, pin = '2468', start = true } = {}) {
  const opened = await openContext(env.browser, { locale });
  const { page } = opened;
  await openApp(page, env.server.base, '#/data');
  await page.tap('[data-testid="load-demo"]');
  await page.waitForSelector('[data-testid="demo-loaded"]');
  if (pin) await setPin(page, pin, { idle });
  await page.tap('nav a[data-section="surveys"]');
  // Count only once the surveys page is there: the route changes on the next hashchange.
  await page.waitForSelector('[data-page="surveys"] [data-testid="survey-list"]');
  const before = await page.locator('[data-survey]').count();
  await page.selectOption('#instrument', { index: 0 });
  await page.tap('[data-testid="add-survey"] button[type="submit"]');
  await page.waitForFunction((n) => document.querySelectorAll('[data-survey]').length === n + 1, before);
  const row = page.locator('[data-survey]', { hasText: 'CSAT' }).last();
  const surveyId = await row.getAttribute('data-survey');
  await row.locator('[data-testid="open-kiosk"]').tap();
  await page.waitForSelector('[data-testid="kiosk-start"]');
  assert.equal(await page.locator('nav').count(), 0, 'no way out but the PIN');
  if (!start) return { ...opened, surveyId };
  await page.selectOption('#duty', { index: 1 });
  const staffId = await page.$eval('#duty', (s) => s.value);
  await page.tap('[data-testid="kiosk-start"]');
  await page.waitForSelector('[data-testid="kiosk-question"]');
  return { ...opened, surveyId, staffId };
}

const PIN = '2468';
const pinned = new WeakSet();

/** Gives this page's device the suites' PIN once (a kiosk cannot be started without one). */
export async function ensurePin(page, base) {
  if (pinned.has(page.context())) return;
  await page.goto(`${base}/#/settings`);
  await loaded(page);
  await setPin(page, PIN);
  pinned.add(page.context());
}

/** Leaves a locked kiosk the only way there is: Manager exit and the PIN. */
export async function exitKiosk(page) {
  await page.tap('[data-testid="kiosk-exit"]');
  await page.fill('#pin', PIN);
  await page.tap('[data-testid="pin-ok"]');
  await page.waitForSelector('nav');
}
