/* test_page_decode.c - the single-pass GetQueryResults page decoder. */
#include "harness.h"

#include "page_decode.h"

/* Decodes a copy of `json` (kept in *buf, which the caller frees). */
static int decode(const char *json, char **buf, pd_page *pg, bool cols, athena_error *err)
{
    size_t n = strlen(json);
    *buf = malloc(n ? n : 1);
    memcpy(*buf, json, n);
    ae_clear(err);
    return page_decode(*buf, n, pg, cols, err);
}

/* The cell as a C string, "(NULL)" for NULL. */
static const char *cell(const pd_page *pg, size_t r, size_t c)
{
    const pd_cell *x = pd_cell_at(pg, r, c);
    return x->ptr ? x->ptr : "(NULL)";
}

static void test_first_page(void)
{
    const char *json =
        "{\"UpdateCount\":0,\"ResultSet\":{\"Rows\":["
        "{\"Data\":[{\"VarCharValue\":\"id\"},{\"VarCharValue\":\"name\"},{\"VarCharValue\":\"note\"}]},"
        "{\"Data\":[{\"VarCharValue\":\"1\"},{\"VarCharValue\":\"alice\"},{}]},"
        "{\"Data\":[{\"VarCharValue\":\"2\"},{\"VarCharValue\":\"\"},{\"VarCharValue\":\"x\"}]}],"
        "\"ResultSetMetadata\":{\"ColumnInfo\":["
        "{\"CatalogName\":\"hive\",\"SchemaName\":\"\",\"TableName\":\"\",\"Name\":\"id\",\"Label\":\"id\","
        "\"Type\":\"integer\",\"Precision\":10,\"Scale\":0,\"Nullable\":\"UNKNOWN\",\"CaseSensitive\":false},"
        "{\"CatalogName\":\"hive\",\"SchemaName\":\"sch\",\"TableName\":\"tbl\",\"Name\":\"name\",\"Label\":\"Name Label\","
        "\"Type\":\"varchar\",\"Precision\":2147483647,\"Scale\":0,\"Nullable\":\"NULLABLE\",\"CaseSensitive\":true},"
        "{\"CatalogName\":\"hive\",\"SchemaName\":\"\",\"TableName\":\"\",\"Name\":\"note\",\"Label\":\"note\","
        "\"Type\":\"DECIMAL\",\"Precision\":10,\"Scale\":2,\"Nullable\":\"NOT_NULL\",\"CaseSensitive\":false}]}},"
        "\"NextToken\":\"AQAB+/tok==\"}";
    pd_page pg;
    athena_error err;
    char *buf;
    pd_page_init(&pg);
    CHECK_INT(decode(json, &buf, &pg, true, &err), 0, "first page decodes");
    CHECK_INT(pg.nrows, 3, "3 rows (header included)");
    CHECK_INT(pg.ncols, 3, "3 datums per row");
    CHECK_INT(pg.row_width, 3, "row width 3");
    CHECK_STR(cell(&pg, 0, 0), "id", "header cell 0");
    CHECK_STR(cell(&pg, 0, 2), "note", "header cell 2");
    CHECK_STR(cell(&pg, 1, 1), "alice", "row 1 name");
    CHECK(pd_cell_at(&pg, 1, 2)->ptr == NULL, "{} is NULL");
    CHECK_INT(pd_cell_at(&pg, 1, 2)->len, 0, "NULL has length 0");
    CHECK(pd_cell_at(&pg, 2, 1)->ptr != NULL, "empty string is not NULL");
    CHECK_STR(cell(&pg, 2, 1), "", "empty string");
    CHECK_INT(pd_cell_at(&pg, 2, 1)->len, 0, "empty string length");
    CHECK_INT(pd_cell_at(&pg, 1, 1)->len, 5, "alice length");
    CHECK_STR(pg.next_token, "AQAB+/tok==", "NextToken");
    CHECK(pg.has_update_count, "UpdateCount present");
    CHECK_INT(pg.update_count, 0, "UpdateCount 0");
    CHECK_INT(pg.ncolumns, 3, "3 columns");
    const athena_column *c0 = &pg.columns[0], *c1 = &pg.columns[1], *c2 = &pg.columns[2];
    CHECK_STR(c0->name, "id", "col 0 name");
    CHECK_STR(c0->label, "id", "col 0 label");
    CHECK_STR(c0->catalog_name, "hive", "col 0 catalog");
    CHECK_STR(c0->schema_name, "", "col 0 schema");
    CHECK_STR(c0->table_name, "", "col 0 table");
    CHECK_STR(c0->type_name, "integer", "col 0 type");
    CHECK_INT(c0->precision, 10, "col 0 precision");
    CHECK_INT(c0->scale, 0, "col 0 scale");
    CHECK_INT(c0->nullable, SQL_NULLABLE_UNKNOWN, "col 0 UNKNOWN nullable");
    CHECK_INT(c0->case_sensitive, 0, "col 0 not case sensitive");
    CHECK_STR(c1->label, "Name Label", "col 1 label");
    CHECK_STR(c1->schema_name, "sch", "col 1 schema");
    CHECK_STR(c1->table_name, "tbl", "col 1 table");
    CHECK_INT(c1->precision, 2147483647, "col 1 precision");
    CHECK_INT(c1->nullable, SQL_NULLABLE, "col 1 NULLABLE");
    CHECK_INT(c1->case_sensitive, 1, "col 1 case sensitive");
    CHECK_STR(c2->type_name, "decimal", "type name lower-cased");
    CHECK_INT(c2->scale, 2, "col 2 scale");
    CHECK_INT(c2->nullable, SQL_NO_NULLS, "col 2 NOT_NULL");
    CHECK_INT(c2->type, AT_UNKNOWN, "type_describe not called by the decoder");
    free(buf);

    /* the same pd_page takes the next page (no header, no columns asked) */
    const char *page2 =
        "{\"ResultSet\":{\"Rows\":[{\"Data\":[{\"VarCharValue\":\"3\"},{},{}]}],"
        "\"ResultSetMetadata\":{\"ColumnInfo\":[{\"Name\":\"id\"}]}}}";
    CHECK_INT(decode(page2, &buf, &pg, false, &err), 0, "page 2 decodes");
    CHECK_INT(pg.nrows, 1, "page 2 rows");
    CHECK_STR(cell(&pg, 0, 0), "3", "page 2 value");
    CHECK(pg.next_token == NULL, "no NextToken on the last page");
    CHECK(!pg.has_update_count, "no UpdateCount");
    CHECK_INT(pg.ncolumns, 0, "columns not parsed when not asked");
    free(buf);
    pd_page_free(&pg);
}

