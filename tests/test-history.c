/* test-history.c — undo and redo of a project's changes
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "vonk-project-private.h"
#include "vonk-test-utils.h"

typedef struct
{
  char        *dir;
  char        *path;
  VonkStore   *store;
  VonkProject *project;
  VonkHistory *history;
  GPtrArray   *recorded; /* the labels ::recorded gave */
} Fixture;

static void
recorded_cb (VonkHistory *history,
             const char  *label,
             Fixture     *fixture)
{
  g_ptr_array_add (fixture->recorded, g_strdup (label));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(VonkProject) project = vonk_project_new ("History");

  fixture->store = vonk_test_store_new ("vonk-history-XXXXXX", &fixture->dir, &fixture->path);
  vonk_test_create_project (fixture->store, project);
  fixture->project = g_steal_pointer (&project);
  fixture->history = vonk_project_get_history (fixture->project);
  fixture->recorded = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (fixture->history, "recorded", G_CALLBACK (recorded_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_ptr_array_unref (fixture->recorded);
  g_clear_object (&fixture->project);
  vonk_test_close_store (&fixture->store);
  g_assert_true (vonk_test_remove_recursively (fixture->dir));
  g_free (fixture->path);
  g_free (fixture->dir);
}

static gint64
add_department (Fixture    *fixture,
                const char *name)
{
  return vonk_test_add (fixture->project, g_object_new (VONK_TYPE_DEPARTMENT, "name", name,
                                                        "headcount", 10, NULL));
}

static VonkEntity *
department (Fixture *fixture,
            gint64   id)
{
  return vonk_project_lookup (fixture->project, VONK_TYPE_DEPARTMENT, id);
}

static void
undo_ok (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (vonk_history_undo (fixture->history, &error));
  g_assert_no_error (error);
}

static void
redo_ok (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (vonk_history_redo (fixture->history, &error));
  g_assert_no_error (error);
}

static void
save_ok (Fixture    *fixture,
         gint64      id,
         const char *column,
         const char *text)
{
  g_autoptr(VonkEntity) draft = vonk_entity_copy (department (fixture, id));
  g_autoptr(GError) error = NULL;

  g_object_set (draft, column, text, NULL);
  g_assert_true (vonk_project_save (fixture->project, draft, &error));
  g_assert_no_error (error);
}

static void
test_add (Fixture       *fixture,
          gconstpointer  data)
{
  gint64 id;

  g_assert_false (vonk_history_can_undo (fixture->history));
  id = add_department (fixture, "Sales");

  g_assert_cmpuint (fixture->recorded->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->recorded, 0), ==, "“Sales” added");
  g_assert_cmpstr (vonk_history_get_undo_label (fixture->history), ==, "“Sales” added");
  g_assert_true (vonk_history_can_undo (fixture->history));

  undo_ok (fixture);
  g_assert_null (department (fixture, id));
  g_assert_cmpint (vonk_test_count_rows (fixture->path, "department"), ==, 0);
  g_assert_false (vonk_history_can_undo (fixture->history));
  g_assert_cmpstr (vonk_history_get_redo_label (fixture->history), ==, "“Sales” added");

  /* it comes back as it was, with its ID */
  redo_ok (fixture);
  g_assert_nonnull (department (fixture, id));
  g_assert_cmpstr (vonk_entity_get_string (department (fixture, id), "name"), ==, "Sales");
  g_assert_cmpint (vonk_test_raw_int (fixture->path, "SELECT COUNT(*) FROM department "
                                      "WHERE id = %" G_GINT64_FORMAT, id), ==, 1);
  g_assert_false (vonk_history_can_redo (fixture->history));

  /* replays are not recorded as changes of their own */
  g_assert_cmpuint (fixture->recorded->len, ==, 1);
}

/* Undoing a save puts back only what that save changed. */
static void
test_save (Fixture       *fixture,
           gconstpointer  data)
{
  gint64 id = add_department (fixture, "Sales");

  save_ok (fixture, id, "name", "Sales & Marketing");
  g_assert_cmpstr (vonk_history_get_undo_label (fixture->history), ==,
                   "“Sales & Marketing” changed");
  {
    g_autoptr(VonkEntity) draft = vonk_entity_copy (department (fixture, id));
    g_autoptr(GError) error = NULL;

    g_object_set (draft, "headcount", 25, NULL);
    g_assert_true (vonk_project_save (fixture->project, draft, &error));
  }

  undo_ok (fixture);
  g_assert_cmpint (vonk_entity_get_int (department (fixture, id), "headcount"), ==, 10);
  g_assert_cmpstr (vonk_entity_get_string (department (fixture, id), "name"), ==,
                   "Sales & Marketing");

  undo_ok (fixture);
  g_assert_cmpstr (vonk_entity_get_string (department (fixture, id), "name"), ==, "Sales");
  g_assert_cmpint (vonk_test_raw_int (fixture->path, "SELECT COUNT(*) FROM department "
                                      "WHERE name = 'Sales'"), ==, 1);

  redo_ok (fixture);
  redo_ok (fixture);
  g_assert_cmpstr (vonk_entity_get_string (department (fixture, id), "name"), ==,
                   "Sales & Marketing");
  g_assert_cmpint (vonk_entity_get_int (department (fixture, id), "headcount"), ==, 25);
}

/* A deletion takes what hangs on it along; Undo brings it all back. */
static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  gint64 id = add_department (fixture, "Sales");
  gint64 anna = vonk_test_add (fixture->project, g_object_new (VONK_TYPE_PERSON,
                                                               "name", "Anna",
                                                               "department-id", id, NULL));
  g_autoptr(GError) error = NULL;
  g_autoptr(VonkDeletion) deletion = vonk_project_delete (fixture->project,
                                                          department (fixture, id), &error);

  g_assert_no_error (error);
  g_assert_cmpstr (vonk_history_get_undo_label (fixture->history), ==, "“Sales” deleted");
  g_assert_cmpint (vonk_entity_get_int64 (vonk_project_lookup (fixture->project,
                                                               VONK_TYPE_PERSON, anna),
                                          "department-id"), ==, 0);

  undo_ok (fixture);
  g_assert_nonnull (department (fixture, id));
  g_assert_cmpint (vonk_entity_get_int64 (vonk_project_lookup (fixture->project,
                                                               VONK_TYPE_PERSON, anna),
                                          "department-id"), ==, id);

  redo_ok (fixture);
  g_assert_null (department (fixture, id));
  g_assert_cmpint (vonk_test_count_rows (fixture->path, "department"), ==, 0);
}

