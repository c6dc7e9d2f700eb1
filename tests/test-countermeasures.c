/* test-countermeasures.c — the Countermeasures and Objections views and
 * their forms
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real widgets under Xvfb, driven through the views' actions and the
 * forms' buttons. Every wait is for a condition, with a time-out. What is
 * saved is checked again in a store opened afresh on the same file. Today
 * is 27 November 2026 (VONK_TODAY).
 */

#include "config.h"

#include <string.h>

#include "vonk-countermeasures-view.h"
#include "vonk-objection-editor.h"
#include "vonk-objections-view.h"
#include "vonk-suggestion-editor.h"
#include "vonk-test-utils-gui.h"

typedef struct
{
  char        *dir;
  char        *path;
  VonkStore   *store;
  VonkProject *project;
  gint64       project_id;
  gint64       sales_id;
  gint64       anna_id;
  gint64       session_id;
  GtkWindow   *window;
  GtkWidget   *overlay;
  GtkWidget   *view;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GType view_type = GPOINTER_TO_SIZE (data);
  g_autoptr(GDateTime) starts_at = g_date_time_new_utc (2026, 11, 20, 10, 0, 0);
  VonkProject *project;

  fixture->store = vonk_test_store_new ("vonk-countermeasures-XXXXXX", &fixture->dir,
                                        &fixture->path);
  project = fixture->project = vonk_project_new ("Test");
  vonk_test_create_project (fixture->store, project);
  fixture->project_id = vonk_entity_get_id (VONK_ENTITY (project));

  fixture->sales_id = vonk_test_add (project, g_object_new (VONK_TYPE_DEPARTMENT,
                                                            "name", "Sales",
                                                            "headcount", 40, NULL));
  vonk_test_add (project, g_object_new (VONK_TYPE_DEPARTMENT, "name", "Support", NULL));
  fixture->anna_id = vonk_test_add (project, g_object_new (VONK_TYPE_PERSON,
                                                           "name", "Anna de Vries",
                                                           "department-id", fixture->sales_id,
                                                           NULL));
  vonk_test_add (project, g_object_new (VONK_TYPE_PERSON, "name", "Bram Jansen", NULL));
  fixture->session_id = vonk_test_add (project, g_object_new (VONK_TYPE_SESSION,
                                                              "title", "Kick-off Sales",
                                                              "starts-at", starts_at,
                                                              NULL));

  fixture->window = vonk_test_window_new (1100, 700);
  fixture->view = g_object_new (view_type, "project", project, NULL);
  fixture->overlay = vonk_test_show_with_toasts (fixture->window, fixture->view);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  vonk_test_destroy_windows ();
  g_clear_object (&fixture->project);
  g_clear_object (&fixture->store);
  vonk_test_remove_recursively (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static VonkProject *
reopen (Fixture *fixture)
{
  gtk_window_destroy (fixture->window);
  fixture->window = NULL;

  return vonk_test_reopen (&fixture->store, &fixture->project, fixture->path,
                           fixture->project_id);
}

static GObject *
child (GtkWidget  *widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (widget, type, name);

  if (object == NULL)
    g_error ("no template child %s in %s", name, g_type_name (type));
  return object;
}

static GObject *
view_child (Fixture    *fixture,
            const char *name)
{
  return child (fixture->view, G_OBJECT_TYPE (fixture->view), name);
}

static void
choose (gpointer    editor,
        const char *row,
        const char *choice)
{
  vonk_test_choose (ADW_COMBO_ROW (child (editor, G_OBJECT_TYPE (editor), row)), choice);
}

static void
set_text (gpointer    editor,
          const char *row,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (editor, G_OBJECT_TYPE (editor), row)), text);
}

static const char *
get_text (gpointer    editor,
          const char *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (child (editor, G_OBJECT_TYPE (editor), row)));
}

static void
click (gpointer    editor,
       const char *button)
{
  g_signal_emit_by_name (child (editor, G_OBJECT_TYPE (editor), button), "clicked");
}

static void
set_barrier_filter (Fixture     *fixture,
                    int          barrier)
{
  gtk_drop_down_set_selected (GTK_DROP_DOWN (view_child (fixture, "barrier_dropdown")),
                              barrier + 1);
}

/* The texts of the labels shown in the row of the column view whose first
 * cell reads @title, joined by "|", or NULL if there is no such row. */
