/* athena_client.c - placeholder until its author lands it. */
