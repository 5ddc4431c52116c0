/* result_pager.c - the GetQueryResults result source: pages decoded in
 * place by page_decode. With prefetch on, a background thread fetches and
 * decodes the next pages (at most AHEAD of them) while the application reads
 * the current one; page one is always fetched by the caller of open. */
#include "result_source.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"

#define AHEAD 2

typedef struct page_slot {
    strbuf body;
    pd_page page;
    bool more;            /* another page follows this one */
    athena_error err;     /* code != AE_OK: fetching this page failed */
} page_slot;

typedef struct pager {
    result_source base;
    athena_client *client;
    char qid[128];
    pager_options opt;
    strbuf body;          /* the current page's JSON; cells point into it */
    pd_page page;
    size_t pos;           /* next row of the page */
    bool have_next;       /* another page follows */
    strbuf token;         /* its NextToken */
    athena_column *cols;  /* owned copy, described */
    size_t ncols;
    pd_cell *row;         /* the row handed out: ncols cells */
    unsigned long long first_page_rows;
    /* prefetch: the thread fills ahead[head..head+count) in order; it owns
     * the slot after them and the token while it runs */
    bool prefetch;
    bool running;         /* the thread was started and not yet joined */
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    page_slot ahead[AHEAD];
    size_t head, count;
    volatile int stop;    /* close: the thread's calls are cancelled */
    /* hold: the bodies of the pages a block cursor's rowset still points
     * into (a page's body is a new buffer anyway: ac_get_results_page
     * hands over the HTTP answer's) */
    bool holding;
    strbuf *held;
    size_t nheld, held_cap;
} pager;

/* While holding, the body about to be replaced is kept (its rows stay
 * valid) and *b is left empty. Room for it is made first (make_room) so
 * that the swap itself cannot fail. */
static bool make_room(pager *p)
{
    if (!p->holding || p->nheld < p->held_cap)
        return true;
    size_t cap = p->held_cap ? p->held_cap * 2 : 4;
    strbuf *h = realloc(p->held, cap * sizeof *h);
    if (!h)
        return false;
    p->held = h;
    p->held_cap = cap;
    return true;
}

static void keep_body(pager *p, strbuf *b)
{
    if (!p->holding)
        return;
    p->held[p->nheld++] = *b;
    sb_init(b);
}

static void pager_hold(result_source *self, bool on)
{
    pager *p = (pager *)self;
    for (size_t i = 0; i < p->nheld; i++)
        sb_free(&p->held[i]);
    p->nheld = 0;
    p->holding = on;
}

static int load_page(pager *p, bool first, athena_error *err)
{
    const char *token = first ? NULL : sb_str(&p->token);
    if (!make_room(p))
        return ae_set(err, AE_NOMEM, 0, "Memory allocation error");
    if (!first)
        keep_body(p, &p->body);
    if (ac_get_results_page(p->client, p->qid, token, p->opt.page_size, &p->body, err) != 0)
        return -1;
    if (page_decode(p->body.data, p->body.len, &p->page, first, err) != 0)
        return -1;
    sb_reset(&p->token);
    p->have_next = p->page.next_token && *p->page.next_token;
    if (p->have_next && !sb_appends(&p->token, p->page.next_token))
        return ae_set(err, AE_NOMEM, 0, "Memory allocation error");
    p->pos = 0;
    return 0;
}

static void *prefetch_main(void *arg)
{
    pager *p = arg;
    ac_set_cancel_flag(&p->stop);
    for (;;) {
        pthread_mutex_lock(&p->lock);
        while (!p->stop && p->count == AHEAD)
            pthread_cond_wait(&p->cond, &p->lock);
        if (p->stop) {
            pthread_mutex_unlock(&p->lock);
            break;
        }
        page_slot *sl = &p->ahead[(p->head + p->count) % AHEAD];
        int size = p->opt.page_size;
        pthread_mutex_unlock(&p->lock);

        ae_clear(&sl->err);
        sl->more = false;
        int rc = ac_get_results_page(p->client, p->qid, sb_str(&p->token), size, &sl->body, &sl->err);
        if (rc == 0)
            rc = page_decode(sl->body.data, sl->body.len, &sl->page, false, &sl->err);
        if (rc == 0) {
            sl->more = sl->page.next_token && *sl->page.next_token;
            sb_reset(&p->token);
            if (sl->more && !sb_appends(&p->token, sl->page.next_token))
                rc = ae_set(&sl->err, AE_NOMEM, 0, "Memory allocation error");
        }
        bool last = rc != 0 || !sl->more;
        pthread_mutex_lock(&p->lock);
        p->count++;
        pthread_cond_broadcast(&p->cond);
        pthread_mutex_unlock(&p->lock);
        if (last)
            break;
    }
    ac_set_cancel_flag(NULL);
    return NULL;
}

