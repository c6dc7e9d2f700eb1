/* vonk-milestone-editor.c — the form for a milestone
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The due date is typed; what is typed is read as the user writes dates
 * (27-11-2026 or 2026-11-27), checked while typing, and an empty field
 * means no date.
 */

#define G_LOG_DOMAIN "vonk-milestone-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "vonk-milestone-editor.h"

struct _VonkMilestoneEditor
{
  VonkEditor   parent_instance;

  GArray      *owner_ids; /* gint64 per choice of owner_row; 0 for none */

  GtkButton   *save_button;
  AdwEntryRow *title_row;
  AdwEntryRow *description_row;
  AdwComboRow *phase_row;
  AdwEntryRow *due_row;
  GtkLabel    *due_hint;
  AdwComboRow *status_row;
  AdwComboRow *owner_row;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (VonkMilestoneEditor, vonk_milestone_editor, VONK_TYPE_EDITOR)

static void
due_changed_cb (VonkMilestoneEditor *self)
{
  vonk_editor_check_date (self->due_row, self->due_hint, NULL);
}

static gboolean
vonk_milestone_editor_fill (VonkEditor  *editor,
                            VonkEntity  *draft,
                            GError     **error)
{
  VonkMilestoneEditor *self = VONK_MILESTONE_EDITOR (editor);
  g_autofree char *title = vonk_editor_get_row_text (self->title_row);
  g_autofree char *description = vonk_editor_get_row_text (self->description_row);
  g_autoptr(GDate) due = NULL;
  guint phase = adw_combo_row_get_selected (self->phase_row);
  guint status = adw_combo_row_get_selected (self->status_row);

  if (!vonk_editor_read_date (self->due_row, NULL, &due, error))
    return FALSE;

  g_object_set (draft,
                "title", title,
                "description", description,
                "phase", phase != GTK_INVALID_LIST_POSITION ? (VonkPhase) phase
                                                            : VONK_PHASE_PRESENCE,
                "due-date", due,
                "status", status != GTK_INVALID_LIST_POSITION ? (VonkMilestoneStatus) status
                                                              : VONK_MILESTONE_PLANNED,
                "owner-id", vonk_editor_get_choice (self->owner_row, self->owner_ids),
                NULL);
  return TRUE;
}

static void
vonk_milestone_editor_finalize (GObject *object)
{
  VonkMilestoneEditor *self = VONK_MILESTONE_EDITOR (object);

  g_array_unref (self->owner_ids);

  G_OBJECT_CLASS (vonk_milestone_editor_parent_class)->finalize (object);
}

static void
vonk_milestone_editor_class_init (VonkMilestoneEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  VonkEditorClass *editor_class = VONK_EDITOR_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = vonk_milestone_editor_finalize;
  editor_class->entity_type = VONK_TYPE_MILESTONE;
  editor_class->fill = vonk_milestone_editor_fill;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/vonk/Vonk/ui/vonk-milestone-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VonkMilestoneEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, VonkMilestoneEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, VonkMilestoneEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, VonkMilestoneEditor, phase_row);
  gtk_widget_class_bind_template_child (widget_class, VonkMilestoneEditor, due_row);
  gtk_widget_class_bind_template_child (widget_class, VonkMilestoneEditor, due_hint);
  gtk_widget_class_bind_template_child (widget_class, VonkMilestoneEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, VonkMilestoneEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, VonkMilestoneEditor, error_label);
  gtk_widget_class_bind_template_callback (widget_class, due_changed_cb);
}

static void
vonk_milestone_editor_init (VonkMilestoneEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  due_changed_cb (self);
}

/**
 * vonk_milestone_editor_new:
 * @project: the loaded project the milestone belongs to
 * @milestone: (nullable): the milestone to edit, or %NULL to add one
 * @phase: the phase a new milestone starts in
 *
 * Returns: (transfer floating): the form, ready to present
 */
GtkWidget *
vonk_milestone_editor_new (VonkProject   *project,
                           VonkMilestone *milestone,
                           VonkPhase      phase)
{
  VonkMilestoneEditor *self;
  VonkEntity *entity = VONK_ENTITY (milestone);
  int status = VONK_MILESTONE_PLANNED;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);
  g_return_val_if_fail (milestone == NULL || VONK_IS_MILESTONE (milestone), NULL);

  self = g_object_new (VONK_TYPE_MILESTONE_EDITOR,
                       "project", project,
                       "entity", milestone,
                       NULL);
  gtk_window_set_title (GTK_WINDOW (self),
                        milestone ? _("Edit Milestone") : _("Add Milestone"));
  gtk_button_set_label (self->save_button, milestone ? _("_Save") : _("_Add"));

  if (milestone != NULL)
    {
      g_autofree char *due = NULL;
      const GDate *date = vonk_entity_get_date (entity, "due-date");

      phase = vonk_entity_get_enum (entity, "phase");
      status = vonk_entity_get_enum (entity, "status");
      if (date != NULL)
        due = g_strdup_printf ("%02u-%02u-%04u", g_date_get_day (date),
                               g_date_get_month (date), g_date_get_year (date));

      gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                             vonk_entity_get_string (entity, "title"));
      gtk_editable_set_text (GTK_EDITABLE (self->description_row),
                             vonk_entity_get_string (entity, "description"));
      gtk_editable_set_text (GTK_EDITABLE (self->due_row), due != NULL ? due : "");
    }

  vonk_editor_fill_enum_choices (self->phase_row, VONK_TYPE_PHASE, phase);
  vonk_editor_fill_enum_choices (self->status_row, VONK_TYPE_MILESTONE_STATUS, status);
  vonk_editor_fill_choices (self->owner_row,
                            vonk_project_get_list (project, VONK_TYPE_PERSON),
                            /* Translators: the choice of no owner for a milestone */
                            C_("owner", "None"),
                            milestone ? vonk_entity_get_int64 (entity, "owner-id") : 0,
                            self->owner_ids);

  return GTK_WIDGET (self);
}
