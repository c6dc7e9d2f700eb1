/* test-filter-model.c — the filter model the long searches use
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list of 60,000 strings is filtered as a search that grows, shrinks,
 * changes while a pass is under way and sees its source change under it.
 * A mirror list, kept only from the items-changed signals, must hold what
 * the model holds after every signal, and the model must end with exactly
 * the matching items, in source order.
 */

#include "config.h"

#include <string.h>

#include "vonk-filter-model.h"
#include "vonk-test-utils-gui.h"

#define N_ITEMS 60000

typedef struct
{
  GListStore      *source;
  GtkCustomFilter *filter;
  VonkFilterModel *model;
  char            *needle;
  GPtrArray       *mirror;   /* of GtkStringObject, as items-changed told */
  guint            n_signals;
  guint            least;    /* the fewest rows the list had during a pass */
} Fixture;

static gboolean
match_cb (gpointer item,
          gpointer user_data)
{
  Fixture *fixture = user_data;

  return fixture->needle == NULL ||
         strstr (gtk_string_object_get_string (item), fixture->needle) != NULL;
}

/* Keeps the mirror as the signal says, and checks it against the model. */
static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  g_assert_cmpuint (position + removed, <=, fixture->mirror->len);
  g_ptr_array_remove_range (fixture->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (fixture->mirror, position + i, g_list_model_get_item (model, position + i));

  g_assert_cmpuint (fixture->mirror->len, ==, g_list_model_get_n_items (model));
  fixture->n_signals++;
  fixture->least = MIN (fixture->least, fixture->mirror->len);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->source = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  for (guint i = 0; i < N_ITEMS; i++)
    {
      g_autofree char *text = g_strdup_printf ("item %05u", i);
      g_autoptr(GtkStringObject) item = gtk_string_object_new (text);

      g_list_store_append (fixture->source, item);
    }

  fixture->filter = gtk_custom_filter_new (match_cb, fixture, NULL);
  fixture->model = vonk_filter_model_new (g_object_ref (G_LIST_MODEL (fixture->source)),
                                          g_object_ref (GTK_FILTER (fixture->filter)));
  fixture->mirror = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (fixture->model)); i++)
    g_ptr_array_add (fixture->mirror, g_list_model_get_item (G_LIST_MODEL (fixture->model), i));
  g_signal_connect (fixture->model, "items-changed", G_CALLBACK (items_changed_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_object_unref (fixture->model);
  g_object_unref (fixture->filter);
  g_object_unref (fixture->source);
  g_ptr_array_unref (fixture->mirror);
  g_free (fixture->needle);
}

static guint
n_shown (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (fixture->model));
}

static guint
pending (Fixture *fixture)
{
  return vonk_filter_model_get_pending (fixture->model);
}

/* Sets the search to @needle, telling the filter how it changed. */
static void
search (Fixture         *fixture,
        const char      *needle,
        GtkFilterChange  change)
{
  g_free (fixture->needle);
  fixture->needle = g_strdup (needle);
  fixture->least = n_shown (fixture);
  gtk_filter_changed (GTK_FILTER (fixture->filter), change);
}

/* Waits for the pass to end, then checks that the model and the mirror
 * hold exactly the source items that match, in source order. */
static void
assert_filtered (Fixture *fixture)
{
  GListModel *source = G_LIST_MODEL (fixture->source);
  guint shown = 0;

  WAIT_UNTIL (pending (fixture) == 0);

  for (guint i = 0; i < g_list_model_get_n_items (source); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (source, i);

      if (!match_cb (item, fixture))
        continue;

      g_assert_cmpuint (shown, <, n_shown (fixture));
      {
        g_autoptr(GtkStringObject) in_model = g_list_model_get_item (G_LIST_MODEL (fixture->model),
                                                                     shown);

        g_assert_true (in_model == item);
        g_assert_true (g_ptr_array_index (fixture->mirror, shown) == (gpointer) item);
      }
      shown++;
    }

  g_assert_cmpuint (shown, ==, n_shown (fixture));
  g_assert_cmpuint (fixture->mirror->len, ==, shown);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (fixture->model), shown));
}