static void stop_prefetch(pager *p)
{
    if (!p->running)
        return;
    pthread_mutex_lock(&p->lock);
    CANCEL_SET(p->stop, 1); /* also read by the thread's HTTP calls, without the lock */
    pthread_cond_broadcast(&p->cond);
    pthread_mutex_unlock(&p->lock);
    pthread_join(p->thread, NULL);
    p->running = false;
}

/* Starts fetching the pages after the current one. false when no thread
 * could be started (the pages are then fetched when needed). */
static bool start_prefetch(pager *p)
{
    if (p->running)
        return true;
    if (!p->prefetch || !p->have_next)
        return false;
    CANCEL_SET(p->stop, 0);
    p->head = p->count = 0;
    if (pthread_create(&p->thread, NULL, prefetch_main, p) != 0)
        return false;
    p->running = true;
    return true;
}

/* The next page from the prefetch thread. A failed page is reported once;
 * the thread has ended then, and the next call starts it again from the
 * same token, as a synchronous fetch would retry. */
static int next_page(pager *p, athena_error *err)
{
    if (!start_prefetch(p))
        return load_page(p, false, err);
    if (!make_room(p))
        return ae_set(err, AE_NOMEM, 0, "Memory allocation error");
    pthread_mutex_lock(&p->lock);
    while (p->count == 0) {
        if (!rs_wait(&p->cond, &p->lock, p->opt.cancel)) {
            pthread_mutex_unlock(&p->lock);
            return ae_set(err, AE_CANCELLED, 0, "Operation canceled");
        }
    }
    page_slot *sl = &p->ahead[p->head];
    int rc = 0;
    if (sl->err.code != AE_OK) {
        *err = sl->err;
        rc = -1;
    } else {
        strbuf b = p->body;
        keep_body(p, &b);
        p->body = sl->body;
        sl->body = b;
        pd_page pg = p->page;
        p->page = sl->page;
        sl->page = pg;
        p->have_next = sl->more;
        p->pos = 0;
    }
    p->head = (p->head + 1) % AHEAD;
    p->count--;
    bool ended = rc != 0 || !p->have_next;
    pthread_cond_broadcast(&p->cond);
    pthread_mutex_unlock(&p->lock);
    if (ended) /* the thread pushed its last page and is leaving */
        stop_prefetch(p);
    return rc;
}

/* A .txt row is one datum holding a tab-separated line: split it in place
 * into the columns, trimming the padding Athena adds. */
static void split_txt(pager *p, const pd_cell *datum)
{
    size_t n = p->ncols;
    for (size_t i = 0; i < n; i++) {
        p->row[i].ptr = NULL;
        p->row[i].len = 0;
    }
    if (!datum->ptr)
        return;
    if (n == 1) {
        p->row[0] = *datum;
        return;
    }
    char *s = (char *)datum->ptr;
    char *end = s + datum->len;
    for (size_t i = 0; i < n && s <= end; i++) {
        char *tab = (i + 1 < n) ? memchr(s, '\t', (size_t)(end - s)) : NULL;
        char *fend = tab ? tab : end;
        while (s < fend && *s == ' ')
            s++;
        char *e = fend;
        while (e > s && e[-1] == ' ')
            e--;
        *e = '\0';
        p->row[i].ptr = s;
        p->row[i].len = (size_t)(e - s);
        if (!tab)
            break;
        s = tab + 1;
    }
}

