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
  VonkEditor   parent_instance;

  VonkStore   *store;

  GtkButton   *save_button;
  AdwEntryRow *name_row;
  AdwEntryRow *organisation_row;
  AdwComboRow *focus_row;
  AdwEntryRow *definition_row;
  AdwComboRow *current_phase_row;
  AdwComboRow *target_phase_row;
  AdwEntryRow *start_date_row;
  AdwEntryRow *target_date_row;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (VonkProjectEditor, vonk_project_editor, VONK_TYPE_EDITOR)

static void
set_date_text (AdwEntryRow *row,
               const GDate *date)
{
  g_autofree char *text = NULL;

  if (date != NULL && g_date_valid (date))
    text = g_strdup_printf ("%02u-%02u-%04u", g_date_get_day (date), g_date_get_month (date),
                            g_date_get_year (date));
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static gboolean
vonk_project_editor_fill (VonkEditor  *editor,
                          VonkEntity  *draft,
                          GError     **error)
{
  VonkProjectEditor *self = VONK_PROJECT_EDITOR (editor);
  g_autoptr(GDate) start = NULL;
  g_autoptr(GDate) target = NULL;

  if (!vonk_editor_read_date (self->start_date_row, NULL, &start, error) ||
      !vonk_editor_read_date (self->target_date_row, NULL, &target, error))
    return FALSE;

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
  return TRUE;
}

/* A new project goes into the store's list; an existing one saves itself. */
static gboolean
vonk_project_editor_commit (VonkEditor  *editor,
                            VonkEntity  *draft,
                            GError     **error)
{
  VonkProjectEditor *self = VONK_PROJECT_EDITOR (editor);
  VonkEntity *project = vonk_editor_get_entity (editor);

  if (project != NULL)
    return vonk_project_save (VONK_PROJECT (project), draft, error);

  return vonk_phase_create_project (self->store, VONK_PROJECT (draft), error);
}

static void
vonk_project_editor_dispose (GObject *object)
{
  VonkProjectEditor *self = VONK_PROJECT_EDITOR (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (vonk_project_editor_parent_class)->dispose (object);
}

static void
vonk_project_editor_class_init (VonkProjectEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  VonkEditorClass *editor_class = VONK_EDITOR_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vonk_project_editor_dispose;
  editor_class->entity_type = VONK_TYPE_PROJECT;
  editor_class->fill = vonk_project_editor_fill;
  editor_class->commit = vonk_project_editor_commit;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/vonk/Vonk/ui/vonk-project-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VonkProjectEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, VonkProjectEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, VonkProjectEditor, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, VonkProjectEditor, focus_row);
  gtk_widget_class_bind_template_child (widget_class, VonkProjectEditor, definition_row);
  gtk_widget_class_bind_template_child (widget_class, VonkProjectEditor, current_phase_row);
  gtk_widget_class_bind_template_child (widget_class, VonkProjectEditor, target_phase_row);
  gtk_widget_class_bind_template_child (widget_class, VonkProjectEditor, start_date_row);
  gtk_widget_class_bind_template_child (widget_class, VonkProjectEditor, target_date_row);
  gtk_widget_class_bind_template_child (widget_class, VonkProjectEditor, error_label);
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
  VonkProjectEditor *self;
  VonkEntity *entity = VONK_ENTITY (project);

  self = g_object_new (VONK_TYPE_PROJECT_EDITOR, "project", project, "entity", project, NULL);
  self->store = g_object_ref (store);

  gtk_window_set_title (GTK_WINDOW (self), project ? _("Project Details") : _("New Project"));
  gtk_button_set_label (self->save_button, project ? _("_Save") : _("C_reate"));

  vonk_editor_fill_enum_choices (self->focus_row, VONK_TYPE_FOCUS,
                                 project ? vonk_entity_get_enum (entity, "focus")
                                         : VONK_FOCUS_INTERNAL_NETWORK);
  vonk_editor_fill_enum_choices (self->current_phase_row, VONK_TYPE_PHASE,
                                 project ? vonk_entity_get_enum (entity, "current-phase")
                                         : VONK_PHASE_PRESENCE);
  vonk_editor_fill_enum_choices (self->target_phase_row, VONK_TYPE_PHASE,
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
