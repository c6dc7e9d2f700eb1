/* test-crash.c — no committed edit is lost when Vonk is killed
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs vonk-crash-worker on one project again and again, killing it with
 * SIGKILL after a random time: during its start, an edit, a commit or the
 * journal write. After each kill the next run's first journal record is
 * what the core loads from the file, which must be everything the journals
 * say was committed, give or take the one edit under way at the kill. At
 * the end the file passes PRAGMA integrity_check and foreign_key_check,
 * and the rows in it are exactly what the journals say.
 *
 * VONK_CRASH_EDITS (default 500) is how many committed edits to reach,
 * VONK_CRASH_SEED the seed (random by default; printed, and again on a
 * failure, to rerun the same edits and kill times). The edits are the same
 * for a seed; where in an edit a kill lands depends on the machine's speed.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "vonk-crash.h"
#include "vonk-test-utils.h"

/* How many edits a run may get through before its kill, at most. */
#define MAX_EDITS_PER_RUN 6

typedef struct
{
  guint64     seed;
  GRand      *rand;
  char       *dir;
  char       *path;
  gint64      project_id;
  GHashTable *model;     /* "TABLE ID" → token: what the journals say is stored */
  char       *in_flight; /* the last run's "? …" record with no "!" after it */
  guint64     next_edit;
  guint       committed; /* edits the journals say were committed */
  guint       runs;
  guint       kills_in_edit;
} Crash;

static void G_GNUC_PRINTF (2, 3)
crash_fail (Crash      *c,
            const char *format,
            ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_test_message ("after %u runs, %u edits committed: %s", c->runs, c->committed, message);
  g_test_message ("rerun with VONK_CRASH_SEED=%" G_GUINT64_FORMAT, c->seed);
  g_test_fail ();
  g_assert_not_reached ();
}

static GHashTable *
new_state (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static const char *
table_of (const char *key,
          char       *buffer,
          gsize       size)
{
  g_strlcpy (buffer, key, size);
  *strchrnul (buffer, ' ') = '\0';
  return buffer;
}

/* Whether @found differs from the model only as the edit @in_flight (if
 * any) could have made it: that edit may have committed before the kill
 * without reaching the journal. Fails the test if not. */
static void
check_state (Crash      *c,
             GHashTable *found,
             const char *where)
{
  g_autoptr(GPtrArray) extra = g_ptr_array_new ();
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_auto(GStrv) intent = NULL;
  g_autofree char *target = NULL;
  GHashTableIter iter;
  gpointer key, value;
  gboolean ok;

  g_hash_table_iter_init (&iter, found);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *expected = g_hash_table_lookup (c->model, key);

      if (expected == NULL)
        g_ptr_array_add (extra, key);
      else if (strcmp (expected, value) != 0)
        g_ptr_array_add (changed, key);
    }
  g_hash_table_iter_init (&iter, c->model);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (found, key))
      g_ptr_array_add (missing, key);

  if (extra->len + missing->len + changed->len == 0)
    return;

  /* "? EDIT KIND TABLE ID" */
  if (c->in_flight != NULL)
    intent = g_strsplit (c->in_flight, " ", 5);
  if (intent == NULL || g_strv_length (intent) != 5)
    ok = FALSE;
  else
    {
      const char *kind = intent[2];
      char table[64];

      target = g_strdup_printf ("%s %s", intent[3], intent[4]);
      if (strcmp (kind, "add") == 0)
        ok = missing->len == 0 && changed->len == 0 && extra->len == 1 &&
             strcmp (table_of (extra->pdata[0], table, sizeof table), intent[3]) == 0;
      else if (strcmp (kind, "save") == 0)
        ok = extra->len == 0 && missing->len == 0 && changed->len == 1 &&
             strcmp (changed->pdata[0], target) == 0;
      else if (strcmp (kind, "delete") == 0)
        ok = extra->len == 0 && changed->len == 0 &&
             g_ptr_array_find_with_equal_func (missing, target, g_str_equal, NULL);
      else if (strcmp (kind, "undo") == 0)
        ok = missing->len == 0 && changed->len == 0 &&
             g_ptr_array_find_with_equal_func (extra, target, g_str_equal, NULL);
      else if (strcmp (kind, "group") == 0)
        {
          ok = missing->len == 0 && changed->len == 0;
          for (guint i = 0; ok && i < extra->len; i++)
            ok = g_strv_contains ((const char *[]) { "session", "agenda_block", "attendance",
                                                     NULL },
                                  table_of (extra->pdata[i], table, sizeof table));
        }
      else
        ok = FALSE;
    }

  if (!ok)
    {
      g_autoptr(GString) diff = g_string_new (NULL);

      for (guint i = 0; i < extra->len; i++)
        g_string_append_printf (diff, " +[%s]", (char *) extra->pdata[i]);
      for (guint i = 0; i < missing->len; i++)
        g_string_append_printf (diff, " -[%s]", (char *) missing->pdata[i]);
      for (guint i = 0; i < changed->len; i++)
        g_string_append_printf (diff, " ~[%s: %s, not %s]", (char *) changed->pdata[i],
                                (char *) g_hash_table_lookup (found, changed->pdata[i]),
                                (char *) g_hash_table_lookup (c->model, changed->pdata[i]));
      crash_fail (c, "%s differs from the journals (edit under way: %s):%s", where,
                  c->in_flight ? c->in_flight : "none", diff->str);
    }
}

