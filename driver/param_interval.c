/* param_interval.c - interval parameter values (see param_interval.h). */
#include "param_interval.h"

#include <stdio.h>
#include <string.h>

enum { F_YEAR, F_MONTH, F_DAY, F_HOUR, F_MINUTE, F_SECOND };

/* Seconds in one unit of each day-time field. */
static const unsigned long long unit_secs[] = {0, 0, 86400, 3600, 60, 1};
/* The largest value of each field when it is not the leading one. */
static const unsigned long field_max[] = {0, 11, 0, 23, 59, 59};

bool param_is_interval(SQLSMALLINT type)
{
    return type >= SQL_INTERVAL_YEAR && type <= SQL_INTERVAL_MINUTE_TO_SECOND;
}

bool param_interval_has_seconds(SQLSMALLINT type)
{
    return type == SQL_INTERVAL_SECOND || type == SQL_INTERVAL_DAY_TO_SECOND || type == SQL_INTERVAL_HOUR_TO_SECOND ||
           type == SQL_INTERVAL_MINUTE_TO_SECOND;
}

static void fields_of(SQLSMALLINT type, int *first, int *last);

int param_interval_leading(SQLSMALLINT type, SQLULEN column_size, SQLSMALLINT seconds_precision)
{
    if (column_size == 0)
        return 0;
    int first, last;
    fields_of(type, &first, &last);
    /* each field after the leading one takes a separator and two digits */
    long fixed = 3L * (last - first);
    if (param_interval_has_seconds(type) && seconds_precision > 0)
        fixed += 1 + seconds_precision;
    long p = (long)(column_size > 100 ? 100 : column_size) - fixed;
    return p < 1 ? -1 : (int)p;
}

/* The first and last fields of an interval type. */
static void fields_of(SQLSMALLINT type, int *first, int *last)
{
    static const signed char tab[][2] = {
        {F_YEAR, F_YEAR}, {F_MONTH, F_MONTH}, {F_DAY, F_DAY}, {F_HOUR, F_HOUR}, {F_MINUTE, F_MINUTE},
        {F_SECOND, F_SECOND}, {F_YEAR, F_MONTH}, {F_DAY, F_HOUR}, {F_DAY, F_MINUTE}, {F_DAY, F_SECOND},
        {F_HOUR, F_MINUTE}, {F_HOUR, F_SECOND}, {F_MINUTE, F_SECOND},
    };
    *first = tab[type - SQL_INTERVAL_YEAR][0];
    *last = tab[type - SQL_INTERVAL_YEAR][1];
}

/* Fields in order first..last, the leading one unbounded; fraction in
 * nanoseconds. */
static int from_fields(int first, int last, const unsigned long long *f, unsigned long nanos, bool neg,
                       param_ival *out, param_error *err)
{
    static const char *const names[] = {"year", "month", "day", "hour", "minute", "second"};
    memset(out, 0, sizeof *out);
    out->neg = neg;
    out->year_month = first <= F_MONTH;
    for (int k = first; k <= last; k++) {
        unsigned long long x = f[k - first];
        if (k != first && x > field_max[k])
            return param_fail(err, SS_22015, "the %s field %llu is out of its range (0 to %lu)", names[k], x,
                              field_max[k]);
        if (x > 4000000000ULL)
            return param_fail(err, SS_22015, "the %s field %llu is too large", names[k], x);
        if (out->year_month)
            out->months += k == F_YEAR ? x * 12 : x;
        else
            out->secs += x * unit_secs[k];
    }
    out->nanos = last == F_SECOND ? nanos : 0;
    return 0;
}

int param_ival_from_struct(SQLSMALLINT ctype, const SQL_INTERVAL_STRUCT *in, int c_precision, param_ival *out,
                           param_error *err)
{
    int first, last;
    fields_of(ctype, &first, &last);
    unsigned long long f[5];
    int n = 0;
    for (int k = first; k <= last; k++) {
        switch (k) {
        case F_YEAR: f[n++] = in->intval.year_month.year; break;
        case F_MONTH: f[n++] = in->intval.year_month.month; break;
        case F_DAY: f[n++] = in->intval.day_second.day; break;
        case F_HOUR: f[n++] = in->intval.day_second.hour; break;
        case F_MINUTE: f[n++] = in->intval.day_second.minute; break;
        default: f[n++] = in->intval.day_second.second; break;
        }
    }
    unsigned long nanos = 0;
    if (last == F_SECOND && c_precision > 0) {
        unsigned long frac = in->intval.day_second.fraction, scale = 1, limit = 1;
        int p = c_precision > 9 ? 9 : c_precision;
        for (int i = 0; i < p; i++)
            limit *= 10;
        for (int i = p; i < 9; i++)
            scale *= 10;
        if (frac >= limit)
            return param_fail(err, SS_22015, "the fraction %lu has more than the %d digits of the seconds precision",
                              frac, p);
        nanos = frac * scale;
    }
    return from_fields(first, last, f, nanos, in->interval_sign == SQL_TRUE, out, err);
}

/* Reads digits: false when there are none or too many. */
static bool digits(const char **p, const char *end, unsigned long long *v)
{
    const char *s = *p;
    *v = 0;
    while (*p < end && **p >= '0' && **p <= '9' && *p - s < 12)
        *v = *v * 10 + (unsigned long long)(*(*p)++ - '0');
    return *p > s && !(*p < end && **p >= '0' && **p <= '9');
}

