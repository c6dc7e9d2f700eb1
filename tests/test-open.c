/* test-open.c — the window while a project loads
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real widgets under Xvfb. The loading thread is held at a table of the
 * test's choosing (vonk_project_set_load_hook()), so that what the window
 * shows meanwhile is seen every time, however fast the machine.
 */

#include "config.h"

#include "vonk-organisation-view.h"
#include "vonk-overview-view.h"
#include "vonk-sessions-view.h"
#include "vonk-project-private.h"
#include "vonk-test-utils-gui.h"
#include "vonk-window.h"

/* Holds the loading thread before it reads @type until released. */
typedef struct
{
  GMutex   mutex;
  GCond    cond;
  GType    type;
  gint     reached;  /* (atomic) */
  gboolean released;
} Gate;

static Gate gate;

static void
gate_hook (GType    type,
           gpointer data)
{
  if (type != gate.type)
    return;

  g_mutex_lock (&gate.mutex);
  g_atomic_int_set (&gate.reached, TRUE);
  while (!gate.released)
    g_cond_wait (&gate.cond, &gate.mutex);
  g_mutex_unlock (&gate.mutex);
}

static void
gate_close (GType type)
{
  gate.type = type;
  gate.released = FALSE;
  g_atomic_int_set (&gate.reached, FALSE);
  vonk_project_set_load_hook (gate_hook, NULL);
}

static void
gate_open (void)
{
  g_mutex_lock (&gate.mutex);
  gate.released = TRUE;
  g_cond_broadcast (&gate.cond);
  g_mutex_unlock (&gate.mutex);
}

typedef struct
{
  char        *dir;
  char        *path;
  gint64       project_id;
  VonkStore   *store;   /* opened afresh: its project is not loaded */
  VonkProject *project;
  VonkWindow  *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = vonk_date_today ();
  g_autoptr(VonkStore) creating = NULL;
  VonkProject *demo;

  creating = vonk_test_store_new ("vonk-open-XXXXXX", &fixture->dir, &fixture->path);
  demo = vonk_demo_create (creating, today, &error);
  g_assert_no_error (error);
  fixture->project_id = vonk_entity_get_id (VONK_ENTITY (demo));
  vonk_test_close_store (&creating);

  fixture->store = vonk_test_open_store (fixture->path);
  fixture->project = vonk_store_find_project (fixture->store, fixture->project_id);
  g_assert_false (vonk_project_is_loaded (fixture->project));

  fixture->window = vonk_window_new (NULL, fixture->store);
  vonk_window_show_projects (fixture->window);
  vonk_test_show (GTK_WINDOW (fixture->window), NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gate_open ();
  vonk_test_destroy_windows ();
  vonk_project_set_load_hook (NULL, NULL);
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
shown_page (Fixture *fixture)
{
  return gtk_stack_get_visible_child_name (child (fixture->window, VONK_TYPE_WINDOW,
                                                  "main_stack"));
}

static void
count_paint_cb (GdkFrameClock *clock,
                guint         *paints)
{
  (*paints)++;
}

/* The window paints new frames: its main loop is not held up. */
static void
assert_paints (Fixture *fixture)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (fixture->window));
  guint paints = 0;
  gulong handler;

  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (count_paint_cb), &paints);
  gtk_widget_queue_draw (GTK_WIDGET (fixture->window));
  WAIT_UNTIL (paints > 0);
  gtk_widget_queue_draw (GTK_WIDGET (fixture->window));
  WAIT_UNTIL (paints > 1);
  g_signal_handler_disconnect (clock, handler);
}

static void
assert_figure (Fixture    *fixture,
               const char *name,
               gint64      expected)
{
  VonkOverviewView *overview = child (fixture->window, VONK_TYPE_WINDOW, "overview");
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, expected);

  g_assert_cmpstr (gtk_label_get_text (child (overview, VONK_TYPE_OVERVIEW_VIEW, name)), ==,
                   text);
}

/* While the project loads the window shows which, how far it is, and
 * keeps painting; then the Overview with the project's own figures. */
