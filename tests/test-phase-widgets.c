/* test-phase-widgets.c — the phase over time, and the phases per department
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real widgets under Xvfb, on a project made by vonk_phase_create_project()
 * with Vonk's own criteria, assessed on known days for the organisation and
 * two departments; today is fixed by VONK_TODAY. What is checked is what a
 * user reads: the sentence that describes the chart (its accessible label)
 * and the words in the grid. Every wait is for a condition, with a
 * time-out.
 */

#include "config.h"

#include "vonk-department-phases.h"
#include "vonk-phase-history.h"
#include "vonk-test-utils-gui.h"

typedef struct
{
  char        *dir;
  VonkStore   *store;
  VonkProject *project;
  gint64       sales_id;
  gint64       support_id;
  gint64       finance_id;
  GtkWindow   *window;
} Fixture;

/* Meets, on @day, every required criterion of @phase for @department_id (0
 * for the organisation). */
static void
meet_phase (Fixture    *fixture,
            VonkPhase   phase,
            gint64      department_id,
            const char *day)
{
  GListModel *criteria = vonk_project_get_list (fixture->project, VONK_TYPE_CRITERION);
  g_autoptr(GDate) assessed_on = vonk_date_parse (day);

  g_assert_nonnull (assessed_on);
  for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
    {
      g_autoptr(VonkEntity) criterion = g_list_model_get_item (criteria, i);
      g_autoptr(VonkEntity) assessment = NULL;
      g_autoptr(GError) error = NULL;

      if (vonk_entity_get_enum (criterion, "phase") != (int) phase ||
          !vonk_entity_get_boolean (criterion, "required"))
        continue;

      assessment = g_object_new (VONK_TYPE_ASSESSMENT,
                                 "criterion-id", vonk_entity_get_id (criterion),
                                 "department-id", department_id,
                                 "state", VONK_ASSESSMENT_MET,
                                 "assessed-on", assessed_on,
                                 NULL);
      vonk_project_add (fixture->project, assessment, &error);
      g_assert_no_error (error);
    }
}

static gint64
add_department (Fixture    *fixture,
                const char *name)
{
  return vonk_test_add (fixture->project, g_object_new (VONK_TYPE_DEPARTMENT, "name", name, NULL));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->store = vonk_test_store_new ("vonk-phase-widgets-XXXXXX", &fixture->dir, NULL);

  fixture->project = vonk_project_new ("Phases");
  vonk_phase_create_project (fixture->store, fixture->project, &error);
  g_assert_no_error (error);

  fixture->sales_id = add_department (fixture, "Sales");
  fixture->support_id = add_department (fixture, "Support");
  fixture->finance_id = add_department (fixture, "Finance");

  /* the organisation: Dialogue */
  meet_phase (fixture, VONK_PHASE_PRESENCE, 0, "2025-11-12");
  meet_phase (fixture, VONK_PHASE_DIALOGUE, 0, "2026-08-03");
  /* Sales: ahead, in Engagement */
  meet_phase (fixture, VONK_PHASE_PRESENCE, fixture->sales_id, "2026-01-15");
  meet_phase (fixture, VONK_PHASE_DIALOGUE, fixture->sales_id, "2026-03-01");
  meet_phase (fixture, VONK_PHASE_ENGAGEMENT, fixture->sales_id, "2026-06-10");
  /* Support: behind, in Presence; Finance: nothing assessed */
  meet_phase (fixture, VONK_PHASE_PRESENCE, fixture->support_id, "2026-02-01");

  fixture->window = vonk_test_window_new (1100, 700);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->project);
  vonk_test_close_store (&fixture->store);
  vonk_test_remove_recursively (fixture->dir);
  g_free (fixture->dir);
}

/* The phase over time */

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

static gboolean
label_is (GtkWidget  *widget,
          const char *expected)
{
  g_autofree char *difference =
    gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        expected);

  return difference == NULL;
}

