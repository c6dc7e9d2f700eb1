/* vonk-entity.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vonk-entity"

#include "config.h"

#include "vonk-entity-private.h"
#include "vonk-search.h"

typedef struct
{
  gint64  id;
  GValue *values; /* one per column, allocated on first use */
} VonkEntityPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (VonkEntity, vonk_entity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The folded texts of an entity's string columns (vonk_entity_get_folded())
 * and their sort keys (vonk_entity_get_sort_key()), a slot per column for
 * each, kept as object data: most entities are never searched, and those
 * that are keep them until the column changes. texts[n_columns + column]
 * is the sort key of column. */
typedef struct
{
  guint  n_columns;
  char  *texts[];
} Folded;

static GQuark folded_quark;

static void
folded_free (gpointer data)
{
  Folded *folded = data;

  for (guint i = 0; i < 2 * folded->n_columns; i++)
    g_free (folded->texts[i]);
  g_free (folded);
}

static void
forget_folded (VonkEntity *self,
               guint       column)
{
  Folded *folded = g_object_get_qdata (G_OBJECT (self), folded_quark);

  if (folded != NULL)
    {
      g_clear_pointer (&folded->texts[column], g_free);
      g_clear_pointer (&folded->texts[folded->n_columns + column], g_free);
    }
}

static GValue *
values_of (VonkEntity *self)
{
  VonkEntityPrivate *priv = vonk_entity_get_instance_private (self);
  VonkEntityClass *klass = VONK_ENTITY_GET_CLASS (self);

  if (priv->values == NULL)
    {
      guint n = klass->columns->len;

      priv->values = g_new0 (GValue, n);
      for (guint i = 0; i < n; i++)
        {
          GParamSpec *pspec = g_ptr_array_index (klass->columns, i);

          g_value_init (&priv->values[i], pspec->value_type);
          g_param_value_set_default (pspec, &priv->values[i]);
        }
    }

  return priv->values;
}

static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  if (pspec->value_type == G_TYPE_DATE)
    {
      const GDate *da = g_value_get_boxed (a);
      const GDate *db = g_value_get_boxed (b);

      if (da == NULL || db == NULL)
        return da == db;
      return g_date_compare (da, db) == 0;
    }

  if (pspec->value_type == G_TYPE_DATE_TIME)
    {
      GDateTime *ta = g_value_get_boxed (a);
      GDateTime *tb = g_value_get_boxed (b);

      if (ta == NULL || tb == NULL)
        return ta == tb;
      return g_date_time_equal (ta, tb) &&
             g_date_time_get_utc_offset (ta) == g_date_time_get_utc_offset (tb);
    }

  return g_param_values_cmp (pspec, a, b) == 0;
}

static void
vonk_entity_finalize (GObject *object)
{
  VonkEntity *self = VONK_ENTITY (object);
  VonkEntityPrivate *priv = vonk_entity_get_instance_private (self);

  if (priv->values != NULL)
    {
      guint n = VONK_ENTITY_GET_CLASS (self)->columns->len;

      /* a row the store failed to read may have slots never filled */
      for (guint i = 0; i < n; i++)
        if (G_IS_VALUE (&priv->values[i]))
          g_value_unset (&priv->values[i]);
      g_free (priv->values);
    }

  G_OBJECT_CLASS (vonk_entity_parent_class)->finalize (object);
}

static void
vonk_entity_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  VonkEntity *self = VONK_ENTITY (object);

  if (pspec->owner_type == VONK_TYPE_ENTITY)
    {
      if (prop_id == PROP_ID)
        g_value_set_int64 (value, vonk_entity_get_id (self));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  g_value_copy (&values_of (self)[prop_id - 1], value);
}

static void
vonk_entity_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  VonkEntity *self = VONK_ENTITY (object);

  if (pspec->owner_type == VONK_TYPE_ENTITY)
    {
      if (prop_id == PROP_ID)
        vonk_entity_set_id (self, g_value_get_int64 (value));
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  vonk_entity_set_value (self, prop_id - 1, value);
}

