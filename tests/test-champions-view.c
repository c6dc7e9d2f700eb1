/* test-champions-view.c — the Champions view and its Promote form
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real widgets under Xvfb on the demo project. Every wait is for a
 * condition, with a time-out. What is saved is checked again in a store
 * opened afresh on the same file. Today is 27 November 2026 (VONK_TODAY).
 */

#include "config.h"

#include <string.h>

#include "vonk-champion-editor.h"
#include "vonk-champions-view.h"
#include "vonk-test-utils-gui.h"

typedef struct
{
  char        *dir;
  char        *path;
  VonkStore   *store;
  VonkProject *project;
  gint64       project_id;
  GtkWindow   *window;
  GtkWidget   *overlay;
  GtkWidget   *view;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDate) today = vonk_date_today ();
  g_autoptr(GError) error = NULL;

  fixture->store = vonk_test_store_new ("vonk-champions-XXXXXX", &fixture->dir, &fixture->path);
  fixture->project = g_object_ref (vonk_demo_create (fixture->store, today, &error));
  g_assert_no_error (error);
  fixture->project_id = vonk_entity_get_id (VONK_ENTITY (fixture->project));

  fixture->window = vonk_test_window_new (1200, 800);
  fixture->view = vonk_champions_view_new (fixture->project);
  fixture->overlay = vonk_test_show_with_toasts (fixture->window, fixture->view);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  vonk_test_destroy_windows ();
  g_clear_object (&fixture->project);
  g_clear_object (&fixture->store);
  vonk_test_remove_recursively (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static GObject *
child (gpointer    widget,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (widget, G_OBJECT_TYPE (widget), name);

  if (object == NULL)
    g_error ("no template child %s in %s", name, G_OBJECT_TYPE_NAME (widget));
  return object;
}

/* The texts of the labels in the row of @view whose first cell reads
 * @first, joined by "|", or NULL if there is no such row. */
static char *
row_texts (GtkWidget  *view,
           const char *first)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  vonk_test_collect_labels (view, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);
      GtkWidget *cell = gtk_widget_get_parent (label);
      GtkWidget *row = gtk_widget_get_parent (cell);
      g_autoptr(GPtrArray) row_labels = g_ptr_array_new ();
      g_autoptr(GStrvBuilder) texts = NULL;
      g_auto(GStrv) strv = NULL;

      if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), first) != 0 ||
          gtk_widget_get_first_child (row) != cell)
        continue;

      texts = g_strv_builder_new ();
      vonk_test_collect_labels (row, row_labels);
      for (guint j = 0; j < row_labels->len; j++)
        g_strv_builder_add (texts, gtk_label_get_text (g_ptr_array_index (row_labels, j)));
      strv = g_strv_builder_end (texts);
      return g_strjoinv ("|", strv);
    }

  return NULL;
}

static const char *
coverage_word (VonkCoverage coverage)
{
  return coverage == VONK_COVERAGE_COVERED ? "Covered"
         : coverage == VONK_COVERAGE_NONE ? "None" : "Under target";
}

static void
test_coverage (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GArray) rows = vonk_champions_coverage_by_department (fixture->project, 50);
  const VonkCoverageRow *first;
  VonkEntity *department;
  const char *name;
  g_autofree char *texts = NULL;
  g_autofree char *numbers = NULL;
  GListModel *model = G_LIST_MODEL (child (fixture->view, "department_rows"));

  g_assert_cmpuint (rows->len, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, rows->len);
  first = &g_array_index (rows, VonkCoverageRow, 0);
  department = vonk_project_lookup (fixture->project, VONK_TYPE_DEPARTMENT, first->id);
  name = vonk_entity_get_string (department, "name");

  g_assert_true (vonk_test_has_label (fixture->view, "Target: one champion per 50 employees"));
  WAIT_UNTIL ((texts = row_texts (GTK_WIDGET (child (fixture->view, "department_view")),
                                  name)) != NULL);
  g_test_message ("first row: %s", texts);
  g_assert_true (g_str_has_prefix (texts, name));
  numbers = g_strdup_printf ("|%u|%u|%u|%s", first->headcount, first->champions, first->needed,
                             coverage_word (first->coverage));
  g_assert_nonnull (strstr (texts, numbers));
}

static VonkEntity *
first_non_champion (VonkProject *project)
{
  GListModel *people = vonk_project_get_list (project, VONK_TYPE_PERSON);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(VonkEntity) person = g_list_model_get_item (people, i);

      if (vonk_entity_get_enum (person, "champion") == VONK_CHAMPION_NONE &&
          vonk_entity_get_int64 (person, "department-id") != 0)
        return person; /* the list keeps it alive */
    }

  g_assert_not_reached ();
}

static void
select_person (Fixture    *fixture,
               gint64      id)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (child (fixture->view, "champion_selection"));
  GListModel *model = G_LIST_MODEL (selection);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VonkEntity) person = g_list_model_get_item (model, i);

      if (vonk_entity_get_id (person) == id)
        {
          gtk_single_selection_set_selected (selection, i);
          return;
        }
    }

  g_assert_not_reached ();
}

