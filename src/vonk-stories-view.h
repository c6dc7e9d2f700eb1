/* vonk-stories-view.h
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vonk-view.h"

G_BEGIN_DECLS

#define VONK_TYPE_STORIES_VIEW (vonk_stories_view_get_type ())

G_DECLARE_FINAL_TYPE (VonkStoriesView, vonk_stories_view, VONK, STORIES_VIEW, VonkView)

GtkWidget *vonk_stories_view_new (VonkProject *project);

G_END_DECLS
