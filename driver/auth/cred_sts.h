/* cred_sts.h - credentials from AWS STS: AssumeRole (signed with the
 * credentials of a parent provider) and AssumeRoleWithWebIdentity (unsigned,
 * with a JWT from a file or from the connection). Query protocol: a
 * form-encoded POST, an XML answer. */
#ifndef ATHENA_CRED_STS_H
#define ATHENA_CRED_STS_H

#include "cred_ctx.h"
#include "cred_refresh.h"
#include "strbuf.h"

typedef struct cred_role_params {
    const char *role_arn;       /* required */
    const char *session_name;   /* NULL or "": athena-odbc-<epoch seconds> */
    const char *external_id;    /* NULL: none */
    long duration;              /* seconds; 0: STS's default */
    const char *origin;         /* "preferred_role", "profile 'dev'", for messages */
} cred_role_params;

/* AssumeRole signed with `parent`'s credentials. Takes ownership of parent
 * (also on failure). */
cred_source *cred_assume_role_source(cred_ctx *ctx, cred_provider *parent,
                                     const cred_role_params *rp, athena_error *err);

/* AssumeRoleWithWebIdentity with the token read from token_file at every
 * fetch, or (token_file NULL) the literal token. */
cred_source *cred_web_identity_source(cred_ctx *ctx, const char *token_file, const char *token,
                                      const cred_role_params *rp, athena_error *err);

/* ---- exposed for the unit tests ---- */

/* Credentials from an AssumeRole / AssumeRoleWithWebIdentity answer. */
int cred_sts_parse_credentials(const char *xml, size_t len, const char *what,
                               aws_credentials *out, athena_error *err);
/* The body of an STS request (Action, Version and the role parameters). */
void cred_sts_form(strbuf *out, const char *action, const cred_role_params *rp,
                   const char *web_identity_token);

#endif
