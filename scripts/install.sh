#!/usr/bin/env bash
# Installs what is missing, and nothing that is already there. Only the package
# registries (crates.io, npm, Debian) are used.
#   scripts/install.sh build   wasm target, trunk, wasm-bindgen-cli, wasm-opt
#   scripts/install.sh test    the above, plus Chromium, ChromeDriver, CJK fonts, playwright-core
set -euo pipefail
cd "$(dirname "$0")/.."
want=${1:-build}

say() { printf '\033[1m[install]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q '0\.21\.14'; then
  say "trunk 0.21.14 (about 8 minutes the first time)"
  cargo install trunk --version 0.21.14 --locked
fi

# The CLI must be the exact version in Cargo.lock, or the generated JS and the wasm disagree.
wb=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $wb\$"; then
  say "wasm-bindgen-cli $wb"
  cargo install wasm-bindgen-cli --version "$wb" --locked || cargo install wasm-bindgen-cli --version "$wb"
fi

# pdftotext (poppler-utils) reads the printed report back in the end-to-end tests.
if [ "$want" = test ] && ! { command -v chromium && command -v chromedriver && command -v pdftotext && fc-list | grep -qi 'noto.*cjk'; } >/dev/null 2>&1; then
  say "Debian chromium, chromium-driver, fonts-noto-cjk, poppler-utils"
  sudo_=""; [ "$(id -u)" = 0 ] || sudo_=sudo
  $sudo_ apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq chromium chromium-driver fonts-noto-cjk poppler-utils >/dev/null
fi

# wasm-opt (npm binaryen) for Trunk, playwright-core for the end-to-end tests, and
# pouchdb-server, the CouchDB-protocol server the sync suite runs in memory.
if ! tests/node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q 'version 132' \
   || [ ! -d tests/node_modules/playwright-core ] || [ ! -x tests/node_modules/.bin/pouchdb-server ] \
   || [ tests/package-lock.json -nt tests/node_modules/.package-lock.json ]; then
  say "npm packages in tests/ (binaryen, playwright-core, ajv, pouchdb-server, SurveyJS for the kiosk benchmark)"
  (cd tests && npm ci --no-audit --no-fund --loglevel=error)
fi
