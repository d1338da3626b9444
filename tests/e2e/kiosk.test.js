// The customer kiosk at tablet size, by touch, with real IndexedDB and the service worker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAndLaunch, screenshot, loaded } from './harness.js';
import { kioskSetUp, stored } from './kiosk_setup.js';

const env = serveAndLaunch();
const setUp = (opts) => kioskSetUp(env, opts);

test('answer by taps, thank-you, reset; double taps count once; the response is stamped and stored', async () => {
  const { context, page, staffId, problems } = await setUp();
  const before = (await stored(page)).responses.length;
  await screenshot(page, 'kiosk-question-portrait-en');
  // A double tap on the first answer answers once and moves on once.
  await page.dblclick('.kiosk-answer[data-score="5"]');
  await page.waitForFunction(() => document.querySelector('.kiosk-progress')?.textContent.startsWith('2'));
  assert.equal(await page.locator('[data-testid="kiosk-thanks"]').count(), 0);
  await page.fill('#kiosk-text', 'Lovely noodles');
  await page.tap('[data-testid="kiosk-next"]');
  await page.waitForSelector('[data-testid="kiosk-thanks"]');
  await screenshot(page, 'kiosk-thanks-portrait-en');
  // The thank-you resets itself for the next customer.
  await page.waitForFunction(() => document.querySelector('.kiosk-progress')?.textContent.startsWith('1'), null, { timeout: 8000 });
  const after = (await stored(page)).responses;
  assert.equal(after.length, before + 1);
  const mine = after.find((r) => Object.values(r.answers).some((a) => a.kind === 'text' && a.value === 'Lovely noodles'));
  assert.ok(mine, 'the response is in IndexedDB');
  assert.equal(mine.staff_id, staffId, 'stamped with the staff on duty');
  assert.ok(Object.values(mine.answers).some((a) => a.kind === 'score' && a.value === 5));
  assert.deepEqual(problems, []);
  await context.close();
});

test('a low score asks what went wrong and creates a service-recovery item', async () => {
  const { context, page } = await setUp({ locale: 'zh-CN' });
  const before = (await stored(page)).feedback.length;
  await page.tap('.kiosk-answer[data-score="1"]');
  await page.waitForSelector('#follow-up');
  assert.match(await page.textContent('.kiosk-question'), /不满意|哪里|什么/);
  await page.fill('#follow-up', '等了四十分钟');
  await page.tap('[data-testid="kiosk-next"]');
  await page.tap('[data-testid="kiosk-next"]');
  await page.waitForSelector('[data-testid="kiosk-thanks"]');
  const feedback = (await stored(page)).feedback;
  assert.equal(feedback.length, before + 1);
  const item = feedback.find((f) => f.text === '等了四十分钟');
  assert.ok(item, JSON.stringify(feedback.slice(-2)));
  assert.equal(item.kind, 'complaint');
  assert.equal(item.status, 'open');
  assert.equal(item.channel, 'kiosk');
  await context.close();
});

test('a response survives a reload right after submit', async () => {
  const { context, page } = await setUp();
  const before = (await stored(page)).responses.length;
  await page.tap('.kiosk-answer[data-score="4"]');
  await page.waitForSelector('#kiosk-text');
  await page.tap('[data-testid="kiosk-next"]');
  await page.waitForSelector('[data-testid="kiosk-thanks"]');
  await page.reload();
  await page.waitForSelector('[data-testid="kiosk-question"]');
  assert.equal((await stored(page)).responses.length, before + 1);
  // After a reload the kiosk resumes for customers: no shift screen, still no navigation.
  assert.equal(await page.locator('nav').count(), 0);
  await context.close();
});

test('a wrong PIN is refused and slowed down; the right PIN leaves', async () => {
  const { context, page } = await setUp();
  await page.tap('[data-testid="kiosk-exit"]');
  await page.fill('#pin', '1111');
  await page.tap('[data-testid="pin-ok"]');
  await page.waitForSelector('[data-testid="pin-message"]');
  assert.match(await page.textContent('[data-testid="pin-message"]'), /Wrong PIN/);
  assert.equal(await page.locator('nav').count(), 0);
  // Straight away, even the right PIN must wait.
  await page.fill('#pin', '2468');
  await page.tap('[data-testid="pin-ok"]');
  await page.waitForFunction(() => /Try again in/.test(document.querySelector('[data-testid="pin-message"]')?.textContent));
  assert.equal(await page.locator('nav').count(), 0);
  await page.waitForTimeout(1100);
  await page.tap('[data-testid="pin-ok"]');
  await page.waitForSelector('[data-page="surveys"]');
  assert.equal(await page.locator('nav').count(), 1);
  await context.close();
});

