/* xml_text.c - the text of an element of an AWS XML answer (xml_text.h). */
#include "xml_text.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "utf.h"

static void xml_decode(strbuf *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '&') {
            sb_appendc(out, s[i]);
            continue;
        }
        const char *semi = memchr(s + i, ';', n - i);
        if (!semi || semi - (s + i) > 10) {
            sb_appendc(out, '&');
            continue;
        }
        size_t el = (size_t)(semi - (s + i)) + 1;
        static const struct { const char *ent; char c; } ents[] = {
            {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
        bool done = false;
        for (size_t k = 0; k < sizeof ents / sizeof ents[0]; k++)
            if (strlen(ents[k].ent) == el && memcmp(s + i, ents[k].ent, el) == 0) {
                sb_appendc(out, ents[k].c);
                done = true;
                break;
            }
        if (!done && el > 3 && s[i + 1] == '#') {
            unsigned long cp = 0;
            bool ok = true;
            if (s[i + 2] == 'x' || s[i + 2] == 'X') {
                for (size_t k = i + 3; k < i + el - 1; k++) {
                    char c = s[k];
                    int d = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                          : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
                    if (d < 0) { ok = false; break; }
                    cp = cp * 16 + (unsigned long)d;
                }
            } else {
                for (size_t k = i + 2; k < i + el - 1; k++) {
                    if (s[k] < '0' || s[k] > '9') { ok = false; break; }
                    cp = cp * 10 + (unsigned long)(s[k] - '0');
                }
            }
            if (ok && cp > 0 && cp < 0x110000) {
                char u8[4];
                sb_append(out, u8, utf8_encode((uint32_t)cp, u8));
                done = true;
            }
        }
        if (done)
            i += el - 1;
        else
            sb_appendc(out, '&');
    }
}

static const char *find_mem(const char *hay, size_t n, const char *needle)
{
    size_t l = strlen(needle);
    if (l == 0 || l > n)
        return NULL;
    for (size_t i = 0; i + l <= n; i++)
        if (hay[i] == needle[0] && memcmp(hay + i, needle, l) == 0)
            return hay + i;
    return NULL;
}

const char *xml_element(const char *xml, size_t len, const char *tag, size_t *n)
{
    char open[80], close[80];
    snprintf(open, sizeof open, "<%s>", tag);
    snprintf(close, sizeof close, "</%s>", tag);
    const char *b = find_mem(xml, len, open);
    if (!b)
        return NULL;
    b += strlen(open);
    const char *e = find_mem(b, len - (size_t)(b - xml), close);
    if (!e)
        return NULL;
    *n = (size_t)(e - b);
    return b;
}

bool xml_text(const char *xml, size_t len, const char *tag, strbuf *out)
{
    size_t n;
    const char *b = xml_element(xml, len, tag, &n);
    if (!b)
        return false;
    xml_decode(out, b, n);
    return !out->oom;
}

bool xml_text_copy(const char *xml, const char *tag, char *out, size_t n)
{
    strbuf sb = STRBUF_INIT;
    bool ok = n > 0 && xml_text(xml, strlen(xml), tag, &sb);
    if (ok) {
        size_t l = sb.len < n - 1 ? sb.len : n - 1;
        if (l)
            memcpy(out, sb.data, l);
        out[l] = '\0';
    }
    sb_free(&sb);
    return ok;
}
