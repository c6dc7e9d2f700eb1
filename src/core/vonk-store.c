/* vonk-store.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store owns the sqlite3 connection. Opening checks, before anything is
 * written, that the file is a Vonk database this version understands; only
 * then does it switch to WAL and run the migrations. The SQL for each
 * entity type is built once from its columns and kept as prepared
 * statements.
 */

#define G_LOG_DOMAIN "vonk-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <unistd.h>

#include "vonk-entities.h"
#include "vonk-entity-list.h"
#include "vonk-entity-private.h"
#include "vonk-project-private.h"
#include "vonk-schema.h"
#include "vonk-store.h"

#define BUSY_TIMEOUT_MS 3000

typedef struct
{
  char         *insert;
  char         *update;
  char         *delete;
  char         *select;
  sqlite3_stmt *insert_stmt; /* once prepared; the statements table owns it */
} TableSql;

struct _VonkStore
{
  GObject         parent_instance;

  char           *path;
  sqlite3        *db;
  GHashTable     *statements; /* SQL → sqlite3_stmt */
  GHashTable     *table_sql;  /* GType → TableSql */
  guint           depth;      /* of nested transactions */
  VonkEntityList *projects;
  GPtrArray      *pending;    /* of PendingProject: added, not yet committed */
  gboolean        bulk;       /* see vonk_store_set_bulk() */
  int             cache_size; /* before it */
  char           *refusal;    /* see vonk_store_refuse_changes() */
  char           *busy;       /* see vonk_store_set_busy() */
};

/* A project added inside a transaction joins the list only when the
 * outermost transaction commits, so a rollback never leaves a project in
 * the list without its row. */
typedef struct
{
  VonkProject *project;
  guint        depth;
} PendingProject;

static void
pending_project_free (gpointer data)
{
  PendingProject *pending = data;

  g_object_unref (pending->project);
  g_free (pending);
}

G_DEFINE_FINAL_TYPE (VonkStore, vonk_store, G_TYPE_OBJECT)

static gboolean refused_while_busy (VonkStore  *self,
                                    GError    **error);

G_DEFINE_QUARK (vonk-store-error-quark, vonk_store_error)

static void
table_sql_free (gpointer data)
{
  TableSql *sql = data;

  g_free (sql->insert);
  g_free (sql->update);
  g_free (sql->delete);
  g_free (sql->select);
  g_free (sql);
}

static void
vonk_store_finalize (GObject *object)
{
  VonkStore *self = VONK_STORE (object);

  g_clear_object (&self->projects);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->table_sql, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);
  g_free (self->refusal);
  g_free (self->busy);

  G_OBJECT_CLASS (vonk_store_parent_class)->finalize (object);
}

static void
vonk_store_dispose (GObject *object)
{
  VonkStore *self = VONK_STORE (object);

  if (self->projects != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->projects));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(VonkProject) project = g_list_model_get_item (G_LIST_MODEL (self->projects), i);

          vonk_project_set_store (project, NULL);
        }
    }

  G_OBJECT_CLASS (vonk_store_parent_class)->dispose (object);
}

static void
vonk_store_class_init (VonkStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vonk_store_dispose;
  object_class->finalize = vonk_store_finalize;
}

static void
vonk_store_init (VonkStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) sqlite3_finalize);
  self->table_sql = g_hash_table_new_full (NULL, NULL, NULL, table_sql_free);
  self->projects = vonk_entity_list_new (VONK_TYPE_PROJECT);
  self->pending = g_ptr_array_new_with_free_func (pending_project_free);
}

/* Turns a SQLite result code into a GError a caller can match and a user
 * can read. */
static gboolean
set_error (VonkStore  *self,
           GError    **error,
           int         rc)
{
  /* SQLite's record of the failed system call is often lost by the time
   * the error gets here; errno still tells, as nothing since failed. */
  int system_errno = errno;
  const char *detail = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  if (self->db != NULL && sqlite3_system_errno (self->db) != 0)
    system_errno = sqlite3_system_errno (self->db);

  /* A write that failed for want of room is a full disk to the user,
   * whichever way SQLite reports it. */
  if ((rc & 0xff) == SQLITE_IOERR && (system_errno == ENOSPC || system_errno == EDQUOT))
    rc = SQLITE_FULL;
  if ((rc & 0xff) == SQLITE_IOERR && system_errno == EFBIG)
    {
      g_set_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_FULL,
                   _("The database “%s” has grown as large as this system allows (%s); "
                     "the change was not saved"), self->path, g_strerror (EFBIG));
      return FALSE;
    }

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      g_set_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Vonk database"), self->path);
      break;

    case SQLITE_CORRUPT:
      g_set_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_CORRUPT,
                   _("The database “%s” is damaged"), self->path);
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_BUSY,
                   _("The database “%s” is in use by another program; try again in a moment"),
                   self->path);
      break;

    case SQLITE_FULL:
      g_set_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_FULL,
                   _("The disk is full; the change was not saved"));
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
      if (self->refusal != NULL)
        {
          g_set_error_literal (error, VONK_STORE_ERROR, VONK_STORE_ERROR_READ_ONLY, self->refusal);
          break;
        }
      g_set_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_READ_ONLY,
                   _("The database “%s” cannot be written to"), self->path);
      break;

    case SQLITE_IOERR:
      g_set_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_IO,
                   _("Reading or writing “%s” failed (%s)"), self->path, detail);
      break;

    case SQLITE_CANTOPEN:
      g_set_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_CANT_OPEN,
                   _("The database “%s” cannot be opened"), self->path);
      break;

    case SQLITE_CONSTRAINT:
      g_set_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_CONSTRAINT,
                   _("The database refused the change (%s)"), detail);
      break;

    default:
      g_set_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_FAILED,
                   _("Database error: %s"), detail);
      break;
    }

  return FALSE;
}

