/* cred_refresh.h - credential sources and the caching, refreshing provider
 * that turns a source into a cred_provider.
 *
 * A source fetches credentials (a file, a process, an HTTP call). The
 * provider keeps the last credentials and fetches new ones
 *  - when they are about to expire: min(5 minutes, a quarter of their
 *    lifetime) before their expiration;
 *  - when asked with force_refresh (after ExpiredTokenException), unless
 *    they were fetched less than a second ago (several threads hitting the
 *    same expired token cause one fetch);
 * and only one fetch runs at a time: threads arriving meanwhile wait for its
 * result (single flight). When a refresh fails while the old credentials are
 * still valid, the old ones are used and the failure is logged. */
#ifndef ATHENA_CRED_REFRESH_H
#define ATHENA_CRED_REFRESH_H

#include "cred_ctx.h"
#include "credentials.h"

typedef struct cred_source cred_source;
struct cred_source {
    /* Fetches fresh credentials into out (expiration 0 = never expire).
     * Called by one thread at a time. 0, or -1 with err set. */
    int (*fetch)(cred_source *self, aws_credentials *out, athena_error *err);
    void (*destroy)(cred_source *self);
};

/* The provider owns src (destroyed with it, or at once on failure) and holds
 * a reference to ctx (may be NULL: no log). `name` ("Environment",
 * "AssumeRole arn:aws:iam::...", ...) is copied and used in messages. */
cred_provider *cred_refresh_new(const char *name, cred_source *src, cred_ctx *ctx,
                                athena_error *err);

/* The number of fetches the provider has made (for tests). */
unsigned long cred_refresh_fetch_count(const cred_provider *p);

/* Refresh margin in seconds for credentials living `lifetime` seconds. */
double cred_refresh_margin(double lifetime);

#endif
