/* vonk-window.h
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vonk-core.h"

G_BEGIN_DECLS

#define VONK_TYPE_WINDOW (vonk_window_get_type ())

G_DECLARE_FINAL_TYPE (VonkWindow, vonk_window, VONK, WINDOW, AdwApplicationWindow)

typedef struct _VonkApplication VonkApplication;

VonkWindow  *vonk_window_new              (VonkApplication *application,
                                           VonkStore       *store);
VonkProject *vonk_window_get_project      (VonkWindow      *self);
gboolean     vonk_window_has_project      (VonkWindow      *self);
gboolean     vonk_window_open_project     (VonkWindow      *self,
                                           VonkProject     *project);
void         vonk_window_load_project     (VonkWindow      *self,
                                           VonkProject     *project);
gboolean     vonk_window_is_loading       (VonkWindow      *self);
void         vonk_window_open_default     (VonkWindow      *self);
void         vonk_window_show_projects    (VonkWindow      *self);
void         vonk_window_show_toast       (VonkWindow      *self,
                                           const char      *message);
GSettings   *vonk_window_get_settings     (VonkWindow      *self);
VonkStore   *vonk_window_get_store        (VonkWindow      *self);

GCancellable *vonk_window_begin_task      (VonkWindow      *self,
                                           const char      *label);
void         vonk_window_set_task_progress (VonkWindow     *self,
                                            double          fraction);
void         vonk_window_end_task         (VonkWindow      *self);

G_END_DECLS
