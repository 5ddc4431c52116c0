/* handle_registry.c - the set of live handles (handle_registry.h).
 *
 * An open-addressing hash table with linear probing whose slots hold the
 * handle's address with its type in the low three bits; 0 is an empty slot,
 * 1 a removed one (skipped by lookups, reused by insertions). Writers hold
 * hr_lock; readers take no lock and load slots with acquire (the handle was
 * initialised before its slot was stored with release). The table is kept
 * at most half full of live handles; growing copies the live ones into a
 * table twice as large. A table replaced by a larger one is not freed, since
 * a reader may still be probing it: it stays on the new table's `older`
 * chain (reachable, so not a leak), removals are applied to it too, and the
 * tables together take at most twice the memory of the current one. */
#include "handle_registry.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

#define HR_EMPTY 0u
#define HR_GONE 1u
#define HR_MIN_CAP 64u

typedef struct hr_table {
    size_t mask;              /* capacity - 1, capacity a power of two */
    struct hr_table *older;   /* the tables this one replaced */
    uintptr_t slot[];
} hr_table;

static pthread_mutex_t hr_lock = PTHREAD_MUTEX_INITIALIZER;
static hr_table *hr_current;  /* read with __atomic_load_n, written under hr_lock */
static size_t hr_count;       /* live handles, under hr_lock */

static uintptr_t key_of(const void *h, hr_type type) { return (uintptr_t)h | (uintptr_t)type; }

static size_t home(const hr_table *t, uintptr_t key)
{
    uint64_t x = (uint64_t)(key >> 3) * 0x9E3779B97F4A7C15ull;
    return (size_t)(x >> 29) & t->mask;
}

static void put(hr_table *t, uintptr_t key)
{
    size_t i = home(t, key);
    while (__atomic_load_n(&t->slot[i], __ATOMIC_RELAXED) > HR_GONE)
        i = (i + 1) & t->mask;
    __atomic_store_n(&t->slot[i], key, __ATOMIC_RELEASE);
}

/* A table of at least 4x the live handles, holding them; published. */
static bool grow(void)
{
    size_t cap = HR_MIN_CAP;
    while (cap < 4 * (hr_count + 1))
        cap *= 2;
    hr_table *t = calloc(1, sizeof *t + cap * sizeof t->slot[0]);
    if (!t)
        return false;
    t->mask = cap - 1;
    hr_table *old = hr_current;
    if (old)
        for (size_t i = 0; i <= old->mask; i++)
            if (old->slot[i] > HR_GONE)
                put(t, old->slot[i]);
    t->older = old;
    __atomic_store_n(&hr_current, t, __ATOMIC_RELEASE);
    return true;
}

bool hr_add(const void *h, hr_type type)
{
    if (!h || ((uintptr_t)h & 7u))
        return false;
    pthread_mutex_lock(&hr_lock);
    bool ok = true;
    if (!hr_current || 2 * (hr_count + 1) > hr_current->mask + 1)
        ok = grow();
    if (ok) {
        put(hr_current, key_of(h, type));
        hr_count++;
    }
    pthread_mutex_unlock(&hr_lock);
    return ok;
}

static bool drop(hr_table *t, uintptr_t key)
{
    size_t i = home(t, key);
    for (size_t n = 0; n <= t->mask; n++, i = (i + 1) & t->mask) {
        uintptr_t v = t->slot[i];
        if (v == key) {
            __atomic_store_n(&t->slot[i], (uintptr_t)HR_GONE, __ATOMIC_RELEASE);
            return true;
        }
        if (v == HR_EMPTY)
            break;
    }
    return false;
}

void hr_remove(const void *h, hr_type type)
{
    uintptr_t key = key_of(h, type);
    pthread_mutex_lock(&hr_lock);
    if (hr_current && drop(hr_current, key)) {
        hr_count--;
        for (hr_table *t = hr_current->older; t; t = t->older)
            drop(t, key);
    }
    pthread_mutex_unlock(&hr_lock);
}

bool hr_live(const void *h, hr_type type)
{
    if (!h)
        return false;
    const hr_table *t = __atomic_load_n(&hr_current, __ATOMIC_ACQUIRE);
    if (!t)
        return false;
    uintptr_t key = key_of(h, type);
    size_t i = home(t, key);
    for (size_t n = 0; n <= t->mask; n++, i = (i + 1) & t->mask) {
        uintptr_t v = __atomic_load_n(&t->slot[i], __ATOMIC_ACQUIRE);
        if (v == key)
            return true;
        if (v == HR_EMPTY)
            return false;
    }
    return false;
}
