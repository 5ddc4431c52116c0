/* athena_client.c - Athena's JSON 1.1 API through http_perform.
 *
 * Every call is POST / with Content-Type application/x-amz-json-1.1 and
 * X-Amz-Target AmazonAthena.<Operation>, signed for service "athena"
 * (content-type;host;x-amz-date;x-amz-target, plus x-amz-security-token).
 * Requests are built and control-plane answers parsed with Jansson; result
 * pages are handed back raw for page_decode. */
#include "athena_client.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>
#include <openssl/rand.h>

struct athena_client {
    http_client *http;
    athena_log *log;
    char *url;
};

athena_client *athena_client_new(const athena_config *cfg, http_client *http, athena_log *log,
                                 athena_error *err)
{
    char *endpoint = config_athena_endpoint(cfg);
    if (!endpoint) {
        ae_set(err, AE_CONFIG_MISSING, 0,
               "AwsRegion is required: set AwsRegion (or AWS_REGION in the environment), or EndpointOverride");
        return NULL;
    }
    athena_client *c = calloc(1, sizeof *c);
    strbuf u = STRBUF_INIT;
    sb_appends(&u, endpoint);
    sb_appendc(&u, '/');
    free(endpoint);
    if (!c || u.oom) {
        free(c);
        sb_free(&u);
        ae_set(err, AE_NOMEM, 0, "Out of memory creating the Athena client");
        return NULL;
    }
    c->http = http;
    c->log = log;
    c->url = sb_detach(&u);
    return c;
}

void athena_client_free(athena_client *c)
{
    if (!c)
        return;
    free(c->url);
    free(c);
}

int ac_new_request_token(char out[37])
{
    unsigned char b[16];
    if (RAND_bytes(b, sizeof b) != 1)
        return -1;
    b[6] = (unsigned char)((b[6] & 0x0f) | 0x40); /* version 4 */
    b[8] = (unsigned char)((b[8] & 0x3f) | 0x80); /* RFC 4122 variant */
    static const char hx[] = "0123456789abcdef";
    int o = 0;
    for (int i = 0; i < 16; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out[o++] = '-';
        out[o++] = hx[b[i] >> 4];
        out[o++] = hx[b[i] & 15];
    }
    out[o] = '\0';
    return 0;
}

/* ---- error mapping ---- */

static bool starts_with(const char *s, const char *p) { return strncmp(s, p, strlen(p)) == 0; }

/* Athena's synchronous parse errors ("line 1:8: mismatched input ..."). */
static bool looks_like_syntax_error(const char *msg, const char *athena_code)
{
    if (athena_code && !strcmp(athena_code, "MALFORMED_QUERY"))
        return true;
    if (!msg)
        return false;
    return strstr(msg, "mismatched input") || strstr(msg, "extraneous input") ||
           strstr(msg, "no viable alternative") || starts_with(msg, "SYNTAX_ERROR");
}

static bool type_in(const char *t, const char *const *list)
{
    for (; *list; list++)
        if (!strcmp(t, *list))
            return true;
    return false;
}

