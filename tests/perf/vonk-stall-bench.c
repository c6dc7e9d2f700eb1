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
 *   --redo                   Redo, as Ctrl+Shift+Z
 *   --delete-department=ID   deletes that department (its people stay)
 *   --invite=SESSION:DEPT    invites the people of department DEPT to
 *                            session SESSION
 *   --print-pdf=FILE         prints the plan report through the print
 *                            dialog's "Print to File" to FILE: first
 *                            "print-dialog", from the Print action until
 *                            the dialog is mapped, then "print-pdf", from
 *                            the dialog's Print button
 *   --export-ics=FILE        exports the sessions to a calendar file FILE
 *   --show-view=NAME         switches to view NAME (as the sidebar does);
 *                            done when the window has painted it, the stall
 *                            also counts the second after that
 *   --resort-countermeasures on the Countermeasures view, filled in, sorts
 *                            by title the other way; done when all its rows
 *                            are back and painted
 *   --refilter-stories       on the Success Stories view, chooses one
 *                            department, then all; each done when its rows
 *                            are all there and painted
 *   --refilter-countermeasures  the same with a barrier on the
 *                            Countermeasures view
 *   --select-session=ID      selects that session in the Sessions view, with
 *                            the attendance page of its detail open, and
 *                            waits for the frame that shows all its people
 *   --show-champions-page=NAME  on the Champions view, its first page
 *                            counted, switches to page NAME as the page
 *                            switcher does: "quiet" (the Champions page with
 *                            those gone quiet), "role-models" or "links";
 *                            done when its figures are in and painted, the
 *                            stall also counts the second after that
 *
 * Per action it prints one line: its name, the wall time in milliseconds
 * until it was done, and the longest the main loop went without running
 * ("stall"): a window freezes for that long. A 5 ms timer measures it.
 * The same in the main thread's CPU time follows, the longest stall and
 * the whole action, which other programs on a shared machine do not
 * stretch.
 *
 * With --open, opening the project comes first, as the window does it:
 * "open" until it shows the project, "open-complete" until the lists read
 * ahead are in (both from the start, and the second after that), and
 * then the stall from the project showing on, by itself.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <gtk/gtkunixprint.h>
#include <pango/pangocairo.h>

#include "vonk-bench-utils.h"
#include "vonk-champions-view.h"
#include "vonk-countermeasures-view.h"
#include "vonk-csv-import-dialog.h"
#include "vonk-exchange.h"
#include "vonk-filter-model.h"
#include "vonk-organisation-view.h"
#include "vonk-print.h"
#include "vonk-report.h"
#include "vonk-sessions-view.h"
#include "vonk-stories-view.h"
#include "vonk-window.h"

static gint64 last_tick;
static gint64 longest_gap;
static gint64 cpu_start;
static gint64 last_tick_cpu;
static gint64 longest_cpu_gap;
/* the same since mark_watch() */
static gint64 marked_gap;
static gint64 marked_cpu_gap;

static gboolean
tick_cb (gpointer data)
{
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = vonk_bench_thread_cpu_time ();

  longest_gap = MAX (longest_gap, now - last_tick);
  longest_cpu_gap = MAX (longest_cpu_gap, cpu - last_tick_cpu);
  marked_gap = MAX (marked_gap, now - last_tick);
  marked_cpu_gap = MAX (marked_cpu_gap, cpu - last_tick_cpu);
  last_tick_cpu = cpu;
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
  cpu_start = last_tick_cpu = vonk_bench_thread_cpu_time ();
  longest_cpu_gap = 0;
  marked_gap = marked_cpu_gap = 0;
}

/* From now on, as well as since start_watch(). */
static void
mark_watch (void)
{
  marked_gap = marked_cpu_gap = 0;
}

