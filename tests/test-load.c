/* test-load.c — loading a project: its attendance later, or in a thread
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A project reads its attendance only when something first asks for it,
 * and can be read in a thread. Whichever way, and whatever was changed
 * in between, every list must hold what the database holds: these tests
 * compare each list, value by value, with a fresh read of the file.
 */

#include "config.h"

#include "vonk-core.h"
#include "vonk-test-utils.h"

typedef struct
{
  char        *dir;
  char        *path;
  VonkStore   *store;
  VonkProject *project;
  gint64       project_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (2, G_DATE_MARCH, 2026);
  VonkProject *demo;

  f->store = vonk_test_store_new ("vonk-load-XXXXXX", &f->dir, &f->path);
  demo = vonk_demo_create (f->store, today, &error);
  g_assert_no_error (error);
  f->project_id = vonk_entity_get_id (VONK_ENTITY (demo));

  /* the project as a window opening the file finds it: not loaded yet */
  vonk_test_close_store (&f->store);
  f->store = vonk_test_open_store (f->path);
  f->project = g_object_ref (vonk_store_find_project (f->store, f->project_id));
  g_assert_false (vonk_project_is_loaded (f->project));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->project);
  vonk_test_close_store (&f->store);
  vonk_test_remove_recursively (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* A column's value as text: dates and times by what they say. */
static char *
value_text (const GValue *value)
{
  if (G_VALUE_HOLDS (value, G_TYPE_DATE))
    {
      const GDate *date = g_value_get_boxed (value);

      return date == NULL ? g_strdup ("-")
                          : g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                                             g_date_get_month (date), g_date_get_day (date));
    }
  if (G_VALUE_HOLDS (value, G_TYPE_DATE_TIME))
    {
      GDateTime *time = g_value_get_boxed (value);

      return time == NULL ? g_strdup ("-") : g_date_time_format_iso8601 (time);
    }

  return g_strdup_value_contents (value);
}

/* An entity's ID and every column's value. */
static char *
describe (VonkEntity *entity)
{
  VonkEntityClass *klass = VONK_ENTITY_GET_CLASS (entity);
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%s %" G_GINT64_FORMAT, G_OBJECT_TYPE_NAME (entity),
                          vonk_entity_get_id (entity));
  for (guint c = 0; c < vonk_entity_class_get_n_columns (klass); c++)
    {
      g_autofree char *value = value_text (vonk_entity_get_value (entity, c));

      g_string_append_printf (text, " %s", value);
    }

  return g_string_free (text, FALSE);
}

static GPtrArray *
items_of (GListModel *list)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (items, g_list_model_get_item (list, i));
  return items;
}

/* Each session's attendance, as vonk_project_get_referring() finds it
 * (from the index the reading ahead makes, or one made when asked), is
 * the list's rows for that session, in ID order. */
static void
assert_referring_as_listed (Fixture *f)
{
  g_autoptr(GPtrArray) sessions = items_of (vonk_project_get_list (f->project,
                                                                   VONK_TYPE_SESSION));
  g_autoptr(GPtrArray) attendance = items_of (vonk_project_get_list (f->project,
                                                                     VONK_TYPE_ATTENDANCE));
  guint n_found = 0;

  for (guint i = 0; i < sessions->len; i++)
    {
      gint64 id = vonk_entity_get_id (g_ptr_array_index (sessions, i));
      g_autoptr(GPtrArray) found = vonk_project_get_referring (f->project, VONK_TYPE_ATTENDANCE,
                                                               "session-id", id);
      guint j = 0;

      for (guint k = 0; k < attendance->len; k++)
        {
          VonkEntity *row = g_ptr_array_index (attendance, k);

          if (vonk_entity_get_int64 (row, "session-id") != id)
            continue;
          g_assert_cmpuint (j, <, found->len);
          g_assert_true (g_ptr_array_index (found, j) == row);
          j++;
        }
      g_assert_cmpuint (found->len, ==, j);
      n_found += j;
    }
  g_assert_cmpuint (n_found, ==, attendance->len);
}