static void test_escapes(void)
{
    const char *json =
        "{\"ResultSet\":{\"Rows\":[{\"Data\":["
        "{\"VarCharValue\":\"q\\\"b\\\\s\\/n\\nr\\rt\\tb\\bf\\f\"},"
        "{\"VarCharValue\":\"caf\\u00e9 \\u20AC\"},"
        "{\"VarCharValue\":\"\\ud83d\\ude00!\"},"
        "{\"VarCharValue\":\"a\\ud800b\"},"
        "{\"VarCharValue\":\"\\udc00\"},"
        "{\"VarCharValue\":\"x\\u0000y\"},"
        "{\"VarCharValue\":\"raw \xc3\xa9 \xf0\x9f\x98\x80\"},"
        "{\"VarCharValue\":\"\\ud83d\\u0041\"}"
        "]}]}}";
    pd_page pg;
    athena_error err;
    char *buf;
    pd_page_init(&pg);
    CHECK_INT(decode(json, &buf, &pg, false, &err), 0, "escapes decode");
    CHECK_STR(cell(&pg, 0, 0), "q\"b\\s/n\nr\rt\tb\bf\f", "simple escapes");
    CHECK_STR(cell(&pg, 0, 1), "caf\xc3\xa9 \xe2\x82\xac", "\\u to UTF-8 (2 and 3 bytes)");
    CHECK_STR(cell(&pg, 0, 2), "\xf0\x9f\x98\x80!", "surrogate pair to one 4-byte sequence");
    CHECK_INT(pd_cell_at(&pg, 0, 2)->len, 5, "emoji length");
    CHECK_STR(cell(&pg, 0, 3), "a\xef\xbf\xbd" "b", "lone high surrogate -> U+FFFD");
    CHECK_STR(cell(&pg, 0, 4), "\xef\xbf\xbd", "lone low surrogate -> U+FFFD");
    CHECK_INT(pd_cell_at(&pg, 0, 5)->len, 3, "\\u0000 kept inside the length");
    CHECK_MEM(pd_cell_at(&pg, 0, 5)->ptr, "x\0y", 4, "embedded NUL then terminator");
    CHECK_STR(cell(&pg, 0, 6), "raw \xc3\xa9 \xf0\x9f\x98\x80", "raw UTF-8 passes through");
    CHECK_STR(cell(&pg, 0, 7), "\xef\xbf\xbd" "A", "high surrogate followed by a non-low escape");
    free(buf);
    pd_page_free(&pg);
}

