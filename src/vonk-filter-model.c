/* vonk-filter-model.c
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What GtkFilterListModel does, for lists of a hundred thousand rows
 * filtered as the user types. GTK 4.8's model either filters everything
 * before it returns, or (incremental) empties the list first and fills it
 * again batch by batch, so that every keystroke flashes an empty list. And
 * it reports a change as one items-changed from the first to the last row
 * that changed — nearly the whole list — which a list view and its
 * selection answer by looking up every added row, each lookup a walk
 * through a bitset.
 *
 * This model refilters in place, from the top, in slices of a few
 * milliseconds: the first slice at once, the rest from an idle callback,
 * so the main loop draws and takes keys in between. While it works, the
 * list is the new result above the rows it reported and the old one below
 * them; each report is an items-changed trimmed to the rows that really
 * changed. A row is a position in the source model, so finding an item is
 * an array lookup.
 *
 * A list view of GTK 4.8 keeps widgets for 200 rows around the one at the
 * top of its window, and makes a new one (most of a millisecond for a row
 * of five cells) for every item that comes among them, while it destroys
 * those of the items that leave. So the first report of a pass waits
 * until the new result has more rows than that, or the pass is done: the
 * rows on screen change once per keystroke, not once per slice, and the
 * later reports fall below them, where no widget is made.
 *
 * A filter that gets stricter (GTK_FILTER_CHANGE_MORE_STRICT, a search that
 * grows) only looks again at the rows shown; one that gets less strict
 * keeps them and looks at the others. A change while a pass is under way
 * starts again from the top with what is shown then, which holds for
 * either kind as long as the changes are of one kind.
 */

#define G_LOG_DOMAIN "vonk-filter-model"

#include "config.h"

#include "vonk-filter-model.h"

/* How long one slice of filtering may take, and how many source rows are
 * reported at most in one items-changed (what a list view walks through
 * when its selected or focused row is among them). */
#define SLICE_USEC 4000
#define CHUNK      256

/* A pass reports nothing before it has found this many rows (see above),
 * and after that only now and then: each report makes the view lay out
 * and paint again, which costs more than the filtering in between. */
#define FIRST_REPORT_ROWS   256
#define REPORT_INTERVAL_USEC (250 * 1000)

struct _VonkFilterModel
{
  GObject          parent_instance;

  GListModel      *model;
  GtkFilter       *filter;

  /* Source positions, ascending: the rows of the list; during a pass,
   * what it found so far, of which the first @reported are in the list. */
  GArray          *shown;

  /* During a pass (NULL otherwise): the rows when it began, of which
   * those from @old_reported on are still in the list, below what the
   * pass reported, and those from @old_next on have not been filtered
   * again yet. */
  GArray          *old;
  guint            reported;
  guint            old_reported;
  guint            old_next;
  guint            scan;     /* the source positions below it are filtered */
  gint64           last_report;
  GtkFilterChange  change;   /* how the filter changed since @old */
  guint            idle_id;
};

static void vonk_filter_model_list_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VonkFilterModel, vonk_filter_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      vonk_filter_model_list_init))

