/* vonk-project.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A project is a row of the project table and, once loaded, the owner of
 * one VonkEntityList per entity type. Every change goes through add, save
 * or remove: validated, written by one SQL statement (which SQLite runs as
 * a transaction of its own, cascades included), and only then applied to
 * the lists, so a view never shows an edit the database refused. After a
 * removal the lists follow the schema's ON DELETE clauses, as described by
 * each type's references.
 */

#define G_LOG_DOMAIN "vonk-project"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vonk-entities.h"
#include "vonk-entity-list.h"
#include "vonk-entity-private.h"
#include "vonk-enum-types.h"
#include "vonk-enums.h"
#include "vonk-project-private.h"

/* The attendance is most of the rows of a large project (500,000 of
 * 680,000 at 100,000 people) and none of the views a project opens on
 * needs it, so it is read when something first asks for its list, from a
 * snapshot of the database taken when the other lists were read:
 * whatever has been written since is applied to that list as to the
 * others, so it ends up exactly as if it had been read at once. A window
 * reads it ahead in a thread once the project shows
 * (vonk_project_read_ahead()). */
#define DEFERRED_TYPE VONK_TYPE_ATTENDANCE

static VonkProjectLoadHook load_hook;
static gpointer load_hook_data;

enum {
  COMPLETE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  VonkStoreReader *reader;
  gint64           project_id;
  GThread         *thread; /* reading ahead, or NULL */
  GMainContext    *context; /* of the project, told when reading ahead is done */
  GWeakRef        *owner;   /* the project, for the thread to tell */
  gint             stop;   /* (atomic) set when the project goes */
  GPtrArray       *items;  /* what was read, once read */
  GHashTable      *by_session; /* items by session, when read ahead */
  GError          *error;  /* why nothing was */
} Deferred;

static gboolean
go_on_reading (guint64  rows,
               gpointer data)
{
  Deferred *deferred = data;

  return !g_atomic_int_get (&deferred->stop);
}

static gpointer
read_deferred (gpointer data)
{
  Deferred *deferred = data;

  if (load_hook != NULL)
    load_hook (DEFERRED_TYPE, load_hook_data);
  deferred->items = vonk_store_reader_load (deferred->reader, DEFERRED_TYPE,
                                            deferred->project_id, go_on_reading, deferred,
                                            &deferred->error);
  return NULL;
}

/* Waits for the reading (or reads now) and takes what was read. */
static GPtrArray *
deferred_finish (Deferred  *deferred,
                 GError   **error)
{
  GPtrArray *items;

  if (deferred->thread != NULL)
    g_thread_join (g_steal_pointer (&deferred->thread));
  else
    read_deferred (deferred);

  items = g_steal_pointer (&deferred->items);
  if (items == NULL)
    g_propagate_error (error, g_steal_pointer (&deferred->error));
  return items;
}

/* Also while it is being read ahead: that stops within a few thousand
 * rows, so that quitting right after opening does not wait for it. */
static void
deferred_free (Deferred *deferred)
{
  g_atomic_int_set (&deferred->stop, TRUE);
  if (deferred->thread != NULL)
    g_thread_join (deferred->thread);
  g_clear_pointer (&deferred->items, g_ptr_array_unref);
  g_clear_pointer (&deferred->by_session, g_hash_table_unref);
  g_clear_error (&deferred->error);
  g_clear_pointer (&deferred->context, g_main_context_unref);
  vonk_store_reader_free (deferred->reader);
  g_free (deferred);
}

struct _VonkProject
{
  VonkEntity  parent_instance;

  VonkStore   *store;   /* weak */
  GHashTable  *lists;   /* GType → VonkEntityList, once loaded */
  VonkHistory *history; /* of the changes since it was loaded */
  GPtrArray   *indexes; /* of RefIndex, built on demand */
  Deferred    *deferred; /* the list read when first needed, or NULL */
  GError      *read_error; /* why it could not be read, if so */
};

/* Which entities of a type refer to which ID through one column, so that
 * "the attendance of this session" does not scan half a million rows. It
 * is rebuilt when its list has changed since (the list's stamp), and
 * forgotten before the project changes an entity in place. */
typedef struct
{
  GType       type;
  guint       column;
  guint       stamp;
  GHashTable *by_id;  /* gint64 * → GPtrArray of VonkEntity (the list's refs) */
} RefIndex;

static void
ref_index_free (gpointer data)
{
  RefIndex *index = data;

  g_clear_pointer (&index->by_id, g_hash_table_unref);
  g_free (index);
}

G_DEFINE_FINAL_TYPE (VonkProject, vonk_project, VONK_TYPE_ENTITY)

/* @items by the ID in their @column: gint64 * → GPtrArray of the items.
 * The table holds no references: the list holding the items outlives it. */
static GHashTable *
index_items (VonkEntity * const *items,
             guint               n_items,
             guint               column)
{
  GHashTable *by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                             (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < n_items; i++)
    {
      gint64 id = g_value_get_int64 (vonk_entity_get_value (items[i], column));
      GPtrArray *referring = g_hash_table_lookup (by_id, &id);

      if (referring == NULL)
        {
          referring = g_ptr_array_new ();
          g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), referring);
        }
      g_ptr_array_add (referring, items[i]);
    }

  return by_id;
}

/* The index of @type's @column, made (empty) if there is none yet. */
static RefIndex *
find_index (VonkProject *self,
            GType        type,
            const char  *column)
{
  guint c = vonk_entity_class_find_column (type, column);
  RefIndex *index;

  for (guint i = 0; i < self->indexes->len; i++)
    {
      index = g_ptr_array_index (self->indexes, i);
      if (index->type == type && index->column == c)
        return index;
    }

  index = g_new0 (RefIndex, 1);
  index->type = type;
  index->column = c;
  g_ptr_array_add (self->indexes, index);
  return index;
}

/* From a thread: has @func called in @context's own thread. (Not
 * g_main_context_invoke(), which calls it in this thread when nobody
 * holds @context at the moment.) */
static void
call_in (GMainContext   *context,
         GSourceFunc     func,
         gpointer        data,
         GDestroyNotify  destroy)
{
  GSource *source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, func, data, destroy);
  g_source_attach (source, context);
  g_source_unref (source);
}

static void
free_items (gpointer items)
{
  if (items != NULL)
    g_ptr_array_unref (items);
}

#define COLUMN_FLAGS (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS)

static void
vonk_project_finalize (GObject *object)
{
  VonkProject *self = VONK_PROJECT (object);

  vonk_project_set_store (self, NULL);
  g_clear_pointer (&self->deferred, deferred_free);
  g_clear_error (&self->read_error);
  g_clear_pointer (&self->indexes, g_ptr_array_unref);
  g_clear_pointer (&self->lists, g_hash_table_unref);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (vonk_project_parent_class)->finalize (object);
}

static void
vonk_project_class_init (VonkProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  VonkEntityClass *entity_class = VONK_ENTITY_CLASS (klass);

  object_class->finalize = vonk_project_finalize;

  /**
   * VonkProject::complete:
   *
   * Emitted, from the main loop, once the lists a loaded project reads
   * when first needed have been read (see vonk_project_is_complete()).
   */
  signals[COMPLETE] = g_signal_new ("complete", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  vonk_entity_class_set_table (entity_class, "project", FALSE);
  vonk_entity_class_add_column (entity_class,
                                g_param_spec_string ("name", NULL, NULL, "", COLUMN_FLAGS));
  vonk_entity_class_add_column (entity_class,
                                g_param_spec_string ("organisation", NULL, NULL, "",
                                                     COLUMN_FLAGS));
  vonk_entity_class_add_column (entity_class,
                                g_param_spec_enum ("focus", NULL, NULL, VONK_TYPE_FOCUS,
                                                   VONK_FOCUS_INTERNAL_NETWORK, COLUMN_FLAGS));
  /* the project's own definition of social business, in words */
  vonk_entity_class_add_column (entity_class,
                                g_param_spec_string ("definition", NULL, NULL, "",
                                                     COLUMN_FLAGS));
  vonk_entity_class_add_column (entity_class,
                                g_param_spec_enum ("current-phase", NULL, NULL, VONK_TYPE_PHASE,
                                                   VONK_PHASE_PRESENCE, COLUMN_FLAGS));
  vonk_entity_class_add_column (entity_class,
                                g_param_spec_enum ("target-phase", NULL, NULL, VONK_TYPE_PHASE,
                                                   VONK_PHASE_SOCIAL_BUSINESS, COLUMN_FLAGS));
  vonk_entity_class_add_column (entity_class,
                                g_param_spec_boxed ("start-date", NULL, NULL, G_TYPE_DATE,
                                                    COLUMN_FLAGS));
  vonk_entity_class_add_column (entity_class,
                                g_param_spec_boxed ("target-date", NULL, NULL, G_TYPE_DATE,
                                                    COLUMN_FLAGS));
}

static void
vonk_project_init (VonkProject *self)
{
  self->indexes = g_ptr_array_new_with_free_func (ref_index_free);
}

VonkProject *
vonk_project_new (const char *name)
{
  return g_object_new (VONK_TYPE_PROJECT, "name", name, NULL);
}

void
vonk_project_set_store (VonkProject *self,
                        VonkStore   *store)
{
  if (self->store == store)
    return;

  if (self->store != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->store), (gpointer *) &self->store);
  self->store = store;
  if (self->store != NULL)
    g_object_add_weak_pointer (G_OBJECT (self->store), (gpointer *) &self->store);
}

/**
 * vonk_project_get_store:
 *
 * Returns: (transfer none) (nullable): the store the project is saved in
 */
VonkStore *
vonk_project_get_store (VonkProject *self)
{
  g_return_val_if_fail (VONK_IS_PROJECT (self), NULL);

  return self->store;
}

/* Makes the project's lists of @items, a GPtrArray of entities per type
 * in vonk_entity_types() order (NULL for the deferred type, whose list
 * starts empty and is filled from @reader when first needed). */
static void
take_lists (VonkProject     *self,
            GPtrArray       *items,
            VonkStoreReader *reader)
{
  const GType *types;
  guint n_types;

  types = vonk_entity_types (&n_types);
  self->lists = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  for (guint i = 0; i < n_types; i++)
    {
      GPtrArray *list_items = g_ptr_array_index (items, i);
      VonkEntityList *list = vonk_entity_list_new (types[i]);

      if (list_items != NULL)
        vonk_entity_list_splice (list, 0, 0, (VonkEntity **) list_items->pdata,
                                 list_items->len);
      g_hash_table_insert (self->lists, GSIZE_TO_POINTER (types[i]), list);
    }

  if (reader != NULL)
    {
      self->deferred = g_new0 (Deferred, 1);
      self->deferred->reader = reader;
      self->deferred->project_id = vonk_entity_get_id (VONK_ENTITY (self));
    }
  self->history = vonk_history_new (self);
}

