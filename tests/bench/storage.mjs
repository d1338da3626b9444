// Storage benchmark: start-up load and import times at 100,000 responses, through the real
// UI and real IndexedDB in headless Chromium. Prints figures; asserts nothing.
//   cargo run --release --example gen_backup -- 100000 > /tmp/big.json
//   trunk build --release && node tests/bench/storage.mjs /tmp/big.json
import fs from 'node:fs';
import { startServer, launch, openContext, openApp } from '../e2e/harness.js';

const file = process.argv[2];
if (!file) {
  console.error('usage: node tests/bench/storage.mjs BACKUP.json');
  process.exit(2);
}
const text = fs.readFileSync(file, 'utf8');
const responses = JSON.parse(text).data.responses.length;
const server = await startServer();
const browser = await launch();
const { context, page } = await openContext(browser, { locale: 'en-US' });
const countShown = (n) => page.waitForFunction(
  (n) => document.querySelector('tr[data-collection="responses"] td')?.textContent.replace(/,/g, '') === String(n),
  n, { timeout: 600_000, polling: 50 });

await openApp(page, server.base, '#/data');
// The page's freezes while the file is checked: each task that kept it from drawing.
await page.evaluate(() => {
  window.__freezes = [];
  new PerformanceObserver((list) => window.__freezes.push(...list.getEntries().map((e) => e.duration)))
    .observe({ type: 'longtask' });
});
let t = performance.now();
await page.setInputFiles('[data-testid="import-file"]', file);
await page.waitForSelector('[data-testid="import-preview"]', { timeout: 600_000 });
const parse = performance.now() - t;
const freezes = (await page.evaluate(() => window.__freezes)).sort((a, b) => b - a);
t = performance.now();
await page.tap('[data-testid="import-merge"]');
await page.waitForSelector('[data-testid="import-done"]', { timeout: 600_000 });
const apply = performance.now() - t;
t = performance.now();
await page.reload();
await countShown(responses);
const startup = performance.now() - t;

console.log(`responses                        ${responses}`);
console.log(`file size                        ${(text.length / 1e6).toFixed(1)} MB`);
console.log(`import: parse, validate, preview ${(parse / 1000).toFixed(2)} s`);
console.log(`import: longest freezes while checked ${freezes.slice(0, 3).map((d) => `${(d / 1000).toFixed(2)} s`).join(', ')} (${freezes.length} over 50 ms)`);
console.log(`import: merge and write          ${(apply / 1000).toFixed(2)} s`);
console.log(`start-up: reload to all shown    ${(startup / 1000).toFixed(2)} s`);
await context.close();
await browser.close();
await server.close();
