/* test_connstr.c - connection string parsing and formatting, plus the log:
 * its redaction helpers, line format, level filter, file placement and
 * whole lines under concurrent writers. */
#include "harness.h"

#include <pthread.h>
#include <regex.h>
#include <sys/stat.h>
#include <unistd.h>

#include "connstr.h"
#include "log.h"

static athena_log *shared_log;

static void *writer(void *arg)
{
    int id = (int)(intptr_t)arg;
    for (int i = 0; i < 200; i++)
        LOG_AT(shared_log, LOG_INFO, "writer %d line %d %s", id, i,
               "................................................................");
    return NULL;
}

static void test_log(void)
{
    CHECK(log_open(LOG_OFF, "/tmp") == NULL, "LOG_OFF gives no log");
    CHECK(!log_enabled(NULL, LOG_ERROR), "NULL log is disabled");
    log_msg(NULL, LOG_ERROR, "ignored"); /* must not crash */

    char dir[] = "/tmp/test_log_XXXXXX";
    CHECK(mkdtemp(dir) != NULL, "temp dir");
    athena_log *log = log_open(LOG_INFO, dir);
    char want[256];
    snprintf(want, sizeof want, "%s/athenaodbc_%ld.log", dir, (long)getpid());
    CHECK_STR(log_file_path(log), want, "a directory gets athenaodbc_<pid>.log");
    CHECK(log_enabled(log, LOG_INFO) && log_enabled(log, LOG_ERROR), "INFO and ERROR enabled");
    CHECK(!log_enabled(log, LOG_DEBUG), "DEBUG filtered at INFO");
    LOG_AT(log, LOG_DEBUG, "hidden %d", 1);
    LOG_AT(log, LOG_ERROR, "visible %d\nsecond part", 2);
    log_close(log);
    char *text = th_read_file(want, NULL);
    CHECK(text != NULL, "log file written");
    if (text) {
        regex_t re;
        regcomp(&re, "^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z ERROR \\[tid [0-9]+\\] "
                      "visible 2 second part\n$", REG_EXTENDED);
        CHECK(regexec(&re, text, 0, NULL, 0) == 0, "line format: %s", text);
        regfree(&re);
        CHECK(strstr(text, "hidden") == NULL, "filtered message absent");
        free(text);
    }
    unlink(want);

    /* a file path is the log itself; concurrent writers never interleave */
    snprintf(want, sizeof want, "%s/my.log", dir);
    shared_log = log_open(LOG_TRACE, want);
    CHECK_STR(log_file_path(shared_log), want, "a file path is used as is");
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, writer, (void *)(intptr_t)i);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    log_close(shared_log);
    text = th_read_file(want, NULL);
    int lines = 0, good = 0;
    for (char *line = text, *nl; line && (nl = strchr(line, '\n')); line = nl + 1) {
        lines++;
        *nl = '\0';
        const char *w = strstr(line, " INFO  [tid ");
        if (w && strstr(w, "] writer ") &&
            strlen(line) > 64 && !strcmp(line + strlen(line) - 64,
                                         "................................................................"))
            good++;
    }
    CHECK_INT(lines, 800, "800 lines");
    CHECK_INT(good, 800, "every line whole");
    free(text);
    unlink(want);
    rmdir(dir);
}

static int parse(const char *s, connstr *cs, strbuf *err)
{
    sb_reset(err);
    return connstr_parse(s, strlen(s), cs, err);
}

