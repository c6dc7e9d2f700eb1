/* vonk-score-editor.c — the form for a new barrier score
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A score is never changed afterwards: the form always adds a new one, so
 * that the earlier scores stay as the barrier's history. It asks which
 * barrier, for the whole organisation or one department, the score (1 = no
 * obstacle … 5 = blocking, one of five toggles, each with its meaning), the
 * day (today unless typed otherwise, read as the user writes dates) and a
 * note on what was seen.
 */

#define G_LOG_DOMAIN "vonk-score-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "vonk-score-chart.h"
#include "vonk-score-editor.h"

#define N_SCORES 5

struct _VonkScoreEditor
{
  VonkEditor       parent_instance;

  GArray          *department_ids; /* gint64 per choice of scope_row; 0: organisation */

  AdwComboRow     *barrier_row;
  AdwComboRow     *scope_row;
  AdwActionRow    *score_row;
  GtkToggleButton *score_buttons[N_SCORES];
  AdwEntryRow     *date_row;
  GtkLabel        *date_hint;
  AdwEntryRow     *note_row;
  GtkLabel        *error_label;
};

G_DEFINE_FINAL_TYPE (VonkScoreEditor, vonk_score_editor, VONK_TYPE_EDITOR)

/* a score needs the day it was given */
#define MISSING_DATE \
  _("A score needs the day it was given. Write a date as 27-11-2026 or 2026-11-27.")

static int
chosen_score (VonkScoreEditor *self)
{
  for (int i = 0; i < N_SCORES; i++)
    if (gtk_toggle_button_get_active (self->score_buttons[i]))
      return i + 1;

  return VONK_BARRIER_SCORE_NONE;
}

static void
score_toggled_cb (VonkScoreEditor *self)
{
  adw_action_row_set_subtitle (self->score_row, vonk_score_level_label (chosen_score (self)));
}

static void
date_changed_cb (VonkScoreEditor *self)
{
  vonk_editor_check_date (self->date_row, self->date_hint, MISSING_DATE);
}

static gboolean
vonk_score_editor_fill (VonkEditor  *editor,
                        VonkEntity  *draft,
                        GError     **error)
{
  VonkScoreEditor *self = VONK_SCORE_EDITOR (editor);
  g_autofree char *note = vonk_editor_get_row_text (self->note_row);
  g_autoptr(GDate) scored_on = NULL;
  guint barrier = adw_combo_row_get_selected (self->barrier_row);

  if (!vonk_editor_read_date (self->date_row, MISSING_DATE, &scored_on, error))
    return FALSE;

  g_object_set (draft,
                "barrier", barrier != GTK_INVALID_LIST_POSITION ? (VonkBarrier) barrier
                                                                : VONK_BARRIER_MIDDLE_MANAGEMENT,
                "department-id", vonk_editor_get_choice (self->scope_row, self->department_ids),
                "score", chosen_score (self),
                "scored-on", scored_on,
                "note", note,
                NULL);
  return TRUE;
}

static void
vonk_score_editor_finalize (GObject *object)
{
  VonkScoreEditor *self = VONK_SCORE_EDITOR (object);

  g_array_unref (self->department_ids);

  G_OBJECT_CLASS (vonk_score_editor_parent_class)->finalize (object);
}

static void
vonk_score_editor_class_init (VonkScoreEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  VonkEditorClass *editor_class = VONK_EDITOR_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = vonk_score_editor_finalize;
  editor_class->entity_type = VONK_TYPE_BARRIER_SCORE;
  editor_class->fill = vonk_score_editor_fill;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/vonk/Vonk/ui/vonk-score-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VonkScoreEditor, barrier_row);
  gtk_widget_class_bind_template_child (widget_class, VonkScoreEditor, scope_row);
  gtk_widget_class_bind_template_child (widget_class, VonkScoreEditor, score_row);
  gtk_widget_class_bind_template_child_full (widget_class, "score_1", FALSE,
                                             G_STRUCT_OFFSET (VonkScoreEditor, score_buttons[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "score_2", FALSE,
                                             G_STRUCT_OFFSET (VonkScoreEditor, score_buttons[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "score_3", FALSE,
                                             G_STRUCT_OFFSET (VonkScoreEditor, score_buttons[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "score_4", FALSE,
                                             G_STRUCT_OFFSET (VonkScoreEditor, score_buttons[3]));
  gtk_widget_class_bind_template_child_full (widget_class, "score_5", FALSE,
                                             G_STRUCT_OFFSET (VonkScoreEditor, score_buttons[4]));
  gtk_widget_class_bind_template_child (widget_class, VonkScoreEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, VonkScoreEditor, date_hint);
  gtk_widget_class_bind_template_child (widget_class, VonkScoreEditor, note_row);
  gtk_widget_class_bind_template_child (widget_class, VonkScoreEditor, error_label);
  gtk_widget_class_bind_template_callback (widget_class, score_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
}

static void
vonk_score_editor_init (VonkScoreEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->department_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (int i = 0; i < N_SCORES; i++)
    {
      /* Translators: a score and its meaning, as in "4: Big obstacle" */
      g_autofree char *meaning = g_strdup_printf (_("%1$d: %2$s"), i + 1,
                                                  vonk_score_level_label (i + 1));

      gtk_widget_set_tooltip_text (GTK_WIDGET (self->score_buttons[i]), meaning);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->score_buttons[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, meaning,
                                      -1);
    }
}

/**
 * vonk_score_editor_new:
 * @project: the loaded project the score belongs to
 * @barrier: the barrier the form starts with
 * @department_id: the department it starts with, or 0 for the organisation
 *
 * The form starts at the current score of that barrier and scope (3 when
 * there is none) and today.
 *
 * Returns: (transfer floating): the form, ready to present
 */
GtkWidget *
vonk_score_editor_new (VonkProject *project,
                       VonkBarrier  barrier,
                       gint64       department_id)
{
  VonkScoreEditor *self;
  g_autoptr(GDate) today = vonk_date_today ();
  g_autofree char *day = NULL;
  int score;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);

  self = g_object_new (VONK_TYPE_SCORE_EDITOR,
                       "project", project,
                       NULL);

  vonk_editor_fill_enum_choices (self->barrier_row, VONK_TYPE_BARRIER, barrier);
  vonk_editor_fill_choices (self->scope_row,
                            vonk_project_get_list (project, VONK_TYPE_DEPARTMENT),
                            vonk_enum_label (VONK_TYPE_SCOPE, VONK_SCOPE_COMPANY),
                            department_id, self->department_ids);

  score = vonk_barriers_current_score (project, barrier, department_id, NULL, NULL);
  if (score == VONK_BARRIER_SCORE_NONE)
    score = 3;
  gtk_toggle_button_set_active (self->score_buttons[CLAMP (score, 1, N_SCORES) - 1], TRUE);

  day = g_strdup_printf ("%02u-%02u-%04u", g_date_get_day (today), g_date_get_month (today),
                         g_date_get_year (today));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), day);

  return GTK_WIDGET (self);
}
