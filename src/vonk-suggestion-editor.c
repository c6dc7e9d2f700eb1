/* vonk-suggestion-editor.c — adopting a countermeasure suggested from the field
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The user picks a barrier, one of Vonk's suggestions against it, an owner,
 * a due date (four weeks from today unless changed) and a scope; Adopt adds
 * it to the project through vonk_barriers_adopt_suggestion(). The list of
 * suggestions is short (a handful per barrier), so it is a list box.
 */

#define G_LOG_DOMAIN "vonk-suggestion-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "vonk-suggestion-editor.h"

/* How far ahead an adopted countermeasure is due, unless changed. */
#define DEFAULT_DUE_DAYS 28

struct _VonkSuggestionEditor
{
  VonkEditor   parent_instance;

  GArray      *owner_ids; /* gint64 per choice of owner_row; 0 for none */
  GArray      *scope_ids; /* gint64 per choice of scope_row; 0 for the organisation */
  GPtrArray   *checks;    /* the check button of each suggestion shown, in order */

  GtkButton   *save_button;
  AdwComboRow *barrier_row;
  GtkListBox  *suggestion_list;
  AdwComboRow *owner_row;
  AdwComboRow *scope_row;
  AdwEntryRow *due_row;
  GtkLabel    *due_hint;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (VonkSuggestionEditor, vonk_suggestion_editor, VONK_TYPE_EDITOR)

static VonkBarrier
chosen_barrier (VonkSuggestionEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->barrier_row);

  return selected < VONK_N_BARRIERS ? (VonkBarrier) selected : VONK_BARRIER_MIDDLE_MANAGEMENT;
}

/* The index of the suggestion picked, or -1. */
static int
chosen_suggestion (VonkSuggestionEditor *self)
{
  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      return i;

  return -1;
}

/* Shows the suggestions against the barrier chosen, the first one picked. */
static void
barrier_changed_cb (VonkSuggestionEditor *self)
{
  VonkBarrier barrier = chosen_barrier (self);
  GtkWidget *child;
  GtkCheckButton *group = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->suggestion_list))) != NULL)
    gtk_list_box_remove (self->suggestion_list, child);
  g_ptr_array_set_size (self->checks, 0);

  for (guint i = 0; i < vonk_barriers_n_suggestions (barrier); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     vonk_barriers_suggestion_title (barrier, i));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   vonk_barriers_suggestion_description (barrier, i));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), i == 0);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL,
                                      -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (self->suggestion_list, row);

      if (group == NULL)
        group = GTK_CHECK_BUTTON (check);
      g_ptr_array_add (self->checks, check);
    }
}

static void
due_changed_cb (VonkSuggestionEditor *self)
{
  vonk_editor_check_date (self->due_row, self->due_hint, NULL);
}

static gboolean
vonk_suggestion_editor_fill (VonkEditor  *editor,
                             VonkEntity  *draft,
                             GError     **error)
{
  VonkSuggestionEditor *self = VONK_SUGGESTION_EDITOR (editor);
  g_autoptr(GDate) due = NULL;

  if (chosen_suggestion (self) < 0)
    {
      g_set_error_literal (error, VONK_STORE_ERROR, VONK_STORE_ERROR_INVALID,
                           _("Pick the suggestion to adopt."));
      return FALSE;
    }

  if (!vonk_editor_read_date (self->due_row, NULL, &due, error))
    return FALSE;

  g_object_set (draft,
                "barrier", chosen_barrier (self),
                "owner-id", vonk_editor_get_choice (self->owner_row, self->owner_ids),
                "department-id", vonk_editor_get_choice (self->scope_row, self->scope_ids),
                "due-date", due,
                NULL);
  return TRUE;
}

