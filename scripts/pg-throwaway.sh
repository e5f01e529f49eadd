#!/usr/bin/env bash
# A disposable local PostgreSQL server for tests and benchmarks: no Docker, no system service.
#
# usage: scripts/pg-throwaway.sh start|stop|status|url|pause|resume
#        pause stops the server as a crash would (immediate) and keeps its data; resume starts it again.
# env:   PGBIN      directory holding initdb/pg_ctl/createdb (default: found with pg_config or on PATH,
#                   else under /usr/lib/postgresql/*/bin; installed with apt-get when missing)
#        PGPORT     default 55432
#        PGDIR      default: laurel-pg-$PGPORT under the system temporary directory
#        PGDATABASE default laurel
#        PGDURABLE  1: synchronous_commit on, so that a commit survives the server being killed (pause)
#
# initdb and pg_ctl refuse to run as root, so when run as root the server and its tools run as the
# `postgres` OS user (created by the Debian package). Works the same for a normal user.
set -euo pipefail

find_pgbin() {
  if [ -n "${PGBIN:-}" ] && [ -x "$PGBIN/initdb" ]; then echo "$PGBIN"; return 0; fi
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then pg_config --bindir; return 0; fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(readlink -f "$(command -v initdb)")"; return 0; fi
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$d/initdb" ]; then echo "$d"; return 0; fi
  done
  return 1
}

install_postgres() {
  echo "PostgreSQL server binaries not found" >&2
  bash "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh" postgresql
}

PGBIN=$(find_pgbin || true)
if [ -z "$PGBIN" ]; then install_postgres; PGBIN=$(find_pgbin); fi
PGPORT=${PGPORT:-55432}
TMPROOT=$(dirname "$(mktemp -u)")
PGDIR=${PGDIR:-$TMPROOT/laurel-pg-$PGPORT}
PGDATABASE=${PGDATABASE:-laurel}
PGUSER_OS=${PGUSER_OS:-postgres}

as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u "$PGUSER_OS" -- "$@"; else "$@"; fi; }

server_start() {
  local sync=off
  if [ "${PGDURABLE:-0}" = 1 ]; then sync=on; fi
  as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 60 \
    -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=$sync -c full_page_writes=off" \
    start >/dev/null
}

case "${1:-}" in
  start)
    if [ -f "$PGDIR/data/postmaster.pid" ] && as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" status >/dev/null 2>&1; then
      echo "already running: jdbc:postgresql://127.0.0.1:$PGPORT/$PGDATABASE"; exit 0
    fi
    rm -rf "$PGDIR"; mkdir -p "$PGDIR"
    if [ "$(id -u)" -eq 0 ]; then chown "$PGUSER_OS" "$PGDIR"; fi
    as_pg "$PGBIN/initdb" -D "$PGDIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
    # Socket in PGDIR (the default socket directory may not exist); durability off: throwaway data only.
    server_start
    as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres "$PGDATABASE"
    echo "started: jdbc:postgresql://127.0.0.1:$PGPORT/$PGDATABASE (user postgres, trust auth)" ;;
  stop)
    if [ -d "$PGDIR/data" ]; then as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate -w stop >/dev/null 2>&1 || true; fi
    rm -rf "$PGDIR"; echo "stopped" ;;
  pause)
    as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate -w stop >/dev/null; echo "paused" ;;
  resume)
    server_start; echo "resumed: jdbc:postgresql://127.0.0.1:$PGPORT/$PGDATABASE" ;;
  status) as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" status ;;
  url) echo "jdbc:postgresql://127.0.0.1:$PGPORT/$PGDATABASE" ;;
  *) echo "usage: $0 start|stop|status|url|pause|resume" >&2; exit 2 ;;
esac
