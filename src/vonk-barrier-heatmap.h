/* vonk-barrier-heatmap.h
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vonk-core.h"

G_BEGIN_DECLS

#define VONK_TYPE_BARRIER_HEATMAP (vonk_barrier_heatmap_get_type ())

G_DECLARE_FINAL_TYPE (VonkBarrierHeatmap, vonk_barrier_heatmap, VONK, BARRIER_HEATMAP, AdwBin)

GtkWidget   *vonk_barrier_heatmap_new         (VonkProject        *project);
VonkProject *vonk_barrier_heatmap_get_project (VonkBarrierHeatmap *self);
void         vonk_barrier_heatmap_set_project (VonkBarrierHeatmap *self,
                                               VonkProject        *project);
GtkWidget   *vonk_barrier_heatmap_get_cell    (VonkBarrierHeatmap *self,
                                               gint64              department_id,
                                               VonkBarrier         barrier);

G_END_DECLS
