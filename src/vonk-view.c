/* vonk-view.c — what every view of a project has in common
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A view shows one loaded project, its "project" property, which the window
 * sets on every view. A subclass follows the project in its
 * project_changed(), which runs after each change, and once more on
 * dispose when the project goes to NULL. A subclass that disposes its
 * template sets the project to NULL first, while its template children are
 * still there.
 */

#define G_LOG_DOMAIN "vonk-view"

#include "config.h"

#include "vonk-view.h"

typedef struct
{
  VonkProject *project;
} VonkViewPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (VonkView, vonk_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * vonk_view_set_project:
 * @project: (nullable): a loaded project
 *
 * Shows @project.
 */
void
vonk_view_set_project (VonkView    *self,
                       VonkProject *project)
{
  VonkViewPrivate *priv;
  g_autoptr(VonkProject) old_project = NULL;

  g_return_if_fail (VONK_IS_VIEW (self));
  g_return_if_fail (project == NULL || VONK_IS_PROJECT (project));
  g_return_if_fail (project == NULL || vonk_project_is_loaded (project));

  priv = vonk_view_get_instance_private (self);
  if (priv->project == project)
    return;

  old_project = g_steal_pointer (&priv->project);
  priv->project = project != NULL ? g_object_ref (project) : NULL;

  if (VONK_VIEW_GET_CLASS (self)->project_changed != NULL)
    VONK_VIEW_GET_CLASS (self)->project_changed (self, old_project);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

/**
 * vonk_view_get_project:
 *
 * Returns: (transfer none) (nullable): the project shown
 */
VonkProject *
vonk_view_get_project (VonkView *self)
{
  VonkViewPrivate *priv;

  g_return_val_if_fail (VONK_IS_VIEW (self), NULL);

  priv = vonk_view_get_instance_private (self);
  return priv->project;
}

static void
vonk_view_dispose (GObject *object)
{
  vonk_view_set_project (VONK_VIEW (object), NULL);

  G_OBJECT_CLASS (vonk_view_parent_class)->dispose (object);
}

static void
vonk_view_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  VonkView *self = VONK_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, vonk_view_get_project (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vonk_view_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  VonkView *self = VONK_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      vonk_view_set_project (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vonk_view_class_init (VonkViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vonk_view_dispose;
  object_class->get_property = vonk_view_get_property;
  object_class->set_property = vonk_view_set_property;

  /**
   * VonkView:project: (nullable)
   *
   * The loaded project shown.
   */
  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, VONK_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vonk_view_init (VonkView *self)
{
}
