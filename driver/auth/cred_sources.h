/* cred_sources.h - the credential sources that are not STS: static keys, the
 * environment, EC2 instance metadata (IMDSv2), ECS/EKS container
 * credentials, the AWS SSO portal and credential_process programs. Each
 * returns a cred_source for cred_refresh_new(), or NULL with err set. */
#ifndef ATHENA_CRED_SOURCES_H
#define ATHENA_CRED_SOURCES_H

#include "cred_ctx.h"
#include "cred_refresh.h"
#include "strbuf.h"

/* ---- static keys (UID/PWD/SessionToken, a profile's aws_access_key_id...) ---- */
cred_source *cred_static_source(const char *ak, const char *sk, const char *token,
                                const char *what, athena_error *err);

/* ---- AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN,
 * re-read at every fetch ---- */
cred_source *cred_env_source(athena_error *err);

/* ---- EC2 instance metadata, IMDSv2 (token first) ----
 * Endpoint: AWS_EC2_METADATA_SERVICE_ENDPOINT, else
 * AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE=IPv6 -> http://[fd00:ec2::254],
 * else http://169.254.169.254. Falls back to IMDSv1 when the token call is
 * refused with 403/404/405, unless AWS_EC2_METADATA_V1_DISABLED=true. */
cred_source *cred_imds_source(cred_ctx *ctx, athena_error *err);
/* The endpoint the IMDS source uses (malloc'd, no trailing slash). */
char *cred_imds_endpoint(void);

/* ---- ECS / EKS container credentials ----
 * AWS_CONTAINER_CREDENTIALS_RELATIVE_URI (on http://169.254.170.2) or
 * AWS_CONTAINER_CREDENTIALS_FULL_URI (https, or http to a loopback address
 * or the ECS/EKS link-local addresses), with the Authorization header from
 * AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE (read at every fetch) or
 * AWS_CONTAINER_AUTHORIZATION_TOKEN. */
cred_source *cred_ecs_source(cred_ctx *ctx, athena_error *err);
/* The URL from the environment (malloc'd) or NULL with err set. */
char *cred_ecs_url(athena_error *err);
/* True when http://host... may be used for container credentials. */
bool cred_ecs_host_allowed(const char *url);

/* ---- AWS SSO (IAM Identity Center) ----
 * The access token cached by `aws sso login` in ~/.aws/sso/cache/<sha1>.json
 * (sha1 of the sso-session name, or of the start URL for the legacy form),
 * exchanged at the portal's GetRoleCredentials
 * (https://portal.sso.<sso_region>.amazonaws.com, or AWS_ENDPOINT_URL_SSO). */
typedef struct cred_sso_params {
    const char *profile;      /* for messages and the `aws sso login` hint */
    const char *session_name; /* sso_session, or NULL for the legacy form */
    const char *start_url;
    const char *sso_region;
    const char *account_id;
    const char *role_name;
} cred_sso_params;
cred_source *cred_sso_source(cred_ctx *ctx, const cred_sso_params *sp, athena_error *err);
/* Path of the token cache file for a session name or start URL (malloc'd). */
char *cred_sso_cache_path(const char *key);

/* ---- credential_process / External Credentials ----
 * Runs argv (argv[0] looked up in PATH), reads its standard output
 * (credential_process JSON: Version 1, AccessKeyId, SecretAccessKey,
 * SessionToken, Expiration), at most CRED_PROCESS_TIMEOUT_S seconds. */
#define CRED_PROCESS_TIMEOUT_S 60
cred_source *cred_process_source(char **argv, const char *what, athena_error *err);
/* Splits a command line the way a POSIX shell splits words (quotes, backslash
 * escapes; no expansions). Returns a NULL-terminated, malloc'd argv (free
 * with cred_argv_free), or NULL with err set (unbalanced quotes, empty). */
char **cred_split_command(const char *cmd, const char *what, athena_error *err);
void cred_argv_free(char **argv);
/* Runs argv and parses its output; exposed for the tests. */
int cred_process_run(char *const *argv, const char *what, int timeout_s, aws_credentials *out,
                     athena_error *err);

#endif
