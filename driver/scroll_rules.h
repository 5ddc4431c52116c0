/* scroll_rules.h - where a static cursor's next rowset starts: the "cursor
 * positioning rules" of SQLFetchScroll in the ODBC specification, as a pure
 * function of the current position, the orientation, the offset, the rowset
 * size and (when a rule needs it) the number of rows in the result. */
#ifndef ATHENA_SCROLL_RULES_H
#define ATHENA_SCROLL_RULES_H

#include <sql.h>
#include <sqlext.h>
#include <stdbool.h>

#define SCROLL_BEFORE_START 0
#define SCROLL_AFTER_END (-1)

typedef enum {
    SCROLL_OK,          /* *target set */
    SCROLL_NEED_LAST,   /* the rule needs the number of rows: call again with last >= 0 */
    SCROLL_BAD_ORIENTATION
} scroll_result;

/* cur: first row of the current rowset (1-based), SCROLL_BEFORE_START or
 * SCROLL_AFTER_END. last: rows in the result, or -1 when not known yet.
 * *target: the new rowset's first row, SCROLL_BEFORE_START or
 * SCROLL_AFTER_END (a target past the last row is found when the rowset is
 * filled). *warn: 01S06, the rowset was moved to row 1. */
scroll_result scroll_rule(SQLLEN cur, SQLUSMALLINT orientation, SQLLEN offset, SQLLEN size, SQLLEN last,
                          SQLLEN *target, bool *warn);

#endif
