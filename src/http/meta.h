/*
 * meta.h - names shared by the endpoints that describe the data model
 * (api_meta.c, openapi.c).
 */
#ifndef ANXIN_HTTP_META_H
#define ANXIN_HTTP_META_H

#include "domain/records/kind.h"

/* The wire name of a field type: "text", "money", "date", ... */
const char *api_type_name(field_type t);

#endif
