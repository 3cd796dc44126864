#!/usr/bin/env bash
# bench/create: `slipway create` of the saas template with all modules (dry-run and
# real) against plop rendering the same files, and the write-only floor, with hyperfine.
# Usage: bash bench/create/run.sh [runs]    (needs: npm ci at the root; hyperfine)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-20}"
work="${TMPDIR:-/tmp}/slipway-bench-create"
command -v hyperfine >/dev/null || { echo "hyperfine is required: apt-get install -y hyperfine (or cargo install hyperfine)"; exit 1; }
npm run --prefix "$root" build --silent
node "$root/bench/create/prepare.mjs" "$work"
cd "$work"
slipway="node $root/packages/cli/bin/slipway.js"
plop="$root/node_modules/.bin/plop --plopfile $work/plop/plopfile.cjs"
hyperfine --warmup 3 --runs "$runs" --style basic --export-json "$work/results.json" \
  --prepare "rm -rf $work/out" \
  -n "slipway create (dry-run)" "$slipway create $work/out --name acme --modules access,kb --yes --dry-run" \
  -n "slipway create" "$slipway create $work/out --name acme --modules access,kb --yes" \
  -n "plop (same files)" "$plop app acme" \
  -n "write-only floor (node)" "node $root/bench/create/writeOnly.mjs $work/files.json $work/out" \
  -n "node startup" "node -e 0"
node "$root/bench/create/report.mjs" "$work/results.json"
