// The service report printed to A4 PDF (Chromium's own printing, as "Save as PDF" does) and
// read back with pdftotext: every section in Chinese and in English, the business and period
// on every page, no chart split across pages, sections that can be left out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serveAndLaunch, openContext, openApp, loaded, readStore, addressMatches } from './harness.js';

const env = serveAndLaunch();
const NOW = new Date('2026-11-20T04:00:00Z');

/** The text of each page of a PDF, via poppler's pdftotext. */
function pages(pdf) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'report-')), 'report.pdf');
  fs.writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  return text.split('\f').filter((p) => p.trim());
}

async function report(locale) {
  const opened = await openContext(env.browser, { locale, timezoneId: 'Asia/Shanghai' });
  const { page } = opened;
  await page.clock.setFixedTime(NOW);
  await openApp(page, env.server.base, '#/');
  await page.tap('[data-testid="start-demo"]');
  await page.waitForSelector('[data-page="processes"]');
  await page.goto(`${env.server.base}/#/reports`);
  await loaded(page);
  await page.waitForSelector('[data-testid="report-kpis"]');
  return opened;
}

const SECTIONS = {
  'en-US': ['Service quality report', 'Key figures against target', 'Trends', 'Complaints and their causes', 'Process compliance and bottlenecks', 'Staff and training', 'How the figures are worked out'],
  'zh-CN': ['服务质量报告', '关键指标与目标', '趋势', '投诉与原因', '流程执行与瓶颈', '员工与培训', '计算方法'],
};

for (const locale of Object.keys(SECTIONS)) {
  test(`the report prints every section to A4 (${locale})`, async () => {
    const { context, page, problems } = await report(locale);
    // Last month is the default: October 2026 here.
    await addressMatches(page, /period=2026-10/);
    const db = await readStore(page);
    const business = db.workspace[0].business_name;
    // The team radar, and each October training's effect: a row per capability it aimed at.
    await page.waitForSelector('[data-testid="report-team-radar"] svg');
    const october = db.trainings.filter((t) => t.date.startsWith('2026-10'));
    const aimed = october.reduce((n, t) => n + t.capability_ids.length, 0);
    assert.ok(aimed > 0, 'the demo held a training in October');
    assert.equal(await page.locator('[data-testid="report-training-effect"] tbody tr').count(), aimed);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const text = pages(pdf);
    assert.ok(text.length >= SECTIONS[locale].length, `a page per part: ${text.length}`);
    const all = text.join('\n');
    for (const heading of SECTIONS[locale]) assert.ok(all.includes(heading), `${heading} is printed`);
    assert.ok(all.includes(locale === 'en-US' ? 'Team capability radar' : '团队能力雷达'), 'the team radar is printed');
    // Business and period atop every page.
    for (const [i, p] of text.entries()) {
      assert.ok(p.includes(business), `page ${i + 1} names the business`);
      assert.ok(/2026/.test(p.split('\n').slice(0, 3).join(' ')), `page ${i + 1} starts with the period`);
    }
    // No navigation or buttons on paper.
    assert.ok(!all.includes(locale === 'en-US' ? 'Print or save as PDF' : '打印或存为 PDF'));
    // A chart is never cut: the Pareto's title and its legend are on one page.
    const [title, legend] = locale === 'en-US' ? ['Complaint causes (Pareto)', 'Cumulative share'] : ['投诉原因帕累托图', '累计占比'];
    const pareto = text.filter((p) => p.includes(title));
    assert.ok(pareto.length >= 1 && pareto.every((p) => p.includes(legend)), 'the Pareto chart is whole on its page');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('sections can be left out, and the choice is remembered', async () => {
  const { context, page, problems } = await report('en-US');
  await page.uncheck('input[data-part="trends"]');
  await page.waitForSelector('[data-part="trends"].report-part', { state: 'detached' });
  await page.reload();
  await loaded(page);
  await page.waitForSelector('[data-testid="report-kpis"]');
  assert.equal(await page.locator('section[data-part="trends"]').count(), 0);
  assert.equal(await page.isChecked('input[data-part="trends"]'), false);
  const text = pages(await page.pdf({ format: 'A4' })).join('\n');
  assert.ok(!text.includes('Trends\n') && text.includes('Key figures against target'));
  assert.deepEqual(problems, []);
  await context.close();
});
