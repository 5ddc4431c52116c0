/* credentials.c - credential providers behind the cred_provider seam.
 *
 * Here:
 *  - static keys from the connection (UID / PWD / SessionToken), used for
 *    AuthenticationType=IAM Credentials and when UID is set without an
 *    AuthenticationType (without preferred_role);
 *  - the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
 *    AWS_SESSION_TOKEN), the first link of the default chain, when both keys
 *    are set (without preferred_role).
 * Everything else (profiles, roles, SSO, web identity, container and instance
 * metadata, external process, preferred_role on top of any of them) is built
 * by cred_chain.c. A new provider only needs a get() that fills
 * aws_credentials and a destroy(). */
#include "credentials.h"
#include "cred_chain.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

void aws_credentials_wipe(aws_credentials *c)
{
    if (c)
        OPENSSL_cleanse(c, sizeof *c); /* not optimised away, like explicit_bzero */
}

void cred_provider_free(cred_provider *p)
{
    if (p && p->destroy)
        p->destroy(p);
}

/* Copies src into dst (size n) or fails when it does not fit. */
static bool fits_copy(char *dst, size_t n, const char *src)
{
    size_t l = src ? strlen(src) : 0;
    if (l >= n)
        return false;
    memcpy(dst, src ? src : "", l);
    dst[l] = '\0';
    return true;
}

/* ---- static keys ---- */

typedef struct static_provider {
    cred_provider base;
    aws_credentials creds; /* immutable after creation */
} static_provider;

static int static_get(cred_provider *self, aws_credentials *out, bool force_refresh,
                      athena_error *err)
{
    (void)force_refresh; /* nothing to refresh: the keys are what the user gave */
    (void)err;
    *out = ((static_provider *)self)->creds;
    return 0;
}

static void static_destroy(cred_provider *self)
{
    static_provider *p = (static_provider *)self;
    aws_credentials_wipe(&p->creds);
    free(p);
}

static cred_provider *static_new(const char *name, const char *ak, const char *sk,
                                 const char *token, const char *ak_key, const char *sk_key,
                                 const char *token_key, athena_error *err)
{
    static_provider *p = calloc(1, sizeof *p);
    if (!p) {
        ae_set(err, AE_NOMEM, 0, "Out of memory creating the credential provider");
        return NULL;
    }
    p->base.name = name;
    p->base.get = static_get;
    p->base.destroy = static_destroy;
    if (!fits_copy(p->creds.access_key, sizeof p->creds.access_key, ak)) {
        ae_set(err, AE_CONFIG, 0, "%s is too long (at most %zu characters)", ak_key,
               sizeof p->creds.access_key - 1);
        goto fail;
    }
    if (!fits_copy(p->creds.secret_key, sizeof p->creds.secret_key, sk)) {
        ae_set(err, AE_CONFIG, 0, "%s is too long (at most %zu characters)", sk_key,
               sizeof p->creds.secret_key - 1);
        goto fail;
    }
    if (!fits_copy(p->creds.session_token, sizeof p->creds.session_token, token)) {
        ae_set(err, AE_CONFIG, 0, "%s is too long (at most %zu characters)", token_key,
               sizeof p->creds.session_token - 1);
        goto fail;
    }
    return &p->base;
fail:
    aws_credentials_wipe(&p->creds);
    free(p);
    return NULL;
}

/* ---- environment ---- */

typedef struct env_provider {
    cred_provider base;
    pthread_mutex_t mu;
    aws_credentials creds;
} env_provider;

static const char *env_nonempty(const char *name)
{
    const char *v = getenv(name);
    return (v && *v) ? v : NULL;
}

static const char env_missing_msg[] =
    "Environment: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are no longer both set";

/* Reads the environment into c. */
static int env_read(aws_credentials *c, athena_error *err)
{
    const char *ak = env_nonempty("AWS_ACCESS_KEY_ID");
    const char *sk = env_nonempty("AWS_SECRET_ACCESS_KEY");
    const char *tok = env_nonempty("AWS_SESSION_TOKEN");
    if (!ak || !sk)
        return ae_set(err, AE_CONFIG_MISSING, 0, "%s", env_missing_msg);
    aws_credentials n;
    memset(&n, 0, sizeof n);
    if (!fits_copy(n.access_key, sizeof n.access_key, ak))
        return ae_set(err, AE_CONFIG, 0, "AWS_ACCESS_KEY_ID is too long");
    if (!fits_copy(n.secret_key, sizeof n.secret_key, sk)) {
        aws_credentials_wipe(&n);
        return ae_set(err, AE_CONFIG, 0, "AWS_SECRET_ACCESS_KEY is too long");
    }
    if (!fits_copy(n.session_token, sizeof n.session_token, tok)) {
        aws_credentials_wipe(&n);
        return ae_set(err, AE_CONFIG, 0, "AWS_SESSION_TOKEN is too long");
    }
    *c = n;
    aws_credentials_wipe(&n);
    return 0;
}

static int env_get(cred_provider *self, aws_credentials *out, bool force_refresh,
                   athena_error *err)
{
    env_provider *p = (env_provider *)self;
    int rc = 0;
    pthread_mutex_lock(&p->mu);
    if (force_refresh)
        rc = env_read(&p->creds, err); /* someone may have rotated the variables */
    if (rc == 0)
        *out = p->creds;
    pthread_mutex_unlock(&p->mu);
    return rc;
}

static void env_destroy(cred_provider *self)
{
    env_provider *p = (env_provider *)self;
    aws_credentials_wipe(&p->creds);
    pthread_mutex_destroy(&p->mu);
    free(p);
}

static cred_provider *env_new(athena_error *err)
{
    env_provider *p = calloc(1, sizeof *p);
    if (!p) {
        ae_set(err, AE_NOMEM, 0, "Out of memory creating the credential provider");
        return NULL;
    }
    p->base.name = "Environment";
    p->base.get = env_get;
    p->base.destroy = env_destroy;
    pthread_mutex_init(&p->mu, NULL);
    if (env_read(&p->creds, err) != 0) {
        env_destroy(&p->base);
        return NULL;
    }
    return &p->base;
}

/* ---- choice ---- */

static bool set(const char *s) { return s && *s; }

cred_provider *cred_provider_from_config(const athena_config *cfg, athena_error *err)
{
    const char *auth = cfg->authentication_type;
    if (!set(auth))
        auth = set(cfg->uid) ? "IAM Credentials" : "Default Credentials";

    if (str_casecmp(auth, "IAM Credentials") == 0 && !set(cfg->preferred_role)) {
        if (!set(cfg->uid)) {
            ae_set(err, AE_CONFIG_MISSING, 0,
                   "UID (the AWS access key id) is required for AuthenticationType=IAM Credentials");
            return NULL;
        }
        if (!set(cfg->pwd)) {
            ae_set(err, AE_CONFIG_MISSING, 0,
                   "PWD (the AWS secret access key) is required for AuthenticationType=IAM Credentials");
            return NULL;
        }
        return static_new("IAM Credentials", cfg->uid, cfg->pwd, cfg->session_token, "UID", "PWD",
                          "SessionToken", err);
    }
    if (str_casecmp(auth, "Default Credentials") == 0 && !set(cfg->preferred_role) &&
        env_nonempty("AWS_ACCESS_KEY_ID") && env_nonempty("AWS_SECRET_ACCESS_KEY"))
        return env_new(err);
    /* the rest of the chain, and preferred_role on top of any type */
    return cred_chain_from_config(cfg, err);
}