static gboolean
exec (VonkStore   *self,
      const char  *sql,
      GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_error (self, error, rc);

  return TRUE;
}

/* Returns a cached prepared statement, reset and with no bindings. */
static sqlite3_stmt *
prepare (VonkStore   *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_error (self, error, rc);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

static gboolean
query_int (VonkStore   *self,
           const char  *sql,
           int         *result,
           GError     **error)
{
  sqlite3_stmt *stmt = prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_error (self, error, rc == SQLITE_DONE ? SQLITE_ERROR : rc);
      sqlite3_reset (stmt);
      return FALSE;
    }

  *result = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

/* Whether the file is still where the store opened it. Once it is moved
 * or deleted, SQLite would go on writing to the file it has open (in WAL
 * mode it does not check), and whatever is written after would be lost or
 * end up where the user no longer looks; so every write checks first. */
static gboolean
still_there (VonkStore  *self,
             GError    **error)
{
  int moved = 0;

  if (sqlite3_file_control (self->db, "main", SQLITE_FCNTL_HAS_MOVED, &moved) == SQLITE_OK &&
      moved)
    {
      g_set_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_IO,
                   _("The database “%s” was moved or deleted while Vonk had it open; "
                     "the change was not saved"), self->path);
      return FALSE;
    }

  return TRUE;
}

/**
 * vonk_store_get_default_path:
 *
 * Returns: (transfer full): where the user's library lives by default
 */
char *
vonk_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "vonk", "vonk.db", NULL);
}

/* Creates @path empty and readable by its owner only, so the personal data
 * it will hold (and its -wal and -shm files, which SQLite gives the same
 * mode) stay private. An existing file is left as it is. */
static gboolean
ensure_file (const char  *path,
             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int errsv = errno;

      g_set_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_CANT_OPEN,
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (errsv));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0)
    {
      close (fd);
      return TRUE;
    }

  if (errno == EEXIST)
    {
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_CANT_OPEN,
                       _("“%s” is a folder, not a database"), path);
          return FALSE;
        }
      return TRUE;
    }

  {
    int errsv = errno;

    g_set_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_CANT_OPEN,
                 _("Cannot create the database “%s”: %s"), path, g_strerror (errsv));
  }
  return FALSE;
}

/* Reads what identifies the file without writing to it, and refuses what
 * this Vonk must not touch. */
static gboolean
check_identity (VonkStore  *self,
                GError    **error)
{
  int application_id, version, n_objects;

  if (!query_int (self, "PRAGMA application_id", &application_id, error) ||
      !query_int (self, "PRAGMA user_version", &version, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_master", &n_objects, error))
    return FALSE;

  /* An empty file is new; anything else must carry Vonk's mark and a
   * version Vonk could have written. */
  if ((application_id != VONK_SCHEMA_APPLICATION_ID &&
       (application_id != 0 || n_objects > 0 || version != 0)) ||
      version < 0)
    {
      g_set_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_NOT_DATABASE,
                   _("“%s” is a database of another program, not of Vonk"), self->path);
      return FALSE;
    }

  if (version > (int) vonk_schema_get_version ())
    {
      g_set_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Vonk (database version %d; "
                     "this version knows up to %u). Update Vonk to open it; "
                     "the file was left unchanged."),
                   self->path, version, vonk_schema_get_version ());
      return FALSE;
    }

  return TRUE;
}

/* Brings the schema up to date, one transaction per version. The version is
 * read again inside the transaction, in case another Vonk migrated first. */
