/* bench_entry.c - the cost of an entry point's handle validation: calls the
 * driver's SQLGetEnvAttr (validate, clear diagnostics, read one attribute)
 * 20,000,000 times on an environment with 50 connections allocated, loading
 * the driver directly (dlopen), and prints the thread CPU time per call (best
 * of five rounds). It asserts nothing.
 *   bench_entry [DRIVER.so]   (default: the driver of this build) */
#include <dlfcn.h>
#include <sql.h>
#include <sqlext.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

static double thread_cpu_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    const char *so = argc > 1 ? argv[1] : DRIVER_SO;
    void *lib = dlopen(so, RTLD_NOW);
    if (!lib) {
        fprintf(stderr, "dlopen %s: %s\n", so, dlerror());
        return 1;
    }
    __typeof__(&SQLAllocHandle) alloc = (__typeof__(&SQLAllocHandle))(uintptr_t)dlsym(lib, "SQLAllocHandle");
    __typeof__(&SQLGetEnvAttr) get = (__typeof__(&SQLGetEnvAttr))(uintptr_t)dlsym(lib, "SQLGetEnvAttr");
    SQLHANDLE env = SQL_NULL_HANDLE, dbc[50];
    alloc(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env);
    for (int i = 0; i < 50; i++)
        alloc(SQL_HANDLE_DBC, env, &dbc[i]);
    const long n = 20000000;
    double best = 1e9;
    SQLINTEGER v = 0;
    for (int round = 0; round < 5; round++) {
        double t0 = thread_cpu_s();
        for (long i = 0; i < n; i++)
            get(env, SQL_ATTR_ODBC_VERSION, &v, 0, NULL);
        double t = thread_cpu_s() - t0;
        if (t < best)
            best = t;
    }
    printf("%s: %.1f ns per SQLGetEnvAttr call (best of 5 rounds of %ld)\n", so, best * 1e9 / (double)n, n);
    return 0;
}
