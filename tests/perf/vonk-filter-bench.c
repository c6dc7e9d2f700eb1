/* vonk-filter-bench.c — how long a keystroke in the people search takes
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   vonk-filter-bench --database=FILE --project=ID [--runs=N] [--text=TEXT]
 *
 * Shows the Organisation view of the project on its People page in a
 * window and types TEXT ("anna") into the search one character at a time,
 * each inserted at the end as a key press does, RUNS times (clearing the
 * search in between). Per keystroke it measures
 * from the search changing (GtkSearchEntry's own typing delay left out)
 * until the filter model has settled: nothing pending in the model and
 * nothing pending in the main context; and, separately, until the window
 * painted its next frame. Prints two lines, "filter MS…" and "frame MS…",
 * each with every keystroke's time in milliseconds, then "rows N" with the
 * rows the full text leaves.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "vonk-core.h"
#include "vonk-organisation-view.h"

static guint frames;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  frames++;
}

static void
settle (GtkFilterListModel *model)
{
  while (g_main_context_pending (NULL) || gtk_filter_list_model_get_pending (model) > 0)
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

static void
type (GtkEditable        *search,
      const char         *text,
      GtkFilterListModel *model,
      GString            *filter_ms,
      GString            *shown_ms)
{
  gint64 start, filtered, shown;
  guint seen;

  settle (model);
  wait_for_frame ();

  seen = frames;
  start = g_get_monotonic_time ();
  type_text (search, text);
  /* what GtkSearchEntry does once its typing delay has passed */
  g_signal_emit_by_name (search, "search-changed");
  while (gtk_filter_list_model_get_pending (model) > 0)
    g_main_context_iteration (NULL, FALSE);
  filtered = g_get_monotonic_time ();
  settle (model);
  if (frames == seen)
    wait_for_frame ();
  shown = g_get_monotonic_time ();

  if (filter_ms != NULL)
    {
      g_string_append_printf (filter_ms, " %.3f", (filtered - start) / 1000.0);
      g_string_append_printf (shown_ms, " %.3f", (shown - start) / 1000.0);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VonkStore) store = NULL;
  g_autoptr(GString) filter_ms = g_string_new ("filter");
  g_autoptr(GString) shown_ms = g_string_new ("shown");
  g_autofree char *database = NULL;
  g_autofree char *text = NULL;
  gint64 project_id = 0;
  int runs = 5;
  VonkProject *project;
  GtkWindow *window;
  GtkWidget *view;
  GtkEditable *search;
  GtkFilterListModel *model;
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

  store = vonk_store_new (database, &error);
  if (store == NULL)
    {
      g_printerr ("vonk-filter-bench: %s\n", error->message);
      return EXIT_FAILURE;
    }
  project = vonk_store_find_project (store, project_id);
  if (project == NULL || !vonk_project_load (project, &error))
    {
      g_printerr ("vonk-filter-bench: cannot load project %" G_GINT64_FORMAT "%s%s\n",
                  project_id, error ? ": " : "", error ? error->message : "");
      return EXIT_FAILURE;
    }

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1200, 800);
  view = vonk_organisation_view_new (project);
  gtk_window_set_child (window, view);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_template_child (
                                           view, VONK_TYPE_ORGANISATION_VIEW, "stack")),
                                         "people");
  search = GTK_EDITABLE (gtk_widget_get_template_child (view, VONK_TYPE_ORGANISATION_VIEW,
                                                        "people_search"));
  model = GTK_FILTER_LIST_MODEL (gtk_widget_get_template_child (view, VONK_TYPE_ORGANISATION_VIEW,
                                                                "people_filter_model"));
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

          type (search, typed, model, filter_ms, shown_ms);
          if (*end == '\0')
            break;
        }
      type (search, "", model, NULL, NULL);
    }

  type (search, text, model, NULL, NULL);
  g_print ("%s\n%s\nrows %u\n", filter_ms->str, shown_ms->str,
           g_list_model_get_n_items (G_LIST_MODEL (model)));

  gtk_window_destroy (window);
  return EXIT_SUCCESS;
}
