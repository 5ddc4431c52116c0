#!/bin/bash
# Polling benchmark (bench_polling.c) against an athena-local with no added
# latency: lateness and GetQueryExecution calls for queries of T seconds.
#   tests/bench/run-bench-polling.sh [T ...]   (default: 0.1 0.3 1 3 10 30 60; about 5 minutes:
#   the defaults, then the doubling schedule)
# Needs a built tree (setup_all / make check TESTS=).
set -e
cd "$(dirname "$0")/../.."
. tests/run-lib.sh
export ATHENA_RUN_DIR=${ATHENA_RUN_DIR:-$ROOT/.run/bench-polling}
mkdir -p "$ATHENA_RUN_DIR"
BIN=$ROOT/tests/bench/bench_polling
[ -x "$BIN" ] || die "build first: $BIN is missing"
export ATHENA_TEST_DSN=$DSN_NAME
trap stop_athena_local EXIT
start_athena_local --latency none >/dev/null
register_driver
echo "== polling, --latency none ($(nproc) cores, $(date -u +%FT%TZ))"
"$BIN" "$@"