test('an idle kiosk warns, then starts over', async () => {
  const { context, page } = await setUp({ idle: 12 });
  await page.tap('.kiosk-answer[data-score="3"]');
  await page.waitForSelector('#kiosk-text');
  await page.waitForSelector('[data-testid="idle-warning"]', { timeout: 8000 });
  await page.waitForFunction(() => document.querySelector('.kiosk-progress')?.textContent.startsWith('1'), null, { timeout: 15000 });
  assert.equal(await page.locator('[data-testid="idle-warning"]').count(), 0);
  await context.close();
});

test('the kiosk works offline after the first load', async () => {
  const { context, page } = await setUp();
  await page.evaluate(() => navigator.serviceWorker.ready);
  // Let the service worker take control of this page too, then cut the network.
  await page.reload();
  await page.waitForSelector('[data-testid="kiosk-question"]');
  await context.setOffline(true);
  await page.reload();
  await page.waitForSelector('[data-testid="kiosk-question"]');
  const before = (await stored(page)).responses.length;
  await page.tap('.kiosk-answer[data-score="5"]');
  await page.waitForSelector('#kiosk-text');
  await page.tap('[data-testid="kiosk-next"]');
  await page.waitForSelector('[data-testid="kiosk-thanks"]');
  assert.equal((await stored(page)).responses.length, before + 1);
  await context.close();
});

test("a kiosk link opens the kiosk's own page, which downloads none of the manager's; a bookmark of the old address still works", async () => {
  const { context, page, surveyId, problems } = await setUp();
  assert.match(page.url(), /\/kiosk\.html#\/kiosk\//, 'the shift was started on the kiosk page');
  const fresh = await context.newPage();
  const asked = [];
  fresh.on('request', (r) => asked.push(new URL(r.url()).pathname));
  await fresh.goto(`${env.server.base}/kiosk.html#/kiosk/${surveyId}`);
  await fresh.waitForSelector('[data-testid="kiosk-question"]');
  assert.ok(asked.some((p) => /\/kiosk-[0-9a-f]+_bg\.wasm$/.test(p)), asked.join(' '));
  assert.deepEqual(asked.filter((p) => /serviceflow-/.test(p)), [], "the manager's code is not downloaded");
  await fresh.close();
  // An address from before the kiosk had its own page lands there.
  const old = await context.newPage();
  await old.goto(`${env.server.base}/#/kiosk/${surveyId}`);
  await old.waitForURL(/\/kiosk\.html#\/kiosk\//);
  await old.waitForSelector('[data-testid="kiosk-question"]');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the shift screen follows what a manager tab saves: a new member of staff can go on duty', async () => {
  const { context, page, problems } = await setUp({ start: false });
  const manager = await context.newPage();
  await manager.goto(`${env.server.base}/#/staff`);
  await manager.waitForSelector('#staff-name');
  await manager.fill('#staff-name', 'Zhao Lei');
  await manager.tap('[data-testid="add-staff"] button[type="submit"]');
  await page.waitForFunction(() => [...document.querySelectorAll('#duty option')].some((o) => o.textContent === 'Zhao Lei'));
  await manager.close();
  assert.deepEqual(problems, []);
  await context.close();
});

test('responses are listed, filtered, opened and deleted with confirmation', async () => {
  const { context, page, surveyId, staffId } = await setUp();
  await page.tap('.kiosk-answer[data-score="2"]');
  await page.fill('#follow-up', 'Cold soup');
  await page.tap('[data-testid="kiosk-next"]');
  await page.fill('#kiosk-text', 'Otherwise fine');
  await page.tap('[data-testid="kiosk-next"]');
  await page.waitForSelector('[data-testid="kiosk-thanks"]');
  await page.tap('[data-testid="kiosk-exit"]');
  await page.fill('#pin', '2468');
  await page.tap('[data-testid="pin-ok"]');
  await page.waitForSelector('[data-testid="responses"]');
  // The PIN leads to the manager's page, which reads the records anew.
  await loaded(page);
  const matching = () => page.textContent('[data-testid="response-matching"]');
  assert.ok(Number(await matching()) > 1, 'demo responses are listed too');
  await page.selectOption('#resp-survey', surveyId);
  await page.waitForFunction(() => document.querySelector('[data-testid="response-matching"]')?.textContent === '1');
  await page.selectOption('#resp-staff', staffId);
  assert.equal(await matching(), '1');
  await page.tap('.response-row [data-action="open"]');
  assert.match(await page.textContent('.response-row'), /Cold soup/);
  page.once('dialog', (d) => d.accept());
  await page.tap('.response-row [data-action="delete"]');
  await page.waitForSelector('[data-testid="response-deleted"]');
  assert.equal(await matching(), '0');
  await page.reload();
  await page.waitForSelector('[data-testid="responses"]');
  await page.selectOption('#resp-survey', surveyId);
  await page.waitForFunction(() => document.querySelector('[data-testid="response-matching"]')?.textContent === '0');
  assert.equal((await stored(page)).responses.filter((r) => r.follow_ups && Object.values(r.follow_ups).includes('Cold soup')).length, 0);
  await context.close();
});
