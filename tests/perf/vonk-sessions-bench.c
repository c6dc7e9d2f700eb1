/* vonk-sessions-bench.c — how the Sessions view keeps up at enterprise size
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   vonk-sessions-bench --database=FILE --project=ID [--runs=N] [--text=TEXT]
 *
 * Shows the Sessions view of the project in a window, then RUNS times
 * types TEXT ("work") into its search one character at a time and clears
 * it, and selects RUNS sessions of the list one after the other, then RUNS
 * more with the attendance page of the detail shown. Each
 * step starts when all is quiet and drives the main loop one iteration at
 * a time until the list has settled and a frame was painted after it. Per
 * step it prints, in milliseconds, the longest time the main loop was busy
 * in one go (wall clock, "stall", and the main thread's CPU time,
 * "stall-cpu", which other programs on a shared machine do not stretch)
 * and the time until the frame ("shown"): one line each for the
 * keystrokes ("keystroke-…") and the selections ("select-…", "select-attendance-…").
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "vonk-bench-utils.h"
#include "vonk-core.h"
#include "vonk-sessions-view.h"

static guint frames;
static gint64 last_paint;  /* when the last frame was painted */
static gint64 last_change; /* when the list of sessions last changed */

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  frames++;
  last_paint = g_get_monotonic_time ();
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  last_change = g_get_monotonic_time ();
}

/* What is still to be filtered, for a model that says (VonkFilterModel). */
static guint
pending (GListModel *model)
{
  guint n = 0;

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (model), "pending") != NULL)
    g_object_get (model, "pending", &n, NULL);
  return n;
}

