/* sigv4.c - placeholder until its author lands it. */