/* Every list of the project holds what a fresh read of the file gives. */
static void
assert_lists_as_stored (Fixture *f)
{
  g_autoptr(VonkStore) fresh = vonk_test_open_store (f->path);
  const GType *types;
  guint n_types;

  types = vonk_entity_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) stored = vonk_store_load (fresh, types[i], f->project_id, &error);
      g_autoptr(GPtrArray) listed = items_of (vonk_project_get_list (f->project, types[i]));

      g_assert_no_error (error);
      for (guint j = 0; j < MIN (stored->len, listed->len); j++)
        {
          g_autofree char *expected = describe (g_ptr_array_index (stored, j));
          g_autofree char *actual = describe (g_ptr_array_index (listed, j));

          g_assert_cmpstr (actual, ==, expected);
        }
      g_assert_cmpuint (listed->len, ==, stored->len);
    }
  assert_referring_as_listed (f);
}

static guint
n_attendance (Fixture *f)
{
  return g_list_model_get_n_items (vonk_project_get_list (f->project, VONK_TYPE_ATTENDANCE));
}

/* The attendance, read when first asked for, is all there. */
static void
test_deferred (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (vonk_project_load (f->project, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_attendance (f), >, 100);
  g_assert_cmpint (n_attendance (f), ==, vonk_test_count_rows (f->path, "attendance"));
  assert_lists_as_stored (f);
}

/* The same, read ahead in a thread. */
static void
test_read_ahead (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (vonk_project_load (f->project, &error));
  vonk_project_read_ahead (f->project);
  vonk_project_read_ahead (f->project); /* once is enough */
  assert_lists_as_stored (f);
}

static void
count_cb (VonkProject *project,
          guint       *count)
{
  (*count)++;
}

/* Read ahead or when asked for, the project says once when it has it all. */
static void
test_complete (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean ahead = GPOINTER_TO_INT (data);
  guint completed = 0;

  g_signal_connect (f->project, "complete", G_CALLBACK (count_cb), &completed);
  g_assert_true (vonk_project_load (f->project, &error));
  g_assert_false (vonk_project_is_complete (f->project));

  if (ahead)
    vonk_project_read_ahead (f->project);
  else
    n_attendance (f);
  WAIT_UNTIL (completed > 0);
  g_assert_true (vonk_project_is_complete (f->project));
  g_assert_cmpint (n_attendance (f), ==, vonk_test_count_rows (f->path, "attendance"));
  assert_referring_as_listed (f);

  /* once */
  vonk_project_read_ahead (f->project);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (completed, ==, 1);
}

/* The session with the most attendance rows. */
static VonkEntity *
busiest_session (Fixture *f)
{
  GListModel *sessions = vonk_project_get_list (f->project, VONK_TYPE_SESSION);
  VonkEntity *busiest = NULL;
  gint64 most = -1;

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(VonkEntity) session = g_list_model_get_item (sessions, i);
      gint64 n = vonk_test_raw_int (f->path,
                                    "SELECT count(*) FROM attendance WHERE session_id = %"
                                    G_GINT64_FORMAT, vonk_entity_get_id (session));

      if (n > most)
        {
          most = n;
          busiest = session;
        }
    }

  g_assert_cmpint (most, >, 0);
  return busiest;
}

/* Changes made before the attendance is first read, by the project and
 * straight through the store: the list shows each once, and a deletion
 * whose cascade took attendance rows is undone with them. */
