/* vonk-entity-private.h — what the store needs of an entity's insides
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vonk-entity.h"

G_BEGIN_DECLS

VonkEntity *vonk_entity_new_for_load (GType    type,
                                      gint64   id,
                                      GValue **values);
gint64      vonk_entity_peek_id         (VonkEntity *self);
void        vonk_entity_exchange_values (VonkEntity *self,
                                         VonkEntity *other);

G_END_DECLS
