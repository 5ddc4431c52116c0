#!/usr/bin/env bash
# tests/isql/run-iusql.sh - runs every iusql/NAME.sql through unixODBC's iusql,
# which connects with SQLDriverConnectW and uses only the W functions
# (SQLPrepareW or SQLExecDirectW, SQLColAttributeW, SQLGetData with
# SQL_C_WCHAR, SQLErrorW), and compares stdout and stderr with iusql/NAME.out
# (golden files, reviewed by hand). Prints TAP.
#
# iusql converts text itself, byte for byte: each input byte becomes one
# SQLWCHAR (sign-extended: byte 0xE9 becomes U+FFE9), and each output SQLWCHAR
# is printed as its low byte, which ends the value at a NUL. So its output is
# ISO-8859-1 for U+0000..U+00FF and the low bytes of anything else (U+65E5 ->
# 0xE5, the surrogate pair of U+1F600 -> '=' and a NUL). This runner shows the
# output converted from ISO-8859-1 to UTF-8 so the golden files are readable.
# A first line "-- iusql-flags: ..." replaces the default flags (-b -v -d| -c).
# ATHENA_ISQL_BLESS=1 rewrites the golden files from the current output.
set -u
here=$(cd "$(dirname "$0")" && pwd)
dsn=${ATHENA_TEST_DSN:-athena-local}
n=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for sql in "$here"/iusql/*.sql; do
    name=$(basename "$sql" .sql)
    n=$((n + 1))
    flags=$(sed -n '1s/^-- iusql-flags: //p' "$sql")
    [ -n "$flags" ] || flags="-b -v -d| -c"
    {
        # shellcheck disable=SC2086 # the flags are words
        iusql "$dsn" $flags <"$sql" 2>"$tmp/err" | iconv -f ISO-8859-1 -t UTF-8
        echo "-- exit status ${PIPESTATUS[0]}"
        echo "-- stderr"
        iconv -f ISO-8859-1 -t UTF-8 <"$tmp/err"
    } >"$tmp/out"
    if [ "${ATHENA_ISQL_BLESS:-0}" = 1 ]; then
        cp "$tmp/out" "$here/iusql/$name.out"
    fi
    if diff -u "$here/iusql/$name.out" "$tmp/out" >"$tmp/diff" 2>&1; then
        echo "ok $n - iusql $name"
    else
        echo "not ok $n - iusql $name"
        sed 's/^/# /' "$tmp/diff" | head -40
        failed=$((failed + 1))
    fi
done
echo "1..$n"
[ "$failed" -eq 0 ]