static void
test_changes_before_reading (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean ahead = GPOINTER_TO_INT (data);
  gint64 rows = vonk_test_count_rows (f->path, "attendance");
  VonkEntity *session;
  VonkHistory *history;

  g_assert_true (vonk_project_load (f->project, &error));
  if (ahead)
    vonk_project_read_ahead (f->project);
  history = vonk_project_get_history (f->project);
  session = busiest_session (f);

  /* a deletion whose cascade takes attendance rows */
  g_assert_true (vonk_project_remove (f->project, session, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vonk_test_count_rows (f->path, "attendance"), <, rows);
  assert_lists_as_stored (f);

  g_assert_true (vonk_history_undo (history, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vonk_test_count_rows (f->path, "attendance"), ==, rows);
  assert_lists_as_stored (f);
}

/* An attendance row added before the list was first read is in it once. */
static void
test_add_before_reading (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean ahead = GPOINTER_TO_INT (data);
  gint64 rows = vonk_test_count_rows (f->path, "attendance");
  g_autoptr(VonkEntity) person = g_object_new (VONK_TYPE_PERSON, "name", "Nieuwe collega", NULL);
  g_autoptr(VonkEntity) row = NULL;
  g_autoptr(VonkEntity) session = NULL;

  g_assert_true (vonk_project_load (f->project, &error));
  if (ahead)
    vonk_project_read_ahead (f->project);
  session = g_list_model_get_item (vonk_project_get_list (f->project, VONK_TYPE_SESSION), 0);
  vonk_test_add_ok (f->project, person);
  row = g_object_new (VONK_TYPE_ATTENDANCE, "session-id", vonk_entity_get_id (session),
                      "person-id", vonk_entity_get_id (person), NULL);
  vonk_test_add_ok (f->project, row);

  g_assert_cmpint (vonk_test_count_rows (f->path, "attendance"), ==, rows + 1);
  g_assert_cmpint (n_attendance (f), ==, rows + 1);
  g_assert_true (vonk_project_lookup (f->project, VONK_TYPE_ATTENDANCE,
                                      vonk_entity_get_id (row)) == row);
  assert_lists_as_stored (f);
}

/* Loaded inside a transaction, whose changes another connection cannot
 * see, the attendance is read at once and holds them. */
static void
test_inside_transaction (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (vonk_store_begin (f->store, &error));
  g_assert_true (vonk_project_load (f->project, &error));
  g_assert_no_error (error);
  g_assert_true (vonk_store_commit (f->store, &error));
  assert_lists_as_stored (f);
}

/* Loading in a thread */

typedef struct
{
  GArray   *fractions;
  gboolean  done;
  gboolean  loaded;
  GError   *error;
} AsyncLoad;

static void
progress_cb (double   fraction,
             gpointer data)
{
  AsyncLoad *load = data;

  g_assert_false (load->done);
  g_array_append_val (load->fractions, fraction);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  AsyncLoad *load = data;

  load->loaded = vonk_project_load_finish (VONK_PROJECT (source), result, &load->error);
  load->done = TRUE;
}

static void
load_async (VonkProject *project,
            AsyncLoad   *load)
{
  load->fractions = g_array_new (FALSE, FALSE, sizeof (double));
  vonk_project_load_async (project, NULL, progress_cb, load, loaded_cb, load);
  g_assert_false (vonk_project_is_loaded (project));
  WAIT_UNTIL (load->done);
}

static void
async_load_clear (AsyncLoad *load)
{
  g_clear_pointer (&load->fractions, g_array_unref);
  g_clear_error (&load->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AsyncLoad, async_load_clear)

/* The lists as a load in the calling thread gives them, and progress that
 * only goes forward. */
static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_auto(AsyncLoad) load = { 0, };
  double last = 0.0;

  load_async (f->project, &load);
  g_assert_no_error (load.error);
  g_assert_true (load.loaded);
  g_assert_true (vonk_project_is_loaded (f->project));
  g_assert_cmpuint (load.fractions->len, >, 0);
  for (guint i = 0; i < load.fractions->len; i++)
    {
      double fraction = g_array_index (load.fractions, double, i);

      g_assert_cmpfloat (fraction, >=, last);
      g_assert_cmpfloat (fraction, <=, 1.0);
      last = fraction;
    }
  assert_lists_as_stored (f);
}

/* A value that cannot be what its column holds is refused with the
 * message the loading in the calling thread gives. */
static void
test_async_corrupt (Fixture       *f,
                    gconstpointer  data)
{
  g_auto(AsyncLoad) load = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(VonkStore) other = NULL;
  VonkProject *twin;

  vonk_test_raw_exec (f->path, "UPDATE session SET starts_at = 'next tuesday' "
                               "WHERE id = (SELECT min(id) FROM session)");
  load_async (f->project, &load);
  g_assert_false (load.loaded);
  g_assert_error (load.error, VONK_STORE_ERROR, VONK_STORE_ERROR_CORRUPT);
  g_assert_false (vonk_project_is_loaded (f->project));

  other = vonk_test_open_store (f->path);
  twin = vonk_store_find_project (other, f->project_id);
  g_assert_false (vonk_project_load (twin, &error));
  g_assert_cmpstr (load.error->message, ==, error->message);
}

/* An attendance that can no longer be read when first needed leaves its
 * list empty, says why, and the store then refuses every change, so that
 * nothing is changed on the strength of what is missing. */
static void
test_unreadable (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VonkEntity) department = NULL;
  gint64 rows = vonk_test_count_rows (f->path, "attendance");
  gint64 sessions = vonk_test_count_rows (f->path, "session");
  const GError *read_error;
  VonkEntity *session;
  guint completed = 0;

  /* damaged where only the list read later looks */
  vonk_test_raw_exec (f->path, "PRAGMA ignore_check_constraints = ON;"
                               "UPDATE attendance SET status = 'maybe' "
                               "WHERE id = (SELECT max(id) FROM attendance)");
  g_signal_connect (f->project, "complete", G_CALLBACK (count_cb), &completed);
  g_assert_true (vonk_project_load (f->project, &error));
  g_assert_null (vonk_project_get_read_error (f->project));

  g_assert_cmpuint (n_attendance (f), ==, 0);
  read_error = vonk_project_get_read_error (f->project);
  g_assert_nonnull (read_error);
  g_assert_nonnull (strstr (read_error->message, "could not be read"));
  WAIT_UNTIL (completed > 0);

  /* a deletion whose cascade would take attendance rows */
  session = busiest_session (f);
  g_assert_false (vonk_project_remove (f->project, session, &error));
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_READ_ONLY);
  g_assert_cmpstr (error->message, ==, read_error->message);
  g_clear_error (&error);
  g_assert_true (vonk_project_lookup (f->project, VONK_TYPE_SESSION,
                                      vonk_entity_get_id (session)) == session);

  /* an addition, and a write outside any transaction */
  department = g_object_new (VONK_TYPE_DEPARTMENT, "name", "Inkoop", NULL);
  g_assert_false (vonk_project_add (f->project, department, &error));
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (vonk_store_update (f->store, VONK_ENTITY (session), &error));
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_cmpint (vonk_test_count_rows (f->path, "attendance"), ==, rows);
  g_assert_cmpint (vonk_test_count_rows (f->path, "session"), ==, sessions);
  g_assert_false (vonk_history_can_undo (vonk_project_get_history (f->project)));
}

