/* test_cred_profile.c - the AWS config/credentials file parser (the cases of
 * the cross-SDK profile file specification, malformed input, files), and the
 * offline parts of the credential chain: timestamps, command splitting,
 * STS XML, JSON credentials, credential_process, the refreshing provider
 * (margin, single flight, forced refresh, failures) and profile resolution
 * errors (cycles, missing profiles, bad keys). Uses private temporary files
 * and environment only, never the real ~/.aws. */
#include "harness.h"

#include <pthread.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "auth/cred_chain.h"
#include "auth/cred_ctx.h"
#include "auth/cred_profile.h"
#include "auth/cred_refresh.h"
#include "auth/cred_sources.h"
#include "xml_text.h"
#include "auth/cred_sts.h"
#include "dsn_keys.h"

static char tmpdir[256];

/* ---- rendering a parse result: "foo{a=1;b=2} bar{}" ---- */

static void render(const aws_profiles *p, strbuf *out)
{
    for (size_t i = 0; i < p->count; i++) {
        const aws_section *s = &p->sections[i];
        if (out->len)
            sb_appendc(out, ' ');
        if (s->kind == AWS_SEC_SSO_SESSION)
            sb_appends(out, "sso-session:");
        else if (s->kind == AWS_SEC_SERVICES)
            sb_appends(out, "services:");
        sb_printf(out, "%s{", s->name);
        for (size_t k = 0; k < s->count; k++) {
            if (k)
                sb_appendc(out, ';');
            sb_printf(out, "%s=", s->props[k].name);
            for (const char *v = s->props[k].value; *v; v++) {
                if (*v == '\n')
                    sb_appends(out, "\\n");
                else
                    sb_appendc(out, *v);
            }
        }
        sb_appendc(out, '}');
    }
}

/* Parses config then credentials text; result is the rendering or
 * "error: message". */
static const char *parse2(const char *config, const char *credentials)
{
    static char buf[2048];
    aws_profiles p;
    aws_profiles_init(&p);
    athena_error err;
    ae_clear(&err);
    int rc = 0;
    if (config)
        rc = aws_profiles_parse(&p, AWS_FILE_CONFIG, "/x/config", config, strlen(config), &err);
    if (rc == 0 && credentials)
        rc = aws_profiles_parse(&p, AWS_FILE_CREDENTIALS, "/x/credentials", credentials,
                                strlen(credentials), &err);
    strbuf sb = STRBUF_INIT;
    if (rc != 0)
        sb_printf(&sb, "error: %s", err.message);
    else
        render(&p, &sb);
    snprintf(buf, sizeof buf, "%s", sb_str(&sb));
    sb_free(&sb);
    aws_profiles_free(&p);
    return buf;
}

typedef struct {
    const char *name;
    const char *config;
    const char *credentials;
    const char *want;  /* rendering, or "error: <exact message>" */
} parse_case;

static const parse_case parse_cases[] = {
    {"empty files have no profiles", "", NULL, ""},
    {"empty profile", "[profile foo]", NULL, "foo{}"},
    {"profile definitions must end with brackets", "[profile foo", NULL,
     "error: AWS config file /x/config, line 1: Profile definition must end with ']'"},
    {"profile names are trimmed", "[profile \tfoo \t]", NULL, "foo{}"},
    {"a tab separates prefix and name", "[profile\tfoo]", NULL, "foo{}"},
    {"properties need a profile", "name = value", NULL,
     "error: AWS config file /x/config, line 1: Expected a profile definition before this property"},
    {"a property", "[profile foo]\nname = value", NULL, "foo{name=value}"},
    {"CRLF line ends", "[profile foo]\r\nname = value\r\n", NULL, "foo{name=value}"},
    {"= inside values", "[profile foo]\nname = val=ue", NULL, "foo{name=val=ue}"},
    {"UTF-8 values", "[profile foo]\nname = \xF0\x9F\x98\x82", NULL, "foo{name=\xF0\x9F\x98\x82}"},
    {"several properties", "[profile foo]\nname = value\nname2 = value2", NULL,
     "foo{name=value;name2=value2}"},
    {"keys and values trimmed", "[profile foo]\nname \t=  \tvalue \t", NULL, "foo{name=value}"},
    {"empty value", "[profile foo]\nname =", NULL, "foo{name=}"},
    {"empty key", "[profile foo]\n= value", NULL,
     "error: AWS config file /x/config, line 2: Property did not have a name"},
    {"no equals sign", "[profile foo]\nkey : value", NULL,
     "error: AWS config file /x/config, line 2: Expected an '=' sign defining a property"},
    {"several empty profiles", "[profile foo]\n[profile bar]", NULL, "foo{} bar{}"},
    {"several profiles with properties", "[profile foo]\nname = value\n[profile bar]\nname2 = value2",
     NULL, "foo{name=value} bar{name2=value2}"},
    {"blank lines", "\t \n[profile foo]\n\t\n \nname = value\n\t \n[profile bar]\n \t", NULL,
     "foo{name=value} bar{}"},
    {"pound comments", "# Comment\n[profile foo] # Comment\nname = value # Comment with # sign",
     NULL, "foo{name=value}"},
    {"semicolon comments", "; Comment\n[profile foo] ; Comment\nname = value ; Comment with ; sign",
     NULL, "foo{name=value}"},
    {"mixed comments", "# Comment\n[profile foo] ; Comment\nname = value # Comment with ; sign",
     NULL, "foo{name=value}"},
    {"empty comments", ";\n[profile foo];\nname = value ;\n", NULL, "foo{name=value}"},
    {"comments adjacent to profile names", "[profile foo]; Adjacent semicolons\n[profile bar]# Adjacent pound signs",
     NULL, "foo{} bar{}"},
    {"comments adjacent to values stay", "[profile foo]\nname = value; Adjacent semicolons\nname2 = value# Adjacent pound signs",
     NULL, "foo{name=value; Adjacent semicolons;name2=value# Adjacent pound signs}"},
    {"continuation", "[profile foo]\nname = value\n -continued", NULL, "foo{name=value\\n-continued}"},
    {"several continuations", "[profile foo]\nname = value\n -continued\n -and-continued", NULL,
     "foo{name=value\\n-continued\\n-and-continued}"},
    {"continuations trimmed", "[profile foo]\nname = value\n \t -continued \t ", NULL,
     "foo{name=value\\n-continued}"},
    {"continuations keep # text", "[profile foo]\nname = value\n -continued # Comment", NULL,
     "foo{name=value\\n-continued # Comment}"},
    {"continuations keep ; text", "[profile foo]\nname = value\n -continued ; Comment", NULL,
     "foo{name=value\\n-continued ; Comment}"},
    {"continuation outside a profile", " -continued", NULL,
     "error: AWS config file /x/config, line 1: Expected a profile definition, found an indented line"},
    {"continuation outside a property", "[profile foo]\n -continued", NULL,
     "error: AWS config file /x/config, line 2: Expected a property definition, found continuation"},
    {"continuation reset by a profile", "[profile foo]\nname = value\n[profile foo]\n -continued",
     NULL, "error: AWS config file /x/config, line 4: Expected a property definition, found continuation"},
    {"duplicate profiles merge", "[profile foo]\nname = value\n[profile foo]\nname2 = value2", NULL,
     "foo{name=value;name2=value2}"},
    {"last property wins", "[profile foo]\nname = value\nname = value2", NULL, "foo{name=value2}"},
    {"last property wins across duplicates", "[profile foo]\nname = value\n[profile foo]\nname = value2",
     NULL, "foo{name=value2}"},
    {"[profile default] beats [default] (first)", "[profile default]\nname = value\n[default]\nname2 = value2",
     NULL, "default{name=value}"},
    {"[profile default] beats [default] (last)", "[default]\nname2 = value2\n[profile default]\nname = value",
     NULL, "default{name=value}"},
    {"plain [default] alone", "[default]\nregion = us-west-2", NULL, "default{region=us-west-2}"},
    {"plain empty [default] defines it", "[default]", NULL, "default{}"},
    {"invalid profile names ignored", "[profile in valid]\nname = value", "[in valid 2]\nname2 = value2",
     ""},
    {"invalid property names ignored", "[profile foo]\nin valid = value", NULL, "foo{}"},
    {"every valid name character",
     "[profile ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_]", NULL,
     "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_{}"},
    {"every valid property character",
     "[profile foo]\nABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_ = value", NULL,
     "foo{ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=value}"},
    {"sub-properties", "[profile foo]\ns3 =\n name = value", NULL, "foo{s3=\\nname = value}"},
    {"invalid sub-property", "[profile foo]\ns3 =\n invalid", NULL,
     "error: AWS config file /x/config, line 3: Expected an '=' sign defining a sub-property"},
    {"empty sub-property value", "[profile foo]\ns3 =\n name =", NULL, "foo{s3=\\nname =}"},
    {"sub-property without a name", "[profile foo]\ns3 =\n = value", NULL,
     "error: AWS config file /x/config, line 3: Sub-property did not have a name"},
    {"sub-property with an invalid name kept", "[profile foo]\ns3 =\n in valid = value", NULL,
     "foo{s3=\\nin valid = value}"},
    {"sub-properties skip blank lines", "[profile foo]\ns3 =\n name = value\n\t \n name2 = value2",
     NULL, "foo{s3=\\nname = value\\nname2 = value2}"},
    {"files merge", "[profile foo]\nname = value", "[foo]\nname2 = value2",
     "foo{name=value;name2=value2}"},
    {"plain [default] ignored when [profile default] exists",
     "[profile default]\nname = value\n[default]\nname2 = value2\n[profile default]\nname3 = value3",
     NULL, "default{name=value;name3=value3}"},
    {"default merges with credentials",
     "[profile default]\nname = value\n[default]\nname2 = value2\n[profile default]\nname3 = value3",
     "[default]\nsecret=foo", "default{name=value;name3=value3;secret=foo}"},
    {"credentials file wins", "[profile foo]\nname = value", "[foo]\nname = value2", "foo{name=value2}"},
    {"config sections without prefix ignored", "[foo]\nname = value", NULL, ""},
    {"credentials sections with prefix ignored", NULL, "[profile foo]\nname = value", ""},
    {"[profilefoo] is not a profile", "[profilefoo]\nname = value\n[profile bar]", NULL, "bar{}"},
    {"properties of an invalid section ignored",
     "[profile foo]\nname = value\n[profile in valid]\nx = 1\n[profile bar]\nname = value2", NULL,
     "foo{name=value} bar{name=value2}"},
    {"whitespace around the whole header", "[   profile foo    ]\nname = value\n[profile bar]", NULL,
     "foo{name=value} bar{}"},
    {"whitespace in a credentials header", NULL, "[   foo    ]\nname = value\n[profile bar]",
     "foo{name=value}"},
    /* beyond the shared suite */
    {"sso-session and services sections",
     "[sso-session my-sso]\nsso_region = us-east-1\n[services dev]\nathena =\n endpoint_url = http://x\n[profile p]\nsso_session = my-sso",
     NULL, "sso-session:my-sso{sso_region=us-east-1} services:dev{athena=\\nendpoint_url = http://x} p{sso_session=my-sso}"},
    {"a byte order mark", "\xEF\xBB\xBF[profile foo]\na = 1", NULL, "foo{a=1}"},
    {"names are case-sensitive, property lookup is not", "[profile Foo]\nRegion = x\nregion = y", NULL,
     "Foo{Region=y}"},
    {"indented comment lines inside a continuation", "[profile foo]\na = 1\n  # c\n -x", NULL,
     "foo{a=1\\n-x}"},
    {"a lone [", "[", NULL, "error: AWS config file /x/config, line 1: Profile definition must end with ']'"},
    {"text after the bracket", "[profile foo] bar", NULL,
     "error: AWS config file /x/config, line 1: Profile definition must end with ']'"},
    {"empty brackets ignored", "[]\n[profile ]\n[profile a]", NULL, "a{}"},
    {"error line numbers count every line", "# c\n\n[profile a]\nx = 1\n\n  -y\nbroken line\n", NULL,
     "error: AWS config file /x/config, line 7: Expected an '=' sign defining a property"},
    {"credentials file errors name the file", NULL, "[a]\nnot a property",
     "error: AWS credentials file /x/credentials, line 2: Expected an '=' sign defining a property"},
};