/* Steps between begin and end are one change, under the label given. */
static void
test_grouped (Fixture       *fixture,
              gconstpointer  data)
{
  gint64 first;
  gint64 second;

  vonk_history_begin_change (fixture->history);
  vonk_history_label_change (fixture->history, "Two departments");
  first = add_department (fixture, "Sales");
  vonk_history_begin_change (fixture->history);
  second = add_department (fixture, "Service");
  vonk_history_end_change (fixture->history);
  g_assert_cmpuint (fixture->recorded->len, ==, 0);
  vonk_history_end_change (fixture->history);

  g_assert_cmpuint (fixture->recorded->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->recorded, 0), ==, "Two departments");

  undo_ok (fixture);
  g_assert_null (department (fixture, first));
  g_assert_null (department (fixture, second));
  g_assert_false (vonk_history_can_undo (fixture->history));

  /* without a label, the steps are counted */
  vonk_history_begin_change (fixture->history);
  add_department (fixture, "Legal");
  add_department (fixture, "Finance");
  vonk_history_end_change (fixture->history);
  g_assert_cmpstr (vonk_history_get_undo_label (fixture->history), ==, "2 changes");

  /* a new change leaves nothing to redo */
  g_assert_false (vonk_history_can_redo (fixture->history));
}

/* When the database refuses a replay, the project stays as it was and the
 * change can still be undone later. */
static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 first;
  gint64 second;

  vonk_history_begin_change (fixture->history);
  first = add_department (fixture, "Sales");
  second = add_department (fixture, "Service");
  vonk_history_end_change (fixture->history);

  vonk_test_raw_exec (fixture->path, "CREATE TRIGGER refuse BEFORE DELETE ON department "
                                     "WHEN old.name = 'Sales' "
                                     "BEGIN SELECT RAISE (ABORT, 'refused'); END");
  g_assert_false (vonk_history_undo (fixture->history, &error));
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (department (fixture, first));
  g_assert_nonnull (department (fixture, second));
  g_assert_cmpint (vonk_test_count_rows (fixture->path, "department"), ==, 2);
  g_assert_true (vonk_history_can_undo (fixture->history));
  g_assert_false (vonk_history_can_redo (fixture->history));

  vonk_test_raw_exec (fixture->path, "DROP TRIGGER refuse");
  undo_ok (fixture);
  g_assert_cmpint (vonk_test_count_rows (fixture->path, "department"), ==, 0);
}

/* The oldest changes go when there are more than a hundred. */
static void
test_bounded (Fixture       *fixture,
              gconstpointer  data)
{
  guint undone = 0;

  for (guint i = 0; i < 105; i++)
    {
      g_autofree char *name = g_strdup_printf ("Department %u", i);

      add_department (fixture, name);
    }

  while (vonk_history_can_undo (fixture->history))
    {
      undo_ok (fixture);
      undone++;
    }

  g_assert_cmpuint (undone, ==, 100);
  g_assert_cmpint (vonk_test_count_rows (fixture->path, "department"), ==, 5);

  /* and cleared, nothing is left to undo or redo */
  g_assert_true (vonk_history_can_redo (fixture->history));
  vonk_history_clear (fixture->history);
  g_assert_false (vonk_history_can_redo (fixture->history));
  g_assert_false (vonk_history_can_undo (fixture->history));
}

/* A large change of additions (an import) is undone in one pass and
 * redone with the same IDs; what referred to the people added later in
 * the same change goes and comes back with them. */
static void
test_many_additions (Fixture       *fixture,
                     gconstpointer  data)
{
  GListModel *people = vonk_project_get_list (fixture->project, VONK_TYPE_PERSON);
  GListModel *departments = vonk_project_get_list (fixture->project, VONK_TYPE_DEPARTMENT);
  gint64 kept = add_department (fixture, "Sales");
  g_autoptr(GString) text = g_string_new ("name;email;department\n");
  g_autoptr(VonkCsv) csv = NULL;
  g_autoptr(VonkCsvReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VonkEntity) last = NULL;
  gint64 last_id;
  VonkEntity *person;

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (text, "Person %u;p%u@example.org;%s\n", i, i,
                            i % 2 ? "Sales" : "Support");
  csv = vonk_csv_new_from_data (text->str, text->len, &error);
  g_assert_no_error (error);
  report = vonk_csv_import_people (fixture->project, csv, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 3000);
  g_assert_cmpuint (g_list_model_get_n_items (departments), ==, 2);
  last = g_list_model_get_item (people, 2999);
  last_id = vonk_entity_get_id (last);

  undo_ok (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (departments), ==, 1);
  g_assert_nonnull (department (fixture, kept));
  g_assert_cmpint (vonk_test_count_rows (fixture->path, "person"), ==, 0);
  g_assert_cmpint (vonk_test_count_rows (fixture->path, "department"), ==, 1);

  redo_ok (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 3000);
  g_assert_cmpuint (g_list_model_get_n_items (departments), ==, 2);
  g_assert_cmpint (vonk_test_count_rows (fixture->path, "person"), ==, 3000);
  person = vonk_project_lookup (fixture->project, VONK_TYPE_PERSON, last_id);
  g_assert_nonnull (person);
  g_assert_cmpstr (vonk_entity_get_string (person, "name"), ==, "Person 2999");
  g_assert_cmpint (vonk_entity_get_int64 (person, "department-id"), ==, kept);

  undo_ok (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 0);
  g_assert_cmpint (vonk_test_count_rows (fixture->path, "person"), ==, 0);
}

/* Every row of @table, every column, in ID order, as one text: two dumps
 * are equal when the table holds exactly the same. */
static char *
dump_table (const char *path,
            const char *table)
{
  sqlite3 *db = vonk_test_raw_open (path);
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY id", table);
  GString *dump = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, c);

          g_string_append_printf (dump, "%s|", text != NULL ? text : "NULL");
        }
      g_string_append_c (dump, '\n');
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (dump, FALSE);
}

/* The values of every person in the project's list, as dump_table()
 * would give the rows: what the views show. */
static char *
dump_people (VonkProject *project)
{
  GListModel *people = vonk_project_get_list (project, VONK_TYPE_PERSON);
  GString *dump = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(VonkEntity) person = g_list_model_get_item (people, i);

      g_string_append_printf (dump, "%" G_GINT64_FORMAT ";%s;%s;%" G_GINT64_FORMAT ";%d\n",
                              vonk_entity_get_id (person),
                              vonk_entity_get_string (person, "name"),
                              vonk_entity_get_string (person, "email"),
                              vonk_entity_get_int64 (person, "department-id"),
                              vonk_entity_get_enum (person, "role"));
    }

  return g_string_free (dump, FALSE);
}

/* The people as a project freshly loaded from the file has them. */
static char *
dump_people_reopened (const char *path,
                      gint64      project_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VonkStore) store = vonk_store_new (path, &error);
  VonkProject *project;

  g_assert_no_error (error);
  project = vonk_store_find_project (store, project_id);
  g_assert_nonnull (project);
  g_assert_true (vonk_project_load (project, &error));
  g_assert_no_error (error);
  return dump_people (project);
}