static void
say (const char *action,
     gint64      start)
{
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = vonk_bench_thread_cpu_time ();

  longest_gap = MAX (longest_gap, now - last_tick);
  longest_cpu_gap = MAX (longest_cpu_gap, cpu - last_tick_cpu);
  if (g_getenv ("STALL_TRACE") != NULL)
    g_printerr ("  %s from %.3f to %.3f s\n", action, start / 1e6, now / 1e6);
  g_print ("%s wall %.0f ms, stall %.0f ms (main-thread CPU: stall %.0f ms, all %.0f ms)\n",
           action, (now - start) / 1000.0, longest_gap / 1000.0, longest_cpu_gap / 1000.0,
           (cpu - cpu_start) / 1000.0);
}

#define SPIN_UNTIL(cond) G_STMT_START { \
    while (!(cond)) \
      g_main_context_iteration (NULL, TRUE); \
  } G_STMT_END

static gboolean done;

static void
count_paint_cb (GdkFrameClock *clock,
                guint         *paints);

/* Waits until the People page has sorted and filtered what changed and
 * the window has painted it: the views take in an import in slices, and
 * the window must not freeze in those either. */
static void
settle (VonkWindow *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  GtkStack *view_stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                   VONK_TYPE_WINDOW,
                                                                   "view_stack"));
  GtkWidget *view = gtk_stack_get_child_by_name (view_stack, "organisation");
  GtkSortListModel *sorted = GTK_SORT_LIST_MODEL (
    gtk_widget_get_template_child (view, VONK_TYPE_ORGANISATION_VIEW, "people_sort_model"));
  VonkFilterModel *filtered = VONK_FILTER_MODEL (
    gtk_widget_get_template_child (view, VONK_TYPE_ORGANISATION_VIEW, "people_filter_model"));
  guint paints = 0;
  gulong handler;

  SPIN_UNTIL (gtk_sort_list_model_get_pending (sorted) == 0 &&
              vonk_filter_model_get_pending (filtered) == 0);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (count_paint_cb), &paints);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  SPIN_UNTIL (paints > 0);
  g_signal_handler_disconnect (clock, handler);
}

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
  /* and until the views have taken in what changed: the sorts and
   * filters in slices done, the window painted */
  settle (window);
  say ("import-csv", start);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
replay (VonkWindow *window,
        gboolean    redo)
{
  VonkHistory *history = vonk_project_get_history (vonk_window_get_project (window));
  guint n_undo = 0;
  gint64 start;

  start_watch ();
  start = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (window), redo ? "win.redo" : "win.undo", NULL);
  /* an undo that runs in the background ends when the history is free */
  SPIN_UNTIL (!vonk_history_is_busy (history) || ++n_undo > 100000);
  /* and until the lists have told the views everything */
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  say (redo ? "redo" : "undo", start);
}

static void
export_ics (VonkWindow *window,
            const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  gint64 start;

  g_unlink (path);
  start_watch ();
  start = g_get_monotonic_time ();
  vonk_exchange_export_calendar (window, file, FALSE);
  /* the file appears when it is complete */
  SPIN_UNTIL (g_file_test (path, G_FILE_TEST_EXISTS));
  say ("export-ics", start);
}

static void
count_paint_cb (GdkFrameClock *clock,
                guint         *paints)
{
  (*paints)++;
}

static gboolean
time_up_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
show_view (VonkWindow *window,
           const char *name)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_autofree char *label = g_strdup_printf ("show-view %s", name);
  gboolean time_up = FALSE;
  guint paints = 0;
  gulong handler;
  gint64 start;

  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (count_paint_cb), &paints);
  start_watch ();
  start = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", name);
  SPIN_UNTIL (paints > 0);
  g_signal_handler_disconnect (clock, handler);
  say (label, start);
  if (g_getenv ("STALL_TRACE") != NULL)
    g_printerr ("  %s from %.3f s\n", label, start / 1e6);

  /* what the view goes on computing after its first frame */
  g_timeout_add_seconds (1, time_up_cb, &time_up);
  SPIN_UNTIL (time_up);
  /* the main thread's CPU time, less noisy than the stall on a busy machine */
  g_print ("  stall within a second after: %.0f ms (main thread CPU %.0f ms)\n",
           longest_gap / 1000.0, (vonk_bench_thread_cpu_time () - cpu_start) / 1000.0);
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

  return printer != NULL && gtk_printer_is_virtual (printer) && gtk_printer_accepts_pdf (printer);
}

