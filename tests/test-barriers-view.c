/* test-barriers-view.c — the Barriers view: cards, form and heatmap
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real widgets under Xvfb, on a project made by vonk_phase_create_project()
 * with two departments and a few dated scores of Fear; today is fixed by
 * VONK_TODAY. Scores are entered as a user does, through the form; what is
 * checked is what a user reads and what a screen reader says: the number
 * and sentence on a card, the number and accessible label of a heatmap
 * cell, the history in the cell's popover. Every wait is for a condition,
 * with a time-out.
 */

#include "config.h"

#include "vonk-barrier-card.h"
#include "vonk-barrier-heatmap.h"
#include "vonk-barriers-view.h"
#include "vonk-score-editor.h"
#include "vonk-test-utils-gui.h"

typedef struct
{
  char        *dir;
  char        *path;
  VonkStore   *store;
  VonkProject *project;
  gint64       project_id;
  gint64       sales_id;
  gint64       support_id;
  GtkWindow   *window;
  GtkWidget   *overlay;
  GtkWidget   *view;
} Fixture;

static void
add_score (Fixture     *fixture,
           VonkBarrier  barrier,
           gint64       department_id,
           int          score,
           const char  *day,
           const char  *note)
{
  g_autoptr(GDate) scored_on = vonk_date_parse (day);

  g_assert_nonnull (scored_on);
  vonk_test_add (fixture->project, g_object_new (VONK_TYPE_BARRIER_SCORE,
                                                 "barrier", barrier,
                                                 "department-id", department_id,
                                                 "score", score,
                                                 "scored-on", scored_on,
                                                 "note", note,
                                                 NULL));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->store = vonk_test_store_new ("vonk-barriers-view-XXXXXX", &fixture->dir,
                                        &fixture->path);
  fixture->project = vonk_project_new ("Barriers");
  vonk_phase_create_project (fixture->store, fixture->project, &error);
  g_assert_no_error (error);
  fixture->project_id = vonk_entity_get_id (VONK_ENTITY (fixture->project));

  fixture->sales_id = vonk_test_add (fixture->project,
                                     g_object_new (VONK_TYPE_DEPARTMENT, "name", "Sales", NULL));
  fixture->support_id = vonk_test_add (fixture->project,
                                       g_object_new (VONK_TYPE_DEPARTMENT, "name", "Support",
                                                     NULL));

  /* the organisation: Fear from 4 to 3; Sales: Fear 3, once */
  add_score (fixture, VONK_BARRIER_FEAR, 0, 4, "2026-03-02", "Fear of wasted time");
  add_score (fixture, VONK_BARRIER_FEAR, 0, 3, "2026-09-01", NULL);
  add_score (fixture, VONK_BARRIER_FEAR, fixture->sales_id, 3, "2026-10-01",
             "Worried about customer data");

  fixture->window = vonk_test_window_new (1180, 760);
  fixture->view = g_object_new (VONK_TYPE_BARRIERS_VIEW, "project", fixture->project, NULL);
  fixture->overlay = vonk_test_show_with_toasts (fixture->window, fixture->view);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  vonk_test_destroy_windows ();
  g_clear_object (&fixture->project);
  vonk_test_close_store (&fixture->store);
  vonk_test_remove_recursively (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* What is on screen */

static GtkWidget *
find_card (Fixture     *fixture,
           VonkBarrier  barrier)
{
  GtkWidget *cards = (GtkWidget *) gtk_widget_get_template_child (fixture->view, VONK_TYPE_BARRIERS_VIEW,
                                                    "card_box");

  for (GtkWidget *c = gtk_widget_get_first_child (cards); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *card = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (c));

      if (vonk_barrier_card_get_barrier (VONK_BARRIER_CARD (card)) == barrier)
        return card;
    }

  g_assert_not_reached ();
}

static const char *
card_text (Fixture     *fixture,
           VonkBarrier  barrier,
           const char  *name)
{
  GtkWidget *label = (GtkWidget *) gtk_widget_get_template_child (find_card (fixture, barrier),
                                                    VONK_TYPE_BARRIER_CARD, name);

  return gtk_label_get_text (GTK_LABEL (label));
}

static GtkWidget *
heatmap (Fixture *fixture)
{
  return (GtkWidget *) gtk_widget_get_template_child (fixture->view, VONK_TYPE_BARRIERS_VIEW,
                                                      "heatmap");
}

static GtkWidget *
cell (Fixture     *fixture,
      gint64       department_id,
      VonkBarrier  barrier)
{
  GtkWidget *button = vonk_barrier_heatmap_get_cell (VONK_BARRIER_HEATMAP (heatmap (fixture)),
                                                     department_id, barrier);

  g_assert_nonnull (button);
  return button;
}

static gboolean
label_is (GtkWidget  *widget,
          const char *expected)
{
  g_autofree char *difference =
    gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        expected);

  return difference == NULL;
}