enum {
  PROP_0,
  PROP_MODEL,
  PROP_FILTER,
  PROP_PENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define POSITION(array, i) g_array_index ((array), guint, (i))

/* The list */

static GType
vonk_filter_model_get_item_type (GListModel *list)
{
  return G_TYPE_OBJECT;
}

static guint
vonk_filter_model_get_n_items (GListModel *list)
{
  VonkFilterModel *self = VONK_FILTER_MODEL (list);

  if (self->old == NULL)
    return self->shown->len;

  return self->reported + self->old->len - self->old_reported;
}

static gpointer
vonk_filter_model_get_item (GListModel *list,
                            guint       position)
{
  VonkFilterModel *self = VONK_FILTER_MODEL (list);

  if (self->old == NULL)
    {
      if (position < self->shown->len)
        return g_list_model_get_item (self->model, POSITION (self->shown, position));
      return NULL;
    }

  if (position < self->reported)
    return g_list_model_get_item (self->model, POSITION (self->shown, position));

  position -= self->reported;
  if (position < self->old->len - self->old_reported)
    return g_list_model_get_item (self->model, POSITION (self->old, self->old_reported + position));

  return NULL;
}

static void
vonk_filter_model_list_init (GListModelInterface *iface)
{
  iface->get_item_type = vonk_filter_model_get_item_type;
  iface->get_n_items = vonk_filter_model_get_n_items;
  iface->get_item = vonk_filter_model_get_item;
}

/* Filtering */

/* Whether every row matches, so none need be looked at: a filter with
 * nothing to look for says so (a GtkCustomFilter without a function),
 * and the 100,000 rows an import adds then pass without a look each. */
static gboolean
matches_all (VonkFilterModel *self)
{
  return self->filter == NULL ||
         gtk_filter_get_strictness (self->filter) == GTK_FILTER_MATCH_ALL;
}

static gboolean
matches (VonkFilterModel *self,
         guint            source_position)
{
  g_autoptr(GObject) item = NULL;

  if (matches_all (self))
    return TRUE;

  item = g_list_model_get_item (self->model, source_position);
  return gtk_filter_match (self->filter, item);
}

/* Puts what the pass found so far in the list in place of the rows it
 * filtered again, telling only of the rows that really changed. */
static void
report (VonkFilterModel *self)
{
  const guint *before = &POSITION (self->old, self->old_reported);
  const guint *after = &POSITION (self->shown, self->reported);
  guint n_before = self->old_next - self->old_reported;
  guint n_after = self->shown->len - self->reported;
  guint position = self->reported;
  guint start = 0, end = 0;

  while (start < n_before && start < n_after && before[start] == after[start])
    start++;
  while (end < n_before - start && end < n_after - start &&
         before[n_before - 1 - end] == after[n_after - 1 - end])
    end++;

  self->reported = self->shown->len;
  self->old_reported = self->old_next;
  self->last_report = g_get_monotonic_time ();

  if (n_before - start - end > 0 || n_after - start - end > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position + start,
                                n_before - start - end, n_after - start - end);
}

/* Filters the source rows from the scan up to @end in the pass under way,
 * appending the matches to what is shown. */
static void
filter_range (VonkFilterModel *self,
              guint            end)
{
  for (guint p = self->scan; p < end; p++)
    {
      gboolean was_shown = self->old_next < self->old->len &&
                           POSITION (self->old, self->old_next) == p;
      gboolean match;

      if (was_shown)
        self->old_next++;

      if (self->change == GTK_FILTER_CHANGE_MORE_STRICT && !was_shown)
        match = FALSE;
      else if (self->change == GTK_FILTER_CHANGE_LESS_STRICT && was_shown)
        match = TRUE;
      else
        match = matches (self, p);

      if (match)
        g_array_append_val (self->shown, p);
    }
  self->scan = end;
}

/* Ends the pass under way where it is: the list stays as it is, as if it
 * were the whole result. Returns whether there was a pass. */
static gboolean
stop_pass (VonkFilterModel *self)
{
  if (self->old == NULL)
    return FALSE;

  g_array_set_size (self->shown, self->reported);
  g_array_append_vals (self->shown, &POSITION (self->old, self->old_reported),
                       self->old->len - self->old_reported);
  g_clear_pointer (&self->old, g_array_unref);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  return TRUE;
}

/* Filters for at most @usec microseconds (G_MAXINT64: to the end), then
 * reports what it found (see FIRST_REPORT_ROWS); TRUE when the pass is
 * done. */
static gboolean
run (VonkFilterModel *self,
     gint64           usec)
{
  gint64 deadline = usec < G_MAXINT64 ? g_get_monotonic_time () + usec : G_MAXINT64;
  guint n = g_list_model_get_n_items (self->model);

  do
    filter_range (self, MIN (self->scan + CHUNK, n));
  while (self->scan < n && g_get_monotonic_time () < deadline);

  if (self->scan == n ||
      (self->reported == 0 && self->shown->len >= FIRST_REPORT_ROWS) ||
      (self->reported > 0 && g_get_monotonic_time () - self->last_report > REPORT_INTERVAL_USEC))
    report (self);

  if (self->scan < n)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
      return FALSE;
    }

