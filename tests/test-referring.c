/* test-referring.c — what refers to what, found through the project's index
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * vonk_project_get_referring() answers from an index it keeps per column;
 * these tests change the lists in every way the project can and check that
 * the answer is what a scan of the list would give.
 */

#include "config.h"

#include "vonk-core.h"
#include "vonk-test-utils.h"

/* The IDs of the attendance rows of @session_id, joined by ",". */
static char *
attendance_of (VonkProject *project,
               gint64       session_id)
{
  g_autoptr(GPtrArray) rows = vonk_project_get_referring (project, VONK_TYPE_ATTENDANCE,
                                                          "session-id", session_id);
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i ? "," : "",
                            vonk_entity_get_id (g_ptr_array_index (rows, i)));
  return g_string_free (ids, FALSE);
}

/* The same, by going through the whole list. */
static char *
attendance_scanned (VonkProject *project,
                    gint64       session_id)
{
  GListModel *list = vonk_project_get_list (project, VONK_TYPE_ATTENDANCE);
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(VonkEntity) row = g_list_model_get_item (list, i);

      if (vonk_entity_get_int64 (row, "session-id") == session_id)
        g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len ? "," : "",
                                vonk_entity_get_id (row));
    }
  return g_string_free (ids, FALSE);
}

#define ASSERT_ATTENDANCE(project, session_id, expected)                   \
  G_STMT_START {                                                           \
    g_autofree char *indexed = attendance_of (project, session_id);        \
    g_autofree char *scanned = attendance_scanned (project, session_id);   \
    g_assert_cmpstr (indexed, ==, expected);                               \
    g_assert_cmpstr (scanned, ==, expected);                               \
  } G_STMT_END

static gint64
add_session (VonkProject *project,
             const char  *title)
{
  return vonk_test_add (project, g_object_new (VONK_TYPE_SESSION, "title", title, NULL));
}

static gint64
add_person (VonkProject *project,
            const char  *name)
{
  return vonk_test_add (project, g_object_new (VONK_TYPE_PERSON, "name", name, NULL));
}

static gint64
attend (VonkProject *project,
        gint64       session_id,
        gint64       person_id)
{
  return vonk_test_add (project, g_object_new (VONK_TYPE_ATTENDANCE,
                                               "session-id", session_id,
                                               "person-id", person_id,
                                               NULL));
}

static void
test_follows_changes (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(VonkStore) store = vonk_test_store_new ("vonk-referring-XXXXXX", &dir, &path);
  g_autoptr(VonkProject) project = vonk_project_new ("Referring");
  g_autoptr(VonkDeletion) deletion = NULL;
  g_autoptr(VonkEntity) moved = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first, second, anna, bram, a, b, c;
  g_autofree char *expected = NULL;

  vonk_test_create_project (store, project);
  first = add_session (project, "First");
  second = add_session (project, "Second");
  anna = add_person (project, "Anna");
  bram = add_person (project, "Bram");

  ASSERT_ATTENDANCE (project, first, "");

  /* added after the index was built */
  a = attend (project, first, anna);
  b = attend (project, first, bram);
  c = attend (project, second, anna);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, a, b);
  ASSERT_ATTENDANCE (project, first, expected);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT, c);
  ASSERT_ATTENDANCE (project, second, expected);

  /* saved with another session */
  moved = vonk_entity_copy (vonk_project_lookup (project, VONK_TYPE_ATTENDANCE, b));
  g_object_set (moved, "session-id", second, NULL);
  g_assert_true (vonk_project_save (project, moved, &error));
  g_assert_no_error (error);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT, a);
  ASSERT_ATTENDANCE (project, first, expected);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, b, c);
  ASSERT_ATTENDANCE (project, second, expected);

  /* a person's deletion takes their attendance along; undo brings it back */
  deletion = vonk_project_delete (project, vonk_project_lookup (project, VONK_TYPE_PERSON, anna),
                                  &error);
  g_assert_no_error (error);
  g_assert_nonnull (deletion);
  ASSERT_ATTENDANCE (project, first, "");
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT, b);
  ASSERT_ATTENDANCE (project, second, expected);

  g_assert_true (vonk_project_undo_deletion (project, deletion, &error));
  g_assert_no_error (error);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT, a);
  ASSERT_ATTENDANCE (project, first, expected);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, b, c);
  ASSERT_ATTENDANCE (project, second, expected);

  /* and after loading the project afresh */
  g_clear_pointer (&deletion, vonk_deletion_free);
  vonk_test_reopen (&store, &project, path, vonk_entity_get_id (VONK_ENTITY (project)));
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT, a);
  ASSERT_ATTENDANCE (project, first, expected);

  vonk_test_close_store (&store);
  vonk_test_remove_recursively (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/referring/follows-changes", test_follows_changes);

  return g_test_run ();
}
