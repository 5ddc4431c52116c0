/* rate_limit.c - adaptive client-side rate limiting (rate_limit.h).
 *
 * The model is the one of the AWS SDKs' "adaptive" retry mode:
 *  - a token bucket of fill rate r tokens/s and capacity max(r, 1); each
 *    attempt takes a token, reserving it when none is left (the bucket goes
 *    negative and the caller waits until it is back at zero);
 *  - the measured sending rate: answers counted in half-second buckets,
 *    smoothed (0.8 new, 0.2 old);
 *  - on a throttling answer: W_max = the rate being achieved (the measured
 *    rate, or the fill rate if lower), r = 0.7 W_max, and the time of the
 *    throttle is remembered;
 *  - on any other answer: r = C (t - K)^3 + W_max, t the time since the last
 *    throttle, K = cbrt(W_max (1 - 0.7) / C), C = 0.4: the rate climbs back
 *    quickly, flattens near W_max, then probes above it;
 *  - r is never above twice the measured rate nor below 0.5/s.
 * The bucket is enabled by the first throttling answer and stays enabled. */
#include "rate_limit.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BETA 0.7
#define SCALE 0.4
#define MIN_FILL_RATE 0.5
#define MIN_CAPACITY 1.0
#define SMOOTH 0.8
#define BUCKET_S 0.5

typedef struct rl_state {
    bool enabled;
    double fill_rate, capacity, max_capacity, last_refill;
    double last_max_rate, last_throttle, inflection;
    double measured, tx_bucket;
    long tx_count;
} rl_state;

struct rate_limiter {
    pthread_mutex_t mu;
    rl_state st;
};

static void rl_init(rate_limiter *rl)
{
    pthread_mutex_init(&rl->mu, NULL);
    memset(&rl->st, 0, sizeof rl->st);
}

/* Clears the state, keeping the (initialised) mutex. */
static void rl_clear(rate_limiter *rl)
{
    pthread_mutex_lock(&rl->mu);
    memset(&rl->st, 0, sizeof rl->st);
    pthread_mutex_unlock(&rl->mu);
}

rate_limiter *rl_new(void)
{
    rate_limiter *rl = calloc(1, sizeof *rl);
    if (rl)
        rl_init(rl);
    return rl;
}

void rl_free(rate_limiter *rl)
{
    if (!rl)
        return;
    pthread_mutex_destroy(&rl->mu);
    free(rl);
}

static void refill(rate_limiter *rl, double now)
{
    if (rl->st.last_refill > 0 && now > rl->st.last_refill) {
        rl->st.capacity += (now - rl->st.last_refill) * rl->st.fill_rate;
        if (rl->st.capacity > rl->st.max_capacity)
            rl->st.capacity = rl->st.max_capacity;
    }
    if (now > rl->st.last_refill)
        rl->st.last_refill = now;
}

double rl_acquire(rate_limiter *rl, double now)
{
    if (!rl)
        return 0;
    pthread_mutex_lock(&rl->mu);
    double wait = 0;
    if (rl->st.enabled) {
        refill(rl, now);
        rl->st.capacity -= 1.0;
        if (rl->st.capacity < 0)
            wait = -rl->st.capacity / rl->st.fill_rate;
    }
    pthread_mutex_unlock(&rl->mu);
    return wait;
}

static void measure(rate_limiter *rl, double now)
{
    double bucket = floor(now / BUCKET_S) * BUCKET_S;
    rl->st.tx_count++;
    if (rl->st.tx_bucket == 0) {
        rl->st.tx_bucket = bucket;
        return;
    }
    if (bucket > rl->st.tx_bucket) {
        double rate = (double)rl->st.tx_count / (bucket - rl->st.tx_bucket);
        rl->st.measured = rate * SMOOTH + rl->st.measured * (1 - SMOOTH);
        rl->st.tx_count = 0;
        rl->st.tx_bucket = bucket;
    }
}

