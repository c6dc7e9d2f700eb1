/* vonk-sessions-view.h
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vonk-view.h"

G_BEGIN_DECLS

#define VONK_TYPE_SESSIONS_VIEW (vonk_sessions_view_get_type ())

G_DECLARE_FINAL_TYPE (VonkSessionsView, vonk_sessions_view, VONK, SESSIONS_VIEW, VonkView)

GtkWidget *vonk_sessions_view_new    (VonkProject      *project);
void       vonk_sessions_view_select (VonkSessionsView *self,
                                      VonkSession      *session);

G_END_DECLS
