/*
 * role.h - the roles of anxin and what each may do, as data.
 *
 * One table (role.c) says, for every role, which permissions it holds and
 * which kinds it may write or import; role_can() is the only question the
 * route table (phase 2) and the CLI ask. Row-level visibility (which street,
 * which enterprise) is not decided here but turned into a rec_scope by
 * role_scope(), which the store applies inside its queries.
 *
 * Roles: admin 区人社局管理员, inspector 监察员 (district-wide), street 街镇
 * (one street/zone), enterprise 企业 (one USCC: the rows where it is the
 * employer, read-only its subcontractors' as general contractor, its
 * projects' accounts and deposits as owner or contractor - the table in
 * docs/security.md), bank 银行 (machine tokens only: pushes
 * transactions of the accounts it holds), leader 领导 (read-only,
 * district-wide, personal fields masked).
 */
#ifndef ANXIN_ROLE_H
#define ANXIN_ROLE_H

#include "store/record.h"

typedef enum role_id {
	ROLE_NONE = 0,
	ROLE_ADMIN,
	ROLE_INSPECTOR,
	ROLE_STREET,
	ROLE_ENTERPRISE,
	ROLE_BANK,
	ROLE_LEADER,
	ROLE_COUNT
} role_id;

typedef enum role_perm {
	PERM_READ = 0,         /* lists, details, related figures, dashboard (in scope) */
	PERM_WRITE,            /* create/update one record: ask role_can_kind */
	PERM_IMPORT,           /* import a file: ask role_can_kind */
	PERM_EXPORT,           /* export (masked unless also EXPORT_UNMASKED) */
	PERM_EXPORT_UNMASKED,  /* export with personal fields in full (audited) */
	PERM_REVEAL,           /* show one personal value in full (audited) */
	PERM_USERS,            /* manage users and machine tokens */
	PERM_AUDIT,            /* browse the audit log */
	PERM_PARAMS,           /* edit the parameters */
	PERM_WARNINGS,         /* eliminate / assign / escalate warnings (in scope) */
	PERM_SCAN,             /* run a warning scan on demand (district-wide) */
	PERM_SUPERVISE,        /* 督办: urge the handling of a warning (leader; audited) */
	PERM_CASES,            /* the case screens and API (clues ...): which transitions
				  a role takes is the case type's (domain/cases/) */
	PERM_COUNT
} role_perm;

/* The English code ("street") and the Chinese name ("街镇") of a role. */
const char *role_code(role_id r);
const char *role_zh(role_id r);
/* The role named by its code, or ROLE_NONE. */
role_id role_parse(const char *code);
/* The code of a permission ("export_unmasked"), for messages and tests. */
const char *role_perm_code(role_perm p);

/* Whether role r holds permission p. ROLE_NONE holds nothing. */
int role_can(role_id r, role_perm p);
/* Whether role r may write (p = PERM_WRITE) or import (PERM_IMPORT) records
 * of the kind named kind. A bank writes transactions only. */
int role_can_kind(role_id r, role_perm p, const char *kname);
/* Whether lists, pages and exports show r personal fields (F_PERSONAL:
 * ID numbers, bank cards, phones) in full; otherwise they are masked with
 * kind_mask and only an audited reveal shows one. */
int role_sees_personal(role_id r);
/* Whether role r may be given to a person (every role but bank). */
int role_for_people(role_id r);

/* The row-level scope of a principal of role r with its street / USCC /
 * bank code, as of the civil date today (YYYY-MM-DD: an enterprise sees a
 * worker while it employs the person on that day): admin, inspector,
 * leader -> REC_SCOPE_ALL; street -> its street; enterprise -> its USCC;
 * bank -> its bank's transactions; anything else, or a missing street /
 * USCC / bank, the zero scope (nothing). The strings are borrowed: they
 * must outlive the scope. */
rec_scope role_scope_of(role_id r, const char *street, const char *uscc, const char *bank,
			const char *today);

#endif
