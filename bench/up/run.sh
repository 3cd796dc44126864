#!/usr/bin/env bash
# bench/up: `slipway up` on a fresh saas project — a cold run (phase breakdown), the warm
# no-op re-run against `turbo run build` at full cache hit, and the resume after a
# one-line fix of a type error — with hyperfine.
# Usage: bash bench/up/run.sh [noop-runs] [resume-runs]   (needs: npm ci at the root; hyperfine)
# SKIP_COLD=1 reuses the project and cold figures of the previous run.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
noop_runs="${1:-20}"
resume_runs="${2:-3}"
work="${TMPDIR:-/tmp}/slipway-bench-up"
app="$work/acme"
command -v hyperfine >/dev/null || { echo "hyperfine is required: apt-get install -y hyperfine"; exit 1; }
npm run --prefix "$root" build --silent
slipway="node $root/packages/cli/bin/slipway.js"
export SLIPWAY_TELEMETRY=0 TURBO_TELEMETRY_DISABLED=1

if [ "${SKIP_COLD:-}" != 1 ] || [ ! -f "$work/cold.json" ]; then
  [ -d "$app" ] && $slipway stop "$app" >/dev/null 2>&1 || true
  rm -rf "$work" && mkdir -p "$work"
  $slipway create "$app" --name acme --modules access,kb --yes >/dev/null
  echo "== cold up (fresh project, warm package store)"
  start=$(date +%s%N)
  $slipway up "$app" --json >"$work/cold.json" 2>/dev/null
  echo "cold wall: $(( ($(date +%s%N) - start) / 1000000 )) ms"
else
  $slipway up "$app" >/dev/null
fi

# turbo looks for pnpm on PATH: give it the bundled one, as `pnpm run build` does.
mkdir -p "$work/bin"
printf '#!/bin/sh\nexec node %s "$@"\n' "$(node -e "import('$root/packages/pipeline/dist/bundledPnpm.js').then((m) => console.log(m.bundledPnpm()))")" >"$work/bin/pnpm"
chmod +x "$work/bin/pnpm"

cd "$app"
echo "== warm no-op vs turbo run build at full cache hit"
hyperfine --warmup 2 --runs "$noop_runs" --style basic --export-json "$work/noop.json" \
  -n "slipway up (no-op)" "$slipway up $app" \
  -n "turbo run build (full cache hit)" "PATH=$work/bin:\$PATH TURBO_DAEMON=false $app/node_modules/.bin/turbo run build" \
  -n "node startup" "node -e 0"

echo "== resume after a one-line fix (a type error, a failed up, then the fix)"
file="$app/apps/api/src/env.ts"
cp "$file" "$work/env.ts.orig"
hyperfine --runs "$resume_runs" --style basic --export-json "$work/resume.json" \
  --prepare "cp $work/env.ts.orig $file && echo 'export const broken: number = \"x\";' >> $file && ($slipway up $app >/dev/null 2>&1 || true) && cp $work/env.ts.orig $file" \
  -n "slipway up (resume after fix)" "$slipway up $app"

$slipway stop "$app" >/dev/null
node "$root/bench/up/report.mjs" "$work"
