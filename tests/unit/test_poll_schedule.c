/* test_poll_schedule.c - the wait between GetQueryExecution polls
 * (poll_schedule.c): exact waits for given keys, previous wait and elapsed
 * time, and, polling with no network time, the lateness bound
 * (10% of the run time + MinQueryExecutionPollingInterval) and the number of
 * polls with the default keys. */
#include "harness.h"

#include "poll_schedule.h"

/* Polls with the default keys (50, 10000, 1.5) for a query that ends at
 * end_ms, each poll taking no time: the number of polls, and in *late how
 * long after the end the poll that saw it came. */
static int simulate(double end_ms, double *late)
{
    double t = 0.0, wait = 0.0;
    int polls = 1; /* the first poll comes at once */
    while (t < end_ms) {
        wait = poll_next_wait(wait, t, 50.0, 10000.0, 1.5);
        t += wait;
        polls++;
    }
    *late = t - end_ms;
    return polls;
}

int main(void)
{
    /* min_ms + 10% of the elapsed time */
    CHECK_DBL(poll_next_wait(0.0, 0.0, 50.0, 10000.0, 1.5), 50.0, "first wait is the minimum");
    CHECK_DBL(poll_next_wait(0.0, 250.0, 50.0, 10000.0, 1.5), 75.0, "first wait after 250 ms");
    CHECK_DBL(poll_next_wait(1000.0, 20000.0, 50.0, 10000.0, 1.5), 1500.0, "multiplier caps the growth");
    CHECK_DBL(poll_next_wait(5000.0, 20000.0, 50.0, 10000.0, 1.5), 2050.0, "50 ms + 10% of 20 s");
    CHECK_DBL(poll_next_wait(5500.0, 60000.0, 50.0, 10000.0, 1.5), 6050.0, "50 ms + 10% of 60 s");
    CHECK_DBL(poll_next_wait(10000.0, 500000.0, 50.0, 10000.0, 1.5), 10000.0, "the maximum caps the wait");
    CHECK_DBL(poll_next_wait(1000.0, 500000.0, 50.0, 1000.0, 1.5), 1000.0, "a lower maximum");
    /* the minimum is a floor, also for the first wait and below 1 */
    CHECK_DBL(poll_next_wait(0.0, 1000.0, 500.0, 10000.0, 1.5), 600.0, "first wait with a 500 ms minimum");
    CHECK_DBL(poll_next_wait(100.0, 1000.0, 500.0, 10000.0, 1.5), 500.0, "never below the minimum");
    CHECK_DBL(poll_next_wait(0.0, 0.0, 0.0, 10000.0, 1.5), 1.0, "a minimum below 1 ms counts as 1 ms");
    CHECK_DBL(poll_next_wait(0.0, 0.0, 2000.0, 1000.0, 1.5), 2000.0, "a maximum below the minimum yields to it");
    /* multiplier 1: a fixed interval */
    CHECK_DBL(poll_next_wait(200.0, 60000.0, 200.0, 10000.0, 1.0), 200.0, "multiplier 1 keeps the interval");
    CHECK_DBL(poll_next_wait(0.0, -5.0, 50.0, 10000.0, 1.5), 50.0, "a clock step back counts as 0");

    /* the bound, for queries from 0.1 s to 60 s (every 1 ms up to 1 s, every 10 ms above) */
    int worst = 0;
    double worst_excess = -1e9;
    for (int ms = 100; ms <= 60000; ms += ms < 1000 ? 1 : 10) {
        double late;
        simulate(ms, &late);
        double excess = late - (0.1 * ms + 50.0);
        if (excess > worst_excess) {
            worst_excess = excess;
            worst = ms;
        }
    }
    CHECK(worst_excess <= 0.0, "lateness within 10%% + 50 ms from 0.1 s to 60 s (worst: %d ms, %.3f ms over)",
          worst, worst_excess);

    /* the polls: a doubling schedule from 100 ms needs 1 + 10 for 60 s but
     * is up to 100% late; this one needs more polls, growing with log(T) */
    double late;
    CHECK_INT(simulate(100.0, &late), 3, "polls for 0.1 s");
    CHECK_INT(simulate(1000.0, &late), 13, "polls for 1 s");
    CHECK_INT(simulate(10000.0, &late), 33, "polls for 10 s");
    CHECK_INT(simulate(60000.0, &late), 52, "polls for 60 s");
    return th_done();
}