/* What Undo and Redo must bring back exactly: the people as the project
 * lists them, the rows of the person table and of one other table. */
typedef struct
{
  char *people;
  char *rows;
  char *other;
} Snapshot;

static void
snapshot_take (Fixture    *fixture,
               const char *other_table,
               Snapshot   *snapshot)
{
  snapshot->people = dump_people (fixture->project);
  snapshot->rows = dump_table (fixture->path, "person");
  snapshot->other = dump_table (fixture->path, other_table);
}

static void
snapshot_clear (Snapshot *snapshot)
{
  g_clear_pointer (&snapshot->people, g_free);
  g_clear_pointer (&snapshot->rows, g_free);
  g_clear_pointer (&snapshot->other, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Snapshot, snapshot_clear)

/* The lists, the file and the project loaded afresh from it hold what
 * @expected says. */
static void
assert_snapshot (Fixture        *fixture,
                 const char     *other_table,
                 const Snapshot *expected)
{
  g_auto(Snapshot) now = { 0 };
  g_autofree char *reopened = NULL;

  snapshot_take (fixture, other_table, &now);
  g_assert_cmpstr (now.people, ==, expected->people);
  g_assert_cmpstr (now.rows, ==, expected->rows);
  g_assert_cmpstr (now.other, ==, expected->other);
  reopened = dump_people_reopened (fixture->path,
                                   vonk_entity_get_id (VONK_ENTITY (fixture->project)));
  g_assert_cmpstr (reopened, ==, expected->people);
}

static void
import_text (Fixture    *fixture,
             const char *text)
{
  g_autoptr(VonkCsv) csv = NULL;
  g_autoptr(VonkCsvReport) report = NULL;
  g_autoptr(GError) error = NULL;

  csv = vonk_csv_new_from_data (text, strlen (text), &error);
  g_assert_no_error (error);
  report = vonk_csv_import_people (fixture->project, csv, &error);
  g_assert_no_error (error);
}

/* An import that both updates people (another department, another role)
 * and adds people and a department is one change: Undo puts back every
 * value it changed and takes away what it added, in the lists and in the
 * file, and Redo makes it again exactly. */
static void
test_mixed_import (Fixture       *fixture,
                   gconstpointer  data)
{
  GListModel *people = vonk_project_get_list (fixture->project, VONK_TYPE_PERSON);
  g_autoptr(GString) first = g_string_new ("name;email;department;role\n");
  g_autoptr(GString) second = g_string_new ("name;email;department;role\n");
  g_auto(Snapshot) before = { 0 };
  g_auto(Snapshot) after = { 0 };
  guint n_changes;

  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (first, "Person %u;p%u@example.org;%s;employee\n", i, i,
                            i % 2 ? "Sales" : "Support");
  import_text (fixture, first->str);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 1000);

  /* every third person moves and becomes a middle manager, scattered
   * over the list; 300 people and a department are new */
  for (guint i = 0; i < 1000; i += 3)
    g_string_append_printf (second, "Person %u;p%u@example.org;%s;middle-manager\n", i, i,
                            i % 2 ? "Support" : "Finance");
  for (guint i = 1000; i < 1300; i++)
    g_string_append_printf (second, "Person %u;p%u@example.org;Sales;employee\n", i, i);

  snapshot_take (fixture, "department", &before);
  n_changes = fixture->recorded->len;

  import_text (fixture, second->str);
  g_assert_cmpuint (fixture->recorded->len, ==, n_changes + 1);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 1300);
  snapshot_take (fixture, "department", &after);
  g_assert_cmpstr (after.people, !=, before.people);
  g_assert_cmpstr (after.rows, !=, before.rows);
  g_assert_cmpint (vonk_test_raw_int (fixture->path, "SELECT COUNT(*) FROM person "
                                      "WHERE role = 'middle-manager'"), ==, 334);

  undo_ok (fixture);
  assert_snapshot (fixture, "department", &before);
  g_assert_cmpstr (vonk_history_get_redo_label (fixture->history), ==, "People imported");

  redo_ok (fixture);
  assert_snapshot (fixture, "department", &after);

  /* and back once more: Undo after Redo is as exact */
  undo_ok (fixture);
  assert_snapshot (fixture, "department", &before);
}

static void
count_changes_cb (GListModel *list,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *n)
{
  (*n)++;
}

/* One change that saves the same entity more than once, among saves of
 * others, is undone and redone as a whole: each save's values in turn. */
static void
test_saves_of_one (Fixture       *fixture,
                   gconstpointer  data)
{
  GListModel *departments = vonk_project_get_list (fixture->project, VONK_TYPE_DEPARTMENT);
  gint64 sales = add_department (fixture, "Sales");
  gint64 support = add_department (fixture, "Support");
  guint n_changed = 0;

  vonk_history_begin_change (fixture->history);
  save_ok (fixture, sales, "name", "Sales & Marketing");
  save_ok (fixture, support, "name", "Customer Support");
  {
    g_autoptr(VonkEntity) draft = vonk_entity_copy (department (fixture, sales));
    g_autoptr(GError) error = NULL;

    g_object_set (draft, "headcount", 42, NULL);
    g_assert_true (vonk_project_save (fixture->project, draft, &error));
    g_assert_no_error (error);
  }
  save_ok (fixture, sales, "name", "Marketing");
  vonk_history_end_change (fixture->history);

  g_signal_connect (departments, "items-changed", G_CALLBACK (count_changes_cb), &n_changed);
  undo_ok (fixture);
  g_assert_cmpstr (vonk_entity_get_string (department (fixture, sales), "name"), ==, "Sales");
  g_assert_cmpint (vonk_entity_get_int (department (fixture, sales), "headcount"), ==, 10);
  g_assert_cmpstr (vonk_entity_get_string (department (fixture, support), "name"), ==, "Support");
  g_assert_cmpint (vonk_test_raw_int (fixture->path, "SELECT COUNT(*) FROM department WHERE "
                                      "(name = 'Sales' AND headcount = 10) OR "
                                      "name = 'Support'"), ==, 2);
  /* the two departments are next to each other: one items-changed */
  g_assert_cmpuint (n_changed, ==, 1);

  redo_ok (fixture);
  g_assert_cmpstr (vonk_entity_get_string (department (fixture, sales), "name"), ==, "Marketing");
  g_assert_cmpint (vonk_entity_get_int (department (fixture, sales), "headcount"), ==, 42);
  g_assert_cmpstr (vonk_entity_get_string (department (fixture, support), "name"), ==,
                   "Customer Support");
  g_assert_cmpint (vonk_test_raw_int (fixture->path, "SELECT COUNT(*) FROM department WHERE "
                                      "(name = 'Marketing' AND headcount = 42) OR "
                                      "name = 'Customer Support'"), ==, 2);
  g_signal_handlers_disconnect_by_data (departments, &n_changed);
}