static char *
row_texts (Fixture    *fixture,
           const char *title)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  vonk_test_collect_labels (GTK_WIDGET (view_child (fixture, "view")), labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);
      GtkWidget *cell = gtk_widget_get_parent (label);
      GtkWidget *row = gtk_widget_get_parent (cell);
      g_autoptr(GPtrArray) row_labels = g_ptr_array_new ();
      g_autoptr(GStrvBuilder) texts = NULL;
      g_auto(GStrv) strv = NULL;

      if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), title) != 0 ||
          gtk_widget_get_first_child (row) != cell)
        continue;

      texts = g_strv_builder_new ();
      vonk_test_collect_labels (row, row_labels);
      for (guint j = 0; j < row_labels->len; j++)
        g_strv_builder_add (texts, gtk_label_get_text (g_ptr_array_index (row_labels, j)));
      strv = g_strv_builder_end (texts);
      return g_strjoinv ("|", strv);
    }

  return NULL;
}

static VonkEntity *
only_item (VonkProject *project,
           GType        type)
{
  GListModel *list = vonk_project_get_list (project, type);
  g_autoptr(VonkEntity) item = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  item = g_list_model_get_item (list, 0);
  return item; /* the list keeps it alive */
}

static void
assert_adopted (VonkEntity *measure,
                Fixture    *fixture)
{
  g_autoptr(GDate) due = g_date_new_dmy (15, G_DATE_JANUARY, 2027);

  g_assert_cmpstr (vonk_entity_get_string (measure, "title"), ==,
                   vonk_barriers_suggestion_title (VONK_BARRIER_FEAR, 1));
  g_assert_cmpstr (vonk_entity_get_string (measure, "description"), ==,
                   vonk_barriers_suggestion_description (VONK_BARRIER_FEAR, 1));
  g_assert_cmpint (vonk_entity_get_enum (measure, "barrier"), ==, VONK_BARRIER_FEAR);
  g_assert_cmpint (vonk_entity_get_enum (measure, "status"), ==, VONK_MEASURE_PLANNED);
  g_assert_cmpint (vonk_entity_get_int64 (measure, "owner-id"), ==, fixture->anna_id);
  g_assert_cmpint (vonk_entity_get_int64 (measure, "department-id"), ==, fixture->sales_id);
  g_assert_cmpint (g_date_compare (vonk_entity_get_date (measure, "due-date"), due), ==, 0);
}

static void
test_adopt_suggestion (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *title = vonk_barriers_suggestion_title (VONK_BARRIER_FEAR, 1);
  GtkWidget *editor;
  GtkListBox *list;
  GtkWidget *row;
  g_autofree char *texts = NULL;
  VonkProject *project;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (view_child (fixture, "stack"))),
                   ==, "empty");

  gtk_widget_activate_action (fixture->view, "countermeasures.adopt", NULL);
  WAIT_UNTIL ((editor = vonk_test_find_window (VONK_TYPE_SUGGESTION_EDITOR)) != NULL);

  /* due in four weeks unless changed */
  g_assert_cmpstr (get_text (editor, "due_row"), ==, "25-12-2026");

  /* the library for the barrier chosen, the first suggestion picked */
  choose (editor, "barrier_row", vonk_enum_label (VONK_TYPE_BARRIER, VONK_BARRIER_FEAR));
  list = GTK_LIST_BOX (child (editor, VONK_TYPE_SUGGESTION_EDITOR, "suggestion_list"));
  g_assert_null (gtk_list_box_get_row_at_index (list,
                                                vonk_barriers_n_suggestions (VONK_BARRIER_FEAR)));
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, title);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row))),
                               TRUE);

  choose (editor, "owner_row", "Anna de Vries");
  choose (editor, "scope_row", "Sales");

  /* a date that is not one: a message, nothing added */
  set_text (editor, "due_row", "31-02-2027");
  click (editor, "save_button");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (child (editor, VONK_TYPE_SUGGESTION_EDITOR,
                                                           "error_label"))));
  g_assert_cmpuint (g_list_model_get_n_items (vonk_project_get_list (fixture->project,
                                                                     VONK_TYPE_COUNTERMEASURE)),
                    ==, 0);

  set_text (editor, "due_row", "15-01-2027");
  click (editor, "save_button");
  WAIT_UNTIL (vonk_test_find_window (VONK_TYPE_SUGGESTION_EDITOR) == NULL);

  assert_adopted (only_item (fixture->project, VONK_TYPE_COUNTERMEASURE), fixture);

  /* on screen, with its barrier, scope, owner, due date and status */
  WAIT_UNTIL ((texts = row_texts (fixture, title)) != NULL);
  g_assert_cmpstr (texts, ==,
                   "A time-saving example for each department|Fear|Sales|Anna de Vries|"
                   "15 January 2027|Planned");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (view_child (fixture, "stack"))),
                   ==, "list");

  project = reopen (fixture);
  assert_adopted (only_item (project, VONK_TYPE_COUNTERMEASURE), fixture);
}

