/*
 * openapi.h - the OpenAPI document of the server (openapi.c): built from
 * the route table and the kinds, served at GET /api/v1/openapi.json.
 */
#ifndef ANXIN_HTTP_OPENAPI_H
#define ANXIN_HTTP_OPENAPI_H

#include "util/buf.h"

/* Appends the whole document (JSON) to b. */
void openapi_document(buf *b);

/* Checks openapi.c's own tables against the route table: a documentation
 * row that names no route, a query parameter name it does not define.
 * Appends one line per problem to msg; returns msg's text, or NULL when
 * there is none. */
const char *openapi_check(buf *msg);

#endif