/* vonk_project_save_many() is all or nothing: one invalid draft and no
 * value changes, in the lists or in the file, and nothing is recorded. */
static void
test_save_many_refused (Fixture       *fixture,
                        gconstpointer  data)
{
  gint64 sales = add_department (fixture, "Sales");
  gint64 support = add_department (fixture, "Support");
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  guint n_recorded = fixture->recorded->len;

  g_ptr_array_add (drafts, vonk_entity_copy (department (fixture, sales)));
  g_object_set (g_ptr_array_index (drafts, 0), "name", "Marketing", NULL);
  g_ptr_array_add (drafts, vonk_entity_copy (department (fixture, support)));
  g_object_set (g_ptr_array_index (drafts, 1), "name", " ", NULL);

  g_assert_false (vonk_project_save_many (fixture->project, drafts, &error));
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_INVALID);
  g_assert_cmpstr (vonk_entity_get_string (department (fixture, sales), "name"), ==, "Sales");
  g_assert_cmpint (vonk_test_raw_int (fixture->path, "SELECT COUNT(*) FROM department "
                                      "WHERE name = 'Marketing'"), ==, 0);
  g_assert_cmpuint (fixture->recorded->len, ==, n_recorded);

  /* valid, both saves are one change */
  g_clear_error (&error);
  g_object_set (g_ptr_array_index (drafts, 1), "name", "Service", NULL);
  g_assert_true (vonk_project_save_many (fixture->project, drafts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->recorded->len, ==, n_recorded + 1);
  undo_ok (fixture);
  g_assert_cmpstr (vonk_entity_get_string (department (fixture, sales), "name"), ==, "Sales");
  g_assert_cmpstr (vonk_entity_get_string (department (fixture, support), "name"), ==, "Support");
}

/* @n_people, a third in @sales and the rest in @support, and ten barrier
 * scores, six of @sales: what a department's deletion clears and takes
 * along. */
static void
fill_departments (Fixture *fixture,
                  gint64   sales,
                  gint64   support,
                  guint    n_people)
{
  g_autoptr(GDate) day = g_date_new_dmy (2, G_DATE_MARCH, 2026);

  for (guint i = 0; i < n_people; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %u", i);

      vonk_test_add (fixture->project, g_object_new (VONK_TYPE_PERSON, "name", name,
                                                     "department-id",
                                                     i % 3 == 0 ? sales : support, NULL));
    }
  for (guint i = 0; i < 10; i++)
    vonk_test_add (fixture->project, g_object_new (VONK_TYPE_BARRIER_SCORE,
                                                   "department-id", i < 6 ? sales : support,
                                                   "score", 1 + i % 5, "scored-on", day,
                                                   NULL));
}

/* Deleting a department whose people are scattered over the list clears
 * their references and takes its scores along; Undo restores every
 * reference and every score, in the lists and in the file, and puts the
 * scores back with one items-changed, not one per row. */
static void
test_delete_department (Fixture       *fixture,
                        gconstpointer  data)
{
  GListModel *scores = vonk_project_get_list (fixture->project, VONK_TYPE_BARRIER_SCORE);
  gint64 sales = add_department (fixture, "Sales");
  gint64 support = add_department (fixture, "Support");
  g_auto(Snapshot) before = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(VonkDeletion) deletion = NULL;
  guint n_changed = 0;

  fill_departments (fixture, sales, support, 120);

  snapshot_take (fixture, "barrier_score", &before);

  deletion = vonk_project_delete (fixture->project, department (fixture, sales), &error);
  g_assert_no_error (error);
  g_assert_cmpint (vonk_test_raw_int (fixture->path, "SELECT COUNT(*) FROM person "
                                      "WHERE department_id IS NULL"), ==, 40);
  g_assert_cmpuint (g_list_model_get_n_items (scores), ==, 4);

  g_signal_connect (scores, "items-changed", G_CALLBACK (count_changes_cb), &n_changed);
  undo_ok (fixture);
  g_signal_handlers_disconnect_by_data (scores, &n_changed);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (scores), ==, 10);

  assert_snapshot (fixture, "barrier_score", &before);
}

/* The people of a deleted department, far apart in the list, are told
 * changed one run each, not as one change over the whole list (which
 * makes a sorted view sort everyone again); close together, as one. */
static void
test_scattered_changes (Fixture       *fixture,
                        gconstpointer  data)
{
  GListModel *people = vonk_project_get_list (fixture->project, VONK_TYPE_PERSON);
  gint64 sales = add_department (fixture, "Sales");
  gint64 support = add_department (fixture, "Support");
  g_autoptr(GError) error = NULL;
  g_autoptr(VonkDeletion) deletion = NULL;
  guint n_changed = 0;

  /* Sales: positions 0, 40, 80 and 81 */
  for (guint i = 0; i < 100; i++)
    vonk_test_add (fixture->project, g_object_new (VONK_TYPE_PERSON, "name", "Someone",
                                                   "department-id",
                                                   i % 40 == 0 || i == 81 ? sales : support,
                                                   NULL));

  g_signal_connect (people, "items-changed", G_CALLBACK (count_changes_cb), &n_changed);
  deletion = vonk_project_delete (fixture->project, department (fixture, sales), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 3);

  n_changed = 0;
  undo_ok (fixture);
  g_assert_cmpuint (n_changed, ==, 3);
  g_signal_handlers_disconnect_by_data (people, &n_changed);
  g_assert_cmpint (vonk_test_raw_int (fixture->path, "SELECT COUNT(*) FROM person "
                                      "WHERE department_id = %" G_GINT64_FORMAT, sales), ==, 4);
}

/* What a list told, with a view behind it that takes a while over each
 * change (as a sorted view on 100,000 people does). */
typedef struct
{
  GArray  *changes;     /* position, removed, added: three per change */
  guint    n_at_idle;   /* how many had been told when the idle ran */
  gboolean idle_ran;
} Told;

static void
slow_changes_cb (GListModel *list,
                 guint       position,
                 guint       removed,
                 guint       added,
                 Told       *told)
{
  gint64 until = g_get_monotonic_time () + 1000;

  g_array_append_val (told->changes, position);
  g_array_append_val (told->changes, removed);
  g_array_append_val (told->changes, added);
  while (g_get_monotonic_time () < until)
    ;
}

static gboolean
settled_cb (gpointer data)
{
  Told *told = data;

  told->idle_ran = TRUE;
  told->n_at_idle = told->changes->len / 3;
  return G_SOURCE_REMOVE;
}

/* The people of a deleted department, each a run of its own, reach a slow
 * view a slice at a time from the main loop, in list order and each once;
 * what waits for the lists to be told (a view counting everyone again)
 * runs after the last of them. A change that adds an item first tells
 * what was still pending. */
