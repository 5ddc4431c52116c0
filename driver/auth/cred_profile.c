/* cred_profile.c - parser for the AWS shared config and credentials files.
 * The rules follow the cross-SDK profile file specification (the parser test
 * suite shared by the AWS SDKs); see cred_profile.h for a summary. */
#include "cred_profile.h"

#include "cred_file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void aws_profiles_init(aws_profiles *p)
{
    memset(p, 0, sizeof *p);
    sb_init(&p->warnings);
}

static void section_free(aws_section *s)
{
    for (size_t i = 0; i < s->count; i++) {
        free(s->props[i].name);
        secret_free(s->props[i].value);
    }
    free(s->props);
    free(s->name);
    memset(s, 0, sizeof *s);
}

void aws_profiles_free(aws_profiles *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->count; i++)
        section_free(&p->sections[i]);
    free(p->sections);
    free(p->config_path);
    free(p->credentials_path);
    sb_free(&p->warnings);
    memset(p, 0, sizeof *p);
}

bool aws_profile_name_valid(const char *s, size_t len)
{
    if (len == 0)
        return false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
            continue;
        if (c == '-' || c == '_' || c == '/' || c == '.' || c == '%' || c == '@' || c == ':' ||
            c == '+')
            continue;
        return false;
    }
    return true;
}

static bool is_ws(char c) { return c == ' ' || c == '\t'; }

/* Trims spaces and tabs from both ends of [*b, *e). */
static void trim(const char **b, const char **e)
{
    while (*b < *e && (is_ws(**b) || **b == '\r' || **b == '\v' || **b == '\f'))
        (*b)++;
    while (*e > *b && (is_ws((*e)[-1]) || (*e)[-1] == '\r' || (*e)[-1] == '\v' || (*e)[-1] == '\f'))
        (*e)--;
}

const aws_section *aws_profiles_find(const aws_profiles *p, aws_section_kind kind, const char *name)
{
    if (!p || !name)
        return NULL;
    for (size_t i = 0; i < p->count; i++)
        if (p->sections[i].kind == kind && strcmp(p->sections[i].name, name) == 0)
            return &p->sections[i];
    return NULL;
}

const char *aws_section_get(const aws_section *s, const char *prop)
{
    if (!s || !prop)
        return NULL;
    for (size_t i = 0; i < s->count; i++)
        if (str_casecmp(s->props[i].name, prop) == 0)
            return s->props[i].value;
    return NULL;
}

const char *aws_profile_get(const aws_profiles *p, const char *profile, const char *prop)
{
    return aws_section_get(aws_profiles_find(p, AWS_SEC_PROFILE, profile), prop);
}

/* ---- building sections ---- */

/* Index of the section kind/name in p, created when missing; -1 on OOM. */
static long section_index(aws_profiles *p, aws_section_kind kind, const char *name, size_t len)
{
    for (size_t i = 0; i < p->count; i++)
        if (p->sections[i].kind == kind && strlen(p->sections[i].name) == len &&
            memcmp(p->sections[i].name, name, len) == 0)
            return (long)i;
    if (p->count == p->cap) {
        size_t ncap = p->cap ? p->cap * 2 : 8;
        aws_section *n = realloc(p->sections, ncap * sizeof *n);
        if (!n)
            return -1;
        p->sections = n;
        p->cap = ncap;
    }
    aws_section *s = &p->sections[p->count];
    memset(s, 0, sizeof *s);
    s->kind = kind;
    s->name = str_ndup(name, len);
    if (!s->name)
        return -1;
    return (long)p->count++;
}

/* Sets prop=value in s (replacing a property of the same name); returns the
 * property's index, -1 on OOM. */
static long section_set(aws_section *s, const char *name, size_t nlen, const char *value, size_t vlen)
{
    char *v = str_ndup(value, vlen);
    if (!v)
        return -1;
    for (size_t i = 0; i < s->count; i++) {
        if (strlen(s->props[i].name) == nlen && strncasecmp(s->props[i].name, name, nlen) == 0) {
            secret_free(s->props[i].value);
            s->props[i].value = v;
            return (long)i;
        }
    }
    if (s->count == s->cap) {
        size_t ncap = s->cap ? s->cap * 2 : 8;
        aws_prop *n = realloc(s->props, ncap * sizeof *n);
        if (!n) {
            secret_free(v);
            return -1;
        }
        s->props = n;
        s->cap = ncap;
    }
    char *nm = str_ndup(name, nlen);
    if (!nm) {
        secret_free(v);
        return -1;
    }
    s->props[s->count].name = nm;
    s->props[s->count].value = v;
    return (long)s->count++;
}

