/* vonk-phase-history.h
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vonk-core.h"

G_BEGIN_DECLS

#define VONK_TYPE_PHASE_HISTORY (vonk_phase_history_get_type ())

G_DECLARE_FINAL_TYPE (VonkPhaseHistory, vonk_phase_history, VONK, PHASE_HISTORY, GtkWidget)

GtkWidget   *vonk_phase_history_new               (VonkProject      *project,
                                                   gint64            department_id);
VonkProject *vonk_phase_history_get_project       (VonkPhaseHistory *self);
void         vonk_phase_history_set_project       (VonkPhaseHistory *self,
                                                   VonkProject      *project);
gint64       vonk_phase_history_get_department_id (VonkPhaseHistory *self);
void         vonk_phase_history_set_department_id (VonkPhaseHistory *self,
                                                   gint64            department_id);
const char  *vonk_phase_history_get_summary       (VonkPhaseHistory *self);

G_END_DECLS