static void
test_history_summary (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *widget = vonk_phase_history_new (fixture->project, 0);
  VonkPhaseHistory *history = VONK_PHASE_HISTORY (widget);
  const char *organisation = "Phase over time: Presence since 12 November 2025, "
                             "Dialogue since 3 August 2026";
  const char *engaged = "Phase over time: Presence since 12 November 2025, "
                        "Dialogue since 3 August 2026, Engagement since 20 November 2026";
  g_autofree char *notified = NULL;
  guint n_notified = 0;
  int minimum, natural;

  vonk_test_show (fixture->window, widget);

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_ROLE_IMG);
  g_assert_cmpstr (vonk_phase_history_get_summary (history), ==, organisation);
  g_assert_true (label_is (widget, organisation));

  /* room for the names of the phases and two dates, and a row for each */
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, >=, 200);
  g_assert_cmpint (minimum, <=, 600);
  g_assert_cmpint (natural, >=, minimum);
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, >=, 5 * 16);
  g_assert_cmpint (minimum, <=, 400);
  g_assert_cmpint (natural, >=, minimum);

  /* an assessment that changes nothing leaves the sentence as it is */
  g_signal_connect (widget, "notify::summary", G_CALLBACK (count_cb), &n_notified);
  meet_phase (fixture, VONK_PHASE_ENGAGEMENT, fixture->finance_id, "2026-11-20");
  g_assert_cmpstr (vonk_phase_history_get_summary (history), ==, organisation);
  g_assert_cmpuint (n_notified, ==, 0);

  /* the organisation reaches Engagement */
  meet_phase (fixture, VONK_PHASE_ENGAGEMENT, 0, "2026-11-20");
  g_assert_cmpstr (vonk_phase_history_get_summary (history), ==, engaged);
  WAIT_UNTIL (label_is (widget, engaged));
  g_object_get (widget, "summary", &notified, NULL);
  g_assert_cmpstr (notified, ==, engaged);
  g_assert_cmpuint (n_notified, ==, 1);
}

static void
test_history_department (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *widget = vonk_phase_history_new (fixture->project, fixture->sales_id);
  VonkPhaseHistory *history = VONK_PHASE_HISTORY (widget);
  const char *sales = "Phase over time: Presence since 15 January 2026, "
                      "Dialogue since 1 March 2026, Engagement since 10 June 2026";
  const char *support = "Phase over time: Presence since 1 February 2026";
  const char *support_later = "Phase over time: Presence since 1 February 2026, "
                              "Not yet present since 5 October 2026";
  const char *nothing = "Phase over time: nothing assessed yet";
  GListModel *criteria = vonk_project_get_list (fixture->project, VONK_TYPE_CRITERION);
  g_autoptr(VonkEntity) assessment = NULL;
  g_autoptr(GDate) day = vonk_date_parse ("2026-10-05");
  g_autoptr(GError) error = NULL;
  gint64 presence_id = 0;

  vonk_test_show (fixture->window, widget);
  g_assert_cmpstr (vonk_phase_history_get_summary (history), ==, sales);
  g_assert_true (label_is (widget, sales));

  g_object_set (widget, "department-id", fixture->support_id, NULL);
  g_assert_cmpstr (vonk_phase_history_get_summary (history), ==, support);
  WAIT_UNTIL (label_is (widget, support));

  vonk_phase_history_set_department_id (history, fixture->finance_id);
  g_assert_cmpstr (vonk_phase_history_get_summary (history), ==, nothing);
  WAIT_UNTIL (label_is (widget, nothing));

  /* Support falls back */
  vonk_phase_history_set_department_id (history, fixture->support_id);
  for (guint i = 0; i < g_list_model_get_n_items (criteria) && presence_id == 0; i++)
    {
      g_autoptr(VonkEntity) criterion = g_list_model_get_item (criteria, i);

      if (vonk_entity_get_enum (criterion, "phase") == VONK_PHASE_PRESENCE &&
          vonk_entity_get_boolean (criterion, "required"))
        presence_id = vonk_entity_get_id (criterion);
    }
  assessment = g_object_new (VONK_TYPE_ASSESSMENT,
                             "criterion-id", presence_id,
                             "department-id", fixture->support_id,
                             "state", VONK_ASSESSMENT_PARTLY,
                             "assessed-on", day,
                             NULL);
  vonk_project_add (fixture->project, assessment, &error);
  g_assert_no_error (error);
  WAIT_UNTIL (label_is (widget, support_later));
  g_assert_cmpstr (vonk_phase_history_get_summary (history), ==, support_later);

  /* and recovers when the assessment is deleted */
  vonk_project_remove (fixture->project, assessment, &error);
  g_assert_no_error (error);
  WAIT_UNTIL (label_is (widget, support));
}

/* The phases per department */

static GObject *
child (GtkWidget  *widget,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (widget, VONK_TYPE_DEPARTMENT_PHASES, name);

  g_assert_nonnull (object);
  return object;
}