static gboolean
migrate (VonkStore  *self,
         GError    **error)
{
  for (;;)
    {
      g_autofree char *set_version = NULL;
      int version;

      if (!exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;

      if (!query_int (self, "PRAGMA user_version", &version, error))
        goto fail;

      if (version >= (int) vonk_schema_get_version ())
        return exec (self, "COMMIT", error);

      g_debug ("Migrating %s to schema version %d", self->path, version + 1);
      set_version = g_strdup_printf ("PRAGMA user_version = %d;"
                                     "PRAGMA application_id = %d;",
                                     version + 1, VONK_SCHEMA_APPLICATION_ID);
      if (!exec (self, vonk_schema_get_migration (version + 1), error) ||
          !exec (self, set_version, error) ||
          !exec (self, "COMMIT", error))
        goto fail;
    }

fail:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

static gboolean
load_projects (VonkStore  *self,
               GError    **error)
{
  g_autoptr(GPtrArray) projects = vonk_store_load (self, VONK_TYPE_PROJECT, 0, error);

  if (projects == NULL)
    return FALSE;

  for (guint i = 0; i < projects->len; i++)
    vonk_project_set_store (g_ptr_array_index (projects, i), self);
  vonk_entity_list_splice (self->projects, 0, 0, (VonkEntity **) projects->pdata, projects->len);

  return TRUE;
}

/**
 * vonk_store_new:
 * @path: (nullable): the database file, created if missing; %NULL for the
 *   default
 *
 * Opens the library, creating and migrating it as needed. A file that is not
 * a Vonk database, or one from a newer Vonk, is refused and left unchanged.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
VonkStore *
vonk_store_new (const char  *path,
                GError     **error)
{
  g_autoptr(VonkStore) self = g_object_new (VONK_TYPE_STORE, NULL);
  int rc;

  self->path = path ? g_strdup (path) : vonk_store_get_default_path ();

  if (!ensure_file (self->path, error))
    return NULL;

  /* SQLite would open a write-protected file read-only and leave -wal and
   * -shm files behind that it cannot remove; refuse it up front. */
  if (g_access (self->path, W_OK) != 0)
    {
      g_set_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_READ_ONLY,
                   _("The database “%s” cannot be written to"), self->path);
      return NULL;
    }

  rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      set_error (self, error, rc);
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  if (!check_identity (self, error))
    return NULL;

  if (!exec (self, "PRAGMA foreign_keys = ON", error) ||
      !exec (self, "PRAGMA journal_mode = WAL", error) ||
      !migrate (self, error) ||
      !load_projects (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
vonk_store_get_path (VonkStore *self)
{
  g_return_val_if_fail (VONK_IS_STORE (self), NULL);

  return self->path;
}

/**
 * vonk_store_get_projects:
 *
 * Returns: (transfer none): the projects, a list of VonkProject in ID order
 */
GListModel *
vonk_store_get_projects (VonkStore *self)
{
  g_return_val_if_fail (VONK_IS_STORE (self), NULL);

  return G_LIST_MODEL (self->projects);
}

/**
 * vonk_store_find_project:
 *
 * Returns: (transfer none) (nullable): the project with ID @id
 */
VonkProject *
vonk_store_find_project (VonkStore *self,
                         gint64     id)
{
  g_return_val_if_fail (VONK_IS_STORE (self), NULL);

  return (VonkProject *) vonk_entity_list_lookup (self->projects, id);
}

/**
 * vonk_store_adopt_project:
 *
 * Finds the project with ID @id, which another connection to the same
 * file (such as an import in a worker thread) may have added, and lists it.
 *
 * Returns: (transfer none) (nullable): the project, or %NULL with @error
 *   set when there is no such project
 */
VonkProject *
vonk_store_adopt_project (VonkStore  *self,
                          gint64      id,
                          GError    **error)
{
  g_autoptr(GPtrArray) projects = NULL;

  g_return_val_if_fail (VONK_IS_STORE (self), NULL);

  if (vonk_store_find_project (self, id) != NULL)
    return vonk_store_find_project (self, id);

  projects = vonk_store_load (self, VONK_TYPE_PROJECT, 0, error);
  if (projects == NULL)
    return NULL;

  for (guint i = 0; i < projects->len; i++)
    {
      VonkProject *project = g_ptr_array_index (projects, i);

      if (vonk_entity_get_id (VONK_ENTITY (project)) == id)
        {
          vonk_project_set_store (project, self);
          vonk_entity_list_add (self->projects, VONK_ENTITY (project));
          return project;
        }
    }

  g_set_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_NOT_FOUND,
               _("The project is not in the database"));
  return NULL;
}

/**
 * vonk_store_add_project:
 *
 * Saves the new @project and adds it to the list of projects; inside a
 * transaction (vonk_store_begin()), once that commits.
 */
gboolean
vonk_store_add_project (VonkStore    *self,
                        VonkProject  *project,
                        GError      **error)
{
  g_return_val_if_fail (VONK_IS_STORE (self), FALSE);
  g_return_val_if_fail (VONK_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (vonk_entity_get_id (VONK_ENTITY (project)) == 0, FALSE);

  if (!vonk_project_validate (project, VONK_ENTITY (project), error) ||
      !vonk_store_insert (self, 0, VONK_ENTITY (project), error))
    return FALSE;

  vonk_project_set_store (project, self);
  if (self->depth > 0)
    {
      PendingProject *pending = g_new (PendingProject, 1);

      pending->project = g_object_ref (project);
      pending->depth = self->depth;
      g_ptr_array_add (self->pending, pending);
    }
  else
    vonk_entity_list_add (self->projects, VONK_ENTITY (project));

  return TRUE;
}

/* @project, deleted from the file, leaves the list. */
static void
forget_project (VonkStore   *self,
                VonkProject *project)
{
  /* the list may hold the only reference, and it lets go below */
  g_autoptr(VonkProject) hold = g_object_ref (project);
  guint pos;

  if (vonk_entity_list_find (self->projects, VONK_ENTITY (project), &pos))
    vonk_entity_list_splice (self->projects, pos, 1, NULL, 0);
  vonk_project_set_store (project, NULL);
}

/**
 * vonk_store_delete_project:
 *
 * Deletes @project and everything in it.
 */
gboolean
vonk_store_delete_project (VonkStore    *self,
                           VonkProject  *project,
                           GError      **error)
{
  g_return_val_if_fail (VONK_IS_STORE (self), FALSE);
  g_return_val_if_fail (VONK_IS_PROJECT (project), FALSE);

  if (!vonk_store_delete (self, VONK_ENTITY (project), error))
    return FALSE;

  forget_project (self, project);
  return TRUE;
}

static int
interrupt_if_cancelled (void *data)
{
  return g_cancellable_is_cancelled (data);
}

/* In a connection of its own: the store's belongs to the main thread. */
static void
delete_project_thread (GTask        *task,
                       gpointer      source,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  VonkStore *self = source;
  VonkProject *project = task_data;
  g_autoptr(VonkStore) own = NULL;
  VonkProject *twin;
  GError *error = NULL;

  own = vonk_store_new (self->path, &error);
  if (own == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  twin = vonk_store_find_project (own, vonk_entity_get_id (VONK_ENTITY (project)));
  if (cancellable != NULL)
    sqlite3_progress_handler (own->db, 1000, interrupt_if_cancelled, cancellable);
  /* a single statement: interrupted, it changes nothing */
  if (twin != NULL && !vonk_store_delete_project (own, twin, &error))
    {
      if (g_cancellable_is_cancelled (cancellable))
        {
          g_clear_error (&error);
          g_cancellable_set_error_if_cancelled (cancellable, &error);
        }
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * vonk_store_delete_project_async:
 *
 * Deletes @project and everything in it in a thread, as
 * vonk_store_delete_project() does: at 100,000 people that takes seconds.
 * Meanwhile the store can be read; a change waits for the deletion. When
 * @cancellable is cancelled before the deletion is done, nothing is
 * deleted.
 */
void
vonk_store_delete_project_async (VonkStore           *self,
                                 VonkProject         *project,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (VONK_IS_STORE (self));
  g_return_if_fail (VONK_IS_PROJECT (project));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vonk_store_delete_project_async);
  g_task_set_task_data (task, g_object_ref (project), g_object_unref);
  if (self->refusal != NULL || self->busy != NULL)
    {
      g_task_return_new_error (task, VONK_STORE_ERROR, VONK_STORE_ERROR_READ_ONLY, "%s",
                               self->refusal != NULL ? self->refusal : self->busy);
      return;
    }

  g_task_run_in_thread (task, delete_project_thread);
}

/**
 * vonk_store_delete_project_finish:
 *
 * Returns: whether the project is deleted; it has then left the store's
 *   list of projects
 */
gboolean
vonk_store_delete_project_finish (VonkStore     *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  forget_project (self, g_task_get_task_data (G_TASK (result)));
  return TRUE;
}

gboolean
vonk_store_begin (VonkStore  *self,
                  GError    **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (VONK_IS_STORE (self), FALSE);

  if (self->refusal != NULL)
    return set_error (self, error, SQLITE_READONLY);
  if (refused_while_busy (self, error))
    return FALSE;
  if (self->depth == 0 && !still_there (self, error))
    return FALSE;

  sql = self->depth == 0 ? g_strdup ("BEGIN IMMEDIATE")
                         : g_strdup_printf ("SAVEPOINT vonk%u", self->depth);
  if (!exec (self, sql, error))
    return FALSE;

  self->depth++;
  return TRUE;
}

/**
 * vonk_store_commit:
 *
 * Ends the innermost transaction. When the outermost commit fails (a full
 * disk) everything since vonk_store_begin() is rolled back.
 */
gboolean
vonk_store_commit (VonkStore  *self,
                   GError    **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (VONK_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  self->depth--;
  sql = self->depth == 0 ? g_strdup ("COMMIT")
                         : g_strdup_printf ("RELEASE vonk%u", self->depth);
  if ((self->depth == 0 && !still_there (self, error)) || !exec (self, sql, error))
    {
      self->depth++;
      vonk_store_rollback (self);
      return FALSE;
    }

  for (guint i = 0; i < self->pending->len; i++)
    {
      PendingProject *pending = g_ptr_array_index (self->pending, i);

      pending->depth = MIN (pending->depth, self->depth);
    }

  if (self->depth == 0)
    {
      for (guint i = 0; i < self->pending->len; i++)
        {
          PendingProject *pending = g_ptr_array_index (self->pending, i);

          vonk_entity_list_add (self->projects, VONK_ENTITY (pending->project));
        }
      g_ptr_array_set_size (self->pending, 0);
    }

  return TRUE;
}

void
vonk_store_rollback (VonkStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (VONK_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  self->depth--;
  sql = self->depth == 0
    ? g_strdup ("ROLLBACK")
    : g_strdup_printf ("ROLLBACK TO vonk%u; RELEASE vonk%u", self->depth, self->depth);

  /* Fails only when SQLite already rolled back by itself. */
  sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  /* the projects added since are gone again */
  for (guint i = self->pending->len; i > 0; i--)
    {
      PendingProject *pending = g_ptr_array_index (self->pending, i - 1);

      if (pending->depth > self->depth)
        {
          vonk_project_set_store (pending->project, NULL);
          vonk_entity_set_id (VONK_ENTITY (pending->project), 0);
          g_ptr_array_remove_index (self->pending, i - 1);
        }
    }
}

/**
 * vonk_store_set_check_constraints:
 * @enabled: %FALSE to skip the schema's CHECK constraints
 *
 * For a bulk writer that has checked every value by the same rules itself
 * (vonk_project_validate_fields()), as the XML import does: the checks of
 * the dates and texts cost a tenth of an import. NOT NULL, UNIQUE and
 * foreign keys stay on. Set it back when done; it holds for this
 * connection only.
 */
void
vonk_store_set_check_constraints (VonkStore *self,
                                  gboolean   enabled)
{
  g_return_if_fail (VONK_IS_STORE (self));

  sqlite3_exec (self->db, enabled ? "PRAGMA ignore_check_constraints = OFF"
                                  : "PRAGMA ignore_check_constraints = ON",
                NULL, NULL, NULL);
}

/* Enough for the pages a bulk writer changes in one transaction: a
 * project of 100,000 people takes 50 MB. */
#define BULK_CACHE_KIB 262144

/**
 * vonk_store_set_bulk:
 * @bulk: %TRUE before a bulk writer's transaction, %FALSE after it
 *
 * For a writer that adds many rows in one transaction and takes every
 * reference it writes from the rows it wrote itself before, as the XML
 * import of a new project does (a reference to anything else is refused
 * before it is written):
 *
 * - foreign keys are not looked up again, a fifth of the time it takes
 *   to write an attendance row;
 * - the page cache may grow to 256 MiB instead of 2 MB, so that SQLite
 *   does not write changed pages to the WAL before the commit and read
 *   them back (with 100,000 people it wrote every page five times).
 *
 * Call it outside a transaction (SQLite ignores foreign_keys inside one,
 * where references keep being checked), and with %FALSE after the commit
 * or rollback; it holds for this connection only.
 */
void
vonk_store_set_bulk (VonkStore *self,
                     gboolean   bulk)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (VONK_IS_STORE (self));

  if (bulk == self->bulk)
    return;

  if (bulk)
    {
      sqlite3_stmt *stmt = prepare (self, "PRAGMA cache_size", NULL);

      self->cache_size = -2000;
      if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
        self->cache_size = sqlite3_column_int (stmt, 0);
      if (stmt != NULL)
        sqlite3_reset (stmt);
    }

  self->bulk = bulk;
  sql = g_strdup_printf ("PRAGMA foreign_keys = %s; PRAGMA cache_size = %d",
                         bulk ? "OFF" : "ON", bulk ? -BULK_CACHE_KIB : self->cache_size);
  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
}

/**
 * vonk_store_refuse_changes:
 * @reason: what the user is told when a change is refused
 *
 * From now on the store changes nothing in its file: every change fails
 * with %VONK_STORE_ERROR_READ_ONLY and @reason. For a file found damaged
 * while it is open, where a change could lose what could not be read.
 */
void
vonk_store_refuse_changes (VonkStore  *self,
                           const char *reason)
{
  g_return_if_fail (VONK_IS_STORE (self));
  g_return_if_fail (reason != NULL);

  g_free (self->refusal);
  self->refusal = g_strdup (reason);
  /* also for a write outside a transaction */
  sqlite3_exec (self->db, "PRAGMA query_only = ON", NULL, NULL, NULL);
}

/**
 * vonk_store_set_busy:
 * @reason: (nullable): what the user is told when a change is refused,
 *   or %NULL to take changes again
 *
 * While another connection writes to the file in a worker (a large Undo)
 * this one refuses every change, with @reason, so nothing comes in
 * between.
 */
void
vonk_store_set_busy (VonkStore  *self,
                     const char *reason)
{
  g_return_if_fail (VONK_IS_STORE (self));

  g_free (self->busy);
  self->busy = g_strdup (reason);
}

/**
 * vonk_store_get_busy:
 *
 * Returns: (nullable): why the store refuses changes for a while (see
 *   vonk_store_set_busy()), or %NULL
 */
const char *
vonk_store_get_busy (VonkStore *self)
{
  g_return_val_if_fail (VONK_IS_STORE (self), NULL);

  return self->busy;
}

static gboolean
refused_while_busy (VonkStore  *self,
                    GError    **error)
{
  if (self->busy == NULL)
    return FALSE;

  g_set_error_literal (error, VONK_STORE_ERROR, VONK_STORE_ERROR_READ_ONLY, self->busy);
  return TRUE;
}

static char *
column_name (GParamSpec *pspec)
{
  return g_strdelimit (g_strdup (pspec->name), "-", '_');
}

static TableSql *
table_sql (VonkStore *self,
           GType      type)
{
  TableSql *sql = g_hash_table_lookup (self->table_sql, GSIZE_TO_POINTER (type));
  g_autoptr(GTypeClass) type_class = NULL;
  VonkEntityClass *klass;
  GString *insert, *values, *update, *select;
  guint n, first;

  if (sql != NULL)
    return sql;

  type_class = g_type_class_ref (type);
  klass = VONK_ENTITY_CLASS (type_class);
  n = vonk_entity_class_get_n_columns (klass);

  /* ?1 is the ID, ?2 the project ID (if any), then the columns */
  first = klass->has_project ? 3 : 2;
  insert = g_string_new (NULL);
  values = g_string_new ("?1");
  update = g_string_new (NULL);
  select = g_string_new ("SELECT id");
  g_string_append_printf (insert, "INSERT INTO %s (id", klass->table);
  g_string_append_printf (update, "UPDATE %s SET ", klass->table);
  if (klass->has_project)
    {
      g_string_append (insert, ", project_id");
      g_string_append (values, ", ?2");
    }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = column_name (vonk_entity_class_get_column (klass, i));

      g_string_append_printf (insert, ", %s", name);
      g_string_append_printf (values, ", ?%u", first + i);
      g_string_append_printf (update, "%s%s = ?%u", i ? ", " : "", name, first + i);
      g_string_append_printf (select, ", %s", name);
    }

  g_string_append_printf (insert, ") VALUES (%s)", values->str);
  g_string_append (update, " WHERE id = ?1");
  g_string_append_printf (select, " FROM %s%s ORDER BY id", klass->table,
                          klass->has_project ? " WHERE project_id = ?1" : "");
  g_string_free (values, TRUE);

  sql = g_new0 (TableSql, 1);
  sql->insert = g_string_free (insert, FALSE);
  sql->update = g_string_free (update, FALSE);
  sql->select = g_string_free (select, FALSE);
  sql->delete = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", klass->table);
  g_hash_table_insert (self->table_sql, GSIZE_TO_POINTER (type), sql);

  return sql;
}

static void
bind_value (sqlite3_stmt *stmt,
            int           index,
            GParamSpec   *pspec,
            const GValue *value)
{
  GType type = pspec->value_type;

  if (type == G_TYPE_STRING)
    {
      const char *s = g_value_get_string (value);

      sqlite3_bind_text (stmt, index, s ? s : "", -1, SQLITE_TRANSIENT);
    }
  else if (type == G_TYPE_INT)
    sqlite3_bind_int (stmt, index, g_value_get_int (value));
  else if (type == G_TYPE_INT64)
    {
      /* a reference; 0 is none */
      gint64 id = g_value_get_int64 (value);

      if (id == 0)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_int64 (stmt, index, id);
    }
  else if (type == G_TYPE_BOOLEAN)
    sqlite3_bind_int (stmt, index, g_value_get_boolean (value) ? 1 : 0);
  else if (G_TYPE_IS_ENUM (type))
    {
      GEnumValue *ev = g_enum_get_value (G_PARAM_SPEC_ENUM (pspec)->enum_class,
                                         g_value_get_enum (value));

      sqlite3_bind_text (stmt, index, ev->value_nick, -1, SQLITE_STATIC);
    }
  else if (type == G_TYPE_DATE)
    {
      const GDate *date = g_value_get_boxed (value);

      if (date == NULL || !g_date_valid (date))
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_text (stmt, index,
                           g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                                            g_date_get_month (date), g_date_get_day (date)),
                           -1, g_free);
    }
  else if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *dt = g_value_get_boxed (value);

      if (dt == NULL)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_text (stmt, index, g_date_time_format_iso8601 (dt), -1, g_free);
    }
  else
    g_assert_not_reached ();
}

/* Parses "YYYY-MM-DD" (1–4, 1–2 and 1–2 digits; what follows is ignored),
 * as sscanf ("%4u-%2u-%2u") would but without its cost: the store reads a
 * date for many rows. */
static gboolean
parse_date (const char *text,
            GDateDay   *day,
            GDateMonth *month,
            GDateYear  *year)
{
  const guint widths[3] = { 4, 2, 2 };
  guint parts[3] = { 0, 0, 0 };
  const char *p = text;

  for (guint part = 0; part < 3; part++)
    {
      guint digits = 0;

      if (part > 0 && *p++ != '-')
        return FALSE;
      for (; digits < widths[part] && g_ascii_isdigit (*p); digits++, p++)
        parts[part] = parts[part] * 10 + (guint) (*p - '0');
      if (digits == 0)
        return FALSE;
    }

  if (!g_date_valid_dmy ((GDateDay) parts[2], (GDateMonth) parts[1], (GDateYear) parts[0]))
    return FALSE;

  *year = (GDateYear) parts[0];
  *month = (GDateMonth) parts[1];
  *day = (GDateDay) parts[2];
  return TRUE;
}

/* Reads column @index of the current row into @value, which is
 * initialised here; FALSE if the stored text cannot be what the column
 * holds. Numbers are read as numbers: asking SQLite for their text would
 * make it format every one. */
static gboolean
read_value (sqlite3_stmt *stmt,
            int           index,
            GParamSpec   *pspec,
            GValue       *value)
{
  GType type = pspec->value_type;

  g_value_init (value, type);

  if (type == G_TYPE_STRING)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, index);

      /* most optional texts are empty: one shared "" saves an allocation
       * for each of them (a GValue never frees a static string) */
      if (text == NULL || *text == '\0')
        g_value_set_static_string (value, "");
      else
        g_value_set_string (value, text);
    }
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (value, sqlite3_column_int64 (stmt, index));
  else if (type == G_TYPE_INT)
    g_value_set_int (value, sqlite3_column_int (stmt, index));
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, sqlite3_column_int (stmt, index) != 0);
  else if (G_TYPE_IS_ENUM (type))
    {
      const char *text = (const char *) sqlite3_column_text (stmt, index);
      GEnumValue *ev = text ? g_enum_get_value_by_nick (G_PARAM_SPEC_ENUM (pspec)->enum_class,
                                                        text)
                            : NULL;

      if (ev == NULL)
        return FALSE;
      g_value_set_enum (value, ev->value);
    }
  else if (type == G_TYPE_DATE)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, index);

      if (text != NULL)
        {
          GDateDay day;
          GDateMonth month;
          GDateYear year;

          if (!parse_date (text, &day, &month, &year))
            return FALSE;
          g_value_take_boxed (value, g_date_new_dmy (day, month, year));
        }
    }
  else if (type == G_TYPE_DATE_TIME)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, index);

      if (text != NULL)
        {
          GDateTime *dt = g_date_time_new_from_iso8601 (text, NULL);

          if (dt == NULL)
            return FALSE;
          g_value_take_boxed (value, dt);
        }
    }
  else
    g_assert_not_reached ();

  return TRUE;
}