static void
vonk_entity_class_init (VonkEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vonk_entity_finalize;
  object_class->get_property = vonk_entity_get_property;
  object_class->set_property = vonk_entity_set_property;

  /* The row ID in the store; 0 until the entity has been saved. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  folded_quark = g_quark_from_static_string ("vonk-entity-folded");
}

static void
vonk_entity_init (VonkEntity *self)
{
}

gint64
vonk_entity_get_id (VonkEntity *self)
{
  VonkEntityPrivate *priv = vonk_entity_get_instance_private (self);

  g_return_val_if_fail (VONK_IS_ENTITY (self), 0);

  return priv->id;
}

/* vonk_entity_peek_id:
 *
 * The ID, without the type check of vonk_entity_get_id(): for the binary
 * searches of a list, which holds nothing but entities and runs them a
 * hundred thousand times a second when a view counts people per
 * department. */
gint64
vonk_entity_peek_id (VonkEntity *self)
{
  VonkEntityPrivate *priv = vonk_entity_get_instance_private (self);

  return priv->id;
}

void
vonk_entity_set_id (VonkEntity *self,
                    gint64      id)
{
  VonkEntityPrivate *priv = vonk_entity_get_instance_private (self);

  g_return_if_fail (VONK_IS_ENTITY (self));
  g_return_if_fail (id >= 0);

  if (priv->id != id)
    {
      priv->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

/**
 * vonk_entity_copy:
 *
 * Returns: (transfer full): a new entity of the same type with the same ID
 *   and column values, for editing without touching the original.
 */
VonkEntity *
vonk_entity_copy (VonkEntity *self)
{
  VonkEntity *copy;

  g_return_val_if_fail (VONK_IS_ENTITY (self), NULL);

  copy = g_object_new (G_OBJECT_TYPE (self), NULL);
  vonk_entity_set_id (copy, vonk_entity_get_id (self));
  vonk_entity_assign (copy, self);

  return copy;
}

/**
 * vonk_entity_assign:
 *
 * Copies every column value of @from into @self, notifying the properties
 * that change. The ID is left alone.
 */
void
vonk_entity_assign (VonkEntity *self,
                    VonkEntity *from)
{
  VonkEntityClass *klass;

  g_return_if_fail (VONK_IS_ENTITY (self));
  g_return_if_fail (G_OBJECT_TYPE (self) == G_OBJECT_TYPE (from));

  klass = VONK_ENTITY_GET_CLASS (self);
  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < klass->columns->len; i++)
    vonk_entity_set_value (self, i, &values_of (from)[i]);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * vonk_entity_exchange_values:
 * @self: an entity others may hold and watch
 * @other: an entity of the same type that nothing else holds or watches
 *
 * Gives @self the column values of @other and @other those of @self, each
 * with the folded texts and sort keys made for them, and notifies the
 * properties of @self that changed. Nothing is copied: an import hands
 * 50,000 people their new values, keys made in its worker, and keeps what
 * they had for Undo. The IDs are left alone.
 */
void
vonk_entity_exchange_values (VonkEntity *self,
                             VonkEntity *other)
{
  VonkEntityPrivate *priv = vonk_entity_get_instance_private (self);
  VonkEntityPrivate *other_priv = vonk_entity_get_instance_private (other);
  VonkEntityClass *klass;
  GValue *values;
  Folded *folded, *other_folded;

  g_return_if_fail (VONK_IS_ENTITY (self));
  g_return_if_fail (G_OBJECT_TYPE (self) == G_OBJECT_TYPE (other));

  klass = VONK_ENTITY_GET_CLASS (self);
  values = values_of (self);
  priv->values = values_of (other);
  other_priv->values = values;

  folded = g_object_steal_qdata (G_OBJECT (self), folded_quark);
  other_folded = g_object_steal_qdata (G_OBJECT (other), folded_quark);
  if (other_folded != NULL)
    g_object_set_qdata_full (G_OBJECT (self), folded_quark, other_folded, folded_free);
  if (folded != NULL)
    g_object_set_qdata_full (G_OBJECT (other), folded_quark, folded, folded_free);

  for (guint i = 0; i < klass->columns->len; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (klass->columns, i);

      if (!values_equal (pspec, &priv->values[i], &other_priv->values[i]))
        g_object_notify_by_pspec (G_OBJECT (self), pspec);
    }
}

/**
 * vonk_entity_equal:
 *
 * Returns: whether @a and @b have the same type, ID and column values.
 */
gboolean
vonk_entity_equal (VonkEntity *a,
                   VonkEntity *b)
{
  VonkEntityClass *klass;

  g_return_val_if_fail (VONK_IS_ENTITY (a), FALSE);
  g_return_val_if_fail (VONK_IS_ENTITY (b), FALSE);

  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b) ||
      vonk_entity_get_id (a) != vonk_entity_get_id (b))
    return FALSE;

  klass = VONK_ENTITY_GET_CLASS (a);
  for (guint i = 0; i < klass->columns->len; i++)
    if (!values_equal (g_ptr_array_index (klass->columns, i),
                       &values_of (a)[i], &values_of (b)[i]))
      return FALSE;

  return TRUE;
}

/* Whether @a and @b, of one type, hold the same value in @column. */
gboolean
vonk_entity_value_equal (VonkEntity *a,
                         VonkEntity *b,
                         guint       column)
{
  VonkEntityClass *klass;

  g_return_val_if_fail (VONK_IS_ENTITY (a), FALSE);
  g_return_val_if_fail (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b), FALSE);

  klass = VONK_ENTITY_GET_CLASS (a);
  g_return_val_if_fail (column < klass->columns->len, FALSE);

  return values_equal (g_ptr_array_index (klass->columns, column),
                       &values_of (a)[column], &values_of (b)[column]);
}

