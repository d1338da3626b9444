// Trunk post_build step (scripts/post-build.mjs, scripts/kiosk.Trunk.toml): puts the SHA-256
// of every inline <script> of the staged page (index.html, or the file named as the argument)
// into the CSP's script-src, so the policy needs no 'unsafe-inline'. Trunk writes its module
// loader inline, with hashed file names that change each build (and `trunk serve`
// adds its live-reload client), so the hashes can only be known after Trunk has written them.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('csp-hashes: TRUNK_STAGING_DIR is not set (run me as a Trunk hook)');
const file = path.join(dir, process.argv[2] ?? 'index.html');
// `trunk serve` fills its live-reload client's placeholders into each response, with the
// request's Host header, so that text cannot be hashed here. Filled with what the browser
// knows instead (the values Trunk itself falls back to: this host, this page's directory),
// the script is the same in every response and its hash holds.
const html = fs.readFileSync(file, 'utf8')
  .replace(/(['`])\{\{__TRUNK_ADDRESS__\}\}\1/g, 'window.location.host')
  .replace(/(['`])\{\{__TRUNK_WS_BASE__\}\}\1/g, "window.location.pathname.replace(/[^/]*$/, '')");
if (html.includes('{{__TRUNK_')) {
  throw new Error('csp-hashes: a Trunk placeholder is left that `trunk serve` would change after hashing');
}

// The browser hashes the element's text exactly as written between the tags.
const hashes = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
  .filter(([, attrs]) => !/\bsrc\s*=/i.test(attrs))
  .map(([, , body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);

const meta = /(<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*?script-src\s[^;"]*)/i;
if (!meta.test(html)) throw new Error(`csp-hashes: no CSP meta with a script-src in ${file}`);
// Trunk stages a fresh index.html on every build, so the hashes are never added twice.
const out = html.replace(meta, (m) => [m, ...new Set(hashes)].join(' '));
fs.writeFileSync(file, out);
console.log(`csp-hashes: ${hashes.length} inline script(s) hashed into script-src`);
