/* test-window.c — the window, the project chooser and the Overview
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real widgets under Xvfb. Every wait is for a condition, with a time-out.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "vonk-application.h"
#include "vonk-champions-view.h"
#include "vonk-csv-import-dialog.h"
#include "vonk-editor.h"
#include "vonk-filter-model.h"
#include "vonk-organisation-view.h"
#include "vonk-overview-view.h"
#include "vonk-project-chooser.h"
#include "vonk-project-editor.h"
#include "vonk-test-utils-gui.h"
#include "vonk-undo-toasts.h"
#include "vonk-window.h"

typedef struct
{
  char        *dir;
  char        *path;
  VonkStore   *store;
  VonkProject *demo;
  VonkWindow  *window;
} Fixture;

/* Translates into @language (such as "nl") from the build's
 * translations, or back into the source language when @language is NULL.
 * gettext ignores LANGUAGE in the "C" locale that gtk_test_init() leaves
 * when en_US.UTF-8 is not installed, so the messages use C.UTF-8. */
static void
use_language (const char *language)
{
  const char *localedir = g_getenv ("VONK_LOCALEDIR");

  if (language == NULL)
    {
      g_setenv ("LANGUAGE", "C", TRUE);
      setlocale (LC_MESSAGES, "C");
      return;
    }

  g_assert_nonnull (setlocale (LC_MESSAGES, "C.UTF-8"));
  g_setenv ("LANGUAGE", language, TRUE);
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = NULL;

  /* the demo's texts follow the language too */
  use_language (data);
  today = vonk_date_today ();

  fixture->store = vonk_test_store_new ("vonk-window-XXXXXX", &fixture->dir, &fixture->path);
  fixture->demo = vonk_demo_create (fixture->store, today, &error);
  g_assert_no_error (error);

  fixture->window = vonk_window_new (NULL, fixture->store);
  vonk_window_open_default (fixture->window);
  vonk_test_show (GTK_WINDOW (fixture->window), NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  use_language (NULL);
  g_clear_object (&fixture->store);
  vonk_test_remove_recursively (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static gpointer
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return object;
}

static const char *
label_text (gpointer    widget,
            GType       type,
            const char *name)
{
  return gtk_label_get_text (child (widget, type, name));
}

static void
assert_figure (VonkOverviewView *overview,
               const char       *name,
               guint             expected)
{
  g_autofree char *text = g_strdup_printf ("%u", expected);

  g_assert_cmpstr (label_text (overview, VONK_TYPE_OVERVIEW_VIEW, name), ==, text);
}

static guint
n_items (VonkProject *project,
         GType        type)
{
  return g_list_model_get_n_items (vonk_project_get_list (project, type));
}

static void
test_opens_on_demo (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkStack *main_stack = child (fixture->window, VONK_TYPE_WINDOW, "main_stack");
  GtkStack *view_stack = child (fixture->window, VONK_TYPE_WINDOW, "view_stack");
  GtkLabel *title = child (fixture->window, VONK_TYPE_WINDOW, "project_title");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "project");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view_stack), ==, "overview");
  g_assert_true (vonk_window_get_project (fixture->window) == fixture->demo);
  g_assert_cmpstr (gtk_label_get_text (title), ==,
                   vonk_entity_get_string (VONK_ENTITY (fixture->demo), "name"));
  /* the sidebar shortens a long name; its tooltip has it whole */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (gtk_widget_get_parent (GTK_WIDGET (title))), ==,
                   vonk_entity_get_string (VONK_ENTITY (fixture->demo), "name"));
}

static void
test_overview_figures (Fixture       *fixture,
                       gconstpointer  data)
{
  VonkOverviewView *overview = child (fixture->window, VONK_TYPE_WINDOW, "overview");
  VonkEntity *project = VONK_ENTITY (fixture->demo);
  g_autoptr(VonkEntity) added = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = vonk_date_today ();
  g_autofree char *date = vonk_date_format (vonk_entity_get_date (project, "target-date"));
  g_autofree char *until = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *missing = NULL;
  g_autoptr(VonkPhaseStatus) status = NULL;
  int days;

  /* the demo's own figures */
  assert_figure (overview, "locations_figure", 3);
  assert_figure (overview, "departments_figure", 8);
  assert_figure (overview, "people_figure", n_items (fixture->demo, VONK_TYPE_PERSON));
  g_assert_cmpuint (n_items (fixture->demo, VONK_TYPE_PERSON), >=, 100);

  g_assert_cmpstr (label_text (overview, VONK_TYPE_OVERVIEW_VIEW, "organisation_label"), ==,
                   vonk_entity_get_string (project, "organisation"));
  /* the phase computed from the demo's assessment (test-demo pins which) */
  status = vonk_phase_compute (fixture->demo, 0, NULL);
  g_assert_cmpint (status->phase, >=, VONK_PHASE_PRESENCE);
  g_assert_cmpint (status->phase, <, VONK_PHASE_SOCIAL_BUSINESS);
  summary = g_strdup_printf ("Assessed against the criteria, the organisation is in the %s "
                             "phase; its target is the Social business phase.",
                             vonk_enum_label (VONK_TYPE_PHASE, status->phase));
  missing = g_strdup_printf ("Still missing for %s:\n• ",
                             vonk_enum_label (VONK_TYPE_PHASE, status->phase + 1));
  g_assert_cmpstr (label_text (overview, VONK_TYPE_OVERVIEW_VIEW, "phase_summary"), ==, summary);
  g_assert_true (g_str_has_prefix (label_text (overview, VONK_TYPE_OVERVIEW_VIEW,
                                               "missing_label"), missing));

  days = g_date_days_between (today, vonk_entity_get_date (project, "target-date"));
  g_assert_cmpint (days, >, 1);
  until = g_strdup_printf ("%d days to the target date, %s.", days, date);
  g_assert_cmpstr (label_text (overview, VONK_TYPE_OVERVIEW_VIEW, "target_date_label"), ==,
                   until);

  /* upcoming sessions are listed, at most five (a frame or two after the
   * figures) */
  WAIT_UNTIL (gtk_list_box_get_row_at_index (child (overview, VONK_TYPE_OVERVIEW_VIEW,
                                                    "sessions_list"), 0) != NULL);
  g_assert_false (gtk_widget_get_visible (child (overview, VONK_TYPE_OVERVIEW_VIEW,
                                                 "no_sessions_label")));
  g_assert_true (gtk_widget_get_visible (child (overview, VONK_TYPE_OVERVIEW_VIEW,
                                                "sessions_list")));
  g_assert_null (gtk_list_box_get_row_at_index (child (overview, VONK_TYPE_OVERVIEW_VIEW,
                                                       "sessions_list"), 5));

  /* a change in the project shows before the next frame (the overview
   * counts once per turn of the main loop, however many changes came) */
  added = g_object_new (VONK_TYPE_DEPARTMENT, "name", "Data Office", "headcount", 9, NULL);
  g_assert_true (vonk_project_add (fixture->demo, added, &error));
  g_assert_no_error (error);
  WAIT_UNTIL (g_strcmp0 (label_text (overview, VONK_TYPE_OVERVIEW_VIEW, "departments_figure"),
                         "9") == 0);
  assert_figure (overview, "departments_figure", 9);
}

