/* vonk-stall-bench.c — whether the window freezes during a long action
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   vonk-stall-bench --database=FILE --project=ID [--view=NAME] ACTION…
 *
 * Opens the project in a real window, on the Overview and then on NAME
 * (the People page of "organisation" unless told otherwise), so that the
 * views follow the project's lists as they do for a user, and then does
 * each ACTION in turn:
 *
 *   --import-csv=FILE        the Import People dialog on FILE, then Import
 *   --undo                   Undo, as Ctrl+Z
 *   --delete-department=ID   deletes that department (its people stay)
 *   --invite=SESSION:DEPT    invites the people of department DEPT to
 *                            session SESSION
 *   --print-pdf=FILE         prints the plan report to FILE, as the print
 *                            dialog's "Print to File" does
 *
 * Per action it prints one line: its name, the wall time in milliseconds
 * until it was done, and the longest the main loop went without running
 * ("stall"): a window freezes for that long. A 5 ms timer measures it.
 * The main thread's CPU time for the action follows, which the load of a
 * shared machine changes less.
 */

#include "config.h"

#include <stdlib.h>

#include "vonk-bench-utils.h"
#include "vonk-csv-import-dialog.h"
#include "vonk-exchange.h"
#include "vonk-print.h"
#include "vonk-report.h"
#include "vonk-window.h"

static gint64 last_tick;
static gint64 longest_gap;
static gint64 cpu_start;

static gboolean
tick_cb (gpointer data)
{
  gint64 now = g_get_monotonic_time ();

  longest_gap = MAX (longest_gap, now - last_tick);
  if (g_getenv ("STALL_TRACE") != NULL && now - last_tick > 50000)
    g_printerr ("  gap %.0f ms ending at %.3f s\n", (now - last_tick) / 1000.0, now / 1e6);
  last_tick = now;
  return G_SOURCE_CONTINUE;
}

static void
start_watch (void)
{
  last_tick = g_get_monotonic_time ();
  longest_gap = 0;
  cpu_start = vonk_bench_thread_cpu_time ();
}

static void
say (const char *action,
     gint64      start)
{
  gint64 now = g_get_monotonic_time ();

  longest_gap = MAX (longest_gap, now - last_tick);
  g_print ("%s wall %.0f ms, stall %.0f ms, main-thread CPU %.0f ms\n", action,
           (now - start) / 1000.0, longest_gap / 1000.0,
           (vonk_bench_thread_cpu_time () - cpu_start) / 1000.0);
}

#define SPIN_UNTIL(cond) G_STMT_START { \
    while (!(cond)) \
      g_main_context_iteration (NULL, TRUE); \
  } G_STMT_END

static gboolean done;

static void
imported_cb (void)
{
  done = TRUE;
}

static void
import_csv (VonkWindow *window,
            const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  GtkWidget *dialog;
  GtkStack *stack;
  gint64 start;

  dialog = vonk_csv_import_dialog_new (GTK_WINDOW (window), vonk_window_get_project (window),
                                       file);
  stack = GTK_STACK (gtk_widget_get_template_child (dialog, VONK_TYPE_CSV_IMPORT_DIALOG,
                                                   "stack"));
  g_signal_connect_swapped (dialog, "imported", G_CALLBACK (imported_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));

  start_watch ();
  start = g_get_monotonic_time ();
  SPIN_UNTIL (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "reading") != 0);
  say ("read-csv", start);

  done = FALSE;
  start_watch ();
  start = g_get_monotonic_time ();
  gtk_widget_activate_action (dialog, "csv-import.import", NULL);
  SPIN_UNTIL (done || g_strcmp0 (gtk_stack_get_visible_child_name (stack), "preview") == 0);
  say ("import-csv", start);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
undo (VonkWindow *window)
{
  VonkHistory *history = vonk_project_get_history (vonk_window_get_project (window));
  guint n_undo = 0;
  gint64 start;

  start_watch ();
  start = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  /* an undo that runs in the background ends when Redo becomes possible */
  SPIN_UNTIL (vonk_history_can_redo (history) || ++n_undo > 100000);
  /* and until the lists have told the views everything */
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  say ("undo", start);
}

static void
delete_department (VonkWindow *window,
                   gint64      id)
{
  VonkProject *project = vonk_window_get_project (window);
  VonkEntity *department = vonk_project_lookup (project, VONK_TYPE_DEPARTMENT, id);
  g_autoptr(GError) error = NULL;
  gint64 start;

  if (department == NULL)
    {
      g_printerr ("vonk-stall-bench: no department %" G_GINT64_FORMAT "\n", id);
      return;
    }

  start_watch ();
  start = g_get_monotonic_time ();
  if (!vonk_project_remove (project, department, &error))
    g_printerr ("vonk-stall-bench: %s\n", error->message);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  say ("delete-department", start);
}

