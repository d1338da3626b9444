// Trunk's one post_build hook (Trunk.toml). The steps run in this order:
// 1. the kiosk's page (kiosk.html, its own binary) is built and copied into the same staging
//    dir: Trunk 0.21 builds one page per run;
// 2. the CSP hashes of index.html's inline scripts (the kiosk's build did its own);
// 3. the compressed twins, made of the pages that already carry their hashes.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('post-build: TRUNK_STAGING_DIR is not set (run me as a Trunk hook)');
const release = process.env.TRUNK_PROFILE === 'release';
const root = path.resolve(import.meta.dirname, '..');
const kioskDist = path.join(root, 'target', 'kiosk-dist');

// The inner Trunk must not read this run's variables as its own settings.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TRUNK_')));
execFileSync('trunk', ['build', '--config', path.join(root, 'scripts', 'kiosk.Trunk.toml'), ...(release ? ['--release'] : [])],
  { stdio: 'inherit', env, cwd: root });
for (const name of fs.readdirSync(kioskDist)) {
  fs.copyFileSync(path.join(kioskDist, name), path.join(staging, name));
}

await import('./csp-hashes.mjs');
await import('./precompress.mjs');