/* A cell reads @number and says @label. */
static gboolean
cell_is (Fixture     *fixture,
         gint64       department_id,
         VonkBarrier  barrier,
         const char  *number,
         const char  *label)
{
  GtkWidget *button = cell (fixture, department_id, barrier);

  return vonk_test_has_label (button, number) && label_is (button, label);
}

static guint
n_scores (Fixture *fixture)
{
  return g_list_model_get_n_items (vonk_project_get_list (fixture->project,
                                                          VONK_TYPE_BARRIER_SCORE));
}

/* The form */

static gpointer
editor_child (VonkScoreEditor *editor,
              const char      *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (editor), VONK_TYPE_SCORE_EDITOR, name);
}

static VonkScoreEditor *
find_editor (void)
{
  VonkScoreEditor *editor = vonk_test_find_window (VONK_TYPE_SCORE_EDITOR);

  g_assert_nonnull (editor);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (editor)));
  return editor;
}

static void
fill_in (VonkScoreEditor *editor,
         int              score,
         const char      *day,
         const char      *note)
{
  g_autofree char *button = g_strdup_printf ("score_%d", score);

  gtk_toggle_button_set_active (editor_child (editor, button), TRUE);
  gtk_editable_set_text (editor_child (editor, "date_row"), day);
  gtk_editable_set_text (editor_child (editor, "note_row"), note);
}

static void
save (VonkScoreEditor *editor)
{
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
}

/* Tests */

static void
test_score_organisation (Fixture       *fixture,
                         gconstpointer  data)
{
  VonkScoreEditor *editor;
  GtkWidget *chart = (GtkWidget *) gtk_widget_get_template_child (find_card (fixture, VONK_BARRIER_FEAR),
                                                    VONK_TYPE_BARRIER_CARD, "chart");

  g_assert_cmpstr (card_text (fixture, VONK_BARRIER_FEAR, "score_label"), ==, "3");
  g_assert_cmpstr (card_text (fixture, VONK_BARRIER_FEAR, "level_label"), ==, "Clear obstacle");
  g_assert_cmpstr (card_text (fixture, VONK_BARRIER_FEAR, "trend_label"), ==,
                   "Fear: 4 → 3 since March");
  g_assert_cmpstr (card_text (fixture, VONK_BARRIER_CULTURE, "score_label"), ==, "–");
  g_assert_cmpstr (card_text (fixture, VONK_BARRIER_CULTURE, "trend_label"), ==,
                   "Company culture: not scored yet");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_ROLE_IMG);
  g_assert_true (label_is (chart, "Score history: 4 on 2 March 2026, 3 on 1 September 2026"));

  /* the card's Score… button: Fear, for the organisation, at its score */
  gtk_widget_activate_action (fixture->view, "barriers.score", "i", VONK_BARRIER_FEAR);
  editor = find_editor ();
  g_assert_cmpuint (adw_combo_row_get_selected (editor_child (editor, "barrier_row")), ==,
                    VONK_BARRIER_FEAR);
  g_assert_cmpuint (adw_combo_row_get_selected (editor_child (editor, "scope_row")), ==, 0);
  g_assert_true (gtk_toggle_button_get_active (editor_child (editor, "score_3")));
  g_assert_cmpstr (gtk_editable_get_text (editor_child (editor, "date_row")), ==, "27-11-2026");

  fill_in (editor, 2, "20-11-2026", "Objections about time have become rare");
  g_assert_cmpstr (adw_action_row_get_subtitle (editor_child (editor, "score_row")), ==,
                   "Small obstacle");
  save (editor);
  WAIT_UNTIL (vonk_test_find_window (VONK_TYPE_SCORE_EDITOR) == NULL);

  g_assert_cmpstr (card_text (fixture, VONK_BARRIER_FEAR, "score_label"), ==, "2");
  g_assert_cmpstr (card_text (fixture, VONK_BARRIER_FEAR, "level_label"), ==, "Small obstacle");
  g_assert_cmpstr (card_text (fixture, VONK_BARRIER_FEAR, "trend_label"), ==,
                   "Fear: 4 → 2 since March");
  WAIT_UNTIL (label_is (chart, "Score history: 4 on 2 March 2026, 3 on 1 September 2026, "
                               "2 on 20 November 2026"));
  WAIT_UNTIL (cell_is (fixture, 0, VONK_BARRIER_FEAR, "2", "Whole organisation, Fear: 2, falling"));

  /* a new score, the old ones kept */
  g_assert_cmpuint (n_scores (fixture), ==, 4);
  g_assert_cmpint (vonk_test_count_rows (fixture->path, "barrier_score"), ==, 4);
}