static gboolean
has_toplevel_editor (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (VONK_IS_PROJECT_EDITOR (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        {
          *(VonkProjectEditor **) data = VONK_PROJECT_EDITOR (window);
          return TRUE;
        }
    }

  return FALSE;
}

static VonkProjectEditor *
open_new_project_editor (Fixture *fixture)
{
  VonkProjectChooser *chooser = child (fixture->window, VONK_TYPE_WINDOW, "chooser");
  VonkProjectEditor *editor = NULL;

  vonk_window_show_projects (fixture->window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chooser), "chooser.new", NULL));
  WAIT_UNTIL (has_toplevel_editor (&editor));
  return editor;
}

static void
set_row (VonkProjectEditor *editor,
         const char        *row,
         const char        *text)
{
  gtk_editable_set_text (child (editor, VONK_TYPE_PROJECT_EDITOR, row), text);
}

static void
test_new_project (Fixture       *fixture,
                  gconstpointer  data)
{
  VonkProjectEditor *editor = open_new_project_editor (fixture);
  GListModel *projects = vonk_store_get_projects (fixture->store);
  g_autoptr(VonkStore) reopened = NULL;
  g_autoptr(GError) error = NULL;
  VonkEntity *created;

  set_row (editor, "name_row", "Waterschap pilot");
  set_row (editor, "organisation_row", "Waterschap Rijn en Eem");
  set_row (editor, "start_date_row", "1-2-2027");
  set_row (editor, "target_date_row", "2028-12-31");
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  WAIT_UNTIL (editor == NULL);

  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, 2);

  /* it is in the database, not only on screen: a second connection reads it */
  reopened = vonk_store_new (fixture->path, &error);
  g_assert_no_error (error);
  created = VONK_ENTITY (vonk_store_find_project (reopened, 2));
  g_assert_nonnull (created);
  g_assert_cmpstr (vonk_entity_get_string (created, "name"), ==, "Waterschap pilot");
  g_assert_cmpuint (g_date_get_year (vonk_entity_get_date (created, "start-date")), ==, 2027);
  g_assert_cmpuint (g_date_get_month (vonk_entity_get_date (created, "start-date")), ==, 2);
  g_assert_cmpuint (g_date_get_day (vonk_entity_get_date (created, "target-date")), ==, 31);

  /* a new project starts with the default criteria */
  g_assert_true (vonk_project_load (VONK_PROJECT (created), &error));
  g_assert_cmpuint (g_list_model_get_n_items (vonk_project_get_list (VONK_PROJECT (created),
                                                                     VONK_TYPE_CRITERION)), ==,
                    18);
}

/* Vonk starts on the project shown last, in a window of the size it had. */
static void
test_remembers (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(VonkProject) pilot = vonk_project_new ("Pilot");
  g_autoptr(GError) error = NULL;
  VonkWindow *second;
  int width, height;

  g_assert_true (vonk_phase_create_project (fixture->store, pilot, &error));
  g_assert_no_error (error);
  g_assert_true (vonk_window_open_project (fixture->window, pilot));
  g_assert_cmpint (g_settings_get_int64 (settings, "last-project"), ==,
                   vonk_entity_get_id (VONK_ENTITY (pilot)));

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);
  second = vonk_window_new (NULL, fixture->store);
  vonk_window_open_default (second);
  g_assert_true (vonk_window_get_project (second) == pilot);
  gtk_window_get_default_size (GTK_WINDOW (second), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
  gtk_window_destroy (GTK_WINDOW (second));

  /* a project that is gone is not looked for */
  g_settings_set_int64 (settings, "last-project", 999);
  second = vonk_window_new (NULL, fixture->store);
  vonk_window_open_default (second);
  g_assert_false (vonk_window_has_project (second));
  gtk_window_destroy (GTK_WINDOW (second));
}

