#!/usr/bin/env bash
# CI: the repo and its type tests on TypeScript 7 too (pnpm test covers 5.9), then the
# type-performance gate: fixture apps' instantiation counts against bench/typecheck/baseline.json.
set -euo pipefail
cd "$(dirname "$0")/.."
pnpm typecheck:ts7
pnpm test:types:ts7
pnpm typeperf