const GValue *
vonk_entity_get_value (VonkEntity *self,
                       guint       column)
{
  g_return_val_if_fail (VONK_IS_ENTITY (self), NULL);
  g_return_val_if_fail (column < VONK_ENTITY_GET_CLASS (self)->columns->len, NULL);

  return &values_of (self)[column];
}

void
vonk_entity_set_value (VonkEntity   *self,
                       guint         column,
                       const GValue *value)
{
  VonkEntityClass *klass;
  GParamSpec *pspec;
  GValue *slot;

  g_return_if_fail (VONK_IS_ENTITY (self));

  klass = VONK_ENTITY_GET_CLASS (self);
  g_return_if_fail (column < klass->columns->len);

  pspec = g_ptr_array_index (klass->columns, column);
  slot = &values_of (self)[column];
  if (values_equal (pspec, slot, value))
    return;

  g_value_copy (value, slot);
  forget_folded (self, column);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

/**
 * vonk_entity_class_find_column:
 * @type: an entity type
 * @name: one of its columns, as a property name ("department-id")
 *
 * For a loop over many entities that reads their values by index with
 * vonk_entity_get_value(): the column looked up once.
 *
 * Returns: the index of the column
 */
guint
vonk_entity_class_find_column (GType       type,
                               const char *name)
{
  g_autoptr(GTypeClass) type_class = g_type_class_ref (type);
  VonkEntityClass *klass = (VonkEntityClass *) type_class;
  guint index;

  g_return_val_if_fail (VONK_IS_ENTITY_CLASS (klass), 0);
  index = GPOINTER_TO_UINT (g_hash_table_lookup (klass->column_index, name));
  g_return_val_if_fail (index > 0, 0);

  return index - 1;
}

/* The getters below run for every row a view sorts, filters or counts, so
 * a column is found in the class's own table of names rather than through
 * g_object_class_find_property(), which takes a global lock. Other
 * spellings (underscores) fall back to GObject's lookup. */
static const GValue *
lookup (VonkEntity *self,
        const char *column,
        GType       type)
{
  VonkEntityClass *klass = VONK_ENTITY_GET_CLASS (self);
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (klass->column_index, column));
  GParamSpec *pspec;

  if (index > 0)
    {
      pspec = g_ptr_array_index (klass->columns, index - 1);
      if (G_LIKELY (pspec->value_type == type || g_type_is_a (pspec->value_type, type)))
        return &values_of (self)[index - 1];
    }
  else
    pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), column);

  if (pspec == NULL || pspec->owner_type == VONK_TYPE_ENTITY ||
      !g_type_is_a (pspec->value_type, type))
    {
      g_critical ("%s has no %s column “%s”", G_OBJECT_TYPE_NAME (self),
                  g_type_name (type), column);
      return NULL;
    }

  return &values_of (self)[pspec->param_id - 1];
}

const char *
vonk_entity_get_string (VonkEntity *self,
                        const char *column)
{
  const GValue *value;

  g_return_val_if_fail (VONK_IS_ENTITY (self), NULL);

  value = lookup (self, column, G_TYPE_STRING);
  return value ? g_value_get_string (value) : NULL;
}

