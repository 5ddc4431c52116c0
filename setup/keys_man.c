/* keys_man.c - prints the KEYS section of athenaodbc(7) from the key table,
 * so the man page has no second list of keys. Run at build time. */
#include <stdio.h>
#include <string.h>

#include "dsn_keys.h"

/* Text with roff's special characters escaped. */
static void roff(const char *s)
{
    for (; *s; s++) {
        if (*s == '\\')
            fputs("\\e", stdout);
        else if (*s == '-')
            fputs("\\-", stdout);
        else
            putchar(*s);
    }
}

int main(void)
{
    for (size_t i = 0; i < config_key_count(); i++) {
        const config_key_info *k = config_key_at(i);
        puts(".TP");
        fputs(".B ", stdout);
        roff(k->name);
        putchar('\n');
        roff(k->description);
        puts(".");
        if (k->aliases[0]) {
            fputs("Also spelt ", stdout);
            for (const char *const *a = k->aliases; *a; a++) {
                if (a != k->aliases)
                    fputs(a[1] ? ", " : " or ", stdout);
                fputs("\\fB", stdout);
                roff(*a);
                fputs("\\fR", stdout);
            }
            puts(".");
        }
        if (k->type != CK_SECRET) {
            strbuf sb = STRBUF_INIT;
            config_key_expect(k, &sb);
            if (strcmp(sb_str(&sb), "a string") != 0) {
                fputs("Takes ", stdout);
                roff(sb_str(&sb));
                puts(".");
            }
            sb_free(&sb);
        }
        if (k->default_text[0]) {
            fputs("Default: ", stdout);
            roff(k->default_text);
            puts(".");
        }
        if (k->type == CK_SECRET)
            puts("A secret: never logged, never shown in a message or an output connection string.");
        if (k->legacy)
            puts("Accepted for compatibility and folded into another key; never written out.");
    }
    return ferror(stdout) ? 1 : 0;
}