static void
test_loading_page (Fixture       *fixture,
                   gconstpointer  data)
{
  AdwStatusPage *page = child (fixture->window, VONK_TYPE_WINDOW, "loading_page");
  GtkProgressBar *progress = child (fixture->window, VONK_TYPE_WINDOW, "loading_progress");
  g_autofree char *title = g_strdup_printf ("Opening “%s”",
                                            vonk_entity_get_string (VONK_ENTITY (fixture->project),
                                                                    "name"));

  /* held before the last table, the stories */
  gate_close (VONK_TYPE_STORY);
  vonk_window_load_project (fixture->window, fixture->project);
  g_assert_true (vonk_window_is_loading (fixture->window));
  g_assert_cmpstr (shown_page (fixture), ==, "loading");
  g_assert_cmpstr (adw_status_page_get_title (page), ==, title);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (progress)));

  WAIT_UNTIL (g_atomic_int_get (&gate.reached));
  WAIT_UNTIL (gtk_progress_bar_get_fraction (progress) > 0.5);
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (progress), <, 1.0);
  assert_paints (fixture);
  g_assert_cmpstr (shown_page (fixture), ==, "loading");
  g_assert_false (vonk_project_is_loaded (fixture->project));
  g_assert_false (vonk_window_has_project (fixture->window));
  /* nothing to act on yet */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.view", "s", "sessions");
  g_assert_cmpstr (shown_page (fixture), ==, "loading");

  gate_open ();
  WAIT_UNTIL (!vonk_window_is_loading (fixture->window));
  g_assert_cmpstr (shown_page (fixture), ==, "project");
  g_assert_true (vonk_window_get_project (fixture->window) == fixture->project);
  assert_figure (fixture, "locations_figure",
                 vonk_test_raw_int (fixture->path, "SELECT count(*) FROM location"));
  assert_figure (fixture, "departments_figure",
                 vonk_test_raw_int (fixture->path, "SELECT count(*) FROM department"));
  assert_figure (fixture, "people_figure",
                 vonk_test_raw_int (fixture->path, "SELECT count(*) FROM person"));
  assert_figure (fixture, "champions_figure",
                 vonk_test_raw_int (fixture->path,
                                    "SELECT count(*) FROM person WHERE champion = 'active'"));

  /* the attendance, read after the first frame, is all there */
  g_assert_cmpint (g_list_model_get_n_items (vonk_project_get_list (fixture->project,
                                                                    VONK_TYPE_ATTENDANCE)), ==,
                   vonk_test_count_rows (fixture->path, "attendance"));
}

/* Cancelling goes back to the projects; the project can be opened again. */
static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *page = child (fixture->window, VONK_TYPE_WINDOW, "loading_page");
  GtkWidget *cancel;

  gate_close (VONK_TYPE_PERSON);
  vonk_window_load_project (fixture->window, fixture->project);
  WAIT_UNTIL (g_atomic_int_get (&gate.reached));
  cancel = vonk_test_find_labelled_button (page, "_Cancel");
  g_assert_nonnull (cancel);
  g_signal_emit_by_name (cancel, "clicked");
  g_assert_false (vonk_window_is_loading (fixture->window));
  g_assert_cmpstr (shown_page (fixture), ==, "projects");
  gate_open ();
  assert_paints (fixture);
  g_assert_cmpstr (shown_page (fixture), ==, "projects");
  g_assert_false (vonk_window_has_project (fixture->window));

  vonk_project_set_load_hook (NULL, NULL);
  vonk_window_load_project (fixture->window, fixture->project);
  WAIT_UNTIL (!vonk_window_is_loading (fixture->window));
  g_assert_cmpstr (shown_page (fixture), ==, "project");
  g_assert_true (vonk_window_get_project (fixture->window) == fixture->project);
}

/* A damaged file is refused with the message opening it always gave, and
 * the window goes back to the projects. */
