/* poll_schedule.c - the wait between two GetQueryExecution polls.
 *
 * A geometric schedule: waits w0 = min, w(k+1) = w(k) * m. Polls then start
 * at t(k) = min * (m^k - 1) / (m - 1), so each wait is w(k) = (m - 1) * t(k)
 * + min: a query that ends just after the poll at t(k) is seen by the next
 * one, at most (m - 1) * t(k) + min later. With the defaults (50 ms, x1.1)
 * that is 10% of the run time + 50 ms, and no schedule keeping that bound
 * for every run time makes fewer polls (docs/performance.md, Polling).
 * m = 2 from 100 ms is the doubling schedule: fewer polls, up to 100% late. */
#include "poll_schedule.h"

#include <math.h>

double poll_next_wait(const athena_config *cfg, double prev_ms)
{
    double min_ms = cfg->min_poll_ms >= 1 ? (double)cfg->min_poll_ms : 1.0;
    double max_ms = (double)cfg->max_poll_ms > min_ms ? (double)cfg->max_poll_ms : min_ms;
    double mult = cfg->poll_multiplier >= 1.0 ? cfg->poll_multiplier : 1.0;
    double w = prev_ms > 0.0 ? prev_ms * mult : min_ms;
    /* whole microseconds (the 1e-6 absorbs the product's rounding error,
     * so 60.5 * 1.1 gives 66.55, not 66.549) */
    w = floor(w * 1000.0 + 1e-6) / 1000.0;
    if (w < min_ms)
        w = min_ms;
    if (w > max_ms)
        w = max_ms;
    return w;
}