static void test_parser_cases(void)
{
    for (size_t i = 0; i < sizeof parse_cases / sizeof parse_cases[0]; i++) {
        const parse_case *c = &parse_cases[i];
        CHECK_STR(parse2(c->config, c->credentials), c->want, c->name);
    }
}

static void test_secrets_stay_out_of_errors(void)
{
    const char *cfg = "[profile x]\naws_access_key_id = AKIAEXAMPLEKEY123456\n"
                      "aws_secret_access_key wJalrXUtnFEMIsecretSECRET\n";
    const char *r = parse2(cfg, NULL);
    CHECK_STR(r, "error: AWS config file /x/config, line 3: Expected an '=' sign defining a property",
              "a line without '=' is named by number only");
    CHECK(strstr(r, "wJalr") == NULL, "the secret is not in the message");
    r = parse2(NULL, "[x]\n  aws_secret_access_key = s3cr3tVALUE\n");
    CHECK(strstr(r, "s3cr3t") == NULL && strstr(r, "line 2") != NULL,
          "a misplaced indented secret is not echoed: %s", r);
}

static void test_lookup(void)
{
    aws_profiles p;
    aws_profiles_init(&p);
    athena_error err;
    const char *cfg = "[profile dev]\nRegion = eu-west-1\nrole_arn = arn:aws:iam::123456789012:role/r\n"
                      "[sso-session s]\nsso_start_url = https://x/start\n";
    CHECK_INT(aws_profiles_parse(&p, AWS_FILE_CONFIG, "c", cfg, strlen(cfg), &err), 0, "parse");
    CHECK_STR(aws_profile_get(&p, "dev", "region"), "eu-west-1", "property names match case-insensitively");
    CHECK_STR(aws_profile_get(&p, "dev", "REGION"), "eu-west-1", "any case");
    CHECK(aws_profile_get(&p, "Dev", "region") == NULL, "profile names are case-sensitive");
    CHECK(aws_profile_get(&p, "dev", "missing") == NULL, "absent property");
    CHECK(aws_profiles_find(&p, AWS_SEC_PROFILE, "s") == NULL, "an sso-session is not a profile");
    CHECK_STR(aws_section_get(aws_profiles_find(&p, AWS_SEC_SSO_SESSION, "s"), "sso_start_url"),
              "https://x/start", "sso-session lookup");
    CHECK_STR(sb_str(&p.warnings), "", "no warnings for a well-formed file");
    aws_profiles_free(&p);

    aws_profiles_init(&p);
    const char *cfg2 = "[foo]\na = 1\n[profile ok]\n";
    CHECK_INT(aws_profiles_parse(&p, AWS_FILE_CONFIG, "/c", cfg2, strlen(cfg2), &err), 0, "parse");
    CHECK_STR(sb_str(&p.warnings),
              "/c line 1: section without the 'profile' prefix ignored (the config file needs [profile name]); ",
              "ignored sections are reported as warnings");
    aws_profiles_free(&p);
}

static void test_names(void)
{
    CHECK(aws_profile_name_valid("a-b_c/d.e%f@g:h+i", 17), "all special characters");
    CHECK(!aws_profile_name_valid("a b", 3), "space");
    CHECK(!aws_profile_name_valid("", 0), "empty");
    CHECK(!aws_profile_name_valid("a=b", 3), "equals");
    CHECK(!aws_profile_name_valid("a\xC3\xA9", 3), "non-ASCII");
}

