/* vonk-entity.h — a row of the project database as a GObject
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every domain type (location, department, person, milestone …) derives from
 * VonkEntity. A subclass declares its table and its columns as GObject
 * properties; the entity keeps their values, and VonkStore maps them to SQL
 * without per-type code. A property "foo-bar" is the column "foo_bar".
 *
 * Column types: string (TEXT or NULL), int and int64 (INTEGER), boolean
 * (INTEGER 0/1), enum (TEXT, the value nick), GDate (TEXT YYYY-MM-DD or NULL),
 * GDateTime (TEXT ISO 8601 or NULL). A reference to another entity is an int64
 * property ending in "-id" whose 0 is SQL NULL.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define VONK_TYPE_ENTITY (vonk_entity_get_type ())

G_DECLARE_DERIVABLE_TYPE (VonkEntity, vonk_entity, VONK, ENTITY, GObject)

/* What happens to an entity when the one it refers to is deleted. Mirrors
 * the ON DELETE clauses of the schema, so that the in-memory models follow
 * the database. */
typedef enum
{
  VONK_ON_DELETE_CASCADE,
  VONK_ON_DELETE_SET_NULL,
} VonkOnDelete;

typedef struct
{
  guint        column;     /* index of the int64 "-id" column */
  GType        target;     /* the referenced entity type */
  VonkOnDelete on_delete;
} VonkEntityRef;

struct _VonkEntityClass
{
  GObjectClass parent_class;

  /*< private >*/
  const char *table;
  GPtrArray  *columns;     /* of GParamSpec, in column order */
  GArray     *refs;        /* of VonkEntityRef */
  gboolean    has_project; /* rows carry a project_id */
  GHashTable *column_index; /* property name → column + 1 */
};

gint64        vonk_entity_get_id            (VonkEntity  *self);
void          vonk_entity_set_id            (VonkEntity  *self,
                                             gint64       id);
VonkEntity   *vonk_entity_copy              (VonkEntity  *self);
void          vonk_entity_assign            (VonkEntity  *self,
                                             VonkEntity  *from);
gboolean      vonk_entity_equal             (VonkEntity  *a,
                                             VonkEntity  *b);
gboolean      vonk_entity_value_equal       (VonkEntity  *a,
                                             VonkEntity  *b,
                                             guint        column);

const char   *vonk_entity_get_string        (VonkEntity  *self,
                                             const char  *column);
const char   *vonk_entity_get_folded        (VonkEntity  *self,
                                             const char  *column);
const char   *vonk_entity_get_sort_key      (VonkEntity  *self,
                                             const char  *column);
int           vonk_entity_get_int           (VonkEntity  *self,
                                             const char  *column);
gint64        vonk_entity_get_int64         (VonkEntity  *self,
                                             const char  *column);
gboolean      vonk_entity_get_boolean       (VonkEntity  *self,
                                             const char  *column);
int           vonk_entity_get_enum          (VonkEntity  *self,
                                             const char  *column);
const GDate  *vonk_entity_get_date          (VonkEntity  *self,
                                             const char  *column);
GDateTime    *vonk_entity_get_date_time     (VonkEntity  *self,
                                             const char  *column);

/* Class side, for subclasses and the store. */
void          vonk_entity_class_set_table   (VonkEntityClass *klass,
                                             const char      *table,
                                             gboolean         has_project);
void          vonk_entity_class_add_column  (VonkEntityClass *klass,
                                             GParamSpec      *pspec);
void          vonk_entity_class_add_ref     (VonkEntityClass *klass,
                                             const char      *name,
                                             GType            target,
                                             VonkOnDelete     on_delete);
const char   *vonk_entity_class_get_table   (VonkEntityClass *klass);
guint         vonk_entity_class_get_n_columns (VonkEntityClass *klass);
GParamSpec   *vonk_entity_class_get_column  (VonkEntityClass *klass,
                                             guint            column);
guint         vonk_entity_class_find_column (GType            type,
                                             const char      *name);
guint         vonk_entity_class_get_n_refs  (VonkEntityClass *klass);
const VonkEntityRef *vonk_entity_class_get_ref (VonkEntityClass *klass,
                                                guint            ref);

const GValue *vonk_entity_get_value         (VonkEntity  *self,
                                             guint        column);
void          vonk_entity_set_value         (VonkEntity  *self,
                                             guint        column,
                                             const GValue *value);

G_END_DECLS
