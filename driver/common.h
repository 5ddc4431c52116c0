/* common.h - what every driver file includes: the ODBC headers and C basics. */
#ifndef ATHENA_COMMON_H
#define ATHENA_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sql.h>
#include <sqlext.h>
#include <sqlucode.h>

#define ATHENA_DRIVER_NAME "libathenaodbc.so"
#define ATHENA_DRIVER_VERSION "00.01.0000"
#define ATHENA_VENDOR "[Athena ODBC]"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#endif
