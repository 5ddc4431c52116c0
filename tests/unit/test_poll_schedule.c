/* test_poll_schedule.c - the wait between GetQueryExecution polls
 * (poll_schedule.c): the exact waits the three polling keys give, set as a
 * connection string sets them, and, polling with no network time, the
 * lateness bound ((multiplier - 1) x run time + minimum) and the number of
 * polls for queries of 0.1 to 60 s, with the defaults and with the
 * doubling schedule the keys can also give. */
#include "harness.h"

#include "dsn_keys.h"
#include "poll_schedule.h"
#include "strbuf.h"

/* A config with the defaults and the given polling keys (NULL: default). */
static void keys(athena_config *c, const char *min, const char *max, const char *mult)
{
    strbuf err;
    sb_init(&err);
    config_init(c);
    const char *names[] = {"MinQueryExecutionPollingInterval", "MaxQueryExecutionPollingInterval",
                           "QueryExecutionPollingIntervalMultiplier"};
    const char *values[] = {min, max, mult};
    for (int i = 0; i < 3; i++)
        if (values[i])
            CHECK_INT(config_set(c, names[i], values[i], &err), KEY_SET, names[i]);
    sb_free(&err);
}

/* The first n waits of a config against the expected ones. */
static void waits(const athena_config *c, const double *want, int n, const char *what)
{
    double w = 0.0;
    for (int i = 0; i < n; i++) {
        w = poll_next_wait(c, w);
        th_report(w == want[i], __FILE__, __LINE__, "%s: wait %d: got %.17g, want %.17g", what, i + 1, w,
                  want[i]);
    }
}

/* Polls (each taking no time: exec.c counts a wait from the poll's start)
 * for a query that ends at end_ms: the number of GetQueryExecution calls,
 * the first at once, and in *late how long after the end the poll that saw
 * it came. */
static int simulate(const athena_config *c, double end_ms, double *late)
{
    double t = 0.0, wait = 0.0;
    int calls = 1;
    while (t < end_ms) {
        wait = poll_next_wait(c, wait);
        t += wait;
        calls++;
    }
    *late = t - end_ms;
    return calls;
}

/* The largest excess of the lateness over share x end + min_ms for ends
 * from 100 ms to 60 s (every 1 ms up to 1 s, every 10 ms above). */
static double worst_excess(const athena_config *c, double share, double min_ms, int *at)
{
    double worst = -1e9;
    for (int ms = 100; ms <= 60000; ms += ms < 1000 ? 1 : 10) {
        double late;
        simulate(c, ms, &late);
        double excess = late - (share * ms + min_ms);
        if (excess > worst) {
            worst = excess;
            *at = ms;
        }
    }
    return worst;
}

int main(void)
{
    athena_config c;
    double late;
    int at = 0;

    /* the defaults: 50 ms, x1.1 (whole microseconds, rounded down), at most 10 s */
    keys(&c, NULL, NULL, NULL);
    static const double dflt[] = {50, 55, 60.5, 66.55, 73.205, 80.525, 88.577, 97.434, 107.177, 117.894};
    waits(&c, dflt, 10, "defaults");
    double w = 0.0;
    int n = 0;
    while (w < 10000.0 && n < 1000) {
        w = poll_next_wait(&c, w);
        n++;
    }
    CHECK_INT(n, 57, "the 57th default wait reaches the maximum");
    CHECK_DBL(poll_next_wait(&c, w), 10000.0, "and stays there");
    CHECK(worst_excess(&c, 0.1, 50.0, &at) <= 0.0, "defaults: every end from 0.1 s to 60 s noticed within 10%% + 50 ms (closest at %d ms)", at);
    CHECK_INT(simulate(&c, 100.0, &late), 3, "defaults: calls for 0.1 s");
    CHECK_DBL(late, 5.0, "defaults: 0.1 s seen 5 ms late");
    CHECK_INT(simulate(&c, 1000.0, &late), 13, "defaults: calls for 1 s");
    CHECK_INT(simulate(&c, 10000.0, &late), 33, "defaults: calls for 10 s");
    CHECK_INT(simulate(&c, 60000.0, &late), 52, "defaults: calls for 60 s");
    config_free(&c);

    /* fewer calls: the doubling schedule from 100 ms, up to 100% + 100 ms late */
    keys(&c, "100", "600000", "2");
    static const double dbl[] = {100, 200, 400, 800, 1600, 3200, 6400, 12800, 25600, 51200, 102400, 204800, 409600, 600000, 600000};
    waits(&c, dbl, 15, "doubling");
    CHECK(worst_excess(&c, 1.0, 100.0, &at) <= 0.0, "doubling: every end noticed within 100%% + 100 ms (closest at %d ms)", at);
    CHECK_INT(simulate(&c, 1000.0, &late), 5, "doubling: calls for 1 s");
    CHECK_DBL(late, 500.0, "doubling: 1 s seen 500 ms late");
    CHECK_INT(simulate(&c, 60000.0, &late), 11, "doubling: calls for 60 s");
    CHECK_DBL(late, 42300.0, "doubling: 60 s seen 42.3 s late");
    config_free(&c);

    /* a lower maximum caps the growth (the previous defaults: 50 ms, x1.5, 1 s) */
    keys(&c, NULL, "1000", "1.5");
    static const double old[] = {50, 75, 112.5, 168.75, 253.125, 379.687, 569.53, 854.295, 1000, 1000};
    waits(&c, old, 10, "50 ms x1.5 up to 1 s");
    CHECK_INT(simulate(&c, 60000.0, &late), 67, "50 ms x1.5 up to 1 s: calls for 60 s");
    config_free(&c);

    /* multiplier 1: a fixed interval */
    keys(&c, "200", NULL, "1");
    static const double fixed[] = {200, 200, 200, 200};
    waits(&c, fixed, 4, "fixed 200 ms");
    CHECK_INT(simulate(&c, 60000.0, &late), 301, "fixed 200 ms: calls for 60 s");
    config_free(&c);

    /* a config the validation would refuse still gives sane waits */
    keys(&c, NULL, NULL, NULL);
    c.min_poll_ms = 0;
    c.max_poll_ms = 0;
    c.poll_multiplier = 0.5;
    static const double odd[] = {1, 1, 1};
    waits(&c, odd, 3, "minimum 0, maximum 0, multiplier 0.5");
    config_free(&c);
    return th_done();
}
