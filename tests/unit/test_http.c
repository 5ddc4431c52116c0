/* test_http.c - http_perform's retry policy, signing headers, error parsing,
 * cancel and keep-alive against a tiny HTTP/1.1 server running in a thread
 * on 127.0.0.1 (no network needed), plus the credential providers. */
#include "harness.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "athena_client.h"
#include "auth/cred_chain.h"
#include "auth/cred_refresh.h"
#include "auth/credentials.h"
#include "http.h"
#include "log.h"
#include "rate_limit.h"

/* ---------------------------------------------------------- the server */

/* ACT_CUT: the answer announces delay_ms bytes more than its body, then
 * the connection closes after the body (a break mid-body). */
typedef enum { ACT_RESPOND, ACT_CLOSE, ACT_DELAY, ACT_CUT } action;

typedef struct {
    action act;
    int status;
    const char *headers; /* extra header lines, each ending in \r\n */
    const char *body;
    int delay_ms;        /* ACT_DELAY: wait, then respond; ACT_CUT: bytes announced beyond body */
} scripted;

typedef struct {
    char method[16];
    char path[256];
    char headers[4096];
    char body[1024];
} seen_request;

#define MAXQ 64
static struct {
    int listen_fd;
    int port;
    pthread_mutex_t mu;
    scripted script[MAXQ];
    int nscript, next;
    scripted fallback;   /* when the script is used up */
    seen_request seen[MAXQ];
    int nseen;
    int connections;
    volatile int stop;
} srv = {.mu = PTHREAD_MUTEX_INITIALIZER};

static void srv_script(const scripted *s, int n, scripted fallback)
{
    pthread_mutex_lock(&srv.mu);
    for (int i = 0; i < n; i++)
        srv.script[i] = s[i];
    srv.nscript = n;
    srv.next = 0;
    srv.fallback = fallback;
    srv.nseen = 0;
    srv.connections = 0;
    pthread_mutex_unlock(&srv.mu);
}

static int srv_nseen(void)
{
    pthread_mutex_lock(&srv.mu);
    int n = srv.nseen;
    pthread_mutex_unlock(&srv.mu);
    return n;
}

/* Reads one request (headers + Content-Length body). 0 ok, -1 closed/error. */
static int read_request(int fd, char *buf, size_t cap, size_t *used, seen_request *out)
{
    for (;;) {
        char *end = memmem(buf, *used, "\r\n\r\n", 4);
        if (end) {
            size_t hlen = (size_t)(end - buf) + 4;
            long clen = 0;
            char *cl = strcasestr(buf, "\r\nContent-Length:");
            if (cl && cl < end)
                clen = strtol(cl + 17, NULL, 10);
            if (*used >= hlen + (size_t)clen) {
                memset(out, 0, sizeof *out);
                sscanf(buf, "%15s %255s", out->method, out->path);
                size_t first = (size_t)(strstr(buf, "\r\n") - buf) + 2;
                size_t hl = hlen - first;
                if (hl >= sizeof out->headers)
                    hl = sizeof out->headers - 1;
                memcpy(out->headers, buf + first, hl);
                size_t bl = (size_t)clen < sizeof out->body ? (size_t)clen : sizeof out->body - 1;
                memcpy(out->body, buf + hlen, bl);
                memmove(buf, buf + hlen + clen, *used - hlen - clen);
                *used -= hlen + clen;
                return 0;
            }
        }
        if (*used >= cap)
            return -1;
        struct pollfd p = {fd, POLLIN, 0};
        if (poll(&p, 1, 200) <= 0) {
            if (CANCEL_GET(srv.stop))
                return -1;
            continue;
        }
        ssize_t r = recv(fd, buf + *used, cap - *used, 0);
        if (r <= 0)
            return -1;
        *used += (size_t)r;
    }
}

static void *conn_thread(void *arg)
{
    int fd = (int)(intptr_t)arg;
    char buf[16384];
    size_t used = 0;
    seen_request rq;
    while (!CANCEL_GET(srv.stop) && read_request(fd, buf, sizeof buf, &used, &rq) == 0) {
        pthread_mutex_lock(&srv.mu);
        if (srv.nseen < MAXQ)
            srv.seen[srv.nseen++] = rq;
        scripted s = srv.next < srv.nscript ? srv.script[srv.next++] : srv.fallback;
        pthread_mutex_unlock(&srv.mu);
        if (s.act == ACT_CLOSE)
            break;
        if (s.act == ACT_DELAY) {
            struct timespec ts = {s.delay_ms / 1000, (s.delay_ms % 1000) * 1000000L};
            nanosleep(&ts, NULL);
        }
        char out[8192];
        const char *body = s.body ? s.body : "";
        int n = snprintf(out, sizeof out,
                         "HTTP/1.1 %d X\r\nContent-Length: %zu\r\nx-amzn-RequestId: req-%d\r\n%s\r\n%s",
                         s.status, strlen(body) + (s.act == ACT_CUT ? (size_t)s.delay_ms : 0), srv_nseen(),
                         s.headers ? s.headers : "", body);
        if (send(fd, out, (size_t)n, MSG_NOSIGNAL) < 0 || s.act == ACT_CUT)
            break;
    }
    close(fd);
    return NULL;
}

static void *accept_thread(void *arg)
{
    (void)arg;
    while (!CANCEL_GET(srv.stop)) {
        struct pollfd p = {srv.listen_fd, POLLIN, 0};
        if (poll(&p, 1, 100) <= 0)
            continue;
        int fd = accept(srv.listen_fd, NULL, NULL);
        if (fd < 0)
            continue;
        pthread_mutex_lock(&srv.mu);
        srv.connections++;
        pthread_mutex_unlock(&srv.mu);
        pthread_t t;
        pthread_create(&t, NULL, conn_thread, (void *)(intptr_t)fd);
        pthread_detach(t);
    }
    return NULL;
}

static int listen_loopback(int *port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in a = {0};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, (struct sockaddr *)&a, sizeof a) != 0 || listen(fd, 16) != 0) {
        perror("bind/listen");
        exit(2);
    }
    socklen_t l = sizeof a;
    getsockname(fd, (struct sockaddr *)&a, &l);
    *port = ntohs(a.sin_port);
    return fd;
}

/* ---------------------------------------------------------- helpers */

static const scripted OK200 = {ACT_RESPOND, 200, NULL, "{}", 0};

static double mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* a provider that counts calls and hands out a new token after a refresh */
typedef struct {
    cred_provider base;
    int calls, refreshes;
} test_provider;

