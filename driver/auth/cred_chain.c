/* cred_chain.c - from connection keys to a credential provider: the
 * AuthenticationType values, the default chain, profile resolution (roles,
 * source_profile chains, credential_source, web identity, SSO,
 * credential_process, static keys) and preferred_role. */
#include "cred_chain.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cred_ctx.h"
#include "cred_profile.h"
#include "cred_refresh.h"
#include "cred_sources.h"
#include "cred_sts.h"

#define MAX_PROFILE_CHAIN 16

static bool set(const char *s) { return s && *s; }

const char *cred_profile_name(const athena_config *cfg, bool *explicit_choice)
{
    bool ex = true;
    const char *name = set(cfg->aws_profile) ? cfg->aws_profile : cred_env("AWS_PROFILE");
    if (!name) {
        name = "default";
        ex = false;
    }
    if (explicit_choice)
        *explicit_choice = ex;
    return name;
}

typedef struct chain_build {
    cred_ctx *ctx;
    const athena_config *cfg;
    aws_profiles profiles;
    bool loaded;
} chain_build;

static int load_profiles(chain_build *b, athena_error *err)
{
    if (b->loaded)
        return 0;
    if (aws_profiles_load(&b->profiles, err) != 0)
        return -1;
    b->loaded = true;
    if (b->profiles.warnings.len)
        LOG_AT(b->ctx->log, LOG_WARN, "credentials: AWS config files: %s",
               sb_str(&b->profiles.warnings));
    return 0;
}

static cred_provider *wrap(chain_build *b, const char *name, cred_source *src, athena_error *err)
{
    if (!src)
        return NULL;
    return cred_refresh_new(name, src, b->ctx, err);
}

/* ---- profiles ---- */

static const char *prof(const aws_section *s, const char *key)
{
    const char *v = aws_section_get(s, key);
    return (v && *v) ? v : NULL;
}

static bool profile_has_credentials(const aws_section *s)
{
    static const char *const keys[] = {"role_arn", "sso_session", "sso_start_url",
                                       "aws_access_key_id", "aws_secret_access_key",
                                       "credential_process", "web_identity_token_file", NULL};
    for (const char *const *k = keys; *k; k++)
        if (prof(s, *k))
            return true;
    return false;
}

