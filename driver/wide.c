/* wide.c - SQLWCHAR <-> UTF-8 conversion for the W entry points. SQLWCHAR is
 * a UTF-16 unit under unixODBC (2 bytes) and a UTF-32 wchar_t under iODBC
 * (4 bytes): decided once, by the driver manager library loaded in the
 * process, else by the first W connect (w_sniff). */
#include "wide.h"
#include "utf.h"

#include <link.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

_Static_assert(sizeof(SQLWCHAR) == sizeof(uint16_t), "unixODBC's SQLWCHAR is a UTF-16 code unit");

/* 0: not known yet (taken as 2), else 2 or 4 */
static _Atomic size_t unit;
/* set once the loaded libraries have been looked at */
static _Atomic bool dm_looked;

/* dl_iterate_phdr callback: 2 for a loaded unixODBC (libodbc.so*), 4 for a
 * loaded iODBC (libiodbc.so*). */
static int find_dm(struct dl_phdr_info *info, size_t size, void *found)
{
    (void)size;
    const char *slash = info->dlpi_name ? strrchr(info->dlpi_name, '/') : NULL;
    const char *base = slash ? slash + 1 : info->dlpi_name;
    if (base && strncmp(base, "libodbc.so", 10) == 0)
        *(size_t *)found = sizeof(uint16_t);
    else if (base && strncmp(base, "libiodbc.so", 11) == 0)
        *(size_t *)found = sizeof(uint32_t);
    return 0;
}

/* The driver manager library loaded in the process decides, looked for at
 * the first need of the unit: a driver manager has loaded the driver before
 * its first call, so any W call, also one before the first connect (iODBC
 * passes connection attributes set early to SQLSetConnectAttrW before
 * SQLDriverConnectW), already uses the right unit. Two threads may both
 * look: they find the same answer. */
static void look_for_dm(void)
{
    if (atomic_load(&unit) || atomic_load(&dm_looked))
        return;
    size_t found = 0, none = 0;
    dl_iterate_phdr(find_dm, &found);
    if (found)
        atomic_compare_exchange_strong(&unit, &none, found);
    atomic_store(&dm_looked, true);
}

/* iODBC 3.52.9 tells a driver nothing about its SQLWCHAR; iodbctest links
 * it statically, so no library tells either, and then the first connection
 * string does: ASCII text in UTF-32 has a 0 as its second 16-bit unit, which
 * in UTF-16 would end the string after one character, too short for any
 * connection string (KEY=VALUE). */
void w_sniff(const SQLWCHAR *w, SQLLEN len_chars)
{
    look_for_dm();
    if (atomic_load(&unit))
        return;
    size_t none = 0;
    if (w && w[0] != 0 && (len_chars == SQL_NTS || len_chars >= 2))
        atomic_compare_exchange_strong(&unit, &none, w[1] == 0 ? sizeof(uint32_t) : sizeof(uint16_t));
}

size_t w_unit(void)
{
    size_t u = atomic_load(&unit);
    if (u)
        return u;
    look_for_dm();
    u = atomic_load(&unit);
    return u ? u : sizeof(uint16_t);
}

/* Only iODBC (3.52.10 and later) asks, and it then converts every string
 * to the answer: the unit decided so far, else iODBC's own wchar_t. */
SQLINTEGER w_unicode_type(void)
{
    size_t none = 0;
    look_for_dm();
    atomic_compare_exchange_strong(&unit, &none, sizeof(uint32_t));
    return w_unit() == sizeof(uint32_t) ? W_DM_CP_UCS4 : W_DM_CP_UTF16;
}

char *w_in(const SQLWCHAR *w, SQLLEN len_chars, size_t *out_len, diag_list *diag, bool *bad)
{
    *bad = false;
    if (out_len)
        *out_len = 0;
    if (!w)
        return NULL;
    bool wide32 = w_unit() == sizeof(uint32_t);
    size_t n;
    if (len_chars == SQL_NTS)
        n = w_strlen(w);
    else if (len_chars < 0) {
        diag_set(diag, SS_HY090, "length %ld", (long)len_chars);
        *bad = true;
        return NULL;
    } else
        n = (size_t)len_chars;
    char *out = wide32 ? utf32_to_utf8((const uint32_t *)(const void *)w, n, out_len) : utf16_to_utf8(w, n, out_len);
    if (!out) {
        diag_set(diag, SS_HY001, NULL);
        *bad = true;
    }
    return out;
}

size_t w_strlen(const SQLWCHAR *w)
{
    return w_unit() == sizeof(uint32_t) ? utf32_len((const uint32_t *)(const void *)w) : utf16_len(w);
}

static size_t utf8_count(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; c++) {
        uint32_t cp;
        i += utf8_decode((const unsigned char *)s + i, n - i, &cp);
    }
    return c;
}

size_t w_units_of(const char *s, size_t n)
{
    return w_unit() == sizeof(uint32_t) ? utf8_count(s, n) : utf8_utf16_len(s, n);
}

size_t w_len_of(const char *utf8)
{
    const char *s = utf8 ? utf8 : "";
    return w_units_of(s, strlen(s));
}

bool w_copy(const char *utf8, SQLWCHAR *buf, SQLLEN buf_chars, SQLLEN *total_chars)
{
    const unsigned char *s = (const unsigned char *)(utf8 ? utf8 : "");
    size_t n = strlen((const char *)s);
    if (total_chars)
        *total_chars = (SQLLEN)w_len_of(utf8);
    if (!buf)
        return false;
    if (buf_chars <= 0)
        return n > 0;
    bool wide32 = w_unit() == sizeof(uint32_t);
    uint32_t *buf32 = (uint32_t *)(void *)buf;
    size_t cap = (size_t)buf_chars - 1, o = 0, i = 0;
    bool truncated = false;
    while (i < n) {
        uint32_t cp;
        size_t k = utf8_decode(s + i, n - i, &cp);
        uint16_t u[2];
        size_t need = wide32 ? 1 : utf16_encode(cp, u);
        if (o + need > cap) {
            truncated = true;
            break;
        }
        if (wide32)
            buf32[o++] = cp;
        else
            for (size_t j = 0; j < need; j++)
                buf[o++] = u[j];
        i += k;
    }
    if (wide32)
        buf32[o] = 0;
    else
        buf[o] = 0;
    return truncated;
}
