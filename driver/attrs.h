/* attrs.h - environment, connection and statement attributes. String
 * attributes travel as UTF-8; the API edges convert. */
#ifndef ATHENA_ATTRS_H
#define ATHENA_ATTRS_H

#include "handles.h"

SQLRETURN attr_set_env(athena_env *e, SQLINTEGER attr, SQLPOINTER value, SQLINTEGER len);
SQLRETURN attr_get_env(athena_env *e, SQLINTEGER attr, SQLPOINTER value, SQLINTEGER buflen,
                       SQLINTEGER *len);

/* True for the connection attributes whose value is a string
 * (SQL_ATTR_CURRENT_CATALOG, SQL_ATTR_TRACEFILE, SQL_ATTR_TRANSLATE_LIB):
 * the W edge converts those from UTF-16. */
bool attr_connect_is_string(SQLINTEGER attr);
/* For string attributes value is a UTF-8 string of len bytes (SQL_NTS allowed). */
SQLRETURN attr_set_connect(athena_dbc *d, SQLINTEGER attr, SQLPOINTER value, SQLINTEGER len);
/* For string attributes *str is set (owned by the connection) and nothing
 * is written to value; numeric ones are written to value. */
SQLRETURN attr_get_connect(athena_dbc *d, SQLINTEGER attr, SQLPOINTER value, const char **str);

SQLRETURN attr_set_stmt(athena_stmt *s, SQLINTEGER attr, SQLPOINTER value, SQLINTEGER len);
/* value must not be NULL (HY009); *len, when given, receives the size written. */
SQLRETURN attr_get_stmt(athena_stmt *s, SQLINTEGER attr, SQLPOINTER value, SQLINTEGER *len);

#endif