/**
 * vonk_project_load:
 *
 * Reads everything in the project into its lists. Loading again does
 * nothing. The attendance of a project is read when its list is first
 * asked for, as it was when this was called.
 */
gboolean
vonk_project_load (VonkProject  *self,
                   GError      **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (free_items);
  g_autoptr(VonkStoreReader) reader = NULL;
  const GType *types;
  guint n_types;
  gint64 project_id;

  g_return_val_if_fail (VONK_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  if (self->lists != NULL)
    return TRUE;

  project_id = vonk_entity_get_id (VONK_ENTITY (self));

  /* the snapshot the attendance will be read from; without one, as
   * inside a transaction, it is read now */
  reader = vonk_store_reader_new (self->store);

  types = vonk_entity_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    {
      GPtrArray *list_items = NULL;

      if (types[i] != DEFERRED_TYPE || reader == NULL)
        {
          list_items = vonk_store_load (self->store, types[i], project_id, error);
          if (list_items == NULL)
            return FALSE;
        }
      g_ptr_array_add (items, list_items);
    }

  take_lists (self, items, g_steal_pointer (&reader));
  return TRUE;
}

/* Loading in a thread */

typedef struct
{
  VonkStoreReader        *reader;
  gint64                  project_id;
  GPtrArray              *items;    /* as take_lists() wants them */
  VonkProjectProgressFunc progress;
  gpointer                progress_data;
  guint64                 total;    /* rows to read */
  guint64                 done;     /* rows of the tables read so far */
  guint64                 reported; /* rows when progress was last reported */
} LoadWork;

static void
load_work_free (gpointer data)
{
  LoadWork *work = data;

  g_clear_pointer (&work->reader, vonk_store_reader_free);
  g_clear_pointer (&work->items, g_ptr_array_unref);
  g_free (work);
}

typedef struct
{
  GTask *task;
  double fraction;
} Progress;

static void
progress_free (gpointer data)
{
  Progress *progress = data;

  g_object_unref (progress->task);
  g_free (progress);
}

static gboolean
report_progress_cb (gpointer data)
{
  Progress *progress = data;
  LoadWork *work = g_task_get_task_data (progress->task);

  /* not after the end, nor for a loading given up */
  if (!g_task_get_completed (progress->task) &&
      !g_cancellable_is_cancelled (g_task_get_cancellable (progress->task)))
    work->progress (progress->fraction, work->progress_data);
  return G_SOURCE_REMOVE;
}

/* In the thread: @now rows are in */
static void
report_progress (GTask   *task,
                 guint64  now)
{
  LoadWork *work = g_task_get_task_data (task);
  Progress *progress;

  /* Twenty steps are smooth enough for a bar that shows for a second or
   * two; each is a frame to paint, which with software rendering costs
   * the loading as much as reading thousands of rows. */
  if (work->progress == NULL || work->total == 0 ||
      (now - work->reported) * 20 < work->total)
    return;

  work->reported = now;
  progress = g_new0 (Progress, 1);
  progress->task = g_object_ref (task);
  progress->fraction = MIN ((double) now / (double) work->total, 1.0);
  call_in (g_task_get_context (task), report_progress_cb, progress, progress_free);
}

/* In the thread: @rows of the table being read are in */
static gboolean
rows_read_cb (guint64  rows,
              gpointer data)
{
  GTask *task = data;
  LoadWork *work = g_task_get_task_data (task);

  report_progress (task, work->done + rows);
  return !g_cancellable_is_cancelled (g_task_get_cancellable (task));
}

/**
 * vonk_project_set_load_hook: (skip)
 * @hook: (nullable): called in the thread of every vonk_project_load_async()
 *   before it reads the entities of each type
 *
 * For tests that must see what a window does while a project loads.
 */
void
vonk_project_set_load_hook (VonkProjectLoadHook hook,
                            gpointer            data)
{
  load_hook = hook;
  load_hook_data = data;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadWork *work = task_data;
  const GType *types;
  guint n_types;

  types = vonk_entity_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    if (types[i] != DEFERRED_TYPE)
      work->total += vonk_store_reader_count (work->reader, types[i], work->project_id);

  for (guint i = 0; i < n_types; i++)
    {
      GPtrArray *list_items = NULL;

      if (g_task_return_error_if_cancelled (task))
        return;

      if (types[i] != DEFERRED_TYPE)
        {
          if (load_hook != NULL)
            load_hook (types[i], load_hook_data);
          list_items = vonk_store_reader_load (work->reader, types[i], work->project_id,
                                               rows_read_cb, task, NULL);
          /* vonk_project_load_finish() reads again, for the store's own
           * message */
          if (list_items == NULL)
            break;
          work->done += list_items->len;
          report_progress (task, work->done);
        }
      g_ptr_array_add (work->items, list_items);
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * vonk_project_load_async:
 * @progress: (nullable): called in the thread-default main context of the
 *   caller as the reading goes on, with the fraction done, until @callback
 *   or until @cancellable is cancelled
 * @progress_data: for @progress
 *
 * Loads the project as vonk_project_load() does, reading its tables in a
 * thread on a connection of its own, from the database as it is when this
 * is called. The project is not loaded before vonk_project_load_finish()
 * has been called.
 */
void
vonk_project_load_async (VonkProject            *self,
                         GCancellable           *cancellable,
                         VonkProjectProgressFunc progress,
                         gpointer                progress_data,
                         GAsyncReadyCallback     callback,
                         gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadWork *work;

  g_return_if_fail (VONK_IS_PROJECT (self));
  g_return_if_fail (self->store != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vonk_project_load_async);

  work = g_new0 (LoadWork, 1);
  work->project_id = vonk_entity_get_id (VONK_ENTITY (self));
  work->progress = progress;
  work->progress_data = progress_data;
  work->items = g_ptr_array_new_with_free_func (free_items);
  g_task_set_task_data (task, work, load_work_free);

  if (self->lists != NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* Without a reader (inside a transaction) the finishing reads it all. */
  work->reader = vonk_store_reader_new (self->store);
  if (work->reader == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  g_task_run_in_thread (task, load_thread);
}

/**
 * vonk_project_load_finish:
 *
 * Returns: whether the project is loaded; if not, @error says why as
 *   vonk_project_load() would
 */
gboolean
vonk_project_load_finish (VonkProject   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  GTask *task = G_TASK (result);
  LoadWork *work;
  guint n_types;

  g_return_val_if_fail (VONK_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (task, error))
    return FALSE;
  if (self->lists != NULL)
    return TRUE;

  work = g_task_get_task_data (task);
  vonk_entity_types (&n_types);
  /* The thread could not read everything, or had no snapshot to read. */
  if (work->reader == NULL || work->items->len < n_types)
    return vonk_project_load (self, error);

  take_lists (self, work->items, g_steal_pointer (&work->reader));
  return TRUE;
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static void take_deferred (VonkProject *self);

/* In the project's main context, once the thread reading ahead is done. */
static gboolean
read_ahead_done_cb (gpointer data)
{
  g_autoptr(VonkProject) self = g_weak_ref_get (data);

  if (self != NULL && self->deferred != NULL)
    take_deferred (self);
  return G_SOURCE_REMOVE;
}

static gpointer
read_ahead_thread (gpointer data)
{
  Deferred *deferred = data;

  read_deferred (deferred);
  /* what the Sessions view asks for first: made here, not in the window */
  if (deferred->items != NULL)
    deferred->by_session = index_items ((VonkEntity **) deferred->items->pdata,
                                        deferred->items->len,
                                        vonk_entity_class_find_column (DEFERRED_TYPE,
                                                                       "session-id"));
  call_in (deferred->context, read_ahead_done_cb, g_steal_pointer (&deferred->owner),
           weak_ref_free);
  return NULL;
}

/**
 * vonk_project_read_ahead:
 *
 * Starts reading, in a thread, the lists of a loaded project that are
 * otherwise read when first asked for, so that asking later need not
 * wait. When they are in, the project emits #VonkProject::complete in the
 * thread-default main context of the caller.
 */
void
vonk_project_read_ahead (VonkProject *self)
{
  Deferred *deferred;

  g_return_if_fail (VONK_IS_PROJECT (self));

  deferred = self->deferred;
  if (deferred == NULL || deferred->thread != NULL)
    return;

  deferred->context = g_main_context_ref_thread_default ();
  deferred->owner = g_new0 (GWeakRef, 1);
  g_weak_ref_init (deferred->owner, self);
  deferred->thread = g_thread_try_new ("vonk-read-ahead", read_ahead_thread, deferred, NULL);
  if (deferred->thread == NULL)
    {
      /* then now, so that #VonkProject::complete still comes */
      g_clear_pointer (&deferred->owner, weak_ref_free);
      take_deferred (self);
    }
}

/**
 * vonk_project_is_complete:
 *
 * Returns: whether every list of the loaded project has been read, so that
 *   asking for one takes no time
 */
gboolean
vonk_project_is_complete (VonkProject *self)
{
  g_return_val_if_fail (VONK_IS_PROJECT (self), FALSE);

  return self->lists != NULL && self->deferred == NULL;
}

/**
 * vonk_project_get_read_error:
 *
 * Returns: (nullable): why a list read after the others could not be, or
 *   %NULL; the project's store then refuses every change
 */
const GError *
vonk_project_get_read_error (VonkProject *self)
{
  g_return_val_if_fail (VONK_IS_PROJECT (self), NULL);

  return self->read_error;
}

gboolean
vonk_project_is_loaded (VonkProject *self)
{
  g_return_val_if_fail (VONK_IS_PROJECT (self), FALSE);

  return self->lists != NULL;
}

static gboolean
emit_complete_cb (gpointer data)
{
  g_signal_emit (data, signals[COMPLETE], 0);
  return G_SOURCE_REMOVE;
}

/* Fills the deferred list from its snapshot. What the views see must come
 * from the database; a snapshot that cannot be read any more (its file
 * damaged since it was opened) leaves the list empty. The store then
 * refuses every change: one made on what could be read could lose what
 * could not, such as a deletion whose Undo would not know the attendance
 * that went with it. */
static void
take_deferred (VonkProject *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GHashTable) by_session = NULL;
  g_autoptr(GError) error = NULL;
  VonkEntityList *list = g_hash_table_lookup (self->lists, GSIZE_TO_POINTER (DEFERRED_TYPE));
  RefIndex *index;

  items = deferred_finish (self->deferred, &error);
  by_session = g_steal_pointer (&self->deferred->by_session);
  g_clear_pointer (&self->deferred, deferred_free);
  /* not from here, which may be the middle of a deletion */
  g_idle_add_full (G_PRIORITY_DEFAULT, emit_complete_cb, g_object_ref (self), g_object_unref);
  if (items == NULL)
    {
      self->read_error = g_error_new (error->domain, error->code,
                                      /* Translators: %1$s is a project, %2$s why its
                                       * attendance could not be read */
                                      _("The attendance of “%1$s” could not be read (%2$s). "
                                        "So that nothing is lost, Vonk will not change the "
                                        "database until you start it again."),
                                      vonk_entity_get_string (VONK_ENTITY (self), "name"),
                                      error->message);
      if (self->store != NULL)
        vonk_store_refuse_changes (self->store, self->read_error->message);
      return;
    }

  /* nobody can have seen the list before: nobody to notify */
  vonk_entity_list_splice (list, 0, 0, (VonkEntity **) items->pdata, items->len);

  if (by_session != NULL)
    {
      index = find_index (self, DEFERRED_TYPE, "session-id");
      g_clear_pointer (&index->by_id, g_hash_table_unref);
      index->by_id = g_steal_pointer (&by_session);
      index->stamp = vonk_entity_list_get_stamp (list);
    }
}

static VonkEntityList *
list_of (VonkProject *self,
         GType        type)
{
  if (type == DEFERRED_TYPE && self->deferred != NULL)
    take_deferred (self);

  return g_hash_table_lookup (self->lists, GSIZE_TO_POINTER (type));
}

/* Before the project changes an entity of @type in place: what is
 * notified about it may already look up what refers to what. */
static void
forget_indexes (VonkProject *self,
                GType        type)
{
  for (guint i = 0; i < self->indexes->len; i++)
    {
      RefIndex *index = g_ptr_array_index (self->indexes, i);

      if (index->type == type)
        g_clear_pointer (&index->by_id, g_hash_table_unref);
    }
}

static void
build_index (VonkProject *self,
             RefIndex    *index)
{
  VonkEntityList *list = list_of (self, index->type);
  VonkEntity * const *items;
  guint n;

  items = vonk_entity_list_peek_items (list, &n);
  index->by_id = index_items (items, n, index->column);
  index->stamp = vonk_entity_list_get_stamp (list);
}

/**
 * vonk_project_get_referring:
 * @type: an entity type, such as VONK_TYPE_ATTENDANCE
 * @column: one of its reference columns, such as "session-id"
 * @id: the ID referred to
 *
 * Finds the entities of @type whose @column is @id without going through
 * the whole list: an index per column is kept while the list stays the
 * same.
 *
 * Returns: (transfer container) (element-type VonkEntity): those entities,
 *   in ID order
 */
GPtrArray *
vonk_project_get_referring (VonkProject *self,
                            GType        type,
                            const char  *column,
                            gint64       id)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);
  RefIndex *index;
  GPtrArray *items;

  g_return_val_if_fail (VONK_IS_PROJECT (self), result);
  g_return_val_if_fail (self->lists != NULL, result);

  index = find_index (self, type, column);
  g_return_val_if_fail (index != NULL, result);

  if (index->by_id != NULL &&
      index->stamp != vonk_entity_list_get_stamp (list_of (self, type)))
    g_clear_pointer (&index->by_id, g_hash_table_unref);
  if (index->by_id == NULL)
    build_index (self, index);

  items = g_hash_table_lookup (index->by_id, &id);
  for (guint i = 0; items != NULL && i < items->len; i++)
    g_ptr_array_add (result, g_object_ref (g_ptr_array_index (items, i)));

  return result;
}

/**
 * vonk_project_get_list:
 * @type: an entity type, such as VONK_TYPE_DEPARTMENT
 *
 * Returns: (transfer none): the project's entities of @type in ID order; the
 *   model emits items-changed for every change that is saved
 */
GListModel *
vonk_project_get_list (VonkProject *self,
                       GType        type)
{
  g_return_val_if_fail (VONK_IS_PROJECT (self), NULL);
  g_return_val_if_fail (self->lists != NULL, NULL);

  return G_LIST_MODEL (list_of (self, type));
}

/**
 * vonk_project_get_history:
 *
 * Returns: (transfer none): the changes made since the project was loaded,
 *   for Undo and Redo
 */
VonkHistory *
vonk_project_get_history (VonkProject *self)
{
  g_return_val_if_fail (VONK_IS_PROJECT (self), NULL);
  g_return_val_if_fail (self->lists != NULL, NULL);

  return self->history;
}

/**
 * vonk_project_lookup:
 *
 * Returns: (transfer none) (nullable): the entity of @type with ID @id
 */
VonkEntity *
vonk_project_lookup (VonkProject *self,
                     GType        type,
                     gint64       id)
{
  g_return_val_if_fail (VONK_IS_PROJECT (self), NULL);
  g_return_val_if_fail (self->lists != NULL, NULL);

  if (id == 0)
    return NULL;

  return vonk_entity_list_lookup (list_of (self, type), id);
}

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, VONK_STORE_ERROR, VONK_STORE_ERROR_INVALID, message);

  return FALSE;
}

static gboolean
is_blank (const char *s)
{
  for (; s != NULL && *s; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return FALSE;

  return TRUE;
}

/* Another entity of the same type with the same name, ignoring case. */
static gboolean
has_name_twin (VonkProject *self,
               VonkEntity  *entity)
{
  GListModel *list = vonk_project_get_list (self, G_OBJECT_TYPE (entity));
  g_autofree char *trimmed = g_strstrip (g_strdup (vonk_entity_get_string (entity, "name")));
  g_autofree char *name = g_utf8_casefold (trimmed, -1);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(VonkEntity) other = g_list_model_get_item (list, i);
      g_autofree char *other_name = NULL;

      if (vonk_entity_get_id (other) == vonk_entity_get_id (entity))
        continue;
      other_name = g_utf8_casefold (vonk_entity_get_string (other, "name"), -1);
      if (g_strcmp0 (name, other_name) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_email (const char *s)
{
  const char *at = strchr (s, '@');

  return at != NULL && at != s && at[1] != '\0' && strchr (at + 1, '@') == NULL &&
         strchr (at + 1, '.') != NULL && strpbrk (s, " \t\n<>,;") == NULL;
}

/* The class's own table of columns, not g_object_class_find_property():
 * an import checks every row it reads, and that takes a global lock. */
static gboolean
has_column (VonkEntity *entity,
            const char *column)
{
  return g_hash_table_contains (VONK_ENTITY_GET_CLASS (entity)->column_index, column);
}

static gboolean
validate_text (VonkEntity  *entity,
               GError     **error)
{
  if (has_column (entity, "name") && is_blank (vonk_entity_get_string (entity, "name")))
    return invalid (error, _("The name cannot be empty"));

  if (has_column (entity, "title") && is_blank (vonk_entity_get_string (entity, "title")))
    return invalid (error, _("The title cannot be empty"));

  if (has_column (entity, "text") && is_blank (vonk_entity_get_string (entity, "text")))
    return invalid (error, _("The text cannot be empty"));

  return TRUE;
}

static gboolean
validate_ranges (VonkEntity  *entity,
                 GError     **error)
{
  GType type = G_OBJECT_TYPE (entity);

  if (type == VONK_TYPE_DEPARTMENT && vonk_entity_get_int (entity, "headcount") < 0)
    return invalid (error, _("The headcount cannot be negative"));

  if (type == VONK_TYPE_BARRIER_SCORE)
    {
      int score = vonk_entity_get_int (entity, "score");

      if (score < 1 || score > 5)
        return invalid (error, _("A barrier score is between 1 (no obstacle) and 5 (blocking)"));
      if (vonk_entity_get_date (entity, "scored-on") == NULL)
        return invalid (error, _("A barrier score needs a date"));
    }

  if (type == VONK_TYPE_SESSION)
    {
      int duration = vonk_entity_get_int (entity, "duration");

      if (duration < 0 || duration > 24 * 60)
        return invalid (error, _("A session lasts between 0 minutes and 24 hours"));
      if (vonk_entity_get_int (entity, "capacity") < 0)
        return invalid (error, _("The capacity cannot be negative"));
    }

  if (type == VONK_TYPE_AGENDA_BLOCK || type == VONK_TYPE_TEMPLATE_BLOCK)
    {
      int minutes = vonk_entity_get_int (entity, "minutes");

      if (minutes < 0 || minutes > 24 * 60)
        return invalid (error, _("A block lasts between 0 minutes and 24 hours"));
    }

  if (type == VONK_TYPE_ATTENDANCE)
    {
      int pulse = vonk_entity_get_int (entity, "pulse");

      if (pulse < 0 || pulse > 5)
        return invalid (error, _("The pulse is between 1 and 5"));
    }

  if (type == VONK_TYPE_ASSESSMENT && vonk_entity_get_date (entity, "assessed-on") == NULL)
    return invalid (error, _("An assessment needs a date"));

  if (type == VONK_TYPE_STORY && vonk_entity_get_int (entity, "reach") < 0)
    return invalid (error, _("The reach cannot be negative"));

  if (type == VONK_TYPE_SESSION_SCOPE &&
      (vonk_entity_get_int64 (entity, "department-id") == 0) ==
      (vonk_entity_get_int64 (entity, "location-id") == 0))
    return invalid (error, _("A session is meant for either a department or a location"));

  if (type == VONK_TYPE_PROJECT)
    {
      const GDate *start = vonk_entity_get_date (entity, "start-date");
      const GDate *target = vonk_entity_get_date (entity, "target-date");

      if (start != NULL && target != NULL && g_date_compare (target, start) < 0)
        return invalid (error, _("The target date is before the start date"));
    }

  return TRUE;
}

/**
 * vonk_project_validate_fields:
 *
 * The checks of vonk_project_validate() that need nothing but @entity
 * itself: texts not empty, numbers and dates in range. For importers, which
 * check references and names against their own input.
 */
gboolean
vonk_project_validate_fields (VonkEntity  *entity,
                              GError     **error)
{
  g_return_val_if_fail (VONK_IS_ENTITY (entity), FALSE);

  return validate_text (entity, error) && validate_ranges (entity, error);
}

static gboolean validate   (VonkProject  *self,
                            VonkEntity   *entity,
                            VonkIdMap    *returning,
                            VonkIdMap    *going,
                            GError      **error);
static gboolean will_exist (VonkProject  *self,
                            VonkIdMap    *returning,
                            VonkIdMap    *going,
                            GType         type,
                            gint64        id);

/**
 * vonk_project_validate:
 *
 * Checks @entity as a form would before saving it: names and titles not
 * empty, no two locations or departments with the same name, numbers in
 * range, e-mail addresses well-formed, references to entities that exist.
 * The message of @error is a sentence to show next to the form.
 */
gboolean
vonk_project_validate (VonkProject  *self,
                       VonkEntity   *entity,
                       GError      **error)
{
  g_return_val_if_fail (VONK_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (VONK_IS_ENTITY (entity), FALSE);

  return validate (self, entity, NULL, NULL, error);
}

/* vonk_project_validate(), for a save planned after other writes
 * (VonkWrites): what @returning holds counts as there, what @going holds
 * as gone. */
static gboolean
validate (VonkProject  *self,
          VonkEntity   *entity,
          VonkIdMap    *returning,
          VonkIdMap    *going,
          GError      **error)
{
  VonkEntityClass *klass;
  GType type;

  type = G_OBJECT_TYPE (entity);
  if (!validate_text (entity, error) || !validate_ranges (entity, error))
    return FALSE;

  if (type == VONK_TYPE_PROJECT)
    return TRUE;

  g_return_val_if_fail (self->lists != NULL, FALSE);

  if (type == VONK_TYPE_LOCATION && has_name_twin (self, entity))
    return invalid (error, _("There is already a location named “%s”"),
                    vonk_entity_get_string (entity, "name"));

  if (type == VONK_TYPE_DEPARTMENT && has_name_twin (self, entity))
    return invalid (error, _("There is already a department named “%s”"),
                    vonk_entity_get_string (entity, "name"));

  if (type == VONK_TYPE_PERSON)
    {
      const char *email = vonk_entity_get_string (entity, "email");

      if (!is_blank (email) && !is_email (email))
        return invalid (error, _("“%s” is not an e-mail address"), email);
    }

  klass = VONK_ENTITY_GET_CLASS (entity);
  for (guint i = 0; i < vonk_entity_class_get_n_refs (klass); i++)
    {
      const VonkEntityRef *ref = vonk_entity_class_get_ref (klass, i);
      const GValue *value = vonk_entity_get_value (entity, ref->column);
      gint64 id = g_value_get_int64 (value);

      if (id != 0 && !will_exist (self, returning, going, ref->target, id))
        return invalid (error, _("This refers to something that has been deleted"));
    }

  return TRUE;
}

/**
 * vonk_project_add:
 *
 * Validates and saves the new @entity and adds it to its list. An entity
 * that has an ID keeps it: that is how Undo puts a deleted one back.
 */
gboolean
vonk_project_add (VonkProject  *self,
                  VonkEntity   *entity,
                  GError      **error)
{
  g_return_val_if_fail (VONK_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (VONK_IS_ENTITY (entity), FALSE);
  g_return_val_if_fail (!VONK_IS_PROJECT (entity), FALSE);
  g_return_val_if_fail (self->lists != NULL && self->store != NULL, FALSE);

  if (!vonk_project_validate (self, entity, error) ||
      !vonk_store_insert (self->store, vonk_entity_get_id (VONK_ENTITY (self)), entity, error))
    return FALSE;

  vonk_entity_list_add (list_of (self, G_OBJECT_TYPE (entity)), entity);
  vonk_history_record_add (self->history, entity);
  return TRUE;
}

/**
 * vonk_project_save:
 * @changed: an edited copy (vonk_entity_copy()) of an entity of the
 *   project, or of the project itself
 *
 * Validates and writes @changed; only when that succeeds are its values
 * copied into the project's own entity, whose list then emits
 * items-changed.
 */
gboolean
vonk_project_save (VonkProject  *self,
                   VonkEntity   *changed,
                   GError      **error)
{
  VonkEntityList *list;
  VonkEntity *live;

  g_return_val_if_fail (VONK_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (VONK_IS_ENTITY (changed), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  if (VONK_IS_PROJECT (changed))
    {
      g_return_val_if_fail (vonk_entity_get_id (changed) ==
                            vonk_entity_get_id (VONK_ENTITY (self)), FALSE);
      list = VONK_ENTITY_LIST (vonk_store_get_projects (self->store));
      live = VONK_ENTITY (self);
    }
  else
    {
      g_return_val_if_fail (self->lists != NULL, FALSE);
      list = list_of (self, G_OBJECT_TYPE (changed));
      live = vonk_entity_list_lookup (list, vonk_entity_get_id (changed));
      if (live == NULL)
        {
          g_set_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_NOT_FOUND,
                       _("The item was deleted elsewhere"));
          return FALSE;
        }
    }

  if (!vonk_project_validate (self, changed, error) ||
      !vonk_store_update (self->store, changed, error))
    return FALSE;

  if (self->history != NULL)
    vonk_history_record_save (self->history, live, changed);
  forget_indexes (self, G_OBJECT_TYPE (live));
  vonk_entity_assign (live, changed);
  vonk_entity_list_changed (list, live);
  return TRUE;
}

/**
 * vonk_project_save_many:
 * @changed: (element-type VonkEntity): edited copies of entities of the
 *   project (not of the project itself), at most one per entity
 *
 * Does what vonk_project_save() does for each of @changed, in one
 * transaction, as one change in the history, and tells each list once:
 * Undo of an import that updated 100,000 people is one pass over the
 * views, not 100,000. All or nothing:
 * if one is invalid or gone, nothing is written and @error says why.
 */
gboolean
vonk_project_save_many (VonkProject  *self,
                        GPtrArray    *changed,
                        GError      **error)
{
  g_autoptr(VonkWrites) writes = NULL;

  g_return_val_if_fail (VONK_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (changed != NULL, FALSE);
  g_return_val_if_fail (self->lists != NULL && self->store != NULL, FALSE);

  writes = vonk_writes_new (self);
  if (!vonk_writes_plan_save_many (writes, changed, error) ||
      !vonk_writes_run (writes, self->store, NULL, NULL, NULL, error))
    return FALSE;

  vonk_writes_apply (writes);
  return TRUE;
}

/* What a deletion took away, so that Undo can put it back: the entities
 * removed (the one deleted first, then what cascaded, parents before
 * children) and the references the schema set to NULL. */
typedef struct
{
  VonkEntity *entity;
  guint       column;
  gint64      id;
} ClearedRef;

struct _VonkDeletion
{
  gatomicrefcount  ref_count;
  GPtrArray       *removed;
  GArray          *cleared;
};

static void
cleared_ref_clear (gpointer data)
{
  g_object_unref (((ClearedRef *) data)->entity);
}

VonkDeletion *
vonk_deletion_ref (VonkDeletion *deletion)
{
  g_atomic_ref_count_inc (&deletion->ref_count);
  return deletion;
}

/* Lets go of @deletion; the project's history may hold it still. */
void
vonk_deletion_free (VonkDeletion *deletion)
{
  if (!g_atomic_ref_count_dec (&deletion->ref_count))
    return;

  g_ptr_array_unref (deletion->removed);
  g_array_unref (deletion->cleared);
  g_free (deletion);
}

/**
 * vonk_deletion_get_entity:
 *
 * Returns: (transfer none): the entity that was deleted
 */
VonkEntity *
vonk_deletion_get_entity (VonkDeletion *deletion)
{
  return g_ptr_array_index (deletion->removed, 0);
}

/**
 * vonk_project_delete:
 *
 * Deletes @entity and what hangs on it, in the database and in the lists.
 *
 * Returns: (transfer full) (nullable): what was taken away, for
 *   vonk_project_undo_deletion(); %NULL with @error set on failure
 */
VonkDeletion *
vonk_project_delete (VonkProject  *self,
                     VonkEntity   *entity,
                     GError      **error)
{
  g_return_val_if_fail (VONK_IS_PROJECT (self), NULL);
  g_return_val_if_fail (VONK_IS_ENTITY (entity), NULL);
  g_return_val_if_fail (self->lists != NULL && self->store != NULL, NULL);

  if (!vonk_entity_list_find (list_of (self, G_OBJECT_TYPE (entity)), entity, NULL))
    {
      g_set_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_NOT_FOUND,
                   _("The item was deleted elsewhere"));
      return NULL;
    }

  if (!vonk_store_delete (self->store, entity, error))
    return NULL;

  return vonk_project_forget (self, entity);
}

static gboolean
in_set (VonkEntity *entity,
        gpointer    set)
{
  return g_hash_table_contains (set, entity);
}

/* The IDs of @entities, as a set of gint64. */
static GHashTable *
id_set_new (GPtrArray *entities)
{
  GHashTable *ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < entities->len; i++)
    {
      gint64 id = vonk_entity_get_id (g_ptr_array_index (entities, i));

      g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
    }

  return ids;
}

/* Applies to the lists what the database did on deleting @deleted, all of
 * @type, and notes it in @deletion: each list is gone through once, not
 * once per entity. */
static void
cascade_many (VonkProject  *self,
              GType         type,
              GPtrArray    *deleted,
              VonkDeletion *deletion)
{
  g_autoptr(GHashTable) ids = id_set_new (deleted);
  const GType *types;
  guint n_types;

  types = vonk_entity_types (&n_types);
  for (guint t = 0; t < n_types; t++)
    {
      g_autoptr(GTypeClass) type_class = g_type_class_ref (types[t]);
      VonkEntityClass *klass = VONK_ENTITY_CLASS (type_class);

      for (guint r = 0; r < vonk_entity_class_get_n_refs (klass); r++)
        {
          const VonkEntityRef *ref = vonk_entity_class_get_ref (klass, r);
          g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func (g_object_unref);
          VonkEntityList *list;
          VonkEntity * const *items;
          guint n;

          if (ref->target != type)
            continue;

          /* (only types that can refer to @type need their list: the
           * attendance may not have been read yet) */
          list = list_of (self, types[t]);
          items = vonk_entity_list_peek_items (list, &n);
          for (guint i = 0; i < n; i++)
            {
              VonkEntity *item = items[i];
              gint64 id = g_value_get_int64 (vonk_entity_get_value (item, ref->column));

              if (id != 0 && g_hash_table_contains (ids, &id))
                g_ptr_array_add (hits, g_object_ref (item));
            }
          if (hits->len == 0)
            continue;

          if (ref->on_delete == VONK_ON_DELETE_CASCADE)
            {
              g_autoptr(GHashTable) gone = g_hash_table_new (NULL, NULL);

              for (guint i = 0; i < hits->len; i++)
                {
                  g_hash_table_add (gone, g_ptr_array_index (hits, i));
                  g_ptr_array_add (deletion->removed, g_object_ref (g_ptr_array_index (hits, i)));
                }
              vonk_entity_list_remove_where (list, in_set, gone);
              cascade_many (self, types[t], hits, deletion);
            }
          else
            {
              g_auto(GValue) none = G_VALUE_INIT;

              g_value_init (&none, G_TYPE_INT64);
              forget_indexes (self, types[t]);
              for (guint i = 0; i < hits->len; i++)
                {
                  VonkEntity *item = g_ptr_array_index (hits, i);
                  ClearedRef cleared = {
                    g_object_ref (item), ref->column,
                    g_value_get_int64 (vonk_entity_get_value (item, ref->column)),
                  };

                  g_array_append_val (deletion->cleared, cleared);
                  vonk_entity_set_value (item, ref->column, &none);
                }
              vonk_entity_list_changed_many (list, hits);
            }
        }
    }
}

/* Takes @entities (rows the store has deleted), and what the database's
 * ON DELETE rules took with them, out of the lists, and records the
 * deletion for Undo. */
static VonkDeletion *
forget_many (VonkProject *self,
             GPtrArray   *entities)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  VonkDeletion *deletion;

  deletion = g_new0 (VonkDeletion, 1);
  g_atomic_ref_count_init (&deletion->ref_count);
  deletion->removed = g_ptr_array_new_with_free_func (g_object_unref);
  deletion->cleared = g_array_new (FALSE, FALSE, sizeof (ClearedRef));
  g_array_set_clear_func (deletion->cleared, cleared_ref_clear);

  /* per type, in the order met: first out of every list, then what
   * referred to them follows */
  for (guint i = 0; i < entities->len; i++)
    {
      VonkEntity *entity = g_ptr_array_index (entities, i);
      GPtrArray *group = NULL;

      g_ptr_array_add (deletion->removed, g_object_ref (entity));
      for (guint g = 0; g < groups->len && group == NULL; g++)
        {
          GPtrArray *candidate = g_ptr_array_index (groups, g);

          if (G_OBJECT_TYPE (g_ptr_array_index (candidate, 0)) == G_OBJECT_TYPE (entity))
            group = candidate;
        }
      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_ptr_array_add (groups, group);
        }
      g_ptr_array_add (group, entity);
    }
  for (guint g = 0; g < groups->len; g++)
    {
      GPtrArray *group = g_ptr_array_index (groups, g);
      g_autoptr(GHashTable) gone = g_hash_table_new (NULL, NULL);

      for (guint i = 0; i < group->len; i++)
        g_hash_table_add (gone, g_ptr_array_index (group, i));
      vonk_entity_list_remove_where (list_of (self, G_OBJECT_TYPE (g_ptr_array_index (group, 0))),
                                     in_set, gone);
    }
  for (guint g = 0; g < groups->len; g++)
    {
      GPtrArray *group = g_ptr_array_index (groups, g);

      cascade_many (self, G_OBJECT_TYPE (g_ptr_array_index (group, 0)), group, deletion);
    }

  vonk_history_record_delete (self->history, deletion);
  return deletion;
}

/* vonk_project_forget:
 * @entity: a loaded entity whose row the store has deleted
 *
 * Takes @entity, and what the database's ON DELETE rules took with it, out
 * of the lists, and records the deletion for Undo. For a row deleted in a
 * transaction: call this once it has committed.
 *
 * Returns: (transfer full): what went
 */
VonkDeletion *
vonk_project_forget (VonkProject *self,
                     VonkEntity  *entity)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  g_ptr_array_add (one, entity);
  return forget_many (self, one);
}

/**
 * vonk_project_delete_many:
 * @entities: (element-type VonkEntity): entities of the project, parents
 *   before what refers to them
 *
 * Deletes @entities and what hangs on them in one transaction, and
 * updates each list with as few items-changed as it can: Undo of an
 * import of 100,000 people takes one pass, not 100,000.
 *
 * Returns: (transfer full) (nullable): what was taken away, for
 *   vonk_project_undo_deletion(); %NULL with @error set on failure, when
 *   nothing changed
 */
VonkDeletion *
vonk_project_delete_many (VonkProject  *self,
                          GPtrArray    *entities,
                          GError      **error)
{
  g_autoptr(VonkWrites) writes = NULL;

  g_return_val_if_fail (VONK_IS_PROJECT (self), NULL);
  g_return_val_if_fail (entities != NULL && entities->len > 0, NULL);
  g_return_val_if_fail (self->lists != NULL && self->store != NULL, NULL);

  writes = vonk_writes_new (self);
  if (!vonk_writes_plan_delete_many (writes, entities, error) ||
      !vonk_writes_run (writes, self->store, NULL, NULL, NULL, error))
    return NULL;

  vonk_writes_apply (writes);
  return vonk_deletion_ref (vonk_writes_get_deletion (writes, 0));
}

/**
 * vonk_project_remove:
 *
 * Deletes @entity and what hangs on it, for good.
 */
gboolean
vonk_project_remove (VonkProject  *self,
                     VonkEntity   *entity,
                     GError      **error)
{
  VonkDeletion *deletion = vonk_project_delete (self, entity, error);

  if (deletion == NULL)
    return FALSE;

  vonk_deletion_free (deletion);
  return TRUE;
}

/* VonkIdMap: entities by type and ID, without making a string of each
 * (for 100,000 people the strings took a tenth of a second). */
typedef struct
{
  GType  type;
  gint64 id;
} IdKey;

static guint
id_key_hash (gconstpointer data)
{
  const IdKey *key = data;

  return g_int64_hash (&key->id) ^ g_direct_hash (GSIZE_TO_POINTER (key->type));
}

static gboolean
id_key_equal (gconstpointer a,
              gconstpointer b)
{
  const IdKey *ka = a;
  const IdKey *kb = b;

  return ka->id == kb->id && ka->type == kb->type;
}

/* Returns: (transfer full): an empty map, whose values are not owned */
VonkIdMap *
vonk_id_map_new (void)
{
  return (VonkIdMap *) g_hash_table_new_full (id_key_hash, id_key_equal, g_free, NULL);
}

void
vonk_id_map_free (VonkIdMap *map)
{
  g_hash_table_unref ((GHashTable *) map);
}

void
vonk_id_map_insert (VonkIdMap  *map,
                    VonkEntity *entity,
                    gpointer    value)
{
  IdKey *key = g_new (IdKey, 1);

  key->type = G_OBJECT_TYPE (entity);
  key->id = vonk_entity_get_id (entity);
  g_hash_table_insert ((GHashTable *) map, key, value);
}

void
vonk_id_map_remove (VonkIdMap  *map,
                    VonkEntity *entity)
{
  IdKey key = { G_OBJECT_TYPE (entity), vonk_entity_get_id (entity) };

  g_hash_table_remove ((GHashTable *) map, &key);
}

gboolean
vonk_id_map_lookup (VonkIdMap *map,
                    GType      type,
                    gint64     id,
                    gpointer  *value)
{
  IdKey key = { type, id };

  return g_hash_table_lookup_extended ((GHashTable *) map, &key, NULL, value);
}

/* Whether @id of @type is in the project or about to return with the
 * writes planned (@returning, a VonkIdMap), and not about to go with
 * them (@going); both may be %NULL. */
static gboolean
will_exist (VonkProject  *self,
            VonkIdMap    *returning,
            VonkIdMap    *going,
            GType         type,
            gint64        id)
{
  if (returning == NULL && going == NULL)
    return vonk_project_lookup (self, type, id) != NULL;

  if (returning != NULL && vonk_id_map_lookup (returning, type, id, NULL))
    return TRUE;
  if (going != NULL && vonk_id_map_lookup (going, type, id, NULL))
    return FALSE;
  return vonk_project_lookup (self, type, id) != NULL;
}

/* Clears the optional references of @entity to what is gone since. */
static void
drop_dangling_refs (VonkProject  *self,
                    VonkIdMap    *returning,
                    VonkIdMap    *going,
                    VonkEntity   *entity)
{
  VonkEntityClass *klass = VONK_ENTITY_GET_CLASS (entity);
  g_auto(GValue) none = G_VALUE_INIT;

  g_value_init (&none, G_TYPE_INT64);
  for (guint r = 0; r < vonk_entity_class_get_n_refs (klass); r++)
    {
      const VonkEntityRef *ref = vonk_entity_class_get_ref (klass, r);
      gint64 id = g_value_get_int64 (vonk_entity_get_value (entity, ref->column));

      if (ref->on_delete == VONK_ON_DELETE_SET_NULL && id != 0 &&
          !will_exist (self, returning, going, ref->target, id))
        vonk_entity_set_value (entity, ref->column, &none);
    }
}

/* Writes: the database's part of saving, deleting or putting back many
 * entities at once, planned on the main thread from the lists, run in
 * one transaction on any connection — the project's own, or a worker's
 * (vonk_history_undo_async()) — and only then applied to the lists. */

typedef enum
{
  WRITE_INSERT,
  WRITE_UPDATE,
  WRITE_DELETE,
} WriteKind;

typedef struct
{
  WriteKind   kind;
  VonkEntity *entity;
} Write;

typedef enum
{
  UNIT_SAVE_MANY,
  UNIT_DELETE_MANY,
  UNIT_UNDO_DELETION,
} UnitKind;

typedef struct
{
  UnitKind      kind;
  GPtrArray    *entities;  /* SAVE_MANY: the drafts; DELETE_MANY: what goes */
  GPtrArray    *lives;     /* SAVE_MANY: the project's own entities */
  VonkDeletion *deletion;  /* UNDO_DELETION: what returns; DELETE_MANY: what went */
} Unit;

struct _VonkWrites
{
  VonkProject *project;
  gint64       project_id;
  GArray      *writes;    /* of Write, in the order they run */
  GPtrArray   *units;     /* of Unit, in the order they apply */
  VonkIdMap   *returning; /* what the writes put back */
  VonkIdMap   *going;     /* and what they delete */
  guint        assigned;  /* of the saves vonk_writes_apply_units_step() is at */
};

static void
write_clear (gpointer data)
{
  g_object_unref (((Write *) data)->entity);
}

static void
unit_free (Unit *unit)
{
  g_clear_pointer (&unit->entities, g_ptr_array_unref);
  g_clear_pointer (&unit->lives, g_ptr_array_unref);
  g_clear_pointer (&unit->deletion, vonk_deletion_free);
  g_free (unit);
}

/**
 * vonk_writes_new: (skip)
 *
 * Returns: (transfer full): nothing planned yet, for @project
 */
VonkWrites *
vonk_writes_new (VonkProject *project)
{
  VonkWrites *self = g_new0 (VonkWrites, 1);

  self->project = g_object_ref (project);
  self->project_id = vonk_entity_get_id (VONK_ENTITY (project));
  self->writes = g_array_new (FALSE, FALSE, sizeof (Write));
  g_array_set_clear_func (self->writes, write_clear);
  self->units = g_ptr_array_new_with_free_func ((GDestroyNotify) unit_free);
  self->returning = vonk_id_map_new ();
  self->going = vonk_id_map_new ();
  return self;
}

void
vonk_writes_free (VonkWrites *self)
{
  g_object_unref (self->project);
  g_array_unref (self->writes);
  g_ptr_array_unref (self->units);
  vonk_id_map_free (self->returning);
  vonk_id_map_free (self->going);
  g_free (self);
}

static void
add_write (VonkWrites *self,
           WriteKind   kind,
           VonkEntity *entity)
{
  Write write = { kind, g_object_ref (entity) };

  g_array_append_val (self->writes, write);
}

/* Notes that the writes planned so far put back (@back) or delete
 * @entity, for the plans that follow them. */
static void
note_fate (VonkWrites *self,
           VonkEntity *entity,
           gboolean    back)
{
  vonk_id_map_remove ((back ? self->going : self->returning), entity);
  vonk_id_map_insert ((back ? self->returning : self->going), entity, NULL);
}

static Unit *
add_unit (VonkWrites *self,
          UnitKind    kind)
{
  Unit *unit = g_new0 (Unit, 1);

  unit->kind = kind;
  g_ptr_array_add (self->units, unit);
  return unit;
}

/**
 * vonk_writes_plan_save_many: (skip)
 * @changed: (element-type VonkEntity): as for vonk_project_save_many()
 *
 * Plans what vonk_project_save_many() writes. Nothing is planned when one
 * is invalid or gone: @error says why.
 */
gboolean
vonk_writes_plan_save_many (VonkWrites  *self,
                            GPtrArray   *changed,
                            GError     **error)
{
  VonkProject *project = self->project;
  g_autoptr(GPtrArray) lives = g_ptr_array_sized_new (changed->len);
  Unit *unit;

  for (guint i = 0; i < changed->len; i++)
    {
      VonkEntity *draft = g_ptr_array_index (changed, i);
      VonkEntity *live;

      g_return_val_if_fail (VONK_IS_ENTITY (draft) && !VONK_IS_PROJECT (draft), FALSE);

      live = vonk_entity_list_lookup (list_of (project, G_OBJECT_TYPE (draft)),
                                      vonk_entity_get_id (draft));
      if (live == NULL)
        {
          g_set_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_NOT_FOUND,
                       _("The item was deleted elsewhere"));
          return FALSE;
        }
      if (!validate (project, draft, self->returning, self->going, error))
        return FALSE;
      g_ptr_array_add (lives, live);
    }

  unit = add_unit (self, UNIT_SAVE_MANY);
  unit->entities = g_ptr_array_ref (changed);
  unit->lives = g_steal_pointer (&lives);
  for (guint i = 0; i < changed->len; i++)
    add_write (self, WRITE_UPDATE, g_ptr_array_index (changed, i));
  return TRUE;
}

/**
 * vonk_writes_plan_delete_many: (skip)
 * @entities: (element-type VonkEntity): as for vonk_project_delete_many()
 *
 * Plans what vonk_project_delete_many() writes; vonk_writes_get_deletion()
 * then says what went.
 */
gboolean
vonk_writes_plan_delete_many (VonkWrites  *self,
                              GPtrArray   *entities,
                              GError     **error)
{
  Unit *unit;

  for (guint i = 0; i < entities->len; i++)
    {
      VonkEntity *entity = g_ptr_array_index (entities, i);

      if (!vonk_entity_list_find (list_of (self->project, G_OBJECT_TYPE (entity)), entity, NULL))
        {
          g_set_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_NOT_FOUND,
                       _("The item was deleted elsewhere"));
          return FALSE;
        }
    }

  unit = add_unit (self, UNIT_DELETE_MANY);
  unit->entities = g_ptr_array_ref (entities);
  /* last first: additions taken back come in the order they were made,
   * a session before its scope rows, and deleting the session first would
   * take the rows with it, leaving nothing for their own deletion */
  for (guint i = entities->len; i-- > 0; )
    {
      add_write (self, WRITE_DELETE, g_ptr_array_index (entities, i));
      note_fate (self, g_ptr_array_index (entities, i), FALSE);
    }
  return TRUE;
}

/**
 * vonk_writes_plan_undo_deletion: (skip)
 *
 * Plans what vonk_project_undo_deletion() writes. Optional references of
 * the returning entities to what has been deleted since are cleared now.
 */
gboolean
vonk_writes_plan_undo_deletion (VonkWrites    *self,
                                VonkDeletion  *deletion,
                                GError       **error)
{
  VonkProject *project = self->project;
  Unit *unit;

  for (guint i = 0; i < deletion->removed->len; i++)
    note_fate (self, g_ptr_array_index (deletion->removed, i), TRUE);

  unit = add_unit (self, UNIT_UNDO_DELETION);
  unit->deletion = vonk_deletion_ref (deletion);
  for (guint i = 0; i < deletion->removed->len; i++)
    {
      VonkEntity *entity = g_ptr_array_index (deletion->removed, i);

      drop_dangling_refs (project, self->returning, self->going, entity);
      add_write (self, WRITE_INSERT, entity);
    }

  for (guint i = 0; i < deletion->cleared->len; i++)
    {
      ClearedRef *cleared = &g_array_index (deletion->cleared, ClearedRef, i);
      g_autoptr(VonkEntity) copy = NULL;
      g_auto(GValue) value = G_VALUE_INIT;

      if (!will_exist (project, self->returning, self->going,
                       G_OBJECT_TYPE (cleared->entity), vonk_entity_get_id (cleared->entity)))
        continue;

      copy = vonk_entity_copy (cleared->entity);
      g_value_init (&value, G_TYPE_INT64);
      g_value_set_int64 (&value, cleared->id);
      vonk_entity_set_value (copy, cleared->column, &value);
      add_write (self, WRITE_UPDATE, copy);
    }

  return TRUE;
}

/**
 * vonk_writes_get_n_rows: (skip)
 *
 * Returns: how many rows the planned writes write
 */
guint
vonk_writes_get_n_rows (VonkWrites *self)
{
  return self->writes->len;
}

/* Rows written between looks at the cancellable and reports of progress. */
#define WRITES_PER_CHECK 500

/**
 * vonk_writes_run: (skip)
 * @store: the project's store, or another connection to its file
 * @progress: (nullable): told now and then how far it is, from 0 to 1
 *
 * Writes what is planned in one transaction. Touches neither the project
 * nor its lists, so it may run in a worker on a connection of its own,
 * as long as nothing changes the planned entities meanwhile. On failure,
 * or when @cancellable is cancelled, it is rolled back: nothing changed.
 */
gboolean
vonk_writes_run (VonkWrites         *self,
                 VonkStore          *store,
                 GCancellable       *cancellable,
                 VonkWritesProgress  progress,
                 gpointer            progress_data,
                 GError            **error)
{
  if (!vonk_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < self->writes->len; i++)
    {
      Write *write = &g_array_index (self->writes, Write, i);
      gboolean ok;

      if (i % WRITES_PER_CHECK == 0)
        {
          if (progress != NULL)
            progress ((double) i / self->writes->len, progress_data);
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              vonk_store_rollback (store);
              return FALSE;
            }
        }

      switch (write->kind)
        {
        case WRITE_INSERT:
          ok = vonk_store_insert (store, self->project_id, write->entity, error);
          break;

        case WRITE_UPDATE:
          ok = vonk_store_update (store, write->entity, error);
          break;

        case WRITE_DELETE:
        default:
          ok = vonk_store_delete (store, write->entity, error);
          break;
        }
      if (!ok)
        {
          vonk_store_rollback (store);
          return FALSE;
        }
    }

  if (!vonk_store_commit (store, error))
    return FALSE;
  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;
}