static void
test_score_department (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) history = NULL;
  VonkScoreEditor *editor;
  VonkBarrierScore *latest = NULL;

  g_assert_true (cell_is (fixture, fixture->sales_id, VONK_BARRIER_FEAR, "3", "Sales, Fear: 3"));
  g_assert_true (cell_is (fixture, fixture->support_id, VONK_BARRIER_FEAR, "–",
                          "Support, Fear: not scored"));
  g_assert_true (gtk_widget_has_css_class (cell (fixture, fixture->sales_id, VONK_BARRIER_FEAR),
                                           "score-3"));

  /* New Score (Ctrl+N): choose the barrier and the department */
  gtk_widget_activate_action (fixture->view, "barriers.new-score", NULL);
  editor = find_editor ();
  vonk_test_choose (editor_child (editor, "barrier_row"), "Fear");
  vonk_test_choose (editor_child (editor, "scope_row"), "Sales");
  fill_in (editor, 4, "2026-11-20", "After the reorganisation");
  save (editor);
  WAIT_UNTIL (vonk_test_find_window (VONK_TYPE_SCORE_EDITOR) == NULL);

  WAIT_UNTIL (cell_is (fixture, fixture->sales_id, VONK_BARRIER_FEAR, "4",
                       "Sales, Fear: 4, rising"));
  g_assert_true (gtk_widget_has_css_class (cell (fixture, fixture->sales_id, VONK_BARRIER_FEAR),
                                           "score-4"));
  g_assert_false (gtk_widget_has_css_class (cell (fixture, fixture->sales_id, VONK_BARRIER_FEAR),
                                            "score-3"));
  /* the organisation's card did not change */
  g_assert_cmpstr (card_text (fixture, VONK_BARRIER_FEAR, "score_label"), ==, "3");

  /* stored: after opening the file again, both scores are there */
  gtk_window_set_child (fixture->window, NULL);
  fixture->view = NULL;
  vonk_test_reopen (&fixture->store, &fixture->project, fixture->path, fixture->project_id);
  history = vonk_barriers_history (fixture->project, VONK_BARRIER_FEAR, fixture->sales_id);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpint (vonk_barriers_current_score (fixture->project, VONK_BARRIER_FEAR,
                                                fixture->sales_id, NULL, &latest), ==, 4);
  g_assert_cmpstr (vonk_entity_get_string (VONK_ENTITY (latest), "note"), ==,
                   "After the reorganisation");

  fixture->view = g_object_new (VONK_TYPE_BARRIERS_VIEW, "project", fixture->project, NULL);
  fixture->overlay = vonk_test_show_with_toasts (fixture->window, fixture->view);
  WAIT_UNTIL (cell_is (fixture, fixture->sales_id, VONK_BARRIER_FEAR, "4",
                       "Sales, Fear: 4, rising"));
}