/* Runs a write; outside a transaction, a transaction of its own. */
static gboolean
step_done (VonkStore     *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc;

  if (self->depth == 0 && !still_there (self, error))
    return FALSE;

  rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_error (self, error, rc);

  return TRUE;
}

/* Runs an UPDATE or DELETE of one row by ID; the row must be there. */
static gboolean
step_one_row (VonkStore     *self,
              sqlite3_stmt  *stmt,
              GError       **error)
{
  if (!step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) != 1)
    {
      g_set_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_NOT_FOUND,
                   _("The item was deleted elsewhere"));
      return FALSE;
    }

  return TRUE;
}

static void
bind_columns (sqlite3_stmt *stmt,
              VonkEntity   *entity,
              int           first)
{
  VonkEntityClass *klass = VONK_ENTITY_GET_CLASS (entity);

  for (guint i = 0; i < vonk_entity_class_get_n_columns (klass); i++)
    bind_value (stmt, first + i, vonk_entity_class_get_column (klass, i),
                vonk_entity_get_value (entity, i));
}

/**
 * vonk_store_insert:
 * @project_id: the project the entity belongs to; ignored for a project
 *
 * Inserts @entity. An entity with ID 0 gets a new ID; one with an ID keeps
 * it (to put back what Undo restores).
 */