/* Gives the entities @lives from @from to @to the values of their
 * @drafts, which a vonk_project_save_many() wrote, and records each in
 * the change the history has begun. The indexes by reference go, as they
 * may point elsewhere now. */
static void
assign_saved (VonkProject *self,
              GPtrArray   *drafts,
              GPtrArray   *lives,
              guint        from,
              guint        to)
{
  GType last_type = G_TYPE_INVALID;

  for (guint i = from; i < to; i++)
    {
      VonkEntity *live = g_ptr_array_index (lives, i);
      VonkEntity *draft = g_ptr_array_index (drafts, i);

      if (G_OBJECT_TYPE (live) != last_type)
        {
          last_type = G_OBJECT_TYPE (live);
          forget_indexes (self, last_type);
        }
      if (self->history != NULL)
        vonk_history_record_save (self->history, live, draft);
      vonk_entity_assign (live, draft);
    }
}

/* The lists hear that @lives were saved: per type, in the order met, one
 * vonk_entity_list_changed_many() each. */
static void
tell_saved (VonkProject *self,
            GPtrArray   *lives)
{
  g_autoptr(GHashTable) by_type = NULL;
  g_autoptr(GPtrArray) order = NULL;

  by_type = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  order = g_ptr_array_new ();
  for (guint i = 0; i < lives->len; i++)
    {
      VonkEntity *live = g_ptr_array_index (lives, i);
      GType type = G_OBJECT_TYPE (live);
      GPtrArray *group = g_hash_table_lookup (by_type, GSIZE_TO_POINTER (type));

      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_hash_table_insert (by_type, GSIZE_TO_POINTER (type), group);
          g_ptr_array_add (order, group);
          forget_indexes (self, type);
        }
      g_ptr_array_add (group, live);
    }
  for (guint g = 0; g < order->len; g++)
    {
      GPtrArray *group = g_ptr_array_index (order, g);

      vonk_entity_list_changed_many (list_of (self, G_OBJECT_TYPE (g_ptr_array_index (group, 0))),
                                     group);
    }
}

