/* big_catalog.h - a catalog of many tables for the catalog tests and the
 * benchmark: a folder of CSV files that a second athena-local mounts with
 * --data (each subfolder a database, each .csv file a table), and a
 * connection to it through the usual DSN with its endpoints overridden. */
#ifndef ATHENA_BIG_CATALOG_H
#define ATHENA_BIG_CATALOG_H

#include <sys/stat.h>

#include "odbc_util.h"

#define BIG_DATABASE "big"

typedef struct big_catalog {
    char dir[256];       /* the mounted folder */
    char url[128];       /* the second athena-local */
    pid_t pid;
    int ntables;
} big_catalog;

/* <dir>/big/t00001.csv ... : five columns (id int, name string, amount
 * double, created date, flag boolean) and one row each. */
static inline int big_write(big_catalog *b)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", b->dir, BIG_DATABASE);
    if (mkdir(b->dir, 0700) != 0 || mkdir(path, 0700) != 0)
        return -1;
    for (int i = 1; i <= b->ntables; i++) {
        snprintf(path, sizeof path, "%s/%s/t%05d.csv", b->dir, BIG_DATABASE, i);
        FILE *f = fopen(path, "w");
        if (!f)
            return -1;
        fprintf(f, "id,name,amount,created,flag\n%d,name%d,%d.5,2020-01-01,true\n", i, i, i);
        fclose(f);
    }
    return 0;
}

static inline void big_remove(big_catalog *b)
{
    char path[512];
    for (int i = 1; i <= b->ntables; i++) {
        snprintf(path, sizeof path, "%s/%s/t%05d.csv", b->dir, BIG_DATABASE, i);
        unlink(path);
    }
    snprintf(path, sizeof path, "%s/%s", b->dir, BIG_DATABASE);
    rmdir(path);
    snprintf(path, sizeof path, "%s/port", b->dir);
    unlink(path);
    rmdir(b->dir);
}

/* Writes the folder and starts athena-local on it (latency: its --latency
 * profile, or NULL); ATHENA_LOCAL_PORT then points the admin helpers
 * (stats) at it. 0 or -1. */
static inline int big_start(big_catalog *b, int ntables, const char *latency)
{
    memset(b, 0, sizeof *b);
    b->pid = -1;
    b->ntables = ntables;
    snprintf(b->dir, sizeof b->dir, "/tmp/athena-big-catalog-%d", (int)getpid());
    if (big_write(b) != 0) {
        big_remove(b);
        return -1;
    }
    char port_file[300];
    snprintf(port_file, sizeof port_file, "%s/port", b->dir);
    const char *const args[] = {"--data", b->dir, latency ? "--latency" : NULL, latency, NULL};
    if (local_start(args, port_file, &b->pid, b->url, sizeof b->url) != 0) {
        big_remove(b);
        return -1;
    }
    setenv("ATHENA_LOCAL_PORT", strrchr(b->url, ':') + 1, 1);
    return 0;
}

static inline void big_stop(big_catalog *b)
{
    local_stop(&b->pid);
    big_remove(b);
}

/* A connection to the big catalog, with the given extra keys. */
static inline SQLHDBC big_connect(const big_catalog *b, const char *extra)
{
    char keys[1024];
    snprintf(keys, sizeof keys, "EndpointOverride=%s;S3EndpointOverride=%s;StsEndpointOverride=%s;Schema=%s;%s",
             b->url, b->url, b->url, BIG_DATABASE, extra ? extra : "");
    return test_connect(keys);
}

#endif
