/* vonk-filter-bench.c — how a keystroke in the people search feels
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   vonk-filter-bench --database=FILE --project=ID [--runs=N] [--text=TEXT]
 *
 * Shows the Organisation view of the project on its People page in a
 * window and types TEXT ("anna") into the search one character at a time,
 * each inserted at the end as a key press does, RUNS times (clearing the
 * search in between). Every keystroke starts when all is quiet (the list
 * filtered, the window painted) and, from the search changing
 * (GtkSearchEntry's own typing delay left out), drives the main loop one
 * iteration at a time, timing each, until the window has painted the final
 * result. Per keystroke it prints, in milliseconds:
 *
 *   stall   the longest time the main loop was busy in one go — the
 *           keystroke's own handling or any iteration after it (filtering,
 *           layout, painting): how long a key press or a frame could wait
 *   filter  until the list model holds the final result (its "pending"
 *           property is 0)
 *   shown   until the window painted that result
 *   match   the reference: the search's filter asked about every person of
 *           the list in one loop, without any model or widget
 *
 * one line each ("stall" as wall-clock time and, as "stall-cpu", the CPU
 * time the main thread used in that iteration, which other programs on a
 * shared machine do not stretch), then "rows N" with the rows the full
 * text leaves (which the match loop must count too, or the program
 * fails). With VONK_BENCH_TRACE set, every iteration over 8 ms is told on
 * stderr.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "vonk-bench-utils.h"
#include "vonk-core.h"
#include "vonk-organisation-view.h"

static guint frames;
static gint64 last_paint;  /* when the last frame was painted */
static gint64 last_change; /* when the filtered list last changed */

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

static guint
pending (GListModel *model)
{
  guint n;

  g_object_get (model, "pending", &n, NULL);
  return n;
}

static void
settle (GListModel *model)
{
  while (g_main_context_pending (NULL) || pending (model) > 0)
    g_main_context_iteration (NULL, FALSE);
}

