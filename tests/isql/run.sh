#!/usr/bin/env bash
# tests/isql/run.sh - runs every cases/NAME.sql through unixODBC's isql in
# batch mode and compares stdout and stderr with cases/NAME.out (golden
# files, reviewed by hand). Prints TAP. isql exits 0 even when a statement
# fails, so stderr is part of what is compared.
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
echo "1..$n"
[ "$failed" -eq 0 ]
