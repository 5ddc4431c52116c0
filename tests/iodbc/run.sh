#!/usr/bin/env bash
# tests/iodbc/run.sh - iODBC's iodbctest (Debian's iodbc 3.52.9, which links
# iODBC statically and calls the driver's W functions with 4-byte wchar_t)
# against athena-local: by DSN from a private iODBC odbc.ini (ODBCINI,
# ODBCINSTINI), and DSN-less with the driver's path. Compares the output of
# all_types with tests/iodbc/all_types.out (a golden file reviewed by hand;
# ATHENA_ISQL_BLESS=1 rewrites it), error messages exactly, and prints the
# time of a 1,000,000-row fetch; runs tests/iodbc/iodbc_wide (built by make
# check) through the shared libiodbc.so.2 (alone with --wide-only, for the
# sanitizer build). Needs ATHENA_DRIVER_SO and ATHENA_LOCAL_URL.
# Prints TAP.
set -u
here=$(cd "$(dirname "$0")" && pwd)
so=${ATHENA_DRIVER_SO:?}
url=${ATHENA_LOCAL_URL:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
keys="AwsRegion=us-east-1;EndpointOverride=$url;S3OutputLocation=s3://athena-local-results/odbc/;Workgroup=primary;Schema=sampledb;UID=AKIAIOSFODNN7EXAMPLE;PWD=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
{
    printf '[ODBC Data Sources]\nathena-local = Athena ODBC\n\n[athena-local]\nDriver = %s\n' "$so"
    tr ';' '\n' <<<"$keys" | sed 's/=/ = /'
} >"$tmp/odbc.ini"
printf '[ODBC Drivers]\nAthena ODBC = Installed\n\n[Athena ODBC]\nDriver = %s\n' "$so" >"$tmp/odbcinst.ini"
export ODBCINI="$tmp/odbc.ini" ODBCINSTINI="$tmp/odbcinst.ini"
unset ODBCSYSINI

n=0
failed=0
check() { # check OK DESCRIPTION [DETAIL]
    n=$((n + 1))
    if [ "$1" = 0 ]; then echo "ok $n - $2"; else
        failed=$((failed + 1)); echo "not ok $n - $2"; [ -n "${3:-}" ] && printf '%s\n' "$3" | sed 's/^/# /'
    fi
}
run() { # run CONNSTR SQL: stdout in $tmp/out, stderr in $tmp/err
    printf '%s\n' "$2" | iodbctest "$1" >"$tmp/out" 2>"$tmp/err"
}
same() { # same FILE WANT DESCRIPTION
    if [ "$(cat "$1")" = "$2" ]; then check 0 "$3"; else check 1 "$3" "got: $(cat "$1")"; fi
}

# A program with the shared iODBC library loaded (tests/iodbc/iodbc_wide.c):
# the unit of W strings before the first connect, SQL_ATTR_DRIVER_UNICODE_TYPE,
# SQLTablesW, SQLColumnsW, SQL_C_WCHAR data and a W error message through iODBC.
wide=${ATHENA_IODBC_WIDE:-$(dirname "$so")/../../tests/iodbc/iodbc_wide}
"$wide" >"$tmp/wide" 2>&1
status=$?
while IFS= read -r line; do
    case $line in
    "ok "*) check 0 "iodbc_wide: ${line#ok * - }" ;;
    "not ok "*) check 1 "iodbc_wide: ${line#not ok * - }" ;;
    esac
done <"$tmp/wide"
[ "$status" = 0 ] && grep -qx '1\.\.17' "$tmp/wide"
check $? "iodbc_wide: exited 0 after its 17 checks" "$(grep -v '^ok' "$tmp/wide")"
if [ "${1:-}" = --wide-only ]; then # run-tests' sanitizer build: iodbc_wide alone
    echo "1..$n"
    [ "$failed" -eq 0 ]
    exit
fi

run "DSN=athena-local" "SELECT * FROM sampledb.all_types ORDER BY id"
grep -qx 'Driver: 00.01.0000 (libathenaodbc.so)' "$tmp/out"
check $? "DSN: connected through iODBC $(sed -n 's/^Driver Manager: //p' "$tmp/out")" "$(cat "$tmp/err")"
[ "${ATHENA_ISQL_BLESS:-0}" = 1 ] && cp "$tmp/out" "$here/all_types.out"
diff -u "$here/all_types.out" "$tmp/out" >"$tmp/diff"
check $? "DSN: every column of all_types as tests/iodbc/all_types.out" "$(head -40 "$tmp/diff")"
same "$tmp/err" "" "DSN: no error"

# iodbctest's "tables" command: SQLTablesW with no arguments
run "DSN=athena-local" "tables"
same <(awk -F'|' 'NR > 8 && NF == 5 { gsub(/ +$/, "", $3); print $3 }' "$tmp/out" | tr '\n' ' ') \
    "all_types elb_logs impressions numbers elb_errors " "DSN: SQLTablesW lists sampledb's tables and view"

run "DSN=athena-local" "SELECT * FROM sampledb.no_such_table"
same "$tmp/err" "1: SQLExec = [Athena ODBC][Athena]TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.sampledb.no_such_table' does not exist (0) SQLSTATE=42S02" \
    "DSN: a missing table, Athena's message and 42S02 through the W diagnostics"

# iodbctest cuts each value to its column's width in bytes: the headers are
# made wider than the values.
run "DRIVER=$so;$keys" 'SELECT c_varchar10 AS "varchar10_____", c_char AS "char5_________" FROM sampledb.all_types WHERE id = 6'
same "$tmp/err" "" "DSN-less (the driver's path): no error"
grep -qx 'é日本😀 *|ü😀    *' "$tmp/out"
check $? "DSN-less: bounded multibyte text whole" "$(cat "$tmp/out")"

run "DRIVER=$so;Oops;AwsRegion=us-east-1" ""
grep -qF "[Athena ODBC][Driver]Invalid connection string: missing '=' after key 'Oops' at position $((${#so} + 9)) (0) SQLSTATE=HY000" "$tmp/err"
check $? "DSN-less: a malformed string read as UTF-32, the message says its prefix once" "$(cat "$tmp/err")"

start=$(date +%s%N)
run "DSN=athena-local" "SELECT n FROM sampledb.numbers"
end=$(date +%s%N)
grep -qx ' result set 1 returned 1000000 rows.' "$tmp/out"
check $? "1,000,000 rows" "$(tail -5 "$tmp/out"; cat "$tmp/err")"
printf '# 1,000,000 rows fetched and printed by iodbctest in %.1f s\n' "$(awk -v a="$start" -v b="$end" 'BEGIN { print (b - a) / 1e9 }')"

echo "1..$n"
[ "$failed" -eq 0 ]
