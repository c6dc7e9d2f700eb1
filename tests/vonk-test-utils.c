/* vonk-test-utils.c — what the test programs share
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "vonk-test-utils.h"

/* Files and folders */

/* A new temporary folder named after @tmpl (ending in XXXXXX), or
 * vonk-test-XXXXXX if @tmpl is NULL. */
char *
vonk_test_make_tmp_dir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl != NULL ? tmpl : "vonk-test-XXXXXX", &error);

  g_assert_no_error (error);
  g_assert_nonnull (dir);
  return dir;
}

/* Removes @path and, if it is a folder, all it holds (a link is removed,
 * not followed). Returns whether everything went. */
gboolean
vonk_test_remove_recursively (const char *path)
{
  gboolean removed = TRUE;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (!vonk_test_remove_recursively (child))
            removed = FALSE;
        }
      return g_rmdir (path) == 0 && removed;
    }

  return g_remove (path) == 0;
}

/* Stores and projects */

VonkStore *
vonk_test_open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  VonkStore *store = vonk_store_new (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* A store on vonk.db in a new temporary folder (see
 * vonk_test_make_tmp_dir()); the folder's path in @dir and the file's in
 * @path, if not NULL. */
VonkStore *
vonk_test_store_new (const char  *tmpl,
                     char       **dir,
                     char       **path)
{
  g_autofree char *file = NULL;

  *dir = vonk_test_make_tmp_dir (tmpl);
  file = g_build_filename (*dir, "vonk.db", NULL);
  if (path != NULL)
    *path = g_strdup (file);

  return vonk_test_open_store (file);
}

/* Drops the last reference to *@store and checks that it is gone, so that
 * its connection is closed. */
void
vonk_test_close_store (VonkStore **store)
{
  g_object_add_weak_pointer (G_OBJECT (*store), (gpointer *) store);
  g_object_unref (*store);
  g_assert_null (*store);
}

static void
assert_added (VonkStore   *store,
              VonkProject *project)
{
  g_autoptr(GError) error = NULL;

  vonk_store_add_project (store, project, &error);
  g_assert_no_error (error);
  g_assert_cmpint (vonk_entity_get_id (VONK_ENTITY (project)), >, 0);
  g_assert_true (vonk_project_get_store (project) == store);
}

static void
assert_loaded (VonkProject *project)
{
  g_autoptr(GError) error = NULL;

  vonk_project_load (project, &error);
  g_assert_no_error (error);
  g_assert_true (vonk_project_is_loaded (project));
}

/* Adds a new project named @name to @store, not loaded; returns its ID. */
gint64
vonk_test_add_project (VonkStore  *store,
                       const char *name)
{
  g_autoptr(VonkProject) project = vonk_project_new (name);

  assert_added (store, project);
  return vonk_entity_get_id (VONK_ENTITY (project));
}

/* Adds @project to @store and loads it. */
void
vonk_test_create_project (VonkStore   *store,
                          VonkProject *project)
{
  assert_added (store, project);
  assert_loaded (project);
}

/* The project @id of @store, loaded; a new reference. */
VonkProject *
vonk_test_load_project (VonkStore *store,
                        gint64     id)
{
  VonkProject *project = vonk_store_find_project (store, id);

  g_assert_nonnull (project);
  g_assert_true (vonk_project_get_store (project) == store);
  assert_loaded (project);

  return g_object_ref (project);
}

/* Drops *@project, closes *@store and opens the file at @path again, with
 * project @project_id freshly loaded from it into *@project, which it
 * returns. A reference held elsewhere to the old project keeps its lists. */
VonkProject *
vonk_test_reopen (VonkStore   **store,
                  VonkProject **project,
                  const char   *path,
                  gint64        project_id)
{
  g_clear_object (project);
  vonk_test_close_store (store);
  *store = vonk_test_open_store (path);
  *project = vonk_test_load_project (*store, project_id);

  return *project;
}

/* Adds @entity, which it takes, to @project; returns its ID. */
gint64
vonk_test_add (VonkProject *project,
               gpointer     entity)
{
  g_autoptr(VonkEntity) owned = entity;
  g_autoptr(GError) error = NULL;

  vonk_project_add (project, owned, &error);
  g_assert_no_error (error);

  return vonk_entity_get_id (owned);
}

/* Adds @entity, which stays the caller's, to @project. */
void
vonk_test_add_ok (VonkProject *project,
                  VonkEntity  *entity)
{
  g_autoptr(GError) error = NULL;

  vonk_project_add (project, entity, &error);
  g_assert_no_error (error);
  g_assert_cmpint (vonk_entity_get_id (entity), >, 0);
}

/* How many items each list of @project holds, in vonk_entity_types()
 * order: an array of guint. */
GArray *
vonk_test_count_items (VonkProject *project)
{
  GArray *counts = g_array_new (FALSE, FALSE, sizeof (guint));
  const GType *types;
  guint n_types;

  types = vonk_entity_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    {
      guint n = g_list_model_get_n_items (vonk_project_get_list (project, types[i]));

      g_array_append_val (counts, n);
    }

  return counts;
}

/* Checks that two vonk_test_count_items() are the same. */
void
vonk_test_assert_same_counts (GArray *actual,
                              GArray *expected)
{
  g_assert_cmpmem (actual->data, actual->len * sizeof (guint),
                   expected->data, expected->len * sizeof (guint));
}

/* Direct access to a database file, beside the store */

/* A connection of its own to the file at @path, created if need be. */
sqlite3 *
vonk_test_raw_open (const char *path)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

  g_assert_cmpstr (sqlite3_errstr (rc), ==, sqlite3_errstr (SQLITE_OK));
  sqlite3_busy_timeout (db, 3000);
  return db;
}

void
vonk_test_raw_exec (const char *path,
                    const char *sql)
{
  sqlite3 *db = vonk_test_raw_open (path);
  char *message = NULL;

  sqlite3_exec (db, sql, NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);
  sqlite3_close (db);
}

/* The single integer @format selects; 0 for NULL. */
gint64
vonk_test_raw_int (const char *path,
                   const char *format,
                   ...)
{
  g_autofree char *sql = NULL;
  sqlite3 *db = vonk_test_raw_open (path);
  sqlite3_stmt *stmt = NULL;
  va_list args;
  gint64 value;
  int rc;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  g_assert_cmpstr (sqlite3_errmsg (db), ==, "not an error");
  g_assert_cmpint (rc, ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* The number of rows in @table. */
gint64
vonk_test_count_rows (const char *path,
                      const char *table)
{
  return vonk_test_raw_int (path, "SELECT count(*) FROM %s", table);
}