static void
test_changes_in_slices (Fixture       *fixture,
                        gconstpointer  data)
{
  GListModel *people = vonk_project_get_list (fixture->project, VONK_TYPE_PERSON);
  VonkEntityList *list = VONK_ENTITY_LIST (people);
  gint64 sales = add_department (fixture, "Sales");
  gint64 support = add_department (fixture, "Support");
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;
  g_autoptr(VonkDeletion) deletion = NULL;
  g_autoptr(VonkEntity) twentieth = NULL;
  Told told = { changes, 0, FALSE };
  guint n_told;

  /* Sales: every 20th of 1,000, farther apart than one run spans */
  for (guint i = 0; i < 1000; i++)
    vonk_test_add (fixture->project, g_object_new (VONK_TYPE_PERSON, "name", "Someone",
                                                   "department-id",
                                                   i % 20 == 0 ? sales : support, NULL));

  g_signal_connect (people, "items-changed", G_CALLBACK (slow_changes_cb), &told);
  deletion = vonk_project_delete (fixture->project, department (fixture, sales), &error);
  g_assert_no_error (error);
  vonk_entity_lists_idle_add (settled_cb, &told);

  /* 50 changes of a millisecond each: some at once, not all */
  n_told = changes->len / 3;
  g_assert_cmpuint (n_told, >, 0);
  g_assert_cmpuint (n_told, <, 50);
  g_assert_true (vonk_entity_list_get_pending (list));
  /* the values changed at once, for whoever reads them */
  twentieth = g_list_model_get_item (people, 20);
  g_assert_cmpint (vonk_entity_get_int64 (twentieth, "department-id"), ==, 0);

  WAIT_UNTIL (told.idle_ran);
  g_assert_false (vonk_entity_list_get_pending (list));
  g_assert_cmpuint (told.n_at_idle, ==, 50);
  for (guint i = 0; i < 50; i++)
    {
      g_assert_cmpuint (g_array_index (changes, guint, 3 * i), ==, 20 * i);
      g_assert_cmpuint (g_array_index (changes, guint, 3 * i + 1), ==, 1);
      g_assert_cmpuint (g_array_index (changes, guint, 3 * i + 2), ==, 1);
    }

  /* Undo, and an addition while it is being told */
  g_array_set_size (changes, 0);
  undo_ok (fixture);
  g_assert_true (vonk_entity_list_get_pending (list));
  n_told = changes->len / 3;
  vonk_test_add (fixture->project, g_object_new (VONK_TYPE_PERSON, "name", "Newcomer", NULL));
  g_assert_false (vonk_entity_list_get_pending (list));
  g_assert_cmpuint (changes->len / 3, ==, 51);
  g_assert_cmpuint (g_array_index (changes, guint, 3 * 49), ==, 980);
  g_assert_cmpuint (g_array_index (changes, guint, 3 * 50), ==, 1000);
  g_assert_cmpuint (g_array_index (changes, guint, 3 * 50 + 1), ==, 0);
  g_assert_cmpuint (g_array_index (changes, guint, 3 * 50 + 2), ==, 1);
  g_assert_cmpuint (n_told, <, 50);
  g_signal_handlers_disconnect_by_data (people, &told);
}

/* Saves applied a slice at a time, as a large Undo does: the entities get
 * their values a chunk per call, the list hears of them once, when all
 * have them, and the history has them as one change. What the writes
 * held goes a slice at a time too, the last first. */
static void
test_saves_in_steps (Fixture       *fixture,
                     gconstpointer  data)
{
  GListModel *people = vonk_project_get_list (fixture->project, VONK_TYPE_PERSON);
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  VonkWrites *writes;
  VonkEntity *first_draft;
  guint n_changed = 0;
  guint n_steps = 0;
  guint n_recorded;

  for (guint i = 0; i < 600; i++)
    vonk_test_add (fixture->project, g_object_new (VONK_TYPE_PERSON, "name", "Someone", NULL));
  for (guint i = 0; i < 600; i++)
    {
      g_autoptr(VonkEntity) person = g_list_model_get_item (people, i);
      VonkEntity *draft = vonk_entity_copy (person);

      g_object_set (draft, "name", "Renamed", NULL);
      g_ptr_array_add (drafts, draft);
    }
  first_draft = g_ptr_array_index (drafts, 0);
  g_object_add_weak_pointer (G_OBJECT (first_draft), (gpointer *) &first_draft);

  writes = vonk_writes_new (fixture->project);
  g_assert_true (vonk_writes_plan_save_many (writes, drafts, &error));
  g_assert_true (vonk_writes_run (writes, vonk_project_get_store (fixture->project), NULL, NULL,
                                  NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&drafts, g_ptr_array_unref);

  n_recorded = fixture->recorded->len;
  g_signal_connect (people, "items-changed", G_CALLBACK (count_changes_cb), &n_changed);
  /* a deadline passed already: one chunk a call */
  g_assert_false (vonk_writes_apply_units_step (writes, 0, 1, 0));
  {
    g_autoptr(VonkEntity) last_done = g_list_model_get_item (people, 255);
    g_autoptr(VonkEntity) first_left = g_list_model_get_item (people, 256);

    g_assert_cmpstr (vonk_entity_get_string (last_done, "name"), ==, "Renamed");
    g_assert_cmpstr (vonk_entity_get_string (first_left, "name"), ==, "Someone");
  }
  g_assert_cmpuint (n_changed, ==, 0);
  g_assert_false (vonk_writes_apply_units_step (writes, 0, 1, 0));
  g_assert_true (vonk_writes_apply_units_step (writes, 0, 1, 0));
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpuint (fixture->recorded->len, ==, n_recorded + 1);
  g_signal_handlers_disconnect_by_data (people, &n_changed);
  for (guint i = 0; i < 600; i++)
    {
      g_autoptr(VonkEntity) person = g_list_model_get_item (people, i);

      g_assert_cmpstr (vonk_entity_get_string (person, "name"), ==, "Renamed");
    }

  while (!vonk_writes_free_step (writes, 0))
    {
      g_assert_nonnull (first_draft);
      n_steps++;
    }
  g_assert_cmpuint (n_steps, >, 2);
  g_assert_null (first_draft);
  vonk_writes_free (writes);

  /* one Undo takes back all 600 */
  undo_ok (fixture);
  for (guint i = 0; i < 600; i++)
    {
      g_autoptr(VonkEntity) person = g_list_model_get_item (people, i);

      g_assert_cmpstr (vonk_entity_get_string (person, "name"), ==, "Someone");
    }
}

/* Undo and Redo in the background: runs vonk_history_replay_async() to
 * the end, checking that it went to a worker (the history is busy until
 * the main loop runs), and returns its result. */
typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
  guint     n_progress;
  double    last_progress;
} Replayed;