/* Deleting a project from the chooser asks first, then removes all of it. */
static void
test_delete_project (Fixture       *fixture,
                     gconstpointer  data)
{
  VonkProjectChooser *chooser = child (fixture->window, VONK_TYPE_WINDOW, "chooser");
  GtkListView *list_view = child (chooser, VONK_TYPE_PROJECT_CHOOSER, "list_view");
  g_autofree char *heading = g_strdup_printf ("Delete “%s”?",
                                              vonk_entity_get_string (VONK_ENTITY (fixture->demo),
                                                                      "name"));
  g_autofree char *deleting = g_strdup_printf ("Deleting “%s”…",
                                               vonk_entity_get_string (VONK_ENTITY (fixture->demo),
                                                                       "name"));
  GtkWidget *overlay = child (fixture->window, VONK_TYPE_WINDOW, "toast_overlay");
  GtkRevealer *task_revealer = child (fixture->window, VONK_TYPE_WINDOW, "task_revealer");
  GtkLabel *task_label = child (fixture->window, VONK_TYPE_WINDOW, "task_label");
  gint64 people = vonk_test_raw_int (fixture->path, "SELECT count(*) FROM person");
  sqlite3 *blocker;
  GtkWidget *cancel;
  g_autoptr(VonkStore) reopened = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  g_assert_cmpint (people, >, 0);
  vonk_window_show_projects (fixture->window);
  gtk_selection_model_select_item (gtk_list_view_get_model (list_view), 0, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chooser), "chooser.delete", NULL));
  WAIT_UNTIL ((dialog = vonk_test_find_window (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);

  /* cancelling keeps it */
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (vonk_store_get_projects (fixture->store)), ==, 1);

  /* cancelled while it is being deleted (held up by another program's
   * transaction, so that it cannot be done first): nothing is */
  blocker = vonk_test_raw_open (fixture->path);
  g_assert_cmpint (sqlite3_exec (blocker, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chooser), "chooser.delete", NULL));
  WAIT_UNTIL ((dialog = vonk_test_find_window (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  WAIT_UNTIL ((cancel = vonk_test_find_labelled_button (GTK_WIDGET (task_revealer),
                                                        "_Cancel")) != NULL);
  gtk_widget_activate (cancel);
  WAIT_UNTIL (vonk_test_has_label (overlay, "Cancelled; the project is as it was"));
  sqlite3_exec (blocker, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (blocker);
  g_assert_cmpuint (g_list_model_get_n_items (vonk_store_get_projects (fixture->store)), ==, 1);
  g_assert_cmpint (vonk_test_raw_int (fixture->path, "SELECT count(*) FROM person"), ==, people);

  /* in the background, with the window's task strip */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (chooser), "chooser.delete", NULL));
  WAIT_UNTIL ((dialog = vonk_test_find_window (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (gtk_revealer_get_reveal_child (task_revealer));
  g_assert_cmpstr (gtk_label_get_text (task_label), ==, deleting);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (chooser)));
  WAIT_UNTIL (vonk_test_has_label (overlay, "Project deleted"));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (chooser)));
  g_assert_cmpuint (g_list_model_get_n_items (vonk_store_get_projects (fixture->store)), ==, 0);
  g_assert_false (gtk_revealer_get_reveal_child (task_revealer));

  reopened = vonk_store_new (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (vonk_store_get_projects (reopened)), ==, 0);
  g_assert_cmpint (vonk_test_raw_int (fixture->path, "SELECT count(*) FROM person"), ==, 0);
}

static void
test_new_project_invalid (Fixture       *fixture,
                          gconstpointer  data)
{
  VonkProjectEditor *editor = open_new_project_editor (fixture);
  GListModel *projects = vonk_store_get_projects (fixture->store);
  GtkWidget *error_label = child (editor, VONK_TYPE_PROJECT_EDITOR, "error_label");
  struct {
    const char *name, *start, *target, *message;
  } cases[] = {
    { "  ", "", "", "The name cannot be empty" },
    { "Pilot", "31-2-2027", "", "“31-2-2027” is not a date. Write a date as 27-11-2026 or 2026-11-27." },
    { "Pilot", "2028-01-01", "2027-01-01", "The target date is before the start date" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      set_row (editor, "name_row", cases[i].name);
      set_row (editor, "start_date_row", cases[i].start);
      set_row (editor, "target_date_row", cases[i].target);
      gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);

      g_assert_true (gtk_widget_get_visible (error_label));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==, cases[i].message);
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (editor)));
      g_assert_cmpuint (g_list_model_get_n_items (projects), ==, 1);
    }

  gtk_window_destroy (GTK_WINDOW (editor));
}

/* Before any assessment the Overview shows the phase the user entered. */
static const char *
row_title (GtkListBox *list,
           int         index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  return row ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : NULL;
}

/* @barriers shows the sentence of each barrier @ranks holds, in order,
 * and nothing more. */
static void
assert_barrier_rows (VonkProject *project,
                     GtkListBox  *barriers,
                     GArray      *ranks)
{
  guint i;

  for (i = 0; i < ranks->len; i++)
    {
      g_autofree char *sentence =
        vonk_barriers_describe (project, g_array_index (ranks, VonkBarrierRank, i).barrier,
                                0, NULL);

      g_assert_cmpstr (row_title (barriers, i), ==, sentence);
    }
  g_assert_null (row_title (barriers, i));
}

/* The barriers most in the way and the overdue countermeasures, as the
 * core ranks them, and the list follows a new score. */
static void
test_overview_barriers (Fixture       *fixture,
                        gconstpointer  data)
{
  VonkOverviewView *overview = child (fixture->window, VONK_TYPE_WINDOW, "overview");
  GtkListBox *barriers = child (overview, VONK_TYPE_OVERVIEW_VIEW, "barriers_list");
  GtkListBox *overdue = child (overview, VONK_TYPE_OVERVIEW_VIEW, "overdue_list");
  g_autoptr(GArray) ranks = vonk_barriers_most_in_the_way (fixture->demo, NULL, 3);
  g_autoptr(GPtrArray) late = vonk_barriers_overdue (fixture->demo, NULL);
  g_autoptr(VonkEntity) score = NULL;
  g_autoptr(GDate) today = vonk_date_today ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (ranks->len, >, 0);
  /* the lists come a frame or two after the figures */
  WAIT_UNTIL (row_title (overdue, 0) != NULL);
  assert_barrier_rows (fixture->demo, barriers, ranks);

  g_assert_cmpuint (late->len, >, 0);
  g_assert_cmpstr (row_title (overdue, 0), ==,
                   vonk_entity_get_string (g_ptr_array_index (late, 0), "title"));

  /* fear becomes the worst barrier */
  score = g_object_new (VONK_TYPE_BARRIER_SCORE, "barrier", VONK_BARRIER_FEAR, "score", 5,
                        "scored-on", today, NULL);
  g_assert_true (vonk_project_add (fixture->demo, score, &error));
  g_assert_no_error (error);
  /* described again before the next frame */
  WAIT_UNTIL (g_str_has_prefix (row_title (barriers, 0),
                                vonk_enum_label (VONK_TYPE_BARRIER, VONK_BARRIER_FEAR)));
}

static void
count_paint_cb (GdkFrameClock *clock,
                guint         *paints)
{
  (*paints)++;
}

/* Until the window has painted one more frame. */
static void
wait_for_frame (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  guint paints = 0;
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (count_paint_cb), &paints);

  gtk_widget_queue_draw (window);
  WAIT_UNTIL (paints > 0);
  g_signal_handler_disconnect (clock, handler);
}

static guint
count_list_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

/* A project shown on the Overview: its figures in the first frame, its
 * lists (each tens of milliseconds to lay out at 100,000 people) a frame
 * after another from the next, and in the end the lists as the core has
 * them, a change made meanwhile included. */
