// Long unbroken text never widens a page: a long "word" typed into each main field (process
// name, step name and standard, survey name, question text, staff name, capability guide,
// feedback text) and every page that shows it, on a 768 px portrait tablet, scrolls
// vertically only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAndLaunch, openContext, openApp, loaded, screenshot } from './harness.js';
import { setPin } from './kiosk_setup.js';

const env = serveAndLaunch();
// "W" is the widest Latin letter; the inputs' own maxlength (80) caps some of them.
const word = (n, mark) => `${mark}${'W'.repeat(n)}`;
const NAME = 80;
const LONG = 5000;

/** Records the page if it is wider than the window, with the elements that stick out. */
async function noSideways(page, state, found) {
  await page.waitForTimeout(200);
  const wide = await page.evaluate(() => {
    const w = window.innerWidth;
    if (document.documentElement.scrollWidth <= w) return null;
    const out = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > w + 1)
      .filter((e) => ![...e.children].some((c) => c.getBoundingClientRect().right > w + 1))
      .slice(0, 3)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`);
    return `${document.documentElement.scrollWidth} px wide: ${out.join(', ')}`;
  });
  if (wide) {
    found.push(`${state}: ${wide}`);
    await screenshot(page, `long-text-${state.replace(/\W+/g, '-')}`);
  }
}

async function visit(page, hash, ready) {
  await page.goto(`${env.server.base}/${hash}`);
  await loaded(page);
  await page.waitForSelector(ready);
}

test('a long unbroken string in every main field scrolls no page sideways at 768 px', async () => {
  const { context, page, problems } = await openContext(env.browser);
  const found = [];
  await openApp(page, env.server.base, '#/');
  await page.tap('[data-testid="start-demo"]');
  await page.waitForSelector('[data-page="processes"] .process-row');

  // A process: its name (80, the input's maximum), a step's name and its standard.
  const process = (await page.getAttribute('.process-row a.process-name', 'href')).split('/').slice(0, 3).join('/');
  await visit(page, `${process}/edit`, '#process-name');
  await page.fill('#process-name', word(NAME, 'P'));
  await page.tap('[data-testid="start-draft"]');
  const step = page.locator('[data-step]').first();
  await step.locator('[data-field="name"]').waitFor();
  await step.locator('[data-field="name"]').fill(word(NAME, 'S'));
  await step.locator('[data-field="name"]').press('Tab');
  await step.locator('[data-field="standard"]').fill(word(LONG, 'T'));
  await step.locator('[data-field="standard"]').press('Tab');
  await page.fill('#change-note', word(LONG, 'N'));
  await page.waitForTimeout(300);
  await page.tap('[data-testid="publish"]');
  await page.waitForFunction(() => /Published/.test(document.querySelector('[data-testid="version-line"]')?.textContent));
  await noSideways(page, 'process editor', found);
  for (const tab of ['flowchart', 'sipoc', 'versions', 'analysis', 'v1', 'card']) {
    await visit(page, `${process}/${tab}`, '[data-page="process"]');
    await noSideways(page, `process ${tab}`, found);
  }
  // The run page: its start, or the run the demo left in progress.
  await visit(page, `${process}/run`, '[data-testid="start-run"], [data-testid="checklist"]');
  if (await page.locator('[data-testid="start-run"]').count()) {
    await page.tap('[data-testid="start-run"] button[type="submit"]');
    await page.waitForSelector('[data-testid="checklist"]');
  }
  await noSideways(page, 'process run', found);
  await visit(page, '#/processes', '.process-row');
  await noSideways(page, 'process list', found);

  // A survey: its name and a question's text.
  await visit(page, '#/surveys', '[data-testid="blank-survey"]');
  await page.tap('[data-testid="blank-survey"]');
  await page.waitForSelector('[data-page="survey-builder"]');
  const survey = await page.evaluate(() => location.hash.split('/')[2]);
  await page.fill('#survey-name-en', word(LONG, 'U'));
  await page.fill('#survey-name-zh', word(LONG, 'U'));
  await page.selectOption('#new-question-kind', '0');
  await page.tap('[data-testid="add-question"]');
  const question = page.locator('[data-question]').last();
  await question.locator('[data-field="text-en"]').fill(word(LONG, 'Q'));
  await question.locator('[data-field="text-zh"]').fill(word(LONG, 'Q'));
  await page.tap('[data-testid="save-survey"]');
  await page.waitForSelector('[data-testid="survey-saved"]');
  await noSideways(page, 'survey builder', found);
  await visit(page, '#/surveys', `[data-survey="${survey}"]`);
  await noSideways(page, 'survey list', found);
  await visit(page, `#/surveys/${survey}/results`, '[data-page="survey-results"]');
  await noSideways(page, 'survey results', found);

  // A member of staff with a long name, evaluated, so the name is in the radar's legend.
  await visit(page, '#/staff', '#staff-name');
  await page.fill('#staff-name', word(LONG, 'M'));
  await page.fill('#staff-joined', '2025-03-01');
  await page.tap('[data-testid="add-staff"] button[type="submit"]');
  const person = page.locator('[data-staff]', { hasText: 'MWWW' });
  await person.waitFor();
  await noSideways(page, 'staff team', found);

  // A capability's guide: a 46-character token (the audit's case) and a much longer one.
  await visit(page, '#/staff/capabilities', '[data-capability]');
  const capability = page.locator('[data-capability]').first();
  await capability.locator('.guide summary').tap();
  await capability.locator('[data-field="guide-en-1"]').fill(word(46, 'G'));
  await capability.locator('[data-field="guide-en-2"]').fill(word(LONG, 'H'));
  await capability.locator('[data-field="guide-en-2"]').press('Tab');
  await capability.locator('[data-testid="save-capability"]').tap();
  await capability.locator('[role="status"]').waitFor();
  await noSideways(page, 'staff capabilities', found);

  await visit(page, '#/staff', '[data-staff]');
  await page.locator('[data-staff]', { hasText: 'MWWW' }).locator('a').tap();
  await page.waitForSelector('[data-page="staff-person"] [data-testid="evaluate"]');
  const scales = page.locator('[data-testid="evaluate"] [data-capability]');
  for (let i = 0; i < (await scales.count()); i++) await scales.nth(i).locator('.score-option').nth(3).tap();
  await page.tap('[data-testid="save-evaluation"]');
  await page.waitForSelector('[data-testid="evaluation-saved"]');
  await page.waitForSelector('[data-testid="person-radar"] svg');
  await noSideways(page, 'staff person and evaluation form', found);
  await visit(page, '#/staff', '[data-testid="team-radar"] svg');
  await noSideways(page, 'staff team with radars', found);

  // Feedback text.
  await visit(page, '#/feedback', '[data-testid="new-feedback"]');
  if (!(await page.$eval('[data-testid="new-feedback"]', (d) => d.open))) await page.tap('[data-testid="new-feedback"] summary');
  await page.selectOption('#fb-channel', '1');
  await page.fill('#fb-text', word(LONG, 'F'));
  await page.tap('[data-testid="add-feedback"]');
  const item = page.locator('[data-feedback]', { hasText: 'FWWW' });
  await item.waitFor();
  await noSideways(page, 'feedback list', found);
  await item.locator('a').tap();
  await page.waitForSelector('[data-page="feedback-item"]');
  await noSideways(page, 'feedback item', found);

  // Everything at once, in the overviews.
  for (const [hash, ready, state] of [
    ['#/dashboard', '[data-chart] .chart svg', 'dashboard'],
    ['#/reports', '[data-page="reports"]', 'reports'],
    ['#/data', '[data-testid="load-demo"]', 'data'],
  ]) {
    await visit(page, hash, ready);
    await noSideways(page, state, found);
  }

  // The kiosk with the long survey: the shift screen and the question.
  await visit(page, '#/settings', '[data-page="settings"]');
  await setPin(page, '135790');
  await visit(page, `#/kiosk/${survey}`, '[data-testid="kiosk-start"]');
  await noSideways(page, 'kiosk shift', found);
  await page.tap('[data-testid="kiosk-start"]');
  await page.waitForSelector('[data-testid="kiosk-question"]');
  await noSideways(page, 'kiosk question', found);

  assert.deepEqual(found, []);
  assert.deepEqual(problems, []);
  await context.close();
});
