/* handle_registry.h - the process-wide set of live handles. Every handle
 * the driver gives out (environments, connections, statements, explicit
 * descriptors and the four implicit descriptors of each statement) is in
 * the set from its allocation until it is freed, and the validation of every
 * entry point asks the set before it reads the handle's memory: a freed
 * handle, or a value that never was a handle of that type, is then
 * SQL_INVALID_HANDLE without being dereferenced.
 *
 * The set holds addresses: a freed handle whose memory a new handle of the
 * same type has taken is that new handle (one of another type is not).
 *
 * Cost: a lookup takes no lock (an acquire load of the table and a probe of
 * an open-addressing hash table at most half full); adding and removing take
 * the registry's own mutex, a leaf in the lock order of handles.h. */
#ifndef ATHENA_HANDLE_REGISTRY_H
#define ATHENA_HANDLE_REGISTRY_H

#include <stdbool.h>

typedef enum { HR_ENV = 1, HR_DBC = 2, HR_STMT = 3, HR_DESC = 4 } hr_type;

/* Adds a handle (aligned to 8 bytes). false when out of memory. */
bool hr_add(const void *h, hr_type type);
/* Removes it; a handle not in the set is ignored. */
void hr_remove(const void *h, hr_type type);
/* Whether h is a live handle of that type. Never reads *h. */
bool hr_live(const void *h, hr_type type);

#endif
