/* vonk-store.h — the user's library of projects in one SQLite file
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vonk-entity.h"

G_BEGIN_DECLS

#define VONK_STORE_ERROR (vonk_store_error_quark ())

typedef enum
{
  VONK_STORE_ERROR_FAILED,
  VONK_STORE_ERROR_CANT_OPEN,    /* the file or its folder cannot be opened or created */
  VONK_STORE_ERROR_NOT_DATABASE, /* the file is not a Vonk database */
  VONK_STORE_ERROR_TOO_NEW,      /* written by a newer Vonk; left untouched */
  VONK_STORE_ERROR_CORRUPT,
  VONK_STORE_ERROR_BUSY,         /* locked by another program */
  VONK_STORE_ERROR_FULL,         /* the disk is full */
  VONK_STORE_ERROR_READ_ONLY,
  VONK_STORE_ERROR_IO,
  VONK_STORE_ERROR_CONSTRAINT,   /* the database refused a value */
  VONK_STORE_ERROR_INVALID,      /* an entity failed validation */
  VONK_STORE_ERROR_NOT_FOUND,
} VonkStoreError;

GQuark vonk_store_error_quark (void);

#define VONK_TYPE_STORE (vonk_store_get_type ())

G_DECLARE_FINAL_TYPE (VonkStore, vonk_store, VONK, STORE, GObject)

typedef struct _VonkProject VonkProject;

char        *vonk_store_get_default_path (void);

VonkStore   *vonk_store_new            (const char  *path,
                                        GError     **error);
const char  *vonk_store_get_path       (VonkStore   *self);
GListModel  *vonk_store_get_projects   (VonkStore   *self);
VonkProject *vonk_store_find_project   (VonkStore   *self,
                                        gint64       id);
VonkProject *vonk_store_adopt_project  (VonkStore   *self,
                                        gint64       id,
                                        GError     **error);
gboolean     vonk_store_add_project    (VonkStore   *self,
                                        VonkProject *project,
                                        GError     **error);
gboolean     vonk_store_delete_project (VonkStore   *self,
                                        VonkProject *project,
                                        GError     **error);
void         vonk_store_delete_project_async (VonkStore           *self,
                                              VonkProject         *project,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean     vonk_store_delete_project_finish (VonkStore     *self,
                                               GAsyncResult  *result,
                                               GError       **error);

/* Low level, for the core: one transaction around several writes. They
 * nest; only the outermost commit writes to disk. */
gboolean     vonk_store_begin          (VonkStore   *self,
                                        GError     **error);
gboolean     vonk_store_commit         (VonkStore   *self,
                                        GError     **error);
void         vonk_store_rollback       (VonkStore   *self);
void         vonk_store_set_check_constraints (VonkStore *self,
                                               gboolean   enabled);
void         vonk_store_set_bulk       (VonkStore   *self,
                                        gboolean     bulk);
void         vonk_store_refuse_changes (VonkStore   *self,
                                        const char  *reason);
void         vonk_store_set_busy       (VonkStore   *self,
                                        const char  *reason);
const char  *vonk_store_get_busy       (VonkStore   *self);

gboolean     vonk_store_insert         (VonkStore   *self,
                                        gint64       project_id,
                                        VonkEntity  *entity,
                                        GError     **error);
gboolean     vonk_store_update         (VonkStore   *self,
                                        VonkEntity  *entity,
                                        GError     **error);
gboolean     vonk_store_delete         (VonkStore   *self,
                                        VonkEntity  *entity,
                                        GError     **error);
GPtrArray   *vonk_store_load           (VonkStore   *self,
                                        GType        type,
                                        gint64       project_id,
                                        GError     **error);

/* Called with the number of rows read so far; returns whether to go on. */
typedef gboolean (*VonkStoreProgressFunc) (guint64  rows,
                                           gpointer data);

typedef struct _VonkStoreReader VonkStoreReader;

VonkStoreReader *vonk_store_reader_new   (VonkStore            *self);
GPtrArray       *vonk_store_reader_load  (VonkStoreReader      *reader,
                                          GType                 type,
                                          gint64                project_id,
                                          VonkStoreProgressFunc progress,
                                          gpointer              data,
                                          GError              **error);
guint64          vonk_store_reader_count (VonkStoreReader      *reader,
                                          GType                 type,
                                          gint64                project_id);
void             vonk_store_reader_free  (VonkStoreReader      *reader);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VonkStoreReader, vonk_store_reader_free)

G_END_DECLS
