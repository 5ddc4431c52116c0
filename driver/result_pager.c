/* result_pager.c - the GetQueryResults result source: one page in memory at
 * a time, decoded in place by page_decode. */
#include "result_source.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"

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
} pager;

static int load_page(pager *p, bool first, athena_error *err)
{
    const char *token = first ? NULL : sb_str(&p->token);
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
        if (load_page(p, false, err) != 0)
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
    sb_free(&p->body);
    sb_free(&p->token);
    pd_page_free(&p->page);
    free(p->cols);
    free(p->row);
    free(p);
}

/* athena-wire.md section 3: row 0 of page one of a .csv result is the
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
    p->base.next_row = pager_next_row;
    p->base.close = pager_close;
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

void result_pager_set_page_size(result_source *rs, int page_size)
{
    pager *p = (pager *)rs;
    if (page_size >= 1 && page_size <= 1000)
        p->opt.page_size = page_size;
}
