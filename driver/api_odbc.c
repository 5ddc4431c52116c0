/* api_odbc.c - placeholder until its author lands it. */