/* ---- files ---- */

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static void clear_aws_env(void)
{
    static const char *const vars[] = {
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE",
        "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_WEB_IDENTITY_TOKEN_FILE",
        "AWS_ROLE_ARN", "AWS_ROLE_SESSION_NAME", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
        "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_AUTHORIZATION_TOKEN",
        "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", "AWS_EC2_METADATA_SERVICE_ENDPOINT",
        "AWS_EC2_METADATA_DISABLED", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL_STS",
        "AWS_ENDPOINT_URL_SSO", "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", NULL};
    for (const char *const *v = vars; *v; v++)
        unsetenv(*v);
}

static void test_files(void)
{
    char path[512], path2[512];
    clear_aws_env();
    setenv("HOME", tmpdir, 1);
    char *c = aws_config_file_path();
    snprintf(path, sizeof path, "%s/.aws/config", tmpdir);
    CHECK_STR(c, path, "config path defaults to $HOME/.aws/config");
    free(c);
    c = aws_credentials_file_path();
    snprintf(path, sizeof path, "%s/.aws/credentials", tmpdir);
    CHECK_STR(c, path, "credentials path defaults to $HOME/.aws/credentials");
    free(c);
    setenv("AWS_CONFIG_FILE", "~/cfg/my config", 1);
    c = aws_config_file_path();
    snprintf(path, sizeof path, "%s/cfg/my config", tmpdir);
    CHECK_STR(c, path, "AWS_CONFIG_FILE with ~ expanded");
    free(c);
    setenv("AWS_SHARED_CREDENTIALS_FILE", "/abs/creds", 1);
    c = aws_credentials_file_path();
    CHECK_STR(c, "/abs/creds", "AWS_SHARED_CREDENTIALS_FILE as given");
    free(c);

    /* load: missing files are fine */
    snprintf(path, sizeof path, "%s/none-config", tmpdir);
    snprintf(path2, sizeof path2, "%s/none-credentials", tmpdir);
    setenv("AWS_CONFIG_FILE", path, 1);
    setenv("AWS_SHARED_CREDENTIALS_FILE", path2, 1);
    aws_profiles p;
    aws_profiles_init(&p);
    athena_error err;
    ae_clear(&err);
    CHECK_INT(aws_profiles_load(&p, &err), 0, "missing files are not an error");
    CHECK(!p.config_found && !p.credentials_found, "and are reported missing");
    strbuf w = STRBUF_INIT;
    aws_profiles_where(&p, &w);
    char want[1200];
    snprintf(want, sizeof want, "%s (missing) or %s (missing)", path, path2);
    CHECK_STR(sb_str(&w), want, "where the files were looked for");
    sb_free(&w);
    aws_profiles_free(&p);

    /* both files */
    write_file(path, "[profile a]\nregion = r1\nx = config\n");
    write_file(path2, "[a]\nx = creds\n");
    aws_profiles_init(&p);
    CHECK_INT(aws_profiles_load(&p, &err), 0, "load both files");
    CHECK(p.config_found && p.credentials_found, "both found");
    CHECK_STR(aws_profile_get(&p, "a", "x"), "creds", "credentials file wins");
    CHECK_STR(aws_profile_get(&p, "a", "region"), "r1", "config values kept");
    aws_profiles_free(&p);

    /* a directory where the file should be */
    snprintf(path, sizeof path, "%s", tmpdir);
    setenv("AWS_CONFIG_FILE", path, 1);
    aws_profiles_init(&p);
    ae_clear(&err);
    CHECK_INT(aws_profiles_load(&p, &err), -1, "a directory is refused");
    snprintf(want, sizeof want, "Cannot read the AWS config file %s: it is a directory", path);
    CHECK_STR(err.message, want, "directory message");
    CHECK_INT(err.code, AE_AUTH, "AE_AUTH (28000)");
    aws_profiles_free(&p);

    /* malformed file */
    snprintf(path, sizeof path, "%s/bad-config", tmpdir);
    write_file(path, "[profile a]\nregion = x\n[profile b\n");
    setenv("AWS_CONFIG_FILE", path, 1);
    aws_profiles_init(&p);
    CHECK_INT(aws_profiles_load(&p, &err), -1, "malformed file refused");
    snprintf(want, sizeof want, "AWS config file %s, line 3: Profile definition must end with ']'", path);
    CHECK_STR(err.message, want, "malformed file message names path and line");
    aws_profiles_free(&p);

    /* oversized */
    snprintf(path, sizeof path, "%s/big-config", tmpdir);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs("[profile a]\n", f);
        for (int i = 0; i < 140000; i++)
            fputs("# comment line to make the file big\n", f);
        fclose(f);
    }
    aws_profiles_init(&p);
    setenv("AWS_CONFIG_FILE", path, 1);
    CHECK_INT(aws_profiles_load(&p, &err), -1, "a file over 4 MiB is refused");
    snprintf(want, sizeof want, "The AWS config file %s is larger than 4194304 bytes", path);
    CHECK_STR(err.message, want, "size message");
    aws_profiles_free(&p);
    unlink(path);
    clear_aws_env();
}

/* ---- helpers of the providers ---- */

static void test_time(void)
{
    CHECK_INT(cred_parse_time("2024-05-01T12:34:56Z"), 1714566896, "ISO 8601 Z");
    CHECK_INT(cred_parse_time("2024-05-01T12:34:56.789Z"), 1714566896, "fraction");
    CHECK_INT(cred_parse_time("2024-05-01T14:34:56+02:00"), 1714566896, "offset");
    CHECK_INT(cred_parse_time("2024-05-01T10:04:56-02:30"), 1714566896, "negative offset");
    CHECK_INT(cred_parse_time("2024-05-01T12:34:56UTC"), 1714566896, "UTC suffix (old SSO cache)");
    CHECK_INT(cred_parse_time("1970-01-01T00:00:00Z"), 0, "epoch");
    CHECK_INT(cred_parse_time("2024-05-01 12:34:56Z"), 1714566896, "space separator");
    CHECK_INT(cred_parse_time("2024-05-01T12:34:56"), -1, "no zone");
    CHECK_INT(cred_parse_time("2024-13-01T12:34:56Z"), -1, "month 13");
    CHECK_INT(cred_parse_time("2024-05-01T12:34Z"), -1, "no seconds");
    CHECK_INT(cred_parse_time("2024-05-01T12:34:56Zjunk"), -1, "trailing junk");
    CHECK_INT(cred_parse_time(""), -1, "empty");
    CHECK_INT(cred_parse_time(NULL), -1, "NULL");
    char out[32];
    cred_format_time(1714566896, out);
    CHECK_STR(out, "2024-05-01T12:34:56Z", "format");
}

static const char *split_str(const char *cmd)
{
    static char buf[1200];
    athena_error err;
    ae_clear(&err);
    char **argv = cred_split_command(cmd, "test", &err);
    if (!argv) {
        snprintf(buf, sizeof buf, "error: %s", err.message);
        return buf;
    }
    buf[0] = '\0';
    for (char **a = argv; *a; a++)
        snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "<%s>", *a);
    cred_argv_free(argv);
    return buf;
}

static void test_split(void)
{
    CHECK_STR(split_str("/bin/get-creds --profile dev"), "</bin/get-creds><--profile><dev>", "words");
    CHECK_STR(split_str("  a   b\t c  "), "<a><b><c>", "runs of blanks");
    CHECK_STR(split_str("'/opt/my tools/creds' 'a b'"), "</opt/my tools/creds><a b>", "single quotes");
    CHECK_STR(split_str("\"x \\\"y\\\" \\$z\" w"), "<x \"y\" $z><w>", "double quotes and escapes");
    CHECK_STR(split_str("\"a\\nb\""), "<a\\nb>", "backslash kept before other characters in double quotes");
    CHECK_STR(split_str("a\\ b c"), "<a b><c>", "escaped blank");
    CHECK_STR(split_str("a'b'\"c\"d"), "<abcd>", "adjacent quoted parts join");
    CHECK_STR(split_str("a '' b"), "<a><><b>", "empty quoted word");
    CHECK_STR(split_str("'unclosed"), "error: test: the command cannot be parsed: a single quote is not closed", "unclosed single quote");
    CHECK_STR(split_str("\"unclosed"), "error: test: the command cannot be parsed: a double quote is not closed", "unclosed double quote");
    CHECK_STR(split_str("trailing\\"), "error: test: the command cannot be parsed: it ends with a backslash", "trailing backslash");
    CHECK_STR(split_str("   "), "error: test: the command is empty", "blank command");
}

