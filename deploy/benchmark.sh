#!/usr/bin/env bash
# The votation benchmark: starts both services on a fresh data directory, opens a votation through the
# public API, casts N online ballots from C concurrent HTTP clients, and prints (a) ballots/s end to end,
# (b) the raw append rate of the same rows into the same kind of store and the ratio, (c) projection lag,
# (d) ranking read latency, (e) the rebuild rate of the rankings projection, and exactness checks.
#
#   deploy/benchmark.sh [--ballots N] [--clients C] [--store h2|postgres] [--crash] [--json] [...]
#   deploy/benchmark.sh --help          all options
#
# --store postgres uses LEDGER_BENCH_POSTGRES_URL (jdbc:postgresql://host:port/db), _USER, _PASSWORD; when
# they are unset and a local cluster is online (pg_lsclusters) and reachable through its socket as the
# postgres user, it creates the role and database ledger_bench there. Otherwise it says so and skips.
# Each run works in fresh schemas bench_<run>_* that it drops at the end (unless --keep).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

store=h2
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[$i]}" in
    --store) store="${args[$((i + 1))]:-}" ;;
    -h|--help) sed -n '2,13p' "$0" ;;
  esac
done

command_jar=command-service/target/command-service-0.1.0-SNAPSHOT-exec.jar
query_jar=query-service/target/query-service-0.1.0-SNAPSHOT-exec.jar
bench_jar=deploy/benchmark/target/ledger-benchmark-0.1.0-SNAPSHOT.jar
if [[ ! -f $command_jar || ! -f $query_jar || ! -f $bench_jar ]]; then
  echo "Building (first run)…" >&2
  mvn -q -B -DskipTests install >&2
fi

if [[ $store == postgres || $store == postgresql ]] && [[ -z "${LEDGER_BENCH_POSTGRES_URL:-}" ]]; then
  cluster="$(pg_lsclusters -h 2>/dev/null | awk '$4 == "online" { print $1, $2, $3; exit }' || true)"
  as_postgres=()
  if [[ $(id -u) == 0 ]] && command -v runuser >/dev/null; then
    as_postgres=(runuser -u postgres --)
  elif [[ $(id -un) == postgres ]]; then
    as_postgres=()
  else
    cluster=""
  fi
  if [[ -z $cluster ]]; then
    echo "SKIPPED: PostgreSQL is not available: LEDGER_BENCH_POSTGRES_URL is unset and no local cluster is online" >&2
    echo "         (or this user cannot reach it through its socket as postgres). Start one, e.g." >&2
    echo "         pg_ctlcluster <version> main start, or set LEDGER_BENCH_POSTGRES_URL/_USER/_PASSWORD." >&2
    exit 0
  fi
  read -r _version _name port <<<"$cluster"
  password="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  "${as_postgres[@]}" psql -q -p "$port" -v ON_ERROR_STOP=1 <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ledger_bench') THEN CREATE ROLE ledger_bench LOGIN; END IF;
END \$\$;
ALTER ROLE ledger_bench PASSWORD '$password';
SELECT 'CREATE DATABASE ledger_bench OWNER ledger_bench' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'ledger_bench')\gexec
SQL
  export LEDGER_BENCH_POSTGRES_URL="jdbc:postgresql://localhost:$port/ledger_bench"
  export LEDGER_BENCH_POSTGRES_USER=ledger_bench
  export LEDGER_BENCH_POSTGRES_PASSWORD="$password"
  echo "PostgreSQL: local cluster $_version/$_name on port $port, database ledger_bench" >&2
fi

LEDGER_BENCH_GIT="$(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD 2>/dev/null || echo '+uncommitted changes')"
export LEDGER_BENCH_GIT
# a private copy of the benchmark jar, so that a rebuild during the run cannot pull classes from under it
# (the benchmark copies the services' jars itself)
private_jar="$(mktemp "${TMPDIR:-/tmp}/ledger-benchmark-XXXXXX.jar")"
trap 'rm -f "$private_jar"' EXIT
cp "$bench_jar" "$private_jar"
java -Xmx1g -Daxoniq.update-checker.disabled=true -jar "$private_jar" \
  --command-jar "$root/$command_jar" --query-jar "$root/$query_jar" "$@"