static GtkWidget *
find_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label (c);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The cells on screen in the row whose first cell reads @name, or NULL. */
static GtkWidget *
row_cell (GtkWidget  *grid,
          const char *name)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  vonk_test_collect_labels (GTK_WIDGET (child (grid, "view")), labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);
      GtkWidget *cell = gtk_widget_get_parent (label);

      if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), name) == 0 &&
          gtk_widget_get_first_child (gtk_widget_get_parent (cell)) == cell)
        return cell;
    }

  return NULL;
}

/* The texts of the row of @name, joined by " | ". */
static char *
row_texts (GtkWidget  *grid,
           const char *name)
{
  g_autoptr(GStrvBuilder) texts = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  GtkWidget *first = row_cell (grid, name);

  if (first == NULL)
    return NULL;

  for (GtkWidget *c = first; c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *label = find_label (c);

      g_strv_builder_add (texts, label ? gtk_label_get_text (GTK_LABEL (label)) : "");
    }

  strv = g_strv_builder_end (texts);
  return g_strjoinv (" | ", strv);
}

static gboolean
row_reads (GtkWidget  *grid,
           const char *name,
           const char *expected)
{
  g_autofree char *texts = row_texts (grid, name);

  return g_strcmp0 (texts, expected) == 0;
}

/* The box of the cell in column @column of the row of @name. */
static GtkWidget *
mark (GtkWidget  *grid,
      const char *name,
      guint       column)
{
  GtkWidget *cell = row_cell (grid, name);

  g_assert_nonnull (cell);
  for (guint i = 0; i < column; i++)
    cell = gtk_widget_get_next_sibling (cell);

  return gtk_widget_get_parent (find_label (cell));
}

/* The departments in the order shown. */
static char *
order (GtkWidget *grid)
{
  GListModel *model = G_LIST_MODEL (child (grid, "sort_model"));
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VonkEntity) department = g_list_model_get_item (model, i);

      g_strv_builder_add (names, vonk_entity_get_string (department, "name"));
    }

  strv = g_strv_builder_end (names);
  return g_strjoinv (" ", strv);
}

static gboolean
order_is (GtkWidget  *grid,
          const char *expected)
{
  g_autofree char *names = order (grid);

  return g_strcmp0 (names, expected) == 0;
}

static void
test_grid_texts (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *grid = vonk_department_phases_new (fixture->project);

  vonk_test_show (fixture->window, grid);

  WAIT_UNTIL (row_reads (grid, "Sales", "Sales | Reached | Reached | Current | Not yet | Ahead"));
  g_assert_true (row_reads (grid, "Support",
                            "Support | Current | Not yet | Not yet | Not yet | Behind"));
  g_assert_true (row_reads (grid, "Finance",
                            "Finance | Not yet | Not yet | Not yet | Not yet | Behind"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (grid, "organisation_label"))), ==,
                   "The organisation as a whole is in the Dialogue phase.");

  /* marked in words and in style, not in colour alone */
  g_assert_true (gtk_widget_has_css_class (mark (grid, "Support", 5), "behind"));
  g_assert_true (gtk_widget_has_css_class (mark (grid, "Sales", 5), "ahead"));
  g_assert_true (gtk_widget_has_css_class (mark (grid, "Sales", 3), "current"));
  g_assert_true (gtk_widget_has_css_class (mark (grid, "Sales", 1), "reached"));
  g_assert_true (gtk_widget_has_css_class (mark (grid, "Finance", 1), "not-reached"));

  /* Support catches up with the organisation */
  meet_phase (fixture, VONK_PHASE_DIALOGUE, fixture->support_id, "2026-11-20");
  WAIT_UNTIL (row_reads (grid, "Support",
                         "Support | Reached | Current | Not yet | Not yet | Level"));
  g_assert_true (gtk_widget_has_css_class (mark (grid, "Support", 5), "level"));
  g_assert_false (gtk_widget_has_css_class (mark (grid, "Support", 5), "behind"));

  /* the organisation moves ahead of Support, level with Sales */
  meet_phase (fixture, VONK_PHASE_ENGAGEMENT, 0, "2026-11-21");
  WAIT_UNTIL (row_reads (grid, "Support",
                         "Support | Reached | Current | Not yet | Not yet | Behind"));
  g_assert_true (row_reads (grid, "Sales",
                            "Sales | Reached | Reached | Current | Not yet | Level"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (grid, "organisation_label"))), ==,
                   "The organisation as a whole is in the Engagement phase.");

  /* a new department starts with nothing */
  add_department (fixture, "Legal");
  WAIT_UNTIL (row_reads (grid, "Legal", "Legal | Not yet | Not yet | Not yet | Not yet | Behind"));
}

