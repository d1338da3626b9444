// axe-core (WCAG 2.1 A and AA rules) over every page state, in Chinese and in English, at
// tablet size: no critical and no serious violation. axe runs through `page.evaluate` (a
// CDP call, outside the page's CSP), so the app keeps its real policy and the harness would
// report any violation axe itself caused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serveAndLaunch, openContext, openApp, loaded } from './harness.js';
import { setPin } from './kiosk_setup.js';
import { audit } from './axe.js';

const env = serveAndLaunch();
const PIN = '135790';

/** Opens `hash` (a hash change: the same document, axe stays loaded) and waits for `ready`. */
async function visit(page, hash, ready) {
  await page.goto(`${env.server.base}/${hash}`);
  await loaded(page);
  await page.waitForSelector(ready);
}

for (const [locale, lang] of [['zh-CN', 'zh'], ['en-US', 'en']]) {
  test(`every page state passes axe (WCAG 2.1 AA, no critical or serious) in ${lang}`, async () => {
    const { context, page, problems } = await openContext(env.browser, { locale });
    const found = [];
    const check = async (state) => found.push(...(await audit(page, `${lang} ${state}`)));

    await openApp(page, env.server.base, '#/');
    await page.waitForSelector('[data-testid="start"]');
    await check('first visit');
    await page.tap('[data-testid="start-demo"]');
    await page.waitForSelector('[data-page="processes"] .process-row');
    await check('processes list');

    await visit(page, '#/dashboard', '[data-chart] .chart svg');
    await check('dashboard with demo data');
    // An open alert (CSAT below 100 for the year: the demo acknowledged only its months'),
    // with its acknowledgement form open, and a drill-down page.
    await visit(page, '#/settings', '[data-testid="alert-rules"]');
    await page.fill('#alert-csat', '100');
    await page.click('[data-testid="save-alert-rules"]');
    await page.waitForSelector('[data-testid="alert-rules-message"].alert-ok');
    await visit(page, '#/dashboard?period=year', '[data-testid="alert-open"]');
    await page.locator('[data-testid="ack-open"]').first().click();
    await check('dashboard alert being acknowledged');
    await visit(page, '#/dashboard/records?period=last-month&focus=kpi.csat', '[data-records="responses"]');
    await check('records behind a KPI');

    await visit(page, '#/processes', '.process-row a.process-name');
    const processHref = await page.getAttribute('.process-row a.process-name', 'href');
    const processBase = processHref.split('/').slice(0, 3).join('/');
    for (const tab of ['edit', 'flowchart', 'sipoc', 'versions', 'analysis']) {
      await visit(page, `${processBase}/${tab}`, `[data-page="process"] a[data-tab="${tab}"][aria-current="page"]`);
      await check(`process ${tab}`);
    }
    // The demo leaves a run in progress on some processes: the checklist, else its start.
    await visit(page, `${processBase}/run`, '[data-testid="start-run"], [data-testid="checklist"]');
    if (await page.locator('[data-testid="start-run"]').count()) {
      await check('process run start');
      await page.tap('[data-testid="start-run"] button[type="submit"]');
      await page.waitForSelector('[data-testid="checklist"]');
    }
    await check('process run checklist');

    await visit(page, '#/surveys', '[data-survey]');
    await check('surveys list');
    const surveyId = await page.getAttribute('[data-survey]', 'data-survey');
    await visit(page, `#/surveys/${surveyId}`, '[data-page="survey-builder"]');
    await check('survey builder');
    await visit(page, `#/surveys/${surveyId}/results`, '[data-page="survey-results"]');
    await check('survey results');

    await visit(page, '#/feedback', '[data-feedback]');
    await check('feedback list');
    await page.locator('[data-feedback] a').first().tap();
    await page.waitForSelector('[data-page="feedback-item"]');
    await check('feedback item');

    await visit(page, '#/staff', '[data-testid="team-radar"] svg');
    await check('staff team');
    await page.locator('[data-staff] a.process-name').first().tap();
    await page.waitForSelector('[data-page="staff-person"] [data-testid="evaluate"]');
    await check('staff person and evaluation form');
    await visit(page, '#/staff/capabilities', '[data-capability]');
    await check('staff capabilities');
    await visit(page, '#/staff/trainings', '[data-page="staff"]');
    await check('staff trainings');

    // The PDCA board (the demo has actions in every stage) and one action's A3 card.
    await visit(page, '#/improvement', '[data-testid="pdca-board"] .pdca-card');
    await check('improvement board');
    const action = await page.getAttribute('.pdca-card a.pdca-title', 'href');
    await visit(page, action, '[data-testid="action-plan"]');
    await check('improvement action');

    // Audits: the list with false ticking, one audit, and the walk form with a refusal.
    const day = (ago) => new Date(Date.now() - ago * 864e5).toISOString().slice(0, 10);
    await visit(page, `#/audits?period=${day(60)}..${day(0)}`, '[data-testid="audit-list"] [data-audit]');
    await check('audits');
    const oneAudit = await page.getAttribute('[data-audit] a', 'href');
    await visit(page, oneAudit, '[data-testid="audit-score"]');
    await check('audit');
    await visit(page, '#/audits/new', '[data-testid="audit-walk"] [data-step]');
    await page.locator('[data-testid="audit-walk"] .score-option').first().tap();
    await page.tap('[data-testid="save-audit"]');
    await page.waitForSelector('[data-testid="walk-refused"]');
    await check('audit walk');

    await visit(page, '#/data', '[data-testid="load-demo"]');
    await check('data');
    await visit(page, '#/reports', '[data-page="reports"]');
    await check('reports');
    await visit(page, '#/settings', '[data-page="settings"]');
    await check('settings');

    // The kiosk last: once handed over, only the PIN leads back.
    await setPin(page, PIN);
    await visit(page, '#/surveys', '[data-survey] [data-testid="open-kiosk"]');
    await page.locator('[data-survey] [data-testid="open-kiosk"]').first().tap();
    await page.waitForSelector('[data-testid="kiosk-start"]');
    await check('kiosk shift screen');
    await page.tap('[data-testid="kiosk-start"]');
    await page.waitForSelector('[data-testid="kiosk-question"]');
    await check('kiosk question');
    await page.tap('[data-testid="kiosk-exit"]');
    await page.waitForSelector('[data-testid="pin-form"]');
    await check('kiosk PIN screen');

    assert.deepEqual(found, []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}