/* Waits for the next frame, at most a second. */
static void
wait_for_frame (void)
{
  guint seen = frames;
  gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC;

  while (frames == seen && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

/* Makes the search say @text as typing does: a text that only grows is
 * inserted at the end, so the search is never emptied in between (which
 * gtk_editable_set_text() would do, and GtkSearchEntry reports an empty
 * search at once); anything else replaces the text. */
static void
type_text (GtkEditable *search,
           const char  *text)
{
  const char *old = gtk_editable_get_text (search);
  gsize old_len = strlen (old);

  if (old_len > 0 && strncmp (old, text, old_len) == 0)
    {
      int position = (int) g_utf8_strlen (old, -1);

      gtk_editable_insert_text (search, text + old_len, -1, &position);
    }
  else
    gtk_editable_set_text (search, text);
}

typedef struct
{
  GString *stall;
  GString *stall_cpu;
  GString *filter;
  GString *shown;
  GString *match;
} Figures;

static void
append_ms (GString *figures,
           gint64   usec)
{
  g_string_append_printf (figures, " %.3f", usec / 1000.0);
}

/* The reference: @filter asked about every item of @list; fails unless it
 * finds @expected. */
static gint64
time_matching (GtkFilter  *filter,
               GListModel *list,
               guint       expected)
{
  gint64 start = g_get_monotonic_time ();
  guint n = g_list_model_get_n_items (list);
  guint found = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      found += gtk_filter_match (filter, item);
    }

  if (found != expected)
    g_error ("the filter matches %u people, the list shows %u", found, expected);

  return g_get_monotonic_time () - start;
}

/* A stretch of main-thread work: how long it took and how much CPU. */
typedef struct
{
  gint64 wall;
  gint64 cpu;
} Span;

static void
span_begin (Span *span)
{
  span->wall = g_get_monotonic_time ();
  span->cpu = vonk_bench_thread_cpu_time ();
}

static void
span_end (Span       *span,
          Span       *longest,
          const char *text,
          const char *what)
{
  span->wall = g_get_monotonic_time () - span->wall;
  span->cpu = vonk_bench_thread_cpu_time () - span->cpu;
  longest->wall = MAX (longest->wall, span->wall);
  longest->cpu = MAX (longest->cpu, span->cpu);

  if (g_getenv ("VONK_BENCH_TRACE") != NULL && span->wall > 8000)
    g_printerr ("“%s”: %s %.1f ms (CPU %.1f ms)\n", text, what,
                span->wall / 1000.0, span->cpu / 1000.0);
}

static void
type (GtkEditable *search,
      const char  *text,
      GListModel  *model,
      GtkFilter   *filter,
      GListModel  *all,
      Figures     *figures)
{
  gint64 start, filtered = 0, shown = 0;
  Span span, longest = { 0, 0 };

  settle (model);
  wait_for_frame ();

  start = g_get_monotonic_time ();
  span_begin (&span);
  type_text (search, text);
  /* what GtkSearchEntry does once its typing delay has passed */
  g_signal_emit_by_name (search, "search-changed");
  span_end (&span, &longest, text, "typing");

  /* one iteration at a time until the final result is painted: after the
   * model settled, the first frame that follows its last change */
  while (shown == 0)
    {
      guint seen = frames;
      gint64 now;

      span_begin (&span);
      g_main_context_iteration (NULL, FALSE);
      span_end (&span, &longest, text, frames != seen ? "iteration with a frame" : "iteration");
      now = g_get_monotonic_time ();

      if (filtered == 0 && pending (model) == 0)
        filtered = now;
      if (filtered != 0 && last_paint > last_change && last_paint > start)
        shown = MAX (last_paint, filtered);
      if (now - start > 10 * G_USEC_PER_SEC)
        g_error ("“%s” was not shown after 10 s", text);
    }

  if (figures != NULL)
    {
      append_ms (figures->stall, longest.wall);
      append_ms (figures->stall_cpu, longest.cpu);
      append_ms (figures->filter, filtered - start);
      append_ms (figures->shown, shown - start);
      append_ms (figures->match,
                 time_matching (filter, all, g_list_model_get_n_items (model)));
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VonkStore) store = NULL;
  Figures figures = {
    g_string_new ("stall"), g_string_new ("stall-cpu"), g_string_new ("filter"),
    g_string_new ("shown"), g_string_new ("match")
  };
  g_autofree char *database = NULL;
  g_autofree char *text = NULL;
  gint64 project_id = 0;
  int runs = 5;
  VonkProject *project;
  GtkWindow *window;
  GtkWidget *view;
  GtkEditable *search;
  GListModel *model;
  GListModel *all;
  GtkFilter *filter;
  GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database, "The database", "FILE" },
    { "project", 0, 0, G_OPTION_ARG_INT64, &project_id, "The project to open", "ID" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "How often to type the text (5)", "N" },
    { "text", 0, 0, G_OPTION_ARG_STRING, &text, "What to type (anna)", "TEXT" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("vonk-filter-bench: %s\n", error->message);
      return EXIT_FAILURE;
    }
  if (database == NULL || project_id == 0 || runs < 1)
    {
      g_printerr ("vonk-filter-bench: --database=FILE and --project=ID are needed\n");
      return EXIT_FAILURE;
    }
  if (text == NULL)
    text = g_strdup ("anna");

  gtk_init ();
  adw_init ();

  project = vonk_bench_load_project ("vonk-filter-bench", database, project_id, &store);
  if (project == NULL)
    return EXIT_FAILURE;

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1200, 800);
  view = vonk_organisation_view_new (project);
  gtk_window_set_child (window, view);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_template_child (
                                           view, VONK_TYPE_ORGANISATION_VIEW, "stack")),
                                         "people");
  search = GTK_EDITABLE (gtk_widget_get_template_child (view, VONK_TYPE_ORGANISATION_VIEW,
                                                        "people_search"));
  model = G_LIST_MODEL (gtk_widget_get_template_child (view, VONK_TYPE_ORGANISATION_VIEW,
                                                       "people_filter_model"));
  all = G_LIST_MODEL (gtk_widget_get_template_child (view, VONK_TYPE_ORGANISATION_VIEW,
                                                     "people_sort_model"));
  filter = GTK_FILTER (gtk_widget_get_template_child (view, VONK_TYPE_ORGANISATION_VIEW,
                                                      "people_filter"));
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), NULL);
  gtk_window_present (window);
  while (!gtk_widget_get_mapped (view))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  wait_for_frame ();

  for (int run = 0; run < runs; run++)
    {
      for (const char *end = g_utf8_next_char (text); ; end = g_utf8_next_char (end))
        {
          g_autofree char *typed = g_strndup (text, end - text);

          type (search, typed, model, filter, all, &figures);
          if (*end == '\0')
            break;
        }
      type (search, "", model, filter, all, NULL);
    }

  type (search, text, model, filter, all, NULL);
  g_print ("%s\n%s\n%s\n%s\n%s\nrows %u\n", figures.stall->str, figures.stall_cpu->str,
           figures.filter->str, figures.shown->str, figures.match->str,
           g_list_model_get_n_items (model));

  gtk_window_destroy (window);
  g_string_free (figures.stall, TRUE);
  g_string_free (figures.stall_cpu, TRUE);
  g_string_free (figures.filter, TRUE);
  g_string_free (figures.shown, TRUE);
  g_string_free (figures.match, TRUE);
  return EXIT_SUCCESS;
}
