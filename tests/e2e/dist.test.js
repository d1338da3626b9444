// The release dist/ as a host serves it: every text and wasm asset has a .gz and a .br twin
// that decompress to exactly its bytes (for nginx gzip_static / brotli_static), and the
// whole app, gzipped, does not creep past its current size; the kiosk's page stays in budget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { DIST } from './harness.js';

const COMPRESSIBLE = /\.(html|js|mjs|css|wasm|svg|json|webmanifest|txt)$/;
// A ratchet, not the goal: issue 14 asks for 500 KB (and a 200 KB kiosk entry). Until that
// lands, this stops the app growing unnoticed; lower it whenever the app shrinks. Raised
// from 1,000 to 1,050 KB for CouchDB sync (issue 15: +55 KB gzip, see docs/PERFORMANCE.md),
// and to 1,065 KB for locations (+18 KB: a seventeenth collection in every generic walker,
// and their pages).
const CREEP_LIMIT_KB = 1065;
// Issue 14's budget for the customer's path: kiosk.html and everything it loads.
const KIOSK_LIMIT_KB = 200;

function assets(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return assets(p);
    return COMPRESSIBLE.test(e.name) ? [p] : [];
  });
}

test('every asset has gzip and brotli twins holding exactly its bytes', () => {
  const files = assets(DIST);
  assert.ok(files.some((f) => f.endsWith('.wasm')) && files.some((f) => f.endsWith('index.html')));
  for (const f of files) {
    const raw = fs.readFileSync(f);
    assert.ok(zlib.gunzipSync(fs.readFileSync(`${f}.gz`)).equals(raw), `${f}.gz`);
    assert.ok(zlib.brotliDecompressSync(fs.readFileSync(`${f}.br`)).equals(raw), `${f}.br`);
  }
});

/** What a page downloads on a first visit: itself and every asset of dist/ it names. */
function loads(page) {
  const html = fs.readFileSync(path.join(DIST, page), 'utf8');
  const named = [...html.matchAll(/(?:href|src)="([^"#]+)"/g)].map((m) => m[1]);
  const files = [page, ...new Set(named)].map((u) => path.join(DIST, u)).filter((f) => fs.existsSync(f) && COMPRESSIBLE.test(f));
  const size = (ext) => files.reduce((n, f) => n + fs.statSync(`${f}${ext}`).size, 0);
  return { files, gz: size('.gz'), br: size('.br') };
}

test('the app a first visit downloads stays under its size ratchet, gzipped', () => {
  const app = loads('index.html');
  assert.ok(app.files.some((f) => /serviceflow-[^/]*_bg\.wasm$/.test(f)), 'the manager page loads its wasm');
  console.log(`# whole app: ${Math.round(app.gz / 1024)} KB gzip, ${Math.round(app.br / 1024)} KB brotli (${app.files.length} files)`);
  assert.ok(app.gz <= CREEP_LIMIT_KB * 1024, `${Math.round(app.gz / 1024)} KB gzip > ${CREEP_LIMIT_KB} KB`);
});

test('the kiosk page loads its own small wasm and none of the manager\'s, within its budget, gzipped', () => {
  const kiosk = loads('kiosk.html');
  const wasm = kiosk.files.filter((f) => f.endsWith('.wasm')).map((f) => path.basename(f));
  assert.equal(wasm.length, 1, wasm.join());
  assert.match(wasm[0], /^kiosk-[0-9a-f]+_bg\.wasm$/);
  console.log(`# kiosk entry: ${Math.round(kiosk.gz / 1024)} KB gzip, ${Math.round(kiosk.br / 1024)} KB brotli (${kiosk.files.length} files)`);
  assert.ok(kiosk.gz <= KIOSK_LIMIT_KB * 1024, `${Math.round(kiosk.gz / 1024)} KB gzip > ${KIOSK_LIMIT_KB} KB`);
});