/* The lists follow a vonk_project_save_many() that was written. */
static void
apply_save_many (VonkProject *self,
                 GPtrArray   *drafts,
                 GPtrArray   *lives)
{
  if (self->history != NULL)
    vonk_history_begin_change (self->history);
  assign_saved (self, drafts, lives, 0, drafts->len);
  if (self->history != NULL)
    vonk_history_end_change (self->history);
  tell_saved (self, lives);
}

/* The lists follow a vonk_project_undo_deletion() that was written: per
 * type, in the order met, all at once; then one items-changed per list
 * for the references put back. */
static void
apply_undo_deletion (VonkProject  *self,
                     VonkDeletion *deletion)
{
  g_autoptr(GHashTable) returned = NULL;
  g_autoptr(GPtrArray) order = NULL;

  returned = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  order = g_ptr_array_new ();
  for (guint i = 0; i < deletion->removed->len; i++)
    {
      VonkEntity *entity = g_ptr_array_index (deletion->removed, i);
      GPtrArray *group = g_hash_table_lookup (returned, GSIZE_TO_POINTER (G_OBJECT_TYPE (entity)));

      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_hash_table_insert (returned, GSIZE_TO_POINTER (G_OBJECT_TYPE (entity)), group);
          g_ptr_array_add (order, group);
        }
      g_ptr_array_add (group, entity);
    }
  for (guint g = 0; g < order->len; g++)
    {
      GPtrArray *group = g_ptr_array_index (order, g);

      vonk_entity_list_add_many (list_of (self, G_OBJECT_TYPE (g_ptr_array_index (group, 0))),
                                 group);
    }
  g_hash_table_remove_all (returned);
  g_ptr_array_set_size (order, 0);
  for (guint i = 0; i < deletion->cleared->len; i++)
    {
      ClearedRef *cleared = &g_array_index (deletion->cleared, ClearedRef, i);
      GType type = G_OBJECT_TYPE (cleared->entity);
      VonkEntityList *list = list_of (self, type);
      g_auto(GValue) value = G_VALUE_INIT;
      GPtrArray *group;

      if (!vonk_entity_list_find (list, cleared->entity, NULL))
        continue;

      g_value_init (&value, G_TYPE_INT64);
      g_value_set_int64 (&value, cleared->id);
      forget_indexes (self, type);
      vonk_entity_set_value (cleared->entity, cleared->column, &value);

      group = g_hash_table_lookup (returned, GSIZE_TO_POINTER (type));
      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_hash_table_insert (returned, GSIZE_TO_POINTER (type), group);
          g_ptr_array_add (order, group);
        }
      g_ptr_array_add (group, cleared->entity);
    }
  for (guint g = 0; g < order->len; g++)
    {
      GPtrArray *group = g_ptr_array_index (order, g);

      vonk_entity_list_changed_many (list_of (self, G_OBJECT_TYPE (g_ptr_array_index (group, 0))),
                                     group);
    }
}

