/* error.c - filling the internal error record. */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int ae_set(athena_error *err, ae_code code, long native, const char *fmt, ...)
{
    if (!err)
        return -1;
    err->code = code;
    err->native = native;
    err->aws_type[0] = '\0';
    err->message[0] = '\0';
    if (fmt) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
    }
    return -1;
}

void ae_clear(athena_error *err)
{
    if (!err)
        return;
    err->code = AE_OK;
    err->native = 0;
    err->aws_type[0] = '\0';
    err->message[0] = '\0';
}
