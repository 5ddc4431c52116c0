#!/bin/bash
# Side-by-side result benchmark against athena-local: the driver with each
# ResultFetcher and with SQLFetch+SQLGetData vs block fetch, Debian's
# python3-boto3 and the AWS SDK for JavaScript v3 paging GetQueryResults.
# Each client runs the same query and reads every cell; one line per client:
# wall time (execute + fetch), fetch time, rows/s, CPU per cell of the client
# process (all its threads), peak RSS.
#   tests/bench/run-bench.sh [ROWS ...]        (default: 1000000)
# Environment: BENCH_LATENCY="none aws" (athena-local --latency profiles),
# BENCH_CLIENTS (default: all; names as in the output's first column),
# BENCH_S3_KEYS (default S3ResultBlockSize=8388608: keys of the S3 clients),
# BENCH_ATHENA_LOCAL_DIR (another athena-local checkout to run, e.g. one
# that serves pages from its result files for 10,000,000 rows).
# Needs a built tree (setup_all / make check TESTS=). It starts its own
# athena-local for each latency profile.
set -e
cd "$(dirname "$0")/../.."
. tests/run-lib.sh
export ATHENA_RUN_DIR=${ATHENA_RUN_DIR:-$ROOT/.run/bench}
RUN_DIR=$ATHENA_RUN_DIR
LOCAL_DIR=${BENCH_ATHENA_LOCAL_DIR:-$LOCAL_DIR}
INI_DIR=$RUN_DIR/ini
mkdir -p "$RUN_DIR"
BIN=${BENCH_BIN:-$ROOT/tests/bench/bench_fetchers}
[ -x "$BIN" ] || die "build first: $BIN is missing"
export BENCH_KEY_ID=$LOCAL_KEY_ID BENCH_SECRET=$LOCAL_SECRET ATHENA_TEST_DSN=$DSN_NAME
trap stop_athena_local EXIT
rows_list=${*:-1000000}
# 8 MiB ranges, as in the earlier runs of docs/performance.md (memory no longer depends on the range size)
S3KEYS=${BENCH_S3_KEYS:-S3ResultBlockSize=8388608}
clients=${BENCH_CLIENTS:-"odbc-s3-block odbc-s3-getdata odbc-auto-block odbc-gqr-block odbc-gqr-getdata boto3 js-sdk-v3"}

sql_for() {
    if [ "$1" -le 1000000 ]; then
        echo "SELECT n, n_text, half FROM sampledb.numbers WHERE n <= $1"
    else
        # 10 copies of numbers: n, n_text, half for 1..10,000,000
        echo "SELECT n + k * 1000000 AS n, CAST(n + k * 1000000 AS varchar) AS n_text, half + k * 500000 AS half FROM sampledb.numbers CROSS JOIN UNNEST(sequence(0, $(( $1 / 1000000 - 1 )))) AS t(k)"
    fi
}

run_client() { # name rows
    local sql
    sql=$(sql_for "$2")
    case $1 in
    odbc-s3-block) "$BIN" "$1" "ResultFetcher=S3;$S3KEYS" block "$sql" ;;
    odbc-s3-getdata) "$BIN" "$1" "ResultFetcher=S3;$S3KEYS" getdata "$sql" ;;
    odbc-auto-block) "$BIN" "$1" "$S3KEYS" block "$sql" ;;
    odbc-gqr-block) "$BIN" "$1" "ResultFetcher=GetQueryResults" block "$sql" ;;
    odbc-gqr-getdata) "$BIN" "$1" "ResultFetcher=GetQueryResults" getdata "$sql" ;;
    boto3) /usr/bin/python3 tests/bench/bench_boto3.py "$1" "$sql" ;; # Debian's python3-boto3, not a pip one
    js-sdk-v3) NODE_NO_WARNINGS=1 node tests/bench/bench_jssdk.mjs "$1" "$sql" ;;
    *) die "unknown client $1" ;;
    esac
}

for latency in ${BENCH_LATENCY:-none aws}; do
    start_athena_local --latency "$latency" >/dev/null
    register_driver
    for rows in $rows_list; do
        echo "== --latency $latency, $rows rows ($(nproc) cores, $(date -u +%FT%TZ))"
        echo "client|wall s|fetch s|rows|rows/s (fetch)|CPU ns/cell|peak RSS MB"
        for c in $clients; do
            run_client "$c" "$rows" || echo "$c|failed"
        done
    done
    stop_athena_local
done
