#!/usr/bin/env bash
# Command 2: install what is missing, then run every test: formatting and lints, native
# tests, wasm tests in headless Chromium, and end-to-end tests against the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh test
. scripts/env.sh

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format and lints (native and wasm32)"
cargo fmt --all -- --check
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

step "native tests (domain core, i18n, routes, charts)"
cargo test

step "wasm tests in headless Chromium"
for t in tests/*.rs; do
  cargo test --target wasm32-unknown-unknown --test "$(basename "$t" .rs)"
done

step "release build"
trunk build --release
du -sh dist

step "end-to-end tests in headless Chromium"
(cd tests && node --test --test-concurrency=1 e2e/)
