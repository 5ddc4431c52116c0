/* result_s3.c - the S3 result source: column metadata and the first rows
 * from GetQueryResults page one, the rest streamed from the query's result
 * .csv in S3 with ranged GETs (S3ResultBlockSize) fetched ahead by worker
 * threads (several with UseMultipleS3Threads), parsed by csv_reader.
 *
 * Which rows come from where: page one of GetQueryResults holds the first
 * records of the result file (the header line included), so after handing
 * out page one the streamer skips exactly that many CSV records.
 *
 * Memory: at most `window` ranges are in flight (the one being read and
 * those ahead of it), and a range's body does not wait in memory whole: it
 * flows through its slot's ring of FLOW_BUF bytes. A worker whose ring is
 * full waits in its write callback (the connection then waits too) until
 * the reader has taken bytes out, or the source is closed; so memory is
 * about window x FLOW_BUF plus the CSV reader's record buffer, whatever the
 * range size and the file size. */
#include "result_source.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv_reader.h"
#include "sigv4.h"
#include "strbuf.h"

#define FEED_SLICE (64 * 1024) /* bytes handed to the CSV reader at a time */
#define FLOW_BUF (256 * 1024)  /* bytes of a range buffered ahead of the reader */
#define MAX_WORKERS 4

/* One range in flight: its bytes pass through a ring. The worker writes at
 * (head + fill) % cap, the reader reads at head; both under the lock, but
 * the bytes themselves are copied outside it (each side touches only its
 * own part of the ring). */
typedef struct block_slot {
    char *ring;
    size_t head, fill;
    size_t got;          /* bytes of the range received so far */
    bool done;           /* the range has ended: complete, or failed (err) */
    bool waited;         /* its worker has waited for the reader */
    athena_error err;    /* err.code != AE_OK: the range failed */
} block_slot;

typedef struct s3src s3src;

typedef struct s3worker {
    s3src *src;
    http_client *http;       /* its own: the downloads run in parallel */
    pthread_t thread;
    block_slot *slot;        /* the range it is receiving */
    size_t range;            /* which one */
} s3worker;

struct s3src {
    result_source base;
    result_source *pager;    /* page one, and the fallback */
    bool streaming;          /* the rows after page one come from S3 */
    athena_log *log;
    volatile const int *cancel; /* the statement's SQLCancel flag */
    const athena_config *cfg;
    cred_provider *creds;
    char *url;               /* endpoint/bucket/encoded-key */
    char owner_hdr[160];     /* x-amz-expected-bucket-owner, or "" */
    char location[1024];
    bool csv;
    bool cse_kms;
    unsigned long long skip; /* CSV records to skip: those page one held */
    /* download */
    long long size;
    size_t block_size;
    size_t nblocks;
    size_t window;           /* ranges in flight at most */
    size_t ring_cap;         /* bytes of each slot's ring */
    size_t next_assign;      /* next range a worker takes */
    size_t next_read;        /* range the reader reads */
    size_t fail_at;          /* first range that failed: none after it is fetched */
    block_slot *slots;       /* window slots, range i in slots[i % window] */
    s3worker workers[MAX_WORKERS];
    int nworkers;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    volatile int stop;
    /* parse */
    csv_reader *csv_in;
    bool done;
    bool failed;             /* an error was reported: the stream ends there */
};

static void slot_fail(athena_error *e, const http_response *r, const char *what)
{
    ae_code code = r->status == 403 ? AE_ACCESS_DENIED : r->status >= 500 ? AE_SERVER : AE_BAD_RESPONSE;
    ae_set(e, code, r->status, "%s: HTTP %ld%s%s%s%s", what, r->status, r->aws_error_type[0] ? " " : "",
           r->aws_error_type, r->aws_error_message[0] ? ": " : "", r->aws_error_message);
}

/* http_sink of a range: copies the bytes into the worker's ring, waiting
 * while it is full. false (the transfer stops) once the source closes. */
