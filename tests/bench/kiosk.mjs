// Kiosk benchmark: the customer's cold start on a shop's tablet, ours against SurveyJS showing
// the same 10-question CSAT / NPS / CES survey (survey-core + survey-js-ui from npm, on a page
// written for this, tests/bench/surveyjs.html), in one browser session, alternating peers per
// round so a noisy machine moves both. Every page is served gzip -9 (as hosts do), each run
// in a fresh context (empty HTTP cache, no service worker). Prints a table; asserts nothing.
//   trunk build --release && node tests/bench/kiosk.mjs [rounds]   (BENCH_ONLY=<n>: one scenario)
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { DIST, launch } from '../e2e/harness.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const MODULES = path.resolve(here, '../node_modules');
const ROUNDS = Number(process.argv[2] ?? 5);
const ONLY = process.env.BENCH_ONLY;
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json' };

// The survey: overall satisfaction, five attributes, NPS, effort, a choice and a comment.
const ATTRIBUTES = ['Food', 'Speed of service', 'Staff friendliness', 'Cleanliness', 'Value for money'];
const QUESTIONS = [
  { kind: 'stars', en: 'Overall, how satisfied are you with your visit today?' },
  ...ATTRIBUTES.map((a) => ({ kind: 'stars', en: `How satisfied are you with: ${a}?` })),
  { kind: 'nps', en: 'How likely are you to recommend us to a friend?' },
  { kind: 'likert', en: 'It was easy to get what I came for.' },
  { kind: 'single_choice', en: 'What brought you here today?', options: ['Lunch', 'Dinner', 'Take-away'] },
  { kind: 'text', en: 'Anything we could do better?' },
];

function surveyJsJson() {
  const rating = (q, i, min, max) => ({ type: 'rating', name: `q${i}`, title: q.en, rateMin: min, rateMax: max });
  return {
    questionsOnPageMode: 'questionPerPage',
    elements: QUESTIONS.map((q, i) => {
      if (q.kind === 'stars') return rating(q, i, 1, 5);
      if (q.kind === 'nps') return rating(q, i, 0, 10);
      if (q.kind === 'likert') return rating(q, i, 1, 7);
      if (q.kind === 'single_choice') return { type: 'radiogroup', name: `q${i}`, title: q.en, choices: q.options };
      return { type: 'comment', name: `q${i}`, title: q.en };
    }),
  };
}