static void test_sts_xml(void)
{
    const char *ok =
        "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\n"
        "  <AssumeRoleResult>\n    <AssumedRoleUser><Arn>arn:aws:sts::1:assumed-role/r/s</Arn></AssumedRoleUser>\n"
        "    <Credentials>\n      <AccessKeyId>ASIAEXAMPLE123</AccessKeyId>\n"
        "      <SecretAccessKey>se/cr+et&amp;&lt;x&gt;</SecretAccessKey>\n"
        "      <SessionToken>IQoJ&#65;&#x42;tok==</SessionToken>\n"
        "      <Expiration>2030-01-02T03:04:05Z</Expiration>\n    </Credentials>\n"
        "  </AssumeRoleResult>\n</AssumeRoleResponse>\n";
    aws_credentials c;
    athena_error err;
    ae_clear(&err);
    CHECK_INT(cred_sts_parse_credentials(ok, strlen(ok), "STS", &c, &err), 0, "parse AssumeRole answer");
    CHECK_STR(c.access_key, "ASIAEXAMPLE123", "AccessKeyId");
    CHECK_STR(c.secret_key, "se/cr+et&<x>", "SecretAccessKey with entities decoded");
    CHECK_STR(c.session_token, "IQoJABtok==", "SessionToken with numeric entities");
    CHECK_INT(c.expiration, 1893553445, "Expiration");

    const char *noexp = "<Credentials><AccessKeyId>A</AccessKeyId><SecretAccessKey>S</SecretAccessKey>"
                        "<SessionToken>T</SessionToken></Credentials>";
    CHECK_INT(cred_sts_parse_credentials(noexp, strlen(noexp), "STS X", &c, &err), -1, "missing Expiration");
    CHECK_STR(err.message, "STS X: the answer lacks AccessKeyId, SecretAccessKey, SessionToken or Expiration",
              "missing element message");
    CHECK_INT(cred_sts_parse_credentials("<x/>", 4, "STS X", &c, &err), -1, "no Credentials");
    CHECK_STR(err.message, "STS X: the answer has no Credentials element", "no Credentials message");
    const char *badexp = "<Credentials><AccessKeyId>A</AccessKeyId><SecretAccessKey>S</SecretAccessKey>"
                         "<SessionToken>T</SessionToken><Expiration>soon</Expiration></Credentials>";
    CHECK_INT(cred_sts_parse_credentials(badexp, strlen(badexp), "STS X", &c, &err), -1, "bad Expiration");
    CHECK_STR(err.message, "STS X: the answer has an unreadable Expiration \"soon\"", "bad Expiration message");

    strbuf sb = STRBUF_INIT;
    CHECK(xml_text("<a>x &amp; y</a>", 16, "a", &sb), "xml text");
    CHECK_STR(sb_str(&sb), "x & y", "xml text decoded");
    sb_reset(&sb);
    CHECK(!xml_text("<a>x", 4, "a", &sb), "unterminated element");
    CHECK(xml_text("<b>1</b><a>&#233;&#x1F600;&bogus;&lt;</a>", 41, "a", &sb), "numeric references");
    CHECK_STR(sb_str(&sb), "\xc3\xa9\xf0\x9f\x98\x80&bogus;<", "numeric references decoded, unknown entity kept");
    sb_reset(&sb);
    CHECK(!xml_text("<a>x</a>", 6, "a", &sb), "an element cut by the length is not there");
    sb_free(&sb);
    char small[6] = "same";
    CHECK(!xml_text_copy("<Error><Code>X</Code></Error>", "Message", small, sizeof small), "no Message");
    CHECK_STR(small, "same", "untouched when absent");
    CHECK(xml_text_copy("<Error><Message>a &quot;long&quot; one</Message></Error>", "Message", small, sizeof small),
          "Message into a small buffer");
    CHECK_STR(small, "a \"lo", "decoded, then cut to the buffer");

    cred_role_params rp = {"arn:aws:iam::123456789012:role/my role", "sess-1", "ext id/1", 3600, "t"};
    strbuf f = STRBUF_INIT;
    cred_sts_form(&f, "AssumeRole", &rp, NULL);
    CHECK_STR(sb_str(&f),
              "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fmy%20role"
              "&RoleSessionName=sess-1&DurationSeconds=3600&ExternalId=ext%20id%2F1",
              "AssumeRole form body");
    sb_reset(&f);
    cred_role_params rp2 = {"arn:aws:iam::123456789012:role/r", NULL, NULL, 0, "t"};
    cred_sts_form(&f, "AssumeRoleWithWebIdentity", &rp2, "a.b.c");
    char want[300];
    snprintf(want, sizeof want,
             "Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn=arn%%3Aaws%%3Aiam%%3A%%3A123456789012%%3Arole%%2Fr"
             "&RoleSessionName=athena-odbc-%lld&WebIdentityToken=a.b.c",
             (long long)time(NULL));
    CHECK_STR(sb_str(&f), want, "web identity body with a generated session name");
    sb_free(&f);
}

static void test_json_credentials(void)
{
    aws_credentials c;
    athena_error err;
    const char *j = "{\"Code\":\"Success\",\"AccessKeyId\":\"ASIA1\",\"SecretAccessKey\":\"s\",\"Token\":\"t\","
                    "\"Expiration\":\"2030-01-02T03:04:05Z\"}";
    CHECK_INT(cred_parse_json_credentials(j, strlen(j), "Token", true, "IMDS", &c, &err), 0, "IMDS JSON");
    CHECK_STR(c.access_key, "ASIA1", "key");
    CHECK_STR(c.session_token, "t", "token");
    CHECK_INT(c.expiration, 1893553445, "expiration");
    const char *p = "{\"Version\":1,\"AccessKeyId\":\"AK\",\"SecretAccessKey\":\"SK\"}";
    CHECK_INT(cred_parse_json_credentials(p, strlen(p), "SessionToken", false, "proc", &c, &err), 0,
              "long-term process credentials");
    CHECK_INT(c.expiration, 0, "no expiration");
    CHECK_STR(c.session_token, "", "no token");
    CHECK_INT(cred_parse_json_credentials(p, strlen(p), "SessionToken", true, "X", &c, &err), -1,
              "expiration required");
    CHECK_STR(err.message, "X: Expiration is missing", "message");
    const char *nosk = "{\"AccessKeyId\":\"AK\",\"SecretAccessKey\":\"\"}";
    CHECK_INT(cred_parse_json_credentials(nosk, strlen(nosk), "Token", false, "X", &c, &err), -1, "empty secret");
    CHECK_STR(err.message, "X: SecretAccessKey is missing or not a string", "empty secret message");
    CHECK_INT(cred_parse_json_credentials("[1]", 3, "Token", false, "X", &c, &err), -1, "not an object");
    CHECK_STR(err.message, "X: the answer is not a JSON object", "not an object message");
    CHECK_INT(cred_parse_json_credentials("{\"AccessKeyId\":", 15, "Token", false, "X", &c, &err), -1,
              "truncated JSON");
    CHECK(strncmp(err.message, "X: the answer is not valid JSON (line 1, column ", 48) == 0,
          "truncated JSON message: %s", err.message);
    const char *badexp = "{\"AccessKeyId\":\"A\",\"SecretAccessKey\":\"S\",\"Expiration\":12}";
    CHECK_INT(cred_parse_json_credentials(badexp, strlen(badexp), "Token", false, "X", &c, &err), -1,
              "numeric Expiration");
    CHECK_STR(err.message, "X: Expiration is not an ISO 8601 time", "numeric Expiration message");
}

