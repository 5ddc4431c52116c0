# tests/run-lib.sh - the set-up shared by ./quickstart and ./run-tests:
# install what is missing, build, start athena-local, register the driver
# and a DSN in a private ini directory. Sourced, not run.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUN_DIR=${ATHENA_RUN_DIR:-$ROOT/.run}   # ATHENA_RUN_DIR: where logs, ini files and the port file go
INI_DIR="$RUN_DIR/ini"
LOCAL_DIR="$ROOT/tests/athena-local"
NODE_TEST_DIR="$ROOT/tests/node"      # node-odbc (npm odbc) and its tests
# ATHENA_BUILD_DIR builds out of the source tree (default: in the tree).
BUILD_DIR=${ATHENA_BUILD_DIR:-$ROOT}
DRIVER_SO="$BUILD_DIR/driver/.libs/libathenaodbc.so"
SETUP_SO="$BUILD_DIR/setup/.libs/libathenaodbcS.so"
DSN_NAME=athena-local
# The AWS documentation's example key pair: athena-local accepts it; it is not a secret.
LOCAL_KEY_ID=AKIAIOSFODNN7EXAMPLE
LOCAL_SECRET=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# What ./quickstart needs: the build, the driver's libraries, isql, athena-local.
APT_PACKAGES=(gcc make autoconf automake libtool pkg-config unixodbc unixodbc-dev odbcinst
              libcurl4-openssl-dev libssl-dev libjansson-dev ca-certificates)
# What ./run-tests adds: the clients the suites drive, the sanitizer, fuzz and
# packaging tools (setup_all --with-tests).
TEST_PACKAGES=(python3 python3-pyodbc python3-pytest valgrind clang libclang-rt-14-dev libdbd-odbc-perl
               debhelper dpkg-dev fakeroot lintian binutils openssl
               r-base-core r-cran-rodbc php-cli php-odbc ruby-odbc iodbc g++
               libreoffice-calc-nogui libreoffice-base libreoffice-base-drivers python3-uno)