static int pager_next_row(result_source *self, const pd_cell **row, athena_error *err)
{
    pager *p = (pager *)self;
    while (p->pos >= p->page.nrows) {
        if (!p->have_next)
            return 0;
        if (next_page(p, err) != 0)
            return -1;
    }
    size_t r = p->pos++;
    if (p->opt.txt_result) {
        split_txt(p, pd_cell_at(&p->page, r, 0));
    } else if (p->page.row_width >= p->ncols) {
        *row = pd_cell_at(&p->page, r, 0); /* the page's own cells: nothing copied */
        return 1;
    } else {
        /* a page whose rows are shorter than ColumnInfo: the missing cells are NULL */
        for (size_t i = 0; i < p->ncols; i++) {
            if (i < p->page.row_width)
                p->row[i] = *pd_cell_at(&p->page, r, i);
            else
                p->row[i].ptr = NULL, p->row[i].len = 0;
        }
    }
    *row = p->row;
    return 1;
}

static void pager_close(result_source *self)
{
    pager *p = (pager *)self;
    stop_prefetch(p);
    for (size_t i = 0; i < AHEAD; i++) {
        sb_free(&p->ahead[i].body);
        pd_page_free(&p->ahead[i].page);
    }
    pthread_mutex_destroy(&p->lock);
    pthread_cond_destroy(&p->cond);
    pager_hold(self, false);
    free(p->held);
    sb_free(&p->body);
    sb_free(&p->token);
    pd_page_free(&p->page);
    free(p->cols);
    free(p->row);
    free(p);
}

/* docs/wire.md, "The header row of page one": row 0 of page one of a .csv result is the
 * header when every value equals its column name. */
static bool first_row_is_header(const pager *p)
{
    if (p->page.nrows == 0 || p->page.row_width < p->ncols)
        return false;
    for (size_t i = 0; i < p->ncols; i++) {
        const pd_cell *c = pd_cell_at(&p->page, 0, i);
        if (!c->ptr || strlen(p->cols[i].name) != c->len || memcmp(c->ptr, p->cols[i].name, c->len) != 0)
            return false;
    }
    return true;
}

result_source *result_pager_open(athena_client *client, const char *qid, const pager_options *opt,
                                 athena_error *err)
{
    pager *p = calloc(1, sizeof *p);
    if (!p) {
        ae_set(err, AE_NOMEM, 0, "Memory allocation error");
        return NULL;
    }
    p->client = client;
    snprintf(p->qid, sizeof p->qid, "%s", qid);
    p->opt = *opt;
    if (p->opt.page_size < 1 || p->opt.page_size > 1000)
        p->opt.page_size = 1000;
    pd_page_init(&p->page);
    for (size_t i = 0; i < AHEAD; i++)
        pd_page_init(&p->ahead[i].page);
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->cond, NULL);
    p->prefetch = opt->prefetch;
    p->base.next_row = pager_next_row;
    p->base.close = pager_close;
    p->base.hold = pager_hold;
    if (load_page(p, true, err) != 0)
        goto fail;
    p->ncols = p->page.ncolumns;
    p->first_page_rows = p->page.nrows;
    if (p->ncols) {
        p->cols = calloc(p->ncols, sizeof *p->cols);
        p->row = calloc(p->ncols, sizeof *p->row);
        if (!p->cols || !p->row) {
            ae_set(err, AE_NOMEM, 0, "Memory allocation error");
            goto fail;
        }
        memcpy(p->cols, p->page.columns, p->ncols * sizeof *p->cols);
        for (size_t i = 0; i < p->ncols; i++)
            type_describe(&p->cols[i], &p->opt.types);
    }
    if (!p->opt.txt_result && p->opt.header_candidate && first_row_is_header(p))
        p->pos = 1;
    p->base.columns = p->cols;
    p->base.ncolumns = p->ncols;
    p->base.has_update_count = p->page.has_update_count;
    p->base.update_count = p->page.update_count;
    start_prefetch(p);
    return &p->base;
fail:
    pager_close(&p->base);
    return NULL;
}

size_t result_pager_rows_left(const result_source *rs)
{
    const pager *p = (const pager *)rs;
    return p->page.nrows - p->pos;
}

bool result_pager_has_more_pages(const result_source *rs)
{
    return ((const pager *)rs)->have_next;
}

unsigned long long result_pager_first_page_records(const result_source *rs)
{
    return ((const pager *)rs)->first_page_rows;
}

void result_pager_continue(result_source *rs, int page_size)
{
    pager *p = (pager *)rs;
    if (page_size >= 1 && page_size <= 1000)
        p->opt.page_size = page_size;
    p->prefetch = true;
    start_prefetch(p);
}
