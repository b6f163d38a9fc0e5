#!/usr/bin/env bash
# Start a throwaway PostgreSQL 15 for the test suite and print its URL on stdout.
#   export GONGKAI_TEST_PG_URL=$(scripts/start-test-postgres.sh)
# Data and socket live under one fresh /tmp directory; stop with
#   su postgres -c "pg_ctl -D <dir>/data stop"   (the directory is printed on stderr).
# Runs as root (CI) by switching to the postgres user, or directly as a non-root user.
set -euo pipefail
PORT="${PGPORT_TEST:-55432}"
# Another instance (an earlier run on the same machine) may hold the port: take the next free one.
while (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$((PORT + 1)); done
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [ -z "$BIN" ]; then
  echo "找不到 PostgreSQL（apt-get install -y postgresql）" >&2
  exit 1
fi
DIR="$(mktemp -d /tmp/gongkai-pg.XXXXXX)"
chmod 755 "$DIR"
run() {
  if [ "$(id -u)" = 0 ]; then su postgres -c "$*"; else sh -c "$*"; fi
}
if [ "$(id -u)" = 0 ]; then chown postgres "$DIR"; fi
run "$BIN/initdb -D $DIR/data -A trust -U postgres -E UTF8 --locale=C.UTF-8" >"$DIR/initdb.log" 2>&1
# fsync off: a test database need not survive a power cut, and it makes the suite much faster.
run "$BIN/pg_ctl -D $DIR/data -l $DIR/server.log -w -o \"-p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c listen_addresses=127.0.0.1\" start" >&2
echo "PostgreSQL 测试实例：$DIR（端口 $PORT）" >&2
echo "postgres://postgres@127.0.0.1:$PORT/postgres"