static void
test_overdue_shown (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GDate) past = g_date_new_dmy (1, G_DATE_NOVEMBER, 2026);
  g_autoptr(GDate) future = g_date_new_dmy (1, G_DATE_FEBRUARY, 2027);
  g_autofree char *late = NULL;
  g_autofree char *on_time = NULL;
  g_autofree char *done = NULL;

  vonk_test_add (fixture->project, g_object_new (VONK_TYPE_COUNTERMEASURE,
                                                 "title", "Late one",
                                                 "barrier", VONK_BARRIER_CULTURE,
                                                 "due-date", past,
                                                 "status", VONK_MEASURE_ACTIVE, NULL));
  vonk_test_add (fixture->project, g_object_new (VONK_TYPE_COUNTERMEASURE,
                                                 "title", "On time",
                                                 "due-date", future, NULL));
  vonk_test_add (fixture->project, g_object_new (VONK_TYPE_COUNTERMEASURE,
                                                 "title", "Done long ago",
                                                 "due-date", past,
                                                 "status", VONK_MEASURE_DONE, NULL));

  WAIT_UNTIL ((late = row_texts (fixture, "Late one")) != NULL);
  WAIT_UNTIL ((on_time = row_texts (fixture, "On time")) != NULL);
  WAIT_UNTIL ((done = row_texts (fixture, "Done long ago")) != NULL);
  g_assert_cmpstr (late, ==, "Late one|Company culture|Whole organisation||1 November 2026|"
                             "Overdue|Active");
  g_assert_null (strstr (on_time, "Overdue"));
  g_assert_null (strstr (done, "Overdue"));
  g_assert_true (vonk_test_has_label (fixture->view, "3 countermeasures · 1 overdue"));

  /* filtered by barrier */
  set_barrier_filter (fixture, VONK_BARRIER_CULTURE);
  WAIT_UNTIL (g_list_model_get_n_items (G_LIST_MODEL (view_child (fixture, "filter_model"))) == 1);
}

/* The title of the countermeasure selected in the view, or NULL. */
static const char *
selected_title (Fixture *fixture)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (view_child (fixture, "selection"));
  VonkEntity *selected = gtk_single_selection_get_selected_item (selection);

  return selected != NULL ? vonk_entity_get_string (selected, "title") : NULL;
}

/* A wider search brings rows the list has no widgets for: they fill in a
 * slice at a time, as at first, not all at once; the countermeasure
 * selected stays selected. A narrower search, or a new sort order, keeps
 * the rows' widgets and is shown at once. */
static void
test_refill_in_slices (Fixture       *fixture,
                       gconstpointer  data)
{
  GListModel *shown = G_LIST_MODEL (view_child (fixture, "slice"));
  GtkColumnView *view = GTK_COLUMN_VIEW (view_child (fixture, "view"));
  g_autoptr(GtkColumnViewColumn) title_column =
    g_list_model_get_item (gtk_column_view_get_columns (view), 0);
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (view_child (fixture, "selection"));
  GtkEditable *search = GTK_EDITABLE (view_child (fixture, "search"));
  g_autoptr(GError) error = NULL;
  guint n = 150;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("Measure %03u", i);
      g_autoptr(VonkEntity) measure = g_object_new (VONK_TYPE_COUNTERMEASURE, "title", title,
                                                    NULL);

      g_assert_true (vonk_project_add (fixture->project, measure, &error));
      g_assert_no_error (error);
    }
  WAIT_UNTIL (g_list_model_get_n_items (shown) == n);

  gtk_column_view_sort_by_column (view, title_column, GTK_SORT_ASCENDING);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n);
  gtk_single_selection_set_selected (selection, 50);
  g_assert_cmpstr (selected_title (fixture), ==, "Measure 050");

  /* sorted the other way: every row at once */
  gtk_column_view_sort_by_column (view, title_column, GTK_SORT_DESCENDING);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, n);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, n - 1 - 50);
  g_assert_cmpstr (selected_title (fixture), ==, "Measure 050");

  /* a narrower search, at once */
  gtk_editable_set_text (search, "Measure 0");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 100);
  g_assert_cmpstr (selected_title (fixture), ==, "Measure 050");

  /* all of them again: a slice first, the one selected still selected */
  gtk_editable_set_text (search, "");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (shown), <, n);
  g_assert_cmpstr (selected_title (fixture), ==, "Measure 050");
  WAIT_UNTIL (g_list_model_get_n_items (shown) == n);
  g_assert_cmpstr (selected_title (fixture), ==, "Measure 050");
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, n - 1 - 50);

  /* another search altogether: a slice first too */
  gtk_editable_set_text (search, "Measure 1");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 50);
  gtk_editable_set_text (search, "Measure 0");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (shown), <, 100);
  WAIT_UNTIL (g_list_model_get_n_items (shown) == 100);
}

