#!/usr/bin/env bash
# Starts (or stops) a throw-away PostgreSQL 15 from Debian's packages for the compatibility run:
# a temporary data folder owned by `postgres` (mode 700), 127.0.0.1 only, a private port, trust auth.
#   scripts/pg15.sh start   → prints the admin URL on stdout
#   scripts/pg15.sh stop
set -euo pipefail
BIN=/usr/lib/postgresql/15/bin
PORT="${KHUYENCONG_PG15_PORT:-55415}"
DIR="${KHUYENCONG_PG15_DIR:-/tmp/khuyencong-pg15}"

as_pg() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    [ -x "$BIN/initdb" ] || { echo "PostgreSQL 15 is not installed (apt-get install postgresql-15)" >&2; exit 1; }
    if [ -f "$DIR/postmaster.pid" ]; then as_pg "$BIN/pg_ctl" -D "$DIR" -m fast stop >/dev/null 2>&1 || true; fi
    rm -rf "$DIR"
    mkdir -p "$DIR"
    if [ "$(id -u)" = "0" ]; then chown postgres:postgres "$DIR"; fi
    chmod 700 "$DIR"
    as_pg "$BIN/initdb" -D "$DIR" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    as_pg "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w -t 60 \
      -o "-p $PORT -c listen_addresses=127.0.0.1 -k $DIR -c fsync=off" start >/dev/null
    echo "postgres://postgres@127.0.0.1:$PORT/postgres"
    ;;
  stop)
    [ -f "$DIR/postmaster.pid" ] && as_pg "$BIN/pg_ctl" -D "$DIR" -m fast stop >/dev/null || true
    rm -rf "$DIR"
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
