/* csv_reader.h - incremental reader of Athena's result CSV (the .csv file a
 * query writes to S3). Bytes arrive in blocks of any size and split anywhere
 * (inside a quoted field, inside a multi-byte character, between the quote
 * and the line end); rows come out whole. The format, exactly:
 *   - one record per line, every record (the header too) ends with LF;
 *   - every non-NULL value is double-quoted, a quote inside is doubled;
 *   - NULL is an empty, unquoted field; "" is the empty string;
 *   - a quoted value may hold commas and line ends.
 * Cells point into the reader's own buffer, unescaped in place and
 * NUL-terminated: nothing is allocated per cell or per row. Anything else
 * (a stray quote, text outside quotes, a wrong number of fields, input that
 * ends inside a record, a value that is not well-formed UTF-8) is an error
 * naming the record, never a wrong row. */
#ifndef ATHENA_CSV_READER_H
#define ATHENA_CSV_READER_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"
#include "page_decode.h"

typedef struct csv_reader csv_reader;

/* A reader for records of ncols (>= 1) fields. NULL when out of memory. */
csv_reader *csv_reader_new(size_t ncols);
void csv_reader_free(csv_reader *r);

/* Appends the next len bytes of the file. Invalidates the cells of the row
 * handed out last, unless the reader holds its rows. 0, or -1 with AE_NOMEM. */
int csv_reader_feed(csv_reader *r, const char *data, size_t len, athena_error *err);

/* The next complete record: 1 = *row holds ncols cells (valid until the next
 * call to csv_reader_next or csv_reader_feed), 0 = more input is needed,
 * -1 = malformed (err set, AE_BAD_RESPONSE; the reader stays failed). */
int csv_reader_next(csv_reader *r, const pd_cell **row, athena_error *err);

/* Releases the rows held so far; with on = true, the cells of every record
 * handed out from now on stay valid (feed keeps their text where it is)
 * until the next call or csv_reader_free: a block cursor's rowset. */
void csv_reader_hold(csv_reader *r, bool on);

/* The file has ended: 0 when every byte belonged to a complete record,
 * -1 (AE_BAD_RESPONSE) when it ends inside one. Call after csv_reader_next
 * returned 0. */
int csv_reader_finish(csv_reader *r, athena_error *err);

/* Records handed out so far (the header counts as one). */
unsigned long long csv_reader_records(const csv_reader *r);

#endif
