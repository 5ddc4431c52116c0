#!/usr/bin/env bash
# tests/package/run.sh - builds the Debian package from a scratch copy of the
# tree (dpkg-buildpackage -us -uc -b), checks its contents and lintian, then
# runs its maintainer scripts against a PRIVATE ini directory (never the
# system's /etc/odbcinst.ini), queries athena-local through isql with a DSN
# written by `odbcinst -i -s` using the packaged driver, and removes and
# purges the registration. Prints TAP. Needs ATHENA_LOCAL_URL (./run-tests
# starts athena-local).
set -u
. "$(cd "$(dirname "$0")/../.." && pwd)/tests/run-lib.sh"
work="$RUN_DIR/package"
rm -rf "$work" && mkdir -p "$work/src" "$work/root" "$work/ini"
n=0
failed=0
check() { # check DESCRIPTION COMMAND...
    local what=$1
    shift
    n=$((n + 1))
    if "$@" >"$work/out" 2>&1; then
        echo "ok $n - $what"
    else
        echo "not ok $n - $what"
        sed 's/^/# /' "$work/out" | head -20
        failed=$((failed + 1))
    fi
}
finish() { echo "1..$n"; [ "$failed" -eq 0 ]; exit $?; }

(cd "$ROOT" && git ls-files -co --exclude-standard | grep -v '^tests/athena-local/' | tar -cf - -T -) |
    tar -C "$work/src" -xf -
check "dpkg-buildpackage -us -uc -b" sh -c "cd '$work/src' && dpkg-buildpackage -us -uc -b >'$work/build.log' 2>&1 || { tail -30 '$work/build.log'; exit 1; }"
version=$(sed -n '1s/.*(\(.*\)).*/\1/p' "$ROOT/debian/changelog")
arch=$(dpkg --print-architecture)
triplet=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
deb="$work/odbc-athena_${version}_${arch}.deb"
[ -f "$deb" ] || finish

odbcdir=/usr/lib/$triplet/odbc
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' | grep -v '/$' | sort >"$work/contents"
check "the package holds the driver, the setup library, the registration, the man page" \
    sh -c "for f in $odbcdir/libathenaodbc.so $odbcdir/libathenaodbcS.so /usr/share/athena-odbc/odbcinst.ini \
        /usr/share/man/man7/athenaodbc.7.gz /usr/share/doc/odbc-athena/copyright; do grep -qx \"\$f\" '$work/contents' || { echo \"missing \$f\"; exit 1; }; done"
check "no libtool .la files" sh -c "! grep '\\.la\$' '$work/contents'"
check "depends on odbcinst" sh -c "dpkg-deb -f '$deb' Depends | grep -qw odbcinst"
check "lintian reports no error" sh -c "lintian '$deb' >'$work/lintian.log' 2>&1; cat '$work/lintian.log'; ! grep -q '^E:' '$work/lintian.log'"

dpkg-deb -x "$deb" "$work/root"
dpkg-deb -e "$deb" "$work/ctrl"
check "the setup library needs only odbcinst (and libc)" sh -c \
    "objdump -p '$work/root$odbcdir/libathenaodbcS.so' | awk '/NEEDED/{print \$2}' | sort | tr '\n' ' ' | grep -qx 'libc.so.6 libodbcinst.so.2 '"
check "the registration names the packaged files" sh -c \
    "grep -qx 'Driver      = $odbcdir/libathenaodbc.so' '$work/root/usr/share/athena-odbc/odbcinst.ini' &&
     grep -qx 'Setup       = $odbcdir/libathenaodbcS.so' '$work/root/usr/share/athena-odbc/odbcinst.ini'"
check "the man page names the packaged driver and lists the keys" sh -c \
    "zcat '$work/root/usr/share/man/man7/athenaodbc.7.gz' >'$work/man' && grep -qx 'Driver = $odbcdir/libathenaodbc.so' '$work/man' &&
     grep -qx '.B RowsToFetchPerBlock' '$work/man'"

# the maintainer scripts, against a private ini directory
: >"$work/ini/odbcinst.ini"
: >"$work/ini/odbc.ini"
export ODBCSYSINI="$work/ini" ODBCINSTINI=odbcinst.ini ODBCINI="$work/ini/odbc.ini" DPKG_ROOT="$work/root"
check "postinst configure registers Athena ODBC" sh -c "'$work/ctrl/postinst' configure && odbcinst -q -d -n 'Athena ODBC' | grep -qx 'Driver=$odbcdir/libathenaodbc.so'"
check "postinst of an upgrade keeps UsageCount at 1" sh -c "'$work/ctrl/postinst' configure 0.0.1 && odbcinst -q -d -n 'Athena ODBC' | grep -qx 'UsageCount=1'"

# a query through isql with the packaged driver (its path moved into the extracted root)
sed -i "s|= /usr/lib/|= $work/root/usr/lib/|; s|=/usr/lib/|=$work/root/usr/lib/|" "$work/ini/odbcinst.ini"
cat >"$work/dsn.ini" <<INI
[pkg-athena]
Driver = Athena ODBC
AwsRegion = us-east-1
EndpointOverride = ${ATHENA_LOCAL_URL:-http://127.0.0.1:1}
S3EndpointOverride = ${ATHENA_LOCAL_URL:-http://127.0.0.1:1}
S3OutputLocation = s3://athena-local-results/odbc/
Schema = sampledb
UID = $LOCAL_KEY_ID
PWD = $LOCAL_SECRET
INI
check "odbcinst -i -s writes the DSN" odbcinst -i -s -l -f "$work/dsn.ini"
check "isql queries athena-local through the packaged driver" sh -c \
    "echo 'SELECT 40 + 2 AS answer' | isql -b -q -d'|' -c pkg-athena >'$work/isql.out' 2>&1; cat '$work/isql.out'; grep -qx 'answer' '$work/isql.out' && grep -qx '42' '$work/isql.out'"

# remove and purge: no registration left, even with a usage count above 1
odbcinst -i -d -f "$work/ini/odbcinst.ini" >/dev/null 2>&1 # a second installer raises UsageCount to 2
check "prerm remove unregisters once" sh -c "'$work/ctrl/prerm' remove && odbcinst -q -d -n 'Athena ODBC' | grep -qx 'UsageCount=1'"
check "postrm purge leaves no registration" sh -c "'$work/ctrl/postrm' purge && ! grep -q 'Athena ODBC' '$work/ini/odbcinst.ini'"
finish