  g_assert (self->old_reported == self->old->len);
  g_clear_pointer (&self->old, g_array_unref);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
  return TRUE;
}

static gboolean
run_cb (gpointer user_data)
{
  VonkFilterModel *self = user_data;

  if (!run (self, SLICE_USEC))
    return G_SOURCE_CONTINUE;

  self->idle_id = 0;
  return G_SOURCE_REMOVE;
}

static void
start_pass (VonkFilterModel *self,
            GtkFilterChange  change)
{
  /* Restarting from the top with what is shown is right when the pass
   * under way changed the same way; otherwise every row may change. */
  if (stop_pass (self) && change != self->change)
    change = GTK_FILTER_CHANGE_DIFFERENT;

  if (self->model == NULL)
    return;

  self->old = g_steal_pointer (&self->shown);
  self->shown = g_array_sized_new (FALSE, FALSE, sizeof (guint), self->old->len);
  self->reported = 0;
  self->old_reported = 0;
  self->old_next = 0;
  self->scan = 0;
  self->change = change;

  /* the first slice now: it mostly finds the rows on screen before the
   * next frame */
  if (!run (self, SLICE_USEC))
    self->idle_id = g_idle_add (run_cb, self);
}

static void
filter_changed_cb (GtkFilter       *filter,
                   GtkFilterChange  change,
                   VonkFilterModel *self)
{
  start_pass (self, change);
}

/* The first index of @array whose position is at least @position. */
static guint
lower_bound (GArray *array,
             guint   position)
{
  guint low = 0, high = array->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (POSITION (array, mid) < position)
        low = mid + 1;
      else
        high = mid;
    }

  return low;
}

/* The source changed (an edit, an addition, a new sort order): the rows it
 * replaced are filtered at once. A pass under way stops where it is and
 * starts again afterwards; what it had not reached was filtered before. */
static void
source_items_changed_cb (GListModel      *model,
                         guint            position,
                         guint            removed,
                         guint            added,
                         VonkFilterModel *self)
{
  gboolean had_pass = stop_pass (self);
  g_autoptr(GArray) fresh = g_array_new (FALSE, FALSE, sizeof (guint));
  guint first = lower_bound (self->shown, position);
  guint last = lower_bound (self->shown, position + removed);

  if (matches_all (self))
    {
      g_array_set_size (fresh, added);
      for (guint i = 0; i < added; i++)
        POSITION (fresh, i) = position + i;
    }
  else
    {
      for (guint p = position; p < position + added; p++)
        if (matches (self, p))
          g_array_append_val (fresh, p);
    }

  if (removed != added)
    for (guint i = last; i < self->shown->len; i++)
      POSITION (self->shown, i) = POSITION (self->shown, i) - removed + added;
  g_array_remove_range (self->shown, first, last - first);
  g_array_insert_vals (self->shown, first, fresh->data, fresh->len);

  if (last - first > 0 || fresh->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), first, last - first, fresh->len);

  if (had_pass)
    start_pass (self, self->change);
}