/* Appends "\n" + text to property i of s. */
static bool prop_append_line(aws_section *s, size_t i, const char *text, size_t len)
{
    char *old = s->props[i].value;
    size_t ol = strlen(old);
    char *n = malloc(ol + 1 + len + 1);
    if (!n)
        return false;
    memcpy(n, old, ol);
    n[ol] = '\n';
    memcpy(n + ol + 1, text, len);
    n[ol + 1 + len] = '\0';
    secret_free(old);
    s->props[i].value = n;
    return true;
}

static void merge_section(aws_section *dst, const aws_section *src, bool *oom)
{
    for (size_t i = 0; i < src->count; i++)
        if (section_set(dst, src->props[i].name, strlen(src->props[i].name), src->props[i].value,
                        strlen(src->props[i].value)) < 0)
            *oom = true;
}

/* ---- the parser ---- */

typedef struct parse_state {
    aws_profiles *p;
    aws_file_kind kind;
    const char *path;
    unsigned line;
    /* where properties go: a section of p, the plain [default] of the config
     * file (kept apart until the end), or nowhere (ignored section) */
    enum { TGT_NONE, TGT_SECTION, TGT_PLAIN_DEFAULT, TGT_IGNORED } target;
    long section;           /* index when TGT_SECTION */
    aws_section plain_default;
    bool prefixed_default_seen;
    bool plain_default_seen;
    /* the property continuation lines extend */
    enum { PROP_NONE, PROP_SET, PROP_IGNORED } prop;
    long prop_index;
    bool prop_sub;          /* the property's first value was empty: sub-properties follow */
} parse_state;

static aws_section *target_section(parse_state *st)
{
    if (st->target == TGT_SECTION)
        return &st->p->sections[st->section];
    if (st->target == TGT_PLAIN_DEFAULT)
        return &st->plain_default;
    return NULL;
}

static int perr(parse_state *st, athena_error *err, const char *what)
{
    return ae_set(err, AE_AUTH, 0, "%s file %s, line %u: %s",
                  st->kind == AWS_FILE_CONFIG ? "AWS config" : "AWS credentials",
                  st->path ? st->path : "(text)", st->line, what);
}

static int oom(athena_error *err)
{
    return ae_set(err, AE_NOMEM, 0, "Out of memory reading the AWS config files");
}

static void warn(parse_state *st, const char *what)
{
    if (st->p->warnings.len > 4096)
        return;
    sb_printf(&st->p->warnings, "%s line %u: %s; ", st->path ? st->path : "(text)", st->line, what);
}

/* "[...]" line. */
static int parse_header(parse_state *st, const char *b, const char *e, athena_error *err)
{
    /* comments need no whitespace before them on a section line */
    for (const char *q = b; q < e; q++)
        if (*q == '#' || *q == ';') {
            e = q;
            break;
        }
    trim(&b, &e);
    if (e - b < 2 || e[-1] != ']')
        return perr(st, err, "Profile definition must end with ']'");
    const char *nb = b + 1, *ne = e - 1;
    trim(&nb, &ne);
    st->prop = PROP_NONE;
    st->target = TGT_IGNORED;

    aws_section_kind kind = AWS_SEC_PROFILE;
    bool prefixed = false;
    size_t n = (size_t)(ne - nb);
    if (st->kind == AWS_FILE_CONFIG) {
        static const struct { const char *word; aws_section_kind kind; } prefixes[] = {
            {"profile", AWS_SEC_PROFILE}, {"sso-session", AWS_SEC_SSO_SESSION},
            {"services", AWS_SEC_SERVICES}};
        for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
            size_t wl = strlen(prefixes[i].word);
            if (n > wl && memcmp(nb, prefixes[i].word, wl) == 0 && is_ws(nb[wl])) {
                kind = prefixes[i].kind;
                prefixed = true;
                nb += wl;
                trim(&nb, &ne);
                n = (size_t)(ne - nb);
                break;
            }
        }
    }
    if (!aws_profile_name_valid(nb, n)) {
        warn(st, "section with an invalid name ignored");
        return 0;
    }
    bool is_default = kind == AWS_SEC_PROFILE && n == 7 && memcmp(nb, "default", 7) == 0;
    if (st->kind == AWS_FILE_CONFIG && !prefixed) {
        if (!is_default) {
            warn(st, "section without the 'profile' prefix ignored (the config file needs [profile name])");
            return 0;
        }
        st->target = TGT_PLAIN_DEFAULT;
        st->plain_default_seen = true;
        return 0;
    }
    if (st->kind == AWS_FILE_CONFIG && is_default)
        st->prefixed_default_seen = true;
    long i = section_index(st->p, kind, nb, n);
    if (i < 0)
        return oom(err);
    st->target = TGT_SECTION;
    st->section = i;
    return 0;
}