static void
settle (GListModel *model)
{
  guint seen = frames;
  gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC;

  while (g_main_context_pending (NULL) || pending (model) > 0)
    g_main_context_iteration (NULL, FALSE);
  while (frames == seen && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

typedef struct
{
  GString *stall;
  GString *stall_cpu;
  GString *shown;
} Figures;

/* Runs @step, then the main loop until @model settled and a frame was
 * painted after its last change and after the step, and adds the figures
 * to @figures. */
static void
measure (GListModel *model,
         void      (*step) (gpointer data),
         gpointer    data,
         Figures    *figures)
{
  gint64 start, longest = 0, longest_cpu = 0;
  gint64 wall, cpu;
  gboolean settled = FALSE;

  settle (model);

  start = wall = g_get_monotonic_time ();
  cpu = vonk_bench_thread_cpu_time ();
  step (data);
  longest = g_get_monotonic_time () - wall;
  longest_cpu = vonk_bench_thread_cpu_time () - cpu;

  while (!settled || last_paint < MAX (last_change, start))
    {
      wall = g_get_monotonic_time ();
      cpu = vonk_bench_thread_cpu_time ();
      g_main_context_iteration (NULL, FALSE);
      longest = MAX (longest, g_get_monotonic_time () - wall);
      longest_cpu = MAX (longest_cpu, vonk_bench_thread_cpu_time () - cpu);

      if (!settled && pending (model) == 0)
        settled = TRUE;
      if (g_get_monotonic_time () - start > 120 * G_USEC_PER_SEC)
        g_error ("the view did not settle in 2 minutes (%u pending, %s)", pending (model),
                 settled ? "no frame since" : "main loop busy");
    }

  g_string_append_printf (figures->stall, " %.1f", longest / 1000.0);
  g_string_append_printf (figures->stall_cpu, " %.1f", longest_cpu / 1000.0);
  g_string_append_printf (figures->shown, " %.1f", (g_get_monotonic_time () - start) / 1000.0);
}

typedef struct
{
  GtkEditable *search;
  const char  *text;
} Typing;

/* As a key press does: inserted at the end, then the search reported
 * at once (GtkSearchEntry's typing delay left out). */
static void
type_step (gpointer data)
{
  Typing *typing = data;

  if (*typing->text == '\0')
    gtk_editable_set_text (typing->search, "");
  else
    {
      int position = -1;

      gtk_editable_insert_text (typing->search, typing->text, -1, &position);
    }
  g_signal_emit_by_name (typing->search, "search-changed");
}

typedef struct
{
  GtkSingleSelection *selection;
  guint               position;
} Selecting;

static void
select_step (gpointer data)
{
  Selecting *selecting = data;

  gtk_single_selection_set_selected (selecting->selection, selecting->position);
}

static Figures
figures_new (const char *what)
{
  Figures figures = {
    g_string_new (NULL), g_string_new (NULL), g_string_new (NULL)
  };

  g_string_printf (figures.stall, "%s-stall", what);
  g_string_printf (figures.stall_cpu, "%s-stall-cpu", what);
  g_string_printf (figures.shown, "%s-shown", what);
  return figures;
}

static void
figures_print (Figures *figures)
{
  g_print ("%s\n%s\n%s\n", figures->stall->str, figures->stall_cpu->str, figures->shown->str);
  g_string_free (figures->stall, TRUE);
  g_string_free (figures->stall_cpu, TRUE);
  g_string_free (figures->shown, TRUE);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VonkStore) store = NULL;
  g_autofree char *database = NULL;
  g_autofree char *text = NULL;
  gint64 project_id = 0;
  int runs = 3;
  VonkProject *project;
  GtkWindow *window;
  GtkWidget *view;
  GtkEditable *search;
  GListModel *model;
  Figures keystrokes = figures_new ("keystroke");
  Figures selections = figures_new ("select");
  Figures attendance = figures_new ("select-attendance");
  GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database, "The database", "FILE" },
    { "project", 0, 0, G_OPTION_ARG_INT64, &project_id, "The project to open", "ID" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "How often to type and select (3)", "N" },
    { "text", 0, 0, G_OPTION_ARG_STRING, &text, "What to type (work)", "TEXT" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("vonk-sessions-bench: %s\n", error->message);
      return EXIT_FAILURE;
    }
  if (database == NULL || project_id == 0 || runs < 1)
    {
      g_printerr ("vonk-sessions-bench: --database=FILE and --project=ID are needed\n");
      return EXIT_FAILURE;
    }
  if (text == NULL)
    text = g_strdup ("work");

  gtk_init ();
  adw_init ();

  project = vonk_bench_load_project ("vonk-sessions-bench", database, project_id, &store);
  if (project == NULL)
    return EXIT_FAILURE;
  /* the attendance is read ahead by the window; here before measuring */
  g_list_model_get_n_items (vonk_project_get_list (project, VONK_TYPE_ATTENDANCE));

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1200, 800);
  view = vonk_sessions_view_new (project);
  gtk_window_set_child (window, view);
  search = GTK_EDITABLE (gtk_widget_get_template_child (view, VONK_TYPE_SESSIONS_VIEW, "search"));
  model = G_LIST_MODEL (gtk_widget_get_template_child (view, VONK_TYPE_SESSIONS_VIEW,
                                                       "filter_model"));
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), NULL);
  gtk_window_present (window);
  while (!gtk_widget_get_mapped (view))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);

  for (int run = 0; run < runs; run++)
    {
      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        {
          g_autofree char *character = g_strndup (p, g_utf8_next_char (p) - p);
          Typing typing = { search, character };

          measure (model, type_step, &typing, &keystrokes);
        }
      {
        Typing clear = { search, "" };
        Figures ignored = figures_new ("clear");

        measure (model, type_step, &clear, &ignored);
        g_string_free (ignored.stall, TRUE);
        g_string_free (ignored.stall_cpu, TRUE);
        g_string_free (ignored.shown, TRUE);
      }
    }

  for (int run = 0; run < runs; run++)
    {
      Selecting selecting = {
        GTK_SINGLE_SELECTION (gtk_widget_get_template_child (view, VONK_TYPE_SESSIONS_VIEW,
                                                             "selection")),
        (guint) run
      };

      measure (model, select_step, &selecting, &selections);
    }

  /* again, with the attendance page of the detail shown */
  gtk_stack_set_visible_child_name (GTK_STACK (gtk_widget_get_template_child (
                                      view, VONK_TYPE_SESSIONS_VIEW, "detail_pages")),
                                    "attendance");
  for (int run = 0; run < runs; run++)
    {
      Selecting selecting = {
        GTK_SINGLE_SELECTION (gtk_widget_get_template_child (view, VONK_TYPE_SESSIONS_VIEW,
                                                             "selection")),
        (guint) (runs + run)
      };

      measure (model, select_step, &selecting, &attendance);
    }

  figures_print (&keystrokes);
  figures_print (&selections);
  figures_print (&attendance);
  gtk_window_destroy (window);
  return EXIT_SUCCESS;
}
