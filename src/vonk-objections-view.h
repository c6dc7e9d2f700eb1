/* vonk-objections-view.h
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vonk-view.h"

G_BEGIN_DECLS

#define VONK_TYPE_OBJECTIONS_VIEW (vonk_objections_view_get_type ())

G_DECLARE_FINAL_TYPE (VonkObjectionsView, vonk_objections_view, VONK, OBJECTIONS_VIEW, VonkView)

GtkWidget *vonk_objections_view_new (VonkProject *project);

G_END_DECLS