/* An unindented "name = value" line. */
static int parse_property(parse_state *st, const char *b, const char *e, athena_error *err)
{
    if (st->target == TGT_NONE)
        return perr(st, err, "Expected a profile definition before this property");
    /* a trailing comment starts at # or ; preceded by whitespace */
    for (const char *q = b + 1; q < e; q++)
        if ((*q == '#' || *q == ';') && is_ws(q[-1])) {
            e = q;
            break;
        }
    const char *eq = memchr(b, '=', (size_t)(e - b));
    if (!eq)
        return perr(st, err, "Expected an '=' sign defining a property");
    const char *kb = b, *ke = eq, *vb = eq + 1, *ve = e;
    trim(&kb, &ke);
    trim(&vb, &ve);
    if (kb == ke)
        return perr(st, err, "Property did not have a name");
    aws_section *s = target_section(st);
    if (!aws_profile_name_valid(kb, (size_t)(ke - kb))) {
        warn(st, "property with an invalid name ignored");
        st->prop = PROP_IGNORED;
        st->prop_sub = vb == ve;
        return 0;
    }
    if (!s) {
        st->prop = PROP_IGNORED;
        st->prop_sub = vb == ve;
        return 0;
    }
    long i = section_set(s, kb, (size_t)(ke - kb), vb, (size_t)(ve - vb));
    if (i < 0)
        return oom(err);
    st->prop = PROP_SET;
    st->prop_index = i;
    st->prop_sub = vb == ve;
    return 0;
}

/* An indented line: continuation of the last property's value, or a
 * sub-property when that value started empty. */
static int parse_continuation(parse_state *st, const char *b, const char *e, athena_error *err)
{
    if (st->target == TGT_NONE)
        return perr(st, err, "Expected a profile definition, found an indented line");
    if (st->prop == PROP_NONE)
        return perr(st, err, "Expected a property definition, found continuation");
    trim(&b, &e);
    if (st->prop_sub) {
        const char *eq = memchr(b, '=', (size_t)(e - b));
        if (!eq)
            return perr(st, err, "Expected an '=' sign defining a sub-property");
        const char *kb = b, *ke = eq;
        trim(&kb, &ke);
        if (kb == ke)
            return perr(st, err, "Sub-property did not have a name");
    }
    if (st->prop != PROP_SET)
        return 0;
    aws_section *s = target_section(st);
    if (!s)
        return 0;
    if (!prop_append_line(s, (size_t)st->prop_index, b, (size_t)(e - b)))
        return oom(err);
    return 0;
}

