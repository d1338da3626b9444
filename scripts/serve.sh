#!/usr/bin/env bash
# Command 1: install what is missing, then serve the app on 127.0.0.1:8080 with live reload.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh build
. scripts/env.sh
exec trunk serve "$@"
