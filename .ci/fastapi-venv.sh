#!/usr/bin/env bash
# The FastAPI the differential suite (conformance/) compares typefast against, pinned, in
# .venv-fastapi. Reused when it already holds these versions.
set -euo pipefail
cd "$(dirname "$0")/.."

# email-validator (FastAPI's extra for EmailStr) with its dnspython: the response-model twin's.
PACKAGES=(fastapi==0.142.2 pydantic==2.13.5 starlette==1.7.0 uvicorn==0.54.0 python-multipart==0.0.32
  email-validator==2.3.0 dnspython==2.8.0)
VENV=.venv-fastapi

if [ -x "$VENV/bin/python" ] && [ "$("$VENV/bin/pip" freeze 2>/dev/null | grep -cxF -e fastapi==0.142.2 -e email-validator==2.3.0)" = 2 ]; then
  exit 0
fi
if ! python3 -m venv "$VENV" 2>/dev/null; then
  # Debian's python3 makes venvs only with python3-venv installed.
  rm -rf "$VENV"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
  python3 -m venv "$VENV"
fi
# A half-made venv would be taken for a working one: it goes if the install fails.
# One retry: where the public index is unreachable and a local one is configured, pip's five
# retries with backoff cost about two minutes per run before it falls back.
if ! "$VENV/bin/pip" install --quiet --disable-pip-version-check --retries 1 "${PACKAGES[@]}"; then
  rm -rf "$VENV"
  exit 1
fi