/** Our records: the survey and its published version, as the app stores them. */
function ourRecords() {
  const at = '2026-12-01T08:00:00Z';
  const id = (n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const survey = { id: id(1), created_at: at, updated_at: at, name: { zh: '', en: 'Benchmark' }, kind: 'instant', archived: false };
  const version = {
    id: id(2), created_at: at, updated_at: at, survey_id: survey.id, number: 1, status: 'published',
    questions: QUESTIONS.map((q, i) => ({
      id: id(100 + i), kind: q.kind, text: { zh: '', en: q.en }, required: false,
      options: (q.options ?? []).map((o) => ({ zh: '', en: o })), dimension: null, step_ids: [],
      follow_up: null, follow_up_at_or_below: null, servqual: null,
    })),
  };
  return { survey, version };
}

// One server for both peers: dist/ at `/`, the SurveyJS page and its npm files under `/sjs/`.
const SJS_FILES = {
  '/sjs/survey.core.min.js': path.join(MODULES, 'survey-core/survey.core.min.js'),
  '/sjs/survey-core.min.css': path.join(MODULES, 'survey-core/survey-core.min.css'),
  '/sjs/survey-js-ui.min.js': path.join(MODULES, 'survey-js-ui/survey-js-ui.min.js'),
  '/sjs/survey.html': path.join(here, 'surveyjs.html'),
};
const gzipped = new Map();
function gz(file) {
  if (!gzipped.has(file)) gzipped.set(file, fs.existsSync(`${file}.gz`) ? fs.readFileSync(`${file}.gz`) : zlib.gzipSync(fs.readFileSync(file), { level: 9 }));
  return gzipped.get(file);
}
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x').pathname;
  if (url === '/sjs/survey-start.js') {
    // The survey comes with the page, as our kiosk's comes from IndexedDB: no extra request.
    res.writeHead(200, { 'content-type': 'text/javascript' });
    return res.end(`SurveyUI.renderSurvey(new Survey.Model(${JSON.stringify(surveyJsJson())}), document.getElementById('survey'));`);
  }
  if (url === '/blank.html') {
    res.writeHead(200, { 'content-type': 'text/html' });
    return res.end('<!doctype html><title>set-up</title>');
  }
  const file = SJS_FILES[url] ?? path.join(DIST, url.endsWith('/') ? `${url}index.html` : url);
  if (!file.startsWith(DIST) && !Object.values(SJS_FILES).includes(file)) return res.writeHead(404).end();
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-encoding': 'gzip', 'cache-control': 'no-cache' });
  res.end(gz(file));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
const chromium = browser.version();

// The first answer button: in the DOM and through the next frame, so it has been drawn.
const FIRST_BUTTON = `
  new MutationObserver((_, mo) => {
    if (document.querySelector('.kiosk-answer, .sd-rating__item')) {
      mo.disconnect();
      requestAnimationFrame(() => { window.__first = performance.now(); });
    }
  }).observe(document, { childList: true, subtree: true });
  window.__long = [];
  new PerformanceObserver((l) => window.__long.push(...l.getEntries().map((e) => [e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });`;

async function coldStart(peer, { link, cpu }) {
  const context = await browser.newContext({ viewport: { width: 768, height: 1024 }, hasTouch: true, locale: 'en-US', serviceWorkers: 'block' });
  const page = await context.newPage();
  let url = `${base}/sjs/survey.html`;
  if (peer === 'ours') {
    const { survey, version } = ourRecords();
    await page.goto(`${base}/blank.html`);
    await page.evaluate(([s, v]) => new Promise((resolve, reject) => {
      const open = indexedDB.open('serviceflow', 1);
      open.onupgradeneeded = () => ['records', 'segments', 'snapshots'].forEach((n) => open.result.createObjectStore(n));
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction('records', 'readwrite');
        tx.objectStore('records').put(JSON.stringify(s), `surveys/${s.id}`);
        tx.objectStore('records').put(JSON.stringify(v), `survey_versions/${v.id}`);
        tx.oncomplete = () => { open.result.close(); resolve(); };
      };
      localStorage.setItem('serviceflow.kiosk.lock', JSON.stringify(s.id));
      localStorage.setItem('serviceflow.lang', '"en"');
    }), [survey, version]);
    url = `${base}/kiosk.html#/kiosk/${survey.id}`;
  }
  await page.addInitScript(FIRST_BUTTON);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (link) await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 40, downloadThroughput: 10e6 / 8, uploadThroughput: 10e6 / 8 });
  if (cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__first !== undefined, null, { timeout: 120_000, polling: 20 });
  const first = await page.evaluate(() => window.__first);
  // Long tasks once the question shows, over the next second.
  await page.waitForTimeout(1000);
  const longest = await page.evaluate((t) => Math.max(0, ...window.__long.filter(([s]) => s >= t).map(([, d]) => d)), first);
  let submit;
  if (peer === 'ours' && !link && cpu === 1) {
    // Answer all ten; the last tap to the thank-you is the customer's wait for the save.
    for (let i = 0; i < QUESTIONS.length - 1; i++) {
      const n = String(i + 2);
      if (QUESTIONS[i].kind === 'single_choice') await page.tap('.kiosk-answer[data-choice="0"]');
      else await page.tap('.kiosk-answer[data-score="4"]');
      await page.waitForFunction((n) => document.querySelector('.kiosk-progress')?.textContent.startsWith(n), n, { timeout: 10_000 });
    }
    await page.fill('#kiosk-text', 'All good');
    // The button is disabled for the tap guard (400 ms) after the previous answer; waiting
    // here keeps the guard and Playwright's retry back-off out of the save's figure.
    await page.waitForSelector('[data-testid="kiosk-next"]:not([disabled])');
    await page.evaluate(() => {
      new MutationObserver((_, mo) => {
        if (document.querySelector('[data-testid="kiosk-thanks"]')) { mo.disconnect(); window.__thanks = performance.now(); }
      }).observe(document, { childList: true, subtree: true });
      window.__tapped = performance.now();
    });
    await page.tap('[data-testid="kiosk-next"]');
    await page.waitForFunction(() => window.__thanks !== undefined, null, { timeout: 10_000 });
    submit = await page.evaluate(() => window.__thanks - window.__tapped);
  }
  await context.close();
  return { first, longest, submit };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const SCENARIOS = [
  { name: 'cold start to the first answer, loopback, 1x CPU', link: false, cpu: 1, target: 0.3 },
  { name: 'cold start to the first answer, loopback, 4x CPU', link: false, cpu: 4, target: 0.3 },
  { name: 'cold start, 10 Mbit/s + 40 ms, 1x CPU', link: true, cpu: 1, target: 0.5 },
  { name: 'cold start, 10 Mbit/s + 40 ms, 4x CPU', link: true, cpu: 4, target: 0.5 },
];
const rows = [];
const extra = { submit: [], longest: [] };
for (const s of SCENARIOS.filter((_, i) => !ONLY || String(i) === ONLY)) {
  const times = { ours: [], peer: [] };
  for (let r = 0; r < ROUNDS; r++) {
    // Alternate which goes first, so neither always meets a warmer machine.
    for (const peer of r % 2 ? ['peer', 'ours'] : ['ours', 'peer']) {
      const m = await coldStart(peer, s);
      times[peer].push(m.first);
      if (peer === 'ours') {
        extra.longest.push(m.longest);
        if (m.submit !== undefined) extra.submit.push(m.submit);
      }
    }
  }
  const ours = median(times.ours);
  const peer = median(times.peer);
  rows.push([s.name, `${ours.toFixed(0)} ms`, `${peer.toFixed(0)} ms`, (ours / peer).toFixed(2), `≤ ${s.target}×`]);
}