static bool ring_sink(void *ud, const char *data, size_t len)
{
    s3worker *w = ud;
    s3src *s = w->src;
    block_slot *slot = w->slot;
    pthread_mutex_lock(&s->lock);
    while (len > 0) {
        if (!s->stop && slot->fill == s->ring_cap && !slot->waited) {
            slot->waited = true; /* logged once per range */
            pthread_mutex_unlock(&s->lock);
            LOG_AT(s->log, LOG_DEBUG, "GetObject of range %zu: its buffer is full, waiting for the reader", w->range);
            pthread_mutex_lock(&s->lock);
        }
        while (!s->stop && slot->fill == s->ring_cap)
            pthread_cond_wait(&s->cond, &s->lock);
        if (s->stop)
            break;
        size_t at = (slot->head + slot->fill) % s->ring_cap;
        /* the free bytes from `at` up to the end of the ring or to head */
        size_t n = at >= slot->head ? s->ring_cap - at : slot->head - at;
        if (n > len)
            n = len;
        pthread_mutex_unlock(&s->lock);
        memcpy(slot->ring + at, data, n);
        pthread_mutex_lock(&s->lock);
        slot->fill += n;
        slot->got += n;
        data += n;
        len -= n;
        pthread_cond_broadcast(&s->cond);
    }
    bool ok = !s->stop;
    pthread_mutex_unlock(&s->lock);
    return ok;
}

/* One ranged GET of range i, streamed into the worker's slot. 0, or -1
 * with err. */
static int get_range(s3src *s, s3worker *w, size_t i, athena_error *err)
{
    long long from = (long long)i * (long long)s->block_size;
    long long want = (long long)s->block_size;
    if (from + want > s->size)
        want = s->size - from;
    const char *headers[2] = {s->owner_hdr[0] ? s->owner_hdr : NULL, NULL};
    http_request req = {.method = "GET", .url = s->url, .service = "s3", .headers = headers,
                        .operation = "GetObject", .retryable = true, .cancel_flag = &s->stop,
                        .sink = ring_sink, .sink_ud = w, .range_from = from, .range_len = want};
    http_response resp;
    http_response_init(&resp);
    int rc = -1;
    if (http_perform(w->http, &req, &resp, err) == 0) {
        size_t got;
        pthread_mutex_lock(&s->lock);
        got = w->slot->got;
        pthread_mutex_unlock(&s->lock);
        if (resp.status != 206 && resp.status != 200)
            slot_fail(err, &resp, "GetObject of the result file failed");
        else if ((long long)got != want)
            ae_set(err, AE_BAD_RESPONSE, resp.status,
                   "GetObject of the result file returned %zu bytes for a range of %lld", got, want);
        else
            rc = 0;
    }
    http_response_free(&resp);
    return rc;
}

static void *worker_main(void *arg)
{
    s3worker *w = arg;
    s3src *s = w->src;
    for (;;) {
        pthread_mutex_lock(&s->lock);
        while (!s->stop && s->next_assign < s->nblocks && s->next_assign >= s->next_read + s->window)
            pthread_cond_wait(&s->cond, &s->lock);
        if (s->stop || s->next_assign >= s->nblocks || s->next_assign > s->fail_at) {
            pthread_mutex_unlock(&s->lock);
            break;
        }
        size_t i = s->next_assign++;
        w->slot = &s->slots[i % s->window]; /* free: the reader is done with range i - window */
        w->slot->head = w->slot->fill = w->slot->got = 0;
        w->slot->done = w->slot->waited = false;
        w->range = i;
        ae_clear(&w->slot->err);
        pthread_mutex_unlock(&s->lock);

        athena_error e;
        ae_clear(&e);
        get_range(s, w, i, &e);
        pthread_mutex_lock(&s->lock);
        w->slot->err = e;
        w->slot->done = true;
        if (e.code != AE_OK && i < s->fail_at)
            s->fail_at = i; /* later ranges are not needed: the reader stops at this one */
        pthread_cond_broadcast(&s->cond);
        pthread_mutex_unlock(&s->lock);
    }
    return NULL;
}

/* Feeds the CSV reader the next bytes of the range being read, waiting for
 * them; moves on to the next range when this one has been read whole. 0, or
 * -1 with err (the range failed after the bytes before the failure were
 * read, or the wait was cancelled). */