static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (view_child (fixture, "selection"));
  GListModel *measures = vonk_project_get_list (fixture->project, VONK_TYPE_COUNTERMEASURE);
  gint64 id;
  VonkProject *project;

  id = vonk_test_add (fixture->project, g_object_new (VONK_TYPE_COUNTERMEASURE,
                                                      "title", "Guidelines that build trust",
                                                      "barrier", VONK_BARRIER_FEAR,
                                                      "owner-id", fixture->anna_id,
                                                      NULL));
  WAIT_UNTIL (g_list_model_get_n_items (G_LIST_MODEL (selection)) == 1);
  gtk_single_selection_set_selected (selection, 0);

  gtk_widget_activate_action (fixture->view, "countermeasures.delete", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (measures), ==, 0);
  g_assert_cmpint (vonk_test_count_rows (fixture->path, "countermeasure"), ==, 0);

  g_signal_emit_by_name (vonk_test_wait_for_undo (fixture->overlay,
                                                  "“Guidelines that build trust” deleted"),
                         "clicked");
  g_assert_cmpuint (g_list_model_get_n_items (measures), ==, 1);
  g_assert_nonnull (vonk_project_lookup (fixture->project, VONK_TYPE_COUNTERMEASURE, id));
  WAIT_UNTIL (vonk_test_has_label (fixture->view, "Guidelines that build trust"));

  project = reopen (fixture);
  g_assert_nonnull (vonk_project_lookup (project, VONK_TYPE_COUNTERMEASURE, id));
  g_assert_cmpint (vonk_entity_get_int64 (vonk_project_lookup (project, VONK_TYPE_COUNTERMEASURE,
                                                               id), "owner-id"),
                   ==, fixture->anna_id);
}

static void
log_objection (Fixture    *fixture,
               const char *text)
{
  const char *standard = vonk_barriers_standard_objection_text (VONK_BARRIER_FEAR, 0);
  GtkWidget *editor;

  gtk_widget_activate_action (fixture->view, "objections.log", NULL);
  WAIT_UNTIL ((editor = vonk_test_find_window (VONK_TYPE_OBJECTION_EDITOR)) != NULL);
  g_assert_cmpstr (get_text (editor, "heard_row"), ==, "27-11-2026");

  choose (editor, "barrier_row", vonk_enum_label (VONK_TYPE_BARRIER, VONK_BARRIER_FEAR));
  /* a common objection fills in its words and answer */
  choose (editor, "standard_row", standard);
  g_assert_cmpstr (get_text (editor, "text_row"), ==, standard);
  g_assert_cmpstr (get_text (editor, "answer_row"), ==,
                   vonk_barriers_standard_objection_answer (VONK_BARRIER_FEAR, 0));
  if (text != NULL)
    set_text (editor, "text_row", text);

  choose (editor, "session_row", "Kick-off Sales, 20 November 2026");
  choose (editor, "department_row", "Sales");
  set_text (editor, "heard_row", "20-11-2026");
  click (editor, "save_button");
  WAIT_UNTIL (vonk_test_find_window (VONK_TYPE_OBJECTION_EDITOR) == NULL);
}