// Transfer sizes: what each page downloads, gzip and brotli.
function pageFiles(page) {
  const html = fs.readFileSync(path.join(DIST, page), 'utf8');
  const named = [...html.matchAll(/(?:href|src)="([^"#]+)"/g)].map((m) => path.join(DIST, m[1]));
  return [path.join(DIST, page), ...new Set(named)].filter((f) => fs.existsSync(`${f}.gz`));
}
const sum = (files, ext) => files.reduce((n, f) => n + fs.statSync(`${f}${ext}`).size, 0);
const peerFiles = Object.values(SJS_FILES).slice(0, 3);
const peerGz = peerFiles.reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(f), { level: 9 }).length, 0);
const peerBr = peerFiles.reduce((n, f) => n + zlib.brotliCompressSync(fs.readFileSync(f)).length, 0);
const kb = (n) => `${Math.round(n / 1024)} KB`;
for (const [name, page, target] of [['kiosk entry transferred', 'kiosk.html', 200 * 1024], ['whole app transferred', 'index.html', 500 * 1024]]) {
  const files = pageFiles(page);
  const g = sum(files, '.gz');
  rows.push([`${name} (gzip)`, kb(g), kb(peerGz), (g / peerGz).toFixed(2), `≤ ${kb(target)}`]);
  rows.push([`${name} (brotli)`, kb(sum(files, '.br')), kb(peerBr), (sum(files, '.br') / peerBr).toFixed(2), '']);
}
// Only the first scenario submits (BENCH_ONLY may leave it out).
if (extra.submit.length) rows.push(['kiosk submit, last tap to thank-you (loopback, 1x)', `${median(extra.submit).toFixed(0)} ms`, '', '', '']);
rows.push(['longest task while a question shows (all runs)', `${Math.max(...extra.longest).toFixed(0)} ms`, '', '', '≤ 200 ms']);

await browser.close();
server.close();
const head = ['figure', 'ours', 'SurveyJS', 'ratio', 'target'];
console.log(`\nmedian of ${ROUNDS}, ${new Date().toISOString()}, Chromium ${chromium}, ${os.cpus().length} × ${os.cpus()[0].model}\n`);
console.log(`| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
