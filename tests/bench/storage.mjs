// Storage benchmark: import, export and start-up through the real UI and real IndexedDB in
// headless Chromium, against the IndexedDB floor (plain JS on the same origin and the same
// file: JSON.parse and every collection put as 1,000-record JSON segments in one
// transaction; load and parse those segments). Each round runs ours, then the floor, each in a
// fresh context (empty IndexedDB). Prints medians and ratios; asserts nothing.
//   cargo run --release --example gen_backup -- 10000 > /tmp/10k.json
//   cargo run --release --example gen_backup -- 100000 > /tmp/100k.json
//   trunk build --release && node tests/bench/storage.mjs /tmp/10k.json /tmp/100k.json [rounds]
import fs from 'node:fs';
import { startServer, launch, openContext, openApp, heapBytes } from '../e2e/harness.js';

const files = process.argv.slice(2).filter((a) => a.endsWith('.json'));
const ROUNDS = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 3);
if (!files.length) {
  console.error('usage: node tests/bench/storage.mjs BACKUP.json [BACKUP.json …] [rounds]');
  process.exit(2);
}
const LONG = { timeout: 600_000, polling: 50 };
const server = await startServer();
const browser = await launch();

// The wasm exports (its memory among them), as Trunk's loader announces them.
const KEEP_WASM = `addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });`;


// Each step timed in the page, as the floor is: from the file picked (or the button tapped)
// to the element that shows the result, by a MutationObserver. Timed from Node, each wait
// also held Playwright's polling back-off (up to 500 ms between looks), ours alone.
const marks = (responses) => `
window.__marks = {};
const mark = (name, at = performance.now()) => { window.__marks[name] ??= at; };
addEventListener('change', (e) => { if (e.target.matches?.('[data-testid="import-file"]')) mark('picked'); }, true);
addEventListener('click', (e) => { if (e.target.closest?.('[data-testid="import-merge"]')) mark('merge'); }, true);
new MutationObserver(() => {
  if (document.querySelector('[data-testid="import-preview"]')) mark('preview');
  if (document.querySelector('[data-testid="import-done"]')) mark('done');
  const count = document.querySelector('tr[data-collection="responses"] td')?.textContent.replace(/,/g, '');
  if (count === '${responses}') mark('shown');
}).observe(document, { childList: true, subtree: true, characterData: true });`;

async function ours(file, responses) {
  const { context, page } = await openContext(browser, { locale: 'en-US' });
  await context.addInitScript(KEEP_WASM);
  await context.addInitScript(marks(responses));
  await openApp(page, server.base, '#/data');
  await page.evaluate(() => {
    window.__freezes = [];
    new PerformanceObserver((list) => window.__freezes.push(...list.getEntries().map((e) => e.duration)))
      .observe({ type: 'longtask' });
  });
  const mark = (name) => page.evaluate((name) => window.__marks[name], name);
  await page.setInputFiles('[data-testid="import-file"]', file);
  await page.waitForSelector('[data-testid="import-preview"]', { timeout: LONG.timeout });
  const check = (await mark('preview')) - (await mark('picked'));
  const freeze = Math.max(0, ...(await page.evaluate(() => window.__freezes)));
  await page.tap('[data-testid="import-merge"]');
  await page.waitForSelector('[data-testid="import-done"]', { timeout: LONG.timeout });
  const write = (await mark('done')) - (await mark('merge'));
  let t = performance.now();
  const [download] = await Promise.all([page.waitForEvent('download', LONG), page.tap('[data-testid="export"]')]);
  await download.path();
  const exported = performance.now() - t;
  await page.reload();
  await page.waitForFunction(() => window.__marks.shown, null, LONG);
  // From the reload's navigation start, as the floor's.
  const startup = await mark('shown');
  const js = await heapBytes(page);
  const wasm = await page.evaluate(() => window.__wasm.memory.buffer.byteLength);
  await context.close();
  return { import: check + write, check, write, freeze, export: exported, startup, js, wasm };
}

