#!/usr/bin/env bash
# Runs Convention Ledger on the embedded default: both services in the foreground, sharing an H2 file
# event store and an embedded MongoDB-wire read store under ./data/. Ctrl-C or SIGTERM stops both.
#
#   deploy/run-local.sh          start (builds what is missing)
#   deploy/run-local.sh --demo   start and load the Clermont-Ferrand 2021-22 convention (empty store only)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
demo=false
for arg in "$@"; do
  case "$arg" in
    --demo) demo=true ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

command_jar=command-service/target/command-service-0.1.0-SNAPSHOT-exec.jar
query_jar=query-service/target/query-service-0.1.0-SNAPSHOT-exec.jar
tools_jar=deploy/tools/target/ledger-tools-0.1.0-SNAPSHOT.jar
if [[ ! -f $command_jar || ! -f $query_jar || ! -f $tools_jar ]]; then
  echo "Building (first run)…"
  mvn -q -B -DskipTests install
fi

export LEDGER_DATA_DIR="${LEDGER_DATA_DIR:-$root/data}"
mkdir -p "$LEDGER_DATA_DIR"
command_port="${COMMAND_PORT:-8081}"
query_port="${QUERY_PORT:-8082}"
java_opts=(-Daxoniq.update-checker.disabled=true)

pids=()
stop() {
  trap - INT TERM EXIT
  if ((${#pids[@]})); then
    echo "Stopping…"
    kill -TERM "${pids[@]}" 2>/dev/null || true
    # a service still shutting down after 4 s is killed: Ctrl-C must give the terminal back promptly
    for _ in $(seq 1 40); do
      kill -0 "${pids[@]}" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
  fi
}
trap stop INT TERM EXIT

start() { # name jar
  java "${java_opts[@]}" -jar "$2" > >(sed -u "s/^/[$1] /") 2>&1 &
  pids+=($!)
}

wait_healthy() { # name port
  for _ in $(seq 1 120); do
    if curl -fsS "http://localhost:$2/actuator/health" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "${pids[@]}" 2>/dev/null; then echo "$1 exited during start-up" >&2; return 1; fi
    sleep 1
  done
  echo "$1 did not become healthy on port $2" >&2
  return 1
}

start command "$command_jar"
wait_healthy command-service "$command_port"
start query "$query_jar"
wait_healthy query-service "$query_port"

echo "Convention Ledger is running: write API http://localhost:$command_port, read API http://localhost:$query_port"
echo "Accounts (role username password): $LEDGER_DATA_DIR/accounts.txt"

if $demo; then
  java -jar "$tools_jar" demo --command-url "http://localhost:$command_port" \
    --query-url "http://localhost:$query_port" --accounts "$LEDGER_DATA_DIR/accounts.txt" \
    || echo "The demo did not reproduce the published table (see above)." >&2
fi

echo "Press Ctrl-C to stop."
wait -n "${pids[@]}" || true
