/* test-robust.c — the store when the disk, the file or another program
 * fails it
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A full disk (a small tmpfs when we may mount one, a file size limit
 * otherwise), a read-only file system, the file removed underneath an open
 * store, and the file locked by another process. Each must give a
 * VonkStoreError with a message a user can act on, leave the project's
 * lists as they were, and leave in the file everything committed before —
 * checked by opening it again and by PRAGMA integrity_check. What
 * test-store covers already (a newer database, a file of another program,
 * a write-protected file for a user who is not root) is not repeated here.
 *
 * Mounting needs root; each such test runs in a subprocess in a mount
 * namespace of its own, so its mounts go with it, and is skipped when the
 * kernel refuses.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <unistd.h>

#include <gio/gio.h>

#include "vonk-test-utils.h"

/* A project with a little in it, in a store in @dir. */
typedef struct
{
  char        *dir;
  char        *path;
  VonkStore   *store;
  VonkProject *project;
  gint64       project_id;
  guint        n_added;
} Lab;

static void
lab_open (Lab        *lab,
          const char *dir)
{
  g_autoptr(VonkProject) project = vonk_project_new ("Robust");
  gint64 location;

  lab->dir = g_strdup (dir);
  lab->path = g_build_filename (dir, "vonk.db", NULL);
  lab->store = vonk_test_open_store (lab->path);
  vonk_test_create_project (lab->store, project);
  lab->project = g_steal_pointer (&project);
  lab->project_id = vonk_entity_get_id (VONK_ENTITY (lab->project));

  location = vonk_test_add (lab->project, g_object_new (VONK_TYPE_LOCATION, "name", "Utrecht",
                                                        NULL));
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("Department %d", i);

      vonk_test_add (lab->project, g_object_new (VONK_TYPE_DEPARTMENT, "name", name,
                                                 "location-id", location, NULL));
    }
}

static void
lab_close (Lab *lab)
{
  g_clear_object (&lab->project);
  if (lab->store != NULL)
    vonk_test_close_store (&lab->store);
  g_clear_pointer (&lab->path, g_free);
  g_clear_pointer (&lab->dir, g_free);
}

/* Adds a person with @size bytes of notes. */
static gboolean
lab_add_person (Lab     *lab,
                gsize    size,
                GError **error)
{
  g_autofree char *name = g_strdup_printf ("Person %u", lab->n_added + 1);
  g_autofree char *notes = g_strnfill (size, 'n');
  g_autoptr(VonkEntity) person = g_object_new (VONK_TYPE_PERSON, "name", name, "notes", notes,
                                               NULL);

  if (!vonk_project_add (lab->project, person, error))
    return FALSE;

  lab->n_added++;
  return TRUE;
}

static guint
n_people (VonkProject *project)
{
  return g_list_model_get_n_items (vonk_project_get_list (project, VONK_TYPE_PERSON));
}

static void
assert_integrity (const char *path)
{
  sqlite3 *db = vonk_test_raw_open (path);
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* Opens @path again, beside or after the lab's store: the project holds
 * what @counts says, the last person added is Person @n_added, and the
 * file is sound. */
static void
assert_intact (Lab    *lab,
               GArray *counts)
{
  g_autoptr(VonkStore) store = vonk_test_open_store (lab->path);
  g_autoptr(VonkProject) project = vonk_test_load_project (store, lab->project_id);
  g_autoptr(GArray) found = vonk_test_count_items (project);
  g_autofree char *last = g_strdup_printf ("Person %u", lab->n_added);
  GListModel *people = vonk_project_get_list (project, VONK_TYPE_PERSON);
  g_autoptr(VonkEntity) person = NULL;

  vonk_test_assert_same_counts (found, counts);
  g_assert_cmpuint (n_people (project), ==, lab->n_added);
  if (lab->n_added > 0)
    {
      person = g_list_model_get_item (people, lab->n_added - 1);
      g_assert_cmpstr (vonk_entity_get_string (person, "name"), ==, last);
    }

  g_clear_object (&project);
  vonk_test_close_store (&store);
  assert_integrity (lab->path);
}

/* Runs the test in a subprocess; TRUE in the subprocess. */
static gboolean
in_subprocess (void)
{
  if (g_test_subprocess ())
    return TRUE;

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT |
                          G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  return FALSE;
}

/* Gives this process mounts of its own; FALSE (and the test skipped) if
 * the kernel will not, as for a user who is not root. */
static gboolean
private_mounts (void)
{
  if (unshare (CLONE_NEWNS) != 0 ||
      mount ("none", "/", "none", MS_REC | MS_PRIVATE, NULL) != 0)
    {
      int errsv = errno;
      g_autofree char *why = g_strdup_printf ("cannot mount here: %s", g_strerror (errsv));

      g_test_skip (why);
      return FALSE;
    }

  return TRUE;
}

/* Writes @dir/filler until the file system is full. */
static void
fill_up (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "filler", NULL);
  char block[4096] = { 0, };
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

  g_assert_cmpint (fd, >=, 0);
  while (write (fd, block, sizeof block) > 0)
    ;
  g_assert_cmpint (errno, ==, ENOSPC);
  close (fd);
}

