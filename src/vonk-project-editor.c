/* vonk-project-editor.c — the form for a new project or its details
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vonk-project-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "vonk-project-editor.h"

struct _VonkProjectEditor
{
  AdwWindow     parent_instance;

  VonkStore    *store;
  VonkProject  *project; /* NULL for a new one */

  AdwEntryRow  *name_row;
  AdwEntryRow  *organisation_row;
  AdwComboRow  *focus_row;
  AdwEntryRow  *definition_row;
  AdwComboRow  *current_phase_row;
  AdwComboRow  *target_phase_row;
  AdwEntryRow  *start_date_row;
  AdwEntryRow  *target_date_row;
  GtkLabel     *error_label;
  GtkButton    *save_button;
};

G_DEFINE_FINAL_TYPE (VonkProjectEditor, vonk_project_editor, ADW_TYPE_WINDOW)

/* Fills @row with the labels of @enum_type, in value order. */
static void
fill_enum_row (AdwComboRow *row,
               GType        enum_type,
               int          selected)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    gtk_string_list_append (labels, vonk_enum_label (enum_type, klass->values[i].value));
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (row, selected);
}

static void
set_date_text (AdwEntryRow *row,
               const GDate *date)
{
  g_autofree char *text = NULL;

  if (date != NULL && g_date_valid (date))
    text = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                            g_date_get_day (date));
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

/* Reads a date field; an empty field is no date. */
static gboolean
read_date (AdwEntryRow  *row,
           GDate       **date,
           GError      **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  *date = NULL;
  if (*trimmed == '\0')
    return TRUE;

  *date = vonk_date_parse (trimmed);
  if (*date == NULL)
    {
      g_set_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_INVALID,
                   _("“%s” is not a date; write it as 2026-03-01 or 1-3-2026"), trimmed);
      return FALSE;
    }

  return TRUE;
}

static gboolean
save (VonkProjectEditor  *self,
      GError            **error)
{
  g_autoptr(VonkEntity) draft = NULL;
  g_autoptr(GDate) start = NULL;
  g_autoptr(GDate) target = NULL;

  if (!read_date (self->start_date_row, &start, error) ||
      !read_date (self->target_date_row, &target, error))
    return FALSE;

  draft = self->project ? vonk_entity_copy (VONK_ENTITY (self->project))
                        : VONK_ENTITY (vonk_project_new (NULL));
  g_object_set (draft,
                "name", gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                "organisation", gtk_editable_get_text (GTK_EDITABLE (self->organisation_row)),
                "definition", gtk_editable_get_text (GTK_EDITABLE (self->definition_row)),
                "focus", adw_combo_row_get_selected (self->focus_row),
                "current-phase", adw_combo_row_get_selected (self->current_phase_row),
                "target-phase", adw_combo_row_get_selected (self->target_phase_row),
                "start-date", start,
                "target-date", target,
                NULL);

  if (self->project != NULL)
    return vonk_project_save (self->project, draft, error);

  return vonk_store_add_project (self->store, VONK_PROJECT (draft), error);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VonkProjectEditor *self = VONK_PROJECT_EDITOR (widget);
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
entry_activated_cb (VonkProjectEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

static void
vonk_project_editor_dispose (GObject *object)
{
  VonkProjectEditor *self = VONK_PROJECT_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VONK_TYPE_PROJECT_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (vonk_project_editor_parent_class)->dispose (object);
}

static void
vonk_project_editor_class_init (VonkProjectEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vonk_project_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/vonk/Vonk/ui/vonk-project-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VonkProjectEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, VonkProjectEditor, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, VonkProjectEditor, focus_row);
  gtk_widget_class_bind_template_child (widget_class, VonkProjectEditor, definition_row);
  gtk_widget_class_bind_template_child (widget_class, VonkProjectEditor, current_phase_row);
  gtk_widget_class_bind_template_child (widget_class, VonkProjectEditor, target_phase_row);
  gtk_widget_class_bind_template_child (widget_class, VonkProjectEditor, start_date_row);
  gtk_widget_class_bind_template_child (widget_class, VonkProjectEditor, target_date_row);
  gtk_widget_class_bind_template_child (widget_class, VonkProjectEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, VonkProjectEditor, save_button);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vonk_project_editor_init (VonkProjectEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * vonk_project_editor_new:
 * @project: (nullable): the project to edit, or %NULL for a new one
 *
 * Returns: (transfer floating): the form, ready to present
 */
GtkWidget *
vonk_project_editor_new (VonkStore   *store,
                         VonkProject *project)
{
  VonkProjectEditor *self = g_object_new (VONK_TYPE_PROJECT_EDITOR, NULL);
  VonkEntity *entity = VONK_ENTITY (project);

  self->store = g_object_ref (store);
  self->project = project ? g_object_ref (project) : NULL;

  gtk_window_set_title (GTK_WINDOW (self), project ? _("Project Details") : _("New Project"));
  gtk_button_set_label (self->save_button, project ? _("_Save") : _("C_reate"));

  fill_enum_row (self->focus_row, VONK_TYPE_FOCUS,
                 project ? vonk_entity_get_enum (entity, "focus") : VONK_FOCUS_INTERNAL_NETWORK);
  fill_enum_row (self->current_phase_row, VONK_TYPE_PHASE,
                 project ? vonk_entity_get_enum (entity, "current-phase") : VONK_PHASE_PRESENCE);
  fill_enum_row (self->target_phase_row, VONK_TYPE_PHASE,
                 project ? vonk_entity_get_enum (entity, "target-phase")
                         : VONK_PHASE_SOCIAL_BUSINESS);

  if (project != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_row),
                             vonk_entity_get_string (entity, "name"));
      gtk_editable_set_text (GTK_EDITABLE (self->organisation_row),
                             vonk_entity_get_string (entity, "organisation"));
      gtk_editable_set_text (GTK_EDITABLE (self->definition_row),
                             vonk_entity_get_string (entity, "definition"));
      set_date_text (self->start_date_row, vonk_entity_get_date (entity, "start-date"));
      set_date_text (self->target_date_row, vonk_entity_get_date (entity, "target-date"));
    }

  return GTK_WIDGET (self);
}