static void
test_invalid_date (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *message = "“31-02-2026” is not a date. Write a date as 27-11-2026 or 2026-11-27.";
  VonkScoreEditor *editor;
  GtkLabel *error_label;

  gtk_widget_activate_action (fixture->view, "barriers.score", "i", VONK_BARRIER_FEAR);
  editor = find_editor ();
  error_label = editor_child (editor, "error_label");
  fill_in (editor, 5, "31-02-2026", "Should not be saved");

  /* said while typing, under the field */
  g_assert_cmpstr (gtk_label_get_text (editor_child (editor, "date_hint")), ==, message);
  g_assert_true (gtk_widget_has_css_class (editor_child (editor, "date_row"), "error"));

  save (editor);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_cmpstr (gtk_label_get_text (error_label), ==, message);
  g_assert_true (vonk_test_find_window (VONK_TYPE_SCORE_EDITOR) == editor);

  /* nothing saved, nothing shown */
  g_assert_cmpuint (n_scores (fixture), ==, 3);
  g_assert_cmpint (vonk_test_count_rows (fixture->path, "barrier_score"), ==, 3);
  g_assert_cmpstr (card_text (fixture, VONK_BARRIER_FEAR, "score_label"), ==, "3");

  /* an empty date is refused too */
  gtk_editable_set_text (editor_child (editor, "date_row"), "");
  save (editor);
  g_assert_cmpstr (gtk_label_get_text (error_label), ==,
                   "A score needs the day it was given. Write a date as 27-11-2026 or "
                   "2026-11-27.");
  g_assert_cmpuint (n_scores (fixture), ==, 3);
}

static const char *
row_title (GtkListBox *list,
           int         index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  g_assert_nonnull (row);
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static void
test_cell_history (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *popover = (GtkWidget *) gtk_widget_get_template_child (heatmap (fixture),
                                                      VONK_TYPE_BARRIER_HEATMAP,
                                                      "history_popover");
  GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_template_child (heatmap (fixture),
                                                                  VONK_TYPE_BARRIER_HEATMAP,
                                                                  "history_list"));
  VonkScoreEditor *editor;

  /* the organisation's Fear: newest first, with the notes */
  g_signal_emit_by_name (cell (fixture, 0, VONK_BARRIER_FEAR), "clicked");
  WAIT_UNTIL (gtk_widget_get_mapped (popover));
  g_assert_true (vonk_test_has_label (popover, "Whole organisation — Fear"));
  g_assert_true (vonk_test_has_label (popover, "Fear: 4 → 3 since March"));
  g_assert_cmpstr (row_title (list, 0), ==, "3 · Clear obstacle");
  g_assert_cmpstr (row_title (list, 1), ==, "4 · Big obstacle");
  g_assert_null (gtk_list_box_get_row_at_index (list, 2));
  g_assert_true (vonk_test_has_label (popover, "1 September 2026"));
  g_assert_true (vonk_test_has_label (popover, "2 March 2026 — Fear of wasted time"));
  gtk_popover_popdown (GTK_POPOVER (popover));
  WAIT_UNTIL (!gtk_widget_get_mapped (popover));

  /* Sales: its own history only */
  g_signal_emit_by_name (cell (fixture, fixture->sales_id, VONK_BARRIER_FEAR), "clicked");
  WAIT_UNTIL (gtk_widget_get_mapped (popover));
  g_assert_true (vonk_test_has_label (popover, "Sales — Fear"));
  g_assert_cmpstr (row_title (list, 0), ==, "3 · Clear obstacle");
  g_assert_null (gtk_list_box_get_row_at_index (list, 1));
  g_assert_true (vonk_test_has_label (popover, "1 October 2026 — Worried about customer data"));

  /* Add Score… opens the form for Sales and Fear; the popover follows */
  g_signal_emit_by_name (vonk_test_find_button (popover, NULL), "clicked");
  editor = find_editor ();
  g_assert_cmpuint (adw_combo_row_get_selected (editor_child (editor, "barrier_row")), ==,
                    VONK_BARRIER_FEAR);
  g_assert_cmpstr (gtk_string_object_get_string (
                     adw_combo_row_get_selected_item (editor_child (editor, "scope_row"))), ==,
                   "Sales");
  fill_in (editor, 2, "2026-11-25", "");
  save (editor);
  WAIT_UNTIL (vonk_test_find_window (VONK_TYPE_SCORE_EDITOR) == NULL);
  WAIT_UNTIL (cell_is (fixture, fixture->sales_id, VONK_BARRIER_FEAR, "2",
                       "Sales, Fear: 2, falling"));

  g_signal_emit_by_name (cell (fixture, fixture->sales_id, VONK_BARRIER_FEAR), "clicked");
  WAIT_UNTIL (gtk_widget_get_mapped (popover));
  g_assert_cmpstr (row_title (list, 0), ==, "2 · Small obstacle");
  g_assert_cmpstr (row_title (list, 1), ==, "3 · Clear obstacle");
  g_assert_true (vonk_test_has_label (popover, "25 November 2026"));
}