static void
replayed_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Replayed *replayed = user_data;

  replayed->ok = vonk_history_replay_finish (VONK_HISTORY (source), result, &replayed->error);
  replayed->done = TRUE;
}

/* (in the worker; read once it is done) */
static void
replay_progress_cb (double   fraction,
                    gpointer data)
{
  Replayed *replayed = data;

  g_assert_cmpfloat (fraction, >=, replayed->last_progress);
  replayed->last_progress = fraction;
  replayed->n_progress++;
}

static void
replay_wait (Fixture  *fixture,
             Replayed *replayed)
{
  while (!replayed->done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (vonk_history_is_busy (fixture->history));
}

static void
replay_in_background (Fixture      *fixture,
                      gboolean      redo,
                      GCancellable *cancellable,
                      Replayed     *replayed)
{
  vonk_history_replay_async (fixture->history, redo, cancellable, replay_progress_cb, replayed,
                             replayed_cb, replayed);
  g_assert_true (vonk_history_is_busy (fixture->history));
  g_assert_false (vonk_history_can_undo (fixture->history));
  g_assert_false (vonk_history_can_redo (fixture->history));
}

static void
replay_in_background_ok (Fixture  *fixture,
                         gboolean  redo)
{
  Replayed replayed = { 0, };

  replay_in_background (fixture, redo, NULL, &replayed);
  replay_wait (fixture, &replayed);
  g_assert_no_error (replayed.error);
  g_assert_true (replayed.ok);
  g_assert_cmpuint (replayed.n_progress, >, 0);
  g_assert_cmpfloat (replayed.last_progress, ==, 1.0);
}

/* The mixed import of test_mixed_import(), large enough for Undo to
 * belong in the background: undone and redone in a worker, the lists,
 * the file and the project read afresh end up exactly as the ordinary
 * Undo and Redo leave them (which test_mixed_import() compares with the
 * same snapshots), also for a second Undo after the Redo. */
static void
test_background_mixed_import (Fixture       *fixture,
                              gconstpointer  data)
{
  GListModel *people = vonk_project_get_list (fixture->project, VONK_TYPE_PERSON);
  g_autoptr(GString) first = g_string_new ("name;email;department;role\n");
  g_autoptr(GString) second = g_string_new ("name;email;department;role\n");
  g_auto(Snapshot) before = { 0 };
  g_auto(Snapshot) after = { 0 };
  guint n_changed = 0;

  /* more than the 2,500 steps planned and applied in one go, so that
   * both runs of the change are cut in pieces */
  for (guint i = 0; i < 5200; i++)
    g_string_append_printf (first, "Person %u;p%u@example.org;%s;employee\n", i, i,
                            i % 2 ? "Sales" : "Support");
  import_text (fixture, first->str);
  for (guint i = 0; i < 5200; i += 2)
    g_string_append_printf (second, "Person %u;p%u@example.org;%s;middle-manager\n", i, i,
                            i % 4 ? "Support" : "Finance");
  for (guint i = 5200; i < 7800; i++)
    g_string_append_printf (second, "Person %u;p%u@example.org;Sales;employee\n", i, i);

  snapshot_take (fixture, "department", &before);
  import_text (fixture, second->str);
  snapshot_take (fixture, "department", &after);
  g_assert_cmpstr (after.people, !=, before.people);
  g_assert_true (vonk_history_is_large (fixture->history, FALSE));

  /* the pieces of a run reach the list as one: the people added go in
   * one removal, those changed in one run */
  g_signal_connect (people, "items-changed", G_CALLBACK (count_changes_cb), &n_changed);
  replay_in_background_ok (fixture, FALSE);
  g_signal_handlers_disconnect_by_data (people, &n_changed);
  g_assert_cmpuint (n_changed, ==, 2);
  assert_snapshot (fixture, "department", &before);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 5200);
  g_assert_cmpstr (vonk_history_get_redo_label (fixture->history), ==, "People imported");
  g_assert_true (vonk_history_is_large (fixture->history, TRUE));

  replay_in_background_ok (fixture, TRUE);
  assert_snapshot (fixture, "department", &after);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 7800);

  replay_in_background_ok (fixture, FALSE);
  assert_snapshot (fixture, "department", &before);

  /* and the ordinary Redo takes up what the background Undo left */
  redo_ok (fixture);
  assert_snapshot (fixture, "department", &after);
}

/* A department's deletion, with people whose reference was cleared and
 * scores that went along, undone and redone in the background. */
static void
test_background_deletion (Fixture       *fixture,
                          gconstpointer  data)
{
  gint64 sales = add_department (fixture, "Sales");
  gint64 support = add_department (fixture, "Support");
  g_auto(Snapshot) before = { 0 };
  g_auto(Snapshot) after = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(VonkDeletion) deletion = NULL;

  fill_departments (fixture, sales, support, 60);
  snapshot_take (fixture, "barrier_score", &before);
  deletion = vonk_project_delete (fixture->project, department (fixture, sales), &error);
  g_assert_no_error (error);
  snapshot_take (fixture, "barrier_score", &after);

  replay_in_background_ok (fixture, FALSE);
  assert_snapshot (fixture, "barrier_score", &before);
  g_assert_nonnull (department (fixture, sales));

  replay_in_background_ok (fixture, TRUE);
  assert_snapshot (fixture, "barrier_score", &after);
  g_assert_null (department (fixture, sales));

  undo_ok (fixture);
  assert_snapshot (fixture, "barrier_score", &before);
}

/* A change whose parts depend on each other (the same department saved
 * before and after another step) cannot be planned from the lists as
 * they are; the background Undo replays it the ordinary way, exactly. */