/* Whether @path ends in the PDF's end-of-file mark: the file backend has
 * written it all. Reads only its last bytes. */
static gboolean
pdf_complete (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  char tail[17] = { 0 };

  if (stream == NULL ||
      !g_seekable_seek (G_SEEKABLE (stream), -16, G_SEEK_END, NULL, NULL) ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), tail, 16, NULL, NULL, NULL))
    return FALSE;
  return strstr (tail, "%%EOF") != NULL;
}

/* The number of pages in the PDF at @path. */
static guint
count_pdf_pages (const char *path)
{
  g_autofree char *pdf = NULL;
  gsize length;
  guint n_pages = 0;

  if (!g_file_get_contents (path, &pdf, &length, NULL))
    return 0;
  for (const char *p = pdf; (p = memmem (p, pdf + length - p, "/Type /Page", 11)) != NULL; p += 11)
    if (p + 11 < pdf + length && p[11] != 's')
      n_pages++;
  return n_pages;
}

/* As the user prints: Print in the window, "Print to File" in the print
 * dialog, Print; done when the window's task has ended and the PDF is
 * whole. The stall counts from the dialog's Print button. */
static void
print_pdf (VonkWindow *window,
           const char *path)
{
  g_autoptr(VonkReport) report = NULL;
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  g_autofree char *uri = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  GtkRevealer *revealer = GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                      VONK_TYPE_WINDOW,
                                                                      "task_revealer"));
  PangoContext *context;
  GtkWidget *dialog;
  gint64 start, cpu;
  guint a4_pages;

  start_watch ();
  start = g_get_monotonic_time ();
  cpu = vonk_bench_thread_cpu_time ();
  report = vonk_report_new_plan (vonk_window_get_project (window), NULL, 75,
                                 VONK_REPORT_FLAGS_NONE);
  cpu = vonk_bench_thread_cpu_time () - cpu;
  say ("build-report", start);
  g_print ("build-report cpu %.0f ms\n", cpu / 1000.0);

  /* the pages to expect: A4, as the print dialog starts with */
  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  vonk_report_prepare_context (context);
  vonk_report_paginate (report, context, VONK_REPORT_A4_WIDTH, VONK_REPORT_A4_HEIGHT);
  a4_pages = vonk_report_get_n_pages (report);
  g_object_unref (context);

  g_file_delete (file, NULL, NULL);
  start_watch ();
  start = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.print-report", NULL);
  /* the report is prepared in a worker first: the window's freeze is
   * what GTK takes to make the dialog */
  SPIN_UNTIL ((dialog = find_print_dialog ()) != NULL && gtk_widget_get_mapped (dialog));
  say ("print-dialog", start);
  if (g_getenv ("STALL_TRACE") != NULL)
    g_printerr ("  print-dialog from %.3f to %.3f s\n", start / 1e6, g_get_monotonic_time () / 1e6);

  uri = g_file_get_uri (file);
  gtk_print_settings_set_printer (settings, g_dgettext ("gtk40", "Print to File"));
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  gtk_print_unix_dialog_set_settings (GTK_PRINT_UNIX_DIALOG (dialog), settings);
  SPIN_UNTIL (print_to_file_chosen (dialog));

  start_watch ();
  start = g_get_monotonic_time ();
  cpu = vonk_bench_thread_cpu_time ();
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  SPIN_UNTIL (!gtk_revealer_get_reveal_child (revealer));
  SPIN_UNTIL (pdf_complete (path));
  cpu = vonk_bench_thread_cpu_time () - cpu;
  say ("print-pdf", start);
  g_print ("print-pdf cpu %.0f ms\n", cpu / 1000.0);

  if (count_pdf_pages (path) != a4_pages)
    g_printerr ("vonk-stall-bench: %s has %u pages, not %u\n", path, count_pdf_pages (path),
                a4_pages);
  else
    g_print ("print-pdf pages %u\n", a4_pages);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  done = TRUE;
}

