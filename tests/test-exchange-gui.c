/* test-exchange-gui.c — printing, exporting and importing from the window
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's exchange actions work in the background: the tests start
 * one, wait for its toast, and check the file it wrote and that the
 * progress strip is gone again.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "vonk-exchange.h"
#include "vonk-test-utils-gui.h"
#include "vonk-window.h"

typedef struct
{
  char        *dir;
  char        *path;
  VonkStore   *store;
  VonkProject *demo;
  VonkWindow  *window;
  GtkWidget   *overlay;
  GtkWidget   *revealer;
} Fixture;

static gpointer
child (gpointer    object,
       GType       type,
       const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (object), type, name);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = vonk_date_today ();

  fixture->store = vonk_test_store_new ("vonk-exchange-gui-XXXXXX", &fixture->dir,
                                        &fixture->path);
  fixture->demo = vonk_demo_create (fixture->store, today, &error);
  g_assert_no_error (error);

  fixture->window = vonk_window_new (NULL, fixture->store);
  vonk_window_open_default (fixture->window);
  vonk_test_show (GTK_WINDOW (fixture->window), NULL);
  fixture->overlay = child (fixture->window, VONK_TYPE_WINDOW, "toast_overlay");
  fixture->revealer = child (fixture->window, VONK_TYPE_WINDOW, "task_revealer");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  vonk_test_destroy_windows ();
  g_clear_object (&fixture->store);
  g_assert_true (vonk_test_remove_recursively (fixture->dir));
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
test_save_pdf (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "Zilverberg.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  gsize length;

  vonk_exchange_save_pdf (fixture->window, file, FALSE);

  /* the work shows while it runs, and a toast says when it is done */
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (fixture->revealer)));
  WAIT_UNTIL (vonk_test_has_label (fixture->overlay,
                                   "Saved the plan report as “Zilverberg.pdf”"));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (fixture->revealer)));

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* complete: it ends with the trailer's end-of-file mark */
  g_assert_cmpuint (length, >, 16);
  g_assert_nonnull (g_strstr_len (contents + length - 16, 16, "%%EOF"));
}

/* A file that cannot be written: the toast says why, and nothing is left. */
static void
test_save_pdf_fails (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "missing", "plan.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *message = g_strdup_printf ("Could not write “%s”: No such file or directory",
                                              path);

  vonk_exchange_save_pdf (fixture->window, file, FALSE);
  WAIT_UNTIL (!gtk_revealer_get_reveal_child (GTK_REVEALER (fixture->revealer)));
  WAIT_UNTIL (vonk_test_has_label (fixture->overlay, message));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* and the window goes on: the next export works */
  {
    g_autofree char *good = g_build_filename (fixture->dir, "plan.pdf", NULL);
    g_autoptr(GFile) good_file = g_file_new_for_path (good);

    vonk_exchange_save_pdf (fixture->window, good_file, FALSE);
    WAIT_UNTIL (vonk_test_has_label (fixture->overlay, "Saved the plan report as “plan.pdf”"));
    g_assert_true (g_file_test (good, G_FILE_TEST_IS_REGULAR));
  }
}

/* A plan exported and imported again becomes a second project, opened in
 * the window, with the same people. */
static void
test_plan_round_trip (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "plan.vonk.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GListModel *projects = vonk_store_get_projects (fixture->store);
  g_autofree char *contents = NULL;
  g_autofree char *imported = g_strdup_printf ("Imported “%s”",
                                               vonk_entity_get_string (VONK_ENTITY (fixture->demo),
                                                                       "name"));
  g_autoptr(VonkEntity) first_person = g_list_model_get_item (vonk_project_get_list (fixture->demo,
                                                                                    VONK_TYPE_PERSON),
                                                              0);
  VonkProject *project;

  vonk_exchange_export_plan (fixture->window, file, FALSE);
  WAIT_UNTIL (vonk_test_has_label (fixture->overlay, "Exported the plan to “plan.vonk.xml”"));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<plan version=\"1\" kind=\"project\""));
  g_assert_nonnull (strstr (contents, vonk_entity_get_string (first_person, "name")));

  vonk_exchange_import_plan (fixture->window, file, FALSE);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (fixture->revealer)));
  WAIT_UNTIL (vonk_test_has_label (fixture->overlay, imported));
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, 2);

  project = vonk_window_get_project (fixture->window);
  g_assert_true (project != fixture->demo);
  g_assert_cmpstr (vonk_entity_get_string (VONK_ENTITY (project), "name"), ==,
                   vonk_entity_get_string (VONK_ENTITY (fixture->demo), "name"));
  g_assert_cmpuint (g_list_model_get_n_items (vonk_project_get_list (project, VONK_TYPE_PERSON)),
                    ==,
                    g_list_model_get_n_items (vonk_project_get_list (fixture->demo,
                                                                     VONK_TYPE_PERSON)));
}

