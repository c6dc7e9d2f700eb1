/* vonk-score-chart.h
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vonk-core.h"

G_BEGIN_DECLS

#define VONK_TYPE_SCORE_CHART (vonk_score_chart_get_type ())

G_DECLARE_FINAL_TYPE (VonkScoreChart, vonk_score_chart, VONK, SCORE_CHART, GtkWidget)

GtkWidget   *vonk_score_chart_new               (VonkProject    *project,
                                                 VonkBarrier     barrier,
                                                 gint64          department_id);
VonkProject *vonk_score_chart_get_project       (VonkScoreChart *self);
void         vonk_score_chart_set_project       (VonkScoreChart *self,
                                                 VonkProject    *project);
VonkBarrier  vonk_score_chart_get_barrier       (VonkScoreChart *self);
void         vonk_score_chart_set_barrier       (VonkScoreChart *self,
                                                 VonkBarrier     barrier);
gint64       vonk_score_chart_get_department_id (VonkScoreChart *self);
void         vonk_score_chart_set_department_id (VonkScoreChart *self,
                                                 gint64          department_id);
const char  *vonk_score_chart_get_summary       (VonkScoreChart *self);

const char  *vonk_score_level_label             (int             score);
const char  *vonk_trend_label                   (VonkTrend       trend);

G_END_DECLS
