/* vonk-department-phases.h
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vonk-view.h"

G_BEGIN_DECLS

#define VONK_TYPE_DEPARTMENT_PHASES (vonk_department_phases_get_type ())

G_DECLARE_FINAL_TYPE (VonkDepartmentPhases, vonk_department_phases, VONK, DEPARTMENT_PHASES, VonkView)

GtkWidget *vonk_department_phases_new         (VonkProject          *project);
void       vonk_department_phases_set_project (VonkDepartmentPhases *self,
                                               VonkProject          *project);

G_END_DECLS
