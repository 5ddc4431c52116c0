/* poll_schedule.c - the wait between two GetQueryExecution polls.
 *
 * A query that ends just after a poll at elapsed time t is seen by the next
 * poll, one wait later; so the wait chosen at t is the worst lateness for a
 * query ending then. Keeping it at min_ms + 10% of t bounds the lateness to
 * 10% of the query's run time plus min_ms, while the number of polls grows
 * only with the logarithm of the run time (each wait is about 1.1 times the
 * one before). The multiplier caps how fast the wait may grow, the maximum
 * caps the wait itself (then long queries are polled every max_ms). */
#include "poll_schedule.h"

double poll_next_wait(double prev_ms, double elapsed_ms, double min_ms, double max_ms,
                      double multiplier)
{
    if (min_ms < 1.0)
        min_ms = 1.0;
    if (max_ms < min_ms)
        max_ms = min_ms;
    if (elapsed_ms < 0.0)
        elapsed_ms = 0.0;
    double w = min_ms + POLL_LATENESS_SHARE * elapsed_ms;
    if (prev_ms > 0.0 && prev_ms * multiplier < w)
        w = prev_ms * multiplier;
    if (w < min_ms)
        w = min_ms;
    if (w > max_ms)
        w = max_ms;
    return w;
}