static void
make_room (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "filler", NULL);

  g_assert_cmpint (g_unlink (path), ==, 0);
}

/* Adds people of @size bytes until the store refuses one, which must be
 * for a full disk; the refused one is not in the list. */
static void
add_until_full (Lab        *lab,
                gsize       size,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  guint before;

  for (guint i = 0; i < 10000; i++)
    {
      before = n_people (lab->project);
      if (!lab_add_person (lab, size, &error))
        break;
    }

  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_FULL);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpuint (n_people (lab->project), ==, before);
  g_test_message ("full after %u people: %s", lab->n_added, error->message);
}

/* The rest of what a full disk refuses: a save, a deletion and a
 * transaction of several writes; none of them shows in the lists. */
static void
refuse_more (Lab *lab)
{
  g_autoptr(GError) error = NULL;
  VonkStore *store = lab->store;
  GListModel *departments = vonk_project_get_list (lab->project, VONK_TYPE_DEPARTMENT);
  g_autoptr(VonkEntity) department = g_list_model_get_item (departments, 0);
  g_autoptr(VonkEntity) changed = vonk_entity_copy (department);
  g_autofree char *notes = g_strnfill (64 * 1024, 'x');
  gboolean ok = TRUE;

  g_object_set (changed, "name", notes, NULL);
  g_assert_false (vonk_project_save (lab->project, changed, &error));
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_FULL);
  g_clear_error (&error);
  g_assert_cmpstr (vonk_entity_get_string (department, "name"), ==, "Department 0");

  /* several writes at once: the first or the commit fails, and all of it
   * is rolled back */
  g_assert_true (vonk_store_begin (store, &error));
  for (int i = 0; ok && i < 20; i++)
    {
      g_autoptr(VonkEntity) person = g_object_new (VONK_TYPE_PERSON, "name", "Batch",
                                                   "notes", notes, NULL);

      ok = vonk_store_insert (store, lab->project_id, person, &error);
    }
  if (ok)
    ok = vonk_store_commit (store, &error);
  else
    vonk_store_rollback (store);
  g_assert_false (ok);
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_FULL);
}

static void
test_disk_full_tmpfs (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GError) error = NULL;
  Lab lab = { 0, };

  if (!in_subprocess ())
    return;
  if (!private_mounts ())
    return;

  dir = vonk_test_make_tmp_dir (NULL);
  g_assert_cmpint (mount ("tmpfs", dir, "tmpfs", 0, "size=2m,mode=0700"), ==, 0);

  lab_open (&lab, dir);
  for (int i = 0; i < 5; i++)
    g_assert_true (lab_add_person (&lab, 100, NULL));

  /* a full disk, the way a big download leaves it */
  fill_up (dir);
  add_until_full (&lab, 2000, "The disk is full; the change was not saved");
  refuse_more (&lab);
  counts = vonk_test_count_items (lab.project);
  assert_intact (&lab, counts);

  /* with room again, the same store goes on */
  make_room (dir);
  g_assert_true (lab_add_person (&lab, 100, &error));
  g_assert_no_error (error);
  g_clear_pointer (&counts, g_array_unref);
  counts = vonk_test_count_items (lab.project);
  lab_close (&lab);

  lab.path = g_build_filename (dir, "vonk.db", NULL);
  assert_intact (&lab, counts);
  lab_close (&lab);
}

static void
test_disk_full_rlimit (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GError) error = NULL;
  struct rlimit limit, low;
  Lab lab = { 0, };

  if (!in_subprocess ())
    return;

  /* past the limit, a write fails with EFBIG instead of killing us */
  signal (SIGXFSZ, SIG_IGN);
  dir = vonk_test_make_tmp_dir (NULL);
  lab_open (&lab, dir);
  for (int i = 0; i < 5; i++)
    g_assert_true (lab_add_person (&lab, 100, NULL));

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  low = limit;
  low.rlim_cur = 256 * 1024;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &low), ==, 0);

  message = g_strdup_printf ("The database “%s” has grown as large as this system allows "
                             "(File too large); the change was not saved", lab.path);
  add_until_full (&lab, 2000, message);
  refuse_more (&lab);
  counts = vonk_test_count_items (lab.project);

  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  assert_intact (&lab, counts);
  g_assert_true (lab_add_person (&lab, 100, &error));
  g_assert_no_error (error);
  g_clear_pointer (&counts, g_array_unref);
  counts = vonk_test_count_items (lab.project);
  lab_close (&lab);

  lab.path = g_build_filename (dir, "vonk.db", NULL);
  assert_intact (&lab, counts);
  lab_close (&lab);
  g_assert_true (vonk_test_remove_recursively (dir));
}

