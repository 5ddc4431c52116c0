/* sigv4.c - AWS Signature Version 4 (header signing).
 *
 * Canonical request, as AWS documents it:
 *   METHOD \n CanonicalURI \n CanonicalQuery \n CanonicalHeaders \n SignedHeaders \n PayloadHash
 * - CanonicalURI: for s3 the path exactly as given (the caller encodes object
 *   keys once); for every other service the path is normalised (empty and
 *   "." segments dropped, ".." resolved, as the SDKs do) and URI-encoded
 *   with '/' kept - so a path that is already percent-encoded on the wire is
 *   encoded a second time, as AWS expects for non-S3 services.
 * - CanonicalQuery: each name and value percent-decoded, then re-encoded with
 *   the strict SigV4 rules, sorted by name then value, joined with '&'.
 * - CanonicalHeaders: names lower-cased, values trimmed with inner runs of
 *   blanks collapsed to one space, sorted by name; repeated names are joined
 *   with ',' in the order given.
 * Keys: kDate = HMAC("AWS4"+secret, yyyymmdd), kRegion, kService,
 * kSigning = HMAC(kService, "aws4_request"); signature = hex HMAC(kSigning, sts). */
#include "sigv4.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

static const char hexdig[] = "0123456789abcdef";

static void to_hex(const unsigned char *in, size_t n, char *out)
{
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = hexdig[in[i] >> 4];
        out[2 * i + 1] = hexdig[in[i] & 15];
    }
    out[2 * n] = '\0';
}

void sigv4_sha256_hex(const void *data, size_t len, char out[65])
{
    unsigned char md[SHA256_DIGEST_LENGTH];
    SHA256(data ? (const unsigned char *)data : (const unsigned char *)"", len, md);
    to_hex(md, sizeof md, out);
}

void sigv4_amz_date(time_t t, char out[17])
{
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 17, "%Y%m%dT%H%M%SZ", &tm);
}

static bool unreserved(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '.' || c == '_' || c == '~';
}

void sigv4_uri_encode(strbuf *out, const char *s, size_t len, bool keep_slash)
{
    static const char HEX[] = "0123456789ABCDEF";
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (unreserved(c) || (keep_slash && c == '/')) {
            sb_appendc(out, (char)c);
        } else {
            char e[3] = {'%', HEX[c >> 4], HEX[c & 15]};
            sb_append(out, e, 3);
        }
    }
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Percent-decodes s[0..len) into out; an invalid escape stays literal. */
static void pct_decode(strbuf *out, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '%' && i + 2 < len) {
            int h = hexval(s[i + 1]), l = hexval(s[i + 2]);
            if (h >= 0 && l >= 0) {
                sb_appendc(out, (char)(h * 16 + l));
                i += 2;
                continue;
            }
        }
        sb_appendc(out, s[i]);
    }
}

/* ---- canonical URI ---- */

static void canonical_uri(strbuf *out, const char *path, bool s3)
{
    if (!path || !*path) {
        sb_appendc(out, '/');
        return;
    }
    if (s3) {
        sb_appends(out, path);
        return;
    }
    /* normalise: split into segments, drop "" and ".", resolve ".." */
    size_t n = strlen(path);
    const char **seg = malloc((n / 2 + 2) * sizeof *seg);
    size_t *seglen = malloc((n / 2 + 2) * sizeof *seglen);
    if (!seg || !seglen) {
        free(seg);
        free(seglen);
        out->oom = true;
        return;
    }
    size_t ns = 0;
    const char *p = path;
    while (*p) {
        while (*p == '/')
            p++;
        if (!*p)
            break;
        const char *s = p;
        while (*p && *p != '/')
            p++;
        size_t l = (size_t)(p - s);
        if (l == 1 && s[0] == '.')
            continue;
        if (l == 2 && s[0] == '.' && s[1] == '.') {
            if (ns > 0)
                ns--;
            continue;
        }
        seg[ns] = s;
        seglen[ns] = l;
        ns++;
    }
    strbuf norm = STRBUF_INIT;
    for (size_t i = 0; i < ns; i++) {
        sb_appendc(&norm, '/');
        sb_append(&norm, seg[i], seglen[i]);
    }
    if (ns == 0 || path[n - 1] == '/')
        sb_appendc(&norm, '/');
    free(seg);
    free(seglen);
    sigv4_uri_encode(out, norm.data, norm.len, true);
    if (norm.oom)
        out->oom = true;
    sb_free(&norm);
}