static int tp_get(cred_provider *self, aws_credentials *out, bool force, athena_error *err)
{
    (void)err;
    test_provider *p = (test_provider *)self;
    p->calls++;
    if (force)
        p->refreshes++;
    memset(out, 0, sizeof *out);
    strcpy(out->access_key, "AKIAIOSFODNN7EXAMPLE");
    strcpy(out->secret_key, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    snprintf(out->session_token, sizeof out->session_token, "TOKEN-%d", p->refreshes);
    return 0;
}

static void tp_destroy(cred_provider *self) { (void)self; }

static char url[128];
static const char *athena_headers[] = {"Content-Type: application/x-amz-json-1.1",
                                       "X-Amz-Target: AmazonAthena.GetWorkGroup", NULL};

static http_request athena_req(void)
{
    http_request r = {0};
    r.method = "POST";
    r.url = url;
    r.service = "athena";
    r.headers = athena_headers;
    r.body = "{\"WorkGroup\":\"primary\"}";
    r.body_len = strlen(r.body);
    r.operation = "GetWorkGroup";
    r.retryable = true;
    return r;
}

static bool header_has(const seen_request *s, const char *needle)
{
    return strcasestr(s->headers, needle) != NULL;
}

typedef struct {
    strbuf got;
    int calls;
} sink_state;

static bool collect(void *ud, const char *data, size_t len)
{
    sink_state *s = ud;
    s->calls++;
    return sb_append(&s->got, data, len);
}

static volatile int cancel_flag;
static void *cancel_later(void *arg)
{
    (void)arg;
    struct timespec ts = {0, 150 * 1000000L};
    nanosleep(&ts, NULL);
    CANCEL_SET(cancel_flag, 1);
    return NULL;
}

/* ---------------------------------------------------------- Athena client */

static json_t *seen_json(int i)
{
    json_error_t je;
    return json_loads(srv.seen[i].body, 0, &je);
}

static void test_status_mapping(void)
{
    static const struct { const char *reason; const char *etype; ae_code code; const char *aws; } cases[] = {
        {"TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.default.nope' does not exist", "1000",
         AE_TABLE_NOT_FOUND, "TABLE_NOT_FOUND"},
        {"COLUMN_NOT_FOUND: line 1:8: Column 'x' cannot be resolved", "1000", AE_COLUMN_NOT_FOUND,
         "COLUMN_NOT_FOUND"},
        {"DIVISION_BY_ZERO: Division by zero", "1001", AE_DIVISION_BY_ZERO, "DIVISION_BY_ZERO"},
        {"INVALID_CAST_ARGUMENT: Cannot cast 'abc' to INT", "1001", AE_INVALID_CAST, "INVALID_CAST_ARGUMENT"},
        {"SYNTAX_ERROR: line 1:1: Incorrect syntax", "1000", AE_SYNTAX, "SYNTAX_ERROR"},
        {"GENERIC_INTERNAL_ERROR: boom", "200", AE_QUERY_FAILED, "GENERIC_INTERNAL_ERROR"},
        {"Query exhausted resources", "", AE_QUERY_FAILED, ""},
        {"whatever", "COLUMN_NOT_FOUND", AE_COLUMN_NOT_FOUND, "COLUMN_NOT_FOUND"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        query_status st;
        memset(&st, 0, sizeof st);
        st.state = QS_FAILED;
        snprintf(st.state_change_reason, sizeof st.state_change_reason, "%s", cases[i].reason);
        snprintf(st.error_type, sizeof st.error_type, "%s", cases[i].etype);
        athena_error e;
        ac_status_to_error(&st, &e);
        CHECK_INT(e.code, cases[i].code, cases[i].reason);
        CHECK_STR(e.message, cases[i].reason, "message is StateChangeReason");
        CHECK_STR(e.aws_type, cases[i].aws, "aws type of a failed query");
        CHECK_INT(e.native, 0, "no HTTP status for a failed query");
    }
    query_status st;
    memset(&st, 0, sizeof st);
    st.state = QS_CANCELLED;
    athena_error e;
    ac_status_to_error(&st, &e);
    CHECK_INT(e.code, AE_CANCELLED, "cancelled query");
    CHECK_STR(e.message, "Query was cancelled", "cancelled message");
}

static void test_response_mapping(void)
{
    static const struct { long status; const char *body; ae_code code; const char *type; const char *msg; } cases[] = {
        {400, "{\"__type\":\"UnrecognizedClientException\",\"message\":\"The security token included in the request is invalid.\"}",
         AE_AUTH, "UnrecognizedClientException", "The security token included in the request is invalid."},
        {400, "{\"__type\":\"InvalidSignatureException\",\"message\":\"sig\"}", AE_AUTH, "InvalidSignatureException", "sig"},
        {400, "{\"__type\":\"ExpiredTokenException\",\"message\":\"exp\"}", AE_AUTH, "ExpiredTokenException", "exp"},
        {400, "{\"__type\":\"IncompleteSignature\",\"message\":\"inc\"}", AE_AUTH, "IncompleteSignature", "inc"},
        {400, "{\"__type\":\"AccessDeniedException\",\"Message\":\"User is not authorized\"}", AE_ACCESS_DENIED,
         "AccessDeniedException", "User is not authorized"},
        {400, "{\"__type\":\"InvalidRequestException\",\"Message\":\"line 1:8: mismatched input 'FROM'. Expecting: <expression>\"}",
         AE_SYNTAX, "InvalidRequestException", "line 1:8: mismatched input 'FROM'. Expecting: <expression>"},
        {400, "{\"__type\":\"InvalidRequestException\",\"Message\":\"line 1:1: extraneous input 'x'\"}", AE_SYNTAX,
         "InvalidRequestException", "line 1:1: extraneous input 'x'"},
        {400, "{\"__type\":\"InvalidRequestException\",\"Message\":\"line 1:5: no viable alternative at input 'SELEC'\"}",
         AE_SYNTAX, "InvalidRequestException", "line 1:5: no viable alternative at input 'SELEC'"},
        {400, "{\"__type\":\"InvalidRequestException\",\"Message\":\"Queries of this type are not supported\",\"AthenaErrorCode\":\"MALFORMED_QUERY\"}",
         AE_SYNTAX, "InvalidRequestException", "Queries of this type are not supported"},
        {400, "{\"__type\":\"InvalidRequestException\",\"Message\":\"WorkGroup nope is not found.\"}", AE_NOT_FOUND,
         "InvalidRequestException", "WorkGroup nope is not found."},
        {400, "{\"__type\":\"InvalidRequestException\",\"Message\":\"QueryExecution abc was not found\"}", AE_NOT_FOUND,
         "InvalidRequestException", "QueryExecution abc was not found"},
        {400, "{\"__type\":\"InvalidRequestException\",\"Message\":\"Query has not yet finished. Current state: RUNNING\"}",
         AE_INVALID_REQUEST, "InvalidRequestException", "Query has not yet finished. Current state: RUNNING"},
        {400, "{\"__type\":\"ResourceNotFoundException\",\"Message\":\"no catalog\"}", AE_NOT_FOUND,
         "ResourceNotFoundException", "no catalog"},
        {400, "{\"__type\":\"MetadataException\",\"Message\":\"Database nope not found\"}", AE_NOT_FOUND,
         "MetadataException", "Database nope not found"},
        {400, "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}", AE_THROTTLED, "ThrottlingException", "Rate exceeded"},
        {400, "{\"__type\":\"TooManyRequestsException\",\"Message\":\"too many\"}", AE_THROTTLED, "TooManyRequestsException", "too many"},
        {503, "", AE_SERVER, "", "GetWorkGroup failed: HTTP 503"},
        {500, "{\"__type\":\"InternalServerException\",\"Message\":\"oops\"}", AE_SERVER, "InternalServerException", "oops"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        http_response r;
        http_response_init(&r);
        r.status = cases[i].status;
        sb_appends(&r.body, cases[i].body);
        http_parse_error_body(&r);
        athena_error e;
        ac_response_to_error(&r, "GetWorkGroup", &e);
        CHECK_INT(e.code, cases[i].code, cases[i].type[0] ? cases[i].type : "plain 503");
        CHECK_INT(e.native, cases[i].status, "native is the HTTP status");
        CHECK_STR(e.aws_type, cases[i].type, "aws type");
        CHECK_STR(e.message, cases[i].msg, "Athena's message");
        http_response_free(&r);
    }
}

/* ---------------------------------------------------------- metadata calls */

typedef struct {
    strbuf seen; /* "name/type/comment|" per table or item, "c:name/type/comment," per column */
    int items;
} meta_seen;

static int on_name(void *ctx, const char *name, const char *extra, athena_error *err)
{
    (void)err;
    meta_seen *m = ctx;
    m->items++;
    sb_printf(&m->seen, "%s/%s|", name, extra ? extra : "~");
    return 0;
}

static int on_table(void *ctx, const ac_table *t, athena_error *err)
{
    (void)err;
    meta_seen *m = ctx;
    m->items++;
    sb_printf(&m->seen, "%s/%s/%s/%s", t->name, t->table_type, t->comment ? t->comment : "~",
              t->iceberg ? "iceberg" : "hive");
    for (size_t i = 0; i < t->ncolumns + t->npartition_keys; i++) {
        const ac_column *c = i < t->ncolumns ? &t->columns[i] : &t->partition_keys[i - t->ncolumns];
        sb_printf(&m->seen, " %s%s:%s/%s", i < t->ncolumns ? "" : "p:", c->name, c->type,
                  c->comment ? c->comment : "~");
    }
    sb_appendc(&m->seen, '|');
    return 0;
}

static int stop_at_first(void *ctx, const ac_table *t, athena_error *err)
{
    (void)ctx;
    (void)t;
    return ae_set(err, AE_GENERAL, 0, "stopped");
}

/* ListTableMetadata with one answer body; what the callback saw, or "AE_BAD_RESPONSE: <message>". */
static const char *list_tables(athena_client *ac, const char *body, const char *next_in, char *next_out)
{
    static char out[2048];
    meta_seen m = {STRBUF_INIT, 0};
    athena_error e;
    ae_clear(&e);
    srv_script(NULL, 0, (scripted){ACT_RESPOND, 200, NULL, body, 0});
    if (ac_list_table_metadata(ac, "AwsDataCatalog", "db", "t.*", next_in, next_out, on_table, &m, &e) == 0)
        snprintf(out, sizeof out, "%s", sb_str(&m.seen));
    else
        snprintf(out, sizeof out, "%s: %s", e.code == AE_BAD_RESPONSE ? "AE_BAD_RESPONSE" : "other error",
                 e.message);
    sb_free(&m.seen);
    return out;
}

static void test_metadata_calls(athena_client *ac)
{
    char next[AC_NEXT_TOKEN_MAX];
    athena_error e;
    CHECK_STR(list_tables(ac,
                          "{\"TableMetadataList\":[{\"Name\":\"v\",\"TableType\":\"VIRTUAL_VIEW\","
                          "\"Columns\":[{\"Name\":\"a\",\"Type\":\"int\",\"Comment\":\"the a\"}],"
                          "\"Parameters\":{\"comment\":\"Presto View\"}},"
                          "{\"Name\":\"t\",\"TableType\":\"EXTERNAL_TABLE\",\"Columns\":[{\"Name\":\"x\",\"Type\":"
                          "\"struct<a:int>\"}],\"PartitionKeys\":[{\"Name\":\"dt\",\"Type\":\"string\"}],"
                          "\"Parameters\":{\"table_type\":\"ICEBERG\"}},{\"Name\":\"bare\"}],\"NextToken\":\"n2\"}",
                          "n1", next),
              "v/VIRTUAL_VIEW/Presto View/hive a:int/the a|t/EXTERNAL_TABLE/~/iceberg x:struct<a:int>/~ p:dt:string/~|"
              "bare//~/hive|",
              "ListTableMetadata: tables, types, comments, partition keys, Iceberg");
    CHECK_STR(next, "n2", "ListTableMetadata: NextToken out");
    CHECK_STR(srv.seen[0].body,
              "{\"CatalogName\":\"AwsDataCatalog\",\"DatabaseName\":\"db\",\"MaxResults\":50,\"Expression\":\"t.*\","
              "\"NextToken\":\"n1\"}",
              "ListTableMetadata request");
    CHECK(header_has(&srv.seen[0], "X-Amz-Target: AmazonAthena.ListTableMetadata"), "ListTableMetadata target");
    CHECK_STR(list_tables(ac, "{\"TableMetadataList\":[]}", NULL, next), "", "an empty page");
    CHECK_STR(next, "", "the last page: no NextToken");

    /* malformed answers */
    CHECK_STR(list_tables(ac, "[1]", NULL, next),
              "AE_BAD_RESPONSE: ListTableMetadata: the answer is not a JSON object (not an object)", "not an object");
    CHECK_STR(list_tables(ac, "{\"TableMetadataList\":{}}", NULL, next),
              "AE_BAD_RESPONSE: ListTableMetadata: the answer has no TableMetadataList list", "no list");
    CHECK_STR(list_tables(ac, "{\"TableMetadataList\":[{\"TableType\":\"X\"}]}", NULL, next),
              "AE_BAD_RESPONSE: ListTableMetadata: item 0 of TableMetadataList has no Name", "a table without a name");
    CHECK_STR(list_tables(ac, "{\"TableMetadataList\":[{\"Name\":\"t\",\"Columns\":{}}]}", NULL, next),
              "AE_BAD_RESPONSE: ListTableMetadata: Columns and PartitionKeys of table t are not lists", "Columns not a list");
    CHECK_STR(list_tables(ac, "{\"TableMetadataList\":[{\"Name\":\"t\",\"Columns\":[{\"Type\":\"int\"}]}]}", NULL,
                          next),
              "AE_BAD_RESPONSE: ListTableMetadata: a column of table t has no Name", "a column without a name");
    CHECK_STR(list_tables(ac, "{\"TableMetadataList\":[],\"NextToken\":5}", NULL, next),
              "AE_BAD_RESPONSE: ListTableMetadata: the answer's NextToken is not a string of at most 1024 characters",
              "NextToken not a string");
    CHECK_STR(list_tables(ac, "{\"TableMetadataList\":[],\"NextToken\":null}", NULL, next), "", "NextToken null");
    meta_seen m = {STRBUF_INIT, 0};
    srv_script(NULL, 0, (scripted){ACT_RESPOND, 200, NULL, "{\"TableMetadataList\":[{\"Name\":\"a\"},{\"Name\":\"b\"}]}", 0});
    CHECK_INT(ac_list_table_metadata(ac, "c", "d", NULL, NULL, next, stop_at_first, &m, &e), -1,
              "a callback stops the walk");
    CHECK_STR(e.message, "stopped", "its error");
    CHECK_STR(srv.seen[0].body, "{\"CatalogName\":\"c\",\"DatabaseName\":\"d\",\"MaxResults\":50}",
              "no Expression, no NextToken");
    srv_script(NULL, 0, (scripted){ACT_RESPOND, 400, NULL,
        "{\"__type\":\"MetadataException\",\"Message\":\"Database d not found.\"}", 0});
    CHECK_INT(ac_list_table_metadata(ac, "c", "d", NULL, NULL, next, on_table, &m, &e), -1, "MetadataException");
    CHECK_INT(e.code, AE_NOT_FOUND, "MetadataException: AE_NOT_FOUND");
    CHECK_STR(e.message, "Database d not found.", "MetadataException message");

    /* ListDatabases, ListDataCatalogs, GetTableMetadata */
    sb_reset(&m.seen);
    srv_script(NULL, 0, (scripted){ACT_RESPOND, 200, NULL,
        "{\"DatabaseList\":[{\"Name\":\"sampledb\",\"Description\":\"samples\"},{\"Name\":\"default\"}],\"NextToken\":\"x\"}", 0});
    CHECK_INT(ac_list_databases(ac, "AwsDataCatalog", NULL, next, on_name, &m, &e), 0, "ListDatabases");
    CHECK_STR(sb_str(&m.seen), "sampledb/samples|default/~|", "ListDatabases items");
    CHECK_STR(next, "x", "ListDatabases NextToken");
    CHECK_STR(srv.seen[0].body, "{\"CatalogName\":\"AwsDataCatalog\",\"MaxResults\":50}", "ListDatabases request");
    srv_script(NULL, 0, (scripted){ACT_RESPOND, 200, NULL, "{\"DatabaseList\":[{\"Name\":7}]}", 0});
    CHECK_INT(ac_list_databases(ac, "AwsDataCatalog", NULL, next, on_name, &m, &e), -1, "a database named 7");
    CHECK_STR(e.message, "ListDatabases: item 0 of DatabaseList has no Name", "its message");
    sb_reset(&m.seen);
    srv_script(NULL, 0, (scripted){ACT_RESPOND, 200, NULL,
        "{\"DataCatalogsSummary\":[{\"CatalogName\":\"AwsDataCatalog\",\"Type\":\"GLUE\"},{\"CatalogName\":\"fed\",\"Type\":\"LAMBDA\"}]}", 0});
    CHECK_INT(ac_list_data_catalogs(ac, "t1", next, on_name, &m, &e), 0, "ListDataCatalogs");
    CHECK_STR(sb_str(&m.seen), "AwsDataCatalog/GLUE|fed/LAMBDA|", "ListDataCatalogs items");
    CHECK_STR(srv.seen[0].body, "{\"MaxResults\":50,\"NextToken\":\"t1\"}", "ListDataCatalogs request");
    sb_reset(&m.seen);
    srv_script(NULL, 0, (scripted){ACT_RESPOND, 200, NULL,
        "{\"TableMetadata\":{\"Name\":\"t\",\"TableType\":\"MANAGED_TABLE\",\"Columns\":[{\"Name\":\"x\",\"Type\":\"int\"}]}}", 0});
    CHECK_INT(ac_get_table_metadata(ac, "c", "d", "t", on_table, &m, &e), 0, "GetTableMetadata");
    CHECK_STR(sb_str(&m.seen), "t/MANAGED_TABLE/~/hive x:int/~|", "GetTableMetadata table");
    CHECK_STR(srv.seen[0].body, "{\"CatalogName\":\"c\",\"DatabaseName\":\"d\",\"TableName\":\"t\"}",
              "GetTableMetadata request");
    srv_script(NULL, 0, (scripted){ACT_RESPOND, 200, NULL, "{}", 0});
    CHECK_INT(ac_get_table_metadata(ac, "c", "d", "t", on_table, &m, &e), -1, "no TableMetadata");
    CHECK_STR(e.message, "GetTableMetadata: the answer has no TableMetadata", "its message");
    sb_free(&m.seen);
}

static void test_client(athena_config *cfg, cred_provider *prov, athena_log *log)
{
    athena_error e;
    char ep[64];
    snprintf(ep, sizeof ep, "http://127.0.0.1:%d", srv.port);
    strbuf err = STRBUF_INIT;
    config_set(cfg, "EndpointOverride", ep, &err);
    http_client *h = http_client_new(cfg, prov, log, &e);
    http_client_set_backoff(h, 5, 40);
    athena_client *ac = athena_client_new(cfg, h, log, &e);
    CHECK(ac != NULL, "athena client");

    char tok[37];
    CHECK_INT(ac_new_request_token(tok), 0, "token");
    CHECK_INT(strlen(tok), 36, "token is 36 chars");
    CHECK(tok[8] == '-' && tok[13] == '-' && tok[18] == '-' && tok[23] == '-', "token dashes: %s", tok);
    CHECK(tok[14] == '4', "UUID version 4: %s", tok);
    CHECK(strchr("89ab", tok[19]) != NULL, "RFC 4122 variant: %s", tok);
    char tok2[37];
    ac_new_request_token(tok2);
    CHECK(strcmp(tok, tok2) != 0, "tokens differ");

    /* StartQueryExecution with every option; a 503 first: same token twice */
    srv_script((scripted[]){{ACT_RESPOND, 503, NULL, "", 0},
                            {ACT_RESPOND, 200, NULL, "{\"QueryExecutionId\":\"11111111-2222-3333-4444-555555555555\"}", 0}},
               2, OK200);
    start_options opt = {.catalog = "AwsDataCatalog", .schema = "sales", .workgroup = "analysts",
                         .output_location = "s3://bucket/out/", .enc_option = "SSE_KMS", .kms_key = "alias/k",
                         .expected_bucket_owner = "111122223333", .acl_option = "BUCKET_OWNER_FULL_CONTROL",
                         .result_reuse = true, .result_reuse_max_age = 30};
    char qid[128];
    int rc = ac_start_query(ac, "SELECT 1", &opt, qid, &e);
    CHECK_INT(rc, 0, "start query");
    CHECK_STR(qid, "11111111-2222-3333-4444-555555555555", "query id");
    CHECK_INT(srv_nseen(), 2, "two requests (one retry)");
    CHECK(header_has(&srv.seen[0], "X-Amz-Target: AmazonAthena.StartQueryExecution"), "target");
    CHECK(header_has(&srv.seen[0], "Content-Type: application/x-amz-json-1.1"), "content type");
    json_t *j0 = seen_json(0), *j1 = seen_json(1);
    CHECK(j0 && j1, "request bodies are JSON");
    if (j0 && j1) {
        const char *t0 = json_string_value(json_object_get(j0, "ClientRequestToken"));
        const char *t1 = json_string_value(json_object_get(j1, "ClientRequestToken"));
        CHECK(t0 && strlen(t0) == 36, "ClientRequestToken sent");
        CHECK(t0 && t1 && !strcmp(t0, t1), "same token across retries");
        char *dump = json_dumps(j0, JSON_SORT_KEYS | JSON_COMPACT);
        char want[1024];
        snprintf(want, sizeof want,
                 "{\"ClientRequestToken\":\"%s\",\"QueryExecutionContext\":{\"Catalog\":\"AwsDataCatalog\","
                 "\"Database\":\"sales\"},\"QueryString\":\"SELECT 1\",\"ResultConfiguration\":{"
                 "\"AclConfiguration\":{\"S3AclOption\":\"BUCKET_OWNER_FULL_CONTROL\"},"
                 "\"EncryptionConfiguration\":{\"EncryptionOption\":\"SSE_KMS\",\"KmsKey\":\"alias/k\"},"
                 "\"ExpectedBucketOwner\":\"111122223333\",\"OutputLocation\":\"s3://bucket/out/\"},"
                 "\"ResultReuseConfiguration\":{\"ResultReuseByAgeConfiguration\":{\"Enabled\":true,"
                 "\"MaxAgeInMinutes\":30}},\"WorkGroup\":\"analysts\"}",
                 t0 ? t0 : "");
        CHECK_STR(dump, want, "StartQueryExecution body");
        free(dump);
    }
    json_decref(j0);
    json_decref(j1);

    /* nothing optional: only the SQL and the token */
    srv_script(NULL, 0, (scripted){ACT_RESPOND, 200, NULL, "{\"QueryExecutionId\":\"q2\"}", 0});
    start_options none = {0};
    rc = ac_start_query(ac, "SELECT 2", &none, qid, &e);
    CHECK_INT(rc, 0, "start query without options");
    j0 = seen_json(0);
    CHECK(j0 && json_object_size(j0) == 2 && json_object_get(j0, "QueryString") &&
              json_object_get(j0, "ClientRequestToken"),
          "only QueryString and ClientRequestToken");
    json_decref(j0);
    rc = ac_start_query(ac, "SELECT 2", &none, qid, &e);
    j0 = seen_json(0);
    j1 = seen_json(1);
    CHECK(j0 && j1 && strcmp(json_string_value(json_object_get(j0, "ClientRequestToken")),
                             json_string_value(json_object_get(j1, "ClientRequestToken"))) != 0,
          "a new call gets a new token");
    json_decref(j0);
    json_decref(j1);

    /* answers we cannot use */
    srv_script(NULL, 0, (scripted){ACT_RESPOND, 200, NULL, "{}", 0});
    rc = ac_start_query(ac, "SELECT 1", &none, qid, &e);
    CHECK_INT(rc, -1, "no QueryExecutionId");
    CHECK_INT(e.code, AE_BAD_RESPONSE, "AE_BAD_RESPONSE");
    CHECK_STR(e.message, "StartQueryExecution: the answer has no valid QueryExecutionId", "bad response message");
    srv_script(NULL, 0, (scripted){ACT_RESPOND, 200, NULL, "<html>", 0});
    rc = ac_start_query(ac, "SELECT 1", &none, qid, &e);
    CHECK_INT(e.code, AE_BAD_RESPONSE, "not JSON");

    /* synchronous syntax error */
    srv_script(NULL, 0, (scripted){ACT_RESPOND, 400, NULL,
                                   "{\"__type\":\"InvalidRequestException\",\"Message\":\"line 1:1: mismatched input 'SELEC'. Expecting: 'SELECT'\",\"AthenaErrorCode\":\"MALFORMED_QUERY\"}", 0});
    rc = ac_start_query(ac, "SELEC 1", &none, qid, &e);
    CHECK_INT(rc, -1, "syntax error");
    CHECK_INT(e.code, AE_SYNTAX, "AE_SYNTAX");
    CHECK_INT(e.native, 400, "native 400");
    CHECK_STR(e.message, "line 1:1: mismatched input 'SELEC'. Expecting: 'SELECT'", "Athena's message");
    CHECK_STR(qid, "", "no query id on failure");

    /* GetQueryExecution */
    srv_script(NULL, 0, (scripted){ACT_RESPOND, 200, NULL,
        "{\"QueryExecution\":{\"QueryExecutionId\":\"q1\",\"Query\":\"SELECT x\",\"StatementType\":\"DML\","
        "\"SubstatementType\":\"SELECT\",\"ResultConfiguration\":{\"OutputLocation\":\"s3://b/p/q1.csv\"},"
        "\"Status\":{\"State\":\"FAILED\",\"StateChangeReason\":\"COLUMN_NOT_FOUND: line 1:8: Column 'x' cannot be resolved\","
        "\"SubmissionDateTime\":1593469842.665,\"AthenaError\":{\"ErrorCategory\":2,\"ErrorType\":1000,\"Retryable\":false,"
        "\"ErrorMessage\":\"COLUMN_NOT_FOUND: line 1:8: Column 'x' cannot be resolved\"}},"
        "\"Statistics\":{\"EngineExecutionTimeInMillis\":12,\"DataScannedInBytes\":0,\"TotalExecutionTimeInMillis\":34,"
        "\"ResultReuseInformation\":{\"ReusedPreviousResult\":false}},\"WorkGroup\":\"primary\"}}", 0});
    query_status st;
    rc = ac_get_query_execution(ac, "q1", &st, &e);
    CHECK_INT(rc, 0, "get query execution");
    CHECK_INT(st.state, QS_FAILED, "FAILED");
    CHECK_STR(st.statement_type, "DML", "statement type");
    CHECK_STR(st.substatement_type, "SELECT", "substatement type");
    CHECK_STR(st.output_location, "s3://b/p/q1.csv", "output location");
    CHECK_STR(st.error_type, "1000", "numeric ErrorType as text");
    CHECK_INT(st.error_category, 2, "category");
    CHECK_INT(st.error_retryable, 0, "not retryable");
    CHECK_INT(st.engine_ms, 12, "engine ms");
    CHECK_INT(st.total_ms, 34, "total ms");
    CHECK_INT(st.reused_previous_result, 0, "not reused");
    j0 = seen_json(0);
    CHECK(j0 && !strcmp(json_string_value(json_object_get(j0, "QueryExecutionId")), "q1"), "qid sent");
    json_decref(j0);
    athena_error qe;
    ac_status_to_error(&st, &qe);
    CHECK_INT(qe.code, AE_COLUMN_NOT_FOUND, "mapped to column not found");
    srv_script(NULL, 0, (scripted){ACT_RESPOND, 200, NULL,
        "{\"QueryExecution\":{\"Status\":{\"State\":\"SUCCEEDED\"},\"Statistics\":{\"DataScannedInBytes\":1048576,"
        "\"ResultReuseInformation\":{\"ReusedPreviousResult\":true}}}}", 0});
    rc = ac_get_query_execution(ac, "q1", &st, &e);
    CHECK_INT(st.state, QS_SUCCEEDED, "SUCCEEDED");
    CHECK_INT(st.data_scanned_bytes, 1048576, "data scanned");
    CHECK_INT(st.reused_previous_result, 1, "reused");
    srv_script(NULL, 0, (scripted){ACT_RESPOND, 200, NULL, "{\"QueryExecution\":{}}", 0});
    rc = ac_get_query_execution(ac, "q1", &st, &e);
    CHECK_INT(rc, -1, "no state");
    CHECK_INT(e.code, AE_BAD_RESPONSE, "no state is a bad response");

    /* GetQueryResults: raw page, NextToken and MaxResults sent */
    const char *page = "{\"ResultSet\":{\"Rows\":[]},\"NextToken\":\"t2\"}";
    srv_script(NULL, 0, (scripted){ACT_RESPOND, 200, NULL, page, 0});
    strbuf pb = STRBUF_INIT;
    sb_appends(&pb, "old contents");
    rc = ac_get_results_page(ac, "q1", "t1", 500, &pb, &e);
    CHECK_INT(rc, 0, "results page");
    CHECK_STR(sb_str(&pb), page, "raw page body");
    CHECK(header_has(&srv.seen[0], "X-Amz-Target: AmazonAthena.GetQueryResults"), "results target");
    j0 = seen_json(0);
    char *dump = j0 ? json_dumps(j0, JSON_SORT_KEYS | JSON_COMPACT) : NULL;
    CHECK_STR(dump, "{\"MaxResults\":500,\"NextToken\":\"t1\",\"QueryExecutionId\":\"q1\"}", "results request");
    free(dump);
    json_decref(j0);
    srv_script(NULL, 0, (scripted){ACT_RESPOND, 200, NULL, page, 0});
    rc = ac_get_results_page(ac, "q1", NULL, 5000, &pb, &e);
    j0 = seen_json(0);
    dump = j0 ? json_dumps(j0, JSON_SORT_KEYS | JSON_COMPACT) : NULL;
    CHECK_STR(dump, "{\"MaxResults\":1000,\"QueryExecutionId\":\"q1\"}", "first page, MaxResults capped");
    free(dump);
    json_decref(j0);
    srv_script(NULL, 0, (scripted){ACT_RESPOND, 400, NULL,
        "{\"__type\":\"InvalidRequestException\",\"Message\":\"Query has not yet finished. Current state: RUNNING\"}", 0});
    rc = ac_get_results_page(ac, "q1", NULL, 1000, &pb, &e);
    CHECK_INT(rc, -1, "results before the end");
    CHECK_INT(e.code, AE_INVALID_REQUEST, "AE_INVALID_REQUEST");
    CHECK_STR(sb_str(&pb), "", "body reset on failure");
    sb_free(&pb);

    /* StopQueryExecution */
    srv_script(NULL, 0, (scripted){ACT_RESPOND, 200, NULL, "{}", 0});
    CHECK_INT(ac_stop_query(ac, "q1", &e), 0, "stop");
    CHECK(header_has(&srv.seen[0], "X-Amz-Target: AmazonAthena.StopQueryExecution"), "stop target");

    /* GetWorkGroup */
    srv_script(NULL, 0, (scripted){ACT_RESPOND, 200, NULL, "{\"WorkGroup\":{\"Name\":\"primary\",\"State\":\"ENABLED\"}}", 0});
    CHECK_INT(ac_get_workgroup(ac, "primary", &e), 0, "workgroup exists");
    CHECK_STR(srv.seen[0].body, "{\"WorkGroup\":\"primary\"}", "workgroup request");
    srv_script(NULL, 0, (scripted){ACT_RESPOND, 400, NULL,
        "{\"__type\":\"InvalidRequestException\",\"Message\":\"WorkGroup nope is not found.\"}", 0});
    CHECK_INT(ac_get_workgroup(ac, "nope", &e), -1, "unknown workgroup");
    CHECK_INT(e.code, AE_NOT_FOUND, "AE_NOT_FOUND");
    CHECK_STR(e.message, "WorkGroup nope is not found.", "workgroup message");
    srv_script(NULL, 0, (scripted){ACT_RESPOND, 400, NULL,
        "{\"__type\":\"UnrecognizedClientException\",\"message\":\"The security token included in the request is invalid.\"}", 0});
    CHECK_INT(ac_get_workgroup(ac, "primary", &e), -1, "refused credentials");
    CHECK_INT(e.code, AE_AUTH, "AE_AUTH");
    srv_script(NULL, 0, (scripted){ACT_RESPOND, 200, NULL, "{}", 0});
    CHECK_INT(ac_get_workgroup(ac, "primary", &e), -1, "no WorkGroup in answer");
    CHECK_INT(e.code, AE_BAD_RESPONSE, "bad workgroup answer");

    test_metadata_calls(ac);
    athena_client_free(ac);
    http_client_free(h);
    config_set(cfg, "EndpointOverride", "", &err);
    sb_free(&err);
}

/* ---------------------------------------------------------- tests */

static void test_credentials(void)
{
    athena_config cfg;
    athena_error e;
    unsetenv("AWS_ACCESS_KEY_ID");
    unsetenv("AWS_SECRET_ACCESS_KEY");
    unsetenv("AWS_SESSION_TOKEN");
    strbuf err = STRBUF_INIT;

    config_init(&cfg);
    config_set(&cfg, "UID", "AKIDSTATIC", &err);
    cred_provider *p = cred_provider_from_config(&cfg, &e);
    CHECK(p == NULL, "UID without PWD refused");
    CHECK_INT(e.code, AE_CONFIG_MISSING, "missing PWD code");
    CHECK_STR(e.message, "PWD (the AWS secret access key) is required for AuthenticationType=IAM Credentials",
              "missing PWD message");
    config_set(&cfg, "PWD", "secretvalue", &err);
    config_set(&cfg, "SessionToken", "tok", &err);
    p = cred_provider_from_config(&cfg, &e);
    CHECK(p != NULL, "static provider");
    if (p) {
        aws_credentials c;
        CHECK_INT(p->get(p, &c, false, &e), 0, "static get");
        CHECK_STR(c.access_key, "AKIDSTATIC", "static access key");
        CHECK_STR(c.secret_key, "secretvalue", "static secret");
        CHECK_STR(c.session_token, "tok", "static token");
        CHECK_INT(c.expiration, 0, "static never expires");
        CHECK_INT(p->get(p, &c, true, &e), 0, "static get with refresh");
        CHECK_STR(p->name, "IAM Credentials", "static provider name");
        aws_credentials_wipe(&c);
        CHECK_STR(c.secret_key, "", "wipe clears");
        cred_provider_free(p);
    }
    char long_key[200];
    memset(long_key, 'A', sizeof long_key - 1);
    long_key[sizeof long_key - 1] = '\0';
    config_set(&cfg, "UID", long_key, &err);
    p = cred_provider_from_config(&cfg, &e);
    CHECK(p == NULL, "a 199-character UID is refused");
    CHECK_INT(e.code, AE_AUTH, "too long: AE_AUTH (28000)");
    CHECK_STR(e.message, "IAM Credentials: the access key id is too long", "too long message");
    config_free(&cfg);

    config_init(&cfg);
    config_set(&cfg, "AuthenticationType", "IAM Credentials", &err);
    config_set(&cfg, "PWD", "x", &err);
    p = cred_provider_from_config(&cfg, &e);
    CHECK(p == NULL, "IAM Credentials without UID refused");
    CHECK_INT(e.code, AE_CONFIG_MISSING, "missing UID code");
    CHECK_STR(e.message, "UID (the AWS access key id) is required for AuthenticationType=IAM Credentials",
              "missing UID message");
    config_free(&cfg);

    /* the rest of the chain is cred_chain.c's (tested in test_cred_profile):
     * here only that the seam hands those types over to it */
    setenv("AWS_CONFIG_FILE", "/nonexistent/config", 1);
    setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials", 1);
    setenv("AWS_EC2_METADATA_DISABLED", "true", 1);
    unsetenv("AWS_PROFILE");
    config_init(&cfg);
    config_set(&cfg, "AuthenticationType", "IAM Profile", &err);
    p = cred_provider_from_config(&cfg, &e);
    CHECK(p == NULL, "IAM Profile without a profile file");
    CHECK_INT(e.code, AE_AUTH, "missing profile code");
    CHECK_STR(e.message, "Profile 'default' in /nonexistent/config (missing) or /nonexistent/credentials "
                         "(missing): no such profile", "missing profile message");
    config_free(&cfg);

    /* neither UID nor AuthenticationType: the default chain */
    config_init(&cfg);
    p = cred_provider_from_config(&cfg, &e);
    CHECK(p == NULL, "no credentials anywhere");
    CHECK_INT(e.code, AE_AUTH, "no credentials code");
    CHECK(strstr(e.message, "No AWS credentials found by the default credential chain") == e.message,
          "message names the default chain: %s", e.message);
    setenv("AWS_ACCESS_KEY_ID", "AKIDENV", 1);
    setenv("AWS_SECRET_ACCESS_KEY", "envsecret", 1);
    p = cred_provider_from_config(&cfg, &e);
    CHECK(p != NULL, "environment provider");
    if (p) {
        aws_credentials c;
        CHECK_INT(p->get(p, &c, false, &e), 0, "env get");
        CHECK_STR(c.access_key, "AKIDENV", "env access key");
        CHECK_STR(c.session_token, "", "env without token");
        CHECK_STR(p->name, "Environment (AWS_ACCESS_KEY_ID)", "env provider name");
        CHECK_INT(cred_refresh_fetch_count(p), 1, "read once at connect");
        setenv("AWS_SESSION_TOKEN", "rotated", 1);
        CHECK_INT(p->get(p, &c, false, &e), 0, "env get cached");
        CHECK_STR(c.session_token, "", "no refresh: cached values");
        CHECK_INT(p->get(p, &c, true, &e), 0, "env get, forced refresh right after the read");
        CHECK_STR(c.session_token, "", "a forced refresh within a second of the read reuses it");
        struct timespec ts = {1, 100000000}; /* past the coalescing second */
        nanosleep(&ts, NULL);
        CHECK_INT(p->get(p, &c, true, &e), 0, "env get refreshed");
        CHECK_STR(c.session_token, "rotated", "a forced refresh re-reads the environment");
        CHECK_INT(cred_refresh_fetch_count(p), 2, "read twice");
        unsetenv("AWS_SECRET_ACCESS_KEY");
        nanosleep(&ts, NULL);
        CHECK_INT(p->get(p, &c, true, &e), 0, "variables gone at a forced refresh: the last ones are kept");
        CHECK_STR(c.access_key, "AKIDENV", "the last access key");
        CHECK_INT(cred_refresh_fetch_count(p), 3, "read three times");
        setenv("AWS_SECRET_ACCESS_KEY", "envsecret", 1);
        aws_credentials_wipe(&c);
        cred_provider_free(p);
    }
    config_set(&cfg, "AuthenticationType", "default credentials", &err);
    p = cred_provider_from_config(&cfg, &e);
    CHECK(p != NULL && !strcmp(p->name, "Environment (AWS_ACCESS_KEY_ID)"), "Default Credentials reads the environment");
    cred_provider_free(p);
    unsetenv("AWS_ACCESS_KEY_ID");
    unsetenv("AWS_SECRET_ACCESS_KEY");
    unsetenv("AWS_SESSION_TOKEN");
    unsetenv("AWS_CONFIG_FILE");
    unsetenv("AWS_SHARED_CREDENTIALS_FILE");
    unsetenv("AWS_EC2_METADATA_DISABLED");
    config_free(&cfg);
    sb_free(&err);
}

static void test_error_bodies(void)
{
    http_response r;
    http_response_init(&r);
    sb_appends(&r.body, "{\"__type\":\"com.amazonaws.athena#InvalidRequestException\","
                        "\"Message\":\"line 1:8: mismatched input\",\"AthenaErrorCode\":\"MALFORMED_QUERY\"}");
    http_parse_error_body(&r);
    CHECK_STR(r.aws_error_type, "InvalidRequestException", "json __type prefix stripped");
    CHECK_STR(r.aws_error_message, "line 1:8: mismatched input", "json Message");
    http_response_free(&r);

    http_response_init(&r);
    sb_appends(&r.body, "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}");
    http_parse_error_body(&r);
    CHECK_STR(r.aws_error_type, "ThrottlingException", "json plain __type");
    CHECK_STR(r.aws_error_message, "Rate exceeded", "json lower-case message");
    http_response_free(&r);

    http_response_init(&r);
    sb_appends(&r.body, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code>"
                        "<Message>The specified key does not exist &amp; never did.</Message>"
                        "<Key>a/b.csv</Key></Error>");
    http_parse_error_body(&r);
    CHECK_STR(r.aws_error_type, "NoSuchKey", "xml Code");
    CHECK_STR(r.aws_error_message, "The specified key does not exist & never did.", "xml Message unescaped");
    http_response_free(&r);

    http_response_init(&r);
    sb_appends(&r.body, "not json");
    http_parse_error_body(&r);
    CHECK_STR(r.aws_error_type, "", "unparsable body: no type");
    http_response_free(&r);
}

int main(void)
{
    signal(SIGPIPE, SIG_IGN);
    alarm(120); /* the whole program is bounded */
    test_credentials();
    test_error_bodies();

    srv.listen_fd = listen_loopback(&srv.port);
    pthread_t acc;
    pthread_create(&acc, NULL, accept_thread, NULL);
    snprintf(url, sizeof url, "http://127.0.0.1:%d/", srv.port);

    char logdir[] = "/tmp/test_http_XXXXXX";
    CHECK(mkdtemp(logdir) != NULL, "log dir");
    athena_log *log = log_open(LOG_TRACE, logdir);
    CHECK(log != NULL, "log opened");

    athena_config cfg;
    config_init(&cfg);
    strbuf cerr = STRBUF_INIT;
    config_set(&cfg, "AwsRegion", "us-east-1", &cerr);
    config_set(&cfg, "MaxRetries", "3", &cerr);
    config_set(&cfg, "RequestTimeout", "400", &cerr);
    config_set(&cfg, "ConnectionTimeout", "2000", &cerr);
    test_provider tp = {{"test", tp_get, tp_destroy}, 0, 0};
    athena_error e;
    http_client *c = http_client_new(&cfg, &tp.base, log, &e);
    CHECK(c != NULL, "client");
    http_client_set_backoff(c, 5, 40);
    http_client_set_rate_limit(c, false); /* the limiter has its own cases (3b, 3c) */
    CHECK_STR(http_client_region(c), "us-east-1", "region");

    http_response resp;
    http_response_init(&resp);
    http_request rq;
    int rc;

    /* 1. success, signing headers, keep-alive */
    srv_script((scripted[]){{ACT_RESPOND, 200, "Content-Type: application/x-amz-json-1.1\r\n",
                             "{\"WorkGroup\":{}}", 0}}, 1, OK200);
    rq = athena_req();
    rc = http_perform(c, &rq, &resp, &e);
    CHECK_INT(rc, 0, "200 answer");
    CHECK_INT(resp.status, 200, "status 200");
    CHECK_INT(resp.attempts, 1, "one attempt");
    CHECK_STR(sb_str(&resp.body), "{\"WorkGroup\":{}}", "body collected");
    CHECK_STR(resp.request_id, "req-1", "request id header");
    CHECK_STR(resp.content_type, "application/x-amz-json-1.1", "content type header");
    CHECK_INT(resp.content_length, 16, "content length header");
    CHECK_INT(srv_nseen(), 1, "server saw one request");
    seen_request s0 = srv.seen[0];
    CHECK_STR(s0.method, "POST", "method");
    CHECK_STR(s0.path, "/", "path");
    CHECK_STR(s0.body, "{\"WorkGroup\":\"primary\"}", "body sent");
    char hosthdr[64];
    snprintf(hosthdr, sizeof hosthdr, "\r\nHost: 127.0.0.1:%d\r\n", srv.port);
    CHECK(strcasestr(s0.headers, hosthdr + 2) != NULL, "Host header with port");
    CHECK(header_has(&s0, "X-Amz-Target: AmazonAthena.GetWorkGroup"), "target header");
    CHECK(header_has(&s0, "X-Amz-Date: "), "date header");
    CHECK(header_has(&s0, "X-Amz-Security-Token: TOKEN-0"), "token header");
    CHECK(header_has(&s0, "Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/"),
          "authorization credential");
    CHECK(header_has(&s0, "/us-east-1/athena/aws4_request, SignedHeaders=content-type;host;x-amz-date;"
                          "x-amz-security-token;x-amz-target, Signature="),
          "signed headers for athena");
    CHECK(!header_has(&s0, "x-amz-content-sha256"), "no content sha header for athena");
    CHECK(!header_has(&s0, "Expect:"), "no Expect: 100-continue");
    rc = http_perform(c, &rq, &resp, &e);
    CHECK_INT(rc, 0, "second request");
    CHECK_INT(srv.connections, 1, "keep-alive: one connection for two requests");

    /* 2. 503, 502 then 200: retried */
    srv_script((scripted[]){{ACT_RESPOND, 503, NULL, "", 0}, {ACT_RESPOND, 502, NULL, "", 0}}, 2, OK200);
    rc = http_perform(c, &rq, &resp, &e);
    CHECK_INT(rc, 0, "5xx then success");
    CHECK_INT(resp.status, 200, "final 200");
    CHECK_INT(resp.attempts, 3, "three attempts");

    /* 3. throttling until retries run out (no throttle patience) */
    http_client_set_throttle_patience(c, 0);
    scripted thr = {ACT_RESPOND, 400, NULL, "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}", 0};
    srv_script(NULL, 0, thr);
    rc = http_perform(c, &rq, &resp, &e);
    CHECK_INT(rc, -1, "throttled to the end");
    CHECK_INT(e.code, AE_THROTTLED, "AE_THROTTLED");
    CHECK_INT(e.native, 400, "native = status");
    CHECK_STR(e.aws_type, "ThrottlingException", "aws type");
    CHECK_INT(resp.attempts, 4, "1 + MaxRetries attempts");
    CHECK_INT(srv_nseen(), 4, "server saw 4 requests");
    CHECK_STR(e.message, "GetWorkGroup failed after 4 attempts: HTTP 400 ThrottlingException: Rate exceeded",
              "throttled message");

    /* 3b. within the throttle patience, throttled attempts do not use up
     * MaxRetries (3): 6 throttles, then the answer */
    http_client_set_throttle_patience(c, 60000);
    srv_script((scripted[]){thr, thr, thr, thr, thr, thr}, 6, OK200);
    rc = http_perform(c, &rq, &resp, &e);
    CHECK_INT(rc, 0, "6 throttles then success with MaxRetries 3");
    CHECK_INT(resp.status, 200, "the answer after the throttles");
    CHECK_INT(resp.attempts, 7, "7 attempts");
    /* ... but server errors still do */
    srv_script((scripted[]){thr, thr, {ACT_RESPOND, 503, NULL, "", 0}, {ACT_RESPOND, 503, NULL, "", 0},
                            {ACT_RESPOND, 503, NULL, "", 0}, {ACT_RESPOND, 503, NULL, "", 0}}, 6, OK200);
    rc = http_perform(c, &rq, &resp, &e);
    CHECK_INT(rc, -1, "2 throttles then 503s: MaxRetries counts the 503s");
    CHECK_INT(resp.attempts, 6, "2 free throttled attempts + 1 + MaxRetries");
    CHECK_INT(e.code, AE_SERVER, "the last 503 reported");

    /* 3c. the process-wide rate limiter: a throttle turns it on (nothing
     * measured yet: 0.5 tokens/s, so the retry waits 2 s for its token),
     * and a request held by the limiter is cancelled without being sent */
    http_client_set_rate_limit(c, true);
    rl_reset_all();
    rate_limiter *lim = rl_for(url, "GetWorkGroup");
    srv_script((scripted[]){thr}, 1, OK200);
    rc = http_perform(c, &rq, &resp, &e);
    CHECK_INT(rc, 0, "throttled once then answered through the limiter");
    CHECK_INT(resp.attempts, 2, "two attempts");
    CHECK(rl_enabled(lim), "the limiter of this endpoint and operation is on");
    CHECK(rl_fill_rate(lim) == 2 * rl_measured_rate(lim), "after 2 s the cubic curve (3.2/s) is capped at twice the measured rate: %g, %g",
          rl_fill_rate(lim), rl_measured_rate(lim));
    int seen_before = srv_nseen();
    http_request held = athena_req();
    cancel_flag = 0;
    held.cancel_flag = &cancel_flag;
    pthread_t canceller;
    pthread_create(&canceller, NULL, cancel_later, NULL);
    rc = http_perform(c, &held, &resp, &e);
    pthread_join(canceller, NULL);
    CHECK_INT(rc, -1, "cancelled while the limiter held it");
    CHECK_INT(e.code, AE_CANCELLED, "AE_CANCELLED from the limiter's wait");
    CHECK_INT(srv_nseen(), seen_before, "the held request was never sent");
    rl_reset_all();
    http_client_set_rate_limit(c, false);

    /* TooManyRequestsException then success */
    srv_script((scripted[]){{ACT_RESPOND, 400, NULL,
                             "{\"__type\":\"TooManyRequestsException\",\"Message\":\"x\",\"Reason\":\"CONCURRENT_QUERY_LIMIT_EXCEEDED\"}", 0}},
               1, OK200);
    rc = http_perform(c, &rq, &resp, &e);
    CHECK_INT(rc, 0, "TooManyRequests retried");
    CHECK_INT(resp.attempts, 2, "two attempts");

    /* 4. server errors to the end */
    srv_script(NULL, 0, (scripted){ACT_RESPOND, 500, NULL, "{\"__type\":\"InternalServerException\",\"Message\":\"boom\"}", 0});
    rc = http_perform(c, &rq, &resp, &e);
    CHECK_INT(rc, -1, "500 to the end");
    CHECK_INT(e.code, AE_SERVER, "AE_SERVER");
    CHECK_INT(e.native, 500, "native 500");
    CHECK_INT(resp.attempts, 4, "4 attempts");
    CHECK_STR(resp.aws_error_message, "boom", "message of the last answer");

    /* 5. a non-retryable request gets one attempt */
    srv_script(NULL, 0, (scripted){ACT_RESPOND, 503, NULL, "", 0});
    http_request once = athena_req();
    once.retryable = false;
    rc = http_perform(c, &once, &resp, &e);
    CHECK_INT(rc, -1, "503 without retry");
    CHECK_INT(e.code, AE_SERVER, "AE_SERVER once");
    CHECK_INT(resp.attempts, 1, "one attempt only");

    /* 6. a client error is handed back, not retried */
    srv_script(NULL, 0, (scripted){ACT_RESPOND, 400, NULL,
                                   "{\"__type\":\"com.amazonaws.athena#InvalidRequestException\",\"Message\":\"bad\"}", 0});
    rc = http_perform(c, &rq, &resp, &e);
    CHECK_INT(rc, 0, "400 is an answer");
    CHECK_INT(resp.status, 400, "status 400");
    CHECK_INT(resp.attempts, 1, "no retry of 400");
    CHECK_STR(resp.aws_error_type, "InvalidRequestException", "type parsed");
    CHECK_STR(resp.aws_error_message, "bad", "message parsed");

    /* 7. expired token: refresh and retry once */
    srv_script((scripted[]){{ACT_RESPOND, 400, NULL,
                             "{\"__type\":\"ExpiredTokenException\",\"message\":\"The security token included in the request is expired\"}", 0}},
               1, OK200);
    int refreshes_before = tp.refreshes;
    rc = http_perform(c, &rq, &resp, &e);
    CHECK_INT(rc, 0, "expired then ok");
    CHECK_INT(resp.status, 200, "200 after refresh");
    CHECK_INT(tp.refreshes, refreshes_before + 1, "one forced refresh");
    CHECK(header_has(&srv.seen[1], "X-Amz-Security-Token: TOKEN-1"), "retry carries the new token");
    srv_script(NULL, 0, (scripted){ACT_RESPOND, 400, NULL, "{\"__type\":\"ExpiredTokenException\",\"message\":\"expired\"}", 0});
    rc = http_perform(c, &rq, &resp, &e);
    CHECK_INT(rc, 0, "still expired: answer handed back");
    CHECK_INT(resp.attempts, 2, "refresh retried only once");
    CHECK_STR(resp.aws_error_type, "ExpiredTokenException", "expired type");

    /* 8. connection closed without an answer, then ok. libcurl itself
     * resends once when a reused keep-alive connection turns out closed, so
     * the first drop is absorbed there and the second (on a fresh
     * connection) is ours to retry. */
    srv_script((scripted[]){{ACT_CLOSE, 0, NULL, NULL, 0}, {ACT_CLOSE, 0, NULL, NULL, 0}}, 2, OK200);
    rc = http_perform(c, &rq, &resp, &e);
    CHECK_INT(rc, 0, "broken connection retried");
    CHECK_INT(resp.attempts, 2, "two attempts after a drop");
    CHECK_INT(srv_nseen(), 3, "server saw the request three times");
    srv_script(NULL, 0, (scripted){ACT_CLOSE, 0, NULL, NULL, 0});
    rc = http_perform(c, &rq, &resp, &e);
    CHECK_INT(rc, -1, "always dropped");
    CHECK_INT(e.code, AE_LINK, "AE_LINK");
    CHECK_INT(resp.attempts, 4, "dropped 4 times");
    CHECK(strstr(e.message, "(after 4 attempts)") != NULL, "link message counts attempts: %s", e.message);

    /* 9. request timeout */
    srv_script(NULL, 0, (scripted){ACT_DELAY, 200, NULL, "{}", 1000});
    double t0 = mono_ms();
    rc = http_perform(c, &rq, &resp, &e);
    double took = mono_ms() - t0;
    CHECK_INT(rc, -1, "timeout");
    CHECK_INT(e.code, AE_REQUEST_TIMEOUT, "AE_REQUEST_TIMEOUT");
    CHECK_INT(resp.attempts, 4, "timeouts are retried");
    CHECK(took >= 4 * 400 && took < 4 * 400 + 4 * 40 + 1500, "timeout bounded: %.0f ms", took);

    /* 10. cancel while waiting between retries */
    http_client_set_backoff(c, 3000, 3000);
    srv_script(NULL, 0, (scripted){ACT_RESPOND, 503, NULL, "", 0});
    http_request cq = athena_req();
    cancel_flag = 0;
    cq.cancel_flag = &cancel_flag;
    pthread_t ct;
    /* keep drawing until the delay is long enough to be interrupted (full jitter may draw 0) */
    int tries = 0;
    do {
        cancel_flag = 0;
        pthread_create(&ct, NULL, cancel_later, NULL);
        t0 = mono_ms();
        rc = http_perform(c, &cq, &resp, &e);
        took = mono_ms() - t0;
        pthread_join(ct, NULL);
    } while (rc == -1 && e.code != AE_CANCELLED && ++tries < 5);
    CHECK_INT(rc, -1, "cancelled");
    CHECK_INT(e.code, AE_CANCELLED, "AE_CANCELLED");
    CHECK(took < 1500, "cancel interrupts the backoff: %.0f ms", took);
    http_client_set_backoff(c, 5, 40);

    /* 11. backoff stays under its cap: 3 retries with base 20, cap 50 */
    http_client_set_backoff(c, 20, 50);
    srv_script(NULL, 0, (scripted){ACT_RESPOND, 503, NULL, "", 0});
    t0 = mono_ms();
    rc = http_perform(c, &rq, &resp, &e);
    took = mono_ms() - t0;
    CHECK_INT(resp.attempts, 4, "4 attempts");
    CHECK(took < 20 + 40 + 50 + 400, "total wait below the sum of caps: %.0f ms", took);
    http_client_set_backoff(c, 5, 40);

    /* 12. S3: XML errors, SlowDown retried, content hash signed, sink */
    static const char *s3h[] = {"Range: bytes=0-9", NULL};
    http_request s3 = {0};
    char s3url[160];
    snprintf(s3url, sizeof s3url, "http://127.0.0.1:%d/bucket/key%%20x.csv?versionId=1", srv.port);
    s3.method = "GET";
    s3.url = s3url;
    s3.service = "s3";
    s3.headers = s3h;
    s3.operation = "GetObject";
    s3.retryable = true;
    sink_state ss = {STRBUF_INIT, 0};
    s3.sink = collect;
    s3.sink_ud = &ss;
    srv_script((scripted[]){{ACT_RESPOND, 503, NULL, "<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>", 0},
                            {ACT_RESPOND, 206, "Content-Range: bytes 0-9/100\r\n", "0123456789", 0}},
               2, OK200);
    rc = http_perform(c, &s3, &resp, &e);
    CHECK_INT(rc, 0, "s3 get");
    CHECK_INT(resp.status, 206, "206");
    CHECK_INT(resp.attempts, 2, "SlowDown retried");
    CHECK_STR(sb_str(&ss.got), "0123456789", "body went to the sink");
    CHECK_STR(sb_str(&resp.body), "", "not to the buffer");
    CHECK_STR(resp.content_range, "bytes 0-9/100", "content range");
    CHECK_STR(srv.seen[1].path, "/bucket/key%20x.csv?versionId=1", "s3 path and query on the wire");
    CHECK(header_has(&srv.seen[1], "x-amz-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
          "s3 content hash header");
    CHECK(header_has(&srv.seen[1], "/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date;"
                                   "x-amz-security-token, Signature="),
          "s3 signed headers");
    sb_reset(&ss.got);
    srv_script(NULL, 0, (scripted){ACT_RESPOND, 404, NULL, "<Error><Code>NoSuchKey</Code><Message>gone</Message></Error>", 0});
    rc = http_perform(c, &s3, &resp, &e);
    CHECK_INT(rc, 0, "404 is an answer");
    CHECK_INT(resp.status, 404, "404");
    CHECK_STR(resp.aws_error_type, "NoSuchKey", "xml error type");
    CHECK_STR(resp.aws_error_message, "gone", "xml error message");
    CHECK_STR(sb_str(&ss.got), "", "error body not sunk");
    sb_free(&ss.got);

    /* 12b. a ranged GET (range_from/range_len): the Range header is signed;
     * a body that breaks midway is resumed at the first byte not received
     * (that attempt is free), a 503 on the way is retried; every byte once */
    s3.headers = NULL;
    s3.range_from = 10;
    s3.range_len = 10;
    srv_script((scripted[]){{ACT_CUT, 206, "Content-Range: bytes 10-19/100\r\n", "ABCD", 6},
                            {ACT_RESPOND, 503, NULL, "", 0},
                            {ACT_RESPOND, 206, "Content-Range: bytes 14-19/100\r\n", "EFGHIJ", 0}},
               3, OK200);
    rc = http_perform(c, &s3, &resp, &e);
    CHECK_INT(rc, 0, "ranged get resumed");
    CHECK_INT(resp.status, 206, "206");
    CHECK_INT(resp.attempts, 3, "three attempts");
    CHECK_STR(sb_str(&ss.got), "ABCDEFGHIJ", "every byte once");
    CHECK(header_has(&srv.seen[0], "Range: bytes=10-19"), "first attempt asks the range");
    CHECK(header_has(&srv.seen[1], "Range: bytes=14-19") && header_has(&srv.seen[2], "Range: bytes=14-19"),
          "then the rest of it");
    CHECK(header_has(&srv.seen[2], "SignedHeaders=host;range;x-amz-content-sha256;"), "the Range header is signed");
    /* breaks that bring bytes do not use up retries (MaxRetries=3) */
    sb_reset(&ss.got);
    srv_script((scripted[]){{ACT_CUT, 206, "Content-Range: bytes 10-19/100\r\n", "A", 9},
                            {ACT_CUT, 206, "Content-Range: bytes 11-19/100\r\n", "B", 8},
                            {ACT_CUT, 206, "Content-Range: bytes 12-19/100\r\n", "C", 7},
                            {ACT_CUT, 206, "Content-Range: bytes 13-19/100\r\n", "D", 6},
                            {ACT_CUT, 206, "Content-Range: bytes 14-19/100\r\n", "E", 5},
                            {ACT_RESPOND, 206, "Content-Range: bytes 15-19/100\r\n", "FGHIJ", 0}},
               6, OK200);
    rc = http_perform(c, &s3, &resp, &e);
    CHECK_INT(rc, 0, "five breaks, each after a byte");
    CHECK_INT(resp.attempts, 6, "six attempts");
    CHECK_STR(sb_str(&ss.got), "ABCDEFGHIJ", "every byte once");
    /* answers that are not the range asked for */
    static const struct {
        scripted answer;
        const char *msg;
    } bad_ranges[] = {
        {{ACT_RESPOND, 206, "Content-Range: bytes 0-9/100\r\n", "0123456789", 0},
         "GetObject: the answer is not the range asked for"},
        {{ACT_RESPOND, 200, NULL, "0123456789", 0}, "GetObject: the answer is not the range asked for (HTTP 200)"},
        {{ACT_RESPOND, 206, "Content-Range: bytes 10-21/100\r\n", "ABCDEFGHIJKL", 0},
         "GetObject: the answer holds more bytes than the range asked for"},
    };
    for (size_t i = 0; i < sizeof bad_ranges / sizeof bad_ranges[0]; i++) {
        sb_reset(&ss.got);
        srv_script(&bad_ranges[i].answer, 1, OK200);
        rc = http_perform(c, &s3, &resp, &e);
        CHECK(rc == -1 && e.code == AE_BAD_RESPONSE && !strcmp(e.message, bad_ranges[i].msg),
              "bad range answer %zu: %s", i, e.message);
        CHECK_INT(srv_nseen(), 1, "not retried");
        CHECK_INT((long)ss.got.len, 0, "nothing sunk");
    }
    /* a whole object asked as a range from 0 may come as 200 */
    sb_reset(&ss.got);
    s3.range_from = 0;
    srv_script((scripted[]){{ACT_RESPOND, 200, NULL, "0123456789", 0}}, 1, OK200);
    rc = http_perform(c, &s3, &resp, &e);
    CHECK(rc == 0 && resp.status == 200 && !strcmp(sb_str(&ss.got), "0123456789"), "200 with the whole range");
    sb_free(&ss.got);

    /* 13. unsigned request (service NULL) carries no Authorization */
    srv_script(NULL, 0, OK200);
    http_request plain = {.method = "GET", .url = url, .operation = "Plain", .retryable = true};
    rc = http_perform(c, &plain, &resp, &e);
    CHECK_INT(rc, 0, "unsigned get");
    CHECK(!header_has(&srv.seen[0], "Authorization:"), "no authorization when unsigned");

    http_client_free(c);

    test_status_mapping();
    test_response_mapping();
    test_client(&cfg, &tp.base, log);

    /* 14. a fresh client that cannot connect fails at once */
    int dead_port;
    int dead = listen_loopback(&dead_port);
    close(dead); /* nothing listens there now */
    char dead_url[64];
    snprintf(dead_url, sizeof dead_url, "http://127.0.0.1:%d/", dead_port);
    c = http_client_new(&cfg, &tp.base, log, &e);
    http_request dq = athena_req();
    dq.url = dead_url;
    t0 = mono_ms();
    rc = http_perform(c, &dq, &resp, &e);
    took = mono_ms() - t0;
    CHECK_INT(rc, -1, "refused");
    CHECK_INT(e.code, AE_CONNECT, "AE_CONNECT");
    CHECK_INT(resp.attempts, 1, "no retry before the first connection");
    CHECK(strstr(e.message, "Cannot connect to 127.0.0.1:") == e.message, "connect message: %s", e.message);
    CHECK(took < 1000, "fails fast: %.0f ms", took);
    dq.url = "http://nonexistent-host.invalid/";
    rc = http_perform(c, &dq, &resp, &e);
    CHECK_INT(rc, -1, "unresolvable");
    CHECK_INT(e.code, AE_CONNECT, "AE_CONNECT for DNS");
    CHECK(strstr(e.message, "Cannot resolve nonexistent-host.invalid") == e.message, "dns message: %s", e.message);
    http_client_free(c);

    /* 15. nothing secret reached the log */
    const char *lp = log_file_path(log);
    char logpath[512];
    snprintf(logpath, sizeof logpath, "%s", lp ? lp : "");
    log_close(log);
    char *text = th_read_file(logpath, NULL);
    CHECK(text != NULL && strstr(text, "GetWorkGroup -> HTTP 200") != NULL, "attempts logged");
    CHECK(text && strstr(text, "wJalrXUtnFEMI") == NULL, "no secret key in the log");
    CHECK(text && strstr(text, "TOKEN-") == NULL, "no session token in the log");
    CHECK(text && strstr(text, "Signature=") == NULL, "no signature in the log");
    CHECK(text && strstr(text, "Authorization") == NULL, "no authorization header in the log");
    free(text);
    unlink(logpath);
    rmdir(logdir);

    http_response_free(&resp);
    config_free(&cfg);
    sb_free(&cerr);
    CANCEL_SET(srv.stop, 1);
    pthread_join(acc, NULL);
    close(srv.listen_fd);
    return th_done();
}