static void
test_damaged (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *overlay = child (fixture->window, VONK_TYPE_WINDOW, "toast_overlay");
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VonkStore) other = NULL;

  vonk_test_raw_exec (fixture->path, "UPDATE session SET starts_at = 'next tuesday' "
                                     "WHERE id = (SELECT min(id) FROM session)");
  other = vonk_test_open_store (fixture->path);
  g_assert_false (vonk_project_load (vonk_store_find_project (other, fixture->project_id),
                                     &error));
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_CORRUPT);

  vonk_window_load_project (fixture->window, fixture->project);
  WAIT_UNTIL (!vonk_window_is_loading (fixture->window));
  WAIT_UNTIL (vonk_test_has_label (overlay, error->message));
  g_assert_cmpstr (shown_page (fixture), ==, "projects");
  g_assert_false (vonk_project_is_loaded (fixture->project));
  g_assert_false (vonk_window_has_project (fixture->window));
}

/* Another project chosen while one loads: the last one chosen is shown. */
static void
test_switch_while_loading (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(VonkProject) pilot = vonk_project_new ("Pilot");
  g_autoptr(GError) error = NULL;

  g_assert_true (vonk_store_add_project (fixture->store, pilot, &error));
  g_assert_no_error (error);
  gate_close (VONK_TYPE_PERSON);
  vonk_window_load_project (fixture->window, fixture->project);
  WAIT_UNTIL (g_atomic_int_get (&gate.reached));

  /* pilot is not loaded either, and is read past the gate's type at once */
  vonk_project_set_load_hook (NULL, NULL);
  vonk_window_load_project (fixture->window, pilot);
  gate_open ();
  WAIT_UNTIL (!vonk_window_is_loading (fixture->window));
  g_assert_cmpstr (shown_page (fixture), ==, "project");
  g_assert_true (vonk_window_get_project (fixture->window) == pilot);
  assert_paints (fixture);
  g_assert_true (vonk_window_get_project (fixture->window) == pilot);
}

/* A view opened while the attendance is still being read after the first
 * frame waits on the loading page, with the window painting, rather than
 * freeze the window; then it shows with the project. */
static void
test_view_waits (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkStack *view_stack = child (fixture->window, VONK_TYPE_WINDOW, "view_stack");
  GtkWidget *sessions = gtk_stack_get_child_by_name (view_stack, "sessions");
  g_autoptr(VonkProject) shown = NULL;

  gate_close (VONK_TYPE_ATTENDANCE);
  vonk_window_load_project (fixture->window, fixture->project);
  WAIT_UNTIL (!vonk_window_is_loading (fixture->window));
  g_assert_cmpstr (shown_page (fixture), ==, "project");

  /* read ahead once the project has been painted */
  WAIT_UNTIL (g_atomic_int_get (&gate.reached));
  g_assert_false (vonk_project_is_complete (fixture->project));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.view", "s", "sessions");
  g_assert_cmpstr (shown_page (fixture), ==, "loading");
  assert_paints (fixture);
  g_object_get (sessions, "project", &shown, NULL);
  g_assert_null (shown);

  gate_open ();
  WAIT_UNTIL (g_strcmp0 (shown_page (fixture), "project") == 0);
  g_assert_true (vonk_project_is_complete (fixture->project));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view_stack), ==, "sessions");
  g_object_get (sessions, "project", &shown, NULL);
  g_assert_true (shown == fixture->project);
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

/* Opening a project: the Overview fills in its lists while the attendance
 * is still being read; once it is in, the People page lists everybody, in
 * slices but all of them, and a session all the people on its list. */