/* ---- canonical query ---- */

typedef struct qparam {
    char *name;
    char *value;
} qparam;

static int qparam_cmp(const void *a, const void *b)
{
    const qparam *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    return c ? c : strcmp(x->value, y->value);
}

static char *encode_component(const char *s, size_t len)
{
    strbuf dec = STRBUF_INIT, enc = STRBUF_INIT;
    sb_appends(&enc, "");
    pct_decode(&dec, s, len);
    sigv4_uri_encode(&enc, sb_str(&dec), dec.len, false);
    bool oom = dec.oom || enc.oom;
    sb_free(&dec);
    if (oom) {
        sb_free(&enc);
        return NULL;
    }
    return sb_detach(&enc);
}

static int canonical_query(strbuf *out, const char *query)
{
    if (!query || !*query)
        return 0;
    size_t cap = 8, n = 0;
    qparam *ps = malloc(cap * sizeof *ps);
    if (!ps)
        return -1;
    int rc = 0;
    const char *p = query;
    while (*p) {
        const char *amp = strchr(p, '&');
        size_t len = amp ? (size_t)(amp - p) : strlen(p);
        if (len > 0) {
            const char *eq = memchr(p, '=', len);
            size_t nl = eq ? (size_t)(eq - p) : len;
            if (n == cap) {
                qparam *np = realloc(ps, cap * 2 * sizeof *ps);
                if (!np) {
                    rc = -1;
                    break;
                }
                ps = np;
                cap *= 2;
            }
            ps[n].name = encode_component(p, nl);
            ps[n].value = eq ? encode_component(eq + 1, len - nl - 1) : encode_component("", 0);
            n++;
            if (!ps[n - 1].name || !ps[n - 1].value) {
                rc = -1;
                break;
            }
        }
        p += len;
        if (*p == '&')
            p++;
    }
    if (rc == 0) {
        qsort(ps, n, sizeof *ps, qparam_cmp);
        for (size_t i = 0; i < n; i++) {
            if (i)
                sb_appendc(out, '&');
            sb_appends(out, ps[i].name);
            sb_appendc(out, '=');
            sb_appends(out, ps[i].value);
        }
    }
    for (size_t i = 0; i < n; i++) {
        free(ps[i].name);
        free(ps[i].value);
    }
    free(ps);
    return rc;
}

/* ---- canonical headers ---- */

typedef struct chdr {
    char *name;   /* lower-case */
    char *value;  /* trimmed, blanks collapsed */
    size_t order; /* position given, for a stable sort */
} chdr;

static int chdr_cmp(const void *a, const void *b)
{
    const chdr *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    if (c)
        return c;
    return x->order < y->order ? -1 : x->order > y->order;
}

static bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

static char *trim_collapse(const char *v)
{
    strbuf sb = STRBUF_INIT;
    sb_appends(&sb, "");
    while (is_blank(*v))
        v++;
    bool pending = false;
    for (; *v; v++) {
        if (is_blank(*v)) {
            pending = true;
            continue;
        }
        if (pending)
            sb_appendc(&sb, ' ');
        pending = false;
        sb_appendc(&sb, *v);
    }
    if (sb.oom) {
        sb_free(&sb);
        return NULL;
    }
    return sb_detach(&sb);
}

static char *lower_dup(const char *s)
{
    char *d = str_dup(s);
    if (d)
        for (char *p = d; *p; p++)
            if (*p >= 'A' && *p <= 'Z')
                *p = (char)(*p + 32);
    return d;
}

/* out may be the same buffer as key. */
static void hmac256(const void *key, size_t keylen, const void *msg, size_t msglen,
                    unsigned char out[32])
{
    unsigned char tmp[EVP_MAX_MD_SIZE];
    unsigned int len = sizeof tmp;
    HMAC(EVP_sha256(), key, (int)keylen, msg, msglen, tmp, &len);
    memcpy(out, tmp, 32);
    OPENSSL_cleanse(tmp, sizeof tmp);
}

void sigv4_result_free(sigv4_result *r)
{
    if (!r)
        return;
    sb_free_secret(&r->authorization);     /* the signature */
    sb_free_secret(&r->canonical_request); /* signed header values: the session token */
    sb_free(&r->string_to_sign);
}