void ac_response_to_error(const http_response *resp, const char *operation, athena_error *err)
{
    static const char *const auth[] = {"UnrecognizedClientException", "InvalidSignatureException",
                                       "ExpiredTokenException", "IncompleteSignature",
                                       "IncompleteSignatureException", "InvalidClientTokenId",
                                       "MissingAuthenticationToken", "SignatureDoesNotMatch", NULL};
    static const char *const denied[] = {"AccessDeniedException", "AccessDenied", NULL};
    static const char *const notfound[] = {"ResourceNotFoundException", "MetadataException", NULL};
    static const char *const throttled[] = {"ThrottlingException", "TooManyRequestsException", NULL};
    const char *type = resp->aws_error_type;
    const char *msg = resp->aws_error_message;

    /* AthenaErrorCode rides along in the body of InvalidRequestException */
    char athena_code[64] = "";
    if (resp->body.len && resp->body.data[0] == '{') {
        json_error_t je;
        json_t *root = json_loadb(resp->body.data, resp->body.len, 0, &je);
        const char *ac = root ? json_string_value(json_object_get(root, "AthenaErrorCode")) : NULL;
        if (ac)
            snprintf(athena_code, sizeof athena_code, "%s", ac);
        json_decref(root);
    }

    ae_code code;
    if (type_in(type, auth))
        code = AE_AUTH;
    else if (type_in(type, denied))
        code = AE_ACCESS_DENIED;
    else if (!strcmp(type, "InvalidRequestException")) {
        if (looks_like_syntax_error(msg, athena_code))
            code = AE_SYNTAX;
        else if ((strstr(msg, "WorkGroup") || strstr(msg, "QueryExecution")) &&
                 (strstr(msg, "is not found") || strstr(msg, "was not found")))
            code = AE_NOT_FOUND;
        else
            code = AE_INVALID_REQUEST;
    } else if (!strcmp(type, "MetadataException") && strstr(msg, "is not authorized to perform"))
        code = AE_ACCESS_DENIED; /* a federated catalog's Lambda the caller may not invoke */
    else if (type_in(type, notfound))
        code = AE_NOT_FOUND;
    else if (type_in(type, throttled))
        code = AE_THROTTLED;
    else if (resp->status >= 500)
        code = AE_SERVER;
    else
        code = AE_GENERAL;

    if (msg[0])
        ae_set(err, code, resp->status, "%s", msg);
    else
        ae_set(err, code, resp->status, "%s failed: HTTP %ld%s%s",
               operation ? operation : "Athena request", resp->status, type[0] ? " " : "", type);
    if (err)
        snprintf(err->aws_type, sizeof err->aws_type, "%s", type);
}

void ac_status_to_error(const query_status *st, athena_error *err)
{
    static const struct { const char *prefix; ae_code code; } map[] = {
        {"TABLE_NOT_FOUND", AE_TABLE_NOT_FOUND},   {"COLUMN_NOT_FOUND", AE_COLUMN_NOT_FOUND},
        {"DIVISION_BY_ZERO", AE_DIVISION_BY_ZERO}, {"INVALID_CAST_ARGUMENT", AE_INVALID_CAST},
        {"SYNTAX_ERROR", AE_SYNTAX},
    };
    const char *reason = st->state_change_reason;
    ae_code code = st->state == QS_CANCELLED ? AE_CANCELLED : AE_QUERY_FAILED;
    const char *name = NULL;
    if (code == AE_QUERY_FAILED) {
        for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
            if (starts_with(st->error_type, map[i].prefix) || starts_with(reason, map[i].prefix)) {
                code = map[i].code;
                name = map[i].prefix;
                break;
            }
        }
    }
    if (reason[0])
        ae_set(err, code, 0, "%s", reason);
    else if (code == AE_CANCELLED)
        ae_set(err, code, 0, "Query was cancelled");
    else
        ae_set(err, code, 0, "Query failed%s%s", st->error_type[0] ? ": " : "", st->error_type);
    if (!err)
        return;
    if (name) {
        snprintf(err->aws_type, sizeof err->aws_type, "%s", name);
    } else {
        /* "GENERIC_INTERNAL_ERROR: ..." -> its name, else Athena's ErrorType */
        size_t n = 0;
        while (reason[n] && (isupper((unsigned char)reason[n]) || reason[n] == '_' ||
                             isdigit((unsigned char)reason[n])))
            n++;
        if (n > 0 && reason[n] == ':' && n < sizeof err->aws_type)
            snprintf(err->aws_type, sizeof err->aws_type, "%.*s", (int)n, reason);
        else
            snprintf(err->aws_type, sizeof err->aws_type, "%s", st->error_type);
    }
}

/* ---- the calls ---- */

static _Thread_local volatile const int *thread_cancel_flag;

void ac_set_cancel_flag(volatile const int *flag) { thread_cancel_flag = flag; }

/* Performs one Athena operation. On success (HTTP 2xx) resp holds the
 * answer and 0 is returned; otherwise err is filled and -1 returned. */
