/* cred_profile.h - the AWS shared config and credentials files
 * (~/.aws/config, ~/.aws/credentials), read the way the AWS CLI and SDKs
 * read them:
 *  - `[profile x]` sections in the config file, `[x]` in the credentials
 *    file, `[default]` in both (`[profile default]` wins over `[default]` in
 *    the config file), `[sso-session x]` and `[services x]` in the config file;
 *  - `name = value` properties, full-line comments (# or ;), trailing
 *    comments when the # or ; follows whitespace, indented continuation lines
 *    and sub-properties (`s3 =` followed by indented `name = value` lines);
 *  - duplicate sections merge, the last value of a property wins, and the
 *    credentials file wins over the config file;
 *  - sections with invalid names and config sections without the `profile`
 *    prefix are ignored (noted in `warnings`), syntax errors are errors.
 * Values may be secrets: they are wiped when freed and never appear in an
 * error message or a warning. */
#ifndef ATHENA_CRED_PROFILE_H
#define ATHENA_CRED_PROFILE_H

#include <stdbool.h>
#include <stddef.h>
#include "error.h"
#include "strbuf.h"

/* Files larger than this are refused (a config file is a few KB). */
#define AWS_PROFILE_FILE_MAX (4u * 1024u * 1024u)

typedef enum { AWS_FILE_CONFIG, AWS_FILE_CREDENTIALS } aws_file_kind;
typedef enum { AWS_SEC_PROFILE, AWS_SEC_SSO_SESSION, AWS_SEC_SERVICES } aws_section_kind;

typedef struct aws_prop {
    char *name;
    char *value;
} aws_prop;

typedef struct aws_section {
    aws_section_kind kind;
    char *name;
    aws_prop *props;
    size_t count, cap;
} aws_section;

typedef struct aws_profiles {
    aws_section *sections;
    size_t count, cap;
    char *config_path;        /* the files read (or looked for), for messages */
    char *credentials_path;
    bool config_found;
    bool credentials_found;
    strbuf warnings;          /* "file line N: ...; " for ignored sections/properties */
} aws_profiles;

void aws_profiles_init(aws_profiles *p);
/* Frees everything; property values are wiped first. */
void aws_profiles_free(aws_profiles *p);

/* Parses one file's text into p (merging with what p already holds; parse
 * the config file first, then the credentials file). `path` is only used in
 * messages. Returns 0, or -1 with err (AE_AUTH) naming the file, the line and
 * the problem, never the line's text. */
int aws_profiles_parse(aws_profiles *p, aws_file_kind kind, const char *path, const char *text,
                       size_t len, athena_error *err);

/* Reads the config file (AWS_CONFIG_FILE, else ~/.aws/config) and the
 * credentials file (AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/credentials).
 * A missing file is not an error (config_found / credentials_found say which
 * were there); an unreadable or malformed one is (AE_AUTH). */
int aws_profiles_load(aws_profiles *p, athena_error *err);

/* Reads one file into p; *found tells whether it existed. */
int aws_profiles_load_file(aws_profiles *p, aws_file_kind kind, const char *path, bool *found,
                           athena_error *err);

/* The path of the config / credentials file as the SDKs choose it (env
 * variable with ~ expanded, else $HOME/.aws/...); malloc'd, NULL when
 * neither the variable nor HOME is set. */
char *aws_config_file_path(void);
char *aws_credentials_file_path(void);
/* Expands a leading "~/" with $HOME; malloc'd. */
char *aws_expand_home(const char *path);

const aws_section *aws_profiles_find(const aws_profiles *p, aws_section_kind kind, const char *name);
/* The value of a property (name compared case-insensitively), NULL when absent. */
const char *aws_section_get(const aws_section *s, const char *prop);
/* aws_section_get of profile `profile`; NULL when the profile or property is absent. */
const char *aws_profile_get(const aws_profiles *p, const char *profile, const char *prop);
/* "the config file /x/config or the credentials file /x/credentials", for messages. */
void aws_profiles_where(const aws_profiles *p, strbuf *out);

/* True for names the SDKs accept for profiles and properties:
 * letters, digits and - _ / . % @ : + */
bool aws_profile_name_valid(const char *s, size_t len);

#endif
