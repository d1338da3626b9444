// The survey builder, versions, results and the visit code, at tablet size by touch, with
// real IndexedDB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAndLaunch, openContext, openApp, loaded, readStore, screenshot } from './harness.js';
import { addQuestion } from './survey_builder.js';
import { ensurePin, exitKiosk } from './kiosk_setup.js';

const env = serveAndLaunch();

/** A blank survey opened in the builder; returns its id. */
async function blankSurvey(page, en, zh, kind = 'instant') {
  await page.tap('nav a[data-section="surveys"]');
  await page.tap('[data-testid="blank-survey"]');
  await page.waitForSelector('[data-page="survey-builder"]');
  await page.fill('#survey-name-en', en);
  await page.fill('#survey-name-zh', zh);
  if (kind === 'follow-up') await page.locator('input[name="survey-kind"]').nth(1).check();
  return page.evaluate(() => location.hash.split('/')[2]);
}

async function save(page) {
  await page.tap('[data-testid="save-survey"]');
  await page.waitForSelector('[data-testid="survey-saved"], [data-testid="survey-issues"]');
}

/** Starts the kiosk for a survey with the visit-code screen on. */
async function kiosk(page, surveyId, askCode) {
  await ensurePin(page, env.server.base);
  await page.goto(`${env.server.base}/#/kiosk/${surveyId}`);
  await loaded(page);
  await page.waitForSelector('[data-testid="kiosk-start"]');
  if (askCode) await page.check('#ask-visit-code');
  await page.tap('[data-testid="kiosk-start"]');
}