static void
test_background_dependent (Fixture       *fixture,
                           gconstpointer  data)
{
  gint64 sales = add_department (fixture, "Sales");

  vonk_history_begin_change (fixture->history);
  save_ok (fixture, sales, "name", "Sales and Marketing");
  add_department (fixture, "Finance");
  {
    g_autoptr(VonkEntity) draft = vonk_entity_copy (department (fixture, sales));
    g_autoptr(GError) error = NULL;

    g_object_set (draft, "headcount", 25, NULL);
    g_assert_true (vonk_project_save (fixture->project, draft, &error));
    g_assert_no_error (error);
  }
  save_ok (fixture, sales, "name", "Marketing");
  vonk_history_end_change (fixture->history);

  {
    Replayed replayed = { 0, };

    vonk_history_replay_async (fixture->history, FALSE, NULL, NULL, NULL, replayed_cb,
                               &replayed);
    replay_wait (fixture, &replayed);
    g_assert_no_error (replayed.error);
    g_assert_true (replayed.ok);
  }
  g_assert_cmpstr (vonk_entity_get_string (department (fixture, sales), "name"), ==, "Sales");
  g_assert_cmpint (vonk_entity_get_int (department (fixture, sales), "headcount"), ==, 10);
  g_assert_cmpint (vonk_test_raw_int (fixture->path, "SELECT COUNT(*) FROM department "
                                      "WHERE name = 'Sales' AND headcount = 10"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (vonk_project_get_list (fixture->project,
                                                                     VONK_TYPE_DEPARTMENT)),
                    ==, 1);
}

/* Many people added in one change, for the tests below. */
static void
add_people (Fixture *fixture,
            guint    n)
{
  g_autoptr(GString) text = g_string_new ("name;email;department;role\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "Person %u;p%u@example.org;Sales;employee\n", i, i);
  import_text (fixture, text->str);
}

/* Cancel rolls the writing back: the lists, the file and the history
 * are as before, and the same Undo can be done again. */
static void
test_background_cancel (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_auto(Snapshot) before = { 0 };
  g_auto(Snapshot) after = { 0 };
  Replayed replayed = { 0, };

  snapshot_take (fixture, "department", &before);
  add_people (fixture, 2500);
  snapshot_take (fixture, "department", &after);

  replay_in_background (fixture, FALSE, cancellable, &replayed);
  g_cancellable_cancel (cancellable);
  replay_wait (fixture, &replayed);
  g_assert_false (replayed.ok);
  g_assert_error (replayed.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&replayed.error);

  assert_snapshot (fixture, "department", &after);
  g_assert_true (vonk_history_can_undo (fixture->history));
  g_assert_false (vonk_history_can_redo (fixture->history));
  g_assert_cmpstr (vonk_history_get_undo_label (fixture->history), ==, "People imported");

  replay_in_background_ok (fixture, FALSE);
  assert_snapshot (fixture, "department", &before);
}

/* While the worker writes, the project takes no other change: an edit,
 * a deletion, an Undo and a second background Undo are refused with a
 * message that says why, and change nothing. */
static void
test_background_refuses_edits (Fixture       *fixture,
                               gconstpointer  data)
{
  gint64 sales = add_department (fixture, "Sales");
  g_autoptr(VonkEntity) finance = NULL;
  g_autoptr(VonkEntity) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VonkDeletion) deletion = NULL;
  g_auto(Snapshot) before = { 0 };
  Replayed replayed = { 0, };
  Replayed second = { 0, };

  snapshot_take (fixture, "department", &before);
  add_people (fixture, 2500);

  replay_in_background (fixture, FALSE, NULL, &replayed);

  draft = vonk_entity_copy (department (fixture, sales));
  g_object_set (draft, "name", "Marketing", NULL);
  g_assert_false (vonk_project_save (fixture->project, draft, &error));
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_READ_ONLY);
  g_assert_cmpstr (error->message, ==, "Wait until Undo or Redo is done");
  g_clear_error (&error);

  finance = g_object_new (VONK_TYPE_DEPARTMENT, "name", "Finance", NULL);
  g_assert_false (vonk_project_add (fixture->project, finance, &error));
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  deletion = vonk_project_delete (fixture->project, department (fixture, sales), &error);
  g_assert_null (deletion);
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_false (vonk_history_undo (fixture->history, &error));
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  vonk_history_replay_async (fixture->history, FALSE, NULL, NULL, NULL, replayed_cb, &second);
  replay_wait (fixture, &replayed);
  while (!second.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (second.ok);
  g_assert_error (second.error, VONK_STORE_ERROR, VONK_STORE_ERROR_READ_ONLY);
  g_clear_error (&second.error);

  g_assert_no_error (replayed.error);
  g_assert_true (replayed.ok);
  assert_snapshot (fixture, "department", &before);
  g_assert_cmpstr (vonk_entity_get_string (department (fixture, sales), "name"), ==, "Sales");
  g_assert_cmpuint (g_list_model_get_n_items (vonk_project_get_list (fixture->project,
                                                                     VONK_TYPE_DEPARTMENT)),
                    ==, 1);

  /* and afterwards the project takes changes again */
  g_assert_true (vonk_project_save (fixture->project, draft, &error));
  g_assert_no_error (error);
}

static void
imported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GError **error = user_data;
  g_autoptr(VonkCsvReport) report = NULL;

  report = vonk_csv_import_people_finish (VONK_PROJECT (source), result, error);
  g_assert_null (report);
}

/* An import in a worker of its own, started while a background Undo
 * runs, is refused: it would write in between. */
static void
test_background_refuses_import (Fixture       *fixture,
                                gconstpointer  data)
{
  const char *text = "name;email\nLate;late@example.org\n";
  g_autoptr(VonkCsv) csv = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Snapshot) before = { 0 };
  Replayed replayed = { 0, };

  snapshot_take (fixture, "department", &before);
  add_people (fixture, 2500);
  csv = vonk_csv_new_from_data (text, strlen (text), &error);
  g_assert_no_error (error);

  replay_in_background (fixture, FALSE, NULL, &replayed);
  vonk_csv_import_people_async (fixture->project, csv, NULL, NULL, NULL, imported_cb, &error);
  replay_wait (fixture, &replayed);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_READ_ONLY);
  g_assert_cmpstr (error->message, ==, "Wait until Undo or Redo is done");

  g_assert_true (replayed.ok);
  assert_snapshot (fixture, "department", &before);
}

static gint64
department_named (Fixture    *fixture,
                  const char *name)
{
  GListModel *departments = vonk_project_get_list (fixture->project, VONK_TYPE_DEPARTMENT);

  for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
    {
      g_autoptr(VonkEntity) department = g_list_model_get_item (departments, i);

      if (g_strcmp0 (vonk_entity_get_string (department, "name"), name) == 0)
        return vonk_entity_get_id (department);
    }

  g_assert_not_reached ();
}

/* An import in the background, followed from the main thread. */
typedef struct
{
  Fixture       *fixture;
  GThread       *main_thread;
  gint64         department; /* one to try to rename meanwhile */
  guint          n_tried;    /* edits tried while the lists took the import in */
  guint          n_people;   /* as listed when first tried */
  guint          n_refused;  /* Undo in the background, refused */
  VonkCsvReport *report;
  GError        *error;
  gboolean       done;
} AsyncImport;

static void
refused_replay_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  AsyncImport *import = data;
  g_autoptr(GError) error = NULL;

  g_assert_false (vonk_history_replay_finish (VONK_HISTORY (source), result, &error));
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_READ_ONLY);
  import->n_refused++;
}

/* Called from the worker while it writes, then from the main thread while
 * the lists take in what it wrote, in slices: every edit is refused then,
 * Undo too, and nothing changes. */