static void
test_promote_and_step_down (Fixture       *fixture,
                            gconstpointer  data)
{
  VonkEntity *person = first_non_champion (fixture->project);
  gint64 person_id = vonk_entity_get_id (person);
  g_autofree char *name = g_strdup (vonk_entity_get_string (person, "name"));
  g_autoptr(GDate) today = vonk_date_today ();
  GtkWidget *editor;
  GtkWidget *warning;
  VonkProject *project;

  gtk_widget_activate_action (fixture->view, "champions.promote", NULL);
  WAIT_UNTIL ((editor = vonk_test_find_window (VONK_TYPE_CHAMPION_EDITOR)) != NULL);

  /* since today unless changed; no warning for a volunteer */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (editor, "since_row"))), ==,
                   "27-11-2026");
  warning = GTK_WIDGET (child (editor, "warning_label"));
  g_assert_false (gtk_widget_is_visible (warning));

  vonk_test_choose (ADW_COMBO_ROW (child (editor, "person_row")), name);
  vonk_test_choose (ADW_COMBO_ROW (child (editor, "joined_row")), "Nominated by a manager");
  g_assert_true (gtk_widget_is_visible (warning));
  vonk_test_choose (ADW_COMBO_ROW (child (editor, "joined_row")), "Volunteered");
  g_assert_false (gtk_widget_is_visible (warning));
  vonk_test_choose (ADW_COMBO_ROW (child (editor, "joined_row")), "Nominated by a manager");
  g_assert_true (gtk_widget_is_visible (warning));

  g_signal_emit_by_name (child (editor, "save_button"), "clicked");
  WAIT_UNTIL (vonk_test_find_window (VONK_TYPE_CHAMPION_EDITOR) == NULL);

  person = vonk_project_lookup (fixture->project, VONK_TYPE_PERSON, person_id);
  g_assert_cmpint (vonk_entity_get_enum (person, "champion"), ==, VONK_CHAMPION_ACTIVE);
  g_assert_cmpint (vonk_entity_get_enum (person, "champion-joined"), ==,
                   VONK_JOINED_MANAGER_NOMINATED);
  g_assert_cmpint (g_date_compare (vonk_entity_get_date (person, "champion-since"), today), ==, 0);

  /* in the list, active */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (child (fixture->view, "stack")),
                                         "champions");
  WAIT_UNTIL (vonk_test_has_label (GTK_WIDGET (child (fixture->view, "champion_view")), name));

  /* it persists */
  gtk_window_destroy (fixture->window);
  fixture->window = NULL;
  project = vonk_test_reopen (&fixture->store, &fixture->project, fixture->path,
                              fixture->project_id);
  person = vonk_project_lookup (project, VONK_TYPE_PERSON, person_id);
  g_assert_cmpint (vonk_entity_get_enum (person, "champion"), ==, VONK_CHAMPION_ACTIVE);
  g_assert_cmpint (vonk_entity_get_enum (person, "champion-joined"), ==,
                   VONK_JOINED_MANAGER_NOMINATED);

  /* step down in a view on the reopened project */
  fixture->window = vonk_test_window_new (1200, 800);
  fixture->view = vonk_champions_view_new (project);
  fixture->overlay = vonk_test_show_with_toasts (fixture->window, fixture->view);
  select_person (fixture, person_id);
  g_assert_true (gtk_widget_activate_action (fixture->view, "champions.step-down", NULL));

  person = vonk_project_lookup (project, VONK_TYPE_PERSON, person_id);
  g_assert_cmpint (vonk_entity_get_enum (person, "champion"), ==, VONK_CHAMPION_ALUMNUS);
  g_assert_cmpint (g_date_compare (vonk_entity_get_date (person, "champion-since"), today), ==, 0);
  g_assert_cmpint (g_date_compare (vonk_entity_get_date (person, "champion-until"), today), ==, 0);

  gtk_window_destroy (fixture->window);
  fixture->window = NULL;
  project = vonk_test_reopen (&fixture->store, &fixture->project, fixture->path,
                              fixture->project_id);
  person = vonk_project_lookup (project, VONK_TYPE_PERSON, person_id);
  g_assert_cmpint (vonk_entity_get_enum (person, "champion"), ==, VONK_CHAMPION_ALUMNUS);
  g_assert_cmpint (g_date_compare (vonk_entity_get_date (person, "champion-since"), today), ==, 0);
}

static void
test_funnel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GArray) funnel = vonk_champions_funnel (fixture->project);
  const VonkFunnelRow *org = &g_array_index (funnel, VonkFunnelRow, 0);
  GtkWidget *box = GTK_WIDGET (child (fixture->view, "funnel_box"));
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint stage = 0;

  g_assert_cmpint (org->department_id, ==, 0);
  g_assert_cmpuint (org->counts[VONK_FUNNEL_INVITED], >, 0);

  /* the figures in order, each above its stage's name */
  vonk_test_collect_labels (box, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = gtk_label_get_text (g_ptr_array_index (labels, i));
      g_autofree char *figure = NULL;

      if (stage >= VONK_FUNNEL_N_STAGES)
        break;
      figure = g_strdup_printf ("%u", org->counts[stage]);
      if (g_strcmp0 (text, figure) == 0)
        stage++;
    }
  g_assert_cmpuint (stage, ==, VONK_FUNNEL_N_STAGES);
  g_assert_true (vonk_test_has_label (box, "Invited"));
  g_assert_true (vonk_test_has_label (box, "Champion"));
}

int
main (int   argc,
      char *argv[])
{
  vonk_test_init_gui (&argc, &argv, "2026-11-27");

  g_test_add ("/champions-view/coverage", Fixture, NULL, fixture_set_up, test_coverage,
              fixture_tear_down);
  g_test_add ("/champions-view/promote-step-down", Fixture, NULL, fixture_set_up,
              test_promote_and_step_down, fixture_tear_down);
  g_test_add ("/champions-view/funnel", Fixture, NULL, fixture_set_up, test_funnel,
              fixture_tear_down);

  return g_test_run ();
}