static void
assert_logged_twice (VonkProject *project,
                     Fixture     *fixture)
{
  GListModel *heard = vonk_project_get_list (project, VONK_TYPE_OBJECTION_HEARD);
  VonkEntity *objection = only_item (project, VONK_TYPE_OBJECTION);
  g_autoptr(GDate) day = g_date_new_dmy (20, G_DATE_NOVEMBER, 2026);

  g_assert_cmpstr (vonk_entity_get_string (objection, "text"), ==,
                   vonk_barriers_standard_objection_text (VONK_BARRIER_FEAR, 0));
  g_assert_cmpint (vonk_entity_get_enum (objection, "barrier"), ==, VONK_BARRIER_FEAR);
  g_assert_cmpuint (g_list_model_get_n_items (heard), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(VonkEntity) row = g_list_model_get_item (heard, i);

      g_assert_cmpint (vonk_entity_get_int64 (row, "objection-id"), ==,
                       vonk_entity_get_id (objection));
      g_assert_cmpint (vonk_entity_get_int64 (row, "session-id"), ==, fixture->session_id);
      g_assert_cmpint (vonk_entity_get_int64 (row, "department-id"), ==, fixture->sales_id);
      g_assert_cmpint (g_date_compare (vonk_entity_get_date (row, "heard-on"), day), ==, 0);
    }
}

static void
test_log_objection (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *text = vonk_barriers_standard_objection_text (VONK_BARRIER_FEAR, 0);
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (view_child (fixture, "selection"));
  g_autofree char *shouted = g_strdup_printf ("  %s ", text);
  VonkProject *project;

  /* once: under its barrier, heard once */
  set_barrier_filter (fixture, VONK_BARRIER_FEAR);
  log_objection (fixture, NULL);
  WAIT_UNTIL (g_list_model_get_n_items (G_LIST_MODEL (selection)) == 1);
  WAIT_UNTIL (vonk_test_has_label (fixture->view, "Heard once"));
  g_assert_true (vonk_test_has_label (fixture->view, text));

  /* not under another barrier */
  set_barrier_filter (fixture, VONK_BARRIER_CULTURE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 0);
  set_barrier_filter (fixture, VONK_BARRIER_FEAR);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 1);

  /* the same words, in other case and spacing: the same objection again */
  for (char *c = shouted; *c; c++)
    *c = g_ascii_toupper (*c);
  log_objection (fixture, shouted);
  WAIT_UNTIL (vonk_test_has_label (fixture->view, "Heard 2 times"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 1);
  assert_logged_twice (fixture->project, fixture);

  /* selected: where it came up */
  gtk_single_selection_set_selected (selection, 0);
  WAIT_UNTIL (vonk_test_has_label (fixture->view, "In “Kick-off Sales”, Sales"));
  g_assert_true (vonk_test_has_label (fixture->view, "20 November 2026"));

  project = reopen (fixture);
  assert_logged_twice (project, fixture);
}

/* An objection goes with the times it was heard, and comes back with
 * them. */
