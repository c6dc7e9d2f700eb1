/* vonk-location-editor.c — the form for a location
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Save builds a draft from the form (a copy of the location, or a new one)
 * and lets the core validate and store it. The window closes only when
 * that worked; otherwise the core's message shows under the form and
 * nothing is saved.
 */

#define G_LOG_DOMAIN "vonk-location-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "vonk-location-editor.h"

struct _VonkLocationEditor
{
  AdwWindow     parent_instance;

  VonkProject  *project;
  VonkLocation *location; /* NULL when adding one */

  GtkButton    *save_button;
  AdwEntryRow  *name_row;
  AdwEntryRow  *city_row;
  GtkLabel     *error_label;
};

G_DEFINE_FINAL_TYPE (VonkLocationEditor, vonk_location_editor, ADW_TYPE_WINDOW)

static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static gboolean
save (VonkLocationEditor  *self,
      GError             **error)
{
  g_autoptr(VonkEntity) draft = NULL;
  g_autofree char *name = row_text (self->name_row);
  g_autofree char *city = row_text (self->city_row);

  draft = self->location ? vonk_entity_copy (VONK_ENTITY (self->location))
                         : g_object_new (VONK_TYPE_LOCATION, NULL);
  g_object_set (draft, "name", name, "city", city, NULL);

  if (!vonk_project_validate (self->project, draft, error))
    return FALSE;

  if (self->location != NULL)
    return vonk_project_save (self->project, draft, error);

  return vonk_project_add (self->project, draft, error);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VonkLocationEditor *self = VONK_LOCATION_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!save (self, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
entry_activated_cb (VonkLocationEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

static void
vonk_location_editor_dispose (GObject *object)
{
  VonkLocationEditor *self = VONK_LOCATION_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VONK_TYPE_LOCATION_EDITOR);
  g_clear_object (&self->project);
  g_clear_object (&self->location);

  G_OBJECT_CLASS (vonk_location_editor_parent_class)->dispose (object);
}

static void
vonk_location_editor_class_init (VonkLocationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vonk_location_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/vonk/Vonk/ui/vonk-location-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VonkLocationEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, VonkLocationEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, VonkLocationEditor, city_row);
  gtk_widget_class_bind_template_child (widget_class, VonkLocationEditor, error_label);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
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

  self = g_object_new (VONK_TYPE_LOCATION_EDITOR, NULL);
  self->project = g_object_ref (project);
  self->location = location ? g_object_ref (location) : NULL;

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
