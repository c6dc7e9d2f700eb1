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
#include <gtk/gtkunixprint.h>
#include <string.h>

#include "vonk-csv-import-dialog.h"
#include "vonk-exchange.h"
#include "vonk-organisation-view.h"
#include "vonk-report.h"
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

  /* the imported project opens, loaded in the background */
  WAIT_UNTIL ((project = vonk_window_get_project (fixture->window)) != fixture->demo);
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

static gboolean
has_person (VonkProject *project,
            const char  *name)
{
  GListModel *people = vonk_project_get_list (project, VONK_TYPE_PERSON);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(VonkEntity) person = g_list_model_get_item (people, i);

      if (g_strcmp0 (vonk_entity_get_string (person, "name"), name) == 0)
        return TRUE;
    }

  return FALSE;
}

/* People imported from a spreadsheet while the window goes on: the People
 * list shows them, and one Ctrl+Z takes the whole import back. */
static void
test_import_people_undo (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "mensen.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GListModel *people = vonk_project_get_list (fixture->demo, VONK_TYPE_PERSON);
  guint n_people = g_list_model_get_n_items (people);
  GtkStack *view_stack = child (fixture->window, VONK_TYPE_WINDOW, "view_stack");
  GtkWidget *view;
  GtkWidget *people_view;
  GtkWidget *dialog;
  GtkStack *dialog_stack;

  /* the People page, sorted by name: the newcomers come first */
  gtk_stack_set_visible_child_name (view_stack, "organisation");
  view = gtk_stack_get_visible_child (view_stack);
  adw_view_stack_set_visible_child_name (child (view, VONK_TYPE_ORGANISATION_VIEW, "stack"),
                                         "people");
  people_view = child (view, VONK_TYPE_ORGANISATION_VIEW, "people_view");

  g_assert_true (g_file_set_contents (path, "Naam;E-mail\n"
                                            "Aafke Aalbers;aafke@zilverberg.nl\n"
                                            "Aart Aalders;aart@zilverberg.nl\n", -1, NULL));
  dialog = vonk_csv_import_dialog_new (GTK_WINDOW (fixture->window), fixture->demo, file);
  dialog_stack = child (dialog, VONK_TYPE_CSV_IMPORT_DIALOG, "stack");
  gtk_window_present (GTK_WINDOW (dialog));
  WAIT_UNTIL (g_strcmp0 (gtk_stack_get_visible_child_name (dialog_stack), "preview") == 0);

  g_signal_emit_by_name (vonk_test_find_button (dialog, "csv-import.import"), "clicked");
  /* the click returns at once: the work is in a thread, its progress shows */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (dialog_stack), ==, "importing");
  g_assert_true (gtk_widget_get_mapped (child (dialog, VONK_TYPE_CSV_IMPORT_DIALOG,
                                               "import_progress")));
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, n_people);
  WAIT_UNTIL (vonk_test_has_label (dialog, "People Imported"));
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, n_people + 2);
  g_assert_cmpint (vonk_test_count_rows (fixture->path, "person"), ==, n_people + 2);

  g_signal_emit_by_name (vonk_test_find_labelled_button (dialog, "_Close"), "clicked");
  WAIT_UNTIL (vonk_test_find_window (VONK_TYPE_CSV_IMPORT_DIALOG) == NULL);
  WAIT_UNTIL (vonk_test_has_label (people_view, "Aafke Aalbers") &&
              vonk_test_has_label (people_view, "Aart Aalders"));

  vonk_test_press_shortcut (GTK_WIDGET (fixture->window), "<Control>z");
  g_assert_false (has_person (fixture->demo, "Aafke Aalbers"));
  g_assert_false (has_person (fixture->demo, "Aart Aalders"));
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, n_people);
  g_assert_cmpint (vonk_test_count_rows (fixture->path, "person"), ==, n_people);
  WAIT_UNTIL (vonk_test_has_label (fixture->overlay, "Undone: People imported"));
  WAIT_UNTIL (!vonk_test_has_label (people_view, "Aafke Aalbers") &&
              !vonk_test_has_label (people_view, "Aart Aalders"));
}

static GtkWidget *
find_print_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_PRINT_UNIX_DIALOG (toplevel) && gtk_widget_get_visible (toplevel))
        return toplevel;
    }

  return NULL;
}

static gboolean
print_to_file_chosen (GtkWidget *dialog)
{
  GtkPrinter *printer = gtk_print_unix_dialog_get_selected_printer (GTK_PRINT_UNIX_DIALOG (dialog));

  return printer != NULL && gtk_printer_is_virtual (printer) &&
         gtk_printer_accepts_pdf (printer);
}

/* Whether @path holds a PDF up to its end-of-file mark; if so, reads it. */
static gboolean
read_whole_pdf (const char  *path,
                char       **pdf,
                gsize       *length)
{
  g_free (*pdf);
  *pdf = NULL;
  return g_file_get_contents (path, pdf, length, NULL) && *length > 16 &&
         g_strstr_len (*pdf + *length - 16, 16, "%%EOF") != NULL;
}

/* Ctrl+P: the print dialog, then the pages made while the window goes on,
 * the progress in the window; "Print to File" writes them all. */
