#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback for the test suite (CI and developers).
#   tools/test_postgres.sh start DIR   → initialises DIR, starts the server, prints its admin URL
#   tools/test_postgres.sh stop DIR    → stops it
# Installs Debian's postgresql package first when no server binaries are on the machine (needs root).
# The server listens on 127.0.0.1 only, trusts local connections and skips fsync: test data, nothing else.
set -euo pipefail
action=${1:?start|stop}
dir=${2:?a folder for the cluster}
port=${FOODCA_TEST_PG_PORT:-54329}

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [[ -z "$bindir" ]]; then
    echo "installing postgresql (Debian package)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2 \
        || { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2; }
    bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi

# initdb and postgres refuse to run as root: run them as the postgres user then.
as_owner() {
    if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
start)
    mkdir -p "$dir"
    [[ $(id -u) == 0 ]] && chown postgres "$dir"
    as_owner "$bindir/initdb" -D "$dir/data" -U foodca --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >&2 || { cat "$dir/server.log" >&2; exit 1; }
    echo "postgresql+psycopg://foodca@127.0.0.1:$port/postgres"
    ;;
stop)
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast stop >&2 || true
    ;;
*)
    echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