static void test_ecs_hosts(void)
{
    CHECK(cred_ecs_host_allowed("https://example.com/creds"), "https anywhere");
    CHECK(cred_ecs_host_allowed("http://127.0.0.1:8080/creds"), "loopback");
    CHECK(cred_ecs_host_allowed("http://127.1.2.3/creds"), "127/8");
    CHECK(cred_ecs_host_allowed("http://localhost/creds"), "localhost");
    CHECK(cred_ecs_host_allowed("http://[::1]:80/x"), "IPv6 loopback");
    CHECK(cred_ecs_host_allowed("http://169.254.170.2/v2/credentials"), "ECS");
    CHECK(cred_ecs_host_allowed("http://169.254.170.23/v1/credentials"), "EKS");
    CHECK(cred_ecs_host_allowed("http://[fd00:ec2::23]/v1/credentials"), "EKS IPv6");
    CHECK(!cred_ecs_host_allowed("http://example.com/creds"), "plain http elsewhere refused");
    CHECK(!cred_ecs_host_allowed("http://127.0.0.1.evil.com/x"), "not fooled by a suffix");
    CHECK(!cred_ecs_host_allowed("ftp://127.0.0.1/x"), "other schemes refused");

    clear_aws_env();
    athena_error err;
    setenv("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/abc", 1);
    setenv("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:1/ignored", 1);
    char *u = cred_ecs_url(&err);
    CHECK_STR(u, "http://169.254.170.2/v2/credentials/abc", "relative URI wins, on 169.254.170.2");
    free(u);
    unsetenv("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
    setenv("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://10.0.0.1/creds", 1);
    u = cred_ecs_url(&err);
    CHECK(u == NULL, "a full URI on a non-loopback http host is refused");
    CHECK(strstr(err.message, "AWS_CONTAINER_CREDENTIALS_FULL_URI must use https") != NULL, "message: %s", err.message);
    clear_aws_env();

    char *e = cred_imds_endpoint();
    CHECK_STR(e, "http://169.254.169.254", "default IMDS endpoint");
    free(e);
    setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "IPv6", 1);
    e = cred_imds_endpoint();
    CHECK_STR(e, "http://[fd00:ec2::254]", "IPv6 mode");
    free(e);
    setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", "http://127.0.0.1:9/", 1);
    e = cred_imds_endpoint();
    CHECK_STR(e, "http://127.0.0.1:9", "explicit endpoint, trailing slash dropped");
    free(e);
    clear_aws_env();
}

static void test_sso_cache_path(void)
{
    setenv("HOME", "/home/u", 1);
    char *p = cred_sso_cache_path("my-sso");
    CHECK_STR(p, "/home/u/.aws/sso/cache/0ad374308c5a4e22f723adf10145eafad7c4031c.json",
              "cache file: SHA-1 of the sso-session name");
    free(p);
    p = cred_sso_cache_path("https://my-sso-portal.awsapps.com/start");
    CHECK_STR(p, "/home/u/.aws/sso/cache/c7aaaf71fcc8777ae2475525ed049d39fe16c484.json",
              "legacy form: SHA-1 of the start URL");
    free(p);
    setenv("HOME", tmpdir, 1);
}

/* ---- credential_process ---- */

static int run_sh(const char *script, aws_credentials *c, athena_error *err, int timeout)
{
    char *argv[] = {"/bin/sh", "-c", (char *)script, NULL};
    return cred_process_run(argv, "External Credentials", timeout, c, err);
}

static void test_process(void)
{
    aws_credentials c;
    athena_error err;
    ae_clear(&err);
    CHECK_INT(run_sh("printf '{\"Version\": 1, \"AccessKeyId\": \"ASIAPROC\", \"SecretAccessKey\": \"sk\", "
                     "\"SessionToken\": \"tok\", \"Expiration\": \"2030-01-02T03:04:05Z\"}'",
                     &c, &err, 10),
              0, "a process printing credentials");
    CHECK_STR(c.access_key, "ASIAPROC", "key from the process");
    CHECK_STR(c.session_token, "tok", "token from the process");
    CHECK_INT(c.expiration, 1893553445, "expiration from the process");

    CHECK_INT(run_sh("echo 'token expired, run login' >&2; exit 3", &c, &err, 10), -1, "a failing process");
    CHECK_STR(err.message, "External Credentials: /bin/sh exited with status 3: token expired, run login",
              "exit status and first stderr line");
    CHECK_INT(run_sh("echo 'not json {'", &c, &err, 10), -1, "bad JSON");
    CHECK_STR(err.message, "External Credentials: /bin/sh did not print valid JSON (line 1, column 3)",
              "bad JSON message names line and column, not the text");
    CHECK_INT(run_sh("echo '{\"Version\": 2, \"AccessKeyId\": \"A\", \"SecretAccessKey\": \"SECRETVALUE\"}'", &c,
                     &err, 10),
              -1, "Version 2");
    CHECK_STR(err.message,
              "External Credentials: /bin/sh printed an unsupported Version (the credential_process "
              "format needs \"Version\": 1)",
              "version message");
    CHECK_INT(run_sh("echo '{\"Version\": 1, \"AccessKeyId\": \"A\", \"SecretAccessKey\": \"SECRETVALUE\", "
                     "\"Expiration\": \"tomorrow\"}'",
                     &c, &err, 10),
              -1, "bad Expiration");
    CHECK_STR(err.message, "External Credentials: /bin/sh: Expiration is not an ISO 8601 time",
              "bad Expiration message");
    CHECK(strstr(err.message, "SECRETVALUE") == NULL, "no secret in the message");
    CHECK_INT(run_sh("kill -9 $$", &c, &err, 10), -1, "killed process");
    CHECK_STR(err.message, "External Credentials: /bin/sh was killed by signal 9", "signal message");

    double t0 = cred_now();
    CHECK_INT(run_sh("sleep 30", &c, &err, 1), -1, "a process that hangs");
    double t = cred_now() - t0;
    CHECK(t < 5, "is killed after the timeout (%.1f s)", t);
    CHECK_STR(err.message, "External Credentials: /bin/sh did not finish within 1 seconds", "timeout message");

    char *argv[] = {"/nonexistent/creds-helper", NULL};
    CHECK_INT(cred_process_run(argv, "credential_process of profile 'p'", 10, &c, &err), -1, "missing program");
    CHECK_STR(err.message,
              "credential_process of profile 'p': cannot run /nonexistent/creds-helper: No such file or directory",
              "missing program message");
}

/* ---- the refreshing provider ---- */

typedef struct fake_source {
    cred_source base;
    pthread_mutex_t mu;
    int fetches;
    int fail;          /* fetches fail while set */
    long lifetime;     /* 0: no expiration */
    int delay_ms;
} fake_source;

static int fake_fetch(cred_source *self, aws_credentials *out, athena_error *err)
{
    fake_source *f = (fake_source *)self;
    if (f->delay_ms) {
        struct timespec ts = {f->delay_ms / 1000, (f->delay_ms % 1000) * 1000000L};
        nanosleep(&ts, NULL);
    }
    pthread_mutex_lock(&f->mu);
    int n = ++f->fetches;
    int fail = f->fail;
    long life = f->lifetime;
    pthread_mutex_unlock(&f->mu);
    if (fail)
        return ae_set(err, AE_CONNECT, 0, "fake source: endpoint down (fetch %d)", n);
    memset(out, 0, sizeof *out);
    snprintf(out->access_key, sizeof out->access_key, "AKIDFAKE%04d", n);
    snprintf(out->secret_key, sizeof out->secret_key, "secret%d", n);
    out->expiration = life ? time(NULL) + life : 0;
    return 0;
}

