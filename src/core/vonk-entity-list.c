/* vonk-entity-list.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The items are kept sorted by ID, so finding one is a binary search and an
 * entity put back by Undo returns to where it was. Views sort and filter
 * with GtkSortListModel and GtkFilterListModel on top.
 *
 * Changes to many scattered items (the 200 people of a deleted department
 * among 100,000) are told in slices of a few milliseconds: each
 * items-changed costs a sorted view on a long list most of a millisecond,
 * and the window must not freeze for all of them at once. The items hold
 * their new values from the start; only the views catch up a frame at a
 * time. A change that adds or removes items tells what is still pending
 * first, so the positions of every items-changed stay right.
 */

#define G_LOG_DOMAIN "vonk-entity-list"

#include "config.h"

#include "vonk-entity-list.h"
#include "vonk-entity-private.h"

struct _VonkEntityList
{
  GObject    parent_instance;

  GType      item_type;
  GPtrArray *items;
  guint      stamp;  /* changes with every items-changed */

  /* Changed items not told yet: position and length of each run, in
   * pairs, of which those from @next_run on are still to go. */
  GArray    *runs;
  guint      next_run;
  guint      runs_id;
};

/* How long the changes told at once may take, at first and per idle. */
#define SLICE_USEC 8000

/* How many lists are telling changes in slices (in the main thread). */
static guint n_lists_pending;

static void vonk_entity_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VonkEntityList, vonk_entity_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      vonk_entity_list_model_init))

enum {
  PROP_0,
  PROP_ITEM_TYPE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
vonk_entity_list_get_item_type (GListModel *model)
{
  return VONK_ENTITY_LIST (model)->item_type;
}

static guint
vonk_entity_list_get_n_items (GListModel *model)
{
  return VONK_ENTITY_LIST (model)->items->len;
}

static gpointer
vonk_entity_list_get_item (GListModel *model,
                           guint       position)
{
  VonkEntityList *self = VONK_ENTITY_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
vonk_entity_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = vonk_entity_list_get_item_type;
  iface->get_n_items = vonk_entity_list_get_n_items;
  iface->get_item = vonk_entity_list_get_item;
}

static void
vonk_entity_list_finalize (GObject *object)
{
  VonkEntityList *self = VONK_ENTITY_LIST (object);

  g_ptr_array_unref (self->items);
  g_array_unref (self->runs);
  if (self->runs_id != 0)
    {
      g_clear_handle_id (&self->runs_id, g_source_remove);
      n_lists_pending--;
    }

  G_OBJECT_CLASS (vonk_entity_list_parent_class)->finalize (object);
}

static void
vonk_entity_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  VonkEntityList *self = VONK_ENTITY_LIST (object);

  switch (prop_id)
    {
    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, self->item_type);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vonk_entity_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  VonkEntityList *self = VONK_ENTITY_LIST (object);

