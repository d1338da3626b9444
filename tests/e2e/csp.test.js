// The Content Security Policy: no 'unsafe-inline' for scripts or styles, only the hashes of
// Trunk's own inline loader. The app boots under it, registers its service worker and draws
// every chart with no violation (the harness fails any test on one), and markup injected by
// a bug would not run: an `<img onerror>` is blocked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { serveAndLaunch, openContext, openApp, loaded, DIST } from './harness.js';

const env = serveAndLaunch();

function policy() {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const csp = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]*)"/)[1];
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  return { html, directives };
}

test('the built policy has no unsafe-inline, and a hash for each inline script', () => {
  const { html, directives } = policy();
  assert.ok(!Object.values(directives).flat().includes("'unsafe-inline'"));
  assert.deepEqual(directives['style-src'], ["'self'"]);
  assert.deepEqual(directives['object-src'], ["'none'"]);
  assert.deepEqual(directives['base-uri'], ["'self'"]);
  assert.deepEqual(directives['form-action'], ["'self'"]);
  // Requests go to the app's own origin and to a sync server: any over TLS, or one on this
  // machine (docs/ARCHITECTURE.md, "Sync").
  assert.deepEqual(directives['connect-src'], ["'self'", 'https:', 'http://127.0.0.1:*', 'http://localhost:*']);
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(([, attrs]) => !/\bsrc=/.test(attrs));
  assert.ok(inline.length >= 1, "Trunk's module loader is inline");
  const hashes = inline.map(([, , body]) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);
  assert.deepEqual(directives['script-src'], ["'self'", "'wasm-unsafe-eval'", ...hashes]);
});

test('boots, registers the service worker and draws every chart with no CSP violation', async () => {
  const { context, page, problems } = await openContext(env.browser);
  await openApp(page, env.server.base, '#/');
  const sw = await page.evaluate(async () => (await navigator.serviceWorker.ready).active.scriptURL);
  assert.match(sw, /\/sw\.js$/);

  await page.tap('[data-testid="start-demo"]');
  await page.waitForSelector('[data-page="processes"] .process-row');
  const process = await page.getAttribute('.process-row a.process-name', 'href');

  // Dashboard: trend, Pareto and heat map, and the tiles' sparklines.
  // Last month: the demo's 89 days fill it, while this month may be a day old and hold no complaint.
  await page.goto(`${env.server.base}/#/dashboard?period=last-month`);
  await loaded(page);
  await page.waitForSelector('[data-chart] .chart svg');
  assert.ok(await page.locator('[data-chart] .chart svg').count() >= 3);
  assert.ok(await page.locator('.kpi-spark svg').count() >= 1);

  // The process flowchart (hand-laid SVG).
  await page.goto(`${env.server.base}/${process.replace(/\/edit$/, '')}/flowchart`);
  await page.waitForSelector('[data-testid="swimlane"] svg');

  // The staff radars (plotters), team and person.
  await page.goto(`${env.server.base}/#/staff`);
  await page.waitForSelector('[data-testid="team-radar"] svg');
  await page.tap('[data-staff] a.process-name');
  await page.waitForSelector('[data-page="staff-person"] [data-testid="radar"] svg');

  // Survey results: the distribution bars get their length through the CSSOM.
  await page.goto(`${env.server.base}/#/surveys`);
  await page.waitForSelector('[data-survey] [data-testid="survey-results"]');
  await page.locator('[data-survey] [data-testid="survey-results"]').first().tap();
  await page.waitForSelector('[data-testid="distribution"] .bar');
  const share = await page.$eval('[data-testid="distribution"] .bar', (b) => b.style.getPropertyValue('--share'));
  assert.match(share, /^\d+%$/);

  await page.waitForTimeout(300);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('injected markup does not run: an <img onerror> and a style attribute are blocked', async () => {
  const { context, page, problems } = await openContext(env.browser);
  await openApp(page, env.server.base, '#/');
  await page.evaluate(() => {
    const box = document.createElement('div');
    box.innerHTML = '<img src="x" onerror="window.__ran = true"><p id="styled" style="color: rgb(255, 0, 0)">x</p>';
    document.body.append(box);
  });
  await page.waitForFunction(() => window.__cspViolations.length >= 2);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__ran), undefined, 'the handler never ran');
  assert.notEqual(await page.$eval('#styled', (p) => getComputedStyle(p).color), 'rgb(255, 0, 0)');
  const directives = (await page.evaluate(() => window.__cspViolations)).map((v) => v.directive).sort();
  assert.deepEqual(directives, ['script-src-attr', 'style-src-attr']);
  // Exactly these two, reported as problems like any other violation (and logged by
  // Chromium as console errors); the missing image's 404 aside, nothing else.
  assert.equal(problems.filter((p) => p.startsWith('CSP violation')).length, 2);
  const other = problems.filter((p) => !p.startsWith('CSP violation') && !/Content Security Policy|Failed to load resource/.test(p));
  assert.deepEqual(other, []);
  await context.close();
});
