#!/bin/sh
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for
# a while. Usage: tests/fuzz/run-fuzz.sh [seconds per target, default 60]
set -e
secs=${1:-60}
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
out=${FUZZ_OUT:-/tmp/athena-fuzz}
mkdir -p "$out"
CC=${CC:-clang}
flags="-g -O1 -std=c11 -D_GNU_SOURCE -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -I$top/driver"
n=0
for target in fuzz_page_decode fuzz_convert fuzz_cred_profile fuzz_param_scan fuzz_csv_reader fuzz_connstr fuzz_sql_escape fuzz_catalog_pattern; do
    n=$((n + 1))
    case $target in
    fuzz_cred_profile) src="$top/driver/auth/cred_profile.c $top/driver/strbuf.c $top/driver/error.c" ;;
    fuzz_param_scan) src="$top/driver/param_scan.c $top/driver/param_literal.c $top/driver/param_interval.c $top/driver/strbuf.c" ;;
    fuzz_connstr) src="$top/driver/connstr.c $top/driver/strbuf.c" ;;
    fuzz_catalog_pattern) src="$top/driver/catalog_pattern.c" ;;
    fuzz_sql_escape) src="$top/driver/sql_escape.c $top/driver/strbuf.c $top/driver/error.c $top/driver/utf.c" ;;
    fuzz_csv_reader) src="$top/driver/csv_reader.c $top/driver/error.c $top/driver/utf.c" ;;
    *) src="$top/driver/page_decode.c $top/driver/athena_types.c $top/driver/convert.c $top/driver/utf.c $top/driver/wide.c $top/driver/diag.c $top/driver/sqlstate.c $top/driver/strbuf.c $top/driver/error.c" ;;
    esac
    $CC $flags -o "$out/$target" "$here/$target.c" $src
    mkdir -p "$out/corpus-$target"
    # committed seeds (tests/fuzz/corpus/<target>/), where a target has them
    if [ -d "$here/corpus/$target" ]; then
        cp "$here/corpus/$target"/* "$out/corpus-$target/"
    fi
    if [ "$target" = fuzz_page_decode ]; then
        printf '%s' '{"UpdateCount":0,"ResultSet":{"Rows":[{"Data":[{"VarCharValue":"a\u00e9\ud83d\ude00"},{}]}],"ResultSetMetadata":{"ColumnInfo":[{"CatalogName":"hive","SchemaName":"","TableName":"","Name":"a","Label":"a","Type":"varchar","Precision":2147483647,"Scale":0,"Nullable":"UNKNOWN","CaseSensitive":true}]}},"NextToken":"x"}' \
            > "$out/corpus-$target/seed1.json"
    elif [ "$target" = fuzz_param_scan ]; then
        printf "%s" "SELECT '?', \"a?\" -- ?
, ? /* ? */ FROM t WHERE x = ?" > "$out/corpus-$target/seed1"
    elif [ "$target" = fuzz_csv_reader ]; then
        printf '\002\005"a","b","c"\n"1",,"x ""y"""\n"2","l1\nl2","\303\251\360\237\230\200"\n,,\n' \
            > "$out/corpus-$target/seed1"
    elif [ "$target" = fuzz_cred_profile ]; then
        printf '\000[profile dev]\nregion = us-west-2\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = base\n' \
            > "$out/corpus-$target/seed1"
        printf '\001[base]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = x\n' > "$out/corpus-$target/seed2"
    elif [ "$target" = fuzz_convert ]; then
        printf '\003\011\010\001-12.50' > "$out/corpus-$target/seed1"
        printf '\017\023\040\000%s' '2017-01-01 12:34:56.789' > "$out/corpus-$target/seed2"
        printf '\023\042\040\000%s' '2 03:04:05.678' > "$out/corpus-$target/seed3"
        printf '\011\001\005\001a\303\251\360\237\230\200b' > "$out/corpus-$target/seed4"
    fi
    echo "== $target for ${secs}s"
    status=0
    "$out/$target" -max_total_time="$secs" -max_len=4096 -print_final_stats=1 "$out/corpus-$target" \
        >"$out/$target.log" 2>&1 || status=$?
    grep -E 'stat::number_of_executed_units|stat::new_units_added|cov:|ERROR|SUMMARY|Done' "$out/$target.log" | tail -6
    if [ "$status" -ne 0 ]; then
        echo "not ok $n - $target found a failure (exit $status); see $out/$target.log"
        failed=1
    else
        echo "ok $n - $target ran ${secs}s without a failure"
    fi
done
echo "1..$n"
exit "${failed:-0}"