static void fake_destroy(cred_source *self)
{
    fake_source *f = (fake_source *)self;
    pthread_mutex_destroy(&f->mu);
    free(f);
}

static fake_source *fake_new(long lifetime, int delay_ms)
{
    fake_source *f = calloc(1, sizeof *f);
    pthread_mutex_init(&f->mu, NULL);
    f->base.fetch = fake_fetch;
    f->base.destroy = fake_destroy;
    f->lifetime = lifetime;
    f->delay_ms = delay_ms;
    return f;
}

static void sleep_s(double s)
{
    struct timespec ts = {(time_t)s, (long)((s - (double)(time_t)s) * 1e9)};
    nanosleep(&ts, NULL);
}

typedef struct {
    cred_provider *p;
    char key[1100];
    int rc;
    bool force;
} getter;

static void *get_thread(void *arg)
{
    getter *g = arg;
    aws_credentials c;
    athena_error err;
    g->rc = g->p->get(g->p, &c, g->force, &err);
    snprintf(g->key, sizeof g->key, "%s", g->rc == 0 ? c.access_key : err.message);
    return NULL;
}

static void test_refresh(void)
{
    CHECK_DBL(cred_refresh_margin(3600), 300, "an hour: 5 minutes early");
    CHECK_DBL(cred_refresh_margin(900), 225, "15 minutes: a quarter");
    CHECK_DBL(cred_refresh_margin(4), 1, "4 s: 1 s early");
    CHECK_DBL(cred_refresh_margin(0), 0, "no lifetime");

    athena_error err;
    aws_credentials c;
    /* static: fetched once; a forced refresh right away is coalesced */
    fake_source *f = fake_new(0, 0);
    cred_provider *p = cred_refresh_new("fake", &f->base, NULL, &err);
    CHECK_STR(p->name, "fake", "provider name");
    for (int i = 0; i < 5; i++)
        p->get(p, &c, false, &err);
    CHECK_STR(c.access_key, "AKIDFAKE0001", "first credentials");
    CHECK_INT(cred_refresh_fetch_count(p), 1, "non-expiring credentials are fetched once");
    p->get(p, &c, true, &err);
    CHECK_INT(cred_refresh_fetch_count(p), 1, "a forced refresh within a second of the fetch reuses it");
    sleep_s(1.1);
    p->get(p, &c, true, &err);
    CHECK_INT(cred_refresh_fetch_count(p), 2, "a later forced refresh fetches");
    CHECK_STR(c.access_key, "AKIDFAKE0002", "new credentials after the forced refresh");
    cred_provider_free(p);

    /* long-lived: no refresh until the margin */
    f = fake_new(3600, 0);
    p = cred_refresh_new("fake", &f->base, NULL, &err);
    p->get(p, &c, false, &err);
    p->get(p, &c, false, &err);
    CHECK_INT(cred_refresh_fetch_count(p), 1, "an hour of validity: no refresh");
    /* a failed forced refresh keeps the still-valid credentials */
    sleep_s(1.1);
    f->fail = 1;
    int rc = p->get(p, &c, true, &err);
    CHECK_INT(rc, 0, "refresh failure while the old credentials are valid: success");
    CHECK_STR(c.access_key, "AKIDFAKE0001", "the old credentials are used");
    CHECK_INT(cred_refresh_fetch_count(p), 2, "the refresh was tried");
    cred_provider_free(p);

    /* short-lived: refreshed before expiring */
    f = fake_new(2, 0);
    p = cred_refresh_new("fake", &f->base, NULL, &err);
    p->get(p, &c, false, &err);
    time_t exp1 = c.expiration;
    sleep_s(2.05);
    p->get(p, &c, false, &err);
    CHECK_INT(cred_refresh_fetch_count(p), 2, "short-lived credentials are refreshed");
    CHECK(c.expiration > exp1, "with a later expiration");
    /* expired and the source fails: an error naming the source's problem */
    f->fail = 1;
    sleep_s(2.05);
    rc = p->get(p, &c, false, &err);
    CHECK_INT(rc, -1, "expired credentials and a failing source: error");
    CHECK_STR(err.message, "fake source: endpoint down (fetch 3)", "the source's message");
    CHECK_INT(err.code, AE_CONNECT, "the source's code");
    cred_provider_free(p);

    /* no credentials yet and the source fails */
    f = fake_new(0, 0);
    f->fail = 1;
    p = cred_refresh_new("fake", &f->base, NULL, &err);
    CHECK_INT(p->get(p, &c, false, &err), -1, "first fetch fails");
    CHECK_INT(p->get(p, &c, false, &err), -1, "and is tried again at the next call");
    CHECK_INT(cred_refresh_fetch_count(p), 2, "two fetches");
    cred_provider_free(p);

    /* single flight: 8 threads at once, one fetch */
    f = fake_new(60, 200);
    p = cred_refresh_new("fake", &f->base, NULL, &err);
    pthread_t th[8];
    getter g[8];
    for (int i = 0; i < 8; i++) {
        g[i].p = p;
        g[i].force = i % 2 == 1;
        pthread_create(&th[i], NULL, get_thread, &g[i]);
    }
    int same = 0;
    for (int i = 0; i < 8; i++) {
        pthread_join(th[i], NULL);
        same += g[i].rc == 0 && strcmp(g[i].key, "AKIDFAKE0001") == 0;
    }
    CHECK_INT(cred_refresh_fetch_count(p), 1, "8 threads needing credentials at once: one fetch");
    CHECK_INT(same, 8, "every thread got those credentials");
    /* and 8 threads forcing a refresh later: one fetch */
    sleep_s(1.1);
    for (int i = 0; i < 8; i++) {
        g[i].force = true;
        pthread_create(&th[i], NULL, get_thread, &g[i]);
    }
    same = 0;
    for (int i = 0; i < 8; i++) {
        pthread_join(th[i], NULL);
        same += g[i].rc == 0 && strcmp(g[i].key, "AKIDFAKE0002") == 0;
    }
    CHECK_INT(cred_refresh_fetch_count(p), 2, "8 threads forcing a refresh at once: one more fetch");
    CHECK_INT(same, 8, "every thread got the refreshed credentials");
    cred_provider_free(p);
}

/* ---- profile resolution through the chain (offline parts) ---- */

static char cfg_path[512], creds_path[512];

static cred_provider *chain(const char *const *kv, athena_error *err)
{
    athena_config cfg;
    config_init(&cfg);
    strbuf e = STRBUF_INIT;
    for (; kv && kv[0]; kv += 2)
        config_set(&cfg, kv[0], kv[1], &e);
    sb_free(&e);
    ae_clear(err);
    cred_provider *p = cred_provider_from_config(&cfg, err);
    config_free(&cfg);
    return p;
}

