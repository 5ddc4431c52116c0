/* conn.c - connect: read the keys, validate them, build the credential
 * provider, the HTTP client and the Athena client, and test the connection. */
#include "conn.h"

#include <stdlib.h>
#include <string.h>

#include "connstr.h"
#include "auth/cred_chain.h"
#include "meta_cache.h"

static void close_connection(athena_dbc *d);

static bool is_set(const char *s) { return s && *s; }

/* Applies one key; unknown keys are remembered for the log. */
static SQLRETURN apply_key(athena_dbc *d, const char *key, const char *value, strbuf *unknown)
{
    strbuf err = STRBUF_INIT;
    key_result r = config_set(&d->cfg, key, value, &err);
    SQLRETURN rc = SQL_SUCCESS;
    if (r == KEY_UNKNOWN) {
        if (unknown->len)
            sb_appends(unknown, ", ");
        sb_appends(unknown, key);
    } else if (r == KEY_BAD_VALUE) {
        rc = diag_set_text(&d->diag, SS_HY024, "%s", sb_str(&err));
    } else if (r == KEY_NOMEM) {
        rc = diag_set(&d->diag, SS_HY001, NULL);
    }
    sb_free(&err);
    return rc;
}

static void reset_config(athena_dbc *d)
{
    config_free(&d->cfg);
    config_init(&d->cfg);
}

/* Without AwsRegion (key or AWS_REGION / AWS_DEFAULT_REGION), the region of
 * the AWS profile in use, as the SDKs do (cred_chain.c). */
static void region_from_profile(athena_dbc *d)
{
    if (is_set(d->cfg.region))
        return;
    char *r = cred_profile_region(&d->cfg);
    if (r) {
        strbuf err = STRBUF_INIT;
        (void)config_set(&d->cfg, "AwsRegion", r, &err); /* a bad value leaves it unset */
        sb_free(&err);
        free(r);
    }
}

/* Everything after the keys are known: validation, log, clients, test. */
static SQLRETURN open_connection(athena_dbc *d, const strbuf *unknown)
{
    region_from_profile(d);
    strbuf err = STRBUF_INIT;
    if (config_validate(&d->cfg, &err) != 0) {
        SQLRETURN rc = diag_set_text(&d->diag, SS_HY000, "%s", sb_str(&err));
        sb_free(&err);
        return rc;
    }
    sb_free(&err);
    /* SQL_ATTR_LOGIN_TIMEOUT bounds reaching the endpoint, SQL_ATTR_CONNECTION_TIMEOUT
     * each request (both in seconds; 0 leaves the keys' values) */
    if (d->login_timeout > 0 && (long)d->login_timeout * 1000 < d->cfg.connection_timeout_ms)
        d->cfg.connection_timeout_ms = (long)d->login_timeout * 1000;
    if (d->connection_timeout > 0 && (long)d->connection_timeout * 1000 < d->cfg.request_timeout_ms)
        d->cfg.request_timeout_ms = (long)d->connection_timeout * 1000;

    d->log = log_open(d->cfg.log_level, d->cfg.log_path);
    LOG_AT(d->log, LOG_INFO, "connect: dsn=%s region=%s workgroup=%s catalog=%s schema=%s",
           d->cfg.dsn ? d->cfg.dsn : "", d->cfg.region ? d->cfg.region : "",
           d->cfg.workgroup ? d->cfg.workgroup : "", d->cfg.catalog ? d->cfg.catalog : "",
           d->cfg.schema ? d->cfg.schema : "");
    if (unknown->len)
        LOG_AT(d->log, LOG_WARN, "ignoring unknown connection keys: %s", sb_str(unknown));
    if (!d->cfg.verify_ssl)
        LOG_AT(d->log, LOG_WARN, "VerifySSL=0: TLS certificates and host names are not verified; "
                                 "anyone on the path can read and change this connection's traffic");

    athena_error ae;
    ae_clear(&ae);
    d->creds = cred_provider_from_config(&d->cfg, &ae);
    if (!d->creds)
        goto fail;
    d->http = http_client_new(&d->cfg, d->creds, d->log, &ae);
    if (!d->http)
        goto fail;
    d->client = athena_client_new(&d->cfg, d->http, d->log, &ae);
    if (!d->client)
        goto fail;
    if (d->cfg.connection_test &&
        ac_get_workgroup(d->client, d->cfg.workgroup ? d->cfg.workgroup : "primary", &ae) != 0)
        goto fail;
    /* SQL_ATTR_CURRENT_CATALOG set before connecting wins over the Catalog key */
    if (!d->current_catalog)
        d->current_catalog = str_dup(d->cfg.catalog ? d->cfg.catalog : "AwsDataCatalog");
    if (!d->current_catalog) {
        ae_set(&ae, AE_NOMEM, 0, "Memory allocation error");
        goto fail;
    }
    d->connected = true;
    LOG_AT(d->log, LOG_INFO, "connected");
    return SQL_SUCCESS;

fail:
    LOG_AT(d->log, LOG_ERROR, "connect failed: %s", ae.message);
    SQLRETURN rc = diag_post_error(&d->diag, &ae);
    close_connection(d);
    return rc;
}