static void
select_session (VonkWindow *window,
                gint64      id)
{
  VonkEntity *session = vonk_project_lookup (vonk_window_get_project (window),
                                             VONK_TYPE_SESSION, id);
  GtkStack *view_stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                   VONK_TYPE_WINDOW,
                                                                   "view_stack"));
  GtkWidget *view = gtk_stack_get_child_by_name (view_stack, "sessions");
  GtkStack *detail_pages = GTK_STACK (gtk_widget_get_template_child (view,
                                                                     VONK_TYPE_SESSIONS_VIEW,
                                                                     "detail_pages"));
  GListModel *listed = G_LIST_MODEL (gtk_widget_get_template_child (view,
                                                                    VONK_TYPE_SESSIONS_VIEW,
                                                                    "attendance_sort_model"));
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_autoptr(GPtrArray) rows = NULL;
  gulong handler;
  guint n_rows;
  gint64 start;

  if (session == NULL)
    {
      g_printerr ("vonk-stall-bench: no session %" G_GINT64_FORMAT "\n", id);
      return;
    }

  /* the attendance as the window's read-ahead leaves it: loaded */
  g_list_model_get_n_items (vonk_project_get_list (vonk_window_get_project (window),
                                                   VONK_TYPE_ATTENDANCE));
  /* the page stays open from one session to the next, as for a user */
  gtk_stack_set_visible_child_name (detail_pages, "attendance");
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  rows = vonk_sessions_attendance (vonk_window_get_project (window), VONK_SESSION (session));
  n_rows = rows->len;
  start_watch ();
  start = g_get_monotonic_time ();
  vonk_sessions_view_select (VONK_SESSIONS_VIEW (view), VONK_SESSION (session));
  /* shown: the first frame painted once all its people are listed */
  SPIN_UNTIL (g_list_model_get_n_items (listed) == n_rows);
  done = FALSE;
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  SPIN_UNTIL (done);
  g_signal_handler_disconnect (clock, handler);
  say ("select-session", start);
}

/* Shows view @name and waits until its list has filled in. */
static GtkWidget *
show_filled_view (VonkWindow *window,
                  const char *name,
                  GType       type)
{
  GtkStack *view_stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                   VONK_TYPE_WINDOW,
                                                                   "view_stack"));
  GtkWidget *view = gtk_stack_get_child_by_name (view_stack, name);
  GtkSliceListModel *slice = GTK_SLICE_LIST_MODEL (gtk_widget_get_template_child (view, type,
                                                                                  "slice"));
  gboolean time_up = FALSE;

  gtk_stack_set_visible_child_name (view_stack, name);
  SPIN_UNTIL (gtk_slice_list_model_get_size (slice) == G_MAXUINT);
  g_timeout_add_seconds (1, time_up_cb, &time_up);
  SPIN_UNTIL (time_up);
  return view;
}

/* Until @view's list has filled in again and the window has painted it. */
static void
wait_refilled (VonkWindow *window,
               GtkWidget  *view,
               GType       type)
{
  GtkSliceListModel *slice = GTK_SLICE_LIST_MODEL (gtk_widget_get_template_child (view, type,
                                                                                  "slice"));
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gulong handler;

  SPIN_UNTIL (gtk_slice_list_model_get_size (slice) == G_MAXUINT);
  done = FALSE;
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  SPIN_UNTIL (done);
  g_signal_handler_disconnect (clock, handler);
}

