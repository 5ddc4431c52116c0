/* properties.c - ODBCINSTGetProperties: the keys of the key table as
 * unixODBC's property list, for DSN editors (ODBCManageDataSources and
 * anything built on ODBCINSTConstructProperties).
 *
 * unixODBC allocates the first properties (Name, Description, Driver), calls
 * this function with the last of them, then unloads this library; the caller
 * later frees every property, its pszHelp and its aPromptData with free().
 * So everything hung on the list is malloc'd here and owns its text: nothing
 * may point into this library once it is unloaded. */
#include <stdlib.h>
#include <string.h>

#include <odbcinstext.h>

#include "dsn_keys.h"

/* Keys the dialog does not offer: unixODBC's own Name and Driver rows stand
 * for DSN and DRIVER, and legacy keys are folded into another one. */
static bool offered(const config_key_info *k)
{
    return !k->legacy && str_casecmp(k->name, "DSN") != 0 && str_casecmp(k->name, "DRIVER") != 0;
}

/* A NULL-terminated array of copies of vals in ONE block (pointers first,
 * then the text), because the caller frees aPromptData with a single free(). */
static char **prompt_list(const char *const *vals)
{
    size_t n = 0, bytes = 0;
    for (; vals[n]; n++)
        bytes += strlen(vals[n]) + 1;
    char **list = malloc((n + 1) * sizeof *list + bytes);
    if (!list)
        return NULL;
    char *text = (char *)(list + n + 1);
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(vals[i]) + 1;
        memcpy(text, vals[i], len);
        list[i] = text;
        text += len;
    }
    list[n] = NULL;
    return list;
}

static const char *const bool_values[] = {"1", "0", NULL};

/* How the dialog asks for key k, and the choices it offers (or NULL). */
static int prompt_of(const config_key_info *k, const char *const **choices)
{
    *choices = NULL;
    switch (k->type) {
    case CK_SECRET:
        return ODBCINST_PROMPTTYPE_TEXTEDIT_PASSWORD;
    case CK_BOOL:
        *choices = bool_values;
        return ODBCINST_PROMPTTYPE_LISTBOX;
    case CK_ENUM:
        *choices = k->working ? k->working : k->allowed; /* offer only what works */
        /* no default: the user may leave it empty, which a list box can't */
        return k->default_text[0] ? ODBCINST_PROMPTTYPE_LISTBOX : ODBCINST_PROMPTTYPE_COMBOBOX;
    default:
        return config_key_is_path(k) ? ODBCINST_PROMPTTYPE_FILENAME : ODBCINST_PROMPTTYPE_TEXTEDIT;
    }
}

/* "Description. Allowed: what. Default: x." */
static char *help_of(const config_key_info *k)
{
    strbuf sb = STRBUF_INIT;
    sb_appends(&sb, k->description);
    if (k->type == CK_INT || k->type == CK_DOUBLE || k->type == CK_BOOL || k->type == CK_ENUM) {
        sb_appends(&sb, ". Allowed: ");
        config_key_expect(k, &sb);
    }
    if (k->default_text[0])
        sb_printf(&sb, ". Default: %s", k->default_text);
    sb_appends(&sb, ".");
    if (sb.oom) {
        sb_free(&sb);
        return NULL;
    }
    return sb_detach(&sb);
}

static HODBCINSTPROPERTY new_property(const config_key_info *k)
{
    HODBCINSTPROPERTY p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    strncpy(p->szName, k->name, INI_MAX_PROPERTY_NAME);
    strncpy(p->szValue, k->default_text, INI_MAX_PROPERTY_VALUE);
    const char *const *choices;
    p->nPromptType = prompt_of(k, &choices);
    p->pszHelp = help_of(k);
    if (choices)
        p->aPromptData = prompt_list(choices);
    if (!p->pszHelp || (choices && !p->aPromptData)) {
        free(p->pszHelp);
        free(p->aPromptData);
        free(p);
        return NULL;
    }
    return p;
}

int ODBCINSTGetProperties(HODBCINSTPROPERTY last)
{
    if (!last)
        return ODBCINST_ERROR;
    while (last->pNext)
        last = last->pNext;
    for (size_t i = 0; i < config_key_count(); i++) {
        const config_key_info *k = config_key_at(i);
        if (!offered(k))
            continue;
        HODBCINSTPROPERTY p = new_property(k);
        if (!p)
            return ODBCINST_ERROR; /* what is linked so far is freed by the caller */
        last->pNext = p;
        last = p;
    }
    return ODBCINST_SUCCESS;
}