# ensure_packages [--with-tests]
ensure_packages() {
    local missing=() p wanted=("${APT_PACKAGES[@]}")
    [ "${1:-}" = --with-tests ] && wanted+=("${TEST_PACKAGES[@]}")
    for p in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    command -v node >/dev/null 2>&1 || missing+=(nodejs)
    command -v npm >/dev/null 2>&1 || missing+=(npm)
    # node-odbc's addon is built against the installed Node's headers: Debian's
    # nodejs keeps them in libnode-dev (a Node.js from elsewhere ships its own)
    [ "${1:-}" = --with-tests ] && [ ! -f "$(node_prefix)/include/node/node_api.h" ] && missing+=(libnode-dev)
    if [ ${#missing[@]} -gt 0 ]; then
        say "installing: ${missing[*]}"
        [ "$(id -u)" = 0 ] || die "run as root (or install: ${missing[*]})"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >/dev/null || die "apt-get update failed"
        apt-get install -y -qq "${missing[@]}" >/dev/null || die "apt-get install failed: ${missing[*]}"
    fi
    if [ ! -d "$LOCAL_DIR/node_modules" ] || [ "$LOCAL_DIR/package-lock.json" -nt "$LOCAL_DIR/node_modules/.package-lock.json" ]; then
        say "installing athena-local's npm packages"
        (cd "$LOCAL_DIR" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || die "npm ci failed in tests/athena-local"
    fi
}

# The installation prefix of the Node.js in PATH (/usr for Debian's).
node_prefix() {
    local bin
    bin=$(command -v node 2>/dev/null) || { echo /usr; return; }
    bin=$(readlink -f "$bin")
    dirname "$(dirname "$bin")"
}

# ensure_node_odbc: tests/node's npm packages (node-odbc) and node-odbc's
# addon, built from source against the installed Node's headers and unixODBC's
# (npm would otherwise try to download a prebuilt one). Done again only when
# package-lock.json changes or the addon does not load.
ensure_node_odbc() {
    if [ ! -d "$NODE_TEST_DIR/node_modules" ] ||
       [ "$NODE_TEST_DIR/package-lock.json" -nt "$NODE_TEST_DIR/node_modules/.package-lock.json" ]; then
        say "installing tests/node's npm packages (node-odbc)"
        (cd "$NODE_TEST_DIR" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null) ||
            die "npm ci failed in tests/node"
    fi
    if ! (cd "$NODE_TEST_DIR" && node -e "require('odbc')" >/dev/null 2>&1); then
        say "building node-odbc's addon from source (a minute or two)"
        (cd "$NODE_TEST_DIR/node_modules/odbc" &&
            ../.bin/node-pre-gyp rebuild --build-from-source --nodedir="$(node_prefix)" -j "$(nproc)") \
            >"$RUN_DIR/node-odbc-build.log" 2>&1 || { tail -30 "$RUN_DIR/node-odbc-build.log"; die "building node-odbc failed"; }
        (cd "$NODE_TEST_DIR" && node -e "require('odbc')") || die "node-odbc's addon does not load"
    fi
}

# build [configure flags...]: in-tree autotools build of the driver and the test programs.
build_driver() {
    cd "$ROOT" || exit 1
    if [ ! -x configure ] || [ configure.ac -nt configure ] || [ Makefile.am -nt Makefile.in ]; then
        say "autoreconf"
        autoreconf -fi >"$RUN_DIR/autoreconf.log" 2>&1 || { cat "$RUN_DIR/autoreconf.log"; die "autoreconf failed"; }
    fi
    mkdir -p "$BUILD_DIR" && cd "$BUILD_DIR" || exit 1
    local flags="$*"
    if [ ! -f Makefile ] || [ "$(cat "$RUN_DIR/configure.flags" 2>/dev/null)" != "$flags" ] || [ "$ROOT/configure" -nt Makefile ]; then
        say "configure $flags"
        "$ROOT/configure" -q $flags >"$RUN_DIR/configure.log" 2>&1 || { cat "$RUN_DIR/configure.log"; die "configure failed"; }
        echo "$flags" >"$RUN_DIR/configure.flags"
    fi
    say "make"
    make -j"$(nproc)" >"$RUN_DIR/make.log" 2>&1 || { tail -50 "$RUN_DIR/make.log"; die "make failed"; }
    make -j"$(nproc)" check TESTS= >"$RUN_DIR/make-check.log" 2>&1 || { tail -50 "$RUN_DIR/make-check.log"; die "building the tests failed"; }
    [ -f "$DRIVER_SO" ] || die "the build did not produce $DRIVER_SO"
}

ATHENA_LOCAL_PID=
stop_athena_local() {
    if [ -n "$ATHENA_LOCAL_PID" ]; then
        kill "$ATHENA_LOCAL_PID" 2>/dev/null
        wait "$ATHENA_LOCAL_PID" 2>/dev/null
        ATHENA_LOCAL_PID=
    fi
}

# start_athena_local [athena-local flags]: on a free loopback port; sets ATHENA_LOCAL_PORT and ATHENA_LOCAL_URL.
start_athena_local() {
    local port_file="$RUN_DIR/athena-local.port" i
    rm -f "$port_file"
    "$LOCAL_DIR/athena-local" --port 0 --port-file "$port_file" "$@" >"$RUN_DIR/athena-local.log" 2>&1 &
    ATHENA_LOCAL_PID=$!
    for i in $(seq 1 600); do
        [ -s "$port_file" ] && break
        kill -0 "$ATHENA_LOCAL_PID" 2>/dev/null || { cat "$RUN_DIR/athena-local.log"; die "athena-local did not start"; }
        sleep 0.1
    done
    [ -s "$port_file" ] || { cat "$RUN_DIR/athena-local.log"; die "athena-local did not report its port within 60 s"; }
    ATHENA_LOCAL_PORT=$(cat "$port_file")
    ATHENA_LOCAL_URL="http://127.0.0.1:$ATHENA_LOCAL_PORT"
    # tests that start an athena-local of their own (short credential lifetimes) find it here,
    # also when the build is out of the source tree
    ATHENA_LOCAL_BIN="$LOCAL_DIR/athena-local"
    export ATHENA_LOCAL_PORT ATHENA_LOCAL_URL ATHENA_LOCAL_BIN
    say "athena-local listening on $ATHENA_LOCAL_URL"
}

# register_driver: a private odbcinst.ini and odbc.ini under .run/ini, never the system's.
register_driver() {
    mkdir -p "$INI_DIR"
    : >"$INI_DIR/odbcinst.ini"
    : >"$INI_DIR/odbc.ini"
    export ODBCSYSINI="$INI_DIR" ODBCINSTINI=odbcinst.ini ODBCINI="$INI_DIR/odbc.ini"
    sed -e "s|@libdir@/libathenaodbc.so|$DRIVER_SO|" -e "s|@libdir@/libathenaodbcS.so|$SETUP_SO|" \
        "$ROOT/odbcinst.ini.in" >"$RUN_DIR/odbcinst.ini"
    odbcinst -i -d -f "$RUN_DIR/odbcinst.ini" >/dev/null || die "odbcinst could not register the driver"
    cat >"$RUN_DIR/odbc.ini" <<INI
[$DSN_NAME]
Description = Amazon Athena through athena-local
Driver = Athena ODBC
AwsRegion = us-east-1
EndpointOverride = $ATHENA_LOCAL_URL
S3EndpointOverride = $ATHENA_LOCAL_URL
StsEndpointOverride = $ATHENA_LOCAL_URL
Workgroup = primary
S3OutputLocation = s3://athena-local-results/odbc/
Catalog = AwsDataCatalog
Schema = sampledb
UID = $LOCAL_KEY_ID
PWD = $LOCAL_SECRET
INI
    odbcinst -i -s -l -f "$RUN_DIR/odbc.ini" >/dev/null || die "odbcinst could not register the DSN"
}

# setup_all [--with-tests] [configure flags...]
setup_all() {
    local with=
    [ "${1:-}" = --with-tests ] && { with=--with-tests; shift; }
    mkdir -p "$RUN_DIR"
    ensure_packages $with
    [ -n "$with" ] && ensure_node_odbc
    build_driver "$@"
    start_athena_local
    register_driver
}