/**
 * vonk_writes_get_n_units: (skip)
 *
 * Returns: how many plans were made
 */
guint
vonk_writes_get_n_units (VonkWrites *self)
{
  return self->units->len;
}

/**
 * vonk_writes_apply_unit: (skip)
 * @unit: the how-manieth plan, from 0
 *
 * Brings the project's lists up to what the plan @unit wrote, once
 * vonk_writes_run() has committed; on the main thread, the plans in the
 * order they were made.
 */
void
vonk_writes_apply_unit (VonkWrites *self,
                        guint       index)
{
  Unit *unit;

  g_return_if_fail (index < self->units->len);

  unit = g_ptr_array_index (self->units, index);
  switch (unit->kind)
    {
    case UNIT_SAVE_MANY:
      apply_save_many (self->project, unit->entities, unit->lives);
      break;

    case UNIT_DELETE_MANY:
      g_clear_pointer (&unit->deletion, vonk_deletion_free);
      unit->deletion = forget_many (self->project, unit->entities);
      break;

    case UNIT_UNDO_DELETION:
    default:
      apply_undo_deletion (self->project, unit->deletion);
      break;
    }
}

/* The entities of the @n plans from @first, the last plan's first, and
 * for saves the project's own entities in the same order. */
static void
collect_run (VonkWrites *self,
             guint       first,
             guint       n,
             GPtrArray  *entities,
             GPtrArray  *lives)
{
  Unit *head = g_ptr_array_index (self->units, first);

  for (guint u = n; u-- > 0; )
    {
      Unit *unit = g_ptr_array_index (self->units, first + u);

      g_return_if_fail (unit->kind == head->kind && unit->kind != UNIT_UNDO_DELETION);
      g_ptr_array_extend (entities, unit->entities, NULL, NULL);
      if (unit->lives != NULL)
        g_ptr_array_extend (lives, unit->lives, NULL, NULL);
    }
}

