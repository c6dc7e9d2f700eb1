/* vonk-history.h — undo and redo for the changes to a project
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vonk-entity.h"

G_BEGIN_DECLS

#define VONK_TYPE_HISTORY (vonk_history_get_type ())

G_DECLARE_FINAL_TYPE (VonkHistory, vonk_history, VONK, HISTORY, GObject)

typedef struct _VonkProject VonkProject;
typedef struct _VonkDeletion VonkDeletion;

gboolean     vonk_history_can_undo       (VonkHistory  *self);
gboolean     vonk_history_can_redo       (VonkHistory  *self);
const char  *vonk_history_get_undo_label (VonkHistory  *self);
const char  *vonk_history_get_redo_label (VonkHistory  *self);
gboolean     vonk_history_undo           (VonkHistory  *self,
                                          GError      **error);
gboolean     vonk_history_redo           (VonkHistory  *self,
                                          GError      **error);
void         vonk_history_begin_change   (VonkHistory  *self);
void         vonk_history_label_change   (VonkHistory  *self,
                                          const char   *label);
void         vonk_history_end_change     (VonkHistory  *self);
void         vonk_history_clear          (VonkHistory  *self);

/* Called in a worker thread with how far a replay is, from 0 to 1. */
typedef void (*VonkHistoryProgress) (double   fraction,
                                     gpointer data);

gboolean     vonk_history_is_large       (VonkHistory          *self,
                                          gboolean              redo);
gboolean     vonk_history_is_busy        (VonkHistory          *self);
void         vonk_history_replay_async   (VonkHistory          *self,
                                          gboolean              redo,
                                          GCancellable         *cancellable,
                                          VonkHistoryProgress   progress,
                                          gpointer              progress_data,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
gboolean     vonk_history_replay_finish  (VonkHistory          *self,
                                          GAsyncResult         *result,
                                          GError              **error);

/* For VonkProject, which records every change it makes. */
VonkHistory *vonk_history_new            (VonkProject  *project);
void         vonk_history_record_add     (VonkHistory  *self,
                                          VonkEntity   *entity);
void         vonk_history_record_save    (VonkHistory  *self,
                                          VonkEntity   *before,
                                          VonkEntity   *after);
void         vonk_history_record_delete  (VonkHistory  *self,
                                          VonkDeletion *deletion);
void         vonk_history_record_save_taken (VonkHistory *self,
                                             VonkEntity  *before,
                                             VonkEntity  *after);

G_END_DECLS