static void test_chain_profiles(void)
{
    clear_aws_env();
    setenv("HOME", tmpdir, 1);
    snprintf(cfg_path, sizeof cfg_path, "%s/config", tmpdir);
    snprintf(creds_path, sizeof creds_path, "%s/credentials", tmpdir);
    setenv("AWS_CONFIG_FILE", cfg_path, 1);
    setenv("AWS_SHARED_CREDENTIALS_FILE", creds_path, 1);
    setenv("AWS_EC2_METADATA_DISABLED", "true", 1);
    char where[1200];
    snprintf(where, sizeof where, "%s or %s", cfg_path, creds_path);
    char proc[600];
    snprintf(proc, sizeof proc, "%s/creds.sh", tmpdir);
    write_file(proc, "#!/bin/sh\nprintf '{\"Version\":1,\"AccessKeyId\":\"ASIAFROMPROC\",\"SecretAccessKey\":\"s\","
                     "\"SessionToken\":\"t\",\"Expiration\":\"2099-01-01T00:00:00Z\"}'\n");
    chmod(proc, 0700);
    char cfgtext[4096];
    snprintf(cfgtext, sizeof cfgtext,
             "[profile dev]\nrole_arn = arn:aws:iam::123456789012:role/dev\nsource_profile = base\nregion = eu-west-1\n"
             "[profile base]\nrole_arn = arn:aws:iam::123456789012:role/base\nsource_profile = dev\n"
             "[profile static]\naws_access_key_id = AKIACONFIGFILE000001\naws_secret_access_key = cfgsecret\n"
             "[profile proc]\ncredential_process = \"%s\" --flag\n"
             "[profile mfa]\nrole_arn = arn:aws:iam::123456789012:role/x\nsource_profile = static\nmfa_serial = arn:aws:iam::1:mfa/u\n"
             "[profile badsrc]\nrole_arn = arn:aws:iam::123456789012:role/x\ncredential_source = Laptop\n"
             "[profile both]\nrole_arn = arn:aws:iam::123456789012:role/x\ncredential_source = Environment\nsource_profile = static\n"
             "[profile norole]\nregion = us-west-2\n"
             "[profile orphan]\nrole_arn = arn:aws:iam::123456789012:role/x\n"
             "[profile lost]\nrole_arn = arn:aws:iam::123456789012:role/x\nsource_profile = ghost\n"
             "[profile halfkey]\naws_access_key_id = AKIAHALF\n"
             "[profile baddur]\nrole_arn = arn:aws:iam::123456789012:role/x\nsource_profile = static\nduration_seconds = 10\n"
             "[profile selfsrc]\nrole_arn = arn:aws:iam::123456789012:role/x\nsource_profile = selfsrc\n"
             "[profile ssonosession]\nsso_session = nothere\nsso_account_id = 123456789012\nsso_role_name = r\n"
             "[profile ssomissing]\nsso_start_url = https://x/start\nsso_account_id = 123456789012\nsso_role_name = r\n"
             "[profile ssonotoken]\nsso_start_url = https://x/start\nsso_region = us-east-1\nsso_account_id = 123456789012\nsso_role_name = r\n"
             "[profile witnorole]\nweb_identity_token_file = /tmp/t\n",
             proc);
    write_file(cfg_path, cfgtext);
    write_file(creds_path, "[static]\naws_secret_access_key = credsfilesecret\n[credonly]\n"
                           "aws_access_key_id = AKIACREDSFILE0000002\naws_secret_access_key = x\n");
    athena_error err;
    aws_credentials c;
    char want[2048];

    const char *k1[] = {"AuthenticationType", "IAM Profile", "AWSProfile", "static", NULL};
    cred_provider *p = chain(k1, &err);
    CHECK(p != NULL, "IAM Profile with static keys: %s", err.message);
    if (p) {
        p->get(p, &c, false, &err);
        CHECK_STR(c.access_key, "AKIACONFIGFILE000001", "the profile's key");
        CHECK_STR(c.secret_key, "credsfilesecret", "the credentials file's secret wins");
        CHECK_STR(p->name, "Profile 'static' (static keys)", "provider name");
        cred_provider_free(p);
    }
    const char *k2[] = {"AuthenticationType", "IAM Profile", "AWSProfile", "credonly", NULL};
    p = chain(k2, &err);
    CHECK(p != NULL, "a profile only in the credentials file");
    if (p) {
        p->get(p, &c, false, &err);
        CHECK_STR(c.access_key, "AKIACREDSFILE0000002", "its key");
        cred_provider_free(p);
    }
    const char *k3[] = {"AuthenticationType", "IAM Profile", "AWSProfile", "proc", NULL};
    p = chain(k3, &err);
    CHECK(p != NULL, "a credential_process profile: %s", err.message);
    if (p) {
        p->get(p, &c, false, &err);
        CHECK_STR(c.access_key, "ASIAFROMPROC", "credentials from the process");
        CHECK_INT(c.expiration, 4070908800, "with its expiration");
        cred_provider_free(p);
    }

    const char *k4[] = {"AuthenticationType", "IAM Profile", "AWSProfile", "dev", NULL};
    p = chain(k4, &err);
    CHECK(p == NULL, "a source_profile cycle is refused");
    snprintf(want, sizeof want, "Profile 'dev' in %s: source_profile chain dev -> base -> dev is a cycle", where);
    CHECK_STR(err.message, want, "cycle message");
    CHECK_INT(err.code, AE_AUTH, "cycle: AE_AUTH (28000)");

    struct { const char *profile; const char *msg; ae_code code; } bad[] = {
        {"nope", "Profile 'nope' in %s: no such profile", AE_AUTH},
        {"mfa", "Profile 'mfa' in %s: mfa_serial needs a one-time MFA code typed by a person, which an ODBC "
                "connection cannot ask for; use a profile without mfa_serial, or credential_process", AE_AUTH},
        {"badsrc", "Profile 'badsrc' in %s: credential_source 'Laptop' is not one of Environment, "
                   "Ec2InstanceMetadata, EcsContainer", AE_AUTH},
        {"both", "Profile 'both' in %s: role_arn has both source_profile and credential_source; keep one", AE_AUTH},
        {"norole", "Profile 'norole' in %s: no credentials (aws_access_key_id, role_arn, sso_session, "
                   "credential_process or web_identity_token_file)", AE_AUTH},
        {"orphan", "Profile 'orphan' in %s: role_arn needs source_profile, credential_source or "
                   "web_identity_token_file", AE_AUTH},
        {"lost", "Profile 'lost' in %s: source_profile 'ghost' does not exist", AE_AUTH},
        {"halfkey", "Profile 'halfkey' in %s: aws_access_key_id is set but aws_secret_access_key is not", AE_AUTH},
        {"baddur", "Profile 'baddur' in %s: duration_seconds must be a number of seconds between 900 and 43200",
         AE_AUTH},
        {"selfsrc", "Profile 'selfsrc' in %s: source_profile names the profile itself, which has no "
                    "aws_access_key_id", AE_AUTH},
        {"ssonosession", "Profile 'ssonosession' in %s: sso_session 'nothere' has no [sso-session nothere] section",
         AE_AUTH},
        {"witnorole", "Profile 'witnorole' in %s: web_identity_token_file needs role_arn", AE_AUTH},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        const char *kv[] = {"AuthenticationType", "IAM Profile", "AWSProfile", bad[i].profile, NULL};
        p = chain(kv, &err);
        CHECK(p == NULL, "profile %s is refused", bad[i].profile);
        cred_provider_free(p);
        snprintf(want, sizeof want, bad[i].msg, where);
        CHECK_STR(err.message, want, bad[i].profile);
        CHECK_INT(err.code, bad[i].code, "error code");
    }
    const char *k5[] = {"AuthenticationType", "IAM Profile", "AWSProfile", "ssomissing", NULL};
    p = chain(k5, &err);
    CHECK(p == NULL, "SSO profile without sso_region");
    CHECK_STR(err.message, "SSO profile 'ssomissing': sso_region is missing", "SSO missing key message");
    const char *k6[] = {"AuthenticationType", "IAM Profile", "AWSProfile", "ssonotoken", NULL};
    p = chain(k6, &err);
    CHECK(p == NULL, "SSO profile without a cached token");
    CHECK(strstr(err.message, "SSO profile 'ssonotoken' (start URL https://x/start): there is no cached SSO "
                              "access token (Cannot read the SSO token cache file ") != NULL &&
              strstr(err.message, "Run `aws sso login --profile ssonotoken` and connect again") != NULL,
          "SSO: tells the user to run aws sso login: %s", err.message);
    CHECK_INT(err.code, AE_AUTH, "SSO without token: AE_AUTH");

    /* the profile's region */
    athena_config cfg;
    config_init(&cfg);
    strbuf e = STRBUF_INIT;
    config_set(&cfg, "AWSProfile", "dev", &e);
    char *r = cred_profile_region(&cfg);
    CHECK_STR(r, "eu-west-1", "region of the profile");
    free(r);
    config_set(&cfg, "AWSProfile", "static", &e);
    r = cred_profile_region(&cfg);
    CHECK(r == NULL, "no region in the profile");
    config_free(&cfg);
    sb_free(&e);

    /* default chain: environment first */
    setenv("AWS_ACCESS_KEY_ID", "AKIAFROMENVIRONMENT1", 1);
    setenv("AWS_SECRET_ACCESS_KEY", "envsecret", 1);
    const char *k7[] = {"AWSProfile", "static", NULL};
    p = chain(k7, &err);
    CHECK(p != NULL, "default chain with the environment set");
    if (p) {
        p->get(p, &c, false, &err);
        CHECK_STR(c.access_key, "AKIAFROMENVIRONMENT1", "the environment comes before profiles");
        CHECK_STR(p->name, "Environment (AWS_ACCESS_KEY_ID)", "provider name");
        cred_provider_free(p);
    }
    unsetenv("AWS_SECRET_ACCESS_KEY");
    p = chain(k7, &err);
    CHECK(p == NULL, "half of the environment is an error, not a fall-through");
    CHECK_STR(err.message, "Environment: AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not",
              "partial environment message");
    unsetenv("AWS_ACCESS_KEY_ID");
    /* then the profile named by AWSProfile, AWS_PROFILE, default */
    p = chain(k7, &err);
    CHECK(p != NULL, "default chain: the profile");
    if (p) {
        p->get(p, &c, false, &err);
        CHECK_STR(c.access_key, "AKIACONFIGFILE000001", "AWSProfile's keys");
        cred_provider_free(p);
    }
    setenv("AWS_PROFILE", "credonly", 1);
    p = chain(NULL, &err);
    CHECK(p != NULL, "default chain: AWS_PROFILE");
    if (p) {
        p->get(p, &c, false, &err);
        CHECK_STR(c.access_key, "AKIACREDSFILE0000002", "AWS_PROFILE's keys");
        cred_provider_free(p);
    }
    setenv("AWS_PROFILE", "missing", 1);
    p = chain(NULL, &err);
    CHECK(p == NULL, "an explicit profile that does not exist");
    snprintf(want, sizeof want, "Profile 'missing' in %s: no such profile", where);
    CHECK_STR(err.message, want, "message");
    unsetenv("AWS_PROFILE");
    /* nothing anywhere, IMDS disabled */
    p = chain(NULL, &err);
    CHECK(p == NULL, "no credentials at all");
    snprintf(want, sizeof want,
             "No AWS credentials found by the default credential chain. Tried: environment: "
             "AWS_ACCESS_KEY_ID is not set; web identity: AWS_WEB_IDENTITY_TOKEN_FILE is not set; "
             "profile 'default': not found in %s; container: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI / "
             "_FULL_URI are not set; instance metadata: AWS_EC2_METADATA_DISABLED is true. Set UID and "
             "PWD, a profile (AWSProfile), or AuthenticationType (see docs/authentication.md)",
             where);
    CHECK_STR(err.message, want, "the message lists every link tried");
    CHECK_INT(err.code, AE_AUTH, "AE_AUTH");
    /* IMDS that refuses connections: fails fast, named in the message */
    unsetenv("AWS_EC2_METADATA_DISABLED");
    setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", "http://127.0.0.1:1", 1);
    double t0 = cred_now();
    p = chain(NULL, &err);
    double took = cred_now() - t0;
    CHECK(p == NULL, "IMDS not answering");
    CHECK(strstr(err.message, "instance metadata: Instance metadata (IMDS) at http://127.0.0.1:1 did not "
                              "answer: Cannot connect to 127.0.0.1:1") != NULL,
          "IMDS failure in the message: %s", err.message);
    CHECK(took < 3.0, "and fails within 3 s (%.2f s)", took);
    unsetenv("AWS_EC2_METADATA_SERVICE_ENDPOINT");
    setenv("AWS_EC2_METADATA_DISABLED", "true", 1);

    /* AuthenticationType checks */
    const char *k8[] = {"AuthenticationType", "External Credentials", NULL};
    p = chain(k8, &err);
    CHECK(p == NULL && err.code == AE_CONFIG_MISSING, "External Credentials needs ExecutablePath");
    CHECK_STR(err.message, "ExecutablePath (the program that prints credentials) is required for "
                           "AuthenticationType=External Credentials", "message");
    const char *k9[] = {"AuthenticationType", "External Credentials", "ExecutablePath", proc,
                        "ArgumentList", "--x 'y z'", NULL};
    p = chain(k9, &err);
    CHECK(p != NULL, "External Credentials runs ExecutablePath: %s", err.message);
    if (p) {
        p->get(p, &c, false, &err);
        CHECK_STR(c.access_key, "ASIAFROMPROC", "its credentials");
        CHECK_STR(p->name, "External Credentials (ExecutablePath)", "name");
        cred_provider_free(p);
    }
    const char *k10[] = {"AuthenticationType", "JWT", "preferred_role", "arn:aws:iam::123456789012:role/r", NULL};
    p = chain(k10, &err);
    CHECK(p == NULL && err.code == AE_CONFIG_MISSING, "JWT needs web_identity_token");
    CHECK_STR(err.message, "web_identity_token (the JWT) is required for AuthenticationType=JWT", "message");
    const char *k11[] = {"AuthenticationType", "JWT", "web_identity_token", "a.b.c", NULL};
    p = chain(k11, &err);
    CHECK(p == NULL && err.code == AE_CONFIG_MISSING, "JWT needs preferred_role");
    const char *k12[] = {"AuthenticationType", "Okta", NULL};
    p = chain(k12, &err);
    CHECK(p == NULL && err.code == AE_CONFIG, "unsupported AuthenticationType");
    CHECK_STR(err.message, "AuthenticationType=Okta is not supported by this driver: use IAM Credentials, IAM "
                           "Profile, Default Credentials, Instance Profile, External Credentials or JWT", "message");
    const char *k13[] = {"AuthenticationType", "IAM Credentials", "UID", "AKIAX", NULL};
    p = chain(k13, &err);
    CHECK(p == NULL && err.code == AE_CONFIG_MISSING, "IAM Credentials needs PWD");
    const char *k14[] = {"UID", "AKIAUIDONLYKEY000001", "PWD", "pwdsecret", "role_session_name", "bad name!",
                         "preferred_role", "arn:aws:iam::123456789012:role/r", NULL};
    p = chain(k14, &err);
    CHECK(p == NULL && err.code == AE_CONFIG, "an invalid role_session_name is refused before calling STS");
    CHECK_STR(err.message, "role_session_name \"bad name!\" (preferred_role) is invalid: 2 to 64 characters "
                           "among letters, digits and _+=,.@-", "message");

    /* a malformed config file stops the default chain with its message */
    write_file(cfg_path, "[profile a\n");
    p = chain(NULL, &err);
    CHECK(p == NULL, "malformed config file");
    snprintf(want, sizeof want, "AWS config file %s, line 1: Profile definition must end with ']'", cfg_path);
    CHECK_STR(err.message, want, "malformed config message");
    CHECK_INT(err.code, AE_AUTH, "AE_AUTH");
    /* but does not matter for IAM Credentials */
    const char *k15[] = {"UID", "AKIAUIDONLYKEY000001", "PWD", "pwdsecret", NULL};
    p = chain(k15, &err);
    CHECK(p != NULL, "IAM Credentials ignores a broken config file");
    cred_provider_free(p);
    unlink(cfg_path);
    unlink(creds_path);
    unlink(proc);
    clear_aws_env();
}

int main(void)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/test_cred_profile.XXXXXX");
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return 1;
    }
    clear_aws_env();
    setenv("HOME", tmpdir, 1);
    test_parser_cases();
    test_secrets_stay_out_of_errors();
    test_lookup();
    test_names();
    test_files();
    test_time();
    test_split();
    test_sts_xml();
    test_json_credentials();
    test_ecs_hosts();
    test_sso_cache_path();
    test_process();
    test_refresh();
    test_chain_profiles();
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0)
        printf("# could not remove %s\n", tmpdir);
    return th_done();
}