/* A broken plan: the toast says where, and no project is added. */
static void
test_plan_refused (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "broken.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *message = NULL;

  g_assert_true (g_file_set_contents (path, "<?xml version=\"1.0\"?>\n"
                                            "<plan xmlns=\"https://vonk.nl/ns/plan\" "
                                            "version=\"1\">\n<oops", -1, NULL));
  vonk_exchange_import_plan (fixture->window, file, FALSE);
  WAIT_UNTIL (!gtk_revealer_get_reveal_child (GTK_REVEALER (fixture->revealer)));

  message = g_strdup_printf ("“%s”, line", path);
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    gboolean found = FALSE;

    WAIT_UNTIL ((g_ptr_array_set_size (labels, 0),
                 vonk_test_collect_labels (fixture->overlay, labels),
                 found = labels->len > 0 &&
                         g_str_has_prefix (gtk_label_get_text (g_ptr_array_index (labels,
                                                                                  labels->len - 1)),
                                           message)));
    g_assert_true (found);
  }
  g_assert_cmpuint (g_list_model_get_n_items (vonk_store_get_projects (fixture->store)), ==, 1);
  g_assert_true (vonk_window_get_project (fixture->window) == fixture->demo);
}

static void
test_calendar (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "sessions.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autofree char *done = NULL;
  GListModel *sessions = vonk_project_get_list (fixture->demo, VONK_TYPE_SESSION);
  guint n_timed = 0;

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(VonkEntity) session = g_list_model_get_item (sessions, i);
      n_timed += vonk_entity_get_date_time (session, "starts-at") != NULL;
    }
  done = g_strdup_printf ("Exported %u sessions to “sessions.ics”", n_timed);

  vonk_exchange_export_calendar (fixture->window, file, FALSE);
  WAIT_UNTIL (vonk_test_has_label (fixture->overlay, done));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "BEGIN:VCALENDAR\r\n"));
  {
    g_auto(GStrv) events = g_strsplit (contents, "BEGIN:VEVENT", -1);

    g_assert_cmpuint (g_strv_length (events) - 1, ==, n_timed);
  }
}

static void
test_champions_csv (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "champions.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autoptr(VonkEntity) department = g_list_model_get_item (vonk_project_get_list (fixture->demo,
                                                                                   VONK_TYPE_DEPARTMENT),
                                                            0);

  vonk_exchange_export_champions (fixture->window, file, FALSE);
  WAIT_UNTIL (vonk_test_has_label (fixture->overlay, "Exported the champions to “champions.csv”"));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, ";"));
  g_assert_nonnull (strstr (contents, vonk_entity_get_string (department, "name")));
}

/* A session plan goes out with its agenda and comes back in as a session
 * of its own. */
static void
test_session_plan (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "session.vonk.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GListModel *sessions = vonk_project_get_list (fixture->demo, VONK_TYPE_SESSION);
  g_autoptr(VonkEntity) session = g_list_model_get_item (sessions, 0);
  guint n_sessions = g_list_model_get_n_items (sessions);
  g_autofree char *contents = NULL;
  g_autoptr(VonkEntity) added = NULL;

  vonk_exchange_export_session_plan (fixture->window, vonk_entity_get_id (session), file, FALSE);
  WAIT_UNTIL (vonk_test_has_label (fixture->overlay,
                                   "Exported the session plan to “session.vonk.xml”"));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "kind=\"session-plan\""));
  g_assert_nonnull (strstr (contents, vonk_entity_get_string (session, "title")));

  vonk_exchange_import_session_plan (fixture->window, file, FALSE);
  WAIT_UNTIL (vonk_test_has_label (fixture->overlay, "Added 1 session"));
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, n_sessions + 1);
  added = g_list_model_get_item (sessions, n_sessions);
  g_assert_cmpstr (vonk_entity_get_string (added, "title"), ==,
                   vonk_entity_get_string (session, "title"));
}

int
main (int   argc,
      char *argv[])
{
  vonk_test_init_gui (&argc, &argv, "2026-03-11");

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/exchange-gui/save-pdf", test_save_pdf);
  ADD ("/exchange-gui/save-pdf-fails", test_save_pdf_fails);
  ADD ("/exchange-gui/plan-round-trip", test_plan_round_trip);
  ADD ("/exchange-gui/plan-refused", test_plan_refused);
  ADD ("/exchange-gui/calendar", test_calendar);
  ADD ("/exchange-gui/champions-csv", test_champions_csv);
  ADD ("/exchange-gui/session-plan", test_session_plan);

  return g_test_run ();
}