int sigv4_sign(const sigv4_request *req, const aws_credentials *creds, sigv4_result *out)
{
    memset(out, 0, sizeof *out);
    if (!req || !creds || !req->method || !req->region || !req->service)
        return -1;

    sigv4_amz_date(req->now, out->amz_date);
    if (req->payload_hash)
        snprintf(out->payload_hash, sizeof out->payload_hash, "%s", req->payload_hash);
    else
        sigv4_sha256_hex(req->body, req->body ? req->body_len : 0, out->payload_hash);

    bool s3 = strcmp(req->service, "s3") == 0;
    strbuf *cr = &out->canonical_request;
    sb_appends(cr, req->method);
    sb_appendc(cr, '\n');
    canonical_uri(cr, req->path, s3);
    sb_appendc(cr, '\n');
    if (canonical_query(cr, req->query) != 0)
        goto fail;
    sb_appendc(cr, '\n');

    /* headers */
    size_t nh = req->header_count;
    chdr *hs = calloc(nh ? nh : 1, sizeof *hs);
    if (!hs)
        goto fail;
    bool ok = true;
    for (size_t i = 0; i < nh; i++) {
        hs[i].name = lower_dup(req->headers[i].name);
        hs[i].value = trim_collapse(req->headers[i].value ? req->headers[i].value : "");
        hs[i].order = i;
        if (!hs[i].name || !hs[i].value)
            ok = false;
    }
    strbuf signed_headers = STRBUF_INIT;
    if (ok) {
        qsort(hs, nh, sizeof *hs, chdr_cmp);
        for (size_t i = 0; i < nh; i++) {
            bool same_as_prev = i > 0 && strcmp(hs[i].name, hs[i - 1].name) == 0;
            if (same_as_prev) {
                sb_appendc(cr, ',');
                sb_appends(cr, hs[i].value);
                continue;
            }
            if (i > 0)
                sb_appendc(cr, '\n');
            sb_appends(cr, hs[i].name);
            sb_appendc(cr, ':');
            sb_appends(cr, hs[i].value);
            if (signed_headers.len)
                sb_appendc(&signed_headers, ';');
            sb_appends(&signed_headers, hs[i].name);
        }
        if (nh)
            sb_appendc(cr, '\n');
    }
    for (size_t i = 0; i < nh; i++) {
        free(hs[i].name);
        free(hs[i].value);
    }
    free(hs);
    if (!ok) {
        sb_free(&signed_headers);
        goto fail;
    }
    sb_appendc(cr, '\n');
    sb_appends(cr, sb_str(&signed_headers));
    sb_appendc(cr, '\n');
    sb_appends(cr, out->payload_hash);

    /* string to sign */
    char date[9];
    memcpy(date, out->amz_date, 8);
    date[8] = '\0';
    char cr_hash[65];
    sigv4_sha256_hex(sb_str(cr), cr->len, cr_hash);
    strbuf *sts = &out->string_to_sign;
    sb_printf(sts, "AWS4-HMAC-SHA256\n%s\n%s/%s/%s/aws4_request\n%s", out->amz_date, date,
              req->region, req->service, cr_hash);

    /* signing key and signature */
    unsigned char k[32];
    char seed[4 + sizeof creds->secret_key];
    size_t sl = strnlen(creds->secret_key, sizeof creds->secret_key);
    memcpy(seed, "AWS4", 4);
    memcpy(seed + 4, creds->secret_key, sl);
    hmac256(seed, 4 + sl, date, 8, k);
    OPENSSL_cleanse(seed, sizeof seed);
    hmac256(k, 32, req->region, strlen(req->region), k);
    hmac256(k, 32, req->service, strlen(req->service), k);
    hmac256(k, 32, "aws4_request", 12, k);
    unsigned char sig[32];
    hmac256(k, 32, sb_str(sts), sts->len, sig);
    OPENSSL_cleanse(k, sizeof k);
    char sighex[65];
    to_hex(sig, 32, sighex);

    sb_printf(&out->authorization,
              "AWS4-HMAC-SHA256 Credential=%s/%s/%s/%s/aws4_request, SignedHeaders=%s, Signature=%s",
              creds->access_key, date, req->region, req->service, sb_str(&signed_headers), sighex);
    sb_free(&signed_headers);
    if (cr->oom || sts->oom || out->authorization.oom)
        goto fail;
    return 0;
fail:
    sigv4_result_free(out);
    return -1;
}
