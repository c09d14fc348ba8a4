/*
 * write.h - shared by the endpoints that write records (api_import.c,
 * api_write.c).
 */
#ifndef ANXIN_HTTP_WRITE_H
#define ANXIN_HTTP_WRITE_H

#include "domain/records/import.h"
#include "http/req.h"

/* Sets a 422 response: the import report of res plus
 * "error":{"status":422,"code":"invalid","message":…}. */
void api_report_error(http_req *r, const import_result *res);

#endif