/* A file system mounted read-only (root may write any file, whatever its
 * mode, but not there): refused on opening, and left as it was. */
static void
test_read_only_mount (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VonkStore) store = NULL;
  gsize before_length, after_length;
  Lab lab = { 0, };

  if (!in_subprocess ())
    return;
  if (!private_mounts ())
    return;

  dir = vonk_test_make_tmp_dir (NULL);
  lab_open (&lab, dir);
  g_assert_true (lab_add_person (&lab, 100, NULL));
  counts = vonk_test_count_items (lab.project);
  g_clear_object (&lab.project);
  vonk_test_close_store (&lab.store);
  g_assert_true (g_file_get_contents (lab.path, &before, &before_length, NULL));

  g_assert_cmpint (mount (dir, dir, "none", MS_BIND, NULL), ==, 0);
  g_assert_cmpint (mount ("none", dir, "none", MS_REMOUNT | MS_BIND | MS_RDONLY, NULL), ==, 0);

  store = vonk_store_new (lab.path, &error);
  g_assert_null (store);
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_READ_ONLY);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, "cannot be written to"));
  g_assert_nonnull (strstr (error->message, lab.path));

  /* a new file cannot be made there either */
  {
    g_autofree char *other = g_build_filename (dir, "new.db", NULL);

    g_clear_error (&error);
    g_assert_null (vonk_store_new (other, &error));
    g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_CANT_OPEN);
    g_test_message ("refused: %s", error->message);
  }

  g_assert_cmpint (umount (dir), ==, 0);
  g_assert_true (g_file_get_contents (lab.path, &after, &after_length, NULL));
  g_assert_cmpmem (after, after_length, before, before_length);
  assert_intact (&lab, counts);
  lab_close (&lab);
  g_assert_true (vonk_test_remove_recursively (dir));
}

/* Everything a removed or moved file must refuse, with @message; the
 * lists stay as they were. */
static void
refuse_all (Lab        *lab,
            const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) before = vonk_test_count_items (lab->project);
  g_autoptr(GArray) after = NULL;
  GListModel *departments = vonk_project_get_list (lab->project, VONK_TYPE_DEPARTMENT);
  g_autoptr(VonkEntity) department = g_list_model_get_item (departments, 0);
  g_autoptr(VonkEntity) changed = vonk_entity_copy (department);
  guint n_added = lab->n_added;

  g_assert_false (lab_add_person (lab, 100, &error));
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_IO);
  g_assert_cmpstr (error->message, ==, message);
  g_clear_error (&error);
  g_assert_cmpuint (lab->n_added, ==, n_added);

  g_object_set (changed, "name", "Renamed", NULL);
  g_assert_false (vonk_project_save (lab->project, changed, &error));
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_IO);
  g_clear_error (&error);
  g_assert_cmpstr (vonk_entity_get_string (department, "name"), ==, "Department 0");

  g_assert_false (vonk_project_remove (lab->project, department, &error));
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_IO);
  g_clear_error (&error);

  g_assert_false (vonk_store_begin (lab->store, &error));
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_IO);
  g_clear_error (&error);

  after = vonk_test_count_items (lab->project);
  vonk_test_assert_same_counts (after, before);
}

/* The file moved away while the store has it open. SQLite would go on
 * writing (in WAL mode it does not look) into its -wal file, which stays
 * behind: changes the moved file would not show. The store refuses them
 * instead. What was committed before is all there once the file is back
 * beside its -wal file (SQLite does not checkpoint into a moved file). */
static void
test_moved_underneath (void)
{
  g_autofree char *dir = vonk_test_make_tmp_dir (NULL);
  g_autofree char *moved = g_build_filename (dir, "moved.db", NULL);
  g_autofree char *message = NULL;
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VonkEntity) person = g_object_new (VONK_TYPE_PERSON, "name", "Late", NULL);
  Lab lab = { 0, };

  lab_open (&lab, dir);
  for (int i = 0; i < 3; i++)
    g_assert_true (lab_add_person (&lab, 100, NULL));
  counts = vonk_test_count_items (lab.project);
  g_assert_cmpint (g_rename (lab.path, moved), ==, 0);

  message = g_strdup_printf ("The database “%s” was moved or deleted while Vonk had it open; "
                             "the change was not saved", lab.path);
  refuse_all (&lab, message);

  /* a transaction under way when it goes is rolled back at its commit */
  g_assert_cmpint (g_rename (moved, lab.path), ==, 0);
  g_assert_true (vonk_store_begin (lab.store, &error));
  g_assert_true (vonk_store_insert (lab.store, lab.project_id, person, &error));
  g_assert_cmpint (g_rename (lab.path, moved), ==, 0);
  g_assert_false (vonk_store_commit (lab.store, &error));
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_IO);
  g_assert_cmpstr (error->message, ==, message);

  g_clear_object (&lab.project);
  vonk_test_close_store (&lab.store);
  g_assert_cmpint (g_rename (moved, lab.path), ==, 0);
  assert_intact (&lab, counts);
  lab_close (&lab);
  g_assert_true (vonk_test_remove_recursively (dir));
}