/**
 * vonk_writes_apply_units: (skip)
 * @first: the how-manieth plan, from 0
 * @n: how many plans from @first
 *
 * Does what vonk_writes_apply_unit() does for each of the @n plans from
 * @first, which are all saves or all deletions, as if they were one:
 * each list hears of them once, not once per plan (every time, a sorted
 * list of 100,000 people goes through all of them). Deletions become one,
 * of the entities of the last plan first (plans made from the end of a
 * run of additions backwards), which vonk_writes_get_deletion() gives
 * for @first.
 */
void
vonk_writes_apply_units (VonkWrites *self,
                         guint       first,
                         guint       n)
{
  g_autoptr(GPtrArray) entities = g_ptr_array_new ();
  g_autoptr(GPtrArray) lives = g_ptr_array_new ();
  Unit *head;

  g_return_if_fail (n > 0 && first + n <= self->units->len);

  if (n == 1)
    {
      vonk_writes_apply_unit (self, first);
      return;
    }

  head = g_ptr_array_index (self->units, first);
  collect_run (self, first, n, entities, lives);
  if (head->kind == UNIT_SAVE_MANY)
    {
      apply_save_many (self->project, entities, lives);
      return;
    }

  g_clear_pointer (&head->deletion, vonk_deletion_free);
  head->deletion = forget_many (self->project, entities);
}

