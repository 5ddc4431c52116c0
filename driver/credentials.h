/* credentials.h - the seam through which requests get AWS credentials.
 * Today: static keys from the connection (UID/PWD/SessionToken). The
 * credential chain (profiles, roles, IMDS, ECS, SSO, web identity, refresh)
 * plugs in behind the same interface. */
#ifndef ATHENA_CREDENTIALS_H
#define ATHENA_CREDENTIALS_H

#include <stdbool.h>
#include <time.h>
#include "error.h"
#include "dsn_keys.h"

typedef struct aws_credentials {
    char access_key[128];
    char secret_key[128];
    char session_token[4096];   /* "" when none */
    time_t expiration;          /* 0 when they do not expire */
} aws_credentials;

typedef struct cred_provider cred_provider;
struct cred_provider {
    const char *name;  /* "IAM Credentials", "Environment", ... for messages */
    /* Copies current credentials into out. force_refresh asks a refreshing
     * provider to fetch new ones even if it thinks its own are still valid
     * (after ExpiredTokenException). Thread-safe. 0, or -1 with err. */
    int (*get)(cred_provider *self, aws_credentials *out, bool force_refresh, athena_error *err);
    void (*destroy)(cred_provider *self);
};

/* Builds the provider the configuration asks for. Returns NULL with err set
 * (AE_CONFIG_MISSING / AE_AUTH) when it cannot. */
cred_provider *cred_provider_from_config(const athena_config *cfg, athena_error *err);
void cred_provider_free(cred_provider *p);
/* Wipes secrets from memory (explicit_bzero). */
void aws_credentials_wipe(aws_credentials *c);

#endif