test('build a survey, answer it with a visit code, edit it into version 2, read its results', async () => {
  const { context, page, problems } = await openContext(env.browser);
  await openApp(page, env.server.base, '#/surveys');
  const id = await blankSurvey(page, 'After dinner', '餐后评价');

  // A question without text is refused with a message naming it; nothing is saved.
  const stars = await addQuestion(page, 0);
  await save(page);
  assert.match(await page.textContent('[data-testid="survey-issues"]'), /Question 1: write the question/);
  await stars.locator('[data-field="text-en"]').fill('How was your dinner?');
  await stars.locator('[data-field="text-zh"]').fill('这顿饭怎么样?');
  await stars.locator('[data-field="threshold"]').selectOption('2');
  await stars.locator('[data-field="follow-up-en"]').fill('What went wrong?');
  await stars.locator('[data-field="follow-up-zh"]').fill('哪里不好?');
  await stars.locator('[data-field="dimension"]').selectOption({ label: 'Empathy' });
  await stars.locator('[data-field="required"]').check();
  const choice = await addQuestion(page, 4, 'What did you order?', '您点了什么?');
  await choice.locator('[data-field="option-en"]').nth(0).fill('Noodles');
  await choice.locator('[data-field="option-en"]').nth(1).fill('Rice');
  // Move the choice above the stars, then back: each keeps its own text.
  await choice.locator('[data-action="up"]').tap();
  await page.waitForFunction(() => document.querySelector('[data-question] [data-field="text-en"]').value === 'What did you order?');
  await page.locator('[data-question]').first().locator('[data-action="down"]').tap();
  await page.waitForFunction(() => document.querySelector('[data-question] [data-field="text-en"]').value === 'How was your dinner?');
  await save(page);
  assert.equal(await page.locator('[data-testid="survey-issues"]').count(), 0);
  assert.match(await page.textContent('[data-testid="survey-version"]'), /Version 1 · Responses 0/);
  await screenshot(page, 'survey-builder-portrait-en');

  let db = await readStore(page);
  const v1 = db.survey_versions.find((v) => v.survey_id === id);
  assert.equal(v1.questions.length, 2);
  assert.equal(v1.questions[0].dimension, 'empathy');
  assert.equal(v1.questions[0].follow_up_at_or_below, 2);
  assert.deepEqual(v1.questions[1].options.map((o) => o.en), ['Noodles', 'Rice']);

  // A customer gives the receipt code, then answers: 3 stars, noodles.
  await kiosk(page, id, true);
  await page.fill('#visit-code', ' a17 ');
  await page.tap('[data-testid="visit-code-next"]');
  await page.tap('.kiosk-answer[data-score="3"]');
  await page.tap('.kiosk-answer[data-choice="0"]');
  await page.waitForSelector('[data-testid="kiosk-thanks"]');
  await page.waitForSelector('#visit-code', { timeout: 8000 });
  await exitKiosk(page);
  db = await readStore(page);
  const answered = db.responses.filter((r) => r.survey_version_id === v1.id);
  assert.equal(answered.length, 1);
  assert.equal(answered[0].visit_code, 'a17');

  // Now that it has a response, an edit publishes version 2; the response keeps version 1.
  await page.goto(`${env.server.base}/#/surveys/${id}`);
  await loaded(page);
  await page.waitForSelector('[data-question]');
  await page.locator('[data-question]').first().locator('[data-field="text-en"]').fill('How was your meal?');
  await save(page);
  assert.match(await page.textContent('[data-testid="survey-saved"]'), /new version: 2/);
  assert.match(await page.textContent('[data-testid="survey-version"]'), /Version 2 · Responses 0/);
  db = await readStore(page);
  const versions = db.survey_versions.filter((v) => v.survey_id === id).sort((a, b) => a.number - b.number);
  assert.deepEqual(versions.map((v) => [v.number, v.status]), [[1, 'retired'], [2, 'published']]);
  assert.equal(versions[0].questions[0].text.en, 'How was your dinner?');
  assert.equal(versions[1].questions[0].text.en, 'How was your meal?');
  assert.equal(db.responses.find((r) => r.visit_code === 'a17').survey_version_id, versions[0].id);

  // A follow-up survey days later, answered with the same code: NPS 10 (5 on the 1–5 scale).
  const later = await blankSurvey(page, 'A week later', '一周回访', 'follow-up');
  await addQuestion(page, 2, 'Would you recommend us?', '您会推荐我们吗?');
  await save(page);
  await kiosk(page, later, true);
  await page.fill('#visit-code', 'A17');
  await page.tap('[data-testid="visit-code-next"]');
  await page.tap('.kiosk-answer[data-score="10"]');
  await page.waitForSelector('[data-testid="kiosk-thanks"]');
  await exitKiosk(page);

  // Results of the first survey: CSAT over its one answer, and the visit joined with the follow-up.
  await page.goto(`${env.server.base}/#/surveys/${id}/results`);
  await loaded(page);
  await page.selectOption('#results-period', '0');
  const figures = await page.$$eval('[data-testid="figure"]', (tds) => tds.map((t) => t.textContent));
  assert.match(figures[0], /^CSAT 0% \(n=1\) \(fewer than 30 answers/);
  await page.selectOption('#follow-up-survey', later);
  // 3 stars → 3, NPS 10 → 5: change +2.
  assert.match(await page.textContent('[data-testid="visit-change"]'), /Visits paired 1 · instant 3\.00 → follow-up 5\.00 \(change \+2\.00\)/);
  await screenshot(page, 'survey-results-portrait-en');
  assert.deepEqual(problems, []);
  await context.close();
});

test('SERVQUAL gaps from the 22-item instrument, weighted by importance points', async () => {
  const { context, page, problems } = await openContext(env.browser, { locale: 'zh-CN' });
  await openApp(page, env.server.base, '#/surveys');
  const full = await page.$$eval('#instrument option', (os) => os.findIndex((o) => /22/.test(o.textContent)));
  await page.selectOption('#instrument', String(full));
  await page.tap('[data-testid="add-survey"] button[type="submit"]');
  await page.waitForSelector('[data-survey]');
  const id = await page.locator('[data-survey]').last().getAttribute('data-survey');
  await kiosk(page, id, false);
  // Expectations 7, perceptions 5 on every item: a gap of −2 everywhere.
  for (let i = 0; i < 44; i++) {
    const progress = await page.textContent('.kiosk-progress');
    const text = await page.textContent('.kiosk-question');
    const expectation = /优秀的同类商家/.test(text);
    await page.tap(`.kiosk-answer[data-score="${expectation ? 7 : 5}"]`);
    if (i < 43) await page.waitForFunction((p) => document.querySelector('.kiosk-progress')?.textContent !== p, progress);
  }
  await page.waitForSelector('[data-testid="kiosk-thanks"]');
  await exitKiosk(page);
  await page.goto(`${env.server.base}/#/surveys/${id}/results`);
  await loaded(page);
  await page.waitForSelector('[data-testid="servqual"]');
  const unweighted = await page.textContent('[data-testid="servqual-unweighted"]');
  assert.match(unweighted, /^-2\.00 \(n=1\)/);
  assert.match(await page.textContent('[data-testid="servqual-weighted"]'), /^-2\.00 \(n=1\)/);
  // Importance points that do not add up to 100 are refused with a message.
  await page.fill('#weight-0', '50');
  await page.locator('#weight-0').press('Tab');
  await page.waitForSelector('.alert-warn');
  assert.match(await page.textContent('.alert-warn'), /合计必须是 100/);
  // 50 + 0 + 10 + 20 + 20 = 100 again.
  await page.fill('#weight-1', '0');
  await page.locator('#weight-1').press('Tab');
  await page.fill('#weight-2', '10');
  await page.locator('#weight-2').press('Tab');
  await page.waitForSelector('[data-testid="servqual"]');
  assert.match(await page.textContent('[data-testid="servqual-weighted"]'), /^-2\.00/);
  assert.deepEqual(problems, []);
  await context.close();
});

/** Starts the kiosk for a survey with the staff member at `staffIndex` on duty. */
async function shift(page, surveyId, staffIndex) {
  // By the fragment, not a reload: the page keeps its installed clock as it is.
  await page.evaluate((s) => { location.hash = `#/kiosk/${s}`; }, surveyId);
  await page.waitForSelector('[data-testid="kiosk-start"]');
  await page.selectOption('#duty', { index: staffIndex });
  await page.tap('[data-testid="kiosk-start"]');
  await page.waitForSelector('[data-testid="kiosk-question"]');
}

/**
 * Ends the kiosk run by opening the surveys page afresh, as a new day on the tablet would:
 * the kiosk's own exit is the kiosk tests' concern, and its timers must not run on under
 * the test's clock.
 */
async function endShift(page) {
  await exitKiosk(page);
  await page.goto('about:blank');
  await page.goto(`${env.server.base}/#/surveys`);
  await loaded(page);
}

async function thanked(page) {
  await page.waitForSelector('[data-testid="kiosk-thanks"]');
  await page.waitForSelector('[data-testid="kiosk-question"]', { timeout: 8000 });
}

/** The rows of a table as arrays of cell texts. */
function rows(locator) {
  return locator.evaluate((t) => [...t.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent)));
}

