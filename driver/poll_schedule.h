/* poll_schedule.h - the wait between two GetQueryExecution polls. */
#ifndef ATHENA_POLL_SCHEDULE_H
#define ATHENA_POLL_SCHEDULE_H

#include "dsn_keys.h"

/* The wait (ms) before the next poll, given the previous wait (0 before
 * the first wait): MinQueryExecutionPollingInterval first, then the
 * previous wait times QueryExecutionPollingIntervalMultiplier, at most
 * MaxQueryExecutionPollingInterval; whole microseconds, rounded down.
 * exec.c counts each wait from the start of the previous poll, so a query
 * that runs T ms is noticed at most (multiplier - 1) * T + minimum late
 * (plus the answer's way back) while the wait is below the maximum; see
 * docs/configuration.md "Polling" and docs/performance.md. */
double poll_next_wait(const athena_config *cfg, double prev_ms);

#endif