gboolean
vonk_store_insert (VonkStore   *self,
                   gint64       project_id,
                   VonkEntity  *entity,
                   GError     **error)
{
  VonkEntityClass *klass;
  TableSql *sql;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (VONK_IS_STORE (self), FALSE);
  g_return_val_if_fail (VONK_IS_ENTITY (entity), FALSE);

  if (refused_while_busy (self, error))
    return FALSE;

  klass = VONK_ENTITY_GET_CLASS (entity);
  /* kept at hand: an import inserts hundreds of thousands of rows, and
   * finding the statement by its text took as long as binding the row */
  sql = table_sql (self, G_OBJECT_TYPE (entity));
  if (sql->insert_stmt == NULL)
    sql->insert_stmt = prepare (self, sql->insert, error);
  stmt = sql->insert_stmt;
  if (stmt == NULL)
    return FALSE;

  id = vonk_entity_get_id (entity);
  if (id == 0)
    sqlite3_bind_null (stmt, 1);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  if (klass->has_project)
    sqlite3_bind_int64 (stmt, 2, project_id);
  bind_columns (stmt, entity, klass->has_project ? 3 : 2);

  if (!step_done (self, stmt, error))
    return FALSE;

  vonk_entity_set_id (entity, sqlite3_last_insert_rowid (self->db));
  return TRUE;
}

