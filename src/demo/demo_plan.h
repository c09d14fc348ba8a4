/*
 * demo_plan.h - the whole model of `anxin demo` (demo_plan.c): the records
 * of demo_model.c, then the violations planted in them and the payroll
 * plan. Internal to the demo_* files; demo.c calls it.
 */
#ifndef ANXIN_DEMO_PLAN_H
#define ANXIN_DEMO_PLAN_H

#include "demo/demo_model.h"

/* Builds every record of the model from m->o (m zeroed but for o and st):
 * demo_model_build, then the violations, then the payroll plan, in that
 * order (one random stream: the order fixes the result). Frees with
 * demo_model_free. */
void demo_plan_build(demo_model *m);

#endif