static void
replace_model (Crash      *c,
               GHashTable *state)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_remove_all (c->model);
  g_hash_table_iter_init (&iter, state);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (c->model, g_strdup (key), g_strdup (value));
}

/* Splits "X TABLE ID TOKEN" into "TABLE ID" and TOKEN. */
static void
split_record (const char  *line,
              char       **key,
              char       **token)
{
  const char *space = strchr (line + 2, ' ');

  space = space ? strchr (space + 1, ' ') : NULL;
  *key = space ? g_strndup (line + 2, space - (line + 2)) : g_strdup (line + 2);
  if (token != NULL)
    *token = g_strdup (space ? space + 1 : "");
}

/* Reads one run's journal: checks what it found on opening against the
 * model, then applies the edits it reports committed. A record cut off by
 * the kill (no newline yet) is not there. */
static void
read_journal (Crash      *c,
              const char *journal)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) found = new_state ();
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) lines = NULL;
  gboolean started = FALSE;
  char *end;

  if (!g_file_get_contents (journal, &contents, NULL, &error))
    {
      /* killed before it opened its journal */
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
      return;
    }

  end = strrchr (contents, '\n');
  if (end == NULL)
    return;
  end[1] = '\0';
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      const char *line = lines[i];

      if (line[0] == '=' && line[1] == '.')
        {
          check_state (c, found, "What the core loaded after the kill");
          replace_model (c, found);
          g_clear_pointer (&c->in_flight, g_free);
        }
      else if (line[0] == '=')
        {
          char *key, *token;

          split_record (line, &key, &token);
          g_hash_table_insert (found, key, token);
        }
      else if (line[0] == '?')
        {
          g_free (c->in_flight);
          c->in_flight = g_strdup (line);
          c->next_edit = g_ascii_strtoull (line + 2, NULL, 10) + 1;
          started = TRUE;
          g_ptr_array_set_size (pending, 0);
        }
      else if (line[0] == '+' || line[0] == '-')
        g_ptr_array_add (pending, g_strdup (line));
      else if (line[0] == '!')
        {
          for (guint p = 0; p < pending->len; p++)
            {
              const char *record = g_ptr_array_index (pending, p);
              char *key, *token;

              split_record (record, &key, &token);
              if (record[0] == '+')
                g_hash_table_insert (c->model, key, token);
              else
                {
                  g_hash_table_remove (c->model, key);
                  g_free (key);
                  g_free (token);
                }
            }
          g_ptr_array_set_size (pending, 0);
          g_clear_pointer (&c->in_flight, g_free);
          c->committed++;
        }
      else
        crash_fail (c, "%s: cannot read “%s”", journal, line);
    }

  if (started && c->in_flight != NULL)
    c->kills_in_edit++;
}

/* Starts the worker for edits from c->next_edit on; kills it after
 * @delay_us unless that is negative. Returns the journal it wrote. */
static char *
run_worker (Crash  *c,
            gint64  delay_us,
            guint   count)
{
  g_autofree char *journal = g_strdup_printf ("%s/journal-%u", c->dir, c->runs);
  g_autofree char *log = g_strdup_printf ("%s/worker-%u.log", c->dir, c->runs);
  g_autofree char *project_id = g_strdup_printf ("%" G_GINT64_FORMAT, c->project_id);
  g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT, c->seed);
  g_autofree char *first = g_strdup_printf ("%" G_GUINT64_FORMAT, c->next_edit);
  g_autofree char *n = g_strdup_printf ("%u", count);
  const char *argv[] = { g_getenv ("VONK_CRASH_WORKER"), c->path, project_id, journal, seed,
                         first, n, NULL };
  g_autoptr(GError) error = NULL;
  int log_fd, status;
  GPid pid;

  g_assert_nonnull (argv[0]);
  log_fd = g_open (log, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  g_assert_cmpint (log_fd, >=, 0);
  g_spawn_async_with_pipes_and_fds (NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                    -1, -1, log_fd, NULL, NULL, 0, &pid, NULL, NULL, NULL,
                                    &error);
  g_assert_no_error (error);
  close (log_fd);
  c->runs++;

  if (delay_us >= 0)
    {
      g_usleep (delay_us);
      kill (pid, SIGKILL);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);

  /* killed, or done with its edits; anything else is a failure */
  if (!(WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL) &&
      !(WIFEXITED (status) && WEXITSTATUS (status) == 0))
    {
      g_autofree char *message = NULL;

      g_file_get_contents (log, &message, NULL, NULL);
      crash_fail (c, "the worker stopped (status %d): %s", status, message);
    }

  return g_steal_pointer (&journal);
}

