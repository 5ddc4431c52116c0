/* credentials.c - what every holder of a cred_provider needs: freeing it and
 * wiping credentials. The providers are in cred_refresh.c and its sources
 * (cred_static.c, cred_sts.c, ...); cred_chain.c builds them. */
#include "credentials.h"

#include <string.h>

void aws_credentials_wipe(aws_credentials *c)
{
    if (c)
        explicit_bzero(c, sizeof *c);
}

void cred_provider_free(cred_provider *p)
{
    if (p && p->destroy)
        p->destroy(p);
}