/**
 * vonk_store_update:
 *
 * Writes every column of @entity to its row.
 */
gboolean
vonk_store_update (VonkStore   *self,
                   VonkEntity  *entity,
                   GError     **error)
{
  VonkEntityClass *klass;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VONK_IS_STORE (self), FALSE);
  g_return_val_if_fail (VONK_IS_ENTITY (entity), FALSE);

  if (refused_while_busy (self, error))
    return FALSE;

  klass = VONK_ENTITY_GET_CLASS (entity);
  stmt = prepare (self, table_sql (self, G_OBJECT_TYPE (entity))->update, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, vonk_entity_get_id (entity));
  bind_columns (stmt, entity, klass->has_project ? 3 : 2);

  return step_one_row (self, stmt, error);
}

/**
 * vonk_store_delete:
 *
 * Deletes @entity's row and, through the schema's ON DELETE clauses,
 * everything that hangs on it.
 */
gboolean
vonk_store_delete (VonkStore   *self,
                   VonkEntity  *entity,
                   GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (VONK_IS_STORE (self), FALSE);
  g_return_val_if_fail (VONK_IS_ENTITY (entity), FALSE);

  if (refused_while_busy (self, error))
    return FALSE;

  stmt = prepare (self, table_sql (self, G_OBJECT_TYPE (entity))->delete, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, vonk_entity_get_id (entity));
  return step_one_row (self, stmt, error);
}

