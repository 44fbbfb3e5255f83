#!/usr/bin/env bash
# Lighthouse scores for the home page and a standard page, served by the bench's gunicorn
# under the production settings. Installs the `lighthouse` npm package into bench/.node/
# (git-ignored) the first time, then runs `python -m bench.run --lighthouse`.
# Needs Debian's Chromium (apt-get install -y chromium); CHROME_PATH overrides its path.
set -euo pipefail
cd "$(dirname "$0")/.."

# 12.x is the last line that runs on Node 20 (13.x needs Node 22.19 or later).
LIGHTHOUSE_VERSION="${LIGHTHOUSE_VERSION:-12.8.2}"
PY="${PY:-.venv/bin/python}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"

command -v npm >/dev/null || { echo "npm is needed (apt-get install -y nodejs npm)"; exit 1; }
[ -x "$CHROME_PATH" ] || { echo "No Chromium at $CHROME_PATH (apt-get install -y chromium)"; exit 1; }

installed="$(node -p "require('./bench/.node/node_modules/lighthouse/package.json').version" 2>/dev/null || true)"
if [ "$installed" != "$LIGHTHOUSE_VERSION" ]; then
    echo "==> Installing lighthouse@$LIGHTHOUSE_VERSION into bench/.node/"
    npm install --prefix bench/.node --no-audit --no-fund --no-save --loglevel=error \
        "lighthouse@$LIGHTHOUSE_VERSION"
fi

exec "$PY" -m bench.run --lighthouse "$@"
