/* cred_static.c - static keys and the environment variables as sources. */
#include "cred_sources.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct static_source {
    cred_source base;
    aws_credentials creds;
} static_source;

static int static_fetch(cred_source *self, aws_credentials *out, athena_error *err)
{
    (void)err;
    *out = ((static_source *)self)->creds;
    return 0;
}

static void static_destroy(cred_source *self)
{
    static_source *s = (static_source *)self;
    aws_credentials_wipe(&s->creds);
    free(s);
}

cred_source *cred_static_source(const char *ak, const char *sk, const char *token,
                                const char *what, athena_error *err)
{
    static_source *s = calloc(1, sizeof *s);
    if (!s) {
        ae_set(err, AE_NOMEM, 0, "Out of memory");
        return NULL;
    }
    s->base.fetch = static_fetch;
    s->base.destroy = static_destroy;
    if (cred_fill(&s->creds, ak, sk, token, 0, what, err) != 0) {
        static_destroy(&s->base);
        return NULL;
    }
    return &s->base;
}

/* ---- environment ---- */

static int env_fetch(cred_source *self, aws_credentials *out, athena_error *err)
{
    (void)self;
    const char *ak = cred_env("AWS_ACCESS_KEY_ID");
    const char *sk = cred_env("AWS_SECRET_ACCESS_KEY");
    if (!ak)
        return ae_set(err, AE_AUTH, 0, "Environment: AWS_ACCESS_KEY_ID is not set");
    if (!sk)
        return ae_set(err, AE_AUTH, 0,
                      "Environment: AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not");
    return cred_fill(out, ak, sk, cred_env("AWS_SESSION_TOKEN"), 0, "Environment", err);
}

static void env_destroy(cred_source *self) { free(self); }

cred_source *cred_env_source(athena_error *err)
{
    cred_source *s = calloc(1, sizeof *s);
    if (!s) {
        ae_set(err, AE_NOMEM, 0, "Out of memory");
        return NULL;
    }
    s->fetch = env_fetch;
    s->destroy = env_destroy;
    return s;
}
