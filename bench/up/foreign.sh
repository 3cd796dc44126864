#!/usr/bin/env bash
# bench/up/foreign.sh: the no-op `slipway up` on a repository Slipway did not create — the
# pnpm + turbo fixture with a Vite app and a Node API, run through the inferred contract —
# next to `turbo run build` at full cache hit on the same repository, with hyperfine.
# Usage: bash bench/up/foreign.sh [noop-runs]   (needs: npm ci at the root; hyperfine)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
noop_runs="${1:-20}"
work="${TMPDIR:-/tmp}/slipway-bench-up-foreign"
app="$work/turbo-shop"
command -v hyperfine >/dev/null || { echo "hyperfine is required: apt-get install -y hyperfine"; exit 1; }
npm run --prefix "$root" build --silent
slipway="node $root/packages/cli/bin/slipway.js"
export SLIPWAY_TELEMETRY=0 TURBO_TELEMETRY_DISABLED=1

[ -d "$app" ] && $slipway stop "$app" >/dev/null 2>&1 || true
rm -rf "$work" && mkdir -p "$work"
node --conditions=source --import "$root/packages/db/src/testing/registerTypescript.mjs" \
  "$root/bench/up/writeForeignRepo.ts" "$app"
echo "== first up (inferred contract: install, build, package, deploy, health)"
start=$(date +%s%N)
$slipway up "$app" --json >"$work/cold.json"
echo "first up wall: $(( ($(date +%s%N) - start) / 1000000 )) ms"

# turbo looks for pnpm on PATH: give it the bundled one, as `pnpm run build` does.
mkdir -p "$work/bin"
printf '#!/bin/sh\nexec node %s "$@"\n' "$(node -e "import('$root/packages/pipeline/dist/bundledPnpm.js').then((m) => console.log(m.bundledPnpm()))")" >"$work/bin/pnpm"
chmod +x "$work/bin/pnpm"

cd "$app"
echo "== warm no-op on a foreign repo vs turbo run build at full cache hit"
hyperfine --warmup 2 --runs "$noop_runs" --style basic --export-json "$work/noop.json" \
  -n "slipway up (no-op, foreign pnpm + turbo)" "$slipway up $app" \
  -n "turbo run build (full cache hit)" "PATH=$work/bin:\$PATH TURBO_DAEMON=false $app/node_modules/.bin/turbo run build" \
  -n "node startup" "node -e 0"

$slipway stop "$app" >/dev/null
node "$root/bench/up/reportForeign.mjs" "$work"
