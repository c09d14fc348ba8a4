/*
 * case_types.c - the list of case types and the look-ups of a
 * declaration's parts (case_type.h). A new type is one line here and its
 * declaration file.
 */
#include "domain/cases/case_type.h"

#include <string.h>

#include "domain/cases/clue.h"
#include "store/case_store.h"

const case_type *const CASE_TYPES[] = {&case_clue, NULL};

const case_type *case_type_find(const char *code)
{
	for (int i = 0; code && CASE_TYPES[i]; i++)
		if (!strcmp(CASE_TYPES[i]->code, code))
			return CASE_TYPES[i];
	return NULL;
}

const case_state *case_state_find(const case_type *t, const char *code)
{
	for (int i = 0; code && i < t->nstates; i++)
		if (!strcmp(t->states[i].code, code))
			return &t->states[i];
	return NULL;
}

const case_transition *case_trans_find(const case_type *t, const char *action)
{
	for (int i = 0; action && i < t->ntrans; i++)
		if (!strcmp(t->trans[i].action, action))
			return &t->trans[i];
	return NULL;
}

const case_deadline *case_deadline_find(const case_type *t, const char *code)
{
	for (int i = 0; code && i < t->ndeadlines; i++)
		if (!strcmp(t->deadlines[i].code, code))
			return &t->deadlines[i];
	return NULL;
}

const kind *case_kind(const case_type *t)
{
	return kind_find(t->kind);
}

void case_tbl_of(const case_type *t, case_tbl *out)
{
	memset(out, 0, sizeof *out);
	out->type = t->code;
	out->k = case_kind(t);
	out->state_col = t->state_col;
	out->opened_col = t->opened_col;
	out->street_col = t->street_col;
	for (int i = 0; i < 4 && t->start_cols[i]; i++)
		out->extra[i] = t->start_cols[i];
}

const char *case_action_zh(const case_type *t, const char *action)
{
	static const struct {
		const char *code, *zh;
	} OWN[] = {{"create", "登记"}, {"attach", "上传附件"}, {"merged", "被合并"}};
	const case_transition *tr = case_trans_find(t, action);

	if (tr)
		return tr->zh;
	for (size_t i = 0; action && i < sizeof OWN / sizeof OWN[0]; i++)
		if (!strcmp(OWN[i].code, action))
			return OWN[i].zh;
	return action;
}

/* Whether the space-separated list has the word w. */
int case_trans_from(const case_transition *tr, const char *state)
{
	size_t n = strlen(state);

	for (const char *p = tr->from; (p = strstr(p, state)) != NULL; p += n)
		if ((p == tr->from || p[-1] == ' ') && (p[n] == ' ' || p[n] == 0))
			return 1;
	return 0;
}