static void
test_overview_lists_in_frames (Fixture       *fixture,
                               gconstpointer  data)
{
  VonkOverviewView *overview = child (fixture->window, VONK_TYPE_WINDOW, "overview");
  GtkListBox *barriers = child (overview, VONK_TYPE_OVERVIEW_VIEW, "barriers_list");
  GtkListBox *overdue = child (overview, VONK_TYPE_OVERVIEW_VIEW, "overdue_list");
  GtkListBox *sessions = child (overview, VONK_TYPE_OVERVIEW_VIEW, "sessions_list");
  GtkListBox *stories = child (overview, VONK_TYPE_OVERVIEW_VIEW, "stories_list");
  g_autoptr(VonkEntity) score = NULL;
  g_autoptr(GArray) ranks = NULL;
  g_autoptr(GPtrArray) late = NULL;
  g_autoptr(GDate) today = vonk_date_today ();
  g_autoptr(GError) error = NULL;

  vonk_view_set_project (VONK_VIEW (overview), NULL);
  vonk_view_set_project (VONK_VIEW (overview), fixture->demo);

  /* the figures at once; the lists neither listed nor said to be empty */
  assert_figure (overview, "people_figure", n_items (fixture->demo, VONK_TYPE_PERSON));
  g_assert_null (gtk_list_box_get_row_at_index (barriers, 0));
  g_assert_null (gtk_list_box_get_row_at_index (overdue, 0));
  g_assert_null (gtk_list_box_get_row_at_index (stories, 0));
  g_assert_false (gtk_widget_get_visible (child (overview, VONK_TYPE_OVERVIEW_VIEW,
                                                 "no_barriers_label")));
  g_assert_false (gtk_widget_get_visible (child (overview, VONK_TYPE_OVERVIEW_VIEW,
                                                 "no_stories_label")));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (sessions)));

  /* the first frame without them, the next with the first list only */
  wait_for_frame (GTK_WIDGET (fixture->window));
  g_assert_null (gtk_list_box_get_row_at_index (barriers, 0));
  wait_for_frame (GTK_WIDGET (fixture->window));
  g_assert_nonnull (gtk_list_box_get_row_at_index (barriers, 0));
  g_assert_null (gtk_list_box_get_row_at_index (stories, 0));

  /* a score that makes fear the worst barrier, before the lists are done */
  score = g_object_new (VONK_TYPE_BARRIER_SCORE, "barrier", VONK_BARRIER_FEAR, "score", 5,
                        "scored-on", today, NULL);
  g_assert_true (vonk_project_add (fixture->demo, score, &error));
  g_assert_no_error (error);

  WAIT_UNTIL (gtk_widget_get_visible (GTK_WIDGET (stories)));
  ranks = vonk_barriers_most_in_the_way (fixture->demo, NULL, 3);
  WAIT_UNTIL (g_str_has_prefix (row_title (barriers, 0),
                                vonk_enum_label (VONK_TYPE_BARRIER, VONK_BARRIER_FEAR)));
  assert_barrier_rows (fixture->demo, barriers, ranks);
  late = vonk_barriers_overdue (fixture->demo, NULL);
  g_assert_cmpuint (late->len, >, 0);
  g_assert_cmpuint (count_list_rows (overdue), ==, MIN (late->len, 5));
  g_assert_cmpstr (row_title (overdue, 0), ==,
                   vonk_entity_get_string (g_ptr_array_index (late, 0), "title"));
  g_assert_cmpuint (count_list_rows (sessions), >, 0);
  g_assert_cmpuint (count_list_rows (sessions), <=, 5);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sessions)));
  g_assert_cmpuint (count_list_rows (stories), ==, 3);
  g_assert_false (gtk_widget_get_visible (child (overview, VONK_TYPE_OVERVIEW_VIEW,
                                                 "no_barriers_label")));
}

static void
test_overview_estimated (Fixture       *fixture,
                         gconstpointer  data)
{
  VonkOverviewView *overview = child (fixture->window, VONK_TYPE_WINDOW, "overview");
  g_autoptr(VonkProject) project = vonk_project_new ("Pilot");
  g_autoptr(GError) error = NULL;
  VonkEntity *criterion;
  g_autoptr(VonkEntity) assessment = NULL;
  g_autoptr(GDate) today = vonk_date_today ();

  g_object_set (project, "current-phase", VONK_PHASE_DIALOGUE, NULL);
  g_assert_true (vonk_phase_create_project (fixture->store, project, &error));
  g_assert_no_error (error);
  g_assert_true (vonk_window_open_project (fixture->window, project));

  g_assert_cmpstr (label_text (overview, VONK_TYPE_OVERVIEW_VIEW, "phase_summary"), ==,
                   "You estimated the organisation to be in the Dialogue phase; its target is "
                   "the Social business phase. Assess the criteria to know.");
  g_assert_false (gtk_widget_get_visible (child (overview, VONK_TYPE_OVERVIEW_VIEW,
                                                 "missing_label")));

  /* the first assessment replaces the estimate */
  criterion = g_list_model_get_item (vonk_project_get_list (project, VONK_TYPE_CRITERION), 0);
  assessment = g_object_new (VONK_TYPE_ASSESSMENT, "criterion-id", vonk_entity_get_id (criterion),
                             "state", VONK_ASSESSMENT_MET, "assessed-on", today, NULL);
  g_object_unref (criterion);
  g_assert_true (vonk_project_add (project, assessment, &error));
  g_assert_cmpstr (label_text (overview, VONK_TYPE_OVERVIEW_VIEW, "phase_summary"), ==,
                   "Assessed against the criteria, the organisation has not yet reached the "
                   "Presence phase; its target is the Social business phase.");
  g_assert_true (g_str_has_prefix (label_text (overview, VONK_TYPE_OVERVIEW_VIEW,
                                               "missing_label"), "Still missing for Presence:\n• "));
}

static void
test_view_shortcut (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkStack *view_stack = child (fixture->window, VONK_TYPE_WINDOW, "view_stack");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.view", "s",
                                             "organisation"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view_stack), ==, "organisation");
  g_assert_cmpstr (adw_window_title_get_title (child (fixture->window, VONK_TYPE_WINDOW,
                                                      "view_title")), ==, "Organisation");
}