/* Runs the worker for @count edits without killing it; returns how long
 * it took. */
static gint64
time_run (Crash *c,
          guint  count)
{
  gint64 start = g_get_monotonic_time ();
  g_autofree char *journal = run_worker (c, -1, count);

  start = g_get_monotonic_time () - start;
  read_journal (c, journal);
  return start;
}

/* What the file itself holds, read past the core, after checking it. */
static GHashTable *
read_database (Crash *c)
{
  sqlite3 *db = vonk_test_raw_open (c->path);
  GHashTable *state = new_state ();
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    crash_fail (c, "integrity_check: %s", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    crash_fail (c, "foreign_key_check: a row of %s refers to nothing",
                sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  for (guint t = 0; t < G_N_ELEMENTS (vonk_crash_tables); t++)
    {
      const VonkCrashTable *table = &vonk_crash_tables[t];
      g_autofree char *column = g_strdelimit (g_strdup (table->token), "-", '_');
      g_autofree char *sql = g_strdup_printf ("SELECT id, %s FROM %s WHERE project_id = %"
                                              G_GINT64_FORMAT, column, table->table,
                                              c->project_id);

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_hash_table_insert (state,
                             g_strdup_printf ("%s %" G_GINT64_FORMAT, table->table,
                                              (gint64) sqlite3_column_int64 (stmt, 0)),
                             g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      sqlite3_finalize (stmt);
    }

  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return state;
}

static guint
env_uint (const char *name,
          guint       fallback)
{
  const char *value = g_getenv (name);

  return value != NULL && *value != '\0' ? (guint) g_ascii_strtoull (value, NULL, 10) : fallback;
}

static void
test_crash_sigkill (void)
{
  g_autoptr(VonkStore) store = NULL;
  guint target = env_uint ("VONK_CRASH_EDITS", 500);
  const char *seed = g_getenv ("VONK_CRASH_SEED");
  Crash c = { 0, };
  guint kills = 0;
  gint64 start_us, edit_us, max_delay_us;

  c.seed = seed != NULL ? g_ascii_strtoull (seed, NULL, 10)
                        : ((guint64) g_random_int () << 32 | g_random_int ());
  g_test_message ("crash test seed %" G_GUINT64_FORMAT " (VONK_CRASH_SEED), %u edits "
                  "(VONK_CRASH_EDITS)", c.seed, target);
  c.rand = g_rand_new_with_seed_array ((guint32[]) { (guint32) c.seed, c.seed >> 32 }, 2);
  c.model = new_state ();
  c.next_edit = 1;

  store = vonk_test_store_new ("vonk-crash-XXXXXX", &c.dir, &c.path);
  c.project_id = vonk_test_add_project (store, "Crash");
  vonk_test_close_store (&store);

  /* How long a run takes to start and an edit to commit, here and now (a
   * sanitizer build is slower): the kills come within the start and the
   * first few edits. */
  start_us = time_run (&c, 0);
  edit_us = MAX ((time_run (&c, 4) - start_us) / 4, 1000);
  max_delay_us = start_us + MAX_EDITS_PER_RUN * edit_us;
  g_test_message ("a run starts in %" G_GINT64_FORMAT " ms, an edit takes %" G_GINT64_FORMAT
                  " ms", start_us / 1000, edit_us / 1000);

  while (c.committed < target)
    {
      g_autofree char *journal = NULL;
      gint64 delay = g_rand_int_range (c.rand, 0, (gint32) max_delay_us);

      journal = run_worker (&c, delay, target - c.committed);
      read_journal (&c, journal);
      kills++;

      /* now and then, the file itself as the kill left it */
      if (kills % 16 == 0)
        {
          g_autoptr(GHashTable) state = read_database (&c);

          check_state (&c, state, "The database after the kill");
        }
    }

  /* one last run that only opens the project: it must find all of it */
  {
    g_autofree char *journal = run_worker (&c, -1, 0);
    g_autoptr(GHashTable) state = NULL;

    read_journal (&c, journal);
    g_assert_null (c.in_flight);
    state = read_database (&c);
    check_state (&c, state, "The database at the end");
  }

  g_test_message ("%u edits committed in %u runs; %u kills came during an edit",
                  c.committed, c.runs, c.kills_in_edit);
  g_assert_cmpuint (c.committed, >=, target);
  /* the kills must have hit edits, not only starts */
  g_assert_cmpuint (c.kills_in_edit, >, 0);

  g_assert_true (vonk_test_remove_recursively (c.dir));
  g_free (c.dir);
  g_free (c.path);
  g_free (c.in_flight);
  g_hash_table_unref (c.model);
  g_rand_free (c.rand);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/crash/sigkill", test_crash_sigkill);

  return g_test_run ();
}