static void
test_typed (Fixture       *fixture,
            gconstpointer  data)
{
  guint before;

  g_assert_cmpuint (n_shown (fixture), ==, N_ITEMS);

  /* a search that grows: never fewer rows on the way than at the end, and
   * the work is spread over several signals */
  search (fixture, "1", GTK_FILTER_CHANGE_MORE_STRICT);
  assert_filtered (fixture);
  before = n_shown (fixture);
  g_assert_cmpuint (before, <, N_ITEMS);

  search (fixture, "12", GTK_FILTER_CHANGE_MORE_STRICT);
  assert_filtered (fixture);
  g_assert_cmpuint (fixture->least, >=, n_shown (fixture));

  search (fixture, "123", GTK_FILTER_CHANGE_MORE_STRICT);
  assert_filtered (fixture);
  g_assert_cmpuint (fixture->least, >=, n_shown (fixture));

  /* and shrinks again: never fewer rows on the way than before */
  before = n_shown (fixture);
  search (fixture, "12", GTK_FILTER_CHANGE_LESS_STRICT);
  assert_filtered (fixture);
  g_assert_cmpuint (fixture->least, >=, before);

  search (fixture, NULL, GTK_FILTER_CHANGE_LESS_STRICT);
  assert_filtered (fixture);
  g_assert_cmpuint (n_shown (fixture), ==, N_ITEMS);

  /* nothing matches */
  search (fixture, "nothing", GTK_FILTER_CHANGE_DIFFERENT);
  assert_filtered (fixture);
  g_assert_cmpuint (n_shown (fixture), ==, 0);

  search (fixture, "99", GTK_FILTER_CHANGE_DIFFERENT);
  assert_filtered (fixture);
  g_assert_cmpuint (n_shown (fixture), ==, 1680);
}

/* A filter that takes its time, so that passes span many slices. */
static gboolean
slow_match_cb (gpointer item,
               gpointer user_data)
{
  gint64 until = g_get_monotonic_time () + 2;

  while (g_get_monotonic_time () < until)
    ;

  return match_cb (item, user_data);
}

static void
test_interrupted (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_custom_filter_set_filter_func (fixture->filter, slow_match_cb, fixture, NULL);
  assert_filtered (fixture);

  /* a pass is under way when the next keystroke comes */
  search (fixture, "4", GTK_FILTER_CHANGE_MORE_STRICT);
  g_assert_cmpuint (pending (fixture), >, 0);
  search (fixture, "45", GTK_FILTER_CHANGE_MORE_STRICT);
  g_assert_cmpuint (pending (fixture), >, 0);
  assert_filtered (fixture);

  /* of the other kind: every row may change */
  search (fixture, "5", GTK_FILTER_CHANGE_MORE_STRICT);
  g_assert_cmpuint (pending (fixture), >, 0);
  g_main_context_iteration (NULL, FALSE);
  search (fixture, "4", GTK_FILTER_CHANGE_DIFFERENT);
  assert_filtered (fixture);

  search (fixture, "45", GTK_FILTER_CHANGE_MORE_STRICT);
  g_main_context_iteration (NULL, FALSE);
  search (fixture, "4", GTK_FILTER_CHANGE_LESS_STRICT);
  g_main_context_iteration (NULL, FALSE);
  search (fixture, "4", GTK_FILTER_CHANGE_MORE_STRICT);
  assert_filtered (fixture);
  g_assert_cmpuint (fixture->n_signals, >, 10);
}

static void
test_source_changed (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GtkStringObject) added = gtk_string_object_new ("item 77777");
  g_autoptr(GtkStringObject) other = gtk_string_object_new ("other");

  gtk_custom_filter_set_filter_func (fixture->filter, slow_match_cb, fixture, NULL);
  search (fixture, "7", GTK_FILTER_CHANGE_MORE_STRICT);
  g_assert_cmpuint (pending (fixture), >, 0);

  /* rows added, removed and replaced while the pass runs */
  g_list_store_insert (fixture->source, 0, added);
  g_list_store_remove (fixture->source, 100);
  g_list_store_splice (fixture->source, 40000, 3, (gpointer *) &other, 1);
  g_list_store_append (fixture->source, added);
  g_assert_cmpuint (pending (fixture), >, 0);
  assert_filtered (fixture);

  /* and when none runs */
  g_list_store_remove (fixture->source, 0);
  g_list_store_splice (fixture->source, 10, 5000, NULL, 0);
  assert_filtered (fixture);

  /* a new source, a filter removed */
  vonk_filter_model_set_filter (fixture->model, NULL);
  g_free (g_steal_pointer (&fixture->needle));
  assert_filtered (fixture);
  g_assert_cmpuint (n_shown (fixture), ==, g_list_model_get_n_items (G_LIST_MODEL (fixture->source)));
  vonk_filter_model_set_model (fixture->model, NULL);
  g_assert_cmpuint (n_shown (fixture), ==, 0);
  g_assert_cmpuint (fixture->mirror->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  vonk_test_init_gui (&argc, &argv, NULL);

  g_test_add ("/filter-model/typed", Fixture, NULL, fixture_set_up, test_typed,
              fixture_tear_down);
  g_test_add ("/filter-model/interrupted", Fixture, NULL, fixture_set_up, test_interrupted,
              fixture_tear_down);
  g_test_add ("/filter-model/source-changed", Fixture, NULL, fixture_set_up,
              test_source_changed, fixture_tear_down);

  return g_test_run ();
}
