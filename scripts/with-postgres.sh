#!/usr/bin/env bash
# Runs a command with TEST_DATABASE_URL set, so the store's PostgreSQL leg runs too: a throwaway
# loopback cluster is installed (Debian's packages, when root) and started when needed.
# A TEST_DATABASE_URL already in the environment is used as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z "${TEST_DATABASE_URL:-}" ]]; then
  url="$(bash scripts/ensure-postgres.sh)"
  export "${url?}"
fi
exec "$@"
