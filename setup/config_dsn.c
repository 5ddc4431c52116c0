/* config_dsn.c - ConfigDSN and ConfigDSNW: add, change and remove a data
 * source through SQLConfigDataSource, without a window.
 *
 * Every value is checked by the key table exactly as at connect (config_set,
 * then config_validate on the whole data source) BEFORE anything is written:
 * a refused request leaves odbc.ini as it was. Only the keys the caller gives
 * are written, under their primary name; a secret is never written unless
 * the caller gave it. */
#include <stdlib.h>
#include <string.h>

#include <odbcinst.h>

#include "dsn_keys.h"
#include "utf.h"

/* One "key=value" of the attribute list, split and trimmed. */
typedef struct {
    char *key;
    char *value;
    const config_key_info *info; /* NULL for Description */
} attr;

typedef struct {
    attr *v;
    size_t n;
    const char *dsn; /* value of DSN=, inside v */
} attr_list;

static BOOL fail(DWORD code, const char *msg)
{
    SQLPostInstallerError(code, msg);
    return false;
}

static char *trimmed(const char *s, size_t n)
{
    while (n > 0 && (*s == ' ' || *s == '\t'))
        s++, n--;
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    return str_ndup(s, n);
}

static void attrs_free(attr_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->v[i].key);
        if (l->v[i].value) {
            memset(l->v[i].value, 0, strlen(l->v[i].value)); /* may be a secret */
            free(l->v[i].value);
        }
    }
    free(l->v);
}

/* Splits "k=v\0k=v\0\0". On a refusal, posts the installer error. */
static BOOL attrs_parse(const char *list, attr_list *l)
{
    memset(l, 0, sizeof *l);
    size_t cap = 0;
    for (const char *p = list; p && *p; p += strlen(p) + 1) {
        const char *eq = strchr(p, '=');
        if (!eq) {
            strbuf m = STRBUF_INIT;
            sb_printf(&m, "Attribute '%s' has no '=': expected key=value", p);
            fail(ODBC_ERROR_INVALID_KEYWORD_VALUE, sb_str(&m));
            sb_free(&m);
            return false;
        }
        if (l->n == cap) {
            cap = cap ? cap * 2 : 16;
            attr *nv = realloc(l->v, cap * sizeof *nv);
            if (!nv)
                return fail(ODBC_ERROR_OUT_OF_MEM, "Out of memory");
            l->v = nv;
        }
        attr *a = &l->v[l->n];
        a->key = trimmed(p, (size_t)(eq - p));
        a->value = trimmed(eq + 1, strlen(eq + 1));
        a->info = NULL;
        if (!a->key || !a->value) {
            free(a->key);
            free(a->value);
            return fail(ODBC_ERROR_OUT_OF_MEM, "Out of memory");
        }
        l->n++;
        if (!str_casecmp(a->key, "DSN")) {
            l->dsn = a->value;
            continue;
        }
        if (!str_casecmp(a->key, "Description"))
            continue;
        a->info = config_key_find(a->key);
        if (!a->info || !str_casecmp(a->info->name, "DRIVER")) {
            strbuf m = STRBUF_INIT;
            sb_printf(&m, "Unknown key '%s': the Athena ODBC driver has no such key "
                          "(every key is listed in athenaodbc(7))", a->key);
            fail(ODBC_ERROR_INVALID_KEYWORD_VALUE, sb_str(&m));
            sb_free(&m);
            return false;
        }
    }
    if (!l->dsn || !*l->dsn)
        return fail(ODBC_ERROR_INVALID_NAME, "DSN= is missing: name the data source");
    if (!SQLValidDSN(l->dsn)) {
        strbuf m = STRBUF_INIT;
        sb_printf(&m, "'%s' is not a valid data source name (no []{}(),;?*=!@\\ allowed)", l->dsn);
        fail(ODBC_ERROR_INVALID_NAME, sb_str(&m));
        sb_free(&m);
        return false;
    }
    return true;
}

/* Checks the given values, merged over what the DSN holds (CONFIG), as the
 * driver would at connect. */
static BOOL attrs_check(const attr_list *l, bool existing)
{
    athena_config cfg;
    config_init(&cfg);
    strbuf err = STRBUF_INIT;
    DWORD code = 0;
    for (size_t i = 0; i < l->n && !code; i++) {
        if (!l->v[i].info)
            continue;
        key_result r = config_set(&cfg, l->v[i].key, l->v[i].value, &err);
        if (r == KEY_NOMEM)
            code = ODBC_ERROR_OUT_OF_MEM;
        else if (r != KEY_SET)
            code = ODBC_ERROR_INVALID_KEYWORD_VALUE;
    }
    if (!code && existing && config_load_dsn(&cfg, l->dsn, &err) != 0)
        code = ODBC_ERROR_INVALID_KEYWORD_VALUE;
    if (!code && config_validate(&cfg, &err) != 0)
        code = ODBC_ERROR_INVALID_KEYWORD_VALUE;
    config_free(&cfg);
    if (code)
        fail(code, err.oom ? "Out of memory" : sb_str(&err));
    sb_free(&err);
    return code == 0;
}

