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
    /* min_ms + 10% of the elapsed time, capped by prev * multiplier and max_ms, at least min_ms */
    static const struct {
        double prev, elapsed, min, max, mult, want;
        const char *what;
    } cases[] = {
        {0, 0, 50, 10000, 1.5, 50, "first wait is the minimum"},
        {0, 250, 50, 10000, 1.5, 75, "first wait after 250 ms"},
        {1000, 20000, 50, 10000, 1.5, 1500, "multiplier caps the growth"},
        {5000, 20000, 50, 10000, 1.5, 2050, "50 ms + 10% of 20 s"},
        {5500, 60000, 50, 10000, 1.5, 6050, "50 ms + 10% of 60 s"},
        {10000, 500000, 50, 10000, 1.5, 10000, "the maximum caps the wait"},
        {1000, 500000, 50, 1000, 1.5, 1000, "a lower maximum"},
        {0, 1000, 500, 10000, 1.5, 600, "first wait with a 500 ms minimum"},
        {100, 1000, 500, 10000, 1.5, 500, "never below the minimum"},
        {0, 0, 0, 10000, 1.5, 1, "a minimum below 1 ms counts as 1 ms"},
        {0, 0, 2000, 1000, 1.5, 2000, "a maximum below the minimum yields to it"},
        {200, 60000, 200, 10000, 1.0, 200, "multiplier 1 keeps the interval"},
        {0, -5, 50, 10000, 1.5, 50, "a clock step back counts as 0"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        CHECK_DBL(poll_next_wait(cases[i].prev, cases[i].elapsed, cases[i].min, cases[i].max, cases[i].mult),
                  cases[i].want, cases[i].what);

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
