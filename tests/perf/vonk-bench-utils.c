/* vonk-bench-utils.c — what the benchmark programs share
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <time.h>

#include "vonk-bench-utils.h"

/* The CPU time this thread has used, in microseconds: on a shared machine
 * what an iteration costs, whatever else runs. */
gint64
vonk_bench_thread_cpu_time (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

/* Opens @database into *@store and finds its project @project_id, not
 * loaded; on failure says why on stderr, prefixed with @program, and
 * returns NULL. */
VonkProject *
vonk_bench_find_project (const char  *program,
                         const char  *database,
                         gint64       project_id,
                         VonkStore  **store)
{
  g_autoptr(GError) error = NULL;
  VonkProject *project;

  *store = vonk_store_new (database, &error);
  if (*store == NULL)
    {
      g_printerr ("%s: %s\n", program, error->message);
      return NULL;
    }
  project = vonk_store_find_project (*store, project_id);
  if (project == NULL)
    g_printerr ("%s: no project %" G_GINT64_FORMAT "\n", program, project_id);
  return project;
}

/* The same, and loads the project. */
VonkProject *
vonk_bench_load_project (const char  *program,
                         const char  *database,
                         gint64       project_id,
                         VonkStore  **store)
{
  g_autoptr(GError) error = NULL;
  VonkProject *project = vonk_bench_find_project (program, database, project_id, store);

  if (project != NULL && !vonk_project_load (project, &error))
    {
      g_printerr ("%s: cannot load project %" G_GINT64_FORMAT ": %s\n", program, project_id,
                  error->message);
      return NULL;
    }
  return project;
}
