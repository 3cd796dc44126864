#!/usr/bin/env bash
# bench/up scale series: a no-op `slipway up --no-deploy` against `turbo run build` at full
# cache hit, side by side with hyperfine, on one saas project with 0, 1,000, 10,000 and
# 100,000 extra files committed under apps/web/public/bench/, plus the one-edit re-run.
# Usage: bash bench/up/scale.sh [runs] [sizes...]   (needs: npm ci at the root; hyperfine)
# SLIPWAY_CLI=<path to slipway.js> measures another build (e.g. a copy of main's);
# SKIP_CREATE=1 reuses the project of the previous pass; OUT names the results folder.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-10}"
shift || true
[ $# -gt 0 ] && sizes=("$@") || sizes=(0 1000 10000 100000)
work="${TMPDIR:-/tmp}/slipway-bench-scale"
app="$work/acme"
out="$work/${OUT:-results}"
cli="${SLIPWAY_CLI:-$root/packages/cli/bin/slipway.js}"
command -v hyperfine >/dev/null || { echo "hyperfine is required: apt-get install -y hyperfine"; exit 1; }
slipway="node $cli"
export SLIPWAY_TELEMETRY=0 TURBO_TELEMETRY_DISABLED=1

if [ "${SKIP_CREATE:-}" != 1 ] || [ ! -d "$app/.git" ]; then
  rm -rf "$work" && mkdir -p "$work"
  $slipway create "$app" --name acme --modules access,kb --yes >/dev/null
  git -C "$app" init -q 2>/dev/null || true
  git -C "$app" add -A && git -C "$app" -c user.name=bench -c user.email=bench@localhost commit -qm "bench: the generated project" || true
fi
mkdir -p "$out" "$work/bin"
# turbo looks for pnpm on PATH: give it the bundled one, as `pnpm run build` does.
printf '#!/bin/sh\nexec node %s "$@"\n' "$(node -e "import('$root/packages/pipeline/dist/bundledPnpm.js').then((m) => console.log(m.bundledPnpm()))")" >"$work/bin/pnpm"
chmod +x "$work/bin/pnpm"
turbo="PATH=$work/bin:\$PATH TURBO_DAEMON=false $app/node_modules/.bin/turbo run build"
cd "$app"

for size in "${sizes[@]}"; do
  echo "== $size extra files (load: $(cut -d' ' -f1-3 /proc/loadavg))"
  node "$root/bench/up/generateFiles.mjs" "$app/apps/web/public/bench" "$size"
  git add -A && git -c user.name=bench -c user.email=bench@localhost commit -qm "bench: $size extra files" || true
  # Settle: the first up after the change rebuilds; the one after it is the no-op measured.
  $slipway up "$app" --no-deploy >/dev/null 2>&1 || $slipway up "$app" --no-deploy
  $slipway up "$app" --no-deploy >/dev/null
  hyperfine --warmup 1 --runs "$runs" --style basic --export-json "$out/noop-$size.json" \
    -n "slipway up --no-deploy (no-op)" "$slipway up $app --no-deploy" \
    -n "turbo run build (full cache hit)" "$turbo"
  # One edit: a tracked file no step reads (a .md) changes before each run, so the run
  # finds and hashes the one changed file and every step is still a hit.
  hyperfine --runs "$runs" --style basic --export-json "$out/edit-$size.json" \
    --prepare "echo \"edit \$RANDOM\$RANDOM\" >> $app/README.md" \
    -n "slipway up --no-deploy (one edit)" "$slipway up $app --no-deploy"
  git checkout -q README.md
  echo "load after $size: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/load.txt"
done
node "$root/bench/up/scaleReport.mjs" "$out"
