/* xml_text.h - the text of an element of an AWS XML answer (STS
 * credentials, S3 and STS error bodies): the first <tag>...</tag>, entities
 * decoded. A reader for answers of a known shape, not an XML parser: no
 * attributes on the element, no namespace prefixes, no CDATA. */
#ifndef ATHENA_XML_TEXT_H
#define ATHENA_XML_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

/* The first <tag>...</tag> in xml[0, len): the start of its content, *n its
 * length; NULL when there is none or it is not closed. */
const char *xml_element(const char *xml, size_t len, const char *tag, size_t *n);

/* Appends that element's text to out, the five named entities and numeric
 * character references decoded (an unknown entity is kept as it is); false
 * when there is no such element or memory ran out. */
bool xml_text(const char *xml, size_t len, const char *tag, strbuf *out);

/* The same for a NUL-terminated xml, into out (n bytes, NUL-terminated, cut
 * at n - 1 bytes); false, out untouched, when there is no such element or
 * memory ran out. */
bool xml_text_copy(const char *xml, const char *tag, char *out, size_t n);

#endif
