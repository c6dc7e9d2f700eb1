/* vonk-countermeasure-editor.c — the form for a countermeasure
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The due date is typed as the user writes dates (27-11-2026 or
 * 2026-11-27), checked while typing; an empty field means no date. The
 * scope is the whole organisation or one department.
 */

#define G_LOG_DOMAIN "vonk-countermeasure-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "vonk-countermeasure-editor.h"

struct _VonkCountermeasureEditor
{
  VonkEditor   parent_instance;

  GArray      *owner_ids; /* gint64 per choice of owner_row; 0 for none */
  GArray      *scope_ids; /* gint64 per choice of scope_row; 0 for the organisation */

  GtkButton   *save_button;
  AdwEntryRow *title_row;
  AdwEntryRow *description_row;
  AdwComboRow *barrier_row;
  AdwComboRow *status_row;
  AdwComboRow *owner_row;
  AdwComboRow *scope_row;
  AdwEntryRow *due_row;
  GtkLabel    *due_hint;
  AdwEntryRow *notes_row;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (VonkCountermeasureEditor, vonk_countermeasure_editor, VONK_TYPE_EDITOR)

static void
due_changed_cb (VonkCountermeasureEditor *self)
{
  vonk_editor_check_date (self->due_row, self->due_hint, NULL);
}

static gboolean
vonk_countermeasure_editor_fill (VonkEditor  *editor,
                                 VonkEntity  *draft,
                                 GError     **error)
{
  VonkCountermeasureEditor *self = VONK_COUNTERMEASURE_EDITOR (editor);
  g_autofree char *title = vonk_editor_get_row_text (self->title_row);
  g_autofree char *description = vonk_editor_get_row_text (self->description_row);
  g_autofree char *notes = vonk_editor_get_row_text (self->notes_row);
  g_autoptr(GDate) due = NULL;
  guint barrier = adw_combo_row_get_selected (self->barrier_row);
  guint status = adw_combo_row_get_selected (self->status_row);

  if (!vonk_editor_read_date (self->due_row, NULL, &due, error))
    return FALSE;

  g_object_set (draft,
                "title", title,
                "description", description,
                "barrier", barrier != GTK_INVALID_LIST_POSITION
                             ? (VonkBarrier) barrier : VONK_BARRIER_MIDDLE_MANAGEMENT,
                "status", status != GTK_INVALID_LIST_POSITION
                            ? (VonkMeasureStatus) status : VONK_MEASURE_PLANNED,
                "owner-id", vonk_editor_get_choice (self->owner_row, self->owner_ids),
                "department-id", vonk_editor_get_choice (self->scope_row, self->scope_ids),
                "due-date", due,
                "notes", notes,
                NULL);
  return TRUE;
}

static void
vonk_countermeasure_editor_finalize (GObject *object)
{
  VonkCountermeasureEditor *self = VONK_COUNTERMEASURE_EDITOR (object);

  g_array_unref (self->owner_ids);
  g_array_unref (self->scope_ids);

  G_OBJECT_CLASS (vonk_countermeasure_editor_parent_class)->finalize (object);
}

static void
vonk_countermeasure_editor_class_init (VonkCountermeasureEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  VonkEditorClass *editor_class = VONK_EDITOR_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = vonk_countermeasure_editor_finalize;
  editor_class->entity_type = VONK_TYPE_COUNTERMEASURE;
  editor_class->fill = vonk_countermeasure_editor_fill;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/vonk/Vonk/ui/vonk-countermeasure-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VonkCountermeasureEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, VonkCountermeasureEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, VonkCountermeasureEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, VonkCountermeasureEditor, barrier_row);
  gtk_widget_class_bind_template_child (widget_class, VonkCountermeasureEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, VonkCountermeasureEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, VonkCountermeasureEditor, scope_row);
  gtk_widget_class_bind_template_child (widget_class, VonkCountermeasureEditor, due_row);
  gtk_widget_class_bind_template_child (widget_class, VonkCountermeasureEditor, due_hint);
  gtk_widget_class_bind_template_child (widget_class, VonkCountermeasureEditor, notes_row);
  gtk_widget_class_bind_template_child (widget_class, VonkCountermeasureEditor, error_label);
  gtk_widget_class_bind_template_callback (widget_class, due_changed_cb);
}

static void
vonk_countermeasure_editor_init (VonkCountermeasureEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->scope_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  due_changed_cb (self);
}

/**
 * vonk_countermeasure_editor_new:
 * @project: the loaded project the countermeasure belongs to
 * @countermeasure: (nullable): the countermeasure to edit, or %NULL to add one
 * @barrier: the barrier a new countermeasure is against
 *
 * Returns: (transfer floating): the form, ready to present
 */
GtkWidget *
vonk_countermeasure_editor_new (VonkProject        *project,
                                VonkCountermeasure *countermeasure,
                                VonkBarrier         barrier)
{
  VonkCountermeasureEditor *self;
  VonkEntity *entity = VONK_ENTITY (countermeasure);
  int status = VONK_MEASURE_PLANNED;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);
  g_return_val_if_fail (countermeasure == NULL || VONK_IS_COUNTERMEASURE (countermeasure), NULL);

  self = g_object_new (VONK_TYPE_COUNTERMEASURE_EDITOR,
                       "project", project,
                       "entity", countermeasure,
                       NULL);
  gtk_window_set_title (GTK_WINDOW (self),
                        countermeasure ? _("Edit Countermeasure") : _("New Countermeasure"));
  gtk_button_set_label (self->save_button, countermeasure ? _("_Save") : _("_Add"));

  if (countermeasure != NULL)
    {
      g_autofree char *due = NULL;
      const GDate *date = vonk_entity_get_date (entity, "due-date");

      barrier = vonk_entity_get_enum (entity, "barrier");
      status = vonk_entity_get_enum (entity, "status");
      if (date != NULL && g_date_valid (date))
        due = g_strdup_printf ("%02u-%02u-%04u", g_date_get_day (date),
                               g_date_get_month (date), g_date_get_year (date));

      gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                             vonk_entity_get_string (entity, "title"));
      gtk_editable_set_text (GTK_EDITABLE (self->description_row),
                             vonk_entity_get_string (entity, "description"));
      gtk_editable_set_text (GTK_EDITABLE (self->notes_row),
                             vonk_entity_get_string (entity, "notes"));
      gtk_editable_set_text (GTK_EDITABLE (self->due_row), due != NULL ? due : "");
    }

  vonk_editor_fill_enum_choices (self->barrier_row, VONK_TYPE_BARRIER, barrier);
  vonk_editor_fill_enum_choices (self->status_row, VONK_TYPE_MEASURE_STATUS, status);
  vonk_editor_fill_choices (self->owner_row,
                            vonk_project_get_list (project, VONK_TYPE_PERSON),
                            /* Translators: the choice of no owner */
                            C_("owner", "None"),
                            entity ? vonk_entity_get_int64 (entity, "owner-id") : 0,
                            self->owner_ids);
  vonk_editor_fill_choices (self->scope_row,
                            vonk_project_get_list (project, VONK_TYPE_DEPARTMENT),
                            _("Whole organisation"),
                            entity ? vonk_entity_get_int64 (entity, "department-id") : 0,
                            self->scope_ids);

  return GTK_WIDGET (self);
}