static int call(athena_client *c, const char *op, json_t *req_body, bool retryable,
                http_response *resp, athena_error *err)
{
    char *body = json_dumps(req_body, JSON_COMPACT);
    if (!body)
        return ae_set(err, AE_NOMEM, 0, "Out of memory building the %s request", op);
    char target[96];
    snprintf(target, sizeof target, "X-Amz-Target: AmazonAthena.%s", op);
    const char *headers[] = {"Content-Type: application/x-amz-json-1.1", target, NULL};
    http_request rq = {0};
    rq.method = "POST";
    rq.url = c->url;
    rq.service = "athena";
    rq.headers = headers;
    rq.body = body;
    rq.body_len = strlen(body);
    rq.operation = op;
    rq.retryable = retryable;
    rq.cancel_flag = thread_cancel_flag;
    int rc = http_perform(c->http, &rq, resp, err);
    free(body);
    if (rc != 0)
        return -1;
    if (resp->status < 200 || resp->status >= 300) {
        ac_response_to_error(resp, op, err);
        LOG_AT(c->log, LOG_DEBUG, "%s failed: HTTP %ld %s", op, resp->status, resp->aws_error_type);
        return -1;
    }
    return 0;
}

/* call() with a body built for it: NULL (the JSON library ran out of
 * memory) is AE_NOMEM; the body is freed either way. Retryable. */
static int call_with(athena_client *c, const char *op, json_t *body, http_response *resp, athena_error *err)
{
    if (!body)
        return ae_set(err, AE_NOMEM, 0, "Out of memory");
    int rc = call(c, op, body, true, resp, err);
    json_decref(body);
    return rc;
}

static json_t *parse_answer(const http_response *resp, const char *op, athena_error *err)
{
    json_error_t je;
    json_t *root = json_loadb(resp->body.data ? resp->body.data : "", resp->body.len, 0, &je);
    if (!root || !json_is_object(root)) {
        json_decref(root);
        ae_set(err, AE_BAD_RESPONSE, resp->status, "%s: the answer is not a JSON object (%s)", op,
               root ? "not an object" : je.text);
        return NULL;
    }
    return root;
}

static int set_str(json_t *obj, const char *key, const char *v)
{
    if (!v || !*v)
        return 0;
    return json_object_set_new(obj, key, json_string(v));
}

/* The QueryExecutionId of a StartQueryExecution answer into qid. */
static int take_query_id(athena_client *c, const http_response *resp, const char *op, char qid[128],
                         athena_error *err)
{
    json_t *root = parse_answer(resp, op, err);
    if (!root)
        return -1;
    const char *id = json_string_value(json_object_get(root, "QueryExecutionId"));
    int rc = 0;
    if (!id || !*id || strlen(id) >= 128) {
        rc = ae_set(err, AE_BAD_RESPONSE, resp->status, "%s: the answer has no valid QueryExecutionId", op);
    } else {
        snprintf(qid, 128, "%s", id);
        LOG_AT(c->log, LOG_DEBUG, "%s -> %s (%d attempt%s)", op, qid, resp->attempts,
               resp->attempts == 1 ? "" : "s");
    }
    json_decref(root);
    return rc;
}

