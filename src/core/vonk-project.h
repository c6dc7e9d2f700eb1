/* vonk-project.h — one organisation's road to social business
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vonk-entity.h"
#include "vonk-history.h"
#include "vonk-store.h"

G_BEGIN_DECLS

#define VONK_TYPE_PROJECT (vonk_project_get_type ())

G_DECLARE_FINAL_TYPE (VonkProject, vonk_project, VONK, PROJECT, VonkEntity)

VonkProject *vonk_project_new        (const char   *name);
VonkStore   *vonk_project_get_store  (VonkProject  *self);
gboolean     vonk_project_load       (VonkProject  *self,
                                      GError      **error);
gboolean     vonk_project_is_loaded  (VonkProject  *self);

/* Called with the fraction of the loading done, from 0 to 1. */
typedef void (*VonkProjectProgressFunc) (double   fraction,
                                         gpointer data);

void         vonk_project_load_async  (VonkProject            *self,
                                       GCancellable           *cancellable,
                                       VonkProjectProgressFunc progress,
                                       gpointer                progress_data,
                                       GAsyncReadyCallback     callback,
                                       gpointer                user_data);
gboolean     vonk_project_load_finish (VonkProject            *self,
                                       GAsyncResult           *result,
                                       GError                **error);
void         vonk_project_read_ahead  (VonkProject            *self);
gboolean     vonk_project_is_complete (VonkProject            *self);
const GError *vonk_project_get_read_error (VonkProject        *self);
GListModel  *vonk_project_get_list   (VonkProject  *self,
                                      GType         type);
VonkHistory *vonk_project_get_history (VonkProject *self);
VonkEntity  *vonk_project_lookup     (VonkProject  *self,
                                      GType         type,
                                      gint64        id);

gboolean     vonk_project_validate   (VonkProject  *self,
                                      VonkEntity   *entity,
                                      GError      **error);
gboolean     vonk_project_validate_fields (VonkEntity *entity,
                                           GError    **error);
gboolean     vonk_project_add        (VonkProject  *self,
                                      VonkEntity   *entity,
                                      GError      **error);
gboolean     vonk_project_save       (VonkProject  *self,
                                      VonkEntity   *changed,
                                      GError      **error);
gboolean     vonk_project_save_many  (VonkProject  *self,
                                      GPtrArray    *changed,
                                      GError      **error);
gboolean     vonk_project_remove     (VonkProject  *self,
                                      VonkEntity   *entity,
                                      GError      **error);

VonkDeletion *vonk_project_delete        (VonkProject   *self,
                                          VonkEntity    *entity,
                                          GError       **error);
VonkDeletion *vonk_project_delete_many   (VonkProject   *self,
                                          GPtrArray     *entities,
                                          GError       **error);
gboolean      vonk_project_undo_deletion (VonkProject   *self,
                                          VonkDeletion  *deletion,
                                          GError       **error);
VonkEntity   *vonk_deletion_get_entity   (VonkDeletion  *deletion);
void          vonk_deletion_free         (VonkDeletion  *deletion);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VonkDeletion, vonk_deletion_free)

GPtrArray    *vonk_project_get_referring (VonkProject   *self,
                                          GType          type,
                                          const char    *column,
                                          gint64         id);

G_END_DECLS