test('results per question: distribution, trend by week or month, comments filtered, each with n; archive, names, preview, confirm', async () => {
  const { context, page, problems } = await openContext(env.browser);
  // A Wednesday; the week (from Monday) is 2 Nov 2026.
  await page.clock.install({ time: new Date('2026-11-04T10:00:00Z') });
  await openApp(page, env.server.base, '#/data');
  await page.tap('[data-testid="load-demo"]');
  await page.waitForSelector('[data-testid="demo-loaded"]');
  await ensurePin(page, env.server.base);
  const id = await blankSurvey(page, 'Lunch today', '今天的午餐');
  const stars = await addQuestion(page, 0, 'How was lunch?', '午餐怎么样?');
  await stars.locator('[data-field="threshold"]').selectOption('2');
  await stars.locator('[data-field="follow-up-en"]').fill('What went wrong?');
  await stars.locator('[data-field="follow-up-zh"]').fill('哪里不好?');
  await stars.locator('details summary').tap();
  const step = stars.locator('details input[type="checkbox"]').first();
  await step.check();
  const stepLabel = (await stars.locator('details label.check').first().textContent()).trim();
  await addQuestion(page, 6, 'Anything else?', '还有什么?');

  // Removing a question asks first; cancelling keeps it.
  const extra = await addQuestion(page, 2, 'Recommend us?', '推荐吗?');
  await extra.locator('[data-action="remove"]').tap();
  await extra.locator('[data-testid="confirm-remove"]').waitFor();
  assert.equal(await page.locator('[data-question]').count(), 3, 'nothing removed before the confirmation');
  await extra.locator('[data-action="cancel-remove"]').tap();
  assert.equal(await page.locator('[data-question]').count(), 3);
  await extra.locator('[data-action="remove"]').tap();
  await extra.locator('[data-action="confirm-remove"]').tap();
  await page.waitForFunction(() => document.querySelectorAll('[data-question]').length === 2);
  await save(page);
  assert.equal(await page.locator('[data-testid="survey-issues"]').count(), 0);

  // The preview shows the questions as the kiosk will, one screen at a time.
  await page.tap('[data-testid="toggle-preview"]');
  assert.equal(await page.textContent('[data-testid="preview-question"]'), 'How was lunch?');
  assert.equal(await page.locator('[data-testid="survey-preview"] .kiosk-answer').count(), 5);
  await page.tap('[data-testid="preview-next"]');
  assert.equal(await page.textContent('[data-testid="preview-question"]'), 'Anything else?');
  await screenshot(page, 'survey-preview-portrait-en');

  // A second survey may not take the same name; added instruments are numbered.
  await blankSurvey(page, ' lunch TODAY ', '另一个');
  await addQuestion(page, 0, 'Q', '题');
  await page.tap('[data-testid="save-survey"]');
  await page.waitForSelector('[data-testid="survey-name-taken"]');
  assert.match(await page.textContent('[data-testid="survey-name-taken"]'), /Another survey has this name/);
  await page.tap('nav a[data-section="surveys"]');
  await page.waitForSelector('[data-page="surveys"] [data-testid="survey-list"]');
  for (let i = 0; i < 2; i++) {
    const before = await page.locator('[data-survey]').count();
    await page.selectOption('#instrument', { index: 0 });
    await page.tap('[data-testid="add-survey"] button[type="submit"]');
    await page.waitForFunction((n) => document.querySelectorAll('[data-survey]').length === n + 1, before);
  }
  const names = await page.$$eval('[data-survey] .process-name', (ns) => ns.map((n) => n.textContent.trim().toLowerCase()));
  assert.equal(new Set(names).size, names.length, `names repeat: ${names}`);

  // Three customers: two this week with the first staff member on duty, one the next week.
  await shift(page, id, 1);
  await page.tap('.kiosk-answer[data-score="5"]');
  await page.fill('#kiosk-text', 'Lovely');
  await page.tap('[data-testid="kiosk-next"]');
  await thanked(page);
  await page.tap('.kiosk-answer[data-score="1"]');
  await page.fill('#follow-up', 'Cold soup');
  await page.tap('[data-testid="kiosk-next"]');
  await page.fill('#kiosk-text', 'Never again');
  await page.tap('[data-testid="kiosk-next"]');
  await thanked(page);
  await endShift(page);
  await page.clock.setSystemTime(new Date('2026-11-11T10:00:00Z'));
  await shift(page, id, 2);
  await page.tap('.kiosk-answer[data-score="4"]');
  await page.tap('[data-testid="kiosk-next"]');
  await thanked(page);
  await endShift(page);

  const db = await readStore(page);
  const staffNames = Object.fromEntries(db.staff.map((s) => [s.id, s.name]));
  const mine = db.responses.filter((r) => db.survey_versions.some((v) => v.id === r.survey_version_id && v.survey_id === id));
  assert.equal(mine.length, 3);
  const firstStaff = staffNames[mine.find((r) => r.follow_ups && Object.keys(r.follow_ups).length).staff_id];

  await page.evaluate((s) => { location.hash = `#/surveys/${s}/results`; }, id);
  await loaded(page);
  const breakdown = page.locator('[data-testid="question-breakdown"] [data-question]').first();
  await breakdown.waitFor();
  // 5, 1 and 4 stars: one each of 1, 4 and 5 out of 3 answers.
  assert.equal(await breakdown.locator('[data-testid="distribution-n"]').textContent(), '(n=3)');
  const dist = await rows(breakdown.locator('[data-testid="distribution"]'));
  assert.deepEqual(dist.map((r) => [r[0], r[1]]), [['1', '1'], ['2', '0'], ['3', '0'], ['4', '1'], ['5', '1']]);
  // Weekly CSAT: week of 2 Nov 1 of 2 satisfied = 50 %, week of 9 Nov 1 of 1 = 100 %.
  assert.deepEqual(await rows(breakdown.locator('[data-testid="trend"]')), [['2 Nov 2026', '50.0 (n=2)'], ['9 Nov 2026', '100.0 (n=1)']]);
  await page.locator('input[data-bucket="Month"]').check();
  await page.waitForFunction(() => document.querySelector('[data-testid="trend"] tbody tr th')?.textContent === '1 Nov 2026');
  // November: 2 of 3 satisfied.
  assert.deepEqual(await rows(breakdown.locator('[data-testid="trend"]')), [['1 Nov 2026', '66.7 (n=3)']]);

  const comments = () => page.$$eval('[data-testid="comment"] .comment-text', (ps) => ps.map((p) => p.textContent));
  const n = () => page.textContent('[data-testid="comments-n"]');
  assert.deepEqual((await comments()).sort(), ['Cold soup', 'Lovely', 'Never again']);
  assert.equal(await n(), 'n=3');
  await page.check('#comments-low');
  await page.waitForFunction(() => document.querySelector('[data-testid="comments-n"]').textContent === 'n=2');
  assert.deepEqual((await comments()).sort(), ['Cold soup', 'Never again']);
  await page.uncheck('#comments-low');
  await page.selectOption('#comments-step', { label: stepLabel });
  await page.waitForFunction(() => document.querySelector('[data-testid="comments-n"]').textContent === 'n=1');
  assert.deepEqual(await comments(), ['Cold soup']);
  await page.selectOption('#comments-step', '');
  const other = Object.values(staffNames).find((s) => s !== firstStaff);
  await page.selectOption('#comments-staff', { label: other });
  await page.waitForFunction(() => document.querySelector('[data-testid="comments-n"]').textContent === 'n=0');
  await page.selectOption('#comments-staff', { label: firstStaff });
  await page.waitForFunction(() => document.querySelector('[data-testid="comments-n"]').textContent === 'n=3');
  await screenshot(page, 'survey-results-breakdown-portrait-en');

  // The list says which period its figures cover: 25 days on, only the third answer is in the last 30.
  await page.clock.setSystemTime(new Date('2026-12-06T10:00:00Z'));
  await page.tap('.back-link');
  const row = page.locator('[data-testid="survey-list"] [data-survey]', { hasText: 'Lunch today' });
  await row.waitFor();
  assert.equal(await row.locator('[data-testid="headline-period"]').textContent(), 'Last 30 days');
  assert.equal(await row.locator('[data-testid="response-count"]').textContent(), '1');

  // Archived: off the list and its kiosk link, results kept.
  await row.locator('[data-testid="archive-survey"]').tap();
  await page.waitForFunction((s) => !document.querySelector(`[data-testid="survey-list"] [data-survey="${s}"]`), id);
  assert.equal(await page.locator(`a[href$="kiosk/${id}"]`).count(), 0);
  const archived = page.locator(`[data-testid="archived-surveys"] [data-survey="${id}"]`);
  await page.tap('[data-testid="archived-surveys"] summary');
  await archived.locator('[data-testid="survey-results"]').tap();
  await page.selectOption('#results-period', '0');
  await page.waitForFunction(() => document.querySelector('[data-testid="distribution-n"]')?.textContent === '(n=3)');
  assert.equal((await readStore(page)).surveys.find((s) => s.id === id).archived, true);
  assert.deepEqual(problems, []);
  await context.close();
});
