/* scroll_rules.c - the positioning rules of SQLFetchScroll (see the header).
 * Arithmetic avoids overflow for any SQLLEN offset. */
#include "scroll_rules.h"

#define SQLLEN_MAX ((SQLLEN)(((SQLULEN)-1) >> 1))

/* A rowset that would start `offset` rows from `from` (>= 1), before row 1:
 * row 1 with 01S06 if it overlaps row 1 (|offset| <= size), else before the start. */
static SQLLEN before_one(SQLLEN offset, SQLLEN size, bool *warn)
{
    *warn = offset >= -size;
    return *warn ? 1 : SCROLL_BEFORE_START;
}

scroll_result scroll_rule(SQLLEN cur, SQLUSMALLINT orientation, SQLLEN offset, SQLLEN size, SQLLEN last,
                          SQLLEN *target, bool *warn)
{
    *warn = false;
    switch (orientation) {
    case SQL_FETCH_NEXT:
        if (cur == SCROLL_BEFORE_START)
            *target = 1;
        else if (cur == SCROLL_AFTER_END || size > SQLLEN_MAX - cur)
            *target = SCROLL_AFTER_END;
        else
            *target = cur + size;
        return SCROLL_OK;
    case SQL_FETCH_FIRST:
        *target = 1;
        return SCROLL_OK;
    case SQL_FETCH_LAST:
        if (last < 0)
            return SCROLL_NEED_LAST;
        *target = size <= last ? last - size + 1 : 1;
        return SCROLL_OK;
    case SQL_FETCH_PRIOR:
        if (cur == SCROLL_BEFORE_START || cur == 1) {
            *target = SCROLL_BEFORE_START;
        } else if (cur == SCROLL_AFTER_END) {
            if (last < 0)
                return SCROLL_NEED_LAST;
            *warn = last < size;
            *target = *warn ? 1 : last - size + 1;
        } else {
            *warn = cur <= size;
            *target = *warn ? 1 : cur - size;
        }
        return SCROLL_OK;
    case SQL_FETCH_RELATIVE:
        if ((cur == SCROLL_BEFORE_START && offset > 0) || (cur == SCROLL_AFTER_END && offset < 0))
            return scroll_rule(cur, SQL_FETCH_ABSOLUTE, offset, size, last, target, warn);
        if (cur == SCROLL_BEFORE_START || (cur == 1 && offset < 0))
            *target = SCROLL_BEFORE_START;
        else if (cur == SCROLL_AFTER_END || (offset > 0 && offset > SQLLEN_MAX - cur))
            *target = SCROLL_AFTER_END;
        else if (offset < 1 - cur)
            *target = before_one(offset, size, warn);
        else
            *target = cur + offset;
        return SCROLL_OK;
    case SQL_FETCH_ABSOLUTE:
        if (offset >= 0) {
            *target = offset == 0 ? SCROLL_BEFORE_START : offset;
            return SCROLL_OK;
        }
        if (last < 0)
            return SCROLL_NEED_LAST;
        *target = offset >= -last ? last + offset + 1 : before_one(offset, size, warn);
        return SCROLL_OK;
    default:
        return SCROLL_BAD_ORIENTATION;
    }
}