static BOOL write_failed(const char *dsn)
{
    strbuf m = STRBUF_INIT;
    sb_printf(&m, "Could not write data source '%s' to odbc.ini", dsn);
    fail(ODBC_ERROR_REQUEST_FAILED, sb_str(&m));
    sb_free(&m);
    return false;
}

/* Writes each given key under its primary name and drops its other
 * spellings, so one spelling of a key is left. An empty value removes it. */
static BOOL attrs_write(const attr_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        const attr *a = &l->v[i];
        if (!str_casecmp(a->key, "DSN"))
            continue;
        const char *name = a->info ? a->info->name : "Description";
        if (a->info)
            for (const char *const *al = a->info->aliases; *al; al++)
                SQLWritePrivateProfileString(l->dsn, *al, NULL, "odbc.ini");
        if (!SQLWritePrivateProfileString(l->dsn, name, *a->value ? a->value : NULL, "odbc.ini") &&
            *a->value)
            return write_failed(l->dsn);
    }
    return true;
}

static BOOL config_dsn(HWND hwnd, WORD req, const char *driver, const char *attributes)
{
    if (hwnd)
        return fail(ODBC_ERROR_INVALID_HWND,
                    "The Athena ODBC driver has no setup dialog: call SQLConfigDataSource "
                    "without a window and give the keys as attributes, or edit odbc.ini");
    WORD op = req;
    bool sys = false;
    switch (req) {
    case ODBC_ADD_SYS_DSN: op = ODBC_ADD_DSN, sys = true; break;
    case ODBC_CONFIG_SYS_DSN: op = ODBC_CONFIG_DSN, sys = true; break;
    case ODBC_REMOVE_SYS_DSN: op = ODBC_REMOVE_DSN, sys = true; break;
    case ODBC_ADD_DSN: case ODBC_CONFIG_DSN: case ODBC_REMOVE_DSN: break;
    default:
        return fail(ODBC_ERROR_INVALID_REQUEST_TYPE,
                    "Request type must be ODBC_ADD_DSN, ODBC_CONFIG_DSN or ODBC_REMOVE_DSN "
                    "(or their _SYS_ forms)");
    }
    if (op == ODBC_ADD_DSN && (!driver || !*driver))
        return fail(ODBC_ERROR_INVALID_NAME, "No driver name given");
    UWORD old_mode = ODBC_BOTH_DSN;
    if (sys) {
        SQLGetConfigMode(&old_mode);
        SQLSetConfigMode(ODBC_SYSTEM_DSN);
    }
    attr_list l;
    BOOL ok = attrs_parse(attributes, &l);
    int exists = ok ? config_dsn_exists(l.dsn) : 0;
    if (ok && exists < 0)
        ok = fail(ODBC_ERROR_OUT_OF_MEM, "Out of memory");
    if (ok && op != ODBC_ADD_DSN && !exists) {
        strbuf m = STRBUF_INIT;
        sb_printf(&m, "Data source '%s' not found in odbc.ini", l.dsn);
        ok = fail(ODBC_ERROR_INVALID_DSN, sb_str(&m));
        sb_free(&m);
    }
    if (ok && op == ODBC_REMOVE_DSN) {
        /* (not SQLRemoveDSNFromIni: unixODBC's read cache would keep
         * answering for the removed section for up to a second) */
        if (!SQLWritePrivateProfileString(l.dsn, NULL, NULL, "odbc.ini"))
            ok = fail(ODBC_ERROR_REMOVE_DSN_FAILED, "Could not remove the data source from odbc.ini");
    } else if (ok) {
        ok = attrs_check(&l, op == ODBC_CONFIG_DSN);
        /* ADD replaces a data source of the same name */
        if (ok && op == ODBC_ADD_DSN && !SQLWriteDSNToIni(l.dsn, driver))
            ok = write_failed(l.dsn);
        if (ok)
            ok = attrs_write(&l);
    }
    attrs_free(&l);
    if (sys)
        SQLSetConfigMode(old_mode);
    return ok;
}

BOOL INSTAPI ConfigDSN(HWND hwnd, WORD req, LPCSTR driver, LPCSTR attributes)
{
    return config_dsn(hwnd, req, driver, attributes);
}

BOOL INSTAPI ConfigDSNW(HWND hwnd, WORD req, LPCWSTR driver, LPCWSTR attributes)
{
    /* the attribute list ends with two NULs: convert it whole */
    size_t n = 0;
    if (attributes)
        while (attributes[n] || attributes[n + 1])
            n++;
    char *d = driver ? utf16_to_utf8(driver, utf16_len(driver), NULL) : NULL;
    char *a = attributes ? utf16_to_utf8(attributes, n + 2, NULL) : NULL;
    BOOL ok;
    if ((driver && !d) || (attributes && !a))
        ok = fail(ODBC_ERROR_OUT_OF_MEM, "Out of memory");
    else
        ok = config_dsn(hwnd, req, d, a);
    free(d);
    free(a);
    return ok;
}
