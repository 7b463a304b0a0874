#!/usr/bin/env bash
# The web client's checks: type check and Vitest unit tests. Also makes sure the system
# packages of the browser end-to-end tests (run by pytest) are present: Debian chromium
# (driven by playwright-core, which never downloads a browser of its own).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "test-web: installing Debian chromium for the browser e2e tests"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null ||
      { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
  else
    echo "test-web: chromium is missing (apt-get install chromium); the browser e2e tests will skip" >&2
  fi
fi

cd web
npm run --silent typecheck
npx vitest run
node scripts/bundle-size.mjs 250