static void set_rate(rate_limiter *rl, double rate, double now)
{
    refill(rl, now);
    rl->st.fill_rate = rate > MIN_FILL_RATE ? rate : MIN_FILL_RATE;
    rl->st.max_capacity = rate > MIN_CAPACITY ? rate : MIN_CAPACITY;
    if (rl->st.capacity > rl->st.max_capacity)
        rl->st.capacity = rl->st.max_capacity;
}

void rl_update(rate_limiter *rl, bool throttled, double now)
{
    if (!rl)
        return;
    pthread_mutex_lock(&rl->mu);
    measure(rl, now);
    double rate;
    if (throttled) {
        double achieved = rl->st.measured;
        if (rl->st.enabled && rl->st.fill_rate < achieved)
            achieved = rl->st.fill_rate;
        rl->st.last_max_rate = achieved;
        rl->st.inflection = cbrt(achieved * (1 - BETA) / SCALE);
        rl->st.last_throttle = now;
        rate = achieved * BETA;
        if (!rl->st.enabled) {
            rl->st.enabled = true;
            rl->st.capacity = 0;
            rl->st.last_refill = now;
        }
    } else if (rl->st.enabled) {
        double dt = now - rl->st.last_throttle - rl->st.inflection;
        rate = SCALE * dt * dt * dt + rl->st.last_max_rate;
    } else {
        pthread_mutex_unlock(&rl->mu);
        return;
    }
    if (rate > 2 * rl->st.measured)
        rate = 2 * rl->st.measured;
    set_rate(rl, rate, now);
    pthread_mutex_unlock(&rl->mu);
}

bool rl_enabled(rate_limiter *rl)
{
    pthread_mutex_lock(&rl->mu);
    bool e = rl->st.enabled;
    pthread_mutex_unlock(&rl->mu);
    return e;
}

double rl_fill_rate(rate_limiter *rl)
{
    pthread_mutex_lock(&rl->mu);
    double r = rl->st.fill_rate;
    pthread_mutex_unlock(&rl->mu);
    return r;
}

double rl_measured_rate(rate_limiter *rl)
{
    pthread_mutex_lock(&rl->mu);
    double r = rl->st.measured;
    pthread_mutex_unlock(&rl->mu);
    return r;
}

/* ---- the process-wide table ---- */

#define MAX_BUCKETS 64

static struct {
    char key[200];
    rate_limiter rl;
} table[MAX_BUCKETS];
static int table_used;
static pthread_mutex_t table_mu = PTHREAD_MUTEX_INITIALIZER;

/* "scheme://host[:port] operation" into key; false if the URL has no host. */
static bool make_key(char *key, size_t n, const char *url, const char *op)
{
    const char *p = url ? strstr(url, "://") : NULL;
    if (!p || !p[3] || p[3] == '/')
        return false;
    size_t len = strcspn(p + 3, "/?#") + (size_t)(p + 3 - url);
    int w = snprintf(key, n, "%.*s %s", (int)len, url, op ? op : "");
    return w > 0 && (size_t)w < n;
}

rate_limiter *rl_for(const char *url, const char *operation)
{
    char key[sizeof table[0].key];
    if (!make_key(key, sizeof key, url, operation))
        return NULL;
    rate_limiter *found = NULL;
    pthread_mutex_lock(&table_mu);
    for (int i = 0; i < table_used && !found; i++)
        if (!strcmp(table[i].key, key))
            found = &table[i].rl;
    if (!found && table_used < MAX_BUCKETS) {
        snprintf(table[table_used].key, sizeof table[table_used].key, "%s", key);
        rl_init(&table[table_used].rl);
        found = &table[table_used++].rl;
    }
    pthread_mutex_unlock(&table_mu);
    return found;
}

void rl_reset_all(void)
{
    pthread_mutex_lock(&table_mu);
    for (int i = 0; i < table_used; i++)
        rl_clear(&table[i].rl);
    pthread_mutex_unlock(&table_mu);
}