static void
resort_countermeasures (VonkWindow *window)
{
  GtkWidget *view = show_filled_view (window, "countermeasures",
                                      VONK_TYPE_COUNTERMEASURES_VIEW);
  GtkColumnView *columns = GTK_COLUMN_VIEW (gtk_widget_get_template_child (view,
                                                                          VONK_TYPE_COUNTERMEASURES_VIEW,
                                                                          "view"));
  g_autoptr(GtkColumnViewColumn) title = g_list_model_get_item (gtk_column_view_get_columns (columns),
                                                                0);
  gint64 start;

  start_watch ();
  start = g_get_monotonic_time ();
  gtk_column_view_sort_by_column (columns, title, GTK_SORT_DESCENDING);
  wait_refilled (window, view, VONK_TYPE_COUNTERMEASURES_VIEW);
  say ("resort-countermeasures", start);
}

/* Chooses @choice in @dropdown of @view, timed as @label. */
static void
choose_timed (VonkWindow  *window,
              GtkWidget   *view,
              GType        type,
              GtkDropDown *dropdown,
              guint        choice,
              const char  *label)
{
  gboolean time_up = FALSE;
  gint64 start;

  start_watch ();
  start = g_get_monotonic_time ();
  gtk_drop_down_set_selected (dropdown, choice);
  wait_refilled (window, view, type);
  say (label, start);

  g_timeout_add_seconds (1, time_up_cb, &time_up);
  SPIN_UNTIL (time_up);
}

static void
refilter_stories (VonkWindow *window)
{
  GtkWidget *view = show_filled_view (window, "stories", VONK_TYPE_STORIES_VIEW);
  GtkDropDown *departments = GTK_DROP_DOWN (gtk_widget_get_template_child (view,
                                                                          VONK_TYPE_STORIES_VIEW,
                                                                          "department_dropdown"));

  choose_timed (window, view, VONK_TYPE_STORIES_VIEW, departments, 1, "stories-one-department");
  choose_timed (window, view, VONK_TYPE_STORIES_VIEW, departments, 0, "stories-all-departments");
}

static void
refilter_countermeasures (VonkWindow *window)
{
  GtkWidget *view = show_filled_view (window, "countermeasures",
                                      VONK_TYPE_COUNTERMEASURES_VIEW);
  GtkDropDown *barriers = GTK_DROP_DOWN (gtk_widget_get_template_child (view,
                                                                       VONK_TYPE_COUNTERMEASURES_VIEW,
                                                                       "barrier_dropdown"));

  choose_timed (window, view, VONK_TYPE_COUNTERMEASURES_VIEW, barriers, 1,
                "countermeasures-one-barrier");
  choose_timed (window, view, VONK_TYPE_COUNTERMEASURES_VIEW, barriers, 0,
                "countermeasures-all-barriers");
}

/* The Champions view, its first page counted and a second after; then
 * page @name (the page of the champions for "quiet"), until its figures
 * are in and the window has painted them. */
