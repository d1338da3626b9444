// Dashboard benchmark: with a big backup imported (100,000 responses), the time from a filter
// or period change to the whole dashboard redrawn (tiles, sparklines, step health, charts,
// alerts), and the report page's render time, through the real UI in headless Chromium.
// The same run measures the 600-response demo size as the peer, so the ratio shows how the
// work grows with the data. Prints figures; asserts nothing.
//   cargo run --release --example gen_backup -- 100000 > /tmp/big.json
//   cargo run --release --example gen_backup -- 600 > /tmp/small.json
//   trunk build --release && node tests/bench/dashboard.mjs /tmp/big.json /tmp/small.json
import fs from 'node:fs';
import { startServer, launch, openContext, openApp, loaded } from '../e2e/harness.js';

const [big, small] = process.argv.slice(2);
if (!big || !small) {
  console.error('usage: node tests/bench/dashboard.mjs BIG.json SMALL.json');
  process.exit(2);
}
// gen_backup's data ends on 22 November 2026 (UTC+8 local days).
const NOW = new Date('2026-11-22T04:00:00Z');
const BUDGET_CHANGE_MS = 50;
const BUDGET_REPORT_MS = 1000;
const server = await startServer();
const browser = await launch();

/** Dispatches a change and waits until the reactive updates and the next frame are done. */
function change(page, selector, value) {
  return page.evaluate(async ([sel, val]) => {
    const el = document.querySelector(sel);
    const t0 = performance.now();
    el.value = val;
    el.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - t0;
  }, [selector, value]);
}

/** The measurement's own cost: the task and the frame `change` waits for, with no change. */
function noChange(page) {
  return page.evaluate(async () => {
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - t0;
  });
}

/** Waits until the page is idle: work left over from the import (a reload of every record
 * announced to the app's tabs) must not be counted as the dashboard's. */
async function settle(page) {
  for (let quiet = 0; quiet < 5;) {
    const gap = await page.evaluate(() => new Promise((r) => { const t = performance.now(); setTimeout(() => r(performance.now() - t), 50); }));
    quiet = gap < 60 ? quiet + 1 : 0;
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(file) {
  const responses = JSON.parse(fs.readFileSync(file, 'utf8')).data.responses.length;
  const { context, page } = await openContext(browser, { locale: 'en-US', timezoneId: 'Asia/Shanghai' });
  await page.clock.setFixedTime(NOW);
  await openApp(page, server.base, '#/data');
  await page.setInputFiles('[data-testid="import-file"]', file);
  await page.waitForSelector('[data-testid="import-preview"]', { timeout: 600_000 });
  await page.tap('[data-testid="import-merge"]');
  await page.waitForSelector('[data-testid="import-done"]', { timeout: 600_000 });
  await page.goto(`${server.base}/#/dashboard?period=month`);
  await loaded(page);
  await page.waitForSelector('[data-kpi="csat"]');
  await settle(page);
  const staff = await page.$$eval('#dash-staff option', (os) => os.map((o) => o.value).filter(Boolean));
  const periods = ['last-month', 'month', 'quarter', 'week'];
  const filter = [];
  const period = [];
  const floor = [];
  for (let round = 0; round < 6; round += 1) {
    for (let i = 0; i < 4; i += 1) floor.push(await noChange(page));
    for (const s of [...staff.slice(0, 3), '']) filter.push(await change(page, '#dash-staff', s));
    for (const p of periods) period.push(await change(page, '#dash-period', p));
  }
  // The report: from navigation to its last part drawn.
  const reports = [];
  for (let round = 0; round < 3; round += 1) {
    await page.goto(`${server.base}/#/dashboard`);
    await page.waitForSelector('[data-kpi="csat"]');
    await settle(page);
    const t0 = Date.now();
    await page.evaluate(() => { location.hash = '#/reports?period=2026-10'; });
    await page.waitForSelector('[data-part="formulas"]');
    await page.waitForSelector('[data-testid="report-kpis"]');
    reports.push(await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(0)))) + Date.now() - t0);
  }
  await context.close();
  return { responses, floor: median(floor), filter: median(filter), period: median(period), report: median(reports) };
}

const b = await measure(big);
const s = await measure(small);
const row = (name, big, small, budget) => console.log(
  `${name.padEnd(34)} ${big.toFixed(0).padStart(6)} ms  ${small.toFixed(0).padStart(5)} ms  ×${(big / Math.max(small, 1)).toFixed(1).padStart(5)}  budget ${budget} ms: ${(big / budget * 100).toFixed(0)} %`);
console.log(`responses                          ${String(b.responses).padStart(6)}     ${String(s.responses).padStart(5)}`);
row('no change (the frame waited for)', b.floor, s.floor, BUDGET_CHANGE_MS);
row('filter change → dashboard redrawn', b.filter, s.filter, BUDGET_CHANGE_MS);
row('period change → dashboard redrawn', b.period, s.period, BUDGET_CHANGE_MS);
row('report render', b.report, s.report, BUDGET_REPORT_MS);
await browser.close();
await server.close();