int param_ival_from_text(SQLSMALLINT sql_type, const char *s, size_t n, param_ival *out, param_error *err)
{
    static const char seps[] = {0, '-', 0, ' ', ':', ':'}; /* the separator before each field */
    int first, last;
    fields_of(sql_type, &first, &last);
    const char *p = s, *end = s + n;
    while (p < end && *p == ' ')
        p++;
    while (end > p && end[-1] == ' ')
        end--;
    bool neg = false;
    if (p < end && (*p == '-' || *p == '+'))
        neg = *p++ == '-';
    unsigned long long f[5];
    unsigned long nanos = 0;
    for (int k = first; k <= last; k++) {
        if (k != first && (p >= end || *p++ != seps[k]))
            goto bad;
        if (!digits(&p, end, &f[k - first]))
            goto bad;
    }
    if (last == F_SECOND && p < end && *p == '.') {
        p++;
        int nd = 0;
        while (p < end && *p >= '0' && *p <= '9') {
            if (nd == 9 && *p != '0')
                return param_fail(err, SS_22015, "the seconds have more than 9 fractional digits");
            if (nd < 9)
                nanos = nanos * 10 + (unsigned long)(*p - '0'), nd++;
            p++;
        }
        if (nd == 0)
            goto bad;
        while (nd++ < 9)
            nanos *= 10;
    }
    if (p != end)
        goto bad;
    return from_fields(first, last, f, nanos, neg, out, err);
bad:
    return param_fail(err, SS_22018, "the text is not an interval value of the parameter's fields");
}

/* Splits v into the fields first..last (the leading field takes what is
 * above it); false when something below the last field would be lost. */
static bool split(const param_ival *v, int first, int last, unsigned long long *f)
{
    if (v->year_month) {
        if (first == F_YEAR && last == F_YEAR) {
            f[0] = v->months / 12;
            return v->months % 12 == 0;
        }
        if (first == F_MONTH) {
            f[0] = v->months;
            return true;
        }
        f[0] = v->months / 12, f[1] = v->months % 12;
        return true;
    }
    unsigned long long rest = v->secs;
    for (int k = first; k <= last; k++) {
        unsigned long long u = unit_secs[k];
        f[k - first] = k == first ? rest / u : (rest / u) % (unit_secs[k - 1] / u);
    }
    return v->secs % unit_secs[last] == 0 && (last == F_SECOND || v->nanos == 0);
}

bool param_ival_text(const param_ival *v, SQLSMALLINT type, char *out, size_t cap)
{
    int first, last;
    fields_of(type, &first, &last);
    unsigned long long f[5];
    if ((first <= F_MONTH) != v->year_month || !split(v, first, last, f))
        return false;
    static const char *const fmt[] = {"%llu", "-%llu", "%llu", " %02llu", ":%02llu", ":%02llu"};
    size_t o = (size_t)snprintf(out, cap, "%s", v->neg ? "-" : "");
    for (int k = first; k <= last && o < cap; k++)
        o += (size_t)snprintf(out + o, cap - o, k == first ? "%llu" : fmt[k], f[k - first]);
    if (last == F_SECOND && v->nanos && o < cap) {
        char fr[24];
        int nd = 9;
        snprintf(fr, sizeof fr, "%09lu", v->nanos);
        while (fr[nd - 1] == '0')
            nd--;
        o += (size_t)snprintf(out + o, cap - o, ".%.*s", nd, fr);
    }
    return o < cap;
}

int param_ival_literal(const param_ival *v, const param_target *t, strbuf *out, param_error *err)
{
    int first, last;
    fields_of(t->sql_type, &first, &last);
    if ((first <= F_MONTH) != v->year_month)
        return param_fail(err, SS_07006, "a %s interval does not convert to a %s interval",
                          v->year_month ? "year-month" : "day-time", v->year_month ? "day-time" : "year-month");
    unsigned long long f[5];
    if (!split(v, first, last, f))
        return param_fail(err, SS_22015, "the value has fields below the parameter's last field");
    if (t->interval_precision > 0) {
        unsigned long long lim = 1;
        for (int i = 0; i < t->interval_precision && i < 12; i++)
            lim *= 10;
        if (f[0] >= lim)
            return param_fail(err, SS_22015, "the leading field %llu has more than the %d digits of the leading "
                              "precision", f[0], (int)t->interval_precision);
    }
    if (last == F_SECOND) {
        int s = t->precision > 9 ? 9 : t->precision;
        unsigned long unit = 1;
        for (int i = s; i < 9; i++)
            unit *= 10;
        if (v->nanos % unit)
            return param_fail(err, SS_22015, "the fraction has more than the %d digits of the seconds precision",
                              s);
        if (v->nanos % 1000000)
            return param_fail(err, SS_22015, "Athena's intervals count milliseconds; the fraction has more digits");
    }
    const char *sign = v->neg ? "-" : "";
    if (v->year_month) {
        if (v->months > 2147483647ULL)
            return param_fail(err, SS_22015, "%llu months are out of the range of Athena's intervals", v->months);
        return sb_printf(out, "INTERVAL %s'%llu-%llu' YEAR TO MONTH", sign, v->months / 12, v->months % 12)
            ? 0 : param_fail(err, SS_HY001, "building a parameter literal");
    }
    unsigned long long d = v->secs / 86400, r = v->secs % 86400;
    bool ok = sb_printf(out, "INTERVAL %s'%llu %02llu:%02llu:%02llu", sign, d, r / 3600, r / 60 % 60, r % 60) &&
              (v->nanos == 0 || sb_printf(out, ".%03lu", v->nanos / 1000000)) &&
              sb_appends(out, "' DAY TO SECOND");
    return ok ? 0 : param_fail(err, SS_HY001, "building a parameter literal");
}