/* Reads the rows @stmt steps through into new entities of @klass, added
 * to @result. FALSE with @error set if a value cannot be what its column
 * holds; *@rc is the last result of sqlite3_step(). */
static gboolean
read_rows (sqlite3_stmt          *stmt,
           VonkEntityClass       *klass,
           const char            *path,
           VonkStoreProgressFunc  progress,
           gpointer               data,
           GPtrArray             *result,
           int                   *rc,
           GError               **error)
{
  GType type = G_TYPE_FROM_CLASS (klass);
  guint n = vonk_entity_class_get_n_columns (klass);

  /* Straight into the entities' values: no defaults to overwrite, no
   * comparisons, no notifications nobody can be listening to yet. */
  while ((*rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GValue *values;
      VonkEntity *entity = vonk_entity_new_for_load (type, sqlite3_column_int64 (stmt, 0),
                                                     &values);

      g_ptr_array_add (result, entity);
      if (progress != NULL && result->len % 8192 == 0 && !progress (result->len, data))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               _("Reading the database was stopped"));
          return FALSE;
        }

      for (guint i = 0; i < n; i++)
        {
          GParamSpec *pspec = vonk_entity_class_get_column (klass, i);

          if (!read_value (stmt, i + 1, pspec, &values[i]))
            {
              g_autofree char *row = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                      vonk_entity_get_id (entity));

              /* the column and table are named for whoever repairs the file */
              g_set_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_CORRUPT,
                           _("The database “%s” is damaged: %s.%s of row %s cannot be read"),
                           path, klass->table, pspec->name, row);
              return FALSE;
            }
        }
    }

  return TRUE;
}

/**
 * vonk_store_load:
 * @project_id: the project to load from; ignored for projects
 *
 * Returns: (transfer container): the entities of @type in ID order, or %NULL
 *   with @error set
 */
GPtrArray *
vonk_store_load (VonkStore   *self,
                 GType        type,
                 gint64       project_id,
                 GError     **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GTypeClass) type_class = NULL;
  VonkEntityClass *klass;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (VONK_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, VONK_TYPE_ENTITY), NULL);

  type_class = g_type_class_ref (type);
  klass = VONK_ENTITY_CLASS (type_class);

  stmt = prepare (self, table_sql (self, type)->select, error);
  if (stmt == NULL)
    return NULL;

  if (klass->has_project)
    sqlite3_bind_int64 (stmt, 1, project_id);

  if (!read_rows (stmt, klass, self->path, NULL, NULL, result, &rc, error))
    {
      sqlite3_reset (stmt);
      return NULL;
    }

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&result);
}