static void
async_progress_cb (double   fraction,
                   gpointer data)
{
  AsyncImport *import = data;
  VonkEntity *live;
  g_autoptr(VonkEntity) draft = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *people;

  if (g_thread_self () != import->main_thread || import->done)
    return;

  people = vonk_project_get_list (import->fixture->project, VONK_TYPE_PERSON);
  if (import->n_tried == 0)
    import->n_people = g_list_model_get_n_items (people);
  import->n_tried++;

  live = department (import->fixture, import->department);
  draft = vonk_entity_copy (live);
  g_object_set (draft, "name", "Renamed meanwhile", NULL);
  g_assert_false (vonk_project_save (import->fixture->project, draft, &error));
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_READ_ONLY);
  g_assert_cmpstr (vonk_entity_get_string (live, "name"), !=, "Renamed meanwhile");
  g_clear_error (&error);

  g_assert_false (vonk_history_undo (import->fixture->history, &error));
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_READ_ONLY);
  g_assert_cmpint (vonk_test_raw_int (import->fixture->path, "SELECT COUNT(*) FROM person"), ==,
                   4000);

  /* nor does a large Undo start, which would take the store's refusal
   * away when done */
  vonk_history_replay_async (import->fixture->history, FALSE, NULL, NULL, NULL,
                             refused_replay_cb, import);
  g_assert_false (vonk_history_is_busy (import->fixture->history));
}

static void
async_imported_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  AsyncImport *import = data;

  import->report = vonk_csv_import_people_finish (VONK_PROJECT (source), result,
                                                  &import->error);
  import->done = TRUE;
}

/* The import as the dialog does it: written in a worker, taken into the
 * lists in slices in the main thread. Meanwhile edits and Undo are
 * refused; then the lists are what a fresh load of the file gives, with
 * the people the views were told of in as few items-changed as can be,
 * and the history holds the import as one change that Undo takes back
 * whole and Redo makes again. */
static void
test_mixed_import_async (Fixture       *fixture,
                         gconstpointer  data)
{
  GListModel *people = vonk_project_get_list (fixture->project, VONK_TYPE_PERSON);
  g_autoptr(GString) first = g_string_new ("name;email;department;role\n");
  g_autoptr(GString) second = g_string_new ("name;email;department;role\n");
  g_autoptr(VonkCsv) csv = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VonkEntity) draft = NULL;
  g_autofree char *reopened = NULL;
  g_auto(Snapshot) before = { 0 };
  g_auto(Snapshot) after = { 0 };
  AsyncImport import = { fixture, g_thread_self () };
  guint n_changes, n_items_changed = 0;

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (first, "Person %u;p%u@example.org;%s;employee\n", i, i,
                            i % 2 ? "Sales" : "Support");
  import_text (fixture, first->str);
  import.department = department_named (fixture, "Sales");

  /* every third person moves and changes role; 1,000 people and a
   * department are new: more than is taken in at once */
  for (guint i = 0; i < 3000; i += 3)
    g_string_append_printf (second, "Person %u;p%u@example.org;%s;middle-manager\n", i, i,
                            i % 2 ? "Support" : "Finance");
  for (guint i = 3000; i < 4000; i++)
    g_string_append_printf (second, "Person %u;p%u@example.org;Sales;employee\n", i, i);
  csv = vonk_csv_new_from_data (second->str, second->len, &error);
  g_assert_no_error (error);

  snapshot_take (fixture, "department", &before);
  n_changes = fixture->recorded->len;
  g_signal_connect (people, "items-changed", G_CALLBACK (count_changes_cb), &n_items_changed);

  vonk_csv_import_people_async (fixture->project, csv, async_progress_cb, &import, NULL,
                                async_imported_cb, &import);
  WAIT_UNTIL (import.done);
  g_signal_handlers_disconnect_by_data (people, &n_items_changed);

  g_assert_no_error (import.error);
  g_assert_nonnull (import.report);
  g_assert_cmpuint (import.report->counts[VONK_CSV_ADDED], ==, 1000);
  g_assert_cmpuint (import.report->counts[VONK_CSV_UPDATED], ==, 1000);
  vonk_csv_report_free (import.report);

  /* it was tried while the lists took it in, when they had not all of it */
  g_assert_cmpuint (import.n_tried, >, 0);
  g_assert_cmpuint (import.n_people, ==, 3000);
  WAIT_UNTIL (import.n_refused == import.n_tried);
  /* the updated people and the added ones, told in one */
  g_assert_cmpuint (n_items_changed, ==, 1);

  g_assert_cmpuint (fixture->recorded->len, ==, n_changes + 1);
  g_assert_cmpstr (vonk_history_get_undo_label (fixture->history), ==, "People imported");
  snapshot_take (fixture, "department", &after);
  reopened = dump_people_reopened (fixture->path,
                                   vonk_entity_get_id (VONK_ENTITY (fixture->project)));
  g_assert_cmpstr (after.people, ==, reopened);
  g_assert_cmpstr (after.people, !=, before.people);
  g_assert_cmpint (vonk_test_raw_int (fixture->path, "SELECT COUNT(*) FROM person "
                                      "WHERE role = 'middle-manager'"), ==, 1000);

  undo_ok (fixture);
  assert_snapshot (fixture, "department", &before);
  redo_ok (fixture);
  assert_snapshot (fixture, "department", &after);
  undo_ok (fixture);
  assert_snapshot (fixture, "department", &before);

  /* and the project takes edits again */
  draft = vonk_entity_copy (department (fixture, import.department));
  g_object_set (draft, "name", "Renamed after", NULL);
  g_assert_true (vonk_project_save (fixture->project, draft, &error));
  g_assert_no_error (error);
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/history/add", test_add);
  ADD ("/history/save", test_save);
  ADD ("/history/delete", test_delete);
  ADD ("/history/grouped", test_grouped);
  ADD ("/history/refused", test_refused);
  ADD ("/history/bounded", test_bounded);
  ADD ("/history/many-additions", test_many_additions);
  ADD ("/history/mixed-import", test_mixed_import);
  ADD ("/history/saves-of-one", test_saves_of_one);
  ADD ("/history/save-many-refused", test_save_many_refused);
  ADD ("/history/delete-department", test_delete_department);
  ADD ("/history/scattered-changes", test_scattered_changes);
  ADD ("/history/changes-in-slices", test_changes_in_slices);
  ADD ("/history/saves-in-steps", test_saves_in_steps);
  ADD ("/history/background/mixed-import", test_background_mixed_import);
  ADD ("/history/background/deletion", test_background_deletion);
  ADD ("/history/background/dependent", test_background_dependent);
  ADD ("/history/background/cancel", test_background_cancel);
  ADD ("/history/background/refuses-edits", test_background_refuses_edits);
  ADD ("/history/background/refuses-import", test_background_refuses_import);
  ADD ("/history/mixed-import-async", test_mixed_import_async);

  return g_test_run ();
}