static void test_order_and_whitespace(void)
{
    const char *json =
        "  {\n  \"NextToken\" : \"t1\" ,\n"
        "  \"Extra\" : {\"a\": [1, 2.5e-3, -0, true, false, null, {\"b\": [[], {}]}], \"c\": \"\\u0041\"},\n"
        "  \"ResultSet\" : {\n"
        "    \"ResultSetMetadata\" : { \"Other\": [ {\"x\": 1} ], \"ColumnInfo\" : [ {\n"
        "       \"CaseSensitive\" : true, \"Type\" : \"varchar\", \"Name\" : \"v\", \"Future\": {\"k\": [1]},\n"
        "       \"Precision\" : 5 } ] } ,\n"
        "    \"Rows\" : [ { \"Meta\": {\"z\": null}, \"Data\" : [ { \"Other\" : 1, \"VarCharValue\" : \"a\" } ,"
        " { \"VarCharValue\" : \"b\", \"More\": [\"c\"] }, {\"VarCharValue\": null} ] } ]\n"
        "  } ,\n"
        "  \"UpdateCount\" : 7\n}\n ";
    pd_page pg;
    athena_error err;
    char *buf;
    pd_page_init(&pg);
    CHECK_INT(decode(json, &buf, &pg, true, &err), 0, "keys in any order with whitespace");
    CHECK_STR(pg.next_token, "t1", "NextToken first");
    CHECK_INT(pg.update_count, 7, "UpdateCount last");
    CHECK_INT(pg.nrows, 1, "one row");
    CHECK_INT(pg.ncols, 3, "three datums");
    CHECK_STR(cell(&pg, 0, 0), "a", "VarCharValue after another key");
    CHECK_STR(cell(&pg, 0, 1), "b", "VarCharValue before another key");
    CHECK_STR(cell(&pg, 0, 2), "(NULL)", "VarCharValue null is NULL");
    CHECK_INT(pg.ncolumns, 1, "one column");
    CHECK_STR(pg.columns[0].name, "v", "column name");
    CHECK_STR(pg.columns[0].label, "v", "missing Label takes the Name");
    CHECK_INT(pg.columns[0].precision, 5, "precision");
    CHECK_INT(pg.columns[0].case_sensitive, 1, "case sensitive");
    CHECK_INT(pg.columns[0].nullable, SQL_NULLABLE_UNKNOWN, "missing Nullable is unknown");
    free(buf);

    /* NextToken null, UpdateCount null */
    CHECK_INT(decode("{\"NextToken\":null,\"UpdateCount\":null,\"ResultSet\":{\"Rows\":[]}}", &buf, &pg,
                     false, &err), 0, "nulls accepted");
    CHECK(pg.next_token == NULL, "NextToken null");
    CHECK(!pg.has_update_count, "UpdateCount null");
    CHECK_INT(pg.nrows, 0, "no rows");
    CHECK_INT(pg.row_width, 0, "no width");
    free(buf);
    pd_page_free(&pg);
}