int main(void)
{
    connstr cs;
    strbuf err = STRBUF_INIT;

    /* plain pairs, trimming around keys and unbraced values */
    CHECK_INT(parse("DSN=athena;  AwsRegion = us-east-1 ;UID=AKID", &cs, &err), 0, "plain parse");
    CHECK_INT(cs.count, 3, "three pairs");
    CHECK_STR(cs.pairs[0].key, "DSN", "key 0");
    CHECK_STR(cs.pairs[0].value, "athena", "value 0");
    CHECK_STR(cs.pairs[1].key, "AwsRegion", "key trimmed");
    CHECK_STR(cs.pairs[1].value, "us-east-1", "unbraced value trimmed");
    CHECK_STR(connstr_get(&cs, "uid"), "AKID", "lookup is case-insensitive");
    CHECK(connstr_get(&cs, "PWD") == NULL, "missing key gives NULL");
    connstr_free(&cs);
    CHECK_INT(cs.count, 0, "free empties");

    /* braces: ; = and spaces inside kept verbatim, }} unescaped */
    CHECK_INT(parse("PWD={ a;b=c }}d };Schema={x}", &cs, &err), 0, "braced parse");
    CHECK_INT(cs.count, 2, "two braced pairs");
    CHECK_STR(cs.pairs[0].value, " a;b=c }d ", "braced value verbatim with }} unescaped");
    CHECK_STR(cs.pairs[1].value, "x", "braced value at end");
    connstr_free(&cs);

    /* a braced value followed by blanks then ; */
    CHECK_INT(parse("A={v}  ;B=w", &cs, &err), 0, "blanks after closing brace");
    CHECK_STR(connstr_get(&cs, "A"), "v", "A");
    CHECK_STR(connstr_get(&cs, "B"), "w", "B");
    connstr_free(&cs);

    /* empty segments, trailing ;, empty values */
    CHECK_INT(parse(";;DSN=x;;Empty=;Braced={};", &cs, &err), 0, "empty segments");
    CHECK_INT(cs.count, 3, "three pairs among empty segments");
    CHECK_STR(connstr_get(&cs, "Empty"), "", "empty value is empty string");
    CHECK_STR(connstr_get(&cs, "Braced"), "", "empty braces");
    connstr_free(&cs);

    CHECK_INT(parse("", &cs, &err), 0, "empty string parses");
    CHECK_INT(cs.count, 0, "no pairs");
    connstr_free(&cs);

    /* duplicate key keeps the first value (ODBC rule), case-insensitive */
    CHECK_INT(parse("Schema=a;SCHEMA=b", &cs, &err), 0, "duplicate parse");
    CHECK_INT(cs.count, 1, "duplicate dropped");
    CHECK_STR(connstr_get(&cs, "schema"), "a", "first value wins");
    connstr_free(&cs);

    /* SQL_NTS handled by caller: len limits parsing */
    const char *s = "A=1;B=2";
    CHECK_INT(connstr_parse(s, 3, &cs, &err), 0, "length-limited parse");
    CHECK_INT(cs.count, 1, "only A");
    CHECK_STR(connstr_get(&cs, "A"), "1", "A=1");
    connstr_free(&cs);

    /* errors with positions (1-based) */
    CHECK_INT(parse("DSN=x;Oops;B=1", &cs, &err), -1, "missing '='");
    CHECK_STR(sb_str(&err), "Invalid connection string: missing '=' after key 'Oops' at position 7",
              "missing '=' message");
    CHECK(cs.pairs == NULL && cs.count == 0, "nothing returned on error");
    CHECK_INT(parse("DSN=x;Tail", &cs, &err), -1, "missing '=' at end");
    CHECK_STR(sb_str(&err), "Invalid connection string: missing '=' after key 'Tail' at position 7",
              "missing '=' at end message");
    CHECK_INT(parse("A=1; =2", &cs, &err), -1, "empty key");
    CHECK_STR(sb_str(&err), "Invalid connection string: empty key before '=' at position 6",
              "empty key message");
    CHECK_INT(parse("A=1;PWD={abc;def", &cs, &err), -1, "unterminated brace");
    CHECK_STR(sb_str(&err),
              "Invalid connection string: unterminated '{' in the value of 'PWD' (opened at position 9)",
              "unterminated brace message");
    CHECK(strstr(sb_str(&err), "abc") == NULL, "unterminated message does not echo the value");
    CHECK_INT(parse("A={x}}}y;B=1", &cs, &err), -1, "text after closing brace");
    CHECK_STR(sb_str(&err),
              "Invalid connection string: unexpected text after '}' in the value of 'A' at position 8",
              "text after brace message");
    CHECK_INT(parse("PWD={a}}", &cs, &err), -1, "}} at end is an escape, so unterminated");

    /* a NUL ends the string: a length that counts the terminator (or more) */
    static const char with_nul[] = "DSN=a;UID=u\0\0\0D)N=x";
    CHECK_INT(connstr_parse(with_nul, sizeof with_nul, &cs, &err), 0, "NUL inside the length");
    CHECK_INT(cs.count, 2, "pairs before the NUL only");
    CHECK_STR(connstr_get(&cs, "UID"), "u", "value cut at the NUL");
    CHECK(connstr_get(&cs, "D)N") == NULL, "nothing after the NUL");
    connstr_free(&cs);

    /* formatting */
    strbuf out = STRBUF_INIT;
    connstr_append(&out, "DSN", "athena");
    connstr_append(&out, "PWD", "a;b");
    connstr_append(&out, "X", "}{");
    connstr_append(&out, "Y", " lead");
    connstr_append(&out, "Z", "trail ");
    connstr_append(&out, "E", "");
    connstr_append(&out, "N", NULL);
    CHECK_STR(sb_str(&out), "DSN=athena;PWD={a;b};X={}}{};Y={ lead};Z={trail };E=;N=;",
              "append quotes when needed");

    /* round trip */
    CHECK_INT(parse(sb_str(&out), &cs, &err), 0, "round trip parse");
    CHECK_STR(connstr_get(&cs, "PWD"), "a;b", "round trip ;");
    CHECK_STR(connstr_get(&cs, "X"), "}{", "round trip braces");
    CHECK_STR(connstr_get(&cs, "Y"), " lead", "round trip leading space");
    CHECK_STR(connstr_get(&cs, "Z"), "trail ", "round trip trailing space");
    connstr_free(&cs);

    /* redaction of secrets in any spelling */
    sb_reset(&out);
    const char *secret = "DSN=a;UID=AKIAEXAMPLE;Password={s3cr;et};aws_session_token=TOK;ProxyPWD=pp;Schema=x";
    log_redact_connstr(secret, strlen(secret), &out);
    CHECK_STR(sb_str(&out), "DSN=a;UID=AKIAEXAMPLE;Password=****;aws_session_token=****;ProxyPWD=****;Schema=x;",
              "secrets redacted");
    sb_reset(&out);
    log_redact_connstr("PWD={oops", 9, &out);
    CHECK_STR(sb_str(&out), "(unparsable connection string)", "unparsable hidden entirely");

    char masked[32];
    log_mask_key_id("AKIAIOSFODNN7EXAMPLE", masked, sizeof masked);
    CHECK_STR(masked, "****************MPLE", "key id masked");
    log_mask_key_id("AKI", masked, sizeof masked);
    CHECK_STR(masked, "***", "short key id fully masked");
    log_mask_key_id("", masked, sizeof masked);
    CHECK_STR(masked, "(none)", "empty key id");

    test_log();

    sb_free(&out);
    sb_free(&err);
    return th_done();
}