/* How many saved entities get their values per look at the clock. */
#define ASSIGN_CHUNK 256

/**
 * vonk_writes_apply_units_step: (skip)
 * @deadline: the monotonic time to stop at
 *
 * Does what vonk_writes_apply_units() does, a slice at a time for saves:
 * the entities get their values until @deadline, and once all have them
 * the lists hear of it, once. Meanwhile the items hold new values that
 * the sorted and filtered views have not taken in yet (the store is busy
 * then, so nothing else changes). Call it again with the same plans until
 * it returns %TRUE. Deletions and what Undo puts back go at once.
 *
 * Returns: whether the plans are applied
 */
gboolean
vonk_writes_apply_units_step (VonkWrites *self,
                              guint       first,
                              guint       n,
                              gint64      deadline)
{
  VonkHistory *history = self->project->history;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GPtrArray) lives = NULL;
  Unit *head;

  g_return_val_if_fail (n > 0 && first + n <= self->units->len, TRUE);

  head = g_ptr_array_index (self->units, first);
  if (head->kind != UNIT_SAVE_MANY)
    {
      vonk_writes_apply_units (self, first, n);
      return TRUE;
    }

  drafts = g_ptr_array_new ();
  lives = g_ptr_array_new ();
  collect_run (self, first, n, drafts, lives);
  /* one change in the history, however many slices it takes */
  if (self->assigned == 0 && history != NULL)
    vonk_history_begin_change (history);
  while (self->assigned < lives->len)
    {
      guint to = MIN (self->assigned + ASSIGN_CHUNK, lives->len);

      assign_saved (self->project, drafts, lives, self->assigned, to);
      self->assigned = to;
      if (to < lives->len && g_get_monotonic_time () >= deadline)
        return FALSE;
    }
  if (history != NULL)
    vonk_history_end_change (history);

  self->assigned = 0;
  tell_saved (self->project, lives);
  return TRUE;
}

/* Lets go of a chunk of what @self holds, the last first. */
static void
free_some (VonkWrites *self)
{
  if (self->units->len > 0)
    {
      Unit *unit = g_ptr_array_index (self->units, self->units->len - 1);
      GPtrArray *array = unit->entities != NULL && unit->entities->len > 0 ? unit->entities
                                                                            : unit->lives;

      if (array != NULL && array->len > 0)
        g_ptr_array_set_size (array, array->len - MIN (array->len, ASSIGN_CHUNK));
      else
        g_ptr_array_set_size (self->units, self->units->len - 1);
      return;
    }

  g_array_set_size (self->writes, self->writes->len - MIN (self->writes->len, ASSIGN_CHUNK));
}

/**
 * vonk_writes_free_step: (skip)
 * @deadline: the monotonic time to stop at
 *
 * Lets go of what @self holds, the last first, until @deadline (at least
 * a chunk): what a change of 100,000 rows leaves behind takes a while to
 * free, which the window need not wait for.
 *
 * Returns: whether all is gone; then free @self with vonk_writes_free()
 */
gboolean
vonk_writes_free_step (VonkWrites *self,
                       gint64      deadline)
{
  do
    {
      if (self->units->len == 0 && self->writes->len == 0)
        return TRUE;
      free_some (self);
    }
  while (g_get_monotonic_time () < deadline);

  return self->units->len == 0 && self->writes->len == 0;
}

/**
 * vonk_writes_apply: (skip)
 *
 * Brings the project's lists up to what vonk_writes_run() wrote, and
 * records it in the history (which a replay does not keep), in the order
 * it was planned. On the main thread, once the writes have committed.
 */
void
vonk_writes_apply (VonkWrites *self)
{
  for (guint u = 0; u < self->units->len; u++)
    vonk_writes_apply_unit (self, u);
}

/* How many rows putting @deletion back writes. */
guint
vonk_deletion_get_n_rows (VonkDeletion *deletion)
{
  return deletion->removed->len + deletion->cleared->len;
}

/* Returns: (transfer container): the entities @deletion took away */
GPtrArray *
vonk_deletion_get_removed (VonkDeletion *deletion)
{
  return g_ptr_array_ref (deletion->removed);
}

/**
 * vonk_writes_get_deletion: (skip)
 * @unit: the how-manieth plan, from 0
 *
 * Returns: (transfer none) (nullable): after vonk_writes_apply(), what a
 *   planned vonk_project_delete_many() took away
 */
VonkDeletion *
vonk_writes_get_deletion (VonkWrites *self,
                          guint       unit)
{
  g_return_val_if_fail (unit < self->units->len, NULL);

  return ((Unit *) g_ptr_array_index (self->units, unit))->deletion;
}

/**
 * vonk_project_undo_deletion:
 *
 * Puts back what @deletion took away, with the same IDs, in one
 * transaction. Optional references to what has been deleted since are left
 * empty; if something the restored entities cannot do without is gone,
 * nothing is restored and @error says why.
 */
