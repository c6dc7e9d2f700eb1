/* vonk-champions-view.h — champions per department, the funnel, and the
 * champions themselves
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vonk-view.h"

G_BEGIN_DECLS

#define VONK_TYPE_CHAMPIONS_VIEW (vonk_champions_view_get_type ())

G_DECLARE_FINAL_TYPE (VonkChampionsView, vonk_champions_view, VONK, CHAMPIONS_VIEW, VonkView)

GtkWidget *vonk_champions_view_new          (VonkProject       *project);
gboolean   vonk_champions_view_is_computing (VonkChampionsView *self);

G_END_DECLS
