/* test_query_tag.c - the QueryTagging comment: user from QueryTagUser or UID,
 * characters that could end the comment replaced, SHA-256 prefix of the text. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "query_tag.h"

int main(void)
{
    athena_config cfg;
    memset(&cfg, 0, sizeof cfg);
    char uid[] = "AKIDEXAMPLE", user[] = "al*/ice\n--x?";
    cfg.uid = uid;
    char *t = query_tag(&cfg, "SELECT 1");
    /* SHA-256("SELECT 1") = e004ebd5b5532a4b... */
    CHECK_STR(t, "SELECT 1\n-- athena-odbc user=AKIDEXAMPLE query_hash=e004ebd5b5532a4b", "UID names the user");
    free(t);
    cfg.query_tag_user = user;
    t = query_tag(&cfg, "SELECT 1");
    CHECK_STR(t, "SELECT 1\n-- athena-odbc user=al__ice_--x_ query_hash=e004ebd5b5532a4b",
              "QueryTagUser, with the characters that could end the comment replaced");
    free(t);
    cfg.uid = NULL;
    cfg.query_tag_user = NULL;
    t = query_tag(&cfg, "SELECT 2 -- c");
    CHECK(t && strstr(t, "SELECT 2 -- c\n-- athena-odbc user=unknown query_hash=") == t, "no user: unknown");
    free(t);
    return th_done();
}