/* A score is deleted from the history, and comes back from the toast. */
static void
test_score_deleted_and_undone (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *popover = (GtkWidget *) gtk_widget_get_template_child (heatmap (fixture),
                                                      VONK_TYPE_BARRIER_HEATMAP,
                                                      "history_popover");
  GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_template_child (heatmap (fixture),
                                                                  VONK_TYPE_BARRIER_HEATMAP,
                                                                  "history_list"));
  VonkBarrierScore *latest = NULL;
  g_autoptr(GPtrArray) history = NULL;
  GtkWidget *delete_button;
  gint64 latest_id;

  g_assert_cmpint (vonk_barriers_current_score (fixture->project, VONK_BARRIER_FEAR, 0, NULL,
                                                &latest), ==, 3);
  latest_id = vonk_entity_get_id (VONK_ENTITY (latest));

  /* the newest row's button deletes the newest score, at once */
  g_signal_emit_by_name (cell (fixture, 0, VONK_BARRIER_FEAR), "clicked");
  WAIT_UNTIL (gtk_widget_get_mapped (popover));
  delete_button = vonk_test_find_button (popover, "heatmap.delete-score");
  g_assert_nonnull (delete_button);
  g_assert_true (gtk_widget_is_ancestor (delete_button,
                                         GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0))));
  g_assert_true (label_is (delete_button, "Delete score of 1 September 2026"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (delete_button), ==, "Delete Score");
  g_signal_emit_by_name (delete_button, "clicked");
  g_assert_null (vonk_project_lookup (fixture->project, VONK_TYPE_BARRIER_SCORE, latest_id));
  g_assert_cmpuint (n_scores (fixture), ==, 2);

  /* the popover and the cell follow */
  WAIT_UNTIL (cell_is (fixture, 0, VONK_BARRIER_FEAR, "4", "Whole organisation, Fear: 4"));
  WAIT_UNTIL (g_strcmp0 (row_title (list, 0), "4 · Big obstacle") == 0);
  g_assert_null (gtk_list_box_get_row_at_index (list, 1));
  gtk_popover_popdown (GTK_POPOVER (popover));
  WAIT_UNTIL (!gtk_widget_get_mapped (popover));

  /* Undo brings it back, with its ID */
  g_signal_emit_by_name (vonk_test_wait_for_undo (fixture->overlay,
                                                  "Score of 1 September 2026 deleted"),
                         "clicked");
  g_assert_nonnull (vonk_project_lookup (fixture->project, VONK_TYPE_BARRIER_SCORE, latest_id));
  WAIT_UNTIL (cell_is (fixture, 0, VONK_BARRIER_FEAR, "3",
                       "Whole organisation, Fear: 3, falling"));

  /* stored */
  gtk_window_set_child (fixture->window, NULL);
  fixture->view = NULL;
  vonk_test_reopen (&fixture->store, &fixture->project, fixture->path, fixture->project_id);
  history = vonk_barriers_history (fixture->project, VONK_BARRIER_FEAR, 0);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_nonnull (vonk_project_lookup (fixture->project, VONK_TYPE_BARRIER_SCORE, latest_id));
}

int
main (int   argc,
      char *argv[])
{
  vonk_test_init_gui (&argc, &argv, "2026-11-27");

  g_test_add ("/barriers-view/score-organisation", Fixture, NULL, fixture_set_up,
              test_score_organisation, fixture_tear_down);
  g_test_add ("/barriers-view/score-department", Fixture, NULL, fixture_set_up,
              test_score_department, fixture_tear_down);
  g_test_add ("/barriers-view/invalid-date", Fixture, NULL, fixture_set_up, test_invalid_date,
              fixture_tear_down);
  g_test_add ("/barriers-view/score-deleted-and-undone", Fixture, NULL, fixture_set_up,
              test_score_deleted_and_undone, fixture_tear_down);
  g_test_add ("/barriers-view/cell-history", Fixture, NULL, fixture_set_up, test_cell_history,
              fixture_tear_down);

  return g_test_run ();
}