  switch (prop_id)
    {
    case PROP_ITEM_TYPE:
      self->item_type = g_value_get_gtype (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vonk_entity_list_class_init (VonkEntityListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vonk_entity_list_finalize;
  object_class->get_property = vonk_entity_list_get_property;
  object_class->set_property = vonk_entity_list_set_property;

  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL, VONK_TYPE_ENTITY,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /* for binding counts in views */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vonk_entity_list_init (VonkEntityList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->runs = g_array_new (FALSE, FALSE, sizeof (guint));
}

VonkEntityList *
vonk_entity_list_new (GType item_type)
{
  g_return_val_if_fail (g_type_is_a (item_type, VONK_TYPE_ENTITY), NULL);

  return g_object_new (VONK_TYPE_ENTITY_LIST, "item-type", item_type, NULL);
}

/* The position of the first item whose ID is not below @id. */
static guint
lower_bound (VonkEntityList *self,
             gint64          id)
{
  guint lo = 0, hi = self->items->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (vonk_entity_peek_id (g_ptr_array_index (self->items, mid)) < id)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/**
 * vonk_entity_list_lookup:
 *
 * Returns: (transfer none) (nullable): the item with ID @id
 */
VonkEntity *
vonk_entity_list_lookup (VonkEntityList *self,
                         gint64          id)
{
  guint pos;

  g_return_val_if_fail (VONK_IS_ENTITY_LIST (self), NULL);

  pos = lower_bound (self, id);
  if (pos < self->items->len)
    {
      VonkEntity *entity = g_ptr_array_index (self->items, pos);

      if (vonk_entity_get_id (entity) == id)
        return entity;
    }

  return NULL;
}

gboolean
vonk_entity_list_find (VonkEntityList *self,
                       VonkEntity     *entity,
                       guint          *position)
{
  guint pos;

  g_return_val_if_fail (VONK_IS_ENTITY_LIST (self), FALSE);
  g_return_val_if_fail (VONK_IS_ENTITY (entity), FALSE);

  pos = lower_bound (self, vonk_entity_get_id (entity));
  if (pos < self->items->len && g_ptr_array_index (self->items, pos) == entity)
    {
      if (position != NULL)
        *position = pos;
      return TRUE;
    }

  return FALSE;
}

/* Tells the changed runs still pending until @deadline has passed, or all
 * of them for 0. A handler may change the list again meanwhile: what it
 * adds to the runs is told after what was there. */
static gboolean
tell_runs (VonkEntityList *self,
           gint64          deadline)
{
  while (self->next_run < self->runs->len)
    {
      guint position = g_array_index (self->runs, guint, self->next_run);
      guint n_items = g_array_index (self->runs, guint, self->next_run + 1);

      self->next_run += 2;
      self->stamp++;
      g_list_model_items_changed (G_LIST_MODEL (self), position, n_items, n_items);
      if (deadline != 0 && g_get_monotonic_time () >= deadline)
        break;
    }

  if (self->next_run < self->runs->len)
    return G_SOURCE_CONTINUE;

  g_array_set_size (self->runs, 0);
  self->next_run = 0;
  if (self->runs_id != 0)
    {
      g_clear_handle_id (&self->runs_id, g_source_remove);
      n_lists_pending--;
    }
  return G_SOURCE_REMOVE;
}

static gboolean
tell_runs_cb (gpointer data)
{
  /* (done, tell_runs() has removed this source already) */
  return tell_runs (data, g_get_monotonic_time () + SLICE_USEC);
}

/**
 * vonk_entity_list_get_pending:
 *
 * Returns: whether items changed that the views have not been told of
 *   yet; they are, in slices, from the main loop
 */
gboolean
vonk_entity_list_get_pending (VonkEntityList *self)
{
  g_return_val_if_fail (VONK_IS_ENTITY_LIST (self), FALSE);

  return self->next_run < self->runs->len;
}

/* An idle source that is ready only while no list tells changes in
 * slices. */
static gboolean
settled_prepare (GSource *source,
                 int     *timeout)
{
  *timeout = -1;
  return n_lists_pending == 0;
}

static gboolean
settled_check (GSource *source)
{
  return n_lists_pending == 0;
}

static gboolean
settled_dispatch (GSource     *source,
                  GSourceFunc  callback,
                  gpointer     data)
{
  return callback (data);
}

static GSourceFuncs settled_funcs = {
  settled_prepare, settled_check, settled_dispatch, NULL, NULL, NULL,
};

/**
 * vonk_entity_lists_idle_add:
 * @function: what to call
 * @data: its data
 *
 * Calls @function as an idle at %G_PRIORITY_HIGH_IDLE (before the window
 * lays out and paints), but not while any list tells changed items in
 * slices (see vonk_entity_list_get_pending()): a view that counts a whole
 * list again when it changes then does so once, not once per slice.
 *
 * Returns: the source's ID, for g_source_remove()
 */
guint
vonk_entity_lists_idle_add (GSourceFunc function,
                            gpointer    data)
{
  g_autoptr(GSource) source = g_source_new (&settled_funcs, sizeof (GSource));

  g_source_set_priority (source, G_PRIORITY_HIGH_IDLE);
  g_source_set_callback (source, function, data, NULL);
  g_source_set_static_name (source, "[vonk] once the lists are told");
  return g_source_attach (source, NULL);
}

/**
 * vonk_entity_list_splice:
 *
 * Replaces @n_removals items at @position with @additions (which must keep
 * the list in ID order) and emits one items-changed.
 */
void
vonk_entity_list_splice (VonkEntityList *self,
                         guint           position,
                         guint           n_removals,
                         VonkEntity    **additions,
                         guint           n_additions)
{
  g_return_if_fail (VONK_IS_ENTITY_LIST (self));
  g_return_if_fail (position + n_removals <= self->items->len);

  tell_runs (self, 0);
  if (n_removals > 0)
    g_ptr_array_remove_range (self->items, position, n_removals);
  for (guint i = 0; i < n_additions; i++)
    g_ptr_array_insert (self->items, position + i, g_object_ref (additions[i]));

  self->stamp++;
  g_list_model_items_changed (G_LIST_MODEL (self), position, n_removals, n_additions);
  if (n_removals != n_additions)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/**
 * vonk_entity_list_add:
 *
 * Inserts @entity at the place its ID gives it.
 */
void
vonk_entity_list_add (VonkEntityList *self,
                      VonkEntity     *entity)
{
  g_return_if_fail (VONK_IS_ENTITY_LIST (self));
  g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (entity, self->item_type));

  vonk_entity_list_splice (self, lower_bound (self, vonk_entity_get_id (entity)), 0, &entity, 1);
}

/**
 * vonk_entity_list_changed:
 *
 * Tells the views that @entity changed, as a removal and re-addition at its
 * position, so that sorted and filtered models on top re-evaluate it.
 */
void
vonk_entity_list_changed (VonkEntityList *self,
                          VonkEntity     *entity)
{
  guint pos;

  if (vonk_entity_list_find (self, entity, &pos))
    {
      self->stamp++;
      g_list_model_items_changed (G_LIST_MODEL (self), pos, 1, 1);
    }
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 id_a = vonk_entity_get_id (*(VonkEntity **) a);
  gint64 id_b = vonk_entity_get_id (*(VonkEntity **) b);

  return id_a < id_b ? -1 : id_a > id_b;
}

static gboolean
sorted_by_id (GPtrArray *entities)
{
  for (guint i = 1; i < entities->len; i++)
    if (vonk_entity_get_id (g_ptr_array_index (entities, i - 1)) >
        vonk_entity_get_id (g_ptr_array_index (entities, i)))
      return FALSE;

  return TRUE;
}

/**
 * vonk_entity_list_add_many:
 * @entities: (element-type VonkEntity): new items; sorted by ID here
 *
 * Inserts @entities where their IDs put them. New rows get IDs above all
 * others, so they usually go at the end together, as one items-changed:
 * 100,000 of them must not wake the views 100,000 times.
 */
void
vonk_entity_list_add_many (VonkEntityList *self,
                           GPtrArray      *entities)
{
  guint n;

  g_return_if_fail (VONK_IS_ENTITY_LIST (self));
  g_return_if_fail (entities != NULL);

  if (entities->len == 0)
    return;

  /* what an import adds is in ID order already: sorting 100,000 of
   * them again took the main thread tens of milliseconds */
  if (!sorted_by_id (entities))
    g_ptr_array_sort (entities, compare_ids);
  n = self->items->len;
  if (n == 0 ||
      vonk_entity_get_id (g_ptr_array_index (self->items, n - 1)) <
      vonk_entity_get_id (g_ptr_array_index (entities, 0)))
    {
      vonk_entity_list_splice (self, n, 0, (VonkEntity **) entities->pdata, entities->len);
      return;
    }

  /* one splice per run of entities that go between the same two items:
   * what Undo puts back of a department is a few runs, not an
   * items-changed per row */
  for (guint i = 0; i < entities->len; )
    {
      VonkEntity *first = g_ptr_array_index (entities, i);
      guint pos = lower_bound (self, vonk_entity_get_id (first));
      guint end = i + 1;

      if (pos < self->items->len)
        {
          gint64 next_id = vonk_entity_get_id (g_ptr_array_index (self->items, pos));

          while (end < entities->len &&
                 vonk_entity_get_id (g_ptr_array_index (entities, end)) < next_id)
            end++;
        }
      else
        end = entities->len;

      vonk_entity_list_splice (self, pos, 0, (VonkEntity **) entities->pdata + i, end - i);
      i = end;
    }
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  guint pos_a = *(const guint *) a;
  guint pos_b = *(const guint *) b;

  return pos_a < pos_b ? -1 : pos_a > pos_b;
}

/* Changed items at most this many positions apart are told in one
 * items-changed, which spans the unchanged ones between them. A sorted
 * view on 100,000 people pays for each items-changed about what it pays
 * for working out the sort keys of 16 items again: the 200 scattered
 * people of a deleted department are 200 small items-changed (one over
 * the whole list made the People page sort all 100,000 again, seconds),
 * while the every-other person an import updated is one. Views that
 * recount the whole list on a change do it once per turn of the main
 * loop, not per items-changed. */
#define MERGE_GAP 16

/**
 * vonk_entity_list_find_runs:
 * @entities: (element-type VonkEntity): items of the list
 *
 * Where @entities are, as runs of positions no more than a few apart:
 * each run is what one items-changed tells (see
 * vonk_entity_list_changed_many()). Items not in the list are left out.
 *
 * Returns: (transfer full) (element-type guint): the first position and
 *   the length of each run, in pairs, in list order
 */
GArray *
vonk_entity_list_find_runs (VonkEntityList *self,
                            GPtrArray      *entities)
{
  g_autoptr(GArray) positions = NULL;
  GArray *runs;

  g_return_val_if_fail (VONK_IS_ENTITY_LIST (self), NULL);
  g_return_val_if_fail (entities != NULL, NULL);

  positions = g_array_sized_new (FALSE, FALSE, sizeof (guint), entities->len);
  for (guint i = 0; i < entities->len; i++)
    {
      guint pos;

      if (vonk_entity_list_find (self, g_ptr_array_index (entities, i), &pos))
        g_array_append_val (positions, pos);
    }
  g_array_sort (positions, compare_positions);

  runs = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < positions->len; )
    {
      guint first = g_array_index (positions, guint, i);
      guint last = first;
      guint n;

      for (i++; i < positions->len && g_array_index (positions, guint, i) <= last + MERGE_GAP; i++)
        last = g_array_index (positions, guint, i);

      n = last - first + 1;
      g_array_append_val (runs, first);
      g_array_append_val (runs, n);
    }

  return runs;
}

/**
 * vonk_entity_list_changed_range:
 *
 * Tells the views that the @n_items items from @position changed, as
 * their removal and re-addition.
 */
void
vonk_entity_list_changed_range (VonkEntityList *self,
                                guint           position,
                                guint           n_items)
{
  g_return_if_fail (VONK_IS_ENTITY_LIST (self));
  g_return_if_fail (position + n_items <= self->items->len);

  if (n_items == 0)
    return;

  self->stamp++;
  g_list_model_items_changed (G_LIST_MODEL (self), position, n_items, n_items);
}

/**
 * vonk_entity_list_change_tail:
 * @entities: (element-type VonkEntity): new items, in ID order
 *
 * Tells the views that the items from @position to the end changed and
 * appends @entities, in one items-changed: what an import updated and
 * what it added reach the views as one change, and they work it out once.
 * Does nothing when @entities do not all go after the last item.
 *
 * Returns: whether it appended them
 */
gboolean
vonk_entity_list_change_tail (VonkEntityList *self,
                              guint           position,
                              GPtrArray      *entities)
{
  guint n;

  g_return_val_if_fail (VONK_IS_ENTITY_LIST (self), FALSE);
  g_return_val_if_fail (position <= self->items->len, FALSE);
  g_return_val_if_fail (entities != NULL, FALSE);

  tell_runs (self, 0);
  n = self->items->len;
  if (entities->len > 0 &&
      ((n > 0 && vonk_entity_get_id (g_ptr_array_index (self->items, n - 1)) >=
                 vonk_entity_get_id (g_ptr_array_index (entities, 0))) ||
       !sorted_by_id (entities)))
    return FALSE;

  for (guint i = 0; i < entities->len; i++)
    g_ptr_array_add (self->items, g_object_ref (g_ptr_array_index (entities, i)));

  self->stamp++;
  g_list_model_items_changed (G_LIST_MODEL (self), position, n - position,
                              n - position + entities->len);
  if (entities->len > 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  return TRUE;
}

/**
 * vonk_entity_list_changed_many:
 * @entities: (element-type VonkEntity): items of the list whose values changed
 *
 * Tells the views that @entities changed, with one items-changed per run
 * of positions no more than a few apart: the 100,000 people an import
 * updated are one, the scattered people of a department a few hundred.
 * What is not told within a few milliseconds is told from the main loop,
 * a slice at a time (see vonk_entity_list_get_pending()).
 */
void
vonk_entity_list_changed_many (VonkEntityList *self,
                               GPtrArray      *entities)
{
  g_autoptr(GArray) runs = NULL;

  g_return_if_fail (VONK_IS_ENTITY_LIST (self));
  g_return_if_fail (entities != NULL);

  runs = vonk_entity_list_find_runs (self, entities);
  g_array_append_vals (self->runs, runs->data, runs->len);
  if (self->runs_id != 0)
    return;

  if (tell_runs (self, g_get_monotonic_time () + SLICE_USEC) == G_SOURCE_CONTINUE)
    {
      self->runs_id = g_idle_add (tell_runs_cb, self);
      g_source_set_name_by_id (self->runs_id, "[vonk] tell changed items");
      n_lists_pending++;
    }
}

/**
 * vonk_entity_list_get_stamp:
 *
 * Returns: a number that changes whenever the list emits items-changed,
 *   for caches of what the items hold
 */
guint
vonk_entity_list_get_stamp (VonkEntityList *self)
{
  g_return_val_if_fail (VONK_IS_ENTITY_LIST (self), 0);

  return self->stamp;
}

/**
 * vonk_ids_find:
 * @ids: (array length=n): IDs in ascending order, such as a list's
 *
 * Returns: where @id is in @ids, or -1. IDs are mostly numbered without
 *   gaps, so the place that numbering gives is tried first.
 */
int
vonk_ids_find (const gint64 *ids,
               guint         n,
               gint64        id)
{
  guint lo = 0, hi = n;

  if (n == 0)
    return -1;
  if (id >= ids[0] && id - ids[0] < n && ids[id - ids[0]] == id)
    return id - ids[0];

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (ids[mid] < id)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo < n && ids[lo] == id ? (int) lo : -1;
}

/**
 * vonk_entity_list_peek_items:
 * @n_items: (out): how many there are
 *
 * For a loop over many items that needs no reference to each (one to
 * each of 500,000 attendance rows costs more than reading them).
 *
 * Returns: (transfer none) (array length=n_items): the items in ID order;
 *   valid until the list next changes (its stamp changes)
 */
VonkEntity * const *
vonk_entity_list_peek_items (VonkEntityList *self,
                             guint          *n_items)
{
  g_return_val_if_fail (VONK_IS_ENTITY_LIST (self), NULL);
  g_return_val_if_fail (n_items != NULL, NULL);

  *n_items = self->items->len;
  return (VonkEntity * const *) self->items->pdata;
}

/**
 * vonk_entity_list_remove_where:
 *
 * Removes every item for which @predicate is true, one items-changed per
 * run of adjacent items.
 */
void
vonk_entity_list_remove_where (VonkEntityList *self,
                               gboolean      (*predicate) (VonkEntity *entity,
                                                           gpointer    data),
                               gpointer        data)
{
  guint end = self->items->len;

  /* From the end, so the positions still to visit stay valid. */
  while (end > 0)
    {
      guint start;

      if (!predicate (g_ptr_array_index (self->items, end - 1), data))
        {
          end--;
          continue;
        }

      start = end - 1;
      while (start > 0 && predicate (g_ptr_array_index (self->items, start - 1), data))
        start--;

      vonk_entity_list_splice (self, start, end - start, NULL, 0);
      end = start;
    }
}
