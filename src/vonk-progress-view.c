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
  AdwBin       parent_instance;

  VonkProject *project;
};

G_DEFINE_FINAL_TYPE (VonkProgressView, vonk_progress_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vonk_progress_view_dispose (GObject *object)
{
  VonkProgressView *self = VONK_PROGRESS_VIEW (object);

  g_clear_object (&self->project);

  G_OBJECT_CLASS (vonk_progress_view_parent_class)->dispose (object);
}

static void
vonk_progress_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  VonkProgressView *self = VONK_PROGRESS_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vonk_progress_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  VonkProgressView *self = VONK_PROGRESS_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      if (g_set_object (&self->project, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vonk_progress_view_class_init (VonkProgressViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vonk_progress_view_dispose;
  object_class->get_property = vonk_progress_view_get_property;
  object_class->set_property = vonk_progress_view_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, VONK_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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