SQLRETURN conn_connect(athena_dbc *d, const char *dsn, const char *uid, const char *pwd)
{
    if (d->connected)
        return diag_set(&d->diag, SS_08002, NULL);
    reset_config(d);
    strbuf unknown = STRBUF_INIT;
    SQLRETURN rc = SQL_SUCCESS;
    if (is_set(uid))
        rc = apply_key(d, "UID", uid, &unknown);
    if (rc == SQL_SUCCESS && is_set(pwd))
        rc = apply_key(d, "PWD", pwd, &unknown);
    if (rc == SQL_SUCCESS)
        rc = apply_key(d, "DSN", dsn, &unknown);
    if (rc == SQL_SUCCESS) {
        strbuf err = STRBUF_INIT;
        if (config_load_dsn(&d->cfg, dsn, &err) != 0)
            rc = diag_set_text(&d->diag, SS_HY000, "%s", sb_str(&err));
        sb_free(&err);
    }
    if (rc == SQL_SUCCESS)
        rc = open_connection(d, &unknown);
    sb_free(&unknown);
    if (rc != SQL_SUCCESS)
        reset_config(d);
    return rc;
}

SQLRETURN conn_driver_connect(athena_dbc *d, const char *in, size_t len,
                              SQLUSMALLINT completion, strbuf *out)
{
    if (d->connected)
        return diag_set(&d->diag, SS_08002, NULL);
    switch (completion) {
    case SQL_DRIVER_NOPROMPT:
    case SQL_DRIVER_COMPLETE:
    case SQL_DRIVER_COMPLETE_REQUIRED:
    case SQL_DRIVER_PROMPT:
        break;
    default:
        return diag_set(&d->diag, SS_HY110, "completion %u", completion);
    }
    reset_config(d);
    connstr cs = {0};
    strbuf err = STRBUF_INIT;
    strbuf unknown = STRBUF_INIT;
    SQLRETURN rc = SQL_SUCCESS;
    if (connstr_parse(in, len, &cs, &err) != 0) {
        rc = diag_set_text(&d->diag, SS_HY000, "%s", sb_str(&err));
        goto done;
    }
    for (size_t i = 0; i < cs.count && rc == SQL_SUCCESS; i++) {
        if (str_casecmp(cs.pairs[i].key, "FILEDSN") == 0 || str_casecmp(cs.pairs[i].key, "SAVEFILE") == 0)
            continue; /* handled by the driver manager */
        rc = apply_key(d, cs.pairs[i].key, cs.pairs[i].value, &unknown);
    }
    if (rc == SQL_SUCCESS && is_set(d->cfg.dsn) && config_load_dsn(&d->cfg, d->cfg.dsn, &err) != 0)
        rc = diag_set_text(&d->diag, SS_HY000, "%s", sb_str(&err));
    if (rc == SQL_SUCCESS) {
        sb_reset(&err);
        region_from_profile(d);
        if (config_validate(&d->cfg, &err) != 0 && completion != SQL_DRIVER_NOPROMPT) {
            /* The driver has no dialog yet: say what is missing instead of prompting. */
            rc = diag_set_text(&d->diag, SS_HY000, "%s (this driver has no connection dialog: "
                           "add the key to the connection string or the DSN)", sb_str(&err));
        }
    }
    if (rc == SQL_SUCCESS)
        rc = open_connection(d, &unknown);
    if (rc == SQL_SUCCESS && out)
        config_to_connstr(&d->cfg, out);
done:
    connstr_free(&cs);
    sb_free(&err);
    sb_free(&unknown);
    if (rc != SQL_SUCCESS)
        reset_config(d);
    return rc;
}

/* Frees what a connection (or a failed attempt at one) holds. */
static void close_connection(athena_dbc *d)
{
    while (d->stmts)
        stmt_free(d->stmts);
    athena_client_free(d->client);
    d->client = NULL;
    http_client_free(d->http);
    d->http = NULL;
    cred_provider_free(d->creds);
    d->creds = NULL;
    if (d->connected)
        LOG_AT(d->log, LOG_INFO, "disconnected");
    log_close(d->log);
    d->log = NULL;
    free(d->current_catalog);
    d->current_catalog = NULL;
    meta_cache_free(d->meta_cache);
    d->meta_cache = NULL;
    d->connected = false;
}

SQLRETURN conn_disconnect(athena_dbc *d)
{
    if (!d->connected)
        return diag_set(&d->diag, SS_08003, NULL);
    close_connection(d);
    return SQL_SUCCESS;
}

SQLRETURN conn_end_tran(diag_list *diag, SQLSMALLINT completion)
{
    if (completion != SQL_COMMIT && completion != SQL_ROLLBACK)
        return diag_set(diag, SS_HY012, "completion type %d", (int)completion);
    return SQL_SUCCESS; /* Athena has no transactions: nothing to commit or roll back */
}
