/* vonk-progress-view.c — the phase over time, and where each department stands
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only a frame: the template binds its "project" to the history chart and
 * the department grid, which follow the project themselves.
 */

#define G_LOG_DOMAIN "vonk-progress-view"

#include "config.h"

#include "vonk-department-phases.h"
#include "vonk-phase-history.h"
#include "vonk-progress-view.h"

struct _VonkProgressView
{
  VonkView parent_instance;
};

G_DEFINE_FINAL_TYPE (VonkProgressView, vonk_progress_view, VONK_TYPE_VIEW)

static void
vonk_progress_view_class_init (VonkProgressViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (VONK_TYPE_PHASE_HISTORY);
  g_type_ensure (VONK_TYPE_DEPARTMENT_PHASES);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/vonk/Vonk/ui/vonk-progress-view.ui");
}

static void
vonk_progress_view_init (VonkProgressView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