static void
test_delete_objection_undo (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (view_child (fixture, "selection"));
  GListModel *heard = vonk_project_get_list (fixture->project, VONK_TYPE_OBJECTION_HEARD);
  const char *text = vonk_barriers_standard_objection_text (VONK_BARRIER_FEAR, 0);
  g_autofree char *title = NULL;
  g_autoptr(GDate) day = g_date_new_dmy (20, G_DATE_NOVEMBER, 2026);
  gint64 objection_id;
  gint64 heard_ids[2];
  VonkProject *project;

  objection_id = vonk_test_add (fixture->project, g_object_new (VONK_TYPE_OBJECTION,
                                                                "barrier", VONK_BARRIER_FEAR,
                                                                "text", text, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (heard_ids); i++)
    heard_ids[i] = vonk_test_add (fixture->project,
                                  g_object_new (VONK_TYPE_OBJECTION_HEARD,
                                                "objection-id", objection_id,
                                                "session-id", fixture->session_id,
                                                "department-id", fixture->sales_id,
                                                "heard-on", day, NULL));
  WAIT_UNTIL (vonk_test_has_label (fixture->view, "Heard 2 times"));
  gtk_single_selection_set_selected (selection, 0);

  /* at once, without a question */
  gtk_widget_activate_action (fixture->view, "objections.delete", NULL);
  g_assert_null (vonk_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_null (vonk_project_lookup (fixture->project, VONK_TYPE_OBJECTION, objection_id));
  g_assert_cmpuint (g_list_model_get_n_items (heard), ==, 0);
  g_assert_cmpint (vonk_test_count_rows (fixture->path, "objection_heard"), ==, 0);
  WAIT_UNTIL (!vonk_test_has_label (fixture->view, "Heard 2 times"));

  title = g_strdup_printf ("“%s” deleted, with the 2 times it was heard", text);
  g_signal_emit_by_name (vonk_test_wait_for_undo (fixture->overlay, title), "clicked");
  g_assert_nonnull (vonk_project_lookup (fixture->project, VONK_TYPE_OBJECTION, objection_id));
  g_assert_cmpuint (g_list_model_get_n_items (heard), ==, 2);
  WAIT_UNTIL (vonk_test_has_label (fixture->view, "Heard 2 times"));

  project = reopen (fixture);
  assert_logged_twice (project, fixture);
  g_assert_cmpint (vonk_entity_get_id (only_item (project, VONK_TYPE_OBJECTION)), ==,
                   objection_id);
  for (guint i = 0; i < G_N_ELEMENTS (heard_ids); i++)
    g_assert_nonnull (vonk_project_lookup (project, VONK_TYPE_OBJECTION_HEARD, heard_ids[i]));
}

/* On a narrow window an objection picked in the list opens over it, and
 * the way back leaves none picked; the arrow keys walk the list without
 * opening each objection, and Enter opens one. */
static void
test_objections_narrow (Fixture       *fixture,
                        gconstpointer  data)
{
  GType type = VONK_TYPE_OBJECTIONS_VIEW;
  AdwLeaflet *leaflet = ADW_LEAFLET (child (fixture->view, type, "leaflet"));
  GtkWidget *list_pane = GTK_WIDGET (child (fixture->view, type, "list_pane"));
  GtkWidget *list = GTK_WIDGET (child (fixture->view, type, "list_view"));
  GtkWidget *back = GTK_WIDGET (child (fixture->view, type, "back_button"));
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (child (fixture->view, type, "selection"));
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (list);
  GtkEventController *keys = NULL;
  gboolean handled = TRUE;

  vonk_test_add (fixture->project, g_object_new (VONK_TYPE_OBJECTION,
                                                 "barrier", VONK_BARRIER_FEAR,
                                                 "text", "This will eat my time", NULL));
  vonk_test_add (fixture->project, g_object_new (VONK_TYPE_OBJECTION,
                                                 "barrier", VONK_BARRIER_CULTURE,
                                                 "text", "We have always done it this way", NULL));
  WAIT_UNTIL (g_list_model_get_n_items (G_LIST_MODEL (selection)) == 2);
  gtk_window_set_default_size (fixture->window, 360, 700);
  WAIT_UNTIL (adw_leaflet_get_folded (leaflet));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == list_pane);

  gtk_single_selection_set_selected (selection, 0);
  WAIT_UNTIL (adw_leaflet_get_visible_child (leaflet) != list_pane);
  g_signal_emit_by_name (back, "clicked");
  WAIT_UNTIL (adw_leaflet_get_visible_child (leaflet) == list_pane);
  g_assert_null (gtk_single_selection_get_selected_item (selection));

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && keys == NULL; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        keys = controller; /* the list keeps it */
    }
  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Down, 0, 0, &handled);
  g_assert_false (handled);
  gtk_single_selection_set_selected (selection, 1);
  g_signal_emit_by_name (keys, "key-released", GDK_KEY_Down, 0, 0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == list_pane);

  g_signal_emit_by_name (list, "activate", 1);
  WAIT_UNTIL (adw_leaflet_get_visible_child (leaflet) != list_pane);
}

int
main (int   argc,
      char *argv[])
{
  vonk_test_init_gui (&argc, &argv, "2026-11-27");

#define ADD(path, type, func) \
  g_test_add (path, Fixture, GSIZE_TO_POINTER (type), fixture_set_up, func, fixture_tear_down)

  ADD ("/countermeasures/adopt-suggestion", VONK_TYPE_COUNTERMEASURES_VIEW, test_adopt_suggestion);
  ADD ("/countermeasures/overdue", VONK_TYPE_COUNTERMEASURES_VIEW, test_overdue_shown);
  ADD ("/countermeasures/delete-undo", VONK_TYPE_COUNTERMEASURES_VIEW, test_delete_undo);
  ADD ("/countermeasures/refill-in-slices", VONK_TYPE_COUNTERMEASURES_VIEW,
       test_refill_in_slices);
  ADD ("/objections/log", VONK_TYPE_OBJECTIONS_VIEW, test_log_objection);
  ADD ("/objections/delete-undo", VONK_TYPE_OBJECTIONS_VIEW, test_delete_objection_undo);
  ADD ("/objections/narrow", VONK_TYPE_OBJECTIONS_VIEW, test_objections_narrow);

  return g_test_run ();
}