/* Everything the source holds, filtered at once. */
static void
filter_all (VonkFilterModel *self)
{
  guint removed = g_list_model_get_n_items (G_LIST_MODEL (self));
  guint n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;

  if (stop_pass (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);

  g_array_set_size (self->shown, 0);
  for (guint p = 0; p < n; p++)
    if (matches (self, p))
      g_array_append_val (self->shown, p);

  if (removed > 0 || self->shown->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->shown->len);
}

/* The model */

/**
 * vonk_filter_model_new:
 * @model: (nullable) (transfer full): the list to filter
 * @filter: (nullable) (transfer full): what to keep; everything for none
 *
 * Returns: (transfer full): a new filter model
 */
VonkFilterModel *
vonk_filter_model_new (GListModel *model,
                       GtkFilter  *filter)
{
  g_autoptr(GListModel) owned_model = model;
  g_autoptr(GtkFilter) owned_filter = filter;

  return g_object_new (VONK_TYPE_FILTER_MODEL, "model", model, "filter", filter, NULL);
}

GListModel *
vonk_filter_model_get_model (VonkFilterModel *self)
{
  g_return_val_if_fail (VONK_IS_FILTER_MODEL (self), NULL);

  return self->model;
}

void
vonk_filter_model_set_model (VonkFilterModel *self,
                             GListModel      *model)
{
  g_return_if_fail (VONK_IS_FILTER_MODEL (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, source_items_changed_cb, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect (model, "items-changed", G_CALLBACK (source_items_changed_cb), self);

  filter_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

GtkFilter *
vonk_filter_model_get_filter (VonkFilterModel *self)
{
  g_return_val_if_fail (VONK_IS_FILTER_MODEL (self), NULL);

  return self->filter;
}

void
vonk_filter_model_set_filter (VonkFilterModel *self,
                              GtkFilter       *filter)
{
  g_return_if_fail (VONK_IS_FILTER_MODEL (self));
  g_return_if_fail (filter == NULL || GTK_IS_FILTER (filter));

  if (self->filter == filter)
    return;

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_func (self->filter, filter_changed_cb, self);
  g_set_object (&self->filter, filter);
  if (filter != NULL)
    g_signal_connect (filter, "changed", G_CALLBACK (filter_changed_cb), self);

  filter_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

/**
 * vonk_filter_model_get_pending:
 *
 * Returns: how many rows of the source are still to be filtered again
 *   after the filter changed; 0 when the list is the filter's result
 */
guint
vonk_filter_model_get_pending (VonkFilterModel *self)
{
  g_return_val_if_fail (VONK_IS_FILTER_MODEL (self), 0);

  if (self->old == NULL)
    return 0;

  return g_list_model_get_n_items (self->model) - self->scan;
}

/**
 * vonk_filter_model_finish:
 *
 * Filters what is still pending at once, for a caller that needs the
 * result now (Enter picking the first match of what was typed last).
 */
void
vonk_filter_model_finish (VonkFilterModel *self)
{
  g_return_if_fail (VONK_IS_FILTER_MODEL (self));

  if (self->old != NULL && run (self, G_MAXINT64))
    g_clear_handle_id (&self->idle_id, g_source_remove);
}

static void
vonk_filter_model_dispose (GObject *object)
{
  VonkFilterModel *self = VONK_FILTER_MODEL (object);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, source_items_changed_cb, self);
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_func (self->filter, filter_changed_cb, self);
  g_clear_object (&self->model);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (vonk_filter_model_parent_class)->dispose (object);
}

static void
vonk_filter_model_finalize (GObject *object)
{
  VonkFilterModel *self = VONK_FILTER_MODEL (object);

  g_array_unref (self->shown);
  g_clear_pointer (&self->old, g_array_unref);

  G_OBJECT_CLASS (vonk_filter_model_parent_class)->finalize (object);
}

static void
vonk_filter_model_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VonkFilterModel *self = VONK_FILTER_MODEL (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_FILTER:
      g_value_set_object (value, self->filter);
      break;

    case PROP_PENDING:
      g_value_set_uint (value, vonk_filter_model_get_pending (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vonk_filter_model_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  VonkFilterModel *self = VONK_FILTER_MODEL (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      vonk_filter_model_set_model (self, g_value_get_object (value));
      break;

    case PROP_FILTER:
      vonk_filter_model_set_filter (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vonk_filter_model_class_init (VonkFilterModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vonk_filter_model_dispose;
  object_class->finalize = vonk_filter_model_finalize;
  object_class->get_property = vonk_filter_model_get_property;
  object_class->set_property = vonk_filter_model_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL, GTK_TYPE_FILTER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PENDING] =
    g_param_spec_uint ("pending", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vonk_filter_model_init (VonkFilterModel *self)
{
  self->shown = g_array_new (FALSE, FALSE, sizeof (guint));
}
