/* vonk-countermeasures-view.h
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vonk-view.h"

G_BEGIN_DECLS

#define VONK_TYPE_COUNTERMEASURES_VIEW (vonk_countermeasures_view_get_type ())

G_DECLARE_FINAL_TYPE (VonkCountermeasuresView, vonk_countermeasures_view, VONK, COUNTERMEASURES_VIEW, VonkView)

GtkWidget *vonk_countermeasures_view_new (VonkProject *project);

G_END_DECLS
