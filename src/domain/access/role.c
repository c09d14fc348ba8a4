/*
 * role.c - the permission table of the roles (see role.h). Changing who may
 * do what is a change of this table and of the matrix test
 * (tests/unit/test_auth.c), nothing else.
 */
#include "domain/access/role.h"

#include <stdio.h>
#include <string.h>

#define P(x) (1u << (x))

typedef struct role_def {
	const char *code;
	const char *zh;
	unsigned perms;
	const char *const *kinds;  /* writable / importable kinds, NULL-terminated */
	int sees_personal;
	int people;                /* may be given to a user account */
} role_def;

/* Kinds: admin writes the registers; an enterprise uploads its own
 * workers and their employment, attendance and payroll; a bank pushes the
 * transactions of the special wage accounts it holds. */
static const char *const admin_kinds[] = {
	"enterprises", "projects", "workers", "employments", "attendance", "payroll",
	"accounts", "transactions", "deposits", "min_wages", NULL};
static const char *const enterprise_kinds[] = {
	"workers", "employments", "attendance", "payroll", NULL};
static const char *const bank_kinds[] = {"transactions", NULL};
static const char *const no_kinds[] = {NULL};
/* Kinds whose rows change only through their engine (a case's state
 * through its transitions, src/domain/cases/): imported by the district
 * (a bureau's past records), never written one by one through the record
 * API. */
static const char *const case_kinds[] = {"clues", "clue_reviews", NULL};

static const role_def roles[ROLE_COUNT] = {
	[ROLE_NONE] = {"", "", 0, no_kinds, 0, 0},
	[ROLE_ADMIN] = {"admin", "区人社局管理员",
			P(PERM_READ) | P(PERM_WRITE) | P(PERM_IMPORT) | P(PERM_EXPORT) |
				P(PERM_EXPORT_UNMASKED) | P(PERM_REVEAL) | P(PERM_USERS) |
				P(PERM_AUDIT) | P(PERM_PARAMS) | P(PERM_WARNINGS) | P(PERM_SCAN) |
				P(PERM_SUPERVISE) | P(PERM_CASES),
			admin_kinds, 1, 1},
	[ROLE_INSPECTOR] = {"inspector", "监察员",
			    P(PERM_READ) | P(PERM_EXPORT) | P(PERM_EXPORT_UNMASKED) |
				    P(PERM_REVEAL) | P(PERM_WARNINGS) | P(PERM_SCAN) | P(PERM_CASES),
			    no_kinds, 1, 1},
	[ROLE_STREET] = {"street", "街镇",
			 P(PERM_READ) | P(PERM_EXPORT) | P(PERM_REVEAL) | P(PERM_WARNINGS) |
				 P(PERM_CASES),
			 no_kinds, 0, 1},
	[ROLE_ENTERPRISE] = {"enterprise", "企业",
			     P(PERM_READ) | P(PERM_WRITE) | P(PERM_IMPORT) | P(PERM_EXPORT) |
				     P(PERM_REVEAL),
			     enterprise_kinds, 0, 1},
	[ROLE_BANK] = {"bank", "银行", P(PERM_WRITE) | P(PERM_IMPORT), bank_kinds, 0, 0},
	[ROLE_LEADER] = {"leader", "领导", P(PERM_READ) | P(PERM_EXPORT) | P(PERM_SUPERVISE) | P(PERM_CASES),
			 no_kinds,
			 0, 1},
};

static const char *const perm_codes[PERM_COUNT] = {
	"read", "write", "import", "export", "export_unmasked", "reveal",
	"users", "audit", "params", "warnings", "scan", "supervise", "cases",
};

static int role_valid(role_id r)
{
	return r > ROLE_NONE && r < ROLE_COUNT;
}

const char *role_code(role_id r)
{
	return role_valid(r) ? roles[r].code : "";
}

const char *role_zh(role_id r)
{
	return role_valid(r) ? roles[r].zh : "";
}

role_id role_parse(const char *code)
{
	if (!code)
		return ROLE_NONE;
	for (int r = ROLE_NONE + 1; r < ROLE_COUNT; r++)
		if (strcmp(roles[r].code, code) == 0)
			return (role_id)r;
	return ROLE_NONE;
}

const char *role_perm_code(role_perm p)
{
	return p >= 0 && p < PERM_COUNT ? perm_codes[p] : "";
}

int role_can(role_id r, role_perm p)
{
	if (!role_valid(r) || p < 0 || p >= PERM_COUNT)
		return 0;
	return (roles[r].perms & P(p)) != 0;
}

int role_can_kind(role_id r, role_perm p, const char *kname)
{
	if ((p != PERM_WRITE && p != PERM_IMPORT) || !role_can(r, p) || !kname)
		return 0;
	for (const char *const *k = case_kinds; *k; k++)
		if (strcmp(*k, kname) == 0)
			return p == PERM_IMPORT && (r == ROLE_ADMIN || r == ROLE_INSPECTOR);
	for (const char *const *k = roles[r].kinds; *k; k++)
		if (strcmp(*k, kname) == 0)
			return 1;
	return 0;
}

int role_sees_personal(role_id r)
{
	return role_valid(r) && roles[r].sees_personal;
}

int role_for_people(role_id r)
{
	return role_valid(r) && roles[r].people;
}

/* Fail closed: a scoped role whose street / USCC / bank is missing, a
 * role without rows (ROLE_NONE) or an unknown one gets the zero scope,
 * which matches nothing; only the district-wide roles get
 * REC_SCOPE_ALL. */
rec_scope role_scope_of(role_id r, const char *street, const char *uscc, const char *bank,
			const char *today)
{
	rec_scope s;

	memset(&s, 0, sizeof s);
	switch (r) {
	case ROLE_ADMIN:
	case ROLE_INSPECTOR:
	case ROLE_LEADER:
		s.kind = REC_SCOPE_ALL;
		break;
	case ROLE_STREET:
		if (street && *street) {
			s.kind = REC_SCOPE_STREET;
			s.street = street;
		}
		break;
	case ROLE_ENTERPRISE:
		if (uscc && *uscc) {
			s.kind = REC_SCOPE_ENTERPRISE;
			s.uscc = uscc;
		}
		break;
	case ROLE_BANK:
		if (bank && *bank) {
			s.kind = REC_SCOPE_BANK;
			s.bank = bank;
		}
		break;
	default:
		break;
	}
	if (today)
		snprintf(s.today, sizeof s.today, "%s", today);
	return s;
}
