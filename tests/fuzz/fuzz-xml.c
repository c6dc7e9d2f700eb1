/* fuzz-xml.c — libFuzzer target for the plan file importer
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every input is imported from memory into one store in a temporary
 * folder. The importer must never crash, and:
 *  - a refused input leaves the store as it was and says why, naming the
 *    input;
 *  - an accepted input exports again, and that export imports and exports
 *    to the same bytes (the round trip of a real plan).
 * Seeds: tests/fuzz/corpus/xml/.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "vonk-core.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static VonkStore *store;
static char *folder;

static void
remove_folder (void)
{
  const char *names[] = { "fuzz.db", "fuzz.db-wal", "fuzz.db-shm", "a.xml", "b.xml" };

  g_clear_object (&store);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (folder, names[i], NULL);

      g_unlink (path);
    }
  g_rmdir (folder);
}

static void
open_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  folder = g_dir_make_tmp ("vonk-fuzz-xml-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (folder, "fuzz.db", NULL);
  store = vonk_store_new (path, &error);
  g_assert_no_error (error);
  atexit (remove_folder);
}

static char *
export (VonkProject *project,
        const char  *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (folder, name, NULL);
  char *contents = NULL;

  if (!vonk_project_load (project, &error) ||
      !vonk_xml_export (project, path, NULL, NULL, &error))
    g_error ("an imported plan does not export: %s", error->message);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  VonkProject *project;
  VonkProject *again;
  guint n_projects;

  if (store == NULL)
    open_store ();

  n_projects = g_list_model_get_n_items (vonk_store_get_projects (store));
  project = vonk_xml_import_data (store, (const char *) data, size, "fuzz.xml", &error);
  if (project == NULL)
    {
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "fuzz.xml"));
      g_assert_cmpuint (g_list_model_get_n_items (vonk_store_get_projects (store)), ==,
                        n_projects);
      return 0;
    }

  first = export (project, "a.xml");
  again = vonk_xml_import_data (store, first, strlen (first), "a.xml", &error);
  if (again == NULL)
    g_error ("an export does not import: %s", error->message);
  second = export (again, "b.xml");
  g_assert_cmpstr (first, ==, second);

  vonk_store_delete_project (store, again, &error);
  g_assert_no_error (error);
  vonk_store_delete_project (store, project, &error);
  g_assert_no_error (error);
  return 0;
}
