# Sourced by the scripts: puts the project's tools on PATH.
export PATH="$PWD/tests/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver
