#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster: TRUCE_TEST_PG_URL points at it; it is deleted on exit.
#   scripts/with-postgres.sh npm test
# Needs PostgreSQL's server binaries (Debian: apt-get install postgresql). PGPORT picks the port (default 54329).
set -euo pipefail

port="${PGPORT:-54329}"
bindir="${PG_BINDIR:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
if [[ -z "$bindir" || ! -x "$bindir/initdb" ]]; then
  echo "with-postgres: no PostgreSQL server binaries found (apt-get install postgresql, or set PG_BINDIR)" >&2
  exit 69
fi

dir="$(mktemp -d -t truce-pg.XXXXXX)"
# initdb refuses to run as root: run the server as the postgres user when we are root.
as_owner=()
if [[ "$(id -u)" == "0" ]]; then
  chown postgres: "$dir"
  as_owner=(runuser -u postgres --)
fi

stop() {
  "${as_owner[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

# Trust on loopback only: the cluster lives for one run, listens on 127.0.0.1 and holds test data only.
"${as_owner[@]}" "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 70; }
# fsync off: a test cluster need not survive a power cut, and tests run faster without it.
"${as_owner[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null \
  || { cat "$dir/server.log" >&2; exit 70; }

"$bindir/psql" -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres \
  -c "create role truce login password 'truce'" -c "create database truce owner truce" >/dev/null

export TRUCE_TEST_PG_URL="postgres://truce:truce@127.0.0.1:$port/truce"
echo "with-postgres: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on $TRUCE_TEST_PG_URL" >&2
"$@"
