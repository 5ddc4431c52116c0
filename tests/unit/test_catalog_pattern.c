/* test_catalog_pattern.c - the catalog functions' arguments: ODBC search
 * patterns (%, _, the escape \, case), identifiers (SQL_ATTR_METADATA_ID),
 * ordinary arguments, and the pushdown to ListTableMetadata's Expression. */
#include "catalog_pattern.h"

#include "harness.h"

static bool matches(const char *raw, cat_arg_role role, bool id, const char *name)
{
    cat_arg a;
    if (cat_arg_init(&a, raw, role, id) != 0)
        return false;
    bool m = cat_arg_matches(&a, name);
    cat_arg_free(&a);
    return m;
}

static const char *expression(const char *raw, cat_arg_role role, bool id)
{
    static char out[257];
    cat_arg a;
    cat_arg_init(&a, raw, role, id);
    bool ok = cat_arg_expression(&a, out, sizeof out);
    cat_arg_free(&a);
    return ok ? out : "(none)";
}

static cat_arg_kind kind_of(const char *raw, cat_arg_role role, bool id)
{
    cat_arg a;
    cat_arg_init(&a, raw, role, id);
    cat_arg_kind k = a.kind;
    cat_arg_free(&a);
    return k;
}

int main(void)
{
    const cat_arg_role P = CAT_PATTERN, O = CAT_ORDINARY;
    /* patterns */
    CHECK(cat_pattern_match("%", ""), "%% matches the empty name");
    CHECK(cat_pattern_match("elb%", "elb_logs"), "elb%%");
    CHECK(!cat_pattern_match("elb%", "el"), "elb%% needs elb");
    CHECK(cat_pattern_match("%logs", "elb_logs"), "%%logs");
    CHECK(cat_pattern_match("e%l%s", "elb_logs"), "e%%l%%s backtracks");
    CHECK(!cat_pattern_match("e%x%s", "elb_logs"), "e%%x%%s");
    CHECK(cat_pattern_match("nu_bers", "numbers"), "_ is one character");
    CHECK(!cat_pattern_match("nu_bers", "nubers"), "_ is exactly one character");
    CHECK(cat_pattern_match("_", "\xc3\xa9"), "_ is one UTF-8 character, not a byte");
    CHECK(!cat_pattern_match("__", "\xc3\xa9"), "__ is two characters");
    CHECK(cat_pattern_match("nu\\_bers", "nu_bers"), "\\_ is _");
    CHECK(!cat_pattern_match("nu\\_bers", "numbers"), "\\_ is no wildcard");
    CHECK(cat_pattern_match("100\\%", "100%"), "\\%% is %%");
    CHECK(!cat_pattern_match("100\\%", "1000"), "\\%% is no wildcard");
    CHECK(cat_pattern_match("a\\\\b", "a\\b"), "\\\\ is \\");
    CHECK(cat_pattern_match("a\\", "a\\"), "a trailing escape is itself");
    CHECK(cat_pattern_match("ALL_TYPES", "all_types"), "case-insensitive");
    CHECK(!cat_pattern_match("%_%_%_%_%_%_%_%_%_%_%_%x", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
          "many wildcards, no match, no blow-up");
    CHECK(cat_pattern_match("", ""), "empty pattern, empty name");
    CHECK(!cat_pattern_match("", "a"), "empty pattern matches only the empty name");

    /* arguments */
    CHECK_INT(kind_of(NULL, P, false), CA_ANY, "null pattern: any");
    CHECK_INT(kind_of("%%", P, false), CA_ANY, "%%%%: any");
    CHECK_INT(kind_of("sampledb", P, false), CA_EXACT, "no wildcard: exact");
    CHECK_INT(kind_of("elb\\_logs", P, false), CA_EXACT, "escaped wildcard only: exact");
    CHECK_INT(kind_of("elb%", P, false), CA_PATTERN, "a wildcard: pattern");
    CHECK_INT(kind_of("elb%", O, false), CA_EXACT, "ordinary: exact");
    CHECK_INT(kind_of("elb%", P, true), CA_EXACT, "identifier: exact");
    CHECK_INT(kind_of("%", P, true), CA_EXACT, "identifier %%: exact");
    CHECK(matches("elb\\_logs", P, false, "ELB_LOGS"), "exact pattern name, any case");
    CHECK(!matches("elb\\_logs", P, false, "elbxlogs"), "exact pattern name is not a pattern");
    CHECK(matches("aws%", O, false, "aws%"), "ordinary: literal");
    CHECK(!matches("aws%", O, false, "awsdatacatalog"), "ordinary: no wildcard");
    CHECK(matches("", O, false, ""), "ordinary \"\" is the empty name");
    CHECK(!matches("", O, false, "AwsDataCatalog"), "ordinary \"\" matches no catalog");
    CHECK(matches("\"ALL_TYPES\"", P, true, "all_types"), "quoted identifier");
    CHECK(matches("  all_types\t", P, true, "all_types"), "blanks around an identifier");
    CHECK(matches("\"a\"\"b\"", P, true, "a\"b"), "\"\" inside a quoted identifier");
    CHECK(!matches("nu_bers", P, true, "numbers"), "identifier: _ is itself");
    CHECK(matches("nu_bers", P, true, "nu_bers"), "identifier nu_bers");
    CHECK(matches(NULL, P, false, "anything"), "null: everything");

    /* Expression pushdown */
    CHECK_STR(expression("elb%", P, false), "elb.*", "elb%%");
    CHECK_STR(expression("nu_bers", P, false), "nu.bers", "_");
    CHECK_STR(expression("NU\\_BERS", P, false), "nu_bers", "exact name, lower-cased");
    CHECK_STR(expression("T0001%", P, false), "t0001.*", "upper case lowered");
    CHECK_STR(expression("elb.logs", P, false), "(none)", "a regular expression character: not pushed");
    CHECK_STR(expression("a|b", P, false), "(none)", "| is not pushed");
    CHECK_STR(expression("caf\xc3\xa9", P, false), "(none)", "non-ASCII: not pushed");
    CHECK_STR(expression(NULL, P, false), "(none)", "null: every table");
    CHECK_STR(expression("%", P, false), "(none)", "%%: every table");
    CHECK_STR(expression("\"All_Types\"", P, true), "all_types", "identifier");
    CHECK_STR(expression("x%", O, false), "(none)", "ordinary argument with %%: not pushed");
    char big[400];
    memset(big, 'a', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    CHECK_STR(expression(big, P, false), "(none)", "longer than Expression's 256 characters: not pushed");
    return th_done();
}
