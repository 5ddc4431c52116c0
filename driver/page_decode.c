/* page_decode.c - placeholder until its author lands it. */
