/* cred_refresh.c - the caching, refreshing, single-flight provider. */
#include "cred_refresh.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_EARLY_SECONDS 300.0
/* A forced refresh within this many seconds of the last fetch reuses it. */
#define FORCE_COALESCE_SECONDS 1.0

typedef struct refresh_provider {
    cred_provider base;
    char name[256];
    cred_source *src;
    cred_ctx *ctx;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    bool have;               /* creds holds credentials */
    bool refreshing;         /* a fetch is running (without the mutex) */
    unsigned long generation;/* fetches completed, successful or not */
    unsigned long fetches;
    aws_credentials creds;
    double fetched_at;
    double refresh_at;       /* 0: never (static credentials) */
    int last_rc;
    athena_error last_err;
} refresh_provider;

double cred_refresh_margin(double lifetime)
{
    if (lifetime <= 0)
        return 0;
    double m = lifetime / 4;
    return m > MAX_EARLY_SECONDS ? MAX_EARLY_SECONDS : m;
}

static bool expired(const refresh_provider *p, double now)
{
    return p->creds.expiration != 0 && now >= (double)p->creds.expiration;
}

static bool due(const refresh_provider *p, double now)
{
    return !p->have || (p->refresh_at != 0 && now >= p->refresh_at);
}

/* Runs one fetch; called with the mutex held and refreshing == false.
 * Returns with the mutex held. */
static void run_fetch(refresh_provider *p)
{
    p->refreshing = true;
    pthread_mutex_unlock(&p->mu);

    aws_credentials fresh;
    athena_error e;
    memset(&fresh, 0, sizeof fresh);
    ae_clear(&e);
    double started = cred_now();
    int rc = p->src->fetch(p->src, &fresh, &e);
    double now = cred_now();
    athena_log *log = p->ctx ? p->ctx->log : NULL;
    if (rc == 0) {
        char masked[32];
        cred_mask(fresh.access_key, masked);
        if (fresh.expiration) {
            char when[32];
            cred_format_time(fresh.expiration, when);
            LOG_AT(log, LOG_INFO,
                   "credentials: %s: refreshed, key %s, expire %s (in %.0f s), fetch took %.0f ms",
                   p->name, masked, when, (double)fresh.expiration - now, (now - started) * 1000);
        } else {
            LOG_AT(log, LOG_INFO, "credentials: %s: loaded, key %s (no expiration)", p->name,
                   masked);
        }
    } else {
        LOG_AT(log, LOG_WARN, "credentials: %s: fetch failed: %s", p->name, e.message);
    }

    pthread_mutex_lock(&p->mu);
    p->refreshing = false;
    p->generation++;
    p->fetches++;
    p->last_rc = rc;
    p->last_err = e;
    if (rc == 0) {
        p->creds = fresh;
        p->have = true;
        p->fetched_at = now;
        if (fresh.expiration) {
            double life = (double)fresh.expiration - now;
            p->refresh_at = (double)fresh.expiration - cred_refresh_margin(life);
        } else {
            p->refresh_at = 0;
        }
    }
    aws_credentials_wipe(&fresh);
    pthread_cond_broadcast(&p->cv);
}

static int refresh_get(cred_provider *self, aws_credentials *out, bool force_refresh,
                       athena_error *err)
{
    refresh_provider *p = (refresh_provider *)self;
    pthread_mutex_lock(&p->mu);
    int rc = 0;
    for (;;) {
        double now = cred_now();
        if (p->refreshing) {
            /* single flight: wait for the running fetch and take its result */
            unsigned long gen = p->generation;
            while (p->refreshing && p->generation == gen)
                pthread_cond_wait(&p->cv, &p->mu);
            now = cred_now();
            if (p->last_rc == 0 || (p->have && !expired(p, now))) {
                *out = p->creds;
                break;
            }
            if (err)
                *err = p->last_err;
            rc = -1;
            break;
        }
        bool want = due(p, now) ||
                    (force_refresh && !(p->have && now - p->fetched_at < FORCE_COALESCE_SECONDS));
        if (!want) {
            *out = p->creds;
            break;
        }
        run_fetch(p);
        now = cred_now();
        if (p->last_rc == 0) {
            *out = p->creds;
            break;
        }
        if (p->have && !expired(p, now)) {
            /* keep the old, still valid credentials; try again a few
             * seconds later (at the latest when they expire) */
            p->refresh_at = now + 5 < (double)p->creds.expiration ? now + 5
                                                                   : (double)p->creds.expiration;
            *out = p->creds;
            break;
        }
        if (err)
            *err = p->last_err;
        rc = -1;
        break;
    }
    pthread_mutex_unlock(&p->mu);
    return rc;
}

static void refresh_destroy(cred_provider *self)
{
    refresh_provider *p = (refresh_provider *)self;
    if (p->src && p->src->destroy)
        p->src->destroy(p->src);
    aws_credentials_wipe(&p->creds);
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->cv);
    cred_ctx_unref(p->ctx);
    free(p);
}

cred_provider *cred_refresh_new(const char *name, cred_source *src, cred_ctx *ctx,
                                athena_error *err)
{
    refresh_provider *p = calloc(1, sizeof *p);
    if (!p) {
        if (src && src->destroy)
            src->destroy(src);
        ae_set(err, AE_NOMEM, 0, "Out of memory creating the credential provider");
        return NULL;
    }
    snprintf(p->name, sizeof p->name, "%s", name ? name : "credentials");
    p->base.name = p->name;
    p->base.get = refresh_get;
    p->base.destroy = refresh_destroy;
    p->src = src;
    p->ctx = cred_ctx_ref(ctx);
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->cv, NULL);
    return &p->base;
}

unsigned long cred_refresh_fetch_count(const cred_provider *p)
{
    const refresh_provider *r = (const refresh_provider *)p;
    pthread_mutex_lock((pthread_mutex_t *)&r->mu);
    unsigned long n = r->fetches;
    pthread_mutex_unlock((pthread_mutex_t *)&r->mu);
    return n;
}
