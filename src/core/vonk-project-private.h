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

void vonk_project_adopt_written (VonkProject *self,
                                 GType        type,
                                 GPtrArray   *added,
                                 GPtrArray   *saved);

G_END_DECLS