int ac_start_query(athena_client *c, const char *sql, const start_options *opt, char qid[128],
                   athena_error *err)
{
    const char *op = "StartQueryExecution";
    qid[0] = '\0';
    char token[37];
    if (ac_new_request_token(token) != 0)
        return ae_set(err, AE_GENERAL, 0, "Cannot generate a ClientRequestToken: no randomness");

    json_t *b = json_object();
    json_t *ctx = json_object();
    json_t *rc_ = json_object();
    if (!b || !ctx || !rc_) {
        json_decref(b);
        json_decref(ctx);
        json_decref(rc_);
        return ae_set(err, AE_NOMEM, 0, "Out of memory");
    }
    json_object_set_new(b, "QueryString", json_string(sql ? sql : ""));
    json_object_set_new(b, "ClientRequestToken", json_string(token));
    if (opt) {
        set_str(ctx, "Database", opt->schema);
        set_str(ctx, "Catalog", opt->catalog);
        set_str(rc_, "OutputLocation", opt->output_location);
        if (opt->enc_option && *opt->enc_option) {
            json_t *enc = json_object();
            set_str(enc, "EncryptionOption", opt->enc_option);
            set_str(enc, "KmsKey", opt->kms_key);
            json_object_set_new(rc_, "EncryptionConfiguration", enc);
        }
        set_str(rc_, "ExpectedBucketOwner", opt->expected_bucket_owner);
        if (opt->acl_option && *opt->acl_option)
            json_object_set_new(rc_, "AclConfiguration", json_pack("{s:s}", "S3AclOption", opt->acl_option));
        set_str(b, "WorkGroup", opt->workgroup);
        if (opt->result_reuse)
            json_object_set_new(b, "ResultReuseConfiguration",
                                json_pack("{s:{s:b,s:I}}", "ResultReuseByAgeConfiguration", "Enabled", 1,
                                          "MaxAgeInMinutes", (json_int_t)opt->result_reuse_max_age));
        if (opt->execution_parameter_count) {
            json_t *params = json_array();
            for (size_t i = 0; params && i < opt->execution_parameter_count; i++)
                json_array_append_new(params, json_string(opt->execution_parameters[i]));
            json_object_set_new(b, "ExecutionParameters", params);
        }
    }
    if (json_object_size(ctx))
        json_object_set_new(b, "QueryExecutionContext", ctx);
    else
        json_decref(ctx);
    if (json_object_size(rc_))
        json_object_set_new(b, "ResultConfiguration", rc_);
    else
        json_decref(rc_);

    /* the token makes the call idempotent: retries reuse it */
    http_response resp;
    http_response_init(&resp);
    int rc = call(c, op, b, true, &resp, err);
    if (rc == 0) {
        rc = take_query_id(c, &resp, op, qid, err);
    } else if (err->code == AE_CANCELLED) {
        /* SQLCancel cut the call short, but Athena may have started the
         * query: the same request once more (the same token, so Athena
         * answers the id of the query it started, or starts it now), one
         * attempt that SQLCancel does not stop, so that the caller can stop
         * the query. The call still fails with HY008. */
        volatile const int *flag = thread_cancel_flag;
        thread_cancel_flag = NULL;
        http_response_free(&resp);
        http_response_init(&resp);
        athena_error again;
        ae_clear(&again);
        if (call(c, op, b, false, &resp, &again) == 0 && take_query_id(c, &resp, op, qid, &again) == 0)
            LOG_AT(c->log, LOG_DEBUG, "%s was cancelled after Athena started query %s", op, qid);
        thread_cancel_flag = flag;
    }
    json_decref(b);
    http_response_free(&resp);
    return rc;
}

static query_state parse_state(const char *s)
{
    if (!s)
        return QS_UNKNOWN;
    if (!strcmp(s, "QUEUED"))
        return QS_QUEUED;
    if (!strcmp(s, "RUNNING"))
        return QS_RUNNING;
    if (!strcmp(s, "SUCCEEDED"))
        return QS_SUCCEEDED;
    if (!strcmp(s, "FAILED"))
        return QS_FAILED;
    if (!strcmp(s, "CANCELLED"))
        return QS_CANCELLED;
    return QS_UNKNOWN;
}

static void copy_json_str(char *dst, size_t n, json_t *v)
{
    const char *s = json_string_value(v);
    snprintf(dst, n, "%s", s ? s : "");
}

static long long json_ll(json_t *v)
{
    return json_is_number(v) ? (long long)json_number_value(v) : 0;
}

