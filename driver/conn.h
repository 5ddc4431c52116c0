/* conn.h - opening and closing connections (UTF-8 core). */
#ifndef ATHENA_CONN_H
#define ATHENA_CONN_H

#include "handles.h"
#include "strbuf.h"

/* SQLConnect: DSN from odbc.ini; uid/pwd (NULL or "" = not given) override it. */
SQLRETURN conn_connect(athena_dbc *d, const char *dsn, const char *uid, const char *pwd);
/* SQLDriverConnect: `in` is the connection string (len bytes). out receives
 * the completed string (keys in force, never a secret). */
SQLRETURN conn_driver_connect(athena_dbc *d, const char *in, size_t len,
                              SQLUSMALLINT completion, strbuf *out);
/* SQLDisconnect: 08003 when the connection is not open. */
SQLRETURN conn_disconnect(athena_dbc *d);
/* SQLEndTran on an environment or a connection (posting to its diag):
 * checks the completion type (HY012); there is nothing to commit. */
SQLRETURN conn_end_tran(diag_list *diag, SQLSMALLINT completion);

#endif
