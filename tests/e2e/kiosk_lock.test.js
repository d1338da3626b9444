// The kiosk lock holds: no route, history entry, key or new tab leads out without the PIN.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAndLaunch, openApp, loaded } from './harness.js';
import { kioskSetUp, setPin } from './kiosk_setup.js';

const env = serveAndLaunch();

/** Still the customer's screen: a kiosk question, no manager navigation, the kiosk address. */
async function stillLocked(page, why) {
  await page.waitForSelector('[data-testid="kiosk-question"]');
  assert.equal(await page.locator('nav, .app-header, [data-page="data"], [data-page="settings"]').count(), 0, why);
  assert.match(page.url(), /#\/kiosk\//, `${why}: the address is the kiosk's`);
}

async function unlock(page, pin = '2468') {
  await page.tap('[data-testid="kiosk-exit"]');
  await page.fill('#pin', pin);
  await page.tap('[data-testid="pin-ok"]');
  await page.waitForSelector('[data-page="surveys"]');
}

test('without a PIN the kiosk cannot be handed over; the shift screen names the survey and has a way back', async () => {
  const { context, page, problems } = await kioskSetUp(env, { pin: null, start: false });
  assert.match(await page.textContent('[data-testid="shift-survey"]'), /CSAT/);
  assert.ok(await page.isDisabled('[data-testid="kiosk-start"]'), 'no hand-over without a PIN');
  await page.waitForSelector('[data-testid="shift-no-pin"] a[href$="#/settings"]');
  assert.match(await page.textContent('.kiosk-pinning'), /Guided Access/);
  assert.match(await page.textContent('.kiosk-pinning'), /pinning/i);
  // Before locking, the way back is open.
  await page.tap('[data-testid="shift-back"]');
  await page.waitForSelector('[data-page="surveys"] nav, nav');
  await page.waitForSelector('[data-page="surveys"]');
  assert.equal(await page.evaluate(() => localStorage.getItem('serviceflow.kiosk.lock')), null);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a locked kiosk refuses Back, edited addresses, reloads, new tabs and keys; only the PIN unlocks', async () => {
  const { context, page, problems, surveyId } = await kioskSetUp(env);
  // The manager came via Data → Settings → Surveys, so Back has app pages to go to.
  await page.goBack();
  await stillLocked(page, 'one Back');
  await page.goBack();
  await stillLocked(page, 'a second Back');
  await page.goBack().catch(() => {});
  await stillLocked(page, 'a third Back');
  await page.goForward().catch(() => {});
  await stillLocked(page, 'Forward');

  for (const hash of ['#/data', '#/settings', '#/dashboard', '#/kiosk/other', '#/']) {
    await page.evaluate((h) => { location.hash = h; }, hash);
    await page.waitForFunction((id) => location.hash === `#/kiosk/${id}`, surveyId);
    await stillLocked(page, `address edited to ${hash}`);
  }
  await page.goto(`${env.server.base}/#/data`);
  await loaded(page);
  await stillLocked(page, 'typing the Data address and Enter');
  await page.reload();
  await loaded(page);
  await stillLocked(page, 'a reload');

  // A new tab of the app opens locked, at any address.
  const tab = await context.newPage();
  await openApp(tab, env.server.base, '#/settings');
  await stillLocked(tab, 'a new tab');

  // Keys: Escape and Alt+Left do nothing; Tab reaches only the kiosk's own controls.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Alt+ArrowLeft');
  await stillLocked(page, 'Escape and Alt+Left');
  const reached = [];
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    reached.push(await page.evaluate(() => {
      const el = document.activeElement;
      return { tag: el.tagName, href: el.getAttribute('href'), hidden: !el.checkVisibility?.() , testid: el.dataset.testid ?? '' };
    }));
  }
  assert.ok(reached.every((r) => r.href === null), `no link is reachable: ${JSON.stringify(reached)}`);
  assert.ok(reached.every((r) => !r.hidden), `no hidden control is reachable: ${JSON.stringify(reached)}`);
  await stillLocked(page, 'after tabbing');

  // A wrong PIN keeps it locked; Escape on the PIN screen goes back to the customer.
  await page.tap('[data-testid="kiosk-exit"]');
  await page.keyboard.press('Escape');
  await stillLocked(page, 'Escape on the PIN screen');
  await page.tap('[data-testid="kiosk-exit"]');
  await page.fill('#pin', '1111');
  await page.tap('[data-testid="pin-ok"]');
  await page.waitForSelector('[data-testid="pin-message"]');
  assert.equal(await page.locator('nav').count(), 0);
  await page.waitForTimeout(1100);
  await page.fill('#pin', '2468');
  await page.tap('[data-testid="pin-ok"]');
  await page.waitForSelector('[data-page="surveys"]');
  assert.equal(await page.locator('nav').count(), 1);
  // The other tab follows the unlock (its kiosk is back at the shift screen, with a way
  // back), and nothing is locked on a reload.
  await tab.waitForSelector('[data-testid="shift-back"]');
  await page.reload();
  await loaded(page);
  assert.equal(await page.locator('nav').count(), 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a locked kiosk whose survey is gone still asks for the PIN', async () => {
  const { context, page, problems } = await kioskSetUp(env);
  await page.evaluate(() => localStorage.setItem('serviceflow.kiosk.lock', JSON.stringify('00000000-0000-4000-8000-000000000000')));
  await page.reload();
  await loaded(page);
  await page.waitForSelector('[data-page="kiosk"] [data-testid="kiosk-exit"]');
  assert.equal(await page.locator('[data-page="kiosk"] a').count(), 0, 'no plain link out');
  await page.evaluate(() => { location.hash = '#/data'; });
  await page.waitForFunction(() => location.hash.startsWith('#/kiosk/'));
  assert.equal(await page.locator('nav').count(), 0);
  await page.tap('[data-testid="kiosk-exit"]');
  await page.fill('#pin', '2468');
  await page.tap('[data-testid="pin-ok"]');
  await page.waitForSelector('[data-page="surveys"]');
  assert.deepEqual(problems, []);
  await context.close();
});

test('leaving during the thank-you leaves no timer behind', async () => {
  const { context, page, problems } = await kioskSetUp(env);
  await page.tap('.kiosk-answer[data-score="5"]');
  await page.waitForSelector('#kiosk-text');
  await page.tap('[data-testid="kiosk-next"]');
  await page.waitForSelector('[data-testid="kiosk-thanks"]');
  await unlock(page);
  await page.waitForTimeout(4500);
  assert.deepEqual(problems, []);
  await context.close();
});

test('changing or removing the PIN needs the current one; weak PINs and bad idle times are refused', async () => {
  const { context, page, problems } = await kioskSetUp(env, { start: false });
  await page.tap('[data-testid="shift-back"]');
  await page.waitForSelector('nav');
  await page.tap('nav a[data-section="settings"]');
  // Waits for the settings message to match: the view updates after the tap returns.
  const says = (re) => page.waitForFunction((src) => new RegExp(src).test(document.querySelector('[data-testid="kiosk-settings-message"]')?.textContent ?? ''), re.source);
  const pinHash = () => page.evaluate(() => JSON.stringify(JSON.parse(localStorage.getItem('serviceflow.kiosk')).pin));
  const original = await pinHash();
  // A wrong current PIN changes nothing.
  await page.fill('#current-pin', '9999');
  await page.fill('#new-pin', '802491');
  await page.tap('[data-testid="save-kiosk"]');
  await says(/current PIN is wrong/);
  await page.tap('[data-testid="remove-pin"]');
  await says(/current PIN is wrong/);
  assert.equal(await pinHash(), original, 'neither the change nor the removal happened');
  // A weak PIN is warned about first.
  await page.fill('#current-pin', '2468');
  await page.fill('#new-pin', '1234');
  await page.tap('[data-testid="save-kiosk"]');
  await says(/easy to guess/);
  assert.equal(await pinHash(), original, 'a weak PIN is not kept on the first Save');
  // An idle time out of range is refused, not silently changed.
  await page.fill('#new-pin', '');
  await page.fill('#idle-seconds', '5');
  await page.tap('[data-testid="save-kiosk"]');
  await says(/10 to 600/);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('serviceflow.kiosk')));
  assert.equal(stored.idle_seconds, 60);
  // The right current PIN changes it; the old one no longer unlocks.
  await page.fill('#idle-seconds', '90');
  await setPin(page, '802491', { current: '2468' });
  await says(/saved/);
  await page.tap('nav a[data-section="surveys"]');
  await page.waitForSelector('[data-page="surveys"] [data-testid="survey-list"]');
  await page.locator('[data-testid="open-kiosk"]').last().tap();
  await page.tap('[data-testid="kiosk-start"]');
  await page.waitForSelector('[data-testid="kiosk-question"]');
  await page.tap('[data-testid="kiosk-exit"]');
  await page.fill('#pin', '2468');
  await page.tap('[data-testid="pin-ok"]');
  await page.waitForSelector('[data-testid="pin-message"]');
  await page.waitForTimeout(1100);
  await page.fill('#pin', '802491');
  await page.tap('[data-testid="pin-ok"]');
  await page.waitForSelector('[data-page="surveys"]');
  // Removing it with the current PIN works, and the kiosk then refuses to lock.
  await page.tap('nav a[data-section="settings"]');
  await page.fill('#current-pin', '802491');
  await page.tap('[data-testid="remove-pin"]');
  await page.waitForFunction(() => /No PIN/.test(document.querySelector('[data-testid="pin-state"]')?.textContent));
  const after = await page.evaluate(() => JSON.parse(localStorage.getItem('serviceflow.kiosk')));
  assert.equal(after.pin, null);
  assert.equal(after.idle_seconds, 90);
  assert.deepEqual(problems, []);
  await context.close();
});