static void test_update_count(void)
{
    const char *json =
        "{\"UpdateCount\":1234567890123,\"ResultSet\":{\"Rows\":[],\"ResultSetMetadata\":{\"ColumnInfo\":["
        "{\"CatalogName\":\"hive\",\"SchemaName\":\"\",\"TableName\":\"\",\"Name\":\"rows\",\"Label\":\"rows\","
        "\"Type\":\"bigint\",\"Precision\":19,\"Scale\":0,\"Nullable\":\"UNKNOWN\",\"CaseSensitive\":false}]}}}";
    pd_page pg;
    athena_error err;
    char *buf;
    pd_page_init(&pg);
    CHECK_INT(decode(json, &buf, &pg, true, &err), 0, "CTAS answer decodes");
    CHECK(pg.has_update_count, "has UpdateCount");
    CHECK_INT(pg.update_count, 1234567890123LL, "UpdateCount value");
    CHECK_INT(pg.nrows, 0, "no rows");
    CHECK_INT(pg.ncolumns, 1, "rows column");
    CHECK_STR(pg.columns[0].name, "rows", "rows column name");
    CHECK_INT(pg.columns[0].precision, 19, "precision 19");
    free(buf);
    CHECK_INT(decode("{\"UpdateCount\":-9223372036854775808}", &buf, &pg, true, &err), 0, "LLONG_MIN");
    CHECK(pg.update_count == (-9223372036854775807LL - 1), "LLONG_MIN value");
    free(buf);
    pd_page_free(&pg);
}

static void test_ragged(void)
{
    const char *json =
        "{\"ResultSet\":{\"Rows\":["
        "{\"Data\":[{\"VarCharValue\":\"a0\"}]},"
        "{\"Data\":[{\"VarCharValue\":\"b0\"},{\"VarCharValue\":\"b1\"},{\"VarCharValue\":\"b2\"}]},"
        "{\"Data\":[{\"VarCharValue\":\"c0\"},{}]},"
        "{},"
        "{\"Data\":[]},"
        "{\"Data\":[{\"VarCharValue\":\"f0\"},{\"VarCharValue\":\"f1\"},{\"VarCharValue\":\"f2\"},"
        "{\"VarCharValue\":\"f3\"}]},"
        "{\"Data\":[{\"VarCharValue\":\"g0\"}]}"
        "]}}";
    pd_page pg;
    athena_error err;
    char *buf;
    pd_page_init(&pg);
    CHECK_INT(decode(json, &buf, &pg, false, &err), 0, "ragged rows decode");
    CHECK_INT(pg.nrows, 7, "7 rows");
    CHECK_INT(pg.ncols, 4, "widest row has 4");
    CHECK_INT(pg.row_width, 4, "row width 4");
    static const char *want[7][4] = {
        {"a0", "(NULL)", "(NULL)", "(NULL)"}, {"b0", "b1", "b2", "(NULL)"},
        {"c0", "(NULL)", "(NULL)", "(NULL)"}, {"(NULL)", "(NULL)", "(NULL)", "(NULL)"},
        {"(NULL)", "(NULL)", "(NULL)", "(NULL)"}, {"f0", "f1", "f2", "f3"},
        {"g0", "(NULL)", "(NULL)", "(NULL)"}};
    int bad = 0;
    for (int r = 0; r < 7; r++)
        for (int c = 0; c < 4; c++)
            if (strcmp(cell(&pg, (size_t)r, (size_t)c), want[r][c]) != 0) {
                printf("# cell %d,%d: %s\n", r, c, cell(&pg, (size_t)r, (size_t)c));
                bad++;
            }
    CHECK_INT(bad, 0, "every ragged cell in place, missing ones NULL");
    free(buf);

    /* many narrow rows, then one wide row: the re-layout keeps every cell */
    char *big = malloc(200000);
    size_t n = 0;
    n += (size_t)sprintf(big + n, "{\"ResultSet\":{\"Rows\":[");
    for (int r = 0; r < 500; r++)
        n += (size_t)sprintf(big + n, "%s{\"Data\":[{\"VarCharValue\":\"r%d\"},{\"VarCharValue\":\"s%d\"}]}",
                             r ? "," : "", r, r);
    n += (size_t)sprintf(big + n, ",{\"Data\":[");
    for (int c = 0; c < 37; c++)
        n += (size_t)sprintf(big + n, "%s{\"VarCharValue\":\"w%d\"}", c ? "," : "", c);
    n += (size_t)sprintf(big + n, "]},{\"Data\":[{\"VarCharValue\":\"last\"}]}]}}");
    CHECK_INT(decode(big, &buf, &pg, false, &err), 0, "widening page decodes");
    CHECK_INT(pg.nrows, 502, "502 rows");
    CHECK_INT(pg.row_width, 37, "width 37");
    bad = 0;
    for (int r = 0; r < 500; r++) {
        char a[16], b[16];
        sprintf(a, "r%d", r);
        sprintf(b, "s%d", r);
        if (strcmp(cell(&pg, (size_t)r, 0), a) || strcmp(cell(&pg, (size_t)r, 1), b) ||
            pd_cell_at(&pg, (size_t)r, 2)->ptr || pd_cell_at(&pg, (size_t)r, 36)->ptr)
            bad++;
    }
    for (int c = 0; c < 37; c++) {
        char w[16];
        sprintf(w, "w%d", c);
        if (strcmp(cell(&pg, 500, (size_t)c), w))
            bad++;
    }
    if (strcmp(cell(&pg, 501, 0), "last") || pd_cell_at(&pg, 501, 1)->ptr)
        bad++;
    CHECK_INT(bad, 0, "all cells survive widening and compaction");
    free(buf);
    free(big);

    /* rows without datums still have a NULL cell 0 */
    CHECK_INT(decode("{\"ResultSet\":{\"Rows\":[{},{\"Data\":[]}]}}", &buf, &pg, false, &err), 0,
              "rows without datums");
    CHECK_INT(pg.nrows, 2, "2 rows");
    CHECK_INT(pg.ncols, 0, "no datums");
    CHECK_INT(pg.row_width, 1, "one NULL cell per row");
    CHECK(pd_cell_at(&pg, 1, 0)->ptr == NULL, "cell 0 is NULL");
    free(buf);
    pd_page_free(&pg);
}

