/* credentials.h - the seam through which requests get AWS credentials: the
 * credentials and the provider interface http.c signs with. A leaf: the
 * providers (auth/cred_*.c) implement it, auth/cred_chain.c builds a
 * connection's provider from its keys. */
#ifndef ATHENA_CREDENTIALS_H
#define ATHENA_CREDENTIALS_H

#include <stdbool.h>
#include <time.h>
#include "error.h"

typedef struct aws_credentials {
    char access_key[128];
    char secret_key[128];
    char session_token[4096];   /* "" when none */
    time_t expiration;          /* 0 when they do not expire */
} aws_credentials;

typedef struct cred_provider cred_provider;
struct cred_provider {
    const char *name;  /* "IAM Credentials", "Environment (AWS_ACCESS_KEY_ID)", ... for messages */
    /* Copies current credentials into out. force_refresh asks a refreshing
     * provider to fetch new ones even if it thinks its own are still valid
     * (after ExpiredTokenException). Thread-safe. 0, or -1 with err. */
    int (*get)(cred_provider *self, aws_credentials *out, bool force_refresh, athena_error *err);
    void (*destroy)(cred_provider *self);
};

void cred_provider_free(cred_provider *p);
/* Wipes secrets from memory (explicit_bzero). */
void aws_credentials_wipe(aws_credentials *c);

#endif
