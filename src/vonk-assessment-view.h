/* vonk-assessment-view.h
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vonk-view.h"

G_BEGIN_DECLS

#define VONK_TYPE_ASSESSMENT_VIEW (vonk_assessment_view_get_type ())

G_DECLARE_FINAL_TYPE (VonkAssessmentView, vonk_assessment_view, VONK, ASSESSMENT_VIEW, VonkView)

GtkWidget   *vonk_assessment_view_new         (VonkProject        *project);
VonkProject *vonk_assessment_view_get_project (VonkAssessmentView *self);
void         vonk_assessment_view_set_project (VonkAssessmentView *self,
                                               VonkProject        *project);

G_END_DECLS