/* A reader is a read-only connection of its own holding one snapshot of
 * the database from the moment it was made: what it reads later, in
 * whichever thread, is what the file held then, whatever the store's
 * connection has written since. The project reads its tables through one
 * in a thread, and reads its largest table only when it is first needed
 * (see vonk-project.c), without either seeing a change twice. */
struct _VonkStoreReader
{
  char       *path;
  sqlite3    *db;
  GHashTable *select; /* GType → SELECT, copied: the store's are not for threads */
};

static gboolean
in_wal_mode (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean wal = FALSE;

  if (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    wal = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "wal") == 0;
  sqlite3_finalize (stmt);

  return wal;
}

/**
 * vonk_store_reader_new: (skip)
 *
 * Opens a reader on the store's file, with a snapshot of it as it is now.
 * Must be called from the thread that uses the store.
 *
 * Returns: (transfer full) (nullable): the reader, or %NULL when the store
 *   is inside a transaction (which another connection would not see) or
 *   the file cannot be read this way (such as a database in memory); then
 *   read through the store itself
 */
VonkStoreReader *
vonk_store_reader_new (VonkStore *self)
{
  g_autoptr(VonkStoreReader) reader = NULL;
  const GType *types;
  guint n_types;

  g_return_val_if_fail (VONK_IS_STORE (self), NULL);

  if (self->depth > 0 || self->path == NULL || *self->path == '\0' ||
      g_str_equal (self->path, ":memory:"))
    return NULL;

  reader = g_new0 (VonkStoreReader, 1);
  reader->path = g_strdup (self->path);
  reader->select = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  types = vonk_entity_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    g_hash_table_insert (reader->select, GSIZE_TO_POINTER (types[i]),
                         g_strdup (table_sql (self, types[i])->select));

  /* Only with write-ahead logging can a snapshot be held without keeping
   * the store from writing. It is taken by the first read inside the
   * transaction. */
  if (sqlite3_open_v2 (reader->path, &reader->db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_busy_timeout (reader->db, BUSY_TIMEOUT_MS) != SQLITE_OK ||
      !in_wal_mode (reader->db) ||
      sqlite3_exec (reader->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_exec (reader->db, "SELECT id FROM project LIMIT 1", NULL, NULL, NULL) != SQLITE_OK)
    return NULL;

  return g_steal_pointer (&reader);
}

/**
 * vonk_store_reader_load: (skip)
 * @project_id: the project to load from
 * @progress: (nullable) (scope call): called with the number of rows read
 *   so far, every few thousand rows; when it returns %FALSE the reading
 *   stops with %G_IO_ERROR_CANCELLED
 *
 * Reads the entities of @type as vonk_store_load() would, from the
 * reader's snapshot. Any thread may call this, one at a time. The error
 * of a value that cannot be what its column holds reads as that of
 * vonk_store_load(); other failures say only that reading failed, so a
 * caller that wants the store's own message reads again through the store.
 *
 * Returns: (transfer container): the entities in ID order, or %NULL with
 *   @error set
 */
GPtrArray *
vonk_store_reader_load (VonkStoreReader      *reader,
                        GType                 type,
                        gint64                project_id,
                        VonkStoreProgressFunc progress,
                        gpointer              data,
                        GError              **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GTypeClass) type_class = g_type_class_ref (type);
  VonkEntityClass *klass = VONK_ENTITY_CLASS (type_class);
  const char *sql = g_hash_table_lookup (reader->select, GSIZE_TO_POINTER (type));
  sqlite3_stmt *stmt = NULL;
  gboolean read;
  int rc;

  g_return_val_if_fail (sql != NULL, NULL);

  rc = sqlite3_prepare_v2 (reader->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK && klass->has_project)
    rc = sqlite3_bind_int64 (stmt, 1, project_id);
  if (rc != SQLITE_OK)
    {
      sqlite3_finalize (stmt);
      g_set_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_FAILED,
                   _("Database error: %s"), sqlite3_errstr (rc));
      return NULL;
    }

  read = read_rows (stmt, klass, reader->path, progress, data, result, &rc, error);
  sqlite3_finalize (stmt);
  if (!read)
    return NULL;
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_FAILED,
                   _("Database error: %s"), sqlite3_errstr (rc));
      return NULL;
    }

  return g_steal_pointer (&result);
}

/**
 * vonk_store_reader_count: (skip)
 *
 * Returns: how many rows of @type the project has in the snapshot, or 0
 *   if that cannot be read; for showing progress
 */
guint64
vonk_store_reader_count (VonkStoreReader *reader,
                         GType            type,
                         gint64           project_id)
{
  g_autoptr(GTypeClass) type_class = g_type_class_ref (type);
  VonkEntityClass *klass = VONK_ENTITY_CLASS (type_class);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  guint64 count = 0;

  sql = g_strdup_printf ("SELECT count(*) FROM %s%s", klass->table,
                         klass->has_project ? " WHERE project_id = ?1" : "");
  if (sqlite3_prepare_v2 (reader->db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      (!klass->has_project || sqlite3_bind_int64 (stmt, 1, project_id) == SQLITE_OK) &&
      sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint64) MAX (sqlite3_column_int64 (stmt, 0), 0);
  sqlite3_finalize (stmt);

  return count;
}

void
vonk_store_reader_free (VonkStoreReader *reader)
{
  if (reader->db != NULL)
    sqlite3_close_v2 (reader->db); /* and with it the snapshot */
  g_clear_pointer (&reader->select, g_hash_table_unref);
  g_free (reader->path);
  g_free (reader);
}