// The floor, in plain JS: what any app must do at least to keep these records in IndexedDB.
const FLOOR_JS = `
window.floor = {
  open: () => new Promise((ok, no) => {
    const r = indexedDB.open('floor', 1);
    r.onupgradeneeded = () => r.result.createObjectStore('records');
    r.onsuccess = () => ok(r.result);
    r.onerror = () => no(r.error);
  }),
  async import(file) {
    const data = JSON.parse(await file.text()).data;
    const db = await floor.open();
    const tx = db.transaction('records', 'readwrite');
    const store = tx.objectStore('records');
    for (const [name, records] of Object.entries(data)) {
      for (let i = 0; i < records.length; i += 1000) store.put(JSON.stringify(records.slice(i, i + 1000)), name + '/' + i / 1000);
    }
    await new Promise((ok, no) => { tx.oncomplete = ok; tx.onerror = () => no(tx.error); });
    db.close();
  },
  async load() {
    const db = await floor.open();
    const req = db.transaction('records').objectStore('records').getAll();
    const segments = await new Promise((ok, no) => { req.onsuccess = () => ok(req.result); req.onerror = () => no(req.error); });
    db.close();
    return segments.map((s) => JSON.parse(s));
  },
  async export() {
    return new Blob([JSON.stringify({ data: (await floor.load()).flat() })], { type: 'application/json' }).size;
  },
};`;

/** The floor on a page of the same origin with no app on it (the server's 404 page). */
async function floor(file) {
  const { context, page } = await openContext(browser, { locale: 'en-US' });
  const timed = (f) => page.evaluate(async (f) => {
    const t = performance.now();
    await floor[f](document.getElementById('file')?.files[0]);
    return performance.now() - t;
  }, f);
  await page.goto(`${server.base}/floor`);
  await page.addScriptTag({ content: FLOOR_JS });
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'file';
    document.body.append(input);
  });
  await page.setInputFiles('#file', file);
  const imported = await timed('import');
  const exported = await timed('export');
  await page.reload();
  await page.addScriptTag({ content: FLOOR_JS });
  // From the reload's navigation start, as ours.
  const startup = await page.evaluate(async () => {
    await floor.load();
    return performance.now();
  });
  await context.close();
  return { import: imported, export: exported, startup };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const mb = (b) => `${(b / 1048576).toFixed(0)} MB`;
const row = (cells) => console.log(`| ${cells.join(' | ')} |`);

console.log(`rounds: ${ROUNDS} (medians); Chromium ${browser.version()}`);
row(['figure', 'ours', 'floor', 'ratio', 'target']);
row(['---', '---', '---', '---', '---']);
for (const file of files) {
  const text = fs.readFileSync(file, 'utf8');
  const responses = JSON.parse(text).data.responses.length;
  const runs = { ours: [], floor: [] };
  for (let r = 0; r < ROUNDS; r++) {
    runs.ours.push(await ours(file, responses));
    runs.floor.push(await floor(file));
  }
  const m = (who, k) => median(runs[who].map((x) => x[k]));
  const n = `${responses.toLocaleString('en')} responses (${(text.length / 1e6).toFixed(0)} MB)`;
  for (const [k, name, target] of [['import', 'import to done', '≤ 2×'], ['export', 'export to the file', ''], ['startup', 'start-up, reload to all shown', '≤ 1.5×']]) {
    row([`${n}: ${name}`, s(m('ours', k)), s(m('floor', k)), (m('ours', k) / m('floor', k)).toFixed(2), target]);
  }
  row([`${n}: import, check to preview / merge and write`, `${s(m('ours', 'check'))} / ${s(m('ours', 'write'))}`, '', '', '']);
  row([`${n}: longest task while the file is checked`, s(m('ours', 'freeze')), '', '', '']);
  row([`${n}: JS heap / wasm memory after start-up`, `${mb(m('ours', 'js'))} / ${mb(m('ours', 'wasm'))}`, '', '', '']);
}
await browser.close();
await server.close();
