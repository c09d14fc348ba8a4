/*
 * test_openapi.c - unit tests of the OpenAPI document (http/openapi.c)
 * against the route table (http/router.c): openapi.c's own tables name
 * only existing routes and defined query parameters, and every API route
 * of the table - also one added later without a line in openapi.c - is an
 * operation with an operationId, its path parameters and its error
 * answers. tests/api lints the served document and drives a client.
 */
#include <criterion/criterion.h>
#include <jansson.h>
#include <string.h>

#include "domain/records/kind.h"
#include "http/api.h"
#include "http/openapi.h"

Test(openapi, own_tables_match_the_route_table)
{
	buf msg = BUF_INIT;
	const char *bad = openapi_check(&msg);

	cr_expect_null(bad, "%s", bad ? bad : "");
	buf_free(&msg);
}

/* The document's operation of method + path (lower-case method). */
static json_t *op_of(json_t *doc, const char *path, const char *method)
{
	char m[8];
	size_t i;

	for (i = 0; method[i] && i < sizeof m - 1; i++)
		m[i] = (char)(method[i] | 0x20);
	m[i] = '\0';
	return json_object_get(json_object_get(json_object_get(doc, "paths"), path), m);
}

Test(openapi, every_api_route_is_an_operation)
{
	buf b = BUF_INIT;
	json_error_t err;
	int ops = 0;

	openapi_document(&b);
	json_t *doc = json_loadb(b.p, b.len, JSON_REJECT_DUPLICATES, &err);
	cr_assert_not_null(doc, "not JSON: %s at %d", err.text, err.position);
	for (const http_route *rt = http_routes; rt->method; rt++) {
		if (!strcmp(rt->pattern, "/") || !strncmp(rt->pattern, "/static/", 8) ||
		    !strcmp(rt->pattern, "/report"))
			continue;  /* the web UI and the workers' public page, not API */
		/* {kind} stands for each kind: look at the first one */
		char path[200];
		const char *kp = strstr(rt->pattern, "{kind}");
		const char *kname = KINDS[0]->name;
		if (kp && strstr(rt->pattern, "/reveal"))
			kname = "workers";  /* reveal: kinds with a personal field */
		if (kp)
			snprintf(path, sizeof path, "%.*s%s%s", (int)(kp - rt->pattern), rt->pattern,
				 kname, kp + 6);
		else
			snprintf(path, sizeof path, "%s", rt->pattern);
		json_t *op = op_of(doc, path, rt->method);
		cr_assert_not_null(op, "%s %s is not in the document", rt->method, path);
		ops++;
		cr_expect(json_is_string(json_object_get(op, "operationId")), "%s %s: operationId",
			  rt->method, path);
		json_t *resp = json_object_get(op, "responses");
		for (const char *const *s = (const char *const[]){"200", "400", "500", "503", NULL}; *s; s++)
			cr_expect_not_null(json_object_get(resp, *s), "%s %s: no %s", rt->method, path, *s);
		if (*rt->perm)
			cr_expect_not_null(json_object_get(resp, "401"), "%s %s: no 401", rt->method, path);
		/* every {param} left in the path is a path parameter of the operation */
		for (const char *p = path; (p = strchr(p, '{')); p++) {
			size_t n = strcspn(p + 1, "}"), i;
			json_t *prm;
			int found = 0;
			json_array_foreach(json_object_get(op, "parameters"), i, prm)
				if (!strcmp(json_string_value(json_object_get(prm, "in")), "path") &&
				    strlen(json_string_value(json_object_get(prm, "name"))) == n &&
				    !strncmp(json_string_value(json_object_get(prm, "name")), p + 1, n))
					found = 1;
			cr_expect(found, "%s %s: path parameter %s not defined", rt->method, path, p);
		}
	}
	cr_expect_gt(ops, 30);
	json_decref(doc);
	buf_free(&b);
}