int aws_profiles_parse(aws_profiles *p, aws_file_kind kind, const char *path, const char *text,
                       size_t len, athena_error *err)
{
    parse_state st;
    memset(&st, 0, sizeof st);
    st.p = p;
    st.kind = kind;
    st.path = path;
    st.target = TGT_NONE;
    st.prop = PROP_NONE;
    int rc = 0;
    if (len > AWS_PROFILE_FILE_MAX) {
        rc = ae_set(err, AE_AUTH, 0, "AWS %s file %s is larger than %u bytes",
                    kind == AWS_FILE_CONFIG ? "config" : "credentials", path ? path : "(text)",
                    AWS_PROFILE_FILE_MAX);
        goto done;
    }
    const char *pos = text, *end = text + len;
    /* a UTF-8 byte order mark is tolerated */
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        pos += 3;
    while (pos < end && rc == 0) {
        const char *nl = memchr(pos, '\n', (size_t)(end - pos));
        const char *le = nl ? nl : end;
        st.line++;
        const char *b = pos, *e = le;
        if (e > b && e[-1] == '\r')
            e--;
        pos = nl ? nl + 1 : end;

        const char *tb = b, *te = e;
        trim(&tb, &te);
        if (tb == te || *tb == '#' || *tb == ';')
            continue; /* blank line or full-line comment */
        if (is_ws(*b))
            rc = parse_continuation(&st, b, e, err);
        else if (*b == '[')
            rc = parse_header(&st, b, e, err);
        else
            rc = parse_property(&st, b, e, err);
    }
    if (rc == 0 && kind == AWS_FILE_CONFIG && !st.prefixed_default_seen && st.plain_default_seen) {
        long i = section_index(p, AWS_SEC_PROFILE, "default", 7);
        if (i < 0) {
            rc = oom(err);
        } else {
            bool failed = false;
            merge_section(&p->sections[i], &st.plain_default, &failed);
            if (failed)
                rc = oom(err);
        }
    }
done:
    section_free(&st.plain_default);
    return rc;
}

/* ---- files ---- */

char *aws_expand_home(const char *path)
{
    if (!path)
        return NULL;
    if (path[0] == '~' && (path[1] == '/' || path[1] == '\0')) {
        const char *home = getenv("HOME");
        if (!home || !*home)
            return NULL;
        strbuf sb = STRBUF_INIT;
        sb_appends(&sb, home);
        sb_appends(&sb, path + 1);
        if (sb.oom) {
            sb_free(&sb);
            return NULL;
        }
        return sb_detach(&sb);
    }
    return str_dup(path);
}

static char *file_path(const char *env, const char *leaf)
{
    const char *v = getenv(env);
    if (v && *v)
        return aws_expand_home(v);
    const char *home = getenv("HOME");
    if (!home || !*home)
        return NULL;
    strbuf sb = STRBUF_INIT;
    sb_printf(&sb, "%s/.aws/%s", home, leaf);
    if (sb.oom) {
        sb_free(&sb);
        return NULL;
    }
    return sb_detach(&sb);
}

char *aws_config_file_path(void) { return file_path("AWS_CONFIG_FILE", "config"); }
char *aws_credentials_file_path(void) { return file_path("AWS_SHARED_CREDENTIALS_FILE", "credentials"); }

int aws_profiles_load_file(aws_profiles *p, aws_file_kind kind, const char *path, bool *found,
                           athena_error *err)
{
    *found = false;
    if (!path)
        return 0;
    char *text;
    size_t len;
    int rc = cred_read_file(path, AWS_PROFILE_FILE_MAX,
                            kind == AWS_FILE_CONFIG ? "AWS config file" : "AWS credentials file", true, &text,
                            &len, err);
    if (rc != 0)
        return rc > 0 ? 0 : -1; /* 1: no such file */
    *found = true;
    rc = aws_profiles_parse(p, kind, path, text, len, err);
    secret_free_n(text, len + 1);
    return rc;
}

int aws_profiles_load(aws_profiles *p, athena_error *err)
{
    free(p->config_path);
    free(p->credentials_path);
    p->config_path = aws_config_file_path();
    p->credentials_path = aws_credentials_file_path();
    if (aws_profiles_load_file(p, AWS_FILE_CONFIG, p->config_path, &p->config_found, err) != 0)
        return -1;
    return aws_profiles_load_file(p, AWS_FILE_CREDENTIALS, p->credentials_path,
                                  &p->credentials_found, err);
}

void aws_profiles_where(const aws_profiles *p, strbuf *out)
{
    sb_printf(out, "%s%s or %s%s", p->config_path ? p->config_path : "~/.aws/config",
              p->config_found ? "" : " (missing)",
              p->credentials_path ? p->credentials_path : "~/.aws/credentials",
              p->credentials_found ? "" : " (missing)");
}