/* The roadmap's lanes say where the organisation is and where it is going. */
static void
test_roadmap_lanes (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *roadmap = gtk_stack_get_child_by_name (child (fixture->window, VONK_TYPE_WINDOW,
                                                           "view_stack"), "roadmap");
  g_autoptr(VonkEntity) changed = vonk_entity_copy (VONK_ENTITY (fixture->demo));
  g_autoptr(GError) error = NULL;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.view", "s", "roadmap");
  g_assert_cmpint (vonk_phase_get_current (fixture->demo, NULL), ==, VONK_PHASE_DIALOGUE);
  WAIT_UNTIL (vonk_test_has_label (roadmap, "5 milestones · current phase"));
  WAIT_UNTIL (vonk_test_has_label (roadmap, "4 milestones · target"));

  /* aiming for the phase it is in: no other lane is the target */
  g_object_set (changed, "target-phase", VONK_PHASE_DIALOGUE, NULL);
  g_assert_true (vonk_project_save (fixture->demo, changed, &error));
  g_assert_no_error (error);
  WAIT_UNTIL (!vonk_test_has_label (roadmap, "4 milestones · target"));
  g_assert_true (vonk_test_has_label (roadmap, "5 milestones · current phase"));
}

/* Makes the database refuse a kind of write, as a full disk or a damaged
 * file would, through a connection of its own. */
static void
refuse (Fixture    *fixture,
        const char *what,
        const char *table)
{
  g_autofree char *sql = g_strdup_printf ("CREATE TRIGGER refuse_%s BEFORE %s ON %s "
                                          "BEGIN SELECT RAISE (ABORT, 'refused'); END",
                                          table, what, table);

  vonk_test_raw_exec (fixture->path, sql);
}

static void
test_failed_delete (Fixture       *fixture,
                    gconstpointer  data)
{
  VonkOrganisationView *organisation = child (fixture->window, VONK_TYPE_WINDOW, "organisation");
  GtkSingleSelection *selection = child (organisation, VONK_TYPE_ORGANISATION_VIEW,
                                         "departments_selection");
  VonkEntity *department;

  refuse (fixture, "DELETE", "department");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.view", "s", "organisation");
  adw_view_stack_set_visible_child_name (child (organisation, VONK_TYPE_ORGANISATION_VIEW,
                                                "stack"), "departments");
  gtk_single_selection_set_selected (selection, 0);
  department = gtk_single_selection_get_selected_item (selection);
  g_assert_nonnull (department);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (organisation), "organisation.delete",
                                             NULL));

  /* a toast says why, with nothing to undo; the view still shows what is
   * stored */
  WAIT_UNTIL (vonk_test_has_label (GTK_WIDGET (fixture->window),
                                   "The database refused the change (refused)"));
  g_assert_null (vonk_test_find_labelled_button (GTK_WIDGET (fixture->window), "_Undo"));
  g_assert_cmpuint (n_items (fixture->demo, VONK_TYPE_DEPARTMENT), ==, 8);
  g_assert_true (vonk_project_lookup (fixture->demo, VONK_TYPE_DEPARTMENT,
                                      vonk_entity_get_id (department)) == department);
  g_assert_true (gtk_single_selection_get_selected_item (selection) == department);
}

/* A deletion in a view is undone from the window's toast. */
static void
test_undo_in_window (Fixture       *fixture,
                     gconstpointer  data)
{
  VonkOrganisationView *organisation = child (fixture->window, VONK_TYPE_WINDOW, "organisation");
  GtkSingleSelection *selection = child (organisation, VONK_TYPE_ORGANISATION_VIEW,
                                         "departments_selection");
  GtkWidget *overlay = child (fixture->window, VONK_TYPE_WINDOW, "toast_overlay");
  VonkEntity *department;
  gint64 id;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.view", "s", "organisation");
  adw_view_stack_set_visible_child_name (child (organisation, VONK_TYPE_ORGANISATION_VIEW,
                                                "stack"), "departments");
  gtk_single_selection_set_selected (selection, 0);
  department = gtk_single_selection_get_selected_item (selection);
  id = vonk_entity_get_id (department);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (organisation), "organisation.delete",
                                             NULL));
  g_assert_null (vonk_project_lookup (fixture->demo, VONK_TYPE_DEPARTMENT, id));
  g_assert_cmpuint (n_items (fixture->demo, VONK_TYPE_DEPARTMENT), ==, 7);

  /* the window's toast offers to undo it */
  WAIT_UNTIL (vonk_test_find_labelled_button (overlay, "_Undo") != NULL);
  g_signal_emit_by_name (vonk_test_find_labelled_button (overlay, "_Undo"), "clicked");
  g_assert_nonnull (vonk_project_lookup (fixture->demo, VONK_TYPE_DEPARTMENT, id));
  g_assert_cmpuint (n_items (fixture->demo, VONK_TYPE_DEPARTMENT), ==, 8);
}

/* Fails unless @list, in a scrolled window that shows it whole up to
 * @max pixels, is shown whole or @max high. */
static void
assert_list_whole (GtkWidget *list,
                   int        max)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  double upper = gtk_adjustment_get_upper (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);

  if (page + 1 < MIN (upper, max))
    g_error ("%s shows %.0f of %.0f pixels, with room for %d",
             gtk_buildable_get_buildable_id (GTK_BUILDABLE (list)), page, upper, max);
}

/* At 360 pixels the Role Models' rows wrap: their lists grow with them
 * rather than scroll (GTK 4.8 measures a list's rows at no width). */
static void
assert_role_models_whole (Fixture *fixture)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *champions = gtk_stack_get_child_by_name (child (window, VONK_TYPE_WINDOW,
                                                             "view_stack"), "champions");
  const char *lists[] = { "seen_view", "unseen_view" };

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 800);
  g_assert_true (gtk_widget_activate_action (window, "win.view", "s", "champions"));
  adw_view_stack_set_visible_child_name (child (champions, VONK_TYPE_CHAMPIONS_VIEW, "stack"),
                                         "role-models");
  WAIT_UNTIL (gtk_widget_get_width (window) <= 360);
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      GtkWidget *list = child (champions, VONK_TYPE_CHAMPIONS_VIEW, lists[i]);
      GtkWidget *row;

      /* the rows come once the page has been shown */
      WAIT_UNTIL (gtk_widget_get_mapped (list) &&
                  (row = gtk_widget_get_first_child (list)) != NULL &&
                  gtk_widget_get_height (row) > 0);
      gtk_test_widget_wait_for_draw (window);
      /* the demo's managers fit, in English and in Dutch */
      assert_list_whole (list, 420);
    }
}