/* Adopts the suggestion picked with what the form says about it. */
static gboolean
vonk_suggestion_editor_commit (VonkEditor  *editor,
                               VonkEntity  *draft,
                               GError     **error)
{
  VonkSuggestionEditor *self = VONK_SUGGESTION_EDITOR (editor);
  g_autoptr(VonkCountermeasure) adopted = NULL;

  adopted = vonk_barriers_adopt_suggestion (vonk_editor_get_project (editor),
                                            vonk_entity_get_enum (draft, "barrier"),
                                            chosen_suggestion (self),
                                            vonk_entity_get_int64 (draft, "owner-id"),
                                            vonk_entity_get_date (draft, "due-date"),
                                            vonk_entity_get_int64 (draft, "department-id"),
                                            error);
  return adopted != NULL;
}

static void
vonk_suggestion_editor_finalize (GObject *object)
{
  VonkSuggestionEditor *self = VONK_SUGGESTION_EDITOR (object);

  g_array_unref (self->owner_ids);
  g_array_unref (self->scope_ids);
  g_ptr_array_unref (self->checks);

  G_OBJECT_CLASS (vonk_suggestion_editor_parent_class)->finalize (object);
}

static void
vonk_suggestion_editor_class_init (VonkSuggestionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  VonkEditorClass *editor_class = VONK_EDITOR_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = vonk_suggestion_editor_finalize;
  editor_class->entity_type = VONK_TYPE_COUNTERMEASURE;
  editor_class->fill = vonk_suggestion_editor_fill;
  editor_class->commit = vonk_suggestion_editor_commit;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/vonk/Vonk/ui/vonk-suggestion-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VonkSuggestionEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, VonkSuggestionEditor, barrier_row);
  gtk_widget_class_bind_template_child (widget_class, VonkSuggestionEditor, suggestion_list);
  gtk_widget_class_bind_template_child (widget_class, VonkSuggestionEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, VonkSuggestionEditor, scope_row);
  gtk_widget_class_bind_template_child (widget_class, VonkSuggestionEditor, due_row);
  gtk_widget_class_bind_template_child (widget_class, VonkSuggestionEditor, due_hint);
  gtk_widget_class_bind_template_child (widget_class, VonkSuggestionEditor, error_label);
  gtk_widget_class_bind_template_callback (widget_class, barrier_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, due_changed_cb);
}

static void
vonk_suggestion_editor_init (VonkSuggestionEditor *self)
{
  self->owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->scope_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->checks = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  due_changed_cb (self);
}

/**
 * vonk_suggestion_editor_new:
 * @project: the loaded project to adopt a countermeasure into
 * @barrier: the barrier whose suggestions are shown first
 *
 * Returns: (transfer floating): the form, ready to present
 */
GtkWidget *
vonk_suggestion_editor_new (VonkProject *project,
                            VonkBarrier  barrier)
{
  VonkSuggestionEditor *self;
  g_autoptr(GDate) due = vonk_date_today ();
  g_autofree char *due_text = NULL;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);

  self = g_object_new (VONK_TYPE_SUGGESTION_EDITOR, "project", project, NULL);
  gtk_window_set_title (GTK_WINDOW (self), _("Adopt a Suggestion"));

  g_date_add_days (due, DEFAULT_DUE_DAYS);
  due_text = g_strdup_printf ("%02u-%02u-%04u", g_date_get_day (due), g_date_get_month (due),
                              g_date_get_year (due));
  gtk_editable_set_text (GTK_EDITABLE (self->due_row), due_text);

  vonk_editor_fill_enum_choices (self->barrier_row, VONK_TYPE_BARRIER, barrier);
  barrier_changed_cb (self);
  vonk_editor_fill_choices (self->owner_row,
                            vonk_project_get_list (project, VONK_TYPE_PERSON),
                            /* Translators: the choice of no owner */
                            C_("owner", "None"), 0, self->owner_ids);
  vonk_editor_fill_choices (self->scope_row,
                            vonk_project_get_list (project, VONK_TYPE_DEPARTMENT),
                            _("Whole organisation"), 0, self->scope_ids);

  return GTK_WIDGET (self);
}
