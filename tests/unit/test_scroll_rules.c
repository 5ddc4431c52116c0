/* test_scroll_rules.c - the positioning rules of SQLFetchScroll
 * (scroll_rules.c): each row of the specification's tables, with a result of
 * 100 rows and a rowset of 10, and offsets at the ends of SQLLEN. */
#include "harness.h"
#include "scroll_rules.h"

#define B SCROLL_BEFORE_START
#define A SCROLL_AFTER_END
#define MAXL ((SQLLEN)(((SQLULEN)-1) >> 1))
#define MINL (-MAXL - 1)

static void rule(SQLLEN cur, SQLUSMALLINT o, SQLLEN off, SQLLEN size, SQLLEN last, SQLLEN want, bool want_warn,
                 const char *what)
{
    SQLLEN t = 12345;
    bool w = !want_warn;
    scroll_result r = scroll_rule(cur, o, off, size, last, &t, &w);
    if (r == SCROLL_NEED_LAST)
        r = scroll_rule(cur, o, off, size, 100, &t, &w);
    CHECK(r == SCROLL_OK && t == want && w == want_warn, "%s: got %ld%s, want %ld%s", what, (long)t,
          w ? " (01S06)" : "", (long)want, want_warn ? " (01S06)" : "");
}

int main(void)
{
    SQLLEN t;
    bool w;
    /* NEXT */
    rule(B, SQL_FETCH_NEXT, 0, 10, -1, 1, false, "NEXT before start");
    rule(91, SQL_FETCH_NEXT, 0, 10, -1, 101, false, "NEXT: past the last row is found by the fill");
    rule(A, SQL_FETCH_NEXT, 0, 10, -1, A, false, "NEXT after end");
    rule(MAXL - 5, SQL_FETCH_NEXT, 0, 10, -1, A, false, "NEXT at the end of SQLLEN");
    /* PRIOR */
    rule(B, SQL_FETCH_PRIOR, 0, 10, -1, B, false, "PRIOR before start");
    rule(1, SQL_FETCH_PRIOR, 0, 10, -1, B, false, "PRIOR from 1");
    rule(5, SQL_FETCH_PRIOR, 0, 10, -1, 1, true, "PRIOR from 5, size 10");
    rule(30, SQL_FETCH_PRIOR, 0, 10, -1, 20, false, "PRIOR from 30");
    rule(A, SQL_FETCH_PRIOR, 0, 10, 100, 91, false, "PRIOR after end");
    rule(A, SQL_FETCH_PRIOR, 0, 200, 100, 1, true, "PRIOR after end, last < size");
    CHECK(scroll_rule(A, SQL_FETCH_PRIOR, 0, 10, -1, &t, &w) == SCROLL_NEED_LAST, "PRIOR after end needs the last row");
    /* RELATIVE */
    rule(B, SQL_FETCH_RELATIVE, 5, 10, -1, 5, false, "RELATIVE 5 before start: ABSOLUTE 5");
    rule(A, SQL_FETCH_RELATIVE, -5, 10, 100, 96, false, "RELATIVE -5 after end: ABSOLUTE -5");
    rule(B, SQL_FETCH_RELATIVE, 0, 10, -1, B, false, "RELATIVE 0 before start");
    rule(1, SQL_FETCH_RELATIVE, -1, 10, -1, B, false, "RELATIVE -1 from 1");
    rule(20, SQL_FETCH_RELATIVE, -25, 10, -1, B, false, "RELATIVE -25 from 20, size 10");
    rule(5, SQL_FETCH_RELATIVE, -8, 10, -1, 1, true, "RELATIVE -8 from 5, size 10");
    rule(20, SQL_FETCH_RELATIVE, -22, 10, -1, B, false, "RELATIVE -22 from 20, size 10");
    rule(20, SQL_FETCH_RELATIVE, 7, 10, -1, 27, false, "RELATIVE 7 from 20");
    rule(A, SQL_FETCH_RELATIVE, 3, 10, -1, A, false, "RELATIVE 3 after end");
    rule(20, SQL_FETCH_RELATIVE, MAXL, 10, -1, A, false, "RELATIVE SQLLEN max");
    rule(20, SQL_FETCH_RELATIVE, MINL, 10, -1, B, false, "RELATIVE SQLLEN min");
    /* ABSOLUTE */
    rule(50, SQL_FETCH_ABSOLUTE, -1, 10, 100, 100, false, "ABSOLUTE -1");
    rule(50, SQL_FETCH_ABSOLUTE, -100, 10, 100, 1, false, "ABSOLUTE -100");
    rule(50, SQL_FETCH_ABSOLUTE, -150, 200, 100, 1, true, "ABSOLUTE -150, 100 rows, size 200");
    rule(50, SQL_FETCH_ABSOLUTE, -105, 10, 100, B, false, "ABSOLUTE -105, size 10");
    rule(50, SQL_FETCH_ABSOLUTE, -111, 10, 100, B, false, "ABSOLUTE -111, size 10");
    rule(50, SQL_FETCH_ABSOLUTE, MINL, 10, 100, B, false, "ABSOLUTE SQLLEN min");
    rule(50, SQL_FETCH_ABSOLUTE, 0, 10, -1, B, false, "ABSOLUTE 0");
    rule(50, SQL_FETCH_ABSOLUTE, 42, 10, -1, 42, false, "ABSOLUTE 42");
    /* FIRST, LAST */
    rule(A, SQL_FETCH_FIRST, 0, 10, -1, 1, false, "FIRST");
    rule(B, SQL_FETCH_LAST, 0, 10, 100, 91, false, "LAST");
    rule(B, SQL_FETCH_LAST, 0, 200, 100, 1, false, "LAST, size > rows");
    CHECK(scroll_rule(B, SQL_FETCH_BOOKMARK, 0, 10, 100, &t, &w) == SCROLL_BAD_ORIENTATION, "BOOKMARK is not a rule");
    CHECK(scroll_rule(B, 99, 0, 10, 100, &t, &w) == SCROLL_BAD_ORIENTATION, "an unknown orientation");
    return th_done();
}