/* Every view fits a window 360 pixels wide, as on a phone. */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  const char *views[] = {
    "overview", "roadmap", "assessment", "progress", "barriers", "countermeasures",
    "objections", "sessions", "champions", "stories", "organisation",
  };
  GtkWidget *window = GTK_WIDGET (fixture->window);
  int minimum;

  /* the Dutch case really shows Dutch */
  if (g_strcmp0 (data, "nl") == 0)
    g_assert_cmpstr (adw_window_title_get_title (child (window, VONK_TYPE_WINDOW, "view_title")),
                     ==, "Overzicht");

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_assert_true (gtk_widget_activate_action (window, "win.view", "s", views[i]));
      gtk_test_widget_wait_for_draw (window);
      gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      if (minimum > 360)
        g_error ("The %s view needs a window %d pixels wide", views[i], minimum);
    }

  assert_role_models_whole (fixture);

  /* and so does the list of projects */
  g_assert_true (gtk_widget_activate_action (window, "win.show-projects", NULL));
  gtk_test_widget_wait_for_draw (window);
  gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  if (minimum > 360)
    g_error ("The project chooser needs a window %d pixels wide", minimum);
}

/* Fails, naming @step, when @dialog cannot be narrower than a screen
 * 360 pixels wide. */
static void
assert_fits_360 (GtkWidget  *dialog,
                 const char *step)
{
  int minimum;

  gtk_test_widget_wait_for_draw (dialog);
  gtk_widget_measure (dialog, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  if (minimum > 360)
    g_error ("The import of people needs a window %d pixels wide %s", minimum, step);
}

/* The import of people fits too, with a file's columns and rows shown
 * (in Dutch the preview is headed "3 rijen"), while it imports and with
 * its report. */
static void
assert_narrow_csv_import (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->dir, "people.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *dialog;
  GtkStack *stack;

  g_assert_true (g_file_set_contents (path,
                                      "Name;E-mail;Department;Location\n"
                                      "Quirijn Ploegmaker;quirijn@zilverberg.nl;Innovatielab;Eindhoven\n"
                                      "Fenna Dijkhuis;fenna@zilverberg.nl;Innovatielab;Eindhoven\n"
                                      "Ravi Soekhai;ravi@zilverberg.nl;Financiën;Utrecht\n",
                                      -1, NULL));
  dialog = vonk_csv_import_dialog_new (GTK_WINDOW (fixture->window), fixture->demo, file);
  gtk_window_present (GTK_WINDOW (dialog));
  stack = child (dialog, VONK_TYPE_CSV_IMPORT_DIALOG, "stack");
  WAIT_UNTIL (gtk_widget_get_mapped (dialog) &&
              g_strcmp0 (gtk_stack_get_visible_child_name (stack), "preview") == 0);
  g_assert_true (vonk_test_has_label (dialog, g_strcmp0 (g_getenv ("LANGUAGE"), "nl") == 0
                                              ? "3 rijen" : "3 rows"));
  g_assert_true (vonk_test_has_label (dialog, "Ravi Soekhai"));
  assert_fits_360 (dialog, "to show a file");

  /* the stack is as wide as its widest page: the one importing too */
  g_assert_true (gtk_widget_activate_action (dialog, "csv-import.import", NULL));
  WAIT_UNTIL (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "report") == 0);
  assert_fits_360 (dialog, "to show its report");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Every form fits a screen 360 pixels wide too. */
static void
test_narrow_forms (Fixture       *fixture,
                   gconstpointer  data)
{
  const struct { const char *view, *action; } forms[] = {
    { "roadmap", "roadmap.add" },
    { "assessment", "assessment.add-criterion" },
    { "barriers", "barriers.new-score" },
    { "countermeasures", "countermeasures.add" },
    { "countermeasures", "countermeasures.adopt" },
    { "objections", "objections.log" },
    { "sessions", "sessions.add" },
    { "champions", "champions.promote" },
    { "stories", "stories.add" },
    { "organisation", "organisation.add" },
    { "overview", "win.edit-project" },
  };
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkStack *views = child (window, VONK_TYPE_WINDOW, "view_stack");

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      GtkWidget *view = gtk_stack_get_child_by_name (views, forms[i].view);
      GtkWidget *editor = NULL;
      int minimum;

      g_assert_true (gtk_widget_activate_action (window, "win.view", "s", forms[i].view));
      if (g_str_equal (forms[i].action, "assessment.add-criterion"))
        g_assert_true (gtk_widget_activate_action (view, forms[i].action, "i", VONK_PHASE_ENGAGEMENT));
      else
        g_assert_true (gtk_widget_activate_action (view, forms[i].action, NULL));
      WAIT_UNTIL ((editor = vonk_test_find_window (VONK_TYPE_EDITOR)) != NULL &&
                  gtk_widget_get_mapped (editor));
      gtk_test_widget_wait_for_draw (editor);
      gtk_widget_measure (editor, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      if (minimum > 360)
        g_error ("The form of %s needs a window %d pixels wide", forms[i].action, minimum);
      gtk_window_destroy (GTK_WINDOW (editor));
    }

  assert_narrow_csv_import (fixture);
}

/* The About window's debug information names the versions and the
 * database. */
static void
test_debug_info (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *info = vonk_debug_info (fixture->store);
  g_autofree char *gtk = g_strdup_printf ("\nGTK %u.%u.", gtk_get_major_version (),
                                          gtk_get_minor_version ());
  g_autofree char *database = g_strdup_printf ("\nDatabase %s\n", fixture->path);

  g_assert_true (g_str_has_prefix (info, "Vonk " PACKAGE_VERSION "\n"));
  g_assert_nonnull (strstr (info, gtk));
  g_assert_nonnull (strstr (info, "\nSQLite 3."));
  g_assert_nonnull (strstr (info, "\nPlan format version 1\n"));
  g_assert_nonnull (strstr (info, database));
}

/* An edit is undone with Ctrl+Z and made again with Ctrl+Shift+Z, and
 * the toast says so each time. */
static void
test_undo_edit (Fixture       *fixture,
                gconstpointer  data)
{
  VonkEntity *project = VONK_ENTITY (fixture->demo);
  g_autofree char *name = g_strdup (vonk_entity_get_string (project, "name"));
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *overlay = child (fixture->window, VONK_TYPE_WINDOW, "toast_overlay");
  VonkProjectEditor *editor = NULL;

  g_assert_false (vonk_history_can_undo (vonk_project_get_history (fixture->demo)));
  g_assert_true (gtk_widget_activate_action (window, "win.edit-project", NULL));
  WAIT_UNTIL (has_toplevel_editor (&editor));
  set_row (editor, "name_row", "Renamed");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_cmpstr (vonk_entity_get_string (project, "name"), ==, "Renamed");
  WAIT_UNTIL (vonk_test_has_label (overlay, "“Renamed” changed") &&
              vonk_test_find_labelled_button (overlay, "_Undo") != NULL);

  vonk_test_press_shortcut (window, "<Control>z");
  g_assert_cmpstr (vonk_entity_get_string (project, "name"), ==, name);
  g_assert_cmpint (vonk_test_raw_int (fixture->path, "SELECT COUNT(*) FROM project "
                                      "WHERE name = 'Renamed'"), ==, 0);
  WAIT_UNTIL (vonk_test_has_label (overlay, "Undone: “Renamed” changed") &&
              vonk_test_find_labelled_button (overlay, "_Redo") != NULL);
  WAIT_UNTIL (vonk_test_has_label (window, name));

  vonk_test_press_shortcut (window, "<Shift><Control>z");
  g_assert_cmpstr (vonk_entity_get_string (project, "name"), ==, "Renamed");
  WAIT_UNTIL (vonk_test_has_label (overlay, "“Renamed” changed"));

  /* the toast's own button undoes too */
  g_signal_emit_by_name (vonk_test_find_labelled_button (overlay, "_Undo"), "clicked");
  g_assert_cmpstr (vonk_entity_get_string (project, "name"), ==, name);
}

/* Whether the People page shows @n people, none of them imported by
 * test_undo_large(). */
static gboolean
people_shown (GListModel *people,
              guint       n)
{
  if (vonk_filter_model_get_pending (VONK_FILTER_MODEL (people)) > 0 ||
      g_list_model_get_n_items (people) != n)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VonkEntity) person = g_list_model_get_item (people, i);

      if (g_str_has_prefix (vonk_entity_get_string (person, "name"), "Imported "))
        return FALSE;
    }

  return TRUE;
}