int ac_get_query_execution(athena_client *c, const char *qid, query_status *st, athena_error *err)
{
    const char *op = "GetQueryExecution";
    memset(st, 0, sizeof *st);
    st->state = QS_UNKNOWN;
    http_response resp;
    http_response_init(&resp);
    int rc = call_with(c, op, json_pack("{s:s}", "QueryExecutionId", qid ? qid : ""), &resp, err);
    if (rc == 0) {
        json_t *root = parse_answer(&resp, op, err);
        json_t *qe = root ? json_object_get(root, "QueryExecution") : NULL;
        json_t *status = qe ? json_object_get(qe, "Status") : NULL;
        const char *state = status ? json_string_value(json_object_get(status, "State")) : NULL;
        if (!root) {
            rc = -1;
        } else if (!json_is_object(qe) || !json_is_object(status) || !state) {
            ae_set(err, AE_BAD_RESPONSE, resp.status, "%s: the answer has no QueryExecution.Status.State", op);
            rc = -1;
        } else {
            st->state = parse_state(state);
            copy_json_str(st->statement_type, sizeof st->statement_type, json_object_get(qe, "StatementType"));
            copy_json_str(st->substatement_type, sizeof st->substatement_type,
                          json_object_get(qe, "SubstatementType"));
            json_t *rcfg = json_object_get(qe, "ResultConfiguration");
            copy_json_str(st->output_location, sizeof st->output_location,
                          rcfg ? json_object_get(rcfg, "OutputLocation") : NULL);
            copy_json_str(st->state_change_reason, sizeof st->state_change_reason,
                          json_object_get(status, "StateChangeReason"));
            json_t *done = json_object_get(status, "CompletionDateTime");
            st->completion_s = json_is_number(done) ? json_number_value(done) : 0.0;
            json_t *ae = json_object_get(status, "AthenaError");
            if (json_is_object(ae)) {
                json_t *et = json_object_get(ae, "ErrorType");
                if (json_is_string(et))
                    copy_json_str(st->error_type, sizeof st->error_type, et);
                else if (json_is_number(et))
                    snprintf(st->error_type, sizeof st->error_type, "%lld", json_ll(et));
                st->error_category = (int)json_ll(json_object_get(ae, "ErrorCategory"));
                st->error_retryable = json_is_true(json_object_get(ae, "Retryable"));
                if (!st->state_change_reason[0])
                    copy_json_str(st->state_change_reason, sizeof st->state_change_reason,
                                  json_object_get(ae, "ErrorMessage"));
            }
            json_t *stats = json_object_get(qe, "Statistics");
            if (json_is_object(stats)) {
                st->data_scanned_bytes = json_ll(json_object_get(stats, "DataScannedInBytes"));
                st->engine_ms = json_ll(json_object_get(stats, "EngineExecutionTimeInMillis"));
                st->total_ms = json_ll(json_object_get(stats, "TotalExecutionTimeInMillis"));
                json_t *reuse = json_object_get(stats, "ResultReuseInformation");
                st->reused_previous_result =
                    json_is_object(reuse) && json_is_true(json_object_get(reuse, "ReusedPreviousResult"));
            }
            LOG_AT(c->log, LOG_DEBUG, "%s %s: %s", op, qid, state);
        }
        json_decref(root);
    }
    http_response_free(&resp);
    return rc;
}

int ac_stop_query(athena_client *c, const char *qid, athena_error *err)
{
    const char *op = "StopQueryExecution";
    http_response resp;
    http_response_init(&resp);
    int rc = call_with(c, op, json_pack("{s:s}", "QueryExecutionId", qid ? qid : ""), &resp, err);
    if (rc == 0)
        LOG_AT(c->log, LOG_DEBUG, "%s %s", op, qid);
    http_response_free(&resp);
    return rc;
}

int ac_get_results_page(athena_client *c, const char *qid, const char *next_token, int max_results,
                        strbuf *body, athena_error *err)
{
    const char *op = "GetQueryResults";
    sb_reset(body);
    if (max_results < 1)
        max_results = 1;
    if (max_results > 1000)
        max_results = 1000;
    json_t *b = json_pack("{s:s,s:i}", "QueryExecutionId", qid ? qid : "", "MaxResults", max_results);
    if (b && next_token && *next_token)
        json_object_set_new(b, "NextToken", json_string(next_token));
    http_response resp;
    http_response_init(&resp);
    int rc = call_with(c, op, b, &resp, err);
    if (rc == 0) {
        const char *p = sb_str(&resp.body);
        while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')
            p++;
        if (*p != '{') {
            ae_set(err, AE_BAD_RESPONSE, resp.status, "%s: the answer is not a JSON object", op);
            rc = -1;
        } else {
            /* hand the buffer over without copying */
            sb_free(body);
            *body = resp.body;
            sb_init(&resp.body);
            LOG_AT(c->log, LOG_DEBUG, "%s %s: %zu bytes%s", op, qid, body->len,
                   next_token ? " (next page)" : "");
        }
    }
    http_response_free(&resp);
    return rc;
}

int ac_get_workgroup(athena_client *c, const char *workgroup, athena_error *err)
{
    const char *op = "GetWorkGroup";
    http_response resp;
    http_response_init(&resp);
    int rc = call_with(c, op, json_pack("{s:s}", "WorkGroup", workgroup && *workgroup ? workgroup : "primary"),
                       &resp, err);
    if (rc == 0) {
        json_t *root = parse_answer(&resp, op, err);
        if (!root) {
            rc = -1;
        } else if (!json_is_object(json_object_get(root, "WorkGroup"))) {
            ae_set(err, AE_BAD_RESPONSE, resp.status, "%s: the answer has no WorkGroup", op);
            rc = -1;
        } else {
            LOG_AT(c->log, LOG_DEBUG, "%s %s: ok", op, workgroup ? workgroup : "primary");
        }
        json_decref(root);
    }
    http_response_free(&resp);
    return rc;
}

