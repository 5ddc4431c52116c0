/* fuzz_convert.c - libFuzzer target for the conversions.
 *
 * Input: byte 0 picks the Athena type, byte 1 the C type, byte 2 the
 * buffer length, byte 3 flags (bit 0: read in SQLGetData pieces; bit 1:
 * UseWCharForStringTypes), the rest is the value text. The output buffer
 * is exactly buflen bytes on the heap so AddressSanitizer catches any
 * write past it. Pieces must make progress or stop.
 *
 * Build and run: tests/fuzz/run-fuzz.sh [seconds] */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "convert.h"

static const char *const types[] = {
    "boolean", "tinyint", "smallint", "integer", "bigint", "real", "double", "decimal(10,2)",
    "decimal(38,5)", "varchar", "char(5)", "varbinary", "date", "time", "time with time zone",
    "timestamp", "timestamp(9)", "timestamp with time zone", "interval year to month",
    "interval day to second", "array", "map", "row", "json", "uuid", "ipaddress", "unknown"};
static const SQLSMALLINT ctypes[] = {
    SQL_C_CHAR, SQL_C_WCHAR, SQL_C_BIT, SQL_C_STINYINT, SQL_C_UTINYINT, SQL_C_TINYINT, SQL_C_SSHORT,
    SQL_C_USHORT, SQL_C_SHORT, SQL_C_SLONG, SQL_C_ULONG, SQL_C_LONG, SQL_C_SBIGINT, SQL_C_UBIGINT,
    SQL_C_FLOAT, SQL_C_DOUBLE, SQL_C_NUMERIC, SQL_C_TYPE_DATE, SQL_C_TYPE_TIME, SQL_C_TYPE_TIMESTAMP,
    SQL_C_DATE, SQL_C_TIME, SQL_C_TIMESTAMP, SQL_C_BINARY, SQL_C_GUID, SQL_C_INTERVAL_YEAR,
    SQL_C_INTERVAL_MONTH, SQL_C_INTERVAL_DAY, SQL_C_INTERVAL_HOUR, SQL_C_INTERVAL_MINUTE,
    SQL_C_INTERVAL_SECOND, SQL_C_INTERVAL_YEAR_TO_MONTH, SQL_C_INTERVAL_DAY_TO_HOUR,
    SQL_C_INTERVAL_DAY_TO_MINUTE, SQL_C_INTERVAL_DAY_TO_SECOND, SQL_C_INTERVAL_HOUR_TO_MINUTE,
    SQL_C_INTERVAL_HOUR_TO_SECOND, SQL_C_INTERVAL_MINUTE_TO_SECOND, SQL_C_DEFAULT};

static size_t fixed_size(SQLSMALLINT ct)
{
    switch (ct) {
    case SQL_C_CHAR: case SQL_C_WCHAR: case SQL_C_BINARY: case SQL_C_DEFAULT: return 0;
    default: return 64; /* any fixed C type fits in 64 bytes */
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 4)
        return 0;
    athena_column col;
    type_options opt = {255, 65535, (data[3] & 2) != 0};
    memset(&col, 0, sizeof col);
    strcpy(col.type_name, types[data[0] % (sizeof types / sizeof types[0])]);
    col.precision = 3;
    type_describe(&col, &opt);
    SQLSMALLINT ct = ctypes[data[1] % (sizeof ctypes / sizeof ctypes[0])];
    /* fixed-size C types ignore BufferLength (ODBC): give them their size */
    SQLSMALLINT resolved = ct == SQL_C_DEFAULT ? ctype_default(&col) : ct;
    size_t buflen = fixed_size(resolved) ? fixed_size(resolved) : data[2] % 48;
    bool pieces = data[3] & 1;
    size_t n = size - 4;
    char *text = malloc(n ? n : 1);
    memcpy(text, data + 4, n);
    unsigned char *out = malloc(buflen ? buflen : 1);
    cv_piece piece;
    memset(&piece, 0, sizeof piece);
    SQLLEN len = 0;
    cv_target t;
    memset(&t, 0, sizeof t);
    t.ctype = ct;
    t.ptr = out;
    t.buflen = (SQLLEN)buflen;
    t.octet_len = &len;
    t.ind = &len;
    t.precision = (SQLSMALLINT)(data[2] % 40);
    t.scale = (SQLSMALLINT)((int)(data[2] % 7) - 2);
    t.interval_precision = (SQLSMALLINT)(data[2] % 10);
    t.fraction_precision = (SQLSMALLINT)(data[2] % 12);
    int guard = 0;
    for (;;) {
        size_t before = piece.offset;
        cv_status st = convert_value(&col, text, n, &t, pieces ? &piece : NULL);
        if ((int)st < CV_OK || st > CV_ERR_BUFFER)
            abort();
        if (st == CV_TRUNCATED && len < 0)
            abort();
        if (!pieces || st != CV_TRUNCATED)
            break;
        /* a piece that made no progress means the buffer is smaller than
         * one character: the caller would loop; so do we, but boundedly */
        if (piece.offset == before && ++guard > 2)
            break;
        if (piece.offset < before)
            abort();
    }
    if (pieces && piece.finished && convert_value(&col, text, n, &t, &piece) != CV_NO_DATA)
        abort();
    free(out);
    free(text);
    return 0;
}