static int feed_more(s3src *s, athena_error *err)
{
    pthread_mutex_lock(&s->lock);
    block_slot *slot = &s->slots[s->next_read % s->window];
    while (slot->fill == 0 && !slot->done) {
        if (!rs_wait(&s->cond, &s->lock, s->cancel)) {
            pthread_mutex_unlock(&s->lock);
            return ae_set(err, AE_CANCELLED, 0, "Operation canceled");
        }
    }
    if (slot->fill == 0) {
        int rc = 0;
        if (slot->err.code != AE_OK) {
            *err = slot->err;
            rc = -1;
        }
        s->next_read++; /* the slot is free for range next_read - 1 + window */
        pthread_cond_broadcast(&s->cond);
        pthread_mutex_unlock(&s->lock);
        return rc;
    }
    size_t at = slot->head;
    size_t n = s->ring_cap - at < slot->fill ? s->ring_cap - at : slot->fill;
    if (n > FEED_SLICE)
        n = FEED_SLICE;
    pthread_mutex_unlock(&s->lock);
    int rc = csv_reader_feed(s->csv_in, slot->ring + at, n, err);
    pthread_mutex_lock(&s->lock);
    slot->head = (at + n) % s->ring_cap;
    slot->fill -= n;
    pthread_cond_broadcast(&s->cond);
    pthread_mutex_unlock(&s->lock);
    return rc;
}

static int stream_rows(s3src *s, const pd_cell **row, athena_error *err);

/* Rows from S3; after an error (reported once, by the fetch that met it)
 * the stream stays ended with its own message. */
static int stream_next_row(s3src *s, const pd_cell **row, athena_error *err)
{
    if (s->done)
        return 0;
    if (s->failed)
        return ae_set(err, AE_GENERAL, 0, "The result cannot be read past the error reported by an earlier fetch");
    int r = stream_rows(s, row, err);
    if (r < 0)
        s->failed = true;
    return r;
}

static int stream_rows(s3src *s, const pd_cell **row, athena_error *err)
{
    for (;;) {
        int r = csv_reader_next(s->csv_in, row, err);
        if (r < 0)
            return -1;
        if (r == 1) {
            if (s->skip > 0) {
                s->skip--;
                continue;
            }
            return 1;
        }
        if (s->next_read < s->nblocks) {
            if (feed_more(s, err) != 0)
                return -1;
            continue;
        }
        if (csv_reader_finish(s->csv_in, err) != 0)
            return -1;
        if (s->skip > 0)
            return ae_set(err, AE_BAD_RESPONSE, 0,
                          "The result file holds fewer records than GetQueryResults returned");
        s->done = true;
        return 0;
    }
}

/* HeadObject: the size of the result file. 1 = readable, 0 = not (reason
 * in why), -1 = cancelled. */
static int head_object(s3src *s, http_client *http, char *why, size_t whylen)
{
    const char *headers[2] = {s->owner_hdr[0] ? s->owner_hdr : NULL, NULL};
    http_request req = {.method = "HEAD", .url = s->url, .service = "s3", .headers = headers,
                        .operation = "HeadObject", .retryable = true, .cancel_flag = &s->stop};
    http_response resp;
    http_response_init(&resp);
    athena_error err;
    ae_clear(&err);
    int rc = 0;
    if (http_perform(http, &req, &resp, &err) != 0) {
        snprintf(why, whylen, "HeadObject failed: %s", err.message);
        rc = err.code == AE_CANCELLED ? -1 : 0;
    } else if (resp.status == 403) {
        snprintf(why, whylen, "S3 access to the result file is denied (HeadObject: HTTP 403)");
    } else if (resp.status != 200) {
        snprintf(why, whylen, "HeadObject of the result file answered HTTP %ld", resp.status);
    } else if (resp.content_length < 0) {
        snprintf(why, whylen, "HeadObject gave no Content-Length");
    } else {
        s->size = resp.content_length;
        rc = 1;
    }
    http_response_free(&resp);
    return rc;
}