/* ---- metadata ---- */

/* Calls op with body b (consumed) and parses the answer; *root owns it. */
static int metadata_call(athena_client *c, const char *op, json_t *b, const char *next_in, json_t **root,
                         athena_error *err)
{
    *root = NULL;
    if (!b)
        return ae_set(err, AE_NOMEM, 0, "Out of memory");
    if (next_in && *next_in)
        json_object_set_new(b, "NextToken", json_string(next_in));
    http_response resp;
    http_response_init(&resp);
    int rc = call(c, op, b, true, &resp, err);
    json_decref(b);
    if (rc == 0 && !(*root = parse_answer(&resp, op, err)))
        rc = -1;
    http_response_free(&resp);
    return rc;
}

static int take_next_token(json_t *root, const char *op, char next_out[AC_NEXT_TOKEN_MAX], athena_error *err)
{
    next_out[0] = '\0';
    json_t *t = json_object_get(root, "NextToken");
    if (!t || json_is_null(t))
        return 0;
    const char *s = json_string_value(t);
    if (!s || strlen(s) >= AC_NEXT_TOKEN_MAX)
        return ae_set(err, AE_BAD_RESPONSE, 0, "%s: the answer's NextToken is not a string of at most 1024 characters", op);
    snprintf(next_out, AC_NEXT_TOKEN_MAX, "%s", s);
    return 0;
}

/* The array `key` of the answer, each element an object with a string `name_key`. */
static json_t *answer_list(json_t *root, const char *op, const char *key, const char *name_key, athena_error *err)
{
    json_t *list = json_object_get(root, key);
    if (!json_is_array(list)) {
        ae_set(err, AE_BAD_RESPONSE, 0, "%s: the answer has no %s list", op, key);
        return NULL;
    }
    size_t i;
    json_t *item;
    json_array_foreach(list, i, item) {
        if (!json_is_object(item) || !json_is_string(json_object_get(item, name_key))) {
            ae_set(err, AE_BAD_RESPONSE, 0, "%s: item %zu of %s has no %s", op, i, key, name_key);
            return NULL;
        }
    }
    return list;
}

static int walk_names(athena_client *c, const char *op, json_t *b, const char *next_in,
                      char next_out[AC_NEXT_TOKEN_MAX], const char *key, const char *name_key,
                      const char *extra_key, ac_name_fn fn, void *ctx, athena_error *err)
{
    json_t *root;
    next_out[0] = '\0';
    if (metadata_call(c, op, b, next_in, &root, err) != 0)
        return -1;
    int rc = -1;
    json_t *list = answer_list(root, op, key, name_key, err);
    if (list && take_next_token(root, op, next_out, err) == 0) {
        size_t i;
        json_t *item;
        rc = 0;
        json_array_foreach(list, i, item) {
            const char *extra = json_string_value(json_object_get(item, extra_key));
            if (fn(ctx, json_string_value(json_object_get(item, name_key)), extra, err) != 0) {
                rc = -1;
                break;
            }
        }
        LOG_AT(c->log, LOG_DEBUG, "%s: %zu items%s", op, json_array_size(list), next_out[0] ? ", more" : "");
    }
    json_decref(root);
    return rc;
}

int ac_list_data_catalogs(athena_client *c, const char *next_in, char next_out[AC_NEXT_TOKEN_MAX],
                          ac_name_fn fn, void *ctx, athena_error *err)
{
    return walk_names(c, "ListDataCatalogs", json_pack("{s:i}", "MaxResults", 50), next_in, next_out,
                      "DataCatalogsSummary", "CatalogName", "Type", fn, ctx, err);
}

int ac_list_databases(athena_client *c, const char *catalog, const char *next_in,
                      char next_out[AC_NEXT_TOKEN_MAX], ac_name_fn fn, void *ctx, athena_error *err)
{
    return walk_names(c, "ListDatabases", json_pack("{s:s,s:i}", "CatalogName", catalog, "MaxResults", 50),
                      next_in, next_out, "DatabaseList", "Name", "Description", fn, ctx, err);
}

