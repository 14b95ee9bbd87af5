#!/usr/bin/env bash
# CI: typefast installed as a user installs it (packed tarballs, npm, a project outside the
# workspace, the registry's TypeScript 5.9 and 7, Node 20, 22 and 24) and `npm create typefast`.
set -euo pipefail
cd "$(dirname "$0")/.."
pnpm build
node .ci/outside-install/run.mjs
