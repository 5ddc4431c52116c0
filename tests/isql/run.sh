#!/usr/bin/env bash
# tests/isql/run.sh - runs every cases/NAME.sql through unixODBC's isql in
# batch mode and compares stdout and stderr with cases/NAME.out (golden
# files, reviewed by hand); then DSN-less (isql -k: SQLDriverConnect with
# the keys, needs ATHENA_LOCAL_URL) and 1,000,000 rows with the time printed.
# Prints TAP. isql exits 0 even when a statement fails, so stderr is part of
# what is compared.
# ATHENA_ISQL_BLESS=1 rewrites the golden files from the current output.
set -u
here=$(cd "$(dirname "$0")" && pwd)
dsn=${ATHENA_TEST_DSN:-athena-local}
n=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for sql in "$here"/cases/*.sql; do
    name=$(basename "$sql" .sql)
    n=$((n + 1))
    {
        isql -b -v -q -d'|' -c "$dsn" <"$sql" 2>"$tmp/err"
        echo "-- exit status $?"
        echo "-- stderr"
        cat "$tmp/err"
    } >"$tmp/out"
    if [ "${ATHENA_ISQL_BLESS:-0}" = 1 ]; then
        cp "$tmp/out" "$here/cases/$name.out"
    fi
    if diff -u "$here/cases/$name.out" "$tmp/out" >"$tmp/diff" 2>&1; then
        echo "ok $n - isql $name"
    else
        echo "not ok $n - isql $name"
        sed 's/^/# /' "$tmp/diff" | head -40
        failed=$((failed + 1))
    fi
done
check() { # check OK DESCRIPTION [DETAIL]
    n=$((n + 1))
    if [ "$1" = 0 ]; then echo "ok $n - $2"; else
        failed=$((failed + 1)); echo "not ok $n - $2"; [ -n "${3:-}" ] && printf '%s\n' "$3" | sed 's/^/# /'
    fi
}

# DSN-less: the driver by its name in odbcinst.ini, the keys in the string (the
# AWS documentation's example key pair, which athena-local accepts).
keys="DRIVER={Athena ODBC};AwsRegion=us-east-1;EndpointOverride=${ATHENA_LOCAL_URL:?};UID=AKIAIOSFODNN7EXAMPLE"
keys="$keys;PWD={wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY};S3OutputLocation=s3://athena-local-results/isql/"
echo "SELECT 'é日本😀' AS t, count(*) AS n FROM sampledb.numbers" | isql "$keys" -k -b -d'|' -c >"$tmp/out" 2>&1
got=$(cat "$tmp/out")
[ "$got" = $'t|n\né日本😀|1000000' ]
check $? "isql -k: DSN-less with the keys in the connection string" "got: $got"
echo "SELECT 1" | isql "DRIVER={Athena ODBC};Oops;AwsRegion=us-east-1" -k -b -v >"$tmp/out" 2>&1
grep -qF "[ISQL]ERROR: Could not SQLDriverConnect" "$tmp/out" &&
    grep -qF "[Athena ODBC][Driver]Invalid connection string: missing '=' after key 'Oops' at position 22" "$tmp/out"
check $? "isql -k: a malformed connection string, the driver's message" "$(cat "$tmp/out")"

# 1,000,000 rows, every one printed by isql
start=$(date +%s%N)
echo "SELECT n, n_text FROM sampledb.numbers" | isql "$dsn" -b -d'|' >"$tmp/out" 2>&1
end=$(date +%s%N)
got=$(awk -F'|' '{ rows++; sum += $1; if ($2 != $1) bad++ } END { printf "%d %.0f %d", rows, sum, bad }' "$tmp/out")
[ "$got" = "1000000 500000500000 0" ]
check $? "1,000,000 rows: count, sum of n, n_text agrees" "got: $got; $(head -3 "$tmp/out")"
printf '# 1,000,000 rows x 2 columns fetched and printed by isql in %.1f s\n' \
    "$(awk -v a="$start" -v b="$end" 'BEGIN { print (b - a) / 1e9 }')"

echo "1..$n"
[ "$failed" -eq 0 ]
