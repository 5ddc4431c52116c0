/* result_pager.c - placeholder until its author lands it. */
