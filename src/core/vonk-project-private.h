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

G_END_DECLS
