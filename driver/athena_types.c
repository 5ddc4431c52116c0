/* athena_types.c - placeholder until its author lands it. */
