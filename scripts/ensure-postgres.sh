#!/usr/bin/env bash
# A throwaway PostgreSQL for tests and benchmarks, from Debian's packages (Docker does not run on
# these machines). Idempotent: reuses the cluster if it is already up.
#
#   export $(scripts/ensure-postgres.sh)          # start (or reuse); sets TEST_DATABASE_URL
#   scripts/ensure-postgres.sh >> "$GITHUB_ENV"   # same, for a CI step
#   scripts/ensure-postgres.sh stop               # stop it (data folder kept; `clean` removes it)
#   scripts/ensure-postgres.sh status
#
# Only the URL goes to stdout (logs go to stderr) so callers can eval/export it.
# Settings (environment): PGTEST_PORT (54329), PGTEST_DIR (/tmp/inspector-pg-test),
# PGTEST_DB (inspector_test). The cluster trusts loopback: it is for tests, never for data you keep.
set -euo pipefail

PORT="${PGTEST_PORT:-54329}"
BASE="${PGTEST_DIR:-/tmp/inspector-pg-test}"
DB="${PGTEST_DB:-inspector_test}"
DATA="$BASE/data"
SOCK="$BASE/sock"
LOG="$BASE/postgres.log"
CMD="${1:-start}"

log() { echo "ensure-postgres: $*" >&2; }

find_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then echo "$dir"; return; fi
  dir="$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/x)")"
  if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then echo "$dir"; fi
}

# initdb and postgres refuse to run as root: as root, run them as the `postgres` user.
as_owner() {
  if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

BIN="$(find_bin)"
if [[ -z "$BIN" ]]; then
  [[ "$CMD" == start ]] || { log "PostgreSQL is not installed"; exit 1; }
  [[ "$(id -u)" == 0 ]] || { log "PostgreSQL is missing and we are not root: install it (apt-get install postgresql)"; exit 1; }
  log "installing PostgreSQL from Debian packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  BIN="$(find_bin)"
  [[ -n "$BIN" ]] || { log "no initdb/pg_ctl found after installing"; exit 1; }
fi

running() { [[ -f "$DATA/PG_VERSION" ]] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }

case "$CMD" in
  stop)
    if running; then as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2; else log "not running"; fi
    exit 0 ;;
  clean)
    if running; then as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2; fi
    rm -rf "$BASE"; exit 0 ;;
  status)
    if running; then log "running on 127.0.0.1:$PORT (data $DATA)"; exit 0; else log "not running"; exit 3; fi ;;
  start) ;;
  *) log "usage: $0 [start|stop|status|clean]"; exit 2 ;;
esac

if [[ "$(id -u)" == 0 ]]; then
  id postgres >/dev/null 2>&1 || { log "no postgres user (the postgresql package creates it)"; exit 1; }
fi

if ! running; then
  mkdir -p "$BASE" "$SOCK"
  if [[ "$(id -u)" == 0 ]]; then chown postgres: "$BASE" "$SOCK"; fi
  if [[ ! -f "$DATA/PG_VERSION" ]]; then
    log "initdb in $DATA"
    as_owner "$BIN/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    log "port $PORT is taken by something else: set PGTEST_PORT"; exit 1
  fi
  log "starting on 127.0.0.1:$PORT"
  # fsync off: a test cluster is disposable, and durability costs only slow the suite down.
  as_owner "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $SOCK -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >&2 || { log "start failed; see $LOG"; tail -n 20 "$LOG" >&2 || true; exit 1; }
fi

psql_admin() { "$BIN/psql" -X -q -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }
if [[ "$(psql_admin -tAc "select 1 from pg_database where datname = '$DB'")" != 1 ]]; then
  log "creating database $DB"
  psql_admin -c "create database \"$DB\"" >&2
fi

echo "TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$PORT/$DB"
