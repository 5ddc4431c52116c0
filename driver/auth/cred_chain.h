/* cred_chain.h - builds a connection's credential provider from its keys:
 * AuthenticationType (IAM Credentials, IAM Profile, Default Credentials,
 * Instance Profile, External Credentials, JWT), the default chain of the AWS
 * SDKs (environment, web identity, shared profile files, container
 * credentials, instance metadata), profiles with roles, SSO,
 * credential_process, and preferred_role on top of any of them. The
 * credentials are fetched once before returning, so a connect reports any
 * problem at once. Documented in docs/authentication.md. */
#ifndef ATHENA_CRED_CHAIN_H
#define ATHENA_CRED_CHAIN_H

#include "credentials.h"
#include "dsn_keys.h"
#include "error.h"

/* The one place that builds a connection's provider. Without
 * AuthenticationType the type is IAM Credentials when UID is set, else
 * Default Credentials. Returns the provider, or NULL with
 * err set: AE_CONFIG_MISSING when IAM Credentials lacks UID or PWD, AE_AUTH (28000) when
 * credentials are missing, refused or malformed, AE_CONNECT (08001) when an
 * endpoint (STS, IMDS, ECS, SSO) did not answer, AE_CONFIG (HY000) for a bad
 * combination of keys. Messages name the provider tried and what was missing,
 * never a secret. */
cred_provider *cred_provider_from_config(const athena_config *cfg, athena_error *err);

/* The region of the profile in use (AWSProfile, else AWS_PROFILE, else
 * default) from the shared config files, malloc'd; NULL when there is none
 * (or the files cannot be read). For connections without AwsRegion. */
char *cred_profile_region(const athena_config *cfg);

/* The name of the profile a connection uses and whether it was chosen
 * explicitly (AWSProfile or AWS_PROFILE) rather than "default". */
const char *cred_profile_name(const athena_config *cfg, bool *explicit_choice);

#endif
