#!/bin/sh
# npm test: every test once. The provider suites (tests/main/providers) run in a pass of their own
# with branch coverage of every provider's answer classification required at 100 % per file
# (vitest.classifiers.config.ts), so the first pass leaves them out rather than run them twice.
# Arguments (a file, -t, reporters) go to the first pass.
set -eu
electron-vite build
sh scripts/with-keyring.sh vitest run --exclude 'tests/main/providers/**' "$@"
vitest run --config vitest.classifiers.config.ts
