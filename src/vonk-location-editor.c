/* vonk-location-editor.c — the form for a location
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vonk-location-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "vonk-location-editor.h"

struct _VonkLocationEditor
{
  VonkEditor   parent_instance;

  GtkButton   *save_button;
  AdwEntryRow *name_row;
  AdwEntryRow *city_row;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (VonkLocationEditor, vonk_location_editor, VONK_TYPE_EDITOR)

static gboolean
vonk_location_editor_fill (VonkEditor  *editor,
                           VonkEntity  *draft,
                           GError     **error)
{
  VonkLocationEditor *self = VONK_LOCATION_EDITOR (editor);
  g_autofree char *name = vonk_editor_get_row_text (self->name_row);
  g_autofree char *city = vonk_editor_get_row_text (self->city_row);

  g_object_set (draft, "name", name, "city", city, NULL);
  return TRUE;
}

static void
vonk_location_editor_class_init (VonkLocationEditorClass *klass)
{
  VonkEditorClass *editor_class = VONK_EDITOR_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  editor_class->entity_type = VONK_TYPE_LOCATION;
  editor_class->fill = vonk_location_editor_fill;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/vonk/Vonk/ui/vonk-location-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VonkLocationEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, VonkLocationEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, VonkLocationEditor, city_row);
  gtk_widget_class_bind_template_child (widget_class, VonkLocationEditor, error_label);
}

static void
vonk_location_editor_init (VonkLocationEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * vonk_location_editor_new:
 * @project: the loaded project the location belongs to
 * @location: (nullable): the location to edit, or %NULL to add one
 *
 * Returns: (transfer floating): the form, ready to present
 */
GtkWidget *
vonk_location_editor_new (VonkProject  *project,
                          VonkLocation *location)
{
  VonkLocationEditor *self;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);
  g_return_val_if_fail (location == NULL || VONK_IS_LOCATION (location), NULL);

  self = g_object_new (VONK_TYPE_LOCATION_EDITOR, "project", project, "entity", location, NULL);
  gtk_window_set_title (GTK_WINDOW (self), location ? _("Edit Location") : _("Add Location"));
  gtk_button_set_label (self->save_button, location ? _("_Save") : _("_Add"));

  if (location != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_row),
                             vonk_entity_get_string (VONK_ENTITY (location), "name"));
      gtk_editable_set_text (GTK_EDITABLE (self->city_row),
                             vonk_entity_get_string (VONK_ENTITY (location), "city"));
    }

  return GTK_WIDGET (self);
}
