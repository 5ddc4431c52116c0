/* bench_util.h - clocks shared by the benchmark programs. */
#ifndef ATHENA_BENCH_UTIL_H
#define ATHENA_BENCH_UTIL_H

#include <sys/resource.h>
#include <time.h>

/* Monotonic wall clock, seconds. */
static inline double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* CPU time of the whole process (every thread, user + system), seconds. */
static inline double cpu_s(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 + (double)ru.ru_stime.tv_sec +
           (double)ru.ru_stime.tv_usec / 1e6;
}

#endif
