/* fuzz-open.c — libFuzzer target: opening any file as the library
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whatever the file holds (the corpus starts from an empty file and small
 * Vonk databases, which the fuzzer then damages), vonk_store_new() either
 * opens it and every project in it loads or fails with a VonkStoreError,
 * and a store that opened takes a new project. Nothing else: no crash, no
 * critical, no error from another domain, no error without a message.
 */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "vonk-core.h"

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static char *db_path;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* in memory where there is a tmpfs: SQLite syncs every commit */
  const char *tmp = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm" : g_get_tmp_dir ();
  g_autofree char *name = g_strdup_printf ("vonk-fuzz-open-%d.db", (int) getpid ());

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  db_path = g_build_filename (tmp, name, NULL);
  return 0;
}

static void
remove_files (void)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db_path, suffixes[i], NULL);

      g_unlink (path);
    }
}

static void
check_error (const GError *error)
{
  if (error == NULL || error->domain != VONK_STORE_ERROR || error->message == NULL ||
      *error->message == '\0')
    {
      g_printerr ("refused without a proper VonkStoreError: %s\n",
                  error != NULL ? error->message : "(no error)");
      abort ();
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VonkStore) store = NULL;
  g_autoptr(VonkProject) added = NULL;
  GListModel *projects;

  if (db_path == NULL)
    LLVMFuzzerInitialize (NULL, NULL);
  remove_files ();
  if (!g_file_set_contents (db_path, (const char *) data, size, &error))
    g_error ("%s", error->message);

  store = vonk_store_new (db_path, &error);
  if (store == NULL)
    {
      check_error (error);
      remove_files ();
      return 0;
    }

  projects = vonk_store_get_projects (store);
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(VonkProject) project = g_list_model_get_item (projects, i);

      if (!vonk_project_load (project, &error))
        {
          check_error (error);
          g_clear_error (&error);
        }
    }

  /* a damaged file may refuse a write, but only with a proper error */
  added = vonk_project_new ("Fuzz");
  if (!vonk_store_add_project (store, added, &error))
    check_error (error);

  g_clear_object (&store);
  remove_files ();
  return 0;
}