/* Ctrl+Z on an import of thousands of people undoes it in the background:
 * the task strip shows it while the window goes on, a second Ctrl+Z does
 * not undo the change before it meanwhile, and afterwards the People page
 * lists the people there were; Ctrl+Shift+Z brings the import back the
 * same way. */
static void
test_undo_large (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *overlay = child (fixture->window, VONK_TYPE_WINDOW, "toast_overlay");
  GtkRevealer *task_revealer = child (fixture->window, VONK_TYPE_WINDOW, "task_revealer");
  GtkLabel *task_label = child (fixture->window, VONK_TYPE_WINDOW, "task_label");
  VonkOrganisationView *organisation = child (fixture->window, VONK_TYPE_WINDOW, "organisation");
  GListModel *people = child (organisation, VONK_TYPE_ORGANISATION_VIEW, "people_filter_model");
  VonkHistory *history = vonk_project_get_history (fixture->demo);
  guint n_people = n_items (fixture->demo, VONK_TYPE_PERSON);
  g_autoptr(GString) text = g_string_new ("name;email;department\n");
  g_autoptr(VonkCsv) csv = NULL;
  g_autoptr(VonkCsvReport) report = NULL;
  g_autoptr(VonkEntity) draft = NULL;
  g_autoptr(GError) error = NULL;

  /* a small change first, which the second Ctrl+Z must leave alone */
  draft = vonk_entity_copy (VONK_ENTITY (fixture->demo));
  g_object_set (draft, "name", "Renamed", NULL);
  g_assert_true (vonk_project_save (fixture->demo, draft, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 2500; i++)
    g_string_append_printf (text, "Imported %u;imported%u@example.org;Sales\n", i, i);
  csv = vonk_csv_new_from_data (text->str, text->len, &error);
  g_assert_no_error (error);
  report = vonk_csv_import_people (fixture->demo, csv, &error);
  g_assert_no_error (error);
  g_assert_true (vonk_history_is_large (history, FALSE));

  gtk_widget_activate_action (window, "win.view", "s", "organisation");
  adw_view_stack_set_visible_child_name (child (organisation, VONK_TYPE_ORGANISATION_VIEW,
                                                "stack"), "people");
  WAIT_UNTIL (g_list_model_get_n_items (people) == n_people + 2500);

  vonk_test_press_shortcut (window, "<Control>z");
  g_assert_true (vonk_history_is_busy (history));
  g_assert_true (gtk_revealer_get_reveal_child (task_revealer));
  g_assert_cmpstr (gtk_label_get_text (task_label), ==, "Undoing: People imported");
  /* Ctrl+Z again finds nothing to undo meanwhile (nor does the toast) */
  gtk_widget_activate_action (window, "win.undo", NULL);
  g_assert_false (vonk_undo_toasts_replay (ADW_TOAST_OVERLAY (overlay), FALSE));

  /* an edit meanwhile is refused, with the reason */
  g_assert_false (vonk_project_save (fixture->demo, draft, &error));
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_READ_ONLY);
  g_assert_cmpstr (error->message, ==, "Wait until Undo or Redo is done");
  g_clear_error (&error);

  WAIT_UNTIL (!vonk_history_is_busy (history));
  g_assert_false (gtk_revealer_get_reveal_child (task_revealer));
  WAIT_UNTIL (people_shown (people, n_people));
  WAIT_UNTIL (vonk_test_has_label (overlay, "Undone: People imported") &&
              vonk_test_find_labelled_button (overlay, "_Redo") != NULL);
  g_assert_cmpint (vonk_test_raw_int (fixture->path, "SELECT COUNT(*) FROM person"), ==,
                   n_people);
  /* the second Ctrl+Z did nothing: the rename is still there to undo */
  g_assert_cmpstr (vonk_entity_get_string (VONK_ENTITY (fixture->demo), "name"), ==, "Renamed");
  g_assert_cmpstr (vonk_history_get_undo_label (history), ==, "“Renamed” changed");

  vonk_test_press_shortcut (window, "<Shift><Control>z");
  g_assert_cmpstr (gtk_label_get_text (task_label), ==, "Redoing: People imported");
  WAIT_UNTIL (!vonk_history_is_busy (history));
  WAIT_UNTIL (g_list_model_get_n_items (people) == n_people + 2500 &&
              vonk_filter_model_get_pending (VONK_FILTER_MODEL (people)) == 0);
  g_assert_cmpint (vonk_test_raw_int (fixture->path, "SELECT COUNT(*) FROM person "
                                      "WHERE name LIKE 'Imported %%'"), ==, 2500);
}

