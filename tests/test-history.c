/* test-history.c — undo and redo of a project's changes
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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

  return g_test_run ();
}