static Folded *
folded_of (VonkEntity *self)
{
  Folded *folded = g_object_get_qdata (G_OBJECT (self), folded_quark);

  if (folded == NULL)
    {
      guint n = VONK_ENTITY_GET_CLASS (self)->columns->len;

      folded = g_malloc0 (sizeof (Folded) + 2 * n * sizeof (char *));
      folded->n_columns = n;
      g_object_set_qdata_full (G_OBJECT (self), folded_quark, folded, folded_free);
    }

  return folded;
}

/**
 * vonk_entity_get_folded:
 * @column: a string column
 *
 * The value of @column folded for searching (vonk_search_fold(); "" for
 * NULL), computed on first use and kept until the column changes, so that
 * a search over many rows folds each text once, not once per keystroke.
 *
 * Returns: (transfer none): the folded text, valid until the column
 *   changes
 */
const char *
vonk_entity_get_folded (VonkEntity *self,
                        const char *column)
{
  const GValue *value;
  Folded *folded;
  guint index;

  g_return_val_if_fail (VONK_IS_ENTITY (self), NULL);

  value = lookup (self, column, G_TYPE_STRING);
  if (value == NULL)
    return NULL;
  index = value - values_of (self);

  folded = folded_of (self);
  if (folded->texts[index] == NULL)
    {
      const char *text = g_value_get_string (value);

      folded->texts[index] = vonk_search_fold (text != NULL ? text : "");
    }

  return folded->texts[index];
}

/**
 * vonk_entity_get_sort_key:
 * @column: a string column
 *
 * A key that orders @column's values as a list sorted by that text
 * ignoring case does (GtkStringSorter's order: the case-folded text's
 * g_utf8_collate_key()), compared with strcmp(). Computed on first use and
 * kept until the column changes: collating is slow, and a list of many
 * rows sorted again (another column, a change) then only compares.
 *
 * Returns: (transfer none): the key, valid until the column changes
 */
const char *
vonk_entity_get_sort_key (VonkEntity *self,
                          const char *column)
{
  const GValue *value;
  Folded *folded;
  guint slot;

  g_return_val_if_fail (VONK_IS_ENTITY (self), NULL);

  value = lookup (self, column, G_TYPE_STRING);
  if (value == NULL)
    return NULL;

  folded = folded_of (self);
  slot = folded->n_columns + (value - values_of (self));
  if (folded->texts[slot] == NULL)
    {
      const char *text = g_value_get_string (value);
      g_autofree char *casefolded = g_utf8_casefold (text != NULL ? text : "", -1);

      folded->texts[slot] = g_utf8_collate_key (casefolded, -1);
    }

  return folded->texts[slot];
}

int
vonk_entity_get_int (VonkEntity *self,
                     const char *column)
{
  const GValue *value;

  g_return_val_if_fail (VONK_IS_ENTITY (self), 0);

  value = lookup (self, column, G_TYPE_INT);
  return value ? g_value_get_int (value) : 0;
}

gint64
vonk_entity_get_int64 (VonkEntity *self,
                       const char *column)
{
  const GValue *value;

  g_return_val_if_fail (VONK_IS_ENTITY (self), 0);

  value = lookup (self, column, G_TYPE_INT64);
  return value ? g_value_get_int64 (value) : 0;
}

gboolean
vonk_entity_get_boolean (VonkEntity *self,
                         const char *column)
{
  const GValue *value;

  g_return_val_if_fail (VONK_IS_ENTITY (self), FALSE);

  value = lookup (self, column, G_TYPE_BOOLEAN);
  return value ? g_value_get_boolean (value) : FALSE;
}

int
vonk_entity_get_enum (VonkEntity *self,
                      const char *column)
{
  const GValue *value;

  g_return_val_if_fail (VONK_IS_ENTITY (self), 0);

  value = lookup (self, column, G_TYPE_ENUM);
  return value ? g_value_get_enum (value) : 0;
}

const GDate *
vonk_entity_get_date (VonkEntity *self,
                      const char *column)
{
  const GValue *value;

  g_return_val_if_fail (VONK_IS_ENTITY (self), NULL);

  value = lookup (self, column, G_TYPE_DATE);
  return value ? g_value_get_boxed (value) : NULL;
}