/* s3://bucket/key -> endpoint/bucket/key with the key URI-encoded. */
static char *object_url(const athena_config *cfg, const char *location)
{
    const char *b = location + 5;
    const char *slash = strchr(b, '/');
    if (!slash || slash == b || !slash[1])
        return NULL;
    char *ep = config_s3_endpoint(cfg);
    if (!ep)
        return NULL;
    strbuf u = STRBUF_INIT;
    size_t el = strlen(ep);
    while (el > 0 && ep[el - 1] == '/')
        el--;
    sb_append(&u, ep, el);
    sb_appendc(&u, '/');
    sigv4_uri_encode(&u, b, (size_t)(slash - b), false);
    sb_appendc(&u, '/');
    sigv4_uri_encode(&u, slash + 1, strlen(slash + 1), true);
    free(ep);
    if (u.oom) {
        sb_free(&u);
        return NULL;
    }
    return sb_detach(&u);
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Decides, when more rows remain after page one, whether they come from
 * S3, and if so starts the download. false = paging (the log says why). */
static bool start_streaming(s3src *s, athena_error *err)
{
    char why[1200] = "";
    if (!s->location[0] || strncmp(s->location, "s3://", 5) != 0)
        snprintf(why, sizeof why, "the query has no S3 output location");
    else if (!s->csv)
        snprintf(why, sizeof why, "the result file %s is not a .csv file", s->location);
    else if (s->cse_kms)
        snprintf(why, sizeof why, "the result file is CSE_KMS-encrypted");
    else if (!(s->url = object_url(s->cfg, s->location)))
        snprintf(why, sizeof why, "the output location %s is not an S3 object URI", s->location);
    if (!why[0]) {
        athena_error e;
        ae_clear(&e);
        http_client *http = http_client_new(s->cfg, s->creds, s->log, &e);
        if (!http) {
            snprintf(why, sizeof why, "%s", e.message);
        } else {
            int h = head_object(s, http, why, sizeof why);
            http_client_free(http);
            if (h < 0) {
                ae_set(err, AE_CANCELLED, 0, "Operation canceled");
                return false;
            }
        }
    }
    if (why[0]) {
        LOG_AT(s->log, LOG_INFO, "reading the rest of the result with GetQueryResults: %s", why);
        return false;
    }
    s->csv_in = csv_reader_new(s->pager->ncolumns);
    if (!s->csv_in) {
        ae_set(err, AE_NOMEM, 0, "Memory allocation error");
        return false;
    }
    s->block_size = (size_t)s->cfg->s3_result_block_size;
    s->nblocks = (size_t)((s->size + (long long)s->block_size - 1) / (long long)s->block_size);
    s->nworkers = s->cfg->use_multiple_s3_threads ? MAX_WORKERS : 1;
    if ((size_t)s->nworkers > s->nblocks)
        s->nworkers = s->nblocks ? (int)s->nblocks : 1;
    s->window = (size_t)s->nworkers + 1;
    s->ring_cap = FLOW_BUF;
    if ((long long)s->ring_cap > s->size)
        s->ring_cap = s->size > 0 ? (size_t)s->size : 1;
    s->slots = calloc(s->window, sizeof *s->slots);
    for (size_t i = 0; s->slots && i < s->window; i++) {
        if (!(s->slots[i].ring = malloc(s->ring_cap))) {
            ae_set(err, AE_NOMEM, 0, "Memory allocation error");
            return false;
        }
    }
    if (!s->slots) {
        ae_set(err, AE_NOMEM, 0, "Memory allocation error");
        return false;
    }
    /* the clients are made here, one after the other: libcurl's handle
     * setup is not meant to run in several threads at once */
    int started = 0;
    for (int i = 0; i < s->nworkers && s->nblocks > 0; i++) {
        s3worker *w = &s->workers[started];
        w->src = s;
        w->http = http_client_new(s->cfg, s->creds, s->log, err);
        if (!w->http)
            break;
        if (pthread_create(&w->thread, NULL, worker_main, w) != 0) {
            http_client_free(w->http);
            w->http = NULL;
            break;
        }
        started++;
    }
    s->nworkers = started;
    if (started == 0 && s->nblocks > 0) {
        if (err->code == AE_OK)
            ae_set(err, AE_GENERAL, 0, "Could not start a thread to read the result file");
        return false;
    }
    LOG_AT(s->log, LOG_INFO, "reading the result from %s: %lld bytes in %zu blocks, %d threads, skipping %llu records",
           s->location, s->size, s->nblocks, s->nworkers, s->skip);
    s->streaming = true;
    return true;
}

static int s3_next_row(result_source *self, const pd_cell **row, athena_error *err)
{
    s3src *s = (s3src *)self;
    if (s->streaming && result_pager_rows_left(s->pager) == 0)
        return stream_next_row(s, row, err);
    return s->pager->next_row(s->pager, row, err);
}

/* A block cursor's rowset may span page one and the CSV stream. */
static void s3_hold(result_source *self, bool on)
{
    s3src *s = (s3src *)self;
    s->pager->hold(s->pager, on);
    if (s->csv_in)
        csv_reader_hold(s->csv_in, on);
}

static void s3_close(result_source *self)
{
    s3src *s = (s3src *)self;
    pthread_mutex_lock(&s->lock);
    CANCEL_SET(s->stop, 1); /* also read by the workers' HTTP transfers, without the lock */
    pthread_cond_broadcast(&s->cond);
    pthread_mutex_unlock(&s->lock);
    for (int i = 0; i < s->nworkers; i++) {
        pthread_join(s->workers[i].thread, NULL);
        http_client_free(s->workers[i].http);
    }
    if (s->slots) {
        for (size_t i = 0; i < s->window; i++)
            free(s->slots[i].ring);
        free(s->slots);
    }
    csv_reader_free(s->csv_in);
    free(s->url);
    if (s->pager)
        s->pager->close(s->pager);
    pthread_mutex_destroy(&s->lock);
    pthread_cond_destroy(&s->cond);
    free(s);
}

result_source *result_open(athena_client *client, const char *qid, const query_status *st,
                           const pager_options *popt, const result_env *env, athena_error *err)
{
    const athena_config *cfg = env->cfg;
    pager_options first = *popt;
    first.prefetch = true;
    first.cancel = env->cancel;
    if (cfg->fetcher != FETCHER_GETQUERYRESULTS && popt->txt_result)
        LOG_AT(env->log, LOG_INFO, "reading the result with GetQueryResults: the result file %s is not a .csv file",
               st->output_location);
    if (cfg->fetcher == FETCHER_GETQUERYRESULTS || popt->txt_result)
        return result_pager_open(client, qid, &first, err);
    first.prefetch = false; /* pages after page one only if S3 cannot be read */
    if (cfg->fetcher == FETCHER_S3)
        first.page_size = 1; /* page one for the metadata only: it holds just the header */
    s3src *s = calloc(1, sizeof *s);
    if (!s) {
        ae_set(err, AE_NOMEM, 0, "Memory allocation error");
        return NULL;
    }
    pthread_mutex_init(&s->lock, NULL);
    pthread_cond_init(&s->cond, NULL);
    s->fail_at = (size_t)-1;
    s->cfg = cfg;
    s->creds = env->creds;
    s->log = env->log;
    s->cancel = env->cancel;
    snprintf(s->location, sizeof s->location, "%s", st->output_location);
    s->csv = ends_with(s->location, ".csv");
    s->cse_kms = cfg->s3_output_enc_option && strcmp(cfg->s3_output_enc_option, "CSE_KMS") == 0;
    if (cfg->expected_bucket_owner && *cfg->expected_bucket_owner)
        snprintf(s->owner_hdr, sizeof s->owner_hdr, "x-amz-expected-bucket-owner: %s", cfg->expected_bucket_owner);
    s->pager = result_pager_open(client, qid, &first, err);
    if (!s->pager) {
        s3_close(&s->base);
        return NULL;
    }
    s->base.columns = s->pager->columns;
    s->base.ncolumns = s->pager->ncolumns;
    s->base.has_update_count = s->pager->has_update_count;
    s->base.update_count = s->pager->update_count;
    s->base.next_row = s3_next_row;
    s->base.close = s3_close;
    s->base.hold = s3_hold;
    /* more rows than page one: the download starts now, while the
     * application reads page one */
    if (result_pager_has_more_pages(s->pager)) {
        s->skip = result_pager_first_page_records(s->pager);
        athena_error e;
        ae_clear(&e);
        if (!start_streaming(s, &e)) {
            if (e.code != AE_OK) {
                *err = e;
                s3_close(&s->base);
                return NULL;
            }
            result_pager_continue(s->pager, (int)cfg->rows_to_fetch_per_block);
        }
    }
    return &s->base;
}
