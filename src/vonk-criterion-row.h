/* vonk-criterion-row.h — one criterion of the phase checklist
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vonk-core.h"

G_BEGIN_DECLS

#define VONK_TYPE_CRITERION_ROW (vonk_criterion_row_get_type ())

G_DECLARE_FINAL_TYPE (VonkCriterionRow, vonk_criterion_row, VONK, CRITERION_ROW, GtkListBoxRow)

GtkWidget     *vonk_criterion_row_new           (VonkProject      *project,
                                                 VonkCriterion    *criterion);
VonkCriterion *vonk_criterion_row_get_criterion (VonkCriterionRow *self);
gint64         vonk_criterion_row_get_scope     (VonkCriterionRow *self);
void           vonk_criterion_row_set_scope     (VonkCriterionRow *self,
                                                 gint64            department_id);
void           vonk_criterion_row_update        (VonkCriterionRow *self);

G_END_DECLS