static void
show_champions_page (VonkWindow *window,
                     const char *name)
{
  GtkStack *view_stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window),
                                                                   VONK_TYPE_WINDOW,
                                                                   "view_stack"));
  GtkWidget *view = gtk_stack_get_child_by_name (view_stack, "champions");
  AdwViewStack *pages = ADW_VIEW_STACK (gtk_widget_get_template_child (view,
                                                                       VONK_TYPE_CHAMPIONS_VIEW,
                                                                       "stack"));
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_autofree char *label = g_strdup_printf ("show-champions-page %s", name);
  const char *page = g_str_equal (name, "quiet") ? "champions" : name;
  gboolean time_up = FALSE;
  gulong handler;
  gint64 start;

  if (adw_view_stack_get_child_by_name (pages, page) == NULL)
    {
      g_printerr ("vonk-stall-bench: no page “%s” on the Champions view\n", name);
      return;
    }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "champions");
  adw_view_stack_set_visible_child_name (pages, "coverage");
  SPIN_UNTIL (!vonk_champions_view_is_computing (VONK_CHAMPIONS_VIEW (view)));
  g_timeout_add_seconds (1, time_up_cb, &time_up);
  SPIN_UNTIL (time_up);

  start_watch ();
  start = g_get_monotonic_time ();
  adw_view_stack_set_visible_child_name (pages, page);
  SPIN_UNTIL (!vonk_champions_view_is_computing (VONK_CHAMPIONS_VIEW (view)));
  done = FALSE;
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  SPIN_UNTIL (done);
  g_signal_handler_disconnect (clock, handler);
  say (label, start);

  /* the lists on the page fill in over the frames after */
  time_up = FALSE;
  g_timeout_add_seconds (1, time_up_cb, &time_up);
  SPIN_UNTIL (time_up);
  g_print ("  stall within a second after: %.0f ms (main thread CPU %.0f ms)\n",
           longest_gap / 1000.0, (vonk_bench_thread_cpu_time () - cpu_start) / 1000.0);
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
  gboolean open_in_window = FALSE;
  gint64 open_start = 0;
  VonkProject *project;
  VonkWindow *window;
  GtkStack *view_stack;
  GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database, "The database", "FILE" },
    { "project", 0, 0, G_OPTION_ARG_INT64, &project_id, "The project to open", "ID" },
    { "view", 0, 0, G_OPTION_ARG_STRING, &view_name, "The view to show (organisation)", "NAME" },
    { "open", 0, 0, G_OPTION_ARG_NONE, &open_in_window,
      "Measure opening the project as the window does, until it is complete and a second after",
      NULL },
    { "import-csv", 0, 0, G_OPTION_ARG_CALLBACK, note_action, "Import people", "FILE" },
    { "undo", 0, G_OPTION_FLAG_NO_ARG, G_OPTION_ARG_CALLBACK, note_action, "Undo", NULL },
    { "redo", 0, G_OPTION_FLAG_NO_ARG, G_OPTION_ARG_CALLBACK, note_action, "Redo", NULL },
    { "delete-department", 0, 0, G_OPTION_ARG_CALLBACK, note_action, "Delete a department",
      "ID" },
    { "print-pdf", 0, 0, G_OPTION_ARG_CALLBACK, note_action, "Print the plan report to a PDF",
      "FILE" },
    { "invite", 0, 0, G_OPTION_ARG_CALLBACK, note_action, "Invite a department to a session",
      "SESSION:DEPT" },
    { "export-ics", 0, 0, G_OPTION_ARG_CALLBACK, note_action, "Export the sessions", "FILE" },
    { "show-view", 0, 0, G_OPTION_ARG_CALLBACK, note_action, "Switch to a view", "NAME" },
    { "resort-countermeasures", 0, G_OPTION_FLAG_NO_ARG, G_OPTION_ARG_CALLBACK, note_action,
      "Sort the countermeasures the other way", NULL },
    { "refilter-stories", 0, G_OPTION_FLAG_NO_ARG, G_OPTION_ARG_CALLBACK, note_action,
      "Show one department's stories, then all", NULL },
    { "refilter-countermeasures", 0, G_OPTION_FLAG_NO_ARG, G_OPTION_ARG_CALLBACK, note_action,
      "Show one barrier's countermeasures, then all", NULL },
    { "select-session", 0, 0, G_OPTION_ARG_CALLBACK, note_action,
      "Select a session with its attendance shown", "ID" },
    { "show-champions-page", 0, 0, G_OPTION_ARG_CALLBACK, note_action,
      "Switch to a page of the Champions view (quiet, role-models, links)", "NAME" },
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
  /* in the user's language, from the build's translations if asked */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("VONK_LOCALEDIR") != NULL
                                     ? g_getenv ("VONK_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (open_in_window)
    project = vonk_bench_find_project ("vonk-stall-bench", database, project_id, &store);
  else
    project = vonk_bench_load_project ("vonk-stall-bench", database, project_id, &store);
  if (project == NULL)
    return EXIT_FAILURE;

  window = vonk_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  view_stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), VONK_TYPE_WINDOW,
                                                         "view_stack"));
  if (open_in_window)
    {
      /* as the chooser and the start do: read in a thread behind the
       * loading page, then the attendance read ahead after the first frame */
      gtk_window_present (GTK_WINDOW (window));
      SPIN_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
      g_timeout_add (5, tick_cb, NULL);
      start_watch ();
      open_start = g_get_monotonic_time ();
      vonk_window_load_project (window, project);
      SPIN_UNTIL (!vonk_window_is_loading (window));
      say ("open", open_start);
      /* what follows the project showing: the lists read ahead, the
       * views taking them in */
      mark_watch ();
      gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s",
                                  view_name != NULL ? view_name : "organisation");
    }
  else
    {
      vonk_window_open_project (window, project);
      gtk_window_present (GTK_WINDOW (window));
      SPIN_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
      gtk_stack_set_visible_child_name (view_stack,
                                        view_name != NULL ? view_name : "organisation");
    }
  /* the view sorts a page's rows once it shows: the People page, then */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (view_stack), "organisation") == 0)
    adw_view_stack_set_visible_child_name (
      ADW_VIEW_STACK (gtk_widget_get_template_child (gtk_stack_get_visible_child (view_stack),
                                                     VONK_TYPE_ORGANISATION_VIEW, "stack")),
      "people");
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  /* the attendance read ahead comes in first: when it does, the views
   * take it in, which is opening the project, not the actions measured */
  SPIN_UNTIL (vonk_project_is_complete (project));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);

  if (open_in_window)
    {
      gboolean time_up = FALSE;

      say ("open-complete", open_start);
      g_timeout_add_seconds (1, time_up_cb, &time_up);
      SPIN_UNTIL (time_up);
      g_print ("  stall within a second after: %.0f ms (main thread CPU %.0f ms)\n",
               longest_gap / 1000.0, (vonk_bench_thread_cpu_time () - cpu_start) / 1000.0);
      g_print ("  of which since the project showed: stall %.0f ms (main-thread CPU: stall %.0f ms)\n",
               marked_gap / 1000.0, marked_cpu_gap / 1000.0);
    }
  else
    g_timeout_add (5, tick_cb, NULL);

  for (guint i = 0; i < actions->len; i += 2)
    {
      const char *name = g_ptr_array_index (actions, i);
      const char *value = g_ptr_array_index (actions, i + 1);

      if (g_str_equal (name, "--import-csv"))
        import_csv (window, value);
      else if (g_str_equal (name, "--undo"))
        replay (window, FALSE);
      else if (g_str_equal (name, "--redo"))
        replay (window, TRUE);
      else if (g_str_equal (name, "--delete-department"))
        delete_department (window, g_ascii_strtoll (value, NULL, 10));
      else if (g_str_equal (name, "--print-pdf"))
        print_pdf (window, value);
      else if (g_str_equal (name, "--invite"))
        invite (window, value);
      else if (g_str_equal (name, "--export-ics"))
        export_ics (window, value);
      else if (g_str_equal (name, "--show-view"))
        show_view (window, value);
      else if (g_str_equal (name, "--resort-countermeasures"))
        resort_countermeasures (window);
      else if (g_str_equal (name, "--refilter-stories"))
        refilter_stories (window);
      else if (g_str_equal (name, "--refilter-countermeasures"))
        refilter_countermeasures (window);
      else if (g_str_equal (name, "--select-session"))
        select_session (window, g_ascii_strtoll (value, NULL, 10));
      else if (g_str_equal (name, "--show-champions-page"))
        show_champions_page (window, value);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  return EXIT_SUCCESS;
}
