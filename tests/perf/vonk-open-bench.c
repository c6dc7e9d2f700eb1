/* vonk-open-bench.c — how long opening a project into its models takes
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   vonk-open-bench --database=FILE --project=ID
 *
 * Opens the store and loads the project with vonk_project_load(), as the
 * window does, then asks for its attendance, which is read only then, and
 * prints on one line: the seconds vonk_project_load() took, the seconds
 * from opening the store to the loaded project, the number of rows loaded
 * in all, the peak resident set size in kB (getrusage's ru_maxrss) at the
 * end, the seconds reading the attendance took, and the peak resident set
 * size before it was read. Run it once per measurement: a second load in
 * the same process does nothing.
 */

#include "config.h"

#include <stdlib.h>
#include <sys/resource.h>

#include "vonk-core.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VonkStore) store = NULL;
  g_autofree char *database = NULL;
  gint64 project_id = 0;
  VonkProject *project;
  const GType *types;
  guint n_types;
  guint64 rows = 0;
  gint64 start, loading, end, deferred;
  struct rusage usage, loaded_usage;
  GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database, "The database", "FILE" },
    { "project", 0, 0, G_OPTION_ARG_INT64, &project_id, "The project to open", "ID" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("vonk-open-bench: %s\n", error->message);
      return EXIT_FAILURE;
    }
  if (database == NULL || project_id == 0)
    {
      g_printerr ("vonk-open-bench: --database=FILE and --project=ID are needed\n");
      return EXIT_FAILURE;
    }

  /* the types' classes exist before the clock starts, as in the app */
  types = vonk_entity_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    g_type_class_unref (g_type_class_ref (types[i]));

  start = g_get_monotonic_time ();
  store = vonk_store_new (database, &error);
  if (store == NULL)
    {
      g_printerr ("vonk-open-bench: %s\n", error->message);
      return EXIT_FAILURE;
    }
  project = vonk_store_find_project (store, project_id);
  if (project == NULL)
    {
      g_printerr ("vonk-open-bench: no project %" G_GINT64_FORMAT "\n", project_id);
      return EXIT_FAILURE;
    }

  loading = g_get_monotonic_time ();
  if (!vonk_project_load (project, &error))
    {
      g_printerr ("vonk-open-bench: %s\n", error->message);
      return EXIT_FAILURE;
    }
  end = g_get_monotonic_time ();
  getrusage (RUSAGE_SELF, &loaded_usage);

  /* what the window reads after its first frame */
  g_list_model_get_n_items (vonk_project_get_list (project, VONK_TYPE_ATTENDANCE));
  deferred = g_get_monotonic_time ();

  for (guint i = 0; i < n_types; i++)
    rows += g_list_model_get_n_items (vonk_project_get_list (project, types[i]));

  getrusage (RUSAGE_SELF, &usage);
  g_print ("%.4f %.4f %" G_GUINT64_FORMAT " %ld %.4f %ld\n",
           (end - loading) / (double) G_USEC_PER_SEC, (end - start) / (double) G_USEC_PER_SEC,
           rows, usage.ru_maxrss, (deferred - end) / (double) G_USEC_PER_SEC,
           loaded_usage.ru_maxrss);
  return EXIT_SUCCESS;
}
