/* rate_limit.h - the process-wide adaptive rate limiter: one token bucket
 * per endpoint and operation, shared by every connection of the process,
 * whose fill rate is set by a CUBIC congestion controller fed with the
 * answers (throttled or not). It stays out of the way until the first
 * throttling answer; from then on every attempt takes a token first, so
 * the clients of one process share the service's quota instead of each
 * retrying into it. http.c asks for a token before every attempt and
 * reports every answer; the waiting itself is http.c's (cancellable).
 *
 * Times are seconds on any monotonic clock, passed in, so unit tests drive
 * a bucket with a fake clock. Every function locks the bucket. */
#ifndef ATHENA_RATE_LIMIT_H
#define ATHENA_RATE_LIMIT_H

#include <stdbool.h>

typedef struct rate_limiter rate_limiter;

/* The process-wide bucket of an endpoint (the URL's scheme://host:port)
 * and an operation, created on first use and kept for the process's life.
 * NULL when the URL has no host or the table (64 buckets) is full: the
 * request is then not limited. */
rate_limiter *rl_for(const char *url, const char *operation);

/* Takes one token. Returns 0 when the request may go now, else the seconds
 * the caller must wait before sending: the token is reserved, so waiting
 * callers are served in order. A limiter that has not seen a throttling
 * answer returns 0 without counting. */
double rl_acquire(rate_limiter *rl, double now);
/* Reports an answer: throttled lowers the fill rate (to 0.7 of the rate
 * that was being achieved), any other answer lets it grow back along the
 * cubic curve, never above twice the measured sending rate. */
void rl_update(rate_limiter *rl, bool throttled, double now);

/* For tests and logs. */
bool rl_enabled(rate_limiter *rl);
double rl_fill_rate(rate_limiter *rl);
double rl_measured_rate(rate_limiter *rl);

/* A free-standing bucket (unit tests), and forgetting every process-wide
 * bucket's state (unit tests that throttle on purpose). */
rate_limiter *rl_new(void);
void rl_free(rate_limiter *rl);
void rl_reset_all(void);

#endif
