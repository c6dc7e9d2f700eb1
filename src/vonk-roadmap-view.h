/* vonk-roadmap-view.h
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vonk-view.h"

G_BEGIN_DECLS

#define VONK_TYPE_ROADMAP_VIEW (vonk_roadmap_view_get_type ())

G_DECLARE_FINAL_TYPE (VonkRoadmapView, vonk_roadmap_view, VONK, ROADMAP_VIEW, VonkView)

GtkWidget *vonk_roadmap_view_new (VonkProject *project);

G_END_DECLS
