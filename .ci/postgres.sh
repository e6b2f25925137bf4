# Sourced by .ci/run (and by developers: `source .ci/postgres.sh`): start a throwaway PostgreSQL
# cluster for the test run and export its URL as REVIEWDESK_TEST_PG.
#
# The cluster lives in a temporary folder, listens on a unix socket only (no TCP port), trusts local
# connections, and skips fsync (its data is thrown away). It is stopped when the calling shell exits.
# The test role is a superuser of this cluster alone: the tests create a schema per test and the
# lead/reviewer roles that the role-enforcement tests log in as.

reviewdesk_start_test_postgres() {
  local sudo="" bindir dir port=55432 owner
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  fi
  bindir="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  dir="$(mktemp -d /tmp/reviewdesk-pg.XXXXXX)"
  chmod 755 "$dir"
  # initdb refuses to run as root: as root the cluster belongs to the postgres user Debian creates.
  local as=()
  if [ "$(id -u)" -eq 0 ]; then
    owner=postgres
    chown "$owner" "$dir"
    as=(runuser -u "$owner" --)
  fi
  # Run from the cluster's folder: the postgres user may not be allowed into the checkout.
  (cd "$dir" && "${as[@]}" "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 \
    --locale=C.UTF-8 >"$dir/initdb.log" 2>&1) || { cat "$dir/initdb.log"; return 1; }
  (cd "$dir" && "${as[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o \
    "-k $dir -p $port -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    >/dev/null) || { cat "$dir/server.log"; return 1; }
  "$bindir/psql" -q -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE reviewdesk_test LOGIN SUPERUSER" -c "CREATE DATABASE reviewdesk_test OWNER reviewdesk_test"
  export REVIEWDESK_TEST_PG="postgresql://reviewdesk_test@/reviewdesk_test?host=$dir&port=$port"
  export REVIEWDESK_TEST_PG_DIR="$dir"
  # shellcheck disable=SC2064  # expand now: the folder is known only here
  trap "${as[*]} '$bindir/pg_ctl' -D '$dir/data' -m fast -w stop >/dev/null 2>&1; rm -rf '$dir'" EXIT
  echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') for the tests: $REVIEWDESK_TEST_PG"
}

reviewdesk_start_test_postgres
