// Feedback handling at tablet size by touch, with real IndexedDB: a complaint recorded by
// staff, handled from open to closed with its times, root cause and whys; overdue items
// first; a low kiosk score arriving as a service-recovery item.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAndLaunch, openContext, openApp, loaded, readStore, screenshot } from './harness.js';
import { ensurePin, exitKiosk } from './kiosk_setup.js';

const env = serveAndLaunch();
const literal = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function demo(page) {
  await openApp(page, env.server.base, '#/data');
  await page.tap('[data-testid="load-demo"]');
  await page.waitForSelector('[data-testid="demo-loaded"]');
}

/** Records a phone complaint; with `about`, naming the first staff member and step. */
async function record(page, text, about = true) {
  await page.tap('nav a[data-section="feedback"]');
  await page.waitForSelector('[data-page="feedback"] [data-testid="new-feedback"]');
  if (!(await page.$eval('[data-testid="new-feedback"]', (d) => d.open))) await page.tap('[data-testid="new-feedback"] summary');
  await page.selectOption('#fb-channel', '1');
  await page.fill('#fb-text', text);
  if (about) {
    await page.selectOption('#fb-staff', { index: 1 });
    await page.selectOption('#fb-step', { index: 1 });
  }
  await page.tap('[data-testid="add-feedback"]');
  const row = page.locator('[data-feedback]', { hasText: text });
  await row.waitFor();
  return row;
}