GDateTime *
vonk_entity_get_date_time (VonkEntity *self,
                           const char *column)
{
  const GValue *value;

  g_return_val_if_fail (VONK_IS_ENTITY (self), NULL);

  value = lookup (self, column, G_TYPE_DATE_TIME);
  return value ? g_value_get_boxed (value) : NULL;
}

void
vonk_entity_class_set_table (VonkEntityClass *klass,
                             const char      *table,
                             gboolean         has_project)
{
  g_return_if_fail (VONK_IS_ENTITY_CLASS (klass));
  g_return_if_fail (klass->table == NULL);

  /* GObject does not inherit these; the columns dispatch to them. */
  G_OBJECT_CLASS (klass)->get_property = vonk_entity_get_property;
  G_OBJECT_CLASS (klass)->set_property = vonk_entity_set_property;

  klass->table = table;
  klass->has_project = has_project;
  klass->columns = g_ptr_array_new ();
  klass->refs = g_array_new (FALSE, FALSE, sizeof (VonkEntityRef));
  klass->column_index = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * vonk_entity_class_add_column:
 * @pspec: (transfer full): the column as a property
 *
 * Installs @pspec as a property whose value the entity keeps and the store
 * persists in the column of the same name.
 */
void
vonk_entity_class_add_column (VonkEntityClass *klass,
                              GParamSpec      *pspec)
{
  g_return_if_fail (klass->table != NULL);

  pspec->flags |= G_PARAM_EXPLICIT_NOTIFY;
  g_ptr_array_add (klass->columns, pspec);
  g_object_class_install_property (G_OBJECT_CLASS (klass), klass->columns->len, pspec);
  /* the name is the pspec's own, which lives as long as the class */
  g_hash_table_insert (klass->column_index, (gpointer) pspec->name,
                       GUINT_TO_POINTER (klass->columns->len));
}

/**
 * vonk_entity_class_add_ref:
 *
 * Adds the int64 column @name (ending in "-id") referring to an entity of
 * type @target; 0 means no reference.
 */
void
vonk_entity_class_add_ref (VonkEntityClass *klass,
                           const char      *name,
                           GType            target,
                           VonkOnDelete     on_delete)
{
  VonkEntityRef ref;

  g_return_if_fail (g_str_has_suffix (name, "-id") || g_str_has_suffix (name, "-of"));

  vonk_entity_class_add_column (klass,
                                g_param_spec_int64 (name, NULL, NULL, 0, G_MAXINT64, 0,
                                                    G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  ref.column = klass->columns->len - 1;
  ref.target = target;
  ref.on_delete = on_delete;
  g_array_append_val (klass->refs, ref);
}

const char *
vonk_entity_class_get_table (VonkEntityClass *klass)
{
  return klass->table;
}

guint
vonk_entity_class_get_n_columns (VonkEntityClass *klass)
{
  return klass->columns->len;
}

GParamSpec *
vonk_entity_class_get_column (VonkEntityClass *klass,
                              guint            column)
{
  g_return_val_if_fail (column < klass->columns->len, NULL);

  return g_ptr_array_index (klass->columns, column);
}

guint
vonk_entity_class_get_n_refs (VonkEntityClass *klass)
{
  return klass->refs->len;
}

const VonkEntityRef *
vonk_entity_class_get_ref (VonkEntityClass *klass,
                           guint            ref)
{
  g_return_val_if_fail (ref < klass->refs->len, NULL);

  return &g_array_index (klass->refs, VonkEntityRef, ref);
}

/**
 * vonk_entity_new_for_load: (skip)
 * @type: an entity type
 * @id: the row's ID
 *
 * For the store reading rows: a new entity with ID @id whose column values
 * are not set yet, without notifications and without the defaults that
 * would be overwritten at once. The caller initialises every one of the
 * returned @values (g_value_init() and a value), in column order; an entity
 * dropped before that is still freed correctly.
 *
 * Returns: (transfer full): the entity
 */
VonkEntity *
vonk_entity_new_for_load (GType    type,
                          gint64   id,
                          GValue **values)
{
  VonkEntity *self = g_object_new (type, NULL);
  VonkEntityPrivate *priv = vonk_entity_get_instance_private (self);

  g_assert (priv->values == NULL);

  priv->id = id;
  priv->values = g_new0 (GValue, VONK_ENTITY_GET_CLASS (self)->columns->len);
  *values = priv->values;
  return self;
}
