/* vonk-project-private.h
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vonk-project.h"

G_BEGIN_DECLS

void vonk_project_set_store (VonkProject *self,
                             VonkStore   *store);

VonkDeletion *vonk_deletion_ref   (VonkDeletion *deletion);
VonkDeletion *vonk_project_forget (VonkProject  *self,
                                   VonkEntity   *entity);

typedef void (*VonkProjectLoadHook) (GType    type,
                                     gpointer data);

void vonk_project_set_load_hook (VonkProjectLoadHook hook,
                                 gpointer            data);

/* Taking in what another connection wrote (see vonk-project.c). */
typedef struct _VonkAdoption VonkAdoption;

VonkAdoption *vonk_adoption_new          (VonkProject  *project,
                                          const char   *label);
void          vonk_adoption_free         (VonkAdoption *self);
void          vonk_adoption_add          (VonkAdoption *self,
                                          GType         type,
                                          GPtrArray    *added,
                                          GPtrArray    *saved,
                                          GPtrArray    *fresh);
gboolean      vonk_adoption_step         (VonkAdoption *self,
                                          gint64        usec);
double        vonk_adoption_get_fraction (VonkAdoption *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VonkAdoption, vonk_adoption_free)

/* Entities by type and ID, for many at once. */
typedef struct _VonkIdMap VonkIdMap;

VonkIdMap    *vonk_id_map_new                (void);
void          vonk_id_map_free               (VonkIdMap           *map);
void          vonk_id_map_insert             (VonkIdMap           *map,
                                              VonkEntity          *entity,
                                              gpointer             value);
void          vonk_id_map_remove             (VonkIdMap           *map,
                                              VonkEntity          *entity);
gboolean      vonk_id_map_lookup             (VonkIdMap           *map,
                                              GType                type,
                                              gint64               id,
                                              gpointer            *value);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VonkIdMap, vonk_id_map_free)

/* The database's part of many changes at once, which may run in a worker
 * (see vonk-project.c). */
typedef struct _VonkWrites VonkWrites;

typedef void (*VonkWritesProgress) (double   fraction,
                                    gpointer data);

VonkWrites   *vonk_writes_new                (VonkProject         *project);
void          vonk_writes_free               (VonkWrites          *self);
gboolean      vonk_writes_plan_save_many     (VonkWrites          *self,
                                              GPtrArray           *changed,
                                              GError             **error);
gboolean      vonk_writes_plan_delete_many   (VonkWrites          *self,
                                              GPtrArray           *entities,
                                              GError             **error);
gboolean      vonk_writes_plan_undo_deletion (VonkWrites          *self,
                                              VonkDeletion        *deletion,
                                              GError             **error);
guint         vonk_writes_get_n_rows         (VonkWrites          *self);
gboolean      vonk_writes_run                (VonkWrites          *self,
                                              VonkStore           *store,
                                              GCancellable        *cancellable,
                                              VonkWritesProgress   progress,
                                              gpointer             progress_data,
                                              GError             **error);
guint         vonk_writes_get_n_units        (VonkWrites          *self);
void          vonk_writes_apply_unit         (VonkWrites          *self,
                                              guint                index);
void          vonk_writes_apply_units        (VonkWrites          *self,
                                              guint                first,
                                              guint                n);
gboolean      vonk_writes_apply_units_step   (VonkWrites          *self,
                                              guint                first,
                                              guint                n,
                                              gint64               deadline);
void          vonk_writes_apply              (VonkWrites          *self);
gboolean      vonk_writes_free_step          (VonkWrites          *self,
                                              gint64               deadline);
VonkDeletion *vonk_writes_get_deletion       (VonkWrites          *self,
                                              guint                unit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VonkWrites, vonk_writes_free)

guint         vonk_deletion_get_n_rows       (VonkDeletion        *deletion);
GPtrArray    *vonk_deletion_get_removed      (VonkDeletion        *deletion);

G_END_DECLS
