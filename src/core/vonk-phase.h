/* vonk-phase.h — where an organisation stands on the roadmap
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vonk-entities.h"
#include "vonk-enums.h"
#include "vonk-project.h"

G_BEGIN_DECLS

/* Not even the criteria of Presence are met. */
#define VONK_PHASE_NONE (-1)

typedef struct
{
  GDate date;
  int   phase; /* a VonkPhase, or VONK_PHASE_NONE */
} VonkPhaseChange;

typedef struct
{
  int        phase;    /* the highest phase reached, or VONK_PHASE_NONE */
  GPtrArray *missing;  /* the VonkCriterion still to meet for the next phase */
  GPtrArray *blocking; /* the rule's criteria not met: no Social business yet */
} VonkPhaseStatus;

void                vonk_phase_status_free     (VonkPhaseStatus *status);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VonkPhaseStatus, vonk_phase_status_free)

VonkAssessmentState vonk_phase_criterion_state (VonkProject     *project,
                                                VonkCriterion   *criterion,
                                                gint64           department_id,
                                                const GDate     *on,
                                                VonkAssessment **latest);
VonkPhaseStatus    *vonk_phase_compute         (VonkProject     *project,
                                                gint64           department_id,
                                                const GDate     *on);
GHashTable         *vonk_phase_compute_all     (VonkProject     *project);
GArray             *vonk_phase_history         (VonkProject     *project,
                                                gint64           department_id);
const char         *vonk_phase_label           (int              phase);
int                 vonk_phase_get_current     (VonkProject     *project,
                                                gboolean        *assessed);
gboolean            vonk_phase_add_default_criteria (VonkProject  *project,
                                                     GError      **error);
gboolean            vonk_phase_create_project  (VonkStore       *store,
                                                VonkProject     *project,
                                                GError         **error);

G_END_DECLS