gboolean
vonk_project_undo_deletion (VonkProject   *self,
                            VonkDeletion  *deletion,
                            GError       **error)
{
  g_autoptr(VonkWrites) writes = NULL;

  g_return_val_if_fail (VONK_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (deletion != NULL, FALSE);
  g_return_val_if_fail (self->lists != NULL && self->store != NULL, FALSE);

  writes = vonk_writes_new (self);
  if (!vonk_writes_plan_undo_deletion (writes, deletion, error) ||
      !vonk_writes_run (writes, self->store, NULL, NULL, NULL, error))
    return FALSE;

  vonk_writes_apply (writes);
  return TRUE;
}

/* Taking in what another connection wrote
 *
 * An import writes in a worker thread on a connection of its own; what it
 * wrote then comes to the project's lists in the main thread. For 100,000
 * people that is more than one turn of the main loop should take: the
 * people an import updated take their new values (made in the worker, with
 * their sort keys) a few thousand at a time, and every items-changed that
 * follows, which the views answer with work of their own, comes in a turn
 * of its own. Until it is done the store refuses every change (so nothing
 * comes in between, and Undo sees the import whole), and at the end the
 * history records it as one change.
 */

typedef enum
{
  ADOPT_TAKE_VALUES, /* the saved take their values, no items-changed yet */
  ADOPT_TELL_CHANGED, /* an items-changed per run of them, a turn each */
  ADOPT_ADD,          /* the added join the list */
  ADOPT_DONE,
} AdoptPhase;

typedef struct
{
  GType       type;
  AdoptPhase  phase;
  GPtrArray  *added;   /* of VonkEntity, new */
  GPtrArray  *saved;   /* of VonkEntity, the values written */
  GPtrArray  *fresh;   /* of VonkEntity, a copy of each of saved */
  guint       next;    /* TAKE_VALUES: of saved; TELL_CHANGED: of runs */
  GPtrArray  *changed; /* the project's entities that took values */
  GPtrArray  *before;  /* for each of changed, what it had (a fresh copy, traded) */
  GPtrArray  *after;   /* for each of changed, the values written */
  GPtrArray  *unknown; /* saved the lists missed, shown as new */
  GArray     *runs;    /* of changed, see vonk_entity_list_find_runs() */
} AdoptedType;

struct _VonkAdoption
{
  VonkProject *project;
  VonkStore   *store;  /* refuses changes until done */
  char        *label;
  GArray      *types;  /* of AdoptedType, in the order added */
  guint        current;
  guint        n_units; /* for the fraction: an entity taking values, a run, an addition */
  guint        done_units;
};

static void
adopted_type_clear (gpointer data)
{
  AdoptedType *t = data;

  g_clear_pointer (&t->added, g_ptr_array_unref);
  g_clear_pointer (&t->saved, g_ptr_array_unref);
  g_clear_pointer (&t->fresh, g_ptr_array_unref);
  g_clear_pointer (&t->changed, g_ptr_array_unref);
  g_clear_pointer (&t->before, g_ptr_array_unref);
  g_clear_pointer (&t->after, g_ptr_array_unref);
  g_clear_pointer (&t->unknown, g_ptr_array_unref);
  g_clear_pointer (&t->runs, g_array_unref);
}

/**
 * vonk_adoption_new:
 * @label: (nullable): what the history calls the change
 *
 * Begins taking into @project what another connection wrote; add it per
 * type with vonk_adoption_add(), then call vonk_adoption_step() until it
 * returns %TRUE. Meanwhile the project's store refuses every change.
 *
 * Returns: (transfer full): the adoption
 */
VonkAdoption *
vonk_adoption_new (VonkProject *project,
                   const char  *label)
{
  VonkAdoption *self;

  g_return_val_if_fail (VONK_IS_PROJECT (project), NULL);
  g_return_val_if_fail (project->lists != NULL, NULL);

  self = g_new0 (VonkAdoption, 1);
  self->project = g_object_ref (project);
  self->label = g_strdup (label);
  self->types = g_array_new (FALSE, TRUE, sizeof (AdoptedType));
  g_array_set_clear_func (self->types, adopted_type_clear);
  if (project->store != NULL)
    {
      self->store = g_object_ref (project->store);
      vonk_store_set_busy (self->store,
                           _("The people just imported are still being listed; try again in "
                             "a moment"));
    }

  return self;
}

/**
 * vonk_adoption_free:
 *
 * Frees @self; the store takes changes again, also when it was not done.
 */
void
vonk_adoption_free (VonkAdoption *self)
{
  if (self->store != NULL)
    vonk_store_set_busy (self->store, NULL);
  g_clear_object (&self->store);
  g_clear_object (&self->project);
  g_free (self->label);
  g_array_unref (self->types);
  g_free (self);
}

/**
 * vonk_adoption_add:
 * @type: an entity type
 * @added: (element-type VonkEntity): new entities of @type, with the IDs
 *   the other connection gave them, in ID order
 * @saved: (element-type VonkEntity): the values the other connection wrote
 *   for entities of @type the project has; they must not change since
 * @fresh: (element-type VonkEntity): a copy of each of @saved that nothing
 *   else holds, best with its sort keys made (vonk_entity_get_sort_key())
 *
 * Adds what was written of @type. Types are taken in the order added:
 * what others refer to first. An entity of the project takes the values
 * of its @fresh copy by trading them (vonk_entity_exchange_values()):
 * nothing is copied in the main thread, and the copy, then holding what
 * the entity had, is what the history keeps for Undo, with @saved for Redo.
 */
void
vonk_adoption_add (VonkAdoption *self,
                   GType         type,
                   GPtrArray    *added,
                   GPtrArray    *saved,
                   GPtrArray    *fresh)
{
  AdoptedType t = { type, ADOPT_TAKE_VALUES, };

  g_return_if_fail (self != NULL);
  g_return_if_fail (saved->len == fresh->len);

  t.added = g_ptr_array_ref (added);
  t.saved = g_ptr_array_ref (saved);
  t.fresh = g_ptr_array_ref (fresh);
  t.changed = g_ptr_array_new_full (saved->len, g_object_unref);
  t.before = g_ptr_array_new_full (saved->len, g_object_unref);
  t.after = g_ptr_array_new_full (saved->len, g_object_unref);
  t.unknown = g_ptr_array_new_with_free_func (g_object_unref);
  g_array_append_val (self->types, t);

  /* one unit for the first run, one for the additions */
  self->n_units += saved->len + 2;
}

/* The entity @t->next of the saved takes its values. */
static void
take_values (VonkAdoption *self,
             AdoptedType  *t)
{
  VonkEntity *values = g_ptr_array_index (t->saved, t->next);
  VonkEntity *copy = g_ptr_array_index (t->fresh, t->next);
  VonkEntity *live = vonk_entity_list_lookup (list_of (self->project, t->type),
                                              vonk_entity_get_id (values));

  t->next++;
  self->done_units++;

  /* a row the lists missed is in the database all the same: show it,
   * though Undo cannot know what it was before */
  if (live == NULL)
    {
      g_ptr_array_add (t->unknown, g_object_ref (copy));
      return;
    }

  vonk_entity_exchange_values (live, copy);
  g_ptr_array_add (t->changed, g_object_ref (live));
  g_ptr_array_add (t->before, g_object_ref (copy));
  g_ptr_array_add (t->after, g_object_ref (values));
}

/* Changed items at most this many from the end of the list are told with
 * what is added at the end, in one items-changed */
#define TAIL_GAP 16

/* Tells the next run of changed entities, with the additions if it ends
 * where they begin: most views work a change out in time that grows with
 * the list, not with the change, so one is better than two. */
static void
tell_changed (VonkAdoption   *self,
              AdoptedType    *t,
              VonkEntityList *list)
{
  guint first = g_array_index (t->runs, guint, t->next);
  guint n = g_array_index (t->runs, guint, t->next + 1);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (list));

  t->next += 2;
  self->done_units++;

  if (t->next == t->runs->len && t->added->len > 0 && t->unknown->len == 0 &&
      first + n + TAIL_GAP >= n_items && vonk_entity_list_change_tail (list, first, t->added))
    {
      t->phase = ADOPT_DONE;
      self->done_units++;
      return;
    }

  vonk_entity_list_changed_range (list, first, n);
}

/* Records the adoption in the history as one change: per type, the saves,
 * then the additions. */
static void
record_adoption (VonkAdoption *self)
{
  VonkHistory *history = self->project->history;

  vonk_history_begin_change (history);
  if (self->label != NULL)
    vonk_history_label_change (history, self->label);
  for (guint i = 0; i < self->types->len; i++)
    {
      AdoptedType *t = &g_array_index (self->types, AdoptedType, i);

      for (guint j = 0; j < t->changed->len; j++)
        vonk_history_record_save_taken (history, g_ptr_array_index (t->before, j),
                                        g_ptr_array_index (t->after, j));
      for (guint j = 0; j < t->added->len; j++)
        vonk_history_record_add (history, g_ptr_array_index (t->added, j));
    }
  vonk_history_end_change (history);
}

/* Entities taken between looks at the clock */
#define TAKEN_PER_LOOK 64

/**
 * vonk_adoption_step:
 * @usec: how long the step may take, in microseconds; %G_MAXINT64 for
 *   no limit
 *
 * Takes in the next part: entities taking their values until @usec has
 * gone by, or a single splice or items-changed of a list (the views
 * answer each with work of their own, and have a turn of the main loop
 * for it). Once all is in, records the change in the history and lets the
 * store take changes again.
 *
 * Returns: %TRUE when it is done
 */
gboolean
vonk_adoption_step (VonkAdoption *self,
                    gint64        usec)
{
  gint64 start = g_get_monotonic_time ();
  gint64 deadline = usec < G_MAXINT64 - start ? start + usec : G_MAXINT64;
  gboolean worked = FALSE;

  g_return_val_if_fail (self != NULL, TRUE);

  while (self->current < self->types->len)
    {
      AdoptedType *t = &g_array_index (self->types, AdoptedType, self->current);
      VonkEntityList *list = list_of (self->project, t->type);

      switch (t->phase)
        {
        case ADOPT_TAKE_VALUES:
          /* the values change in place: what was indexed by them is stale */
          forget_indexes (self->project, t->type);
          while (t->next < t->saved->len)
            {
              take_values (self, t);
              worked = TRUE;
              if (t->next % TAKEN_PER_LOOK == 0 && g_get_monotonic_time () >= deadline)
                return FALSE;
            }
          t->runs = vonk_entity_list_find_runs (list, t->changed);
          self->n_units += t->runs->len / 2;
          self->n_units--;
          t->next = 0;
          t->phase = ADOPT_TELL_CHANGED;
          break;

        case ADOPT_TELL_CHANGED:
          if (t->next == t->runs->len)
            {
              t->phase = ADOPT_ADD;
              break;
            }
          /* an items-changed opens a turn of its own */
          if (worked)
            return FALSE;
          forget_indexes (self->project, t->type);
          tell_changed (self, t, list);
          return FALSE;

        case ADOPT_ADD:
          if (t->added->len == 0 && t->unknown->len == 0)
            {
              t->phase = ADOPT_DONE;
              self->done_units++;
              break;
            }
          if (worked)
            return FALSE;
          forget_indexes (self->project, t->type);
          vonk_entity_list_add_many (list, t->added);
          vonk_entity_list_add_many (list, t->unknown);
          t->phase = ADOPT_DONE;
          self->done_units++;
          return FALSE;

        case ADOPT_DONE:
        default:
          self->current++;
          break;
        }
    }

  if (self->store != NULL)
    vonk_store_set_busy (self->store, NULL);
  record_adoption (self);
  return TRUE;
}

/**
 * vonk_adoption_get_fraction:
 *
 * Returns: how much of it has been taken in, from 0 to 1
 */
double
vonk_adoption_get_fraction (VonkAdoption *self)
{
  g_return_val_if_fail (self != NULL, 1.0);

  if (self->n_units == 0)
    return 1.0;

  return MIN (1.0, (double) self->done_units / self->n_units);
}