static int profile_err(chain_build *b, athena_error *err, ae_code code, const char *name,
                       const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static int profile_err(chain_build *b, athena_error *err, ae_code code, const char *name,
                       const char *fmt, ...)
{
    char what[700];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    strbuf where = STRBUF_INIT;
    aws_profiles_where(&b->profiles, &where);
    ae_set(err, code, 0, "Profile '%s' in %s: %s", name, sb_str(&where), what);
    sb_free(&where);
    return -1;
}

static cred_provider *static_from_profile(chain_build *b, const char *name, const aws_section *s,
                                          athena_error *err)
{
    const char *ak = prof(s, "aws_access_key_id"), *sk = prof(s, "aws_secret_access_key");
    if (!ak || !sk) {
        profile_err(b, err, AE_AUTH, name, "%s is set but %s is not",
                    ak ? "aws_access_key_id" : "aws_secret_access_key",
                    ak ? "aws_secret_access_key" : "aws_access_key_id");
        return NULL;
    }
    char what[200];
    snprintf(what, sizeof what, "Profile '%s'", name);
    char pname[300];
    snprintf(pname, sizeof pname, "Profile '%s' (static keys)", name);
    return wrap(b, pname, cred_static_source(ak, sk, prof(s, "aws_session_token"), what, err), err);
}

static bool parse_duration(const char *v, long *out)
{
    char *end;
    errno = 0;
    long d = strtol(v, &end, 10);
    if (errno || end == v || *end || d < 900 || d > 43200)
        return false;
    *out = d;
    return true;
}

static cred_provider *profile_provider(chain_build *b, const char *name, const char **chain,
                                       size_t depth, athena_error *err);

static cred_provider *credential_source_provider(chain_build *b, const char *name, const char *cs,
                                                 athena_error *err)
{
    char pname[300];
    if (strcmp(cs, "Environment") == 0) {
        snprintf(pname, sizeof pname, "Environment (credential_source of profile '%s')", name);
        return wrap(b, pname, cred_env_source(err), err);
    }
    if (strcmp(cs, "Ec2InstanceMetadata") == 0) {
        snprintf(pname, sizeof pname, "Instance metadata (credential_source of profile '%s')", name);
        return wrap(b, pname, cred_imds_source(b->ctx, err), err);
    }
    if (strcmp(cs, "EcsContainer") == 0) {
        snprintf(pname, sizeof pname, "Container credentials (credential_source of profile '%s')",
                 name);
        return wrap(b, pname, cred_ecs_source(b->ctx, err), err);
    }
    profile_err(b, err, AE_AUTH, name,
                "credential_source '%s' is not one of Environment, Ec2InstanceMetadata, "
                "EcsContainer",
                cs);
    return NULL;
}

static cred_provider *role_provider(chain_build *b, const char *name, const aws_section *s,
                                    const char **chain, size_t depth, athena_error *err)
{
    const char *role = prof(s, "role_arn");
    const char *sp = prof(s, "source_profile");
    const char *cs = prof(s, "credential_source");
    const char *wif = prof(s, "web_identity_token_file");
    if (prof(s, "mfa_serial")) {
        profile_err(b, err, AE_AUTH, name,
                    "mfa_serial needs a one-time MFA code typed by a person, which an ODBC "
                    "connection cannot ask for; use a profile without mfa_serial, or "
                    "credential_process");
        return NULL;
    }
    cred_role_params rp;
    memset(&rp, 0, sizeof rp);
    char origin[200];
    snprintf(origin, sizeof origin, "profile '%s'", name);
    rp.role_arn = role;
    rp.session_name = prof(s, "role_session_name");
    rp.external_id = prof(s, "external_id");
    rp.origin = origin;
    const char *dur = prof(s, "duration_seconds");
    if (dur && !parse_duration(dur, &rp.duration)) {
        profile_err(b, err, AE_AUTH, name,
                    "duration_seconds must be a number of seconds between 900 and 43200");
        return NULL;
    }
    char pname[600];
    if (sp && cs) {
        profile_err(b, err, AE_AUTH, name,
                    "role_arn has both source_profile and credential_source; keep one");
        return NULL;
    }
    if (sp || cs) {
        cred_provider *parent;
        if (cs) {
            parent = credential_source_provider(b, name, cs, err);
        } else if (strcmp(sp, name) == 0) {
            /* a profile may be its own source when it holds static keys */
            if (!prof(s, "aws_access_key_id")) {
                profile_err(b, err, AE_AUTH, name,
                            "source_profile names the profile itself, which has no "
                            "aws_access_key_id");
                return NULL;
            }
            parent = static_from_profile(b, name, s, err);
        } else {
            parent = profile_provider(b, sp, chain, depth + 1, err);
        }
        if (!parent)
            return NULL;
        snprintf(pname, sizeof pname, "Profile '%s' (AssumeRole %s)", name, role);
        return wrap(b, pname, cred_assume_role_source(b->ctx, parent, &rp, err), err);
    }
    if (wif) {
        snprintf(pname, sizeof pname, "Profile '%s' (AssumeRoleWithWebIdentity %s)", name, role);
        return wrap(b, pname, cred_web_identity_source(b->ctx, wif, NULL, &rp, err), err);
    }
    profile_err(b, err, AE_AUTH, name,
                "role_arn needs source_profile, credential_source or web_identity_token_file");
    return NULL;
}

static cred_provider *sso_provider(chain_build *b, const char *name, const aws_section *s,
                                   athena_error *err)
{
    cred_sso_params sp;
    memset(&sp, 0, sizeof sp);
    sp.profile = name;
    sp.account_id = prof(s, "sso_account_id");
    sp.role_name = prof(s, "sso_role_name");
    const char *session = prof(s, "sso_session");
    if (session) {
        const aws_section *ss = aws_profiles_find(&b->profiles, AWS_SEC_SSO_SESSION, session);
        if (!ss) {
            profile_err(b, err, AE_AUTH, name, "sso_session '%s' has no [sso-session %s] section",
                        session, session);
            return NULL;
        }
        sp.session_name = session;
        sp.start_url = prof(ss, "sso_start_url");
        sp.sso_region = prof(ss, "sso_region");
        const char *pu = prof(s, "sso_start_url"), *pr = prof(s, "sso_region");
        if ((pu && sp.start_url && strcmp(pu, sp.start_url)) ||
            (pr && sp.sso_region && strcmp(pr, sp.sso_region))) {
            profile_err(b, err, AE_AUTH, name,
                        "sso_start_url / sso_region differ from those of sso-session '%s'", session);
            return NULL;
        }
    } else {
        sp.start_url = prof(s, "sso_start_url");
        sp.sso_region = prof(s, "sso_region");
    }
    char pname[300];
    snprintf(pname, sizeof pname, "Profile '%s' (SSO role %s)", name,
             sp.role_name ? sp.role_name : "?");
    return wrap(b, pname, cred_sso_source(b->ctx, &sp, err), err);
}

static cred_provider *process_provider(chain_build *b, const char *name, const char *cmd,
                                       athena_error *err)
{
    char what[300];
    snprintf(what, sizeof what, "credential_process of profile '%s'", name);
    char **argv = cred_split_command(cmd, what, err);
    if (!argv)
        return NULL;
    char pname[300];
    snprintf(pname, sizeof pname, "Profile '%s' (credential_process)", name);
    return wrap(b, pname, cred_process_source(argv, what, err), err);
}

static cred_provider *profile_provider(chain_build *b, const char *name, const char **chain,
                                       size_t depth, athena_error *err)
{
    for (size_t i = 0; i < depth; i++) {
        if (strcmp(chain[i], name) == 0) {
            strbuf c = STRBUF_INIT;
            for (size_t k = 0; k < depth; k++)
                sb_printf(&c, "%s -> ", chain[k]);
            sb_appends(&c, name);
            profile_err(b, err, AE_AUTH, chain[0], "source_profile chain %s is a cycle", sb_str(&c));
            sb_free(&c);
            return NULL;
        }
    }
    if (depth >= MAX_PROFILE_CHAIN) {
        profile_err(b, err, AE_AUTH, chain[0], "source_profile chain is longer than %d profiles",
                    MAX_PROFILE_CHAIN);
        return NULL;
    }
    const aws_section *s = aws_profiles_find(&b->profiles, AWS_SEC_PROFILE, name);
    if (!s) {
        if (depth > 0)
            profile_err(b, err, AE_AUTH, chain[depth - 1], "source_profile '%s' does not exist",
                        name);
        else
            profile_err(b, err, AE_AUTH, name, "no such profile");
        return NULL;
    }
    chain[depth] = name;
    if (prof(s, "role_arn"))
        return role_provider(b, name, s, chain, depth, err);
    if (prof(s, "web_identity_token_file")) {
        profile_err(b, err, AE_AUTH, name, "web_identity_token_file needs role_arn");
        return NULL;
    }
    if (prof(s, "sso_session") || prof(s, "sso_start_url") || prof(s, "sso_account_id"))
        return sso_provider(b, name, s, err);
    if (prof(s, "aws_access_key_id") || prof(s, "aws_secret_access_key"))
        return static_from_profile(b, name, s, err);
    const char *cp = prof(s, "credential_process");
    if (cp)
        return process_provider(b, name, cp, err);
    profile_err(b, err, AE_AUTH, name,
                "no credentials (aws_access_key_id, role_arn, sso_session, credential_process or "
                "web_identity_token_file)");
    return NULL;
}

static cred_provider *named_profile(chain_build *b, const char *name, athena_error *err)
{
    const char *chain[MAX_PROFILE_CHAIN + 1];
    if (load_profiles(b, err) != 0)
        return NULL;
    return profile_provider(b, name, chain, 0, err);
}

/* ---- the default chain ---- */

static cred_provider *default_chain(chain_build *b, athena_error *err)
{
    strbuf tried = STRBUF_INIT;
    cred_provider *p = NULL;

    /* 1. environment */
    if (cred_env("AWS_ACCESS_KEY_ID") || cred_env("AWS_SECRET_ACCESS_KEY")) {
        p = wrap(b, "Environment (AWS_ACCESS_KEY_ID)", cred_env_source(err), err);
        goto done;
    }
    sb_appends(&tried, "environment: AWS_ACCESS_KEY_ID is not set; ");

    /* 2. web identity from the environment */
    const char *wif = cred_env("AWS_WEB_IDENTITY_TOKEN_FILE");
    const char *role = cred_env("AWS_ROLE_ARN");
    if (wif && role) {
        cred_role_params rp;
        memset(&rp, 0, sizeof rp);
        rp.role_arn = role;
        rp.session_name = cred_env("AWS_ROLE_SESSION_NAME");
        rp.origin = "AWS_WEB_IDENTITY_TOKEN_FILE";
        char pname[600];
        snprintf(pname, sizeof pname, "Web identity (AssumeRoleWithWebIdentity %s)", role);
        p = wrap(b, pname, cred_web_identity_source(b->ctx, wif, NULL, &rp, err), err);
        goto done;
    }
    sb_appends(&tried, wif ? "web identity: AWS_ROLE_ARN is not set; "
                           : "web identity: AWS_WEB_IDENTITY_TOKEN_FILE is not set; ");

    /* 3. the shared config and credentials files */
    bool explicit_profile;
    const char *pname = cred_profile_name(b->cfg, &explicit_profile);
    if (load_profiles(b, err) != 0)
        goto done;
    const aws_section *s = aws_profiles_find(&b->profiles, AWS_SEC_PROFILE, pname);
    if (s && profile_has_credentials(s)) {
        p = named_profile(b, pname, err);
        goto done;
    }
    if (explicit_profile && !s) {
        /* a profile asked for by name must exist (a profile without keys,
         * e.g. only a region, lets the chain go on, as in the SDKs) */
        profile_err(b, err, AE_AUTH, pname, "no such profile");
        goto done;
    }
    {
        strbuf where = STRBUF_INIT;
        aws_profiles_where(&b->profiles, &where);
        sb_printf(&tried, "profile '%s': %s in %s; ", pname,
                  s ? "has no credentials" : "not found", sb_str(&where));
        sb_free(&where);
    }

    /* 4. container credentials */
    if (cred_env("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") ||
        cred_env("AWS_CONTAINER_CREDENTIALS_FULL_URI")) {
        p = wrap(b, "Container credentials", cred_ecs_source(b->ctx, err), err);
        goto done;
    }
    sb_appends(&tried, "container: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI / _FULL_URI are not set; ");

    /* 5. instance metadata, last: on a machine without it, it fails fast */
    if (cred_env_true("AWS_EC2_METADATA_DISABLED")) {
        sb_appends(&tried, "instance metadata: AWS_EC2_METADATA_DISABLED is true");
        ae_set(err, AE_AUTH, 0,
               "No AWS credentials found by the default credential chain. Tried: %s. Set UID and "
               "PWD, a profile (AWSProfile), or AuthenticationType (see docs/authentication.md)",
               sb_str(&tried));
        goto done;
    }
    p = wrap(b, "Instance metadata (IMDSv2)", cred_imds_source(b->ctx, err), err);
    if (p) {
        aws_credentials c;
        athena_error ie;
        ae_clear(&ie);
        if (p->get(p, &c, false, &ie) != 0) {
            cred_provider_free(p);
            p = NULL;
            ae_set(err, AE_AUTH, ie.native,
                   "No AWS credentials found by the default credential chain. Tried: %s"
                   "instance metadata: %s. Set UID and PWD, a profile (AWSProfile), or "
                   "AuthenticationType (see docs/authentication.md)",
                   sb_str(&tried), ie.message);
        }
        aws_credentials_wipe(&c);
    }
done:
    sb_free(&tried);
    return p;
}

/* ---- AuthenticationType ---- */

static cred_provider *external_credentials(chain_build *b, athena_error *err)
{
    const athena_config *cfg = b->cfg;
    if (!set(cfg->executable_path)) {
        ae_set(err, AE_CONFIG_MISSING, 0,
               "ExecutablePath (the program that prints credentials) is required for "
               "AuthenticationType=External Credentials");
        return NULL;
    }
    char **args = NULL;
    if (set(cfg->argument_list)) {
        args = cred_split_command(cfg->argument_list, "ArgumentList", err);
        if (!args)
            return NULL;
    }
    size_t n = 0;
    while (args && args[n])
        n++;
    char **argv = calloc(n + 2, sizeof *argv);
    if (!argv || !(argv[0] = str_dup(cfg->executable_path))) {
        free(argv);
        cred_argv_free(args);
        ae_set(err, AE_NOMEM, 0, "Out of memory");
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        argv[i + 1] = args[i];
    free(args); /* the strings moved to argv */
    return wrap(b, "External Credentials (ExecutablePath)",
                cred_process_source(argv, "External Credentials", err), err);
}

static cred_provider *jwt(chain_build *b, athena_error *err)
{
    const athena_config *cfg = b->cfg;
    if (!set(cfg->web_identity_token)) {
        ae_set(err, AE_CONFIG_MISSING, 0,
               "web_identity_token (the JWT) is required for AuthenticationType=JWT");
        return NULL;
    }
    if (!set(cfg->preferred_role)) {
        ae_set(err, AE_CONFIG_MISSING, 0,
               "preferred_role (the ARN of the role to assume) is required for "
               "AuthenticationType=JWT");
        return NULL;
    }
    cred_role_params rp;
    memset(&rp, 0, sizeof rp);
    rp.role_arn = cfg->preferred_role;
    rp.session_name = cfg->role_session_name;
    rp.duration = cfg->duration;
    rp.origin = "AuthenticationType=JWT";
    char pname[600];
    snprintf(pname, sizeof pname, "JWT (AssumeRoleWithWebIdentity %s)", cfg->preferred_role);
    return wrap(b, pname, cred_web_identity_source(b->ctx, NULL, cfg->web_identity_token, &rp, err),
                err);
}

/* The AuthenticationType a connection uses: the key's value, else IAM
 * Credentials when UID is set, else Default Credentials. */
static const char *auth_type(const athena_config *cfg)
{
    if (set(cfg->authentication_type))
        return cfg->authentication_type;
    return set(cfg->uid) ? "IAM Credentials" : "Default Credentials";
}

cred_provider *cred_provider_from_config(const athena_config *cfg, athena_error *err)
{
    chain_build b;
    memset(&b, 0, sizeof b);
    b.cfg = cfg;
    aws_profiles_init(&b.profiles);
    b.ctx = cred_ctx_new(cfg, err);
    if (!b.ctx) {
        aws_profiles_free(&b.profiles);
        return NULL;
    }
    const char *auth = auth_type(cfg);
    bool uses_profiles = str_casecmp(auth, "IAM Profile") == 0 ||
                         str_casecmp(auth, "Default Credentials") == 0;

    /* STS calls go to the region of the connection, else of the profile */
    if (!b.ctx->region_explicit) {
        athena_error perr;
        ae_clear(&perr);
        if (load_profiles(&b, &perr) == 0) {
            const char *r = aws_profile_get(&b.profiles, cred_profile_name(cfg, NULL), "region");
            if (r && *r && cred_ctx_set_region(b.ctx, r, err) != 0)
                goto fail_early;
        } else if (uses_profiles) {
            *err = perr;
            goto fail_early;
        }
    }

    cred_provider *p = NULL;
    bool role_done = false;
    LOG_AT(b.ctx->log, LOG_INFO, "credentials: AuthenticationType=%s%s%s", auth,
           set(cfg->preferred_role) ? ", preferred_role=" : "",
           set(cfg->preferred_role) ? cfg->preferred_role : "");
    if (str_casecmp(auth, "IAM Credentials") == 0) {
        if (!set(cfg->uid) || !set(cfg->pwd)) {
            ae_set(err, AE_CONFIG_MISSING, 0, "%s is required for AuthenticationType=IAM Credentials",
                   !set(cfg->uid) ? "UID (the AWS access key id)" : "PWD (the AWS secret access key)");
        } else {
            p = wrap(&b, "IAM Credentials",
                     cred_static_source(cfg->uid, cfg->pwd, cfg->session_token, "IAM Credentials", err),
                     err);
        }
    } else if (str_casecmp(auth, "IAM Profile") == 0) {
        p = named_profile(&b, cred_profile_name(cfg, NULL), err);
    } else if (str_casecmp(auth, "Default Credentials") == 0) {
        p = default_chain(&b, err);
    } else if (str_casecmp(auth, "Instance Profile") == 0) {
        p = wrap(&b, "Instance Profile (IMDSv2)", cred_imds_source(b.ctx, err), err);
    } else if (str_casecmp(auth, "External Credentials") == 0) {
        p = external_credentials(&b, err);
    } else if (str_casecmp(auth, "JWT") == 0) {
        p = jwt(&b, err);
        role_done = true;
    } else {
        /* config_validate refused it already at connect: the key table says
         * which values work */
        strbuf why = STRBUF_INIT;
        config_check_working(cfg, &why);
        ae_set(err, AE_CONFIG, 0, "%s", why.data ? why.data : "AuthenticationType is not supported");
        sb_free(&why);
    }

    if (p && set(cfg->preferred_role) && !role_done) {
        cred_role_params rp;
        memset(&rp, 0, sizeof rp);
        rp.role_arn = cfg->preferred_role;
        rp.session_name = cfg->role_session_name;
        rp.external_id = cfg->external_id;
        rp.duration = cfg->duration;
        rp.origin = "preferred_role";
        char pname[600];
        snprintf(pname, sizeof pname, "preferred_role %s (AssumeRole on %s)", cfg->preferred_role,
                 p->name);
        p = wrap(&b, pname, cred_assume_role_source(b.ctx, p, &rp, err), err);
    }

    /* fetch once now: a connect reports a problem at once */
    if (p) {
        aws_credentials c;
        if (p->get(p, &c, false, err) != 0) {
            cred_provider_free(p);
            p = NULL;
        }
        aws_credentials_wipe(&c);
    }
    if (!p)
        LOG_AT(b.ctx->log, LOG_ERROR, "credentials: %s", err ? err->message : "failed");
    aws_profiles_free(&b.profiles);
    cred_ctx_unref(b.ctx);
    return p;

fail_early:
    aws_profiles_free(&b.profiles);
    cred_ctx_unref(b.ctx);
    return NULL;
}

char *cred_profile_region(const athena_config *cfg)
{
    aws_profiles ps;
    aws_profiles_init(&ps);
    athena_error e;
    ae_clear(&e);
    char *r = NULL;
    if (aws_profiles_load(&ps, &e) == 0) {
        const char *v = aws_profile_get(&ps, cred_profile_name(cfg, NULL), "region");
        if (v && *v)
            r = str_dup(v);
    }
    aws_profiles_free(&ps);
    return r;
}