static void expect_bad(const char *json, const char *want_in_msg, const char *what)
{
    pd_page pg;
    athena_error err;
    char *buf;
    pd_page_init(&pg);
    int rc = decode(json, &buf, &pg, true, &err);
    CHECK(rc == -1 && err.code == AE_BAD_RESPONSE && strstr(err.message, want_in_msg) &&
              strstr(err.message, "at byte") && pg.nrows == 0,
          "malformed: %s (message: %s)", what, rc == -1 ? err.message : "(accepted)");
    free(buf);
    pd_page_free(&pg);
}

static void test_malformed(void)
{
    pd_page pg;
    athena_error err;
    pd_page_init(&pg);
    char empty[1] = {0};
    CHECK_INT(page_decode(empty, 0, &pg, true, &err), -1, "empty answer rejected");
    CHECK_INT(err.code, AE_BAD_RESPONSE, "empty answer is AE_BAD_RESPONSE");
    pd_page_free(&pg);

    expect_bad("[]", "not a JSON object", "top-level array");
    expect_bad("{\"ResultSet\":{\"Rows\":[]}} x", "text after the end", "trailing garbage");
    expect_bad("{\"ResultSet\":{\"Rows\":{}}}", "Rows must be an array", "Rows object");
    expect_bad("{\"ResultSet\":[]}", "ResultSet must be an object", "ResultSet array");
    expect_bad("{\"ResultSet\":{\"Rows\":[[]]}}", "a row must be an object", "row array");
    expect_bad("{\"ResultSet\":{\"Rows\":[{\"Data\":\"x\"}]}}", "Data must be an array", "Data string");
    expect_bad("{\"ResultSet\":{\"Rows\":[{\"Data\":[1]}]}}", "a datum must be an object", "datum number");
    expect_bad("{\"ResultSet\":{\"Rows\":[{\"Data\":[{\"VarCharValue\":1}]}]}}", "VarCharValue must be a string",
               "VarCharValue number");
    expect_bad("{\"ResultSet\":{\"Rows\":[{\"Data\":[{\"VarCharValue\":\"a\\x\"}]}]}}", "unknown escape",
               "bad escape");
    expect_bad("{\"ResultSet\":{\"Rows\":[{\"Data\":[{\"VarCharValue\":\"\\u12G4\"}]}]}}", "bad \\u escape",
               "bad \\u escape");
    expect_bad("{\"ResultSet\":{\"Rows\":[{\"Data\":[{\"VarCharValue\":\"\\u12\"}]}]}}", "bad \\u escape",
               "short \\u escape");
    expect_bad("{\"ResultSet\":{\"Rows\":[{\"Data\":[{\"VarCharValue\":\"a\tb\"}]}]}}", "control character",
               "raw tab in a string");
    expect_bad("{\"ResultSet\":{\"Rows\":[{\"Data\":[{\"VarCharValue\":\"h\xffllo\"}]}]}}", "invalid UTF-8",
               "a lone 0xFF byte in a string");
    expect_bad("{\"ResultSet\":{\"Rows\":[{\"Data\":[{\"VarCharValue\":\"a\\\"\xc3\"}]}]}}", "invalid UTF-8",
               "a cut sequence after an escape");
    expect_bad("{\"ResultSet\":{\"Rows\":[{\"Data\":[{\"VarCharValue\":\"\xed\xa0\x80\"}]}]}}", "invalid UTF-8",
               "an encoded surrogate");
    expect_bad("{\"UpdateCount\":1.5}", "not an integer", "fractional UpdateCount");
    expect_bad("{\"UpdateCount\":1e3}", "not an integer", "exponent UpdateCount");
    expect_bad("{\"UpdateCount\":99999999999999999999}", "too large", "huge UpdateCount");
    expect_bad("{\"UpdateCount\":\"5\"}", "UpdateCount must be a number", "string UpdateCount");
    expect_bad("{\"UpdateCount\":01}", "invalid number", "leading zero");
    expect_bad("{\"NextToken\":5}", "NextToken must be a string", "numeric NextToken");
    expect_bad("{\"ResultSet\":{\"ResultSetMetadata\":{\"ColumnInfo\":[{\"Precision\":3000000000}]}}}",
               "out of range", "Precision beyond int");
    expect_bad("{\"ResultSet\":{\"ResultSetMetadata\":{\"ColumnInfo\":[{\"CaseSensitive\":\"yes\"}]}}}",
               "CaseSensitive must be", "CaseSensitive string");
    expect_bad("{\"ResultSet\":{\"ResultSetMetadata\":{\"ColumnInfo\":{}}}}", "ColumnInfo must be an array",
               "ColumnInfo object");
    expect_bad("{\"X\":[1,]}", "value was expected", "trailing comma in array");
    expect_bad("{\"X\":1,}", "object key was expected", "trailing comma in object");
    expect_bad("{\"X\" 1}", "':' was expected", "missing colon");
    expect_bad("{\"X\":tru}", "invalid literal", "bad literal");
    expect_bad("{\"X\":-}", "invalid number", "bare minus");
    expect_bad("{\"X\":1.}", "invalid number", "dot without digits");
    expect_bad("{\"X\":1e}", "invalid number", "exponent without digits");
    expect_bad("{\"X\":{\"a\":1 \"b\":2}}", "',' or '}'", "missing comma");

    /* nesting: 60 levels of unknown value are fine, 100 are not */
    char deep[512];
    size_t n = 0;
    n += (size_t)sprintf(deep, "{\"X\":");
    for (int i = 0; i < 60; i++)
        deep[n++] = '[';
    for (int i = 0; i < 60; i++)
        deep[n++] = ']';
    deep[n++] = '}';
    deep[n] = 0;
    {
        char *buf;
        CHECK_INT(decode(deep, &buf, &pg, false, &err), 0, "60 levels of nesting accepted");
        free(buf);
        pd_page_free(&pg);
    }
    n = (size_t)sprintf(deep, "{\"X\":");
    for (int i = 0; i < 100; i++)
        deep[n++] = '[';
    for (int i = 0; i < 100; i++)
        deep[n++] = ']';
    deep[n++] = '}';
    deep[n] = 0;
    expect_bad(deep, "nesting deeper than 64", "100 levels of nesting");

    /* every proper prefix of a valid answer is rejected, none crashes */
    const char *full =
        "{\"UpdateCount\":0,\"ResultSet\":{\"Rows\":[{\"Data\":[{\"VarCharValue\":\"a\\u00e9\\\"\"},{}]}],"
        "\"ResultSetMetadata\":{\"ColumnInfo\":[{\"Name\":\"a\",\"Precision\":3,\"CaseSensitive\":true}]}},"
        "\"NextToken\":\"t\"}";
    size_t len = strlen(full);
    int accepted = 0, wrong_code = 0;
    for (size_t cut = 0; cut < len; cut++) {
        char *b = malloc(cut ? cut : 1);
        memcpy(b, full, cut);
        ae_clear(&err);
        if (page_decode(b, cut, &pg, true, &err) == 0)
            accepted++;
        else if (err.code != AE_BAD_RESPONSE)
            wrong_code++;
        free(b);
    }
    CHECK_INT(accepted, 0, "no truncation of a valid answer is accepted");
    CHECK_INT(wrong_code, 0, "every truncation is AE_BAD_RESPONSE");
    {
        char *b = malloc(len);
        memcpy(b, full, len);
        CHECK_INT(page_decode(b, len, &pg, true, &err), 0, "the full answer is accepted");
        free(b);
    }
    pd_page_free(&pg);

    /* the message says where */
    {
        char *buf;
        decode("{\"ResultSet\":{\"Rows\":[{\"Data\":[7]}]}}", &buf, &pg, false, &err);
        CHECK_STR(err.message, "Unusable GetQueryResults answer: a datum must be an object at byte 31 of 37",
                  "message names the byte offset");
        free(buf);
        pd_page_free(&pg);
    }
}

