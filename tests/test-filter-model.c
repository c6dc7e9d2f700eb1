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
#include "vonk-person-search.h"
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

  /* a long pass shows the first rows it finds before it ends */
  {
    guint signals = fixture->n_signals;

    search (fixture, "3", GTK_FILTER_CHANGE_MORE_STRICT);
    WAIT_UNTIL (fixture->n_signals > signals || pending (fixture) == 0);
    g_assert_cmpuint (pending (fixture), >, 0);
    search (fixture, NULL, GTK_FILTER_CHANGE_LESS_STRICT);
    assert_filtered (fixture);
  }

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

/* The person search of the session forms, over the same model */

static void
picked_cb (VonkPersonSearch *search,
           VonkPerson              *person,
           VonkEntity             **picked)
{
  g_set_object (picked, VONK_ENTITY (person));
}

static void
type_and_wait (GtkEditable *entry,
               GListModel  *matches,
               const char  *text,
               guint        expected)
{
  gtk_editable_set_text (entry, text);
  WAIT_UNTIL (vonk_filter_model_get_pending (VONK_FILTER_MODEL (matches)) == 0 &&
              g_list_model_get_n_items (matches) == expected);
}

static void
test_person_search (void)
{
  g_autofree char *dir = NULL, *path = NULL;
  g_autoptr(VonkStore) store = vonk_test_store_new ("vonk-person-search-XXXXXX", &dir, &path);
  g_autoptr(VonkProject) project = vonk_project_new ("Test");
  g_autoptr(VonkEntity) picked = NULL;
  g_autoptr(VonkEntity) copy = NULL;
  g_autoptr(GError) error = NULL;
  const char *names[] = { "Zoë Bakker", "Zoe Visser", "ZOË JANSEN", "Anna de Vries", "Bram Zoet" };
  VonkPersonSearch *search;
  GtkEditable *entry = NULL;
  GListModel *matches;
  GtkWindow *window;

  vonk_test_create_project (store, project);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    vonk_test_add (project, g_object_new (VONK_TYPE_PERSON, "name", names[i], NULL));

  window = vonk_test_window_new (400, 400);
  search = VONK_PERSON_SEARCH (vonk_person_search_new ());
  vonk_person_search_set_project (search, project);
  g_signal_connect (search, "person-picked", G_CALLBACK (picked_cb), &picked);
  vonk_test_show (window, GTK_WIDGET (search));
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (search)); c;
       c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_SEARCH_ENTRY (c))
      entry = GTK_EDITABLE (c);
  matches = vonk_person_search_get_matches (search);

  /* nothing typed lists nobody */
  g_assert_cmpuint (g_list_model_get_n_items (matches), ==, 0);

  /* names, ignoring case but not accents, as typing grows and shrinks */
  type_and_wait (entry, matches, "z", 4);
  type_and_wait (entry, matches, "zoë", 2);
  g_assert_true (vonk_test_has_label (GTK_WIDGET (search), "Zoë Bakker"));
  g_assert_true (vonk_test_has_label (GTK_WIDGET (search), "ZOË JANSEN"));
  g_assert_false (vonk_test_has_label (GTK_WIDGET (search), "Zoe Visser"));
  type_and_wait (entry, matches, "ZOË J", 1);
  type_and_wait (entry, matches, "zo", 4);
  type_and_wait (entry, matches, "", 0);

  /* a name changed: the search finds the new one */
  copy = vonk_entity_copy (vonk_project_lookup (project, VONK_TYPE_PERSON, 4));
  g_assert_cmpstr (vonk_entity_get_string (copy, "name"), ==, "Anna de Vries");
  g_object_set (copy, "name", "Zoë de Vries", NULL);
  vonk_project_save (project, copy, &error);
  g_assert_no_error (error);
  type_and_wait (entry, matches, "zoë", 3);

  /* Enter picks the first match of what was typed last, even before the
   * search entry's typing delay has passed */
  gtk_editable_set_text (entry, "de vries");
  g_signal_emit_by_name (entry, "activate");
  g_assert_nonnull (picked);
  g_assert_cmpstr (vonk_entity_get_string (picked, "name"), ==, "Zoë de Vries");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");

  vonk_test_destroy_windows ();
  g_clear_object (&project);
  g_clear_object (&store);
  vonk_test_remove_recursively (dir);
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
  g_test_add_func ("/person-search/typed", test_person_search);

  return g_test_run ();
}
