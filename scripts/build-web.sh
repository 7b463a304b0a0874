#!/usr/bin/env bash
# Build the web client (web/) into voicecart/web_dist, which FastAPI serves.
#
# npm ci runs only when web/package-lock.json changed since the last install (its hash is
# kept in web/node_modules/.voicecart-lock-hash); the build is skipped when nothing under
# web/ is newer than the last build. Needs Node.js >= 20.19 and npm (installed with
# apt-get when missing and running as root).
set -euo pipefail
cd "$(dirname "$0")/.."
WEB=web
DIST=voicecart/web_dist
STAMP="$WEB/node_modules/.voicecart-lock-hash"

node_ok() {
  command -v node >/dev/null && command -v npm >/dev/null &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>20||(a===20&&b>=19)?0:1)'
}

need_node() {
  node_ok && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "build-web: installing Node.js and npm with apt-get" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null || true
  fi
  node_ok || { echo "build-web: Node.js >= 20.19 with npm is required to build web/ (Vite 7)" >&2; exit 1; }
}

need_node
lock_hash="$(sha256sum "$WEB/package-lock.json" | cut -d' ' -f1)"
if [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$lock_hash" ]; then
  echo "build-web: npm ci (package-lock.json changed)"
  (cd "$WEB" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_hash" > "$STAMP"
fi

if [ -f "$DIST/index.html" ] && [ -z "$(find "$WEB" -path "$WEB/node_modules" -prune -o -newer "$DIST/index.html" -type f -print -quit)" ]; then
  echo "build-web: $DIST is up to date"
  exit 0
fi
echo "build-web: vite build -> $DIST"
(cd "$WEB" && npm run --silent build)