static void
test_grid_sorted (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *grid = vonk_department_phases_new (fixture->project);
  GtkColumnView *view = GTK_COLUMN_VIEW (child (grid, "view"));
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GtkColumnViewColumn) name = g_list_model_get_item (columns, 0);
  g_autoptr(GtkColumnViewColumn) dialogue = g_list_model_get_item (columns, 2);
  g_autoptr(GtkColumnViewColumn) comparison = g_list_model_get_item (columns, 5);

  vonk_test_show (fixture->window, grid);

  /* by name at first */
  g_assert_cmpstr (gtk_column_view_column_get_title (dialogue), ==, "Dialogue");
  g_assert_true (order_is (grid, "Finance Sales Support"));
  gtk_column_view_sort_by_column (view, name, GTK_SORT_DESCENDING);
  g_assert_true (order_is (grid, "Support Sales Finance"));

  /* by phase */
  gtk_column_view_sort_by_column (view, comparison, GTK_SORT_DESCENDING);
  g_assert_true (order_is (grid, "Sales Support Finance"));
  gtk_column_view_sort_by_column (view, dialogue, GTK_SORT_ASCENDING);
  g_assert_true (order_is (grid, "Finance Support Sales"));

  /* a department that moves up moves along */
  meet_phase (fixture, VONK_PHASE_PRESENCE, fixture->finance_id, "2026-11-20");
  meet_phase (fixture, VONK_PHASE_DIALOGUE, fixture->finance_id, "2026-11-20");
  WAIT_UNTIL (order_is (grid, "Support Finance Sales"));
}

/* Many departments fill the grid in over a few main-loop iterations, and
 * then every one is there, in order. */
static void
test_grid_many (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *grid;
  GListModel *shown;
  g_autoptr(VonkEntity) last = NULL;

  for (int i = 0; i < 57; i++)
    {
      g_autofree char *name = g_strdup_printf ("Department %02d", i);

      add_department (fixture, name);
    }

  grid = vonk_department_phases_new (fixture->project);
  shown = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (child (grid, "view"))));
  vonk_test_show (fixture->window, grid);
  WAIT_UNTIL (g_list_model_get_n_items (shown) == 60);

  last = g_list_model_get_item (shown, 59);
  g_assert_cmpstr (vonk_entity_get_string (last, "name"), ==, "Support");
  g_assert_true (row_reads (grid, "Department 00",
                            "Department 00 | Not yet | Not yet | Not yet | Not yet | Behind"));
}

static void
test_grid_empty (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(VonkProject) project = vonk_project_new ("Without departments");
  g_autoptr(VonkEntity) department = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *grid;
  GtkStack *stack;

  vonk_phase_create_project (fixture->store, project, &error);
  g_assert_no_error (error);
  grid = vonk_department_phases_new (project);
  stack = GTK_STACK (child (grid, "stack"));
  vonk_test_show (fixture->window, grid);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (grid, "organisation_label"))), ==,
                   "The organisation as a whole has not yet reached the Presence phase.");

  /* the project shown changes */
  vonk_department_phases_set_project (VONK_DEPARTMENT_PHASES (grid), fixture->project);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "grid");
  WAIT_UNTIL (row_reads (grid, "Sales", "Sales | Reached | Reached | Current | Not yet | Ahead"));

  vonk_department_phases_set_project (VONK_DEPARTMENT_PHASES (grid), project);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  department = g_object_new (VONK_TYPE_DEPARTMENT, "name", "First", NULL);
  vonk_project_add (project, department, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "grid");
  WAIT_UNTIL (row_reads (grid, "First", "First | Not yet | Not yet | Not yet | Not yet | Level"));
}

int
main (int   argc,
      char *argv[])
{
  vonk_test_init_gui (&argc, &argv, "2026-11-27");

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/phase-widgets/history/summary", test_history_summary);
  ADD ("/phase-widgets/history/department", test_history_department);
  ADD ("/phase-widgets/departments/texts", test_grid_texts);
  ADD ("/phase-widgets/departments/sorted", test_grid_sorted);
  ADD ("/phase-widgets/departments/many", test_grid_many);
  ADD ("/phase-widgets/departments/empty", test_grid_empty);

#undef ADD

  return g_test_run ();
}