static void
test_views_after_attendance (Fixture       *fixture,
                             gconstpointer  data)
{
  VonkOverviewView *overview = child (fixture->window, VONK_TYPE_WINDOW, "overview");
  GtkStack *view_stack = child (fixture->window, VONK_TYPE_WINDOW, "view_stack");
  GtkWidget *organisation = gtk_stack_get_child_by_name (view_stack, "organisation");
  GtkWidget *sessions = gtk_stack_get_child_by_name (view_stack, "sessions");
  GtkListBox *barriers = child (overview, VONK_TYPE_OVERVIEW_VIEW, "barriers_list");
  GListModel *people = NULL;
  GListModel *listed = NULL;
  GListModel *attendees = child (sessions, VONK_TYPE_SESSIONS_VIEW, "attendance_sort_model");
  g_autoptr(GArray) ranks = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  VonkSession *session = NULL;
  GListModel *all_sessions;

  gate_close (VONK_TYPE_ATTENDANCE);
  vonk_window_load_project (fixture->window, fixture->project);
  WAIT_UNTIL (!vonk_window_is_loading (fixture->window));
  people = vonk_project_get_list (fixture->project, VONK_TYPE_PERSON);
  assert_figure (fixture, "people_figure", g_list_model_get_n_items (people));

  /* the Overview's lists, without the attendance */
  WAIT_UNTIL (gtk_widget_get_visible (child (overview, VONK_TYPE_OVERVIEW_VIEW, "stories_list")));
  WAIT_UNTIL (g_atomic_int_get (&gate.reached));
  g_assert_false (vonk_project_is_complete (fixture->project));
  ranks = vonk_barriers_most_in_the_way (fixture->project, NULL, 3);
  g_assert_cmpuint (ranks->len, >, 0);
  g_assert_cmpuint (count_rows (barriers), ==, ranks->len);
  g_assert_cmpuint (count_rows (child (overview, VONK_TYPE_OVERVIEW_VIEW, "stories_list")), ==, 3);

  gate_open ();
  WAIT_UNTIL (vonk_project_is_complete (fixture->project));

  /* the People page: every person */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.view", "s", "organisation");
  adw_view_stack_set_visible_child_name (child (organisation, VONK_TYPE_ORGANISATION_VIEW,
                                                "stack"), "people");
  listed = G_LIST_MODEL (gtk_column_view_get_model (child (organisation,
                                                           VONK_TYPE_ORGANISATION_VIEW,
                                                           "people_view")));
  WAIT_UNTIL (g_list_model_get_n_items (listed) == g_list_model_get_n_items (people));

  /* a session with people on its list: all of them */
  all_sessions = vonk_project_get_list (fixture->project, VONK_TYPE_SESSION);
  for (guint i = 0; i < g_list_model_get_n_items (all_sessions) && session == NULL; i++)
    {
      g_autoptr(VonkEntity) candidate = g_list_model_get_item (all_sessions, i);
      g_autoptr(GPtrArray) on_list = vonk_sessions_attendance (fixture->project,
                                                               VONK_SESSION (candidate));

      if (on_list->len > 1)
        session = VONK_SESSION (candidate); /* the list keeps it alive */
    }
  g_assert_nonnull (session);
  rows = vonk_sessions_attendance (fixture->project, session);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.view", "s", "sessions");
  gtk_stack_set_visible_child_name (child (sessions, VONK_TYPE_SESSIONS_VIEW, "detail_pages"),
                                    "attendance");
  vonk_sessions_view_select (VONK_SESSIONS_VIEW (sessions), session);
  WAIT_UNTIL (g_list_model_get_n_items (attendees) == rows->len);
}

/* The attendance found damaged when it is read after the first frame:
 * the window shows the rest and says so in a dialog. */
static void
test_attendance_unreadable (Fixture       *fixture,
                            gconstpointer  data)
{
  const GError *read_error;
  AdwMessageDialog *dialog;

  vonk_test_raw_exec (fixture->path, "PRAGMA ignore_check_constraints = ON;"
                                     "UPDATE attendance SET status = 'maybe' "
                                     "WHERE id = (SELECT min(id) FROM attendance)");
  vonk_window_load_project (fixture->window, fixture->project);
  WAIT_UNTIL (!vonk_window_is_loading (fixture->window));
  g_assert_cmpstr (shown_page (fixture), ==, "project");

  WAIT_UNTIL ((dialog = vonk_test_find_window (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  read_error = vonk_project_get_read_error (fixture->project);
  g_assert_nonnull (read_error);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "Part of the Project Could Not Be Read");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, read_error->message);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) ==
                 GTK_WINDOW (fixture->window));
}

int
main (int   argc,
      char *argv[])
{
  vonk_test_init_gui (&argc, &argv, "2026-11-27");

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/open/loading-page", test_loading_page);
  ADD ("/open/cancel", test_cancel);
  ADD ("/open/damaged", test_damaged);
  ADD ("/open/switch-while-loading", test_switch_while_loading);
  ADD ("/open/view-waits", test_view_waits);
  ADD ("/open/attendance-unreadable", test_attendance_unreadable);
  ADD ("/open/views-after-attendance", test_views_after_attendance);

#undef ADD

  return g_test_run ();
}