/* Inside a transaction there is no thread; the loading still works. */
static void
test_async_inside_transaction (Fixture       *f,
                               gconstpointer  data)
{
  g_auto(AsyncLoad) load = { 0, };
  g_autoptr(GError) error = NULL;

  g_assert_true (vonk_store_begin (f->store, &error));
  load_async (f->project, &load);
  g_assert_no_error (load.error);
  g_assert_true (load.loaded);
  g_assert_true (vonk_store_commit (f->store, &error));
  assert_lists_as_stored (f);
}

/* Cancelled, the project stays unloaded and can be loaded again. */
static void
test_async_cancelled (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_auto(AsyncLoad) load = { 0, };

  load.fractions = g_array_new (FALSE, FALSE, sizeof (double));
  vonk_project_load_async (f->project, cancellable, progress_cb, &load, loaded_cb, &load);
  g_cancellable_cancel (cancellable);
  WAIT_UNTIL (load.done);
  g_assert_false (load.loaded);
  g_assert_error (load.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (vonk_project_is_loaded (f->project));

  async_load_clear (&load);
  load = (AsyncLoad) { 0, };
  load_async (f->project, &load);
  g_assert_true (load.loaded);
  assert_lists_as_stored (f);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/load/deferred", test_deferred, NULL);
  ADD ("/load/deferred/read-ahead", test_read_ahead, NULL);
  ADD ("/load/deferred/delete-undo", test_changes_before_reading, GINT_TO_POINTER (FALSE));
  ADD ("/load/deferred/delete-undo-read-ahead", test_changes_before_reading,
       GINT_TO_POINTER (TRUE));
  ADD ("/load/deferred/add", test_add_before_reading, GINT_TO_POINTER (FALSE));
  ADD ("/load/deferred/add-read-ahead", test_add_before_reading, GINT_TO_POINTER (TRUE));
  ADD ("/load/deferred/inside-transaction", test_inside_transaction, NULL);
  ADD ("/load/deferred/complete", test_complete, GINT_TO_POINTER (FALSE));
  ADD ("/load/deferred/complete-read-ahead", test_complete, GINT_TO_POINTER (TRUE));
  ADD ("/load/deferred/unreadable", test_unreadable, NULL);
  ADD ("/load/async", test_async, NULL);
  ADD ("/load/async/corrupt", test_async_corrupt, NULL);
  ADD ("/load/async/inside-transaction", test_async_inside_transaction, NULL);
  ADD ("/load/async/cancelled", test_async_cancelled, NULL);

#undef ADD

  return g_test_run ();
}
