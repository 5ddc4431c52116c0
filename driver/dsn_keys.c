/* dsn_keys.c - placeholder until its author lands it. */