static void test_long_names(void)
{
    /* a name longer than the field is cut at a UTF-8 boundary */
    char json[1024];
    char name[400];
    size_t k = 0;
    name[k++] = 'a';
    while (k + 2 < 300) { /* "a" then 2-byte characters: byte 255 falls inside one */
        name[k++] = (char)0xC3;
        name[k++] = (char)0xA9;
    }
    name[k] = 0;
    sprintf(json, "{\"ResultSet\":{\"ResultSetMetadata\":{\"ColumnInfo\":[{\"Name\":\"%s\"}]}}}", name);
    pd_page pg;
    athena_error err;
    char *buf;
    pd_page_init(&pg);
    CHECK_INT(decode(json, &buf, &pg, true, &err), 0, "long name decodes");
    CHECK_INT(strlen(pg.columns[0].name), 255, "cut to 255 bytes at a character boundary");
    CHECK_INT((unsigned char)pg.columns[0].name[254], 0xA9, "last byte completes a character");
    free(buf);

    /* many columns grow the columns array */
    char *big = malloc(100000);
    size_t n = (size_t)sprintf(big, "{\"ResultSet\":{\"ResultSetMetadata\":{\"ColumnInfo\":[");
    for (int i = 0; i < 300; i++)
        n += (size_t)sprintf(big + n, "%s{\"Name\":\"c%d\",\"Type\":\"integer\"}", i ? "," : "", i);
    sprintf(big + n, "]}}}");
    CHECK_INT(decode(big, &buf, &pg, true, &err), 0, "300 columns decode");
    CHECK_INT(pg.ncolumns, 300, "300 columns");
    CHECK_STR(pg.columns[299].name, "c299", "last column");
    free(buf);
    free(big);
    pd_page_free(&pg);
}

int main(void)
{
    test_first_page();
    test_escapes();
    test_order_and_whitespace();
    test_update_count();
    test_ragged();
    test_malformed();
    test_long_names();
    return th_done();
}