/* The file deleted while the store has it open: no change is taken that
 * would vanish with it, and the store can still be closed. */
static void
test_removed_underneath (void)
{
  g_autofree char *dir = vonk_test_make_tmp_dir (NULL);
  g_autofree char *message = NULL;
  Lab lab = { 0, };

  lab_open (&lab, dir);
  g_assert_true (lab_add_person (&lab, 100, NULL));
  g_assert_cmpint (g_unlink (lab.path), ==, 0);

  message = g_strdup_printf ("The database “%s” was moved or deleted while Vonk had it open; "
                             "the change was not saved", lab.path);
  refuse_all (&lab, message);
  g_assert_false (g_file_test (lab.path, G_FILE_TEST_EXISTS));
  lab_close (&lab);
  g_assert_true (vonk_test_remove_recursively (dir));
}

/* Another process (the sqlite3 tool) holding the file locked: an
 * exclusive transaction, begun before the function returns. */
typedef struct
{
  GSubprocess   *process;
  GOutputStream *input;
} Locker;

static void
locker_start (Locker     *locker,
              const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) output = NULL;
  g_autofree char *line = NULL;
  const char *begin = "BEGIN EXCLUSIVE;\n"
                      "UPDATE project SET name = name;\n"
                      "SELECT 'locked';\n";

  locker->process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                      G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                      "sqlite3", "-batch", path, NULL);
  g_assert_no_error (error);
  locker->input = g_subprocess_get_stdin_pipe (locker->process);
  g_output_stream_write_all (locker->input, begin, strlen (begin), NULL, NULL, &error);
  g_assert_no_error (error);

  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (locker->process));
  line = g_data_input_stream_read_line (output, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "locked");
}

/* Ends the other process's transaction, committing it, and the process. */
static void
locker_stop (Locker *locker)
{
  g_autoptr(GError) error = NULL;
  const char *end = "COMMIT;\n.quit\n";

  g_output_stream_write_all (locker->input, end, strlen (end), NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (locker->input, NULL, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check (locker->process, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&locker->process);
}

static void
test_locked (void)
{
  g_autofree char *tool = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GArray) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VonkStore) second = NULL;
  Locker locker = { 0, };
  Lab lab = { 0, };

  tool = g_find_program_in_path ("sqlite3");
  if (tool == NULL)
    {
      g_test_skip ("the sqlite3 tool is not installed");
      return;
    }

  dir = vonk_test_make_tmp_dir (NULL);
  lab_open (&lab, dir);
  g_assert_true (lab_add_person (&lab, 100, NULL));
  counts = vonk_test_count_items (lab.project);

  locker_start (&locker, lab.path);

  /* a change waits a while for the lock, then gives up and says why */
  message = g_strdup_printf ("The database “%s” is in use by another program; "
                             "try again in a moment", lab.path);
  g_assert_false (lab_add_person (&lab, 100, &error));
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_BUSY);
  g_assert_cmpstr (error->message, ==, message);
  g_clear_error (&error);
  after = vonk_test_count_items (lab.project);
  vonk_test_assert_same_counts (after, counts);

  /* so does a second Vonk that opens the file meanwhile */
  second = vonk_store_new (lab.path, &error);
  g_assert_null (second);
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_BUSY);
  g_assert_cmpstr (error->message, ==, message);
  g_clear_error (&error);

  /* once the other program is done, the same change goes through */
  locker_stop (&locker);
  g_assert_true (lab_add_person (&lab, 100, &error));
  g_assert_no_error (error);
  g_clear_pointer (&counts, g_array_unref);
  counts = vonk_test_count_items (lab.project);
  assert_intact (&lab, counts);
  lab_close (&lab);
  g_assert_true (vonk_test_remove_recursively (dir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/robust/disk-full/tmpfs", test_disk_full_tmpfs);
  g_test_add_func ("/robust/disk-full/rlimit", test_disk_full_rlimit);
  g_test_add_func ("/robust/read-only/mount", test_read_only_mount);

  g_test_add_func ("/robust/moved-underneath", test_moved_underneath);
  g_test_add_func ("/robust/removed-underneath", test_removed_underneath);
  g_test_add_func ("/robust/locked", test_locked);

  return g_test_run ();
}