static void
invite (VonkWindow *window,
        const char *value)
{
  VonkProject *project = vonk_window_get_project (window);
  g_auto(GStrv) ids = g_strsplit (value, ":", 2);
  VonkEntity *session = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  if (g_strv_length (ids) == 2)
    session = vonk_project_lookup (project, VONK_TYPE_SESSION, g_ascii_strtoll (ids[0], NULL, 10));
  if (session == NULL)
    {
      g_printerr ("vonk-stall-bench: no session in “%s”\n", value);
      return;
    }

  start_watch ();
  start = g_get_monotonic_time ();
  people = vonk_sessions_find_people (project, g_ascii_strtoll (ids[1], NULL, 10), 0,
                                      VONK_SESSIONS_ANY_ROLE);
  if (!vonk_sessions_invite (project, VONK_SESSION (session), people, &error))
    g_printerr ("vonk-stall-bench: %s\n", error->message);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  say ("invite", start);
}

static void
printed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!vonk_print_run_finish (result, &error))
    g_printerr ("vonk-stall-bench: %s\n", error->message);
  done = TRUE;
}

static void
print_pdf (VonkWindow *window,
           const char *path)
{
  g_autoptr(VonkReport) report = NULL;
  gint64 start;

  start_watch ();
  start = g_get_monotonic_time ();
  report = vonk_report_new_plan (vonk_window_get_project (window), NULL, 75,
                                 VONK_REPORT_FLAGS_NONE);
  say ("build-report", start);

  done = FALSE;
  start_watch ();
  start = g_get_monotonic_time ();
  vonk_print_run_async (GTK_WINDOW (window), report, GTK_PRINT_OPERATION_ACTION_EXPORT, path,
                        NULL, NULL, NULL, printed_cb, NULL);
  SPIN_UNTIL (done);
  say ("print-pdf", start);
}

static gboolean
note_action (const char  *name,
             const char  *value,
             gpointer     data,
             GError     **error)
{
  GPtrArray *actions = data;

  g_ptr_array_add (actions, g_strdup (name));
  g_ptr_array_add (actions, g_strdup (value != NULL ? value : ""));
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("ACTION…");
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(VonkStore) store = NULL;
  g_autofree char *database = NULL;
  g_autofree char *view_name = NULL;
  gint64 project_id = 0;
  VonkProject *project;
  VonkWindow *window;
  GtkStack *view_stack;
  GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database, "The database", "FILE" },
    { "project", 0, 0, G_OPTION_ARG_INT64, &project_id, "The project to open", "ID" },
    { "view", 0, 0, G_OPTION_ARG_STRING, &view_name, "The view to show (organisation)", "NAME" },
    { "import-csv", 0, 0, G_OPTION_ARG_CALLBACK, note_action, "Import people", "FILE" },
    { "undo", 0, G_OPTION_FLAG_NO_ARG, G_OPTION_ARG_CALLBACK, note_action, "Undo", NULL },
    { "delete-department", 0, 0, G_OPTION_ARG_CALLBACK, note_action, "Delete a department",
      "ID" },
    { "print-pdf", 0, 0, G_OPTION_ARG_CALLBACK, note_action, "Print the plan report to a PDF",
      "FILE" },
    { "invite", 0, 0, G_OPTION_ARG_CALLBACK, note_action, "Invite a department to a session",
      "SESSION:DEPT" },
    { NULL }
  };
  GOptionGroup *group = g_option_group_new (NULL, NULL, NULL, actions, NULL);

  g_option_group_add_entries (group, entries);
  g_option_context_set_main_group (context, group);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("vonk-stall-bench: %s\n", error->message);
      return EXIT_FAILURE;
    }
  if (database == NULL || project_id == 0)
    {
      g_printerr ("vonk-stall-bench: --database=FILE and --project=ID are needed\n");
      return EXIT_FAILURE;
    }

  gtk_init ();
  adw_init ();

  project = vonk_bench_load_project ("vonk-stall-bench", database, project_id, &store);
  if (project == NULL)
    return EXIT_FAILURE;

  window = vonk_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  vonk_window_open_project (window, project);
  gtk_window_present (GTK_WINDOW (window));
  SPIN_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));

  view_stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), VONK_TYPE_WINDOW,
                                                         "view_stack"));
  gtk_stack_set_visible_child_name (view_stack, view_name != NULL ? view_name : "organisation");
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  /* the attendance read ahead comes in first: when it does, the views
   * take it in, which is opening the project, not the actions measured */
  SPIN_UNTIL (vonk_project_is_complete (project));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  g_timeout_add (5, tick_cb, NULL);

  for (guint i = 0; i < actions->len; i += 2)
    {
      const char *name = g_ptr_array_index (actions, i);
      const char *value = g_ptr_array_index (actions, i + 1);

      if (g_str_equal (name, "--import-csv"))
        import_csv (window, value);
      else if (g_str_equal (name, "--undo"))
        undo (window);
      else if (g_str_equal (name, "--delete-department"))
        delete_department (window, g_ascii_strtoll (value, NULL, 10));
      else if (g_str_equal (name, "--print-pdf"))
        print_pdf (window, value);
      else if (g_str_equal (name, "--invite"))
        invite (window, value);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  return EXIT_SUCCESS;
}
