/* vonk-filter-model.h — a filtered list that never blocks for long
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VONK_TYPE_FILTER_MODEL (vonk_filter_model_get_type ())

G_DECLARE_FINAL_TYPE (VonkFilterModel, vonk_filter_model, VONK, FILTER_MODEL, GObject)

VonkFilterModel *vonk_filter_model_new         (GListModel      *model,
                                                GtkFilter       *filter);
GListModel      *vonk_filter_model_get_model   (VonkFilterModel *self);
void             vonk_filter_model_set_model   (VonkFilterModel *self,
                                                GListModel      *model);
GtkFilter       *vonk_filter_model_get_filter  (VonkFilterModel *self);
void             vonk_filter_model_set_filter  (VonkFilterModel *self,
                                                GtkFilter       *filter);
guint            vonk_filter_model_get_pending (VonkFilterModel *self);
void             vonk_filter_model_finish      (VonkFilterModel *self);

G_END_DECLS
