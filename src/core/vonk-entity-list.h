/* vonk-entity-list.h — a GListModel of entities, in ID order
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vonk-entity.h"

G_BEGIN_DECLS

#define VONK_TYPE_ENTITY_LIST (vonk_entity_list_get_type ())

G_DECLARE_FINAL_TYPE (VonkEntityList, vonk_entity_list, VONK, ENTITY_LIST, GObject)

VonkEntityList *vonk_entity_list_new      (GType           item_type);
VonkEntity     *vonk_entity_list_lookup   (VonkEntityList *self,
                                           gint64          id);
gboolean        vonk_entity_list_find     (VonkEntityList *self,
                                           VonkEntity     *entity,
                                           guint          *position);
GArray         *vonk_entity_list_find_runs (VonkEntityList *self,
                                            GPtrArray      *entities);
void            vonk_entity_list_changed_range (VonkEntityList *self,
                                                guint           position,
                                                guint           n_items);
gboolean        vonk_entity_list_change_tail (VonkEntityList *self,
                                              guint           position,
                                              GPtrArray      *entities);
void            vonk_entity_list_splice   (VonkEntityList *self,
                                           guint           position,
                                           guint           n_removals,
                                           VonkEntity    **additions,
                                           guint           n_additions);
void            vonk_entity_list_add      (VonkEntityList *self,
                                           VonkEntity     *entity);
void            vonk_entity_list_changed  (VonkEntityList *self,
                                           VonkEntity     *entity);
void            vonk_entity_list_add_many (VonkEntityList *self,
                                           GPtrArray      *entities);
void            vonk_entity_list_changed_many (VonkEntityList *self,
                                               GPtrArray      *entities);
guint           vonk_entity_list_get_stamp (VonkEntityList *self);
gboolean        vonk_entity_list_get_pending (VonkEntityList *self);
guint           vonk_entity_lists_idle_add (GSourceFunc     function,
                                            gpointer        data);
int             vonk_ids_find              (const gint64   *ids,
                                            guint           n,
                                            gint64          id);
VonkEntity * const *vonk_entity_list_peek_items (VonkEntityList *self,
                                                 guint          *n_items);
void            vonk_entity_list_remove_where (VonkEntityList *self,
                                               gboolean      (*predicate) (VonkEntity *entity,
                                                                           gpointer    data),
                                               gpointer        data);

G_END_DECLS