/* The first button in @widget, shown or not. */
static GtkWidget *
find_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget))
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *button = find_button (c);

      if (button != NULL)
        return button;
    }

  return NULL;
}

/* Cancel in the task strip stops a large Undo: the people, the file and
 * the history stay as they were, and the toast says so. */
static void
test_undo_large_cancel (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);
  GtkWidget *overlay = child (fixture->window, VONK_TYPE_WINDOW, "toast_overlay");
  GtkRevealer *task_revealer = child (fixture->window, VONK_TYPE_WINDOW, "task_revealer");
  VonkHistory *history = vonk_project_get_history (fixture->demo);
  guint n_people = n_items (fixture->demo, VONK_TYPE_PERSON);
  g_autoptr(GString) text = g_string_new ("name;email\n");
  g_autoptr(VonkCsv) csv = NULL;
  g_autoptr(VonkCsvReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *cancel = find_button (GTK_WIDGET (task_revealer));

  for (guint i = 0; i < 2500; i++)
    g_string_append_printf (text, "Imported %u;imported%u@example.org\n", i, i);
  csv = vonk_csv_new_from_data (text->str, text->len, &error);
  g_assert_no_error (error);
  report = vonk_csv_import_people (fixture->demo, csv, &error);
  g_assert_no_error (error);

  /* (before the main loop runs again: the Undo cannot be done by then) */
  vonk_test_press_shortcut (window, "<Control>z");
  g_assert_true (gtk_revealer_get_reveal_child (task_revealer));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (cancel)), ==, "_Cancel");
  g_signal_emit_by_name (cancel, "clicked");

  WAIT_UNTIL (!vonk_history_is_busy (history));
  WAIT_UNTIL (vonk_test_has_label (overlay, "Undo cancelled; nothing changed"));
  g_assert_false (gtk_revealer_get_reveal_child (task_revealer));
  g_assert_cmpuint (n_items (fixture->demo, VONK_TYPE_PERSON), ==, n_people + 2500);
  g_assert_cmpint (vonk_test_raw_int (fixture->path, "SELECT COUNT(*) FROM person "
                                      "WHERE name LIKE 'Imported %%'"), ==, 2500);
  g_assert_true (vonk_history_can_undo (history));
  g_assert_false (vonk_history_can_redo (history));
  g_assert_cmpstr (vonk_history_get_undo_label (history), ==, "People imported");

  /* and the project takes changes again */
  {
    g_autoptr(VonkEntity) draft = vonk_entity_copy (VONK_ENTITY (fixture->demo));

    g_object_set (draft, "name", "Renamed", NULL);
    g_assert_true (vonk_project_save (fixture->demo, draft, &error));
    g_assert_no_error (error);
  }
}

static void
test_failed_save (Fixture       *fixture,
                  gconstpointer  data)
{
  VonkEntity *project = VONK_ENTITY (fixture->demo);
  g_autofree char *name = g_strdup (vonk_entity_get_string (project, "name"));
  VonkProjectEditor *editor;
  GtkWidget *error_label;

  refuse (fixture, "UPDATE", "project");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-project",
                                             NULL));
  editor = NULL;
  WAIT_UNTIL (has_toplevel_editor (&editor));
  error_label = child (editor, VONK_TYPE_PROJECT_EDITOR, "error_label");
  set_row (editor, "name_row", "Renamed");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);

  /* the form says why and stays open; nothing shows the refused name */
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==,
                   "The database refused the change (refused)");
  g_assert_cmpstr (vonk_entity_get_string (project, "name"), ==, name);
  g_assert_cmpstr (gtk_label_get_text (child (fixture->window, VONK_TYPE_WINDOW,
                                              "project_title")), ==, name);
  gtk_window_destroy (GTK_WINDOW (editor));
}

int
main (int   argc,
      char *argv[])
{
  vonk_test_init_gui (&argc, &argv, "2026-11-27");

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/window/opens-on-demo", test_opens_on_demo);
  ADD ("/window/overview/figures", test_overview_figures);
  ADD ("/window/overview/estimated", test_overview_estimated);
  ADD ("/window/overview/barriers", test_overview_barriers);
  ADD ("/window/overview/lists-in-frames", test_overview_lists_in_frames);
  ADD ("/window/view-shortcut", test_view_shortcut);
  ADD ("/window/undo-edit", test_undo_edit);
  ADD ("/window/undo-large", test_undo_large);
  ADD ("/window/undo-large-cancel", test_undo_large_cancel);
  ADD ("/window/debug-info", test_debug_info);
  ADD ("/window/narrow", test_narrow);
  g_test_add ("/window/narrow/nl", Fixture, "nl", fixture_set_up, test_narrow, fixture_tear_down);
  ADD ("/window/narrow-forms", test_narrow_forms);
  g_test_add ("/window/narrow-forms/nl", Fixture, "nl", fixture_set_up, test_narrow_forms,
              fixture_tear_down);
  ADD ("/window/roadmap-lanes", test_roadmap_lanes);
  ADD ("/window/chooser/new-project", test_new_project);
  ADD ("/window/chooser/new-project-invalid", test_new_project_invalid);
  ADD ("/window/chooser/delete-project", test_delete_project);
  ADD ("/window/remembers", test_remembers);
  ADD ("/window/undo", test_undo_in_window);
  ADD ("/window/refused/delete", test_failed_delete);
  ADD ("/window/refused/save", test_failed_save);

  return g_test_run ();
}
