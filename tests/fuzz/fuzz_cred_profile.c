/* fuzz_cred_profile.c - libFuzzer target for the AWS config/credentials
 * file parser (driver/auth/cred_profile.c).
 *
 * Input: byte 0 bit 0 picks the file kind (config / credentials); bit 1
 * splits the rest in two at byte 1 and parses the halves as a config file
 * then a credentials file into one set (the merge path). Every section found
 * is then looked up by name and every property read back, so the merged
 * structure is walked completely. A parse error must come with a message
 * that names the file and a line.
 *
 * Build and run (clang with libFuzzer, ASan, UBSan), from the repository top:
 *   clang -g -O1 -std=c11 -D_GNU_SOURCE -fsanitize=fuzzer,address,undefined \
 *     -fno-sanitize-recover=undefined -Idriver -o /tmp/fuzz_cred_profile \
 *     tests/fuzz/fuzz_cred_profile.c driver/auth/cred_profile.c driver/auth/cred_file.c driver/strbuf.c \
 *     driver/error.c
 *   mkdir -p /tmp/corpus-cred && /tmp/fuzz_cred_profile -max_total_time=60 /tmp/corpus-cred */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "auth/cred_profile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    unsigned flags = data[0];
    const char *text = (const char *)data + 1;
    size_t len = size - 1;
    aws_profiles p;
    aws_profiles_init(&p);
    athena_error err;
    ae_clear(&err);
    int rc;
    if ((flags & 2) && len >= 1) {
        size_t cut = (size_t)(unsigned char)text[0] % len;
        rc = aws_profiles_parse(&p, AWS_FILE_CONFIG, "/f/config", text + 1, cut > 0 ? cut - 1 : 0, &err);
        if (rc == 0)
            rc = aws_profiles_parse(&p, AWS_FILE_CREDENTIALS, "/f/credentials", text + cut, len - cut,
                                    &err);
    } else {
        rc = aws_profiles_parse(&p, (flags & 1) ? AWS_FILE_CREDENTIALS : AWS_FILE_CONFIG, "/f/file",
                                text, len, &err);
    }
    if (rc != 0) {
        /* every error names a file and a line */
        if (err.code != AE_AUTH && err.code != AE_NOMEM)
            abort();
        if (err.code == AE_AUTH && !strstr(err.message, " file /f/"))
            abort();
    } else {
        for (size_t i = 0; i < p.count; i++) {
            const aws_section *s = &p.sections[i];
            if (!aws_profile_name_valid(s->name, strlen(s->name)))
                abort(); /* only valid names are kept */
            if (aws_profiles_find(&p, s->kind, s->name) != s)
                abort(); /* sections are unique per kind and name */
            for (size_t k = 0; k < s->count; k++) {
                const char *v = aws_section_get(s, s->props[k].name);
                if (!v)
                    abort();
                (void)strlen(v);
            }
        }
    }
    aws_profiles_free(&p);
    return 0;
}
