/*
 * related.h - the "related" object of a record's detail page
 * (GET /api/v1/{kind}/{id}), per kind, as docs/api.md describes it.
 */
#ifndef ANXIN_HTTP_RELATED_H
#define ANXIN_HTTP_RELATED_H

#include "domain/records/kind.h"
#include "http/req.h"
#include "store/db.h"
#include "util/buf.h"

/* Appends the related object of the record vals of kind k ("{}" for kinds
 * without related data), as of the date as_of, within r's caller's scope
 * and masking. */
void api_related(http_req *r, buf *b, const kind *k, const kind_val *vals,
		 const char *as_of);

#endif
