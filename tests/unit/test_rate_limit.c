/* test_rate_limit.c - the adaptive rate limiter (rate_limit.c) driven by a
 * fake clock: off until the first throttle, the measured rate, the drop to
 * 0.7 of it, reserved tokens served in order, the cubic recovery and its
 * cap, the floor, the process-wide table, and many threads taking tokens. */
#include "harness.h"

#include <math.h>
#include <pthread.h>

#include "rate_limit.h"

#define NEAR(got, want, what)                                                                   \
    do {                                                                                         \
        double g_ = (got), w_ = (want);                                                          \
        th_report(fabs(g_ - w_) < 1e-9, __FILE__, __LINE__, "%s: got %.12g, want %.12g", (what), \
                  g_, w_);                                                                       \
    } while (0)

/* Successful answers at 8/s (every 0.125 s) from t0 up to t1 inclusive. */
static double steady(rate_limiter *rl, double t0, double t1)
{
    double t = t0;
    for (; t <= t1 + 1e-12; t += 0.125)
        rl_update(rl, false, t);
    return t;
}

static void test_off_until_throttled(void)
{
    rate_limiter *rl = rl_new();
    CHECK(!rl_enabled(rl), "a new bucket is off");
    NEAR(rl_acquire(rl, 100.0), 0.0, "off: no wait");
    steady(rl, 100.0, 101.375);
    CHECK(!rl_enabled(rl), "successes do not turn it on");
    int waited = 0;
    for (int i = 0; i < 1000; i++)
        waited += rl_acquire(rl, 101.4) != 0;
    CHECK_INT(waited, 0, "off: 1000 tokens at one instant, no wait");
    /* 5 answers in [100, 100.5) then 4 per half second: 10/s, then 8/s smoothed 0.8/0.2 */
    NEAR(rl_measured_rate(rl), 8.0, "measured rate at 8/s");
    rl_free(rl);
}

static void test_throttle_and_recovery(void)
{
    rate_limiter *rl = rl_new();
    steady(rl, 100.0, 101.375);
    rl_update(rl, true, 101.5);
    CHECK(rl_enabled(rl), "the first throttle turns it on");
    NEAR(rl_fill_rate(rl), 5.6, "fill rate 0.7 x measured 8/s");
    /* an empty bucket: tokens are reserved in order */
    NEAR(rl_acquire(rl, 101.5), 1 / 5.6, "first caller waits one token");
    NEAR(rl_acquire(rl, 101.5), 2 / 5.6, "second caller waits two tokens");
    /* one second later 5.6 tokens came back: -2 + 5.6 = 3.6 */
    NEAR(rl_acquire(rl, 102.5), 0.0, "tokens back after a second");
    NEAR(rl_acquire(rl, 102.5), 0.0, "second of the 3.6");
    NEAR(rl_acquire(rl, 102.5), 0.0, "third of the 3.6");
    NEAR(rl_acquire(rl, 102.5), 0.4 / 5.6, "the fourth waits for 0.4 token");

    /* cubic recovery at 8/s offered: back at W_max = 8 after K = cbrt(8 x 0.3 / 0.4) */
    double k = cbrt(6.0);
    steady(rl, 101.625, 103.25);
    rl_update(rl, false, 101.5 + k);
    NEAR(rl_fill_rate(rl), 8.0, "back at the rate of the throttle after K");
    steady(rl, 103.375, 103.25 + 2);
    rl_update(rl, false, 101.5 + k + 2);
    NEAR(rl_fill_rate(rl), 8.0 + 0.4 * 8, "K + 2 s: W_max + 0.4 x 2^3");
    steady(rl, 105.375, 107.25);
    rl_update(rl, false, 101.5 + k + 4);
    double m = rl_measured_rate(rl);
    CHECK(m > 8.0 && m < 8.1, "measured about 8/s (the off-grid answers count too): %.6f", m);
    NEAR(rl_fill_rate(rl), 2 * m, "K + 4 s: 0.4 x 4^3 + 8 = 33.6 capped at twice the measured rate");
    /* throttled again while on: 0.7 x min(measured, fill rate) */
    rl_update(rl, true, 107.5);
    m = rl_measured_rate(rl);
    NEAR(rl_fill_rate(rl), 0.7 * m, "second throttle: 0.7 x the measured rate");
    rl_free(rl);
}

static void test_floor(void)
{
    rate_limiter *rl = rl_new();
    rl_update(rl, true, 50.0); /* nothing measured yet */
    NEAR(rl_fill_rate(rl), 0.5, "fill rate floor 0.5/s");
    NEAR(rl_acquire(rl, 50.0), 2.0, "one token at 0.5/s: 2 s");
    NEAR(rl_acquire(rl, 50.0), 4.0, "the next caller: 4 s");
    NEAR(rl_acquire(rl, 56.0), 0.0, "6 s later: 3 tokens came back, capacity 1: no wait");
    rl_free(rl);
}

static void test_table(void)
{
    rate_limiter *a = rl_for("http://127.0.0.1:4000/", "StartQueryExecution");
    CHECK(a != NULL, "a bucket for an endpoint and operation");
    CHECK(rl_for("http://127.0.0.1:4000", "StartQueryExecution") == a, "same endpoint without a path: same bucket");
    CHECK(rl_for("http://127.0.0.1:4000/bucket/key?x=1", "StartQueryExecution") == a, "another path: same bucket");
    CHECK(rl_for("http://127.0.0.1:4000/", "GetQueryExecution") != a, "another operation: another bucket");
    CHECK(rl_for("http://127.0.0.1:4001/", "StartQueryExecution") != a, "another port: another bucket");
    CHECK(rl_for("https://127.0.0.1:4000/", "StartQueryExecution") != a, "another scheme: another bucket");
    CHECK(rl_for("no-scheme", "X") == NULL, "no host: not limited");
    CHECK(rl_for("http:///path", "X") == NULL, "empty host: not limited");
    rl_update(a, true, 10.0);
    CHECK(rl_enabled(a), "throttled: on");
    rl_reset_all();
    CHECK(!rl_enabled(a), "reset: off again");
    int made = 0;
    char u[64];
    for (int i = 0; i < 100; i++) {
        snprintf(u, sizeof u, "http://h%d:1/", i);
        made += rl_for(u, "Op") != NULL;
    }
    CHECK_INT(made, 64 - 4, "the table holds 64 buckets, the rest are not limited");
}

/* Threads taking tokens at one fake instant each get a distinct place in
 * the queue: the waits are exactly 1/r, 2/r, ... 400/r. */
static rate_limiter *shared;
static double waits[400];
static void *taker(void *arg)
{
    int base = (int)(long)arg * 100;
    for (int i = 0; i < 100; i++)
        waits[base + i] = rl_acquire(shared, 20.0);
    return NULL;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void test_threads(void)
{
    shared = rl_new();
    rl_update(shared, true, 20.0); /* 0.5/s, empty */
    pthread_t t[4];
    for (long i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, taker, (void *)i);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    qsort(waits, 400, sizeof waits[0], cmp_double);
    int exact = 0;
    for (int i = 0; i < 400; i++)
        exact += fabs(waits[i] - (i + 1) / 0.5) < 1e-9;
    CHECK_INT(exact, 400, "400 tokens taken by 4 threads: each place in the queue once");
    rl_free(shared);
}

int main(void)
{
    test_off_until_throttled();
    test_throttle_and_recovery();
    test_floor();
    test_table();
    test_threads();
    return th_done();
}