static void
test_print_dialog (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "printed.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autoptr(VonkReport) report = vonk_report_new_plan (fixture->demo, NULL, 75,
                                                       VONK_REPORT_FLAGS_NONE);
  g_autofree char *printed = g_strdup_printf ("Printed “%s”", vonk_report_get_title (report));
  GtkProgressBar *progress = child (fixture->window, VONK_TYPE_WINDOW, "task_progress");
  GtkLabel *task_label = child (fixture->window, VONK_TYPE_WINDOW, "task_label");
  g_autofree char *pdf = NULL;
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  GtkWidget *dialog;
  gsize length;
  guint n_pages = 0;
  guint a4_pages;

  /* the pages the report has on A4, the paper the print dialog starts with */
  vonk_report_prepare_context (context);
  vonk_report_paginate (report, context, VONK_REPORT_A4_WIDTH, VONK_REPORT_A4_HEIGHT);
  a4_pages = vonk_report_get_n_pages (report);
  g_object_unref (context);
  g_assert_cmpuint (a4_pages, >, 1);

  vonk_test_press_shortcut (GTK_WIDGET (fixture->window), "<Control>p");
  /* the report is prepared in a worker first, the window showing it */
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (fixture->revealer)));
  g_assert_cmpstr (gtk_label_get_text (task_label), ==, "Preparing the report…");
  g_assert_null (find_print_dialog ());
  WAIT_UNTIL ((dialog = find_print_dialog ()) != NULL);
  g_assert_cmpstr (gtk_label_get_text (task_label), ==, "Printing the plan report…");

  gtk_print_settings_set_printer (settings, "Print to File");
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  gtk_print_unix_dialog_set_settings (GTK_PRINT_UNIX_DIALOG (dialog), settings);
  WAIT_UNTIL (print_to_file_chosen (dialog));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);

  WAIT_UNTIL (vonk_test_has_label (fixture->overlay, printed));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (fixture->revealer)));
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (progress), ==, 1.0);

  /* the print system has the pages; its file backend writes them on from
   * the main loop, to the end of the PDF's trailer */
  WAIT_UNTIL (read_whole_pdf (path, &pdf, &length));
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  for (const char *p = pdf; (p = memmem (p, pdf + length - p, "/Type /Page", 11)) != NULL; p += 11)
    if (p + 11 < pdf + length && p[11] != 's')
      n_pages++;
  g_assert_cmpuint (n_pages, ==, a4_pages);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names of the files in @dir, sorted, joined by spaces. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* The button under @widget labelled @label, mapped or not. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (c) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (c)), label) == 0)
        return c;
      if ((found = find_button (c, label)) != NULL)
        return found;
    }

  return NULL;
}

/* Cancel while the report is being prepared: no print dialog comes, no
 * file is written, and Print works again. */
static void
test_print_cancel_preparing (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkLabel *task_label = child (fixture->window, VONK_TYPE_WINDOW, "task_label");
  GtkWidget *cancel;
  g_autofree char *files = list_dir (fixture->dir);
  g_autofree char *files_after = NULL;
  GtkWidget *dialog;

  vonk_test_press_shortcut (GTK_WIDGET (fixture->window), "<Control>p");
  g_assert_cmpstr (gtk_label_get_text (task_label), ==, "Preparing the report…");
  /* the strip is still sliding in: its button is not yet mapped */
  cancel = find_button (fixture->revealer, "_Cancel");
  g_assert_nonnull (cancel);
  g_assert_true (gtk_widget_is_sensitive (cancel));
  /* before the worker's report reaches the main loop */
  g_signal_emit_by_name (cancel, "clicked");
  WAIT_UNTIL (!gtk_revealer_get_reveal_child (GTK_REVEALER (fixture->revealer)));

  /* the worker may still finish: its report is dropped */
  g_assert_null (find_print_dialog ());
  files_after = list_dir (fixture->dir);
  g_assert_cmpstr (files_after, ==, files);
  g_assert_false (vonk_test_has_label (fixture->overlay, "Wait until the current export or "
                                                         "import is done"));

  vonk_test_press_shortcut (GTK_WIDGET (fixture->window), "<Control>p");
  WAIT_UNTIL ((dialog = find_print_dialog ()) != NULL);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  WAIT_UNTIL (!gtk_revealer_get_reveal_child (GTK_REVEALER (fixture->revealer)));
  g_assert_null (find_print_dialog ());
}

/* A database that cannot be read any more when Print is chosen: the
 * window says why, and no print dialog opens. */
static void
test_print_prepare_fails (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *moved = g_strconcat (fixture->path, ".moved", NULL);
  g_autofree char *message = NULL;

  /* the window's connection goes on with the file it has open */
  g_assert_cmpint (g_rename (fixture->path, moved), ==, 0);
  g_assert_cmpint (g_mkdir (fixture->path, 0700), ==, 0);
  message = g_strdup_printf ("Could not prepare the report: “%s” is a folder, not a database",
                             fixture->path);

  vonk_test_press_shortcut (GTK_WIDGET (fixture->window), "<Control>p");
  WAIT_UNTIL (vonk_test_has_label (fixture->overlay, message));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (fixture->revealer)));
  g_assert_null (find_print_dialog ());
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
  ADD ("/exchange-gui/import-people-undo", test_import_people_undo);
  ADD ("/exchange-gui/print-dialog", test_print_dialog);
  ADD ("/exchange-gui/print-cancel-preparing", test_print_cancel_preparing);
  ADD ("/exchange-gui/print-prepare-fails", test_print_prepare_fails);

  return g_test_run ();
}