/* Columns or PartitionKeys of a table into cols (n entries); -1 if malformed. */
static int read_columns(json_t *list, ac_column *cols)
{
    size_t i;
    json_t *c;
    json_array_foreach(list, i, c) {
        const char *name = json_string_value(json_object_get(c, "Name"));
        const char *type = json_string_value(json_object_get(c, "Type"));
        if (!name)
            return -1;
        cols[i].name = name;
        cols[i].type = type ? type : "";
        cols[i].comment = json_string_value(json_object_get(c, "Comment"));
    }
    return 0;
}

static int hand_table(json_t *t, const char *op, ac_table_fn fn, void *ctx, athena_error *err)
{
    json_t *cols = json_object_get(t, "Columns"), *parts = json_object_get(t, "PartitionKeys");
    json_t *params = json_object_get(t, "Parameters");
    size_t nc = json_array_size(cols), np = json_array_size(parts);
    if ((cols && !json_is_array(cols)) || (parts && !json_is_array(parts)))
        return ae_set(err, AE_BAD_RESPONSE, 0, "%s: Columns and PartitionKeys of table %s are not lists", op,
                      json_string_value(json_object_get(t, "Name")));
    ac_column *all = calloc(nc + np + 1, sizeof *all);
    if (!all)
        return ae_set(err, AE_NOMEM, 0, "Out of memory");
    ac_table at = {0};
    at.name = json_string_value(json_object_get(t, "Name"));
    at.table_type = json_string_value(json_object_get(t, "TableType"));
    if (!at.table_type)
        at.table_type = "";
    at.comment = json_string_value(json_object_get(params, "comment"));
    const char *format = json_string_value(json_object_get(params, "table_type"));
    at.iceberg = format && !strcasecmp(format, "ICEBERG");
    at.columns = all;
    at.ncolumns = nc;
    at.partition_keys = all + nc;
    at.npartition_keys = np;
    int rc;
    if ((cols && read_columns(cols, all) != 0) || (parts && read_columns(parts, all + nc) != 0))
        rc = ae_set(err, AE_BAD_RESPONSE, 0, "%s: a column of table %s has no Name", op, at.name);
    else
        rc = fn(ctx, &at, err) != 0 ? -1 : 0;
    free(all);
    return rc;
}

int ac_list_table_metadata(athena_client *c, const char *catalog, const char *database,
                           const char *expression, const char *next_in, char next_out[AC_NEXT_TOKEN_MAX],
                           ac_table_fn fn, void *ctx, athena_error *err)
{
    const char *op = "ListTableMetadata";
    json_t *root;
    next_out[0] = '\0';
    json_t *b = json_pack("{s:s,s:s,s:i}", "CatalogName", catalog, "DatabaseName", database, "MaxResults", 50);
    if (b && expression && *expression)
        json_object_set_new(b, "Expression", json_string(expression));
    if (metadata_call(c, op, b, next_in, &root, err) != 0)
        return -1;
    int rc = -1;
    json_t *list = answer_list(root, op, "TableMetadataList", "Name", err);
    if (list && take_next_token(root, op, next_out, err) == 0) {
        size_t i;
        json_t *t;
        rc = 0;
        json_array_foreach(list, i, t) {
            if (hand_table(t, op, fn, ctx, err) != 0) {
                rc = -1;
                break;
            }
        }
        LOG_AT(c->log, LOG_DEBUG, "%s %s.%s: %zu tables%s", op, catalog, database, json_array_size(list),
               next_out[0] ? ", more" : "");
    }
    json_decref(root);
    return rc;
}

int ac_get_table_metadata(athena_client *c, const char *catalog, const char *database, const char *table,
                          ac_table_fn fn, void *ctx, athena_error *err)
{
    const char *op = "GetTableMetadata";
    json_t *root;
    json_t *b = json_pack("{s:s,s:s,s:s}", "CatalogName", catalog, "DatabaseName", database, "TableName", table);
    if (metadata_call(c, op, b, NULL, &root, err) != 0)
        return -1;
    json_t *t = json_object_get(root, "TableMetadata");
    int rc;
    if (!json_is_object(t) || !json_is_string(json_object_get(t, "Name")))
        rc = ae_set(err, AE_BAD_RESPONSE, 0, "%s: the answer has no TableMetadata", op);
    else
        rc = hand_table(t, op, fn, ctx, err);
    json_decref(root);
    return rc;
}
