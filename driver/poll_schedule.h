/* poll_schedule.h - the wait between two GetQueryExecution polls. */
#ifndef ATHENA_POLL_SCHEDULE_H
#define ATHENA_POLL_SCHEDULE_H

/* Share of the elapsed time a wait may take: a query's end is noticed at
 * most about 10% of its run time + MinQueryExecutionPollingInterval late. */
#define POLL_LATENESS_SHARE 0.1

/* The wait (ms) before the next poll, a pure function of the keys, the
 * previous wait (0 for the first wait, which the multiplier then does not cap) and the
 * time since the query started (ms):
 *   min(prev * multiplier, min_ms + 0.1 * elapsed), at least min_ms,
 *   at most max_ms. */
double poll_next_wait(double prev_ms, double elapsed_ms, double min_ms, double max_ms,
                      double multiplier);

#endif
