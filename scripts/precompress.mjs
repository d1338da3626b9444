// Trunk post_build step (scripts/post-build.mjs, after csp-hashes.mjs): writes `name.gz` (gzip -9) and
// `name.br` (brotli 11) beside every text and wasm asset of a release build, for hosts that
// serve precompressed files (nginx `gzip_static on;` / `brotli_static on;`, Caddy
// `precompressed`). Compressing once at build time lets the host send brotli at its best
// level without spending CPU on each request. Debug builds (`trunk serve`) are left alone:
// brotli 11 over a debug wasm would add half a minute to every rebuild.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error('precompress: TRUNK_STAGING_DIR is not set (run me as a Trunk hook or with a directory)');
const release = (process.env.TRUNK_PROFILE ?? 'release') === 'release';

// Already-compressed formats (png, woff2) gain nothing; svg and json are text.
const COMPRESSIBLE = /\.(html|js|mjs|css|wasm|svg|json|webmanifest|txt)$/;

function* files(d) {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (COMPRESSIBLE.test(e.name)) yield p;
  }
}

for (const file of release ? files(dir) : []) {
  const raw = fs.readFileSync(file);
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(raw, { level: 9 }));
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(raw, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      [zlib.constants.BROTLI_PARAM_MODE]: /\.wasm$/.test(file) ? zlib.constants.BROTLI_MODE_GENERIC : zlib.constants.BROTLI_MODE_TEXT,
    },
  }));
}