test('a complaint is recorded, handled to closed with its times, and kept', async () => {
  const { context, page, problems } = await openContext(env.browser);
  await demo(page);
  // Nothing written: a clear message, nothing saved.
  await page.tap('nav a[data-section="feedback"]');
  await page.tap('[data-testid="new-feedback"] summary');
  await page.tap('[data-testid="add-feedback"]');
  assert.match(await page.textContent('[data-testid="new-feedback"] [role="alert"]'), /Write down what the customer said/);

  const row = await record(page, 'The soup was cold');
  assert.equal(await row.getAttribute('data-status'), 'Open');
  const staff = await page.$eval('#fb-staff', (s) => s.options[1].textContent);
  await row.locator('a').tap();
  await page.waitForSelector('[data-page="feedback-item"]');
  assert.equal(await page.textContent('[data-testid="feedback-staff"]'), staff);
  assert.match(await page.textContent('[data-testid="feedback-step"]'), / · /);
  assert.equal(await page.textContent('[data-testid="first-response"]'), '–');

  await page.tap('[data-move="InProgress"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="status"]').textContent === 'In progress');
  assert.match(await page.textContent('[data-testid="first-response"]'), /^\d+ min$/);
  await page.selectOption('#fb-cause', { label: 'Process' });
  await page.fill('#why-1', 'The soup waited at the pass');
  await page.fill('#why-2', 'No runner was free');
  await page.fill('#why-3', 'The rota has one runner at peak');
  await page.tap('[data-testid="save-causes"]');
  await page.waitForSelector('[data-testid="root-cause"] .alert-ok');
  // Resolving asks what was done for the customer; nothing moves without it.
  await page.tap('[data-move="Resolved"]');
  assert.match(await page.textContent('[data-testid="move-refused"]'), /what was done for the customer/);
  assert.equal(await page.textContent('[data-testid="status"]'), 'In progress');
  const [handler, caller] = await page.$eval('#fb-by', (s) => [s.options[1].textContent, s.options[2].textContent]);
  await page.selectOption('#fb-by', { label: handler });
  await page.fill('#fb-resolution-note', 'Brought a fresh hot soup');
  await page.fill('#fb-compensation', 'Dessert on the house');
  await page.selectOption('#fb-called-back-by', { label: caller });
  await page.tap('[data-move="Resolved"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="status"]').textContent === 'Resolved');
  assert.match(await page.textContent('[data-testid="resolution"]'), /^\d+ min$/);
  assert.equal(await page.textContent('[data-testid="resolution-note"]'), 'Brought a fresh hot soup');
  assert.equal(await page.textContent('[data-testid="compensation"]'), 'Dessert on the house');
  assert.match(await page.textContent('[data-testid="called-back"]'), new RegExp(`^${literal(caller)} · .*\\d{1,2}:\\d{2}`));
  await page.tap('[data-move="Closed"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="status"]').textContent === 'Closed');
  assert.equal(await page.locator('[data-move="Closed"], [data-move="InProgress"]').count(), 0, 'closed goes nowhere but back');
  // A closed item is reopened only with a reason.
  await page.tap('[data-move="Reopen"]');
  assert.match(await page.textContent('[data-testid="move-refused"]'), /why it is reopened/);
  await page.fill('#fb-reopen-reason', 'The customer called again');
  await page.tap('[data-move="Reopen"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="status"]').textContent === 'In progress');
  assert.equal(await page.textContent('[data-testid="resolution"]'), '–', 'reopened is not resolved');
  // Every move is in the history, with who made it and when.
  const history = await page.$$eval('[data-testid="history-entry"]', (li) => li.map((l) => l.textContent));
  assert.equal(history.length, 4);
  const expected = [['In progress', ''], ['Resolved', ': Brought a fresh hot soup'], ['Closed', ''], ['In progress', ': The customer called again']];
  expected.forEach(([status, note], i) => {
    assert.match(history[i], new RegExp(`^${status} · .*\\d{1,2}:\\d{2} · ${i === 0 ? '–' : literal(handler)}${literal(note)}$`), history[i]);
  });
  await page.tap('[data-move="Closed"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="status"]').textContent === 'Closed');
  await screenshot(page, 'feedback-item-portrait-en');
  const db = await readStore(page);
  const stored = db.feedback.find((f) => f.text === 'The soup was cold');
  assert.equal(stored.resolution.note, 'Brought a fresh hot soup');
  assert.equal(stored.history.length, 5);
  assert.equal(stored.history[3].note, 'The customer called again');

  await page.reload();
  await loaded(page);
  await page.waitForSelector('[data-testid="status"]');
  assert.equal(await page.textContent('[data-testid="status"]'), 'Closed');
  assert.equal(await page.inputValue('#why-3'), 'The rota has one runner at peak');
  assert.equal(await page.$eval('#fb-cause', (s) => s.selectedOptions[0].textContent), 'Process');

  // The list can be filtered by status; the summary counts and times carry their n.
  await page.tap('.back-link');
  await page.selectOption('#fb-filter-status', '3');
  await page.locator('[data-feedback]', { hasText: 'The soup was cold' }).waitFor();
  assert.equal(await page.locator('[data-feedback]:not([data-status="Closed"])').count(), 0);
  assert.match(await page.textContent('[data-testid="feedback-summary"]'), /Resolution \(median\)\s*\d.*\(n=\d+\)/);

  // 中文 throughout.
  await page.tap('.app-header button.lang-option[lang="zh-CN"]');
  await page.waitForFunction(() => document.querySelector('h1').textContent.includes('投诉'));
  assert.match(await page.textContent('[data-testid="feedback-summary"]'), /已关闭/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an unanswered complaint becomes overdue after a day and is listed first', async () => {
  const { context, page, problems } = await openContext(env.browser);
  await page.clock.install();
  await openApp(page, env.server.base, '#/feedback');
  const row = await record(page, 'Nobody answered the phone', false);
  assert.equal(await row.locator('[data-testid="overdue"]').count(), 0);
  await page.clock.fastForward('25:00:00');
  // Leave and come back: the list is worked out at the new time.
  await page.tap('nav a[data-section="dashboard"]');
  await page.tap('nav a[data-section="feedback"]');
  const first = page.locator('[data-feedback]').first();
  await first.locator('[data-testid="overdue"]').waitFor();
  assert.match(await first.textContent(), /Nobody answered the phone/);
  assert.equal(await page.textContent('[data-testid="overdue-count"] strong'), '1');
  await screenshot(page, 'feedback-list-overdue-portrait-en');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a low kiosk score shows up as a service-recovery complaint', async () => {
  const { context, page, problems } = await openContext(env.browser);
  await demo(page);
  await ensurePin(page, env.server.base);
  await page.tap('nav a[data-section="surveys"]');
  await page.selectOption('#instrument', { index: 0 });
  await page.tap('[data-testid="add-survey"] button[type="submit"]');
  const survey = page.locator('[data-survey]', { hasText: 'CSAT' }).last();
  await survey.waitFor();
  await survey.locator('[data-testid="open-kiosk"]').tap();
  await page.waitForSelector('[data-testid="kiosk-start"]');
  await page.tap('[data-testid="kiosk-start"]');
  await page.tap('.kiosk-answer[data-score="1"]');
  await page.fill('#follow-up', 'Waited forty minutes');
  await page.tap('[data-testid="kiosk-next"]');
  await page.tap('[data-testid="kiosk-next"]');
  await page.waitForSelector('[data-testid="kiosk-thanks"]');
  await exitKiosk(page);
  await page.goto(`${env.server.base}/#/feedback`);
  await loaded(page);
  const row = page.locator('[data-feedback]', { hasText: 'Waited forty minutes' });
  await row.waitFor();
  assert.equal(await row.getAttribute('data-status'), 'Open');
  assert.match(await row.textContent(), /Complaint.*Kiosk/s);
  await row.locator('a').tap();
  await page.waitForSelector('[data-page="feedback-item"]');
  assert.match(await page.textContent('[data-page="feedback-item"]'), /A low kiosk score/);
  assert.deepEqual(problems, []);
  await context.close();
});
