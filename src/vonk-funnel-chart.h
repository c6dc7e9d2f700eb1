/* vonk-funnel-chart.h
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vonk-core.h"

G_BEGIN_DECLS

#define VONK_TYPE_FUNNEL_CHART (vonk_funnel_chart_get_type ())

G_DECLARE_FINAL_TYPE (VonkFunnelChart, vonk_funnel_chart, VONK, FUNNEL_CHART, GtkWidget)

GtkWidget  *vonk_funnel_chart_new         (void);
void        vonk_funnel_chart_set_counts  (VonkFunnelChart *self,
                                           const guint     *counts /* VONK_FUNNEL_N_STAGES, or NULL */);
guint       vonk_funnel_chart_get_count   (VonkFunnelChart *self,
                                           VonkFunnelStage  stage);
const char *vonk_funnel_chart_get_summary (VonkFunnelChart *self);

const char *vonk_funnel_stage_label       (VonkFunnelStage  stage);

G_END_DECLS
