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
#include "vonk-funnel-chart.h"
#include "vonk-links-matrix.h"
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

/* The numbers of @department_id's row in the core's coverage, as the view
 * shows them after the name: "|230|1|5|Under target". */
static char *
coverage_numbers (VonkProject *project,
                  gint64       department_id)
{
  g_autoptr(GArray) rows = vonk_champions_coverage_by_department (project, 50);

  for (guint i = 0; i < rows->len; i++)
    {
      const VonkCoverageRow *row = &g_array_index (rows, VonkCoverageRow, i);

      if (row->id == department_id)
        return g_strdup_printf ("|%u|%u|%u|%s", row->headcount, row->champions, row->needed,
                                coverage_word (row->coverage));
    }

  g_assert_not_reached ();
}

static guint
active_champions_in (VonkProject *project,
                     gint64       department_id)
{
  g_autoptr(GArray) rows = vonk_champions_coverage_by_department (project, 50);

  for (guint i = 0; i < rows->len; i++)
    if (g_array_index (rows, VonkCoverageRow, i).id == department_id)
      return g_array_index (rows, VonkCoverageRow, i).champions;

  g_assert_not_reached ();
}

/* The department's row in the view shows @numbers. */
static gboolean
coverage_row_shows (Fixture    *fixture,
                    const char *department,
                    const char *numbers)
{
  g_autofree char *texts = row_texts (GTK_WIDGET (child (fixture->view, "department_view")),
                                      department);

  return texts != NULL && strstr (texts, numbers) != NULL;
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
  /* the sections are filled after the first frame */
  WAIT_UNTIL (g_list_model_get_n_items (model) == rows->len);
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

static VonkProject *
reopen_project (Fixture *fixture)
{
  gtk_window_destroy (fixture->window);
  fixture->window = NULL;
  return vonk_test_reopen (&fixture->store, &fixture->project, fixture->path,
                           fixture->project_id);
}

static void
test_promote_and_step_down (Fixture       *fixture,
                            gconstpointer  data)
{
  VonkEntity *person = first_non_champion (fixture->project);
  gint64 person_id = vonk_entity_get_id (person);
  g_autofree char *name = g_strdup (vonk_entity_get_string (person, "name"));
  gint64 department_id = vonk_entity_get_int64 (person, "department-id");
  g_autofree char *department = g_strdup (vonk_entity_get_string (
    vonk_project_lookup (fixture->project, VONK_TYPE_DEPARTMENT, department_id), "name"));
  g_autofree char *before = coverage_numbers (fixture->project, department_id);
  g_autofree char *after = NULL;
  guint champions_before = active_champions_in (fixture->project, department_id);
  g_autoptr(GDate) today = vonk_date_today ();
  GtkWidget *editor;
  GtkWidget *warning;
  VonkProject *project;

  WAIT_UNTIL (coverage_row_shows (fixture, department, before));

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

  /* the coverage view changes: one more champion in the department */
  g_assert_cmpuint (active_champions_in (fixture->project, department_id), ==,
                    champions_before + 1);
  after = coverage_numbers (fixture->project, department_id);
  g_test_message ("%s: %s → %s", department, before, after);
  g_assert_cmpstr (before, !=, after);
  WAIT_UNTIL (coverage_row_shows (fixture, department, after));

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

/* The drawn funnel shows the organisation's numbers, and a department's
 * when chosen; its text alternative says the same. */
static void
test_funnel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GArray) funnel = vonk_champions_funnel (fixture->project);
  const VonkFunnelRow *org = &g_array_index (funnel, VonkFunnelRow, 0);
  VonkFunnelChart *chart = VONK_FUNNEL_CHART (child (fixture->view, "funnel_chart"));
  GtkDropDown *dropdown = GTK_DROP_DOWN (child (fixture->view, "funnel_dropdown"));
  const VonkFunnelRow *department = NULL;
  g_autofree char *invited = NULL;
  g_autofree char *champions = NULL;
  guint position = 0;

  g_assert_cmpint (org->department_id, ==, 0);
  g_assert_cmpuint (org->counts[VONK_FUNNEL_INVITED], >, 0);
  WAIT_UNTIL (vonk_funnel_chart_get_count (chart, VONK_FUNNEL_INVITED) ==
              org->counts[VONK_FUNNEL_INVITED]);
  for (int s = 0; s < VONK_FUNNEL_N_STAGES; s++)
    g_assert_cmpuint (vonk_funnel_chart_get_count (chart, s), ==, org->counts[s]);
  invited = g_strdup_printf ("Invited: %u;", org->counts[VONK_FUNNEL_INVITED]);
  g_assert_nonnull (strstr (vonk_funnel_chart_get_summary (chart), invited));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       vonk_funnel_chart_get_summary (chart));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_ROLE_IMG);

  /* a department whose numbers differ from the organisation's */
  for (guint i = 1; i < funnel->len && department == NULL; i++)
    if (g_array_index (funnel, VonkFunnelRow, i).counts[VONK_FUNNEL_CHAMPION] > 0)
      {
        department = &g_array_index (funnel, VonkFunnelRow, i);
        position = i;
      }
  g_assert_nonnull (department);
  g_assert_cmpuint (department->counts[VONK_FUNNEL_INVITED], <,
                    org->counts[VONK_FUNNEL_INVITED]);

  gtk_drop_down_set_selected (dropdown, position);
  WAIT_UNTIL (vonk_funnel_chart_get_count (chart, VONK_FUNNEL_INVITED) ==
              department->counts[VONK_FUNNEL_INVITED]);
  for (int s = 0; s < VONK_FUNNEL_N_STAGES; s++)
    g_assert_cmpuint (vonk_funnel_chart_get_count (chart, s), ==, department->counts[s]);
  champions = g_strdup_printf ("Champion: %u (", department->counts[VONK_FUNNEL_CHAMPION]);
  g_assert_nonnull (strstr (vonk_funnel_chart_get_summary (chart), champions));

  /* the department stays chosen when something changes */
  vonk_test_add (fixture->project, g_object_new (VONK_TYPE_STORY, "title", "A win", NULL));
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, position);
  g_assert_cmpuint (vonk_funnel_chart_get_count (chart, VONK_FUNNEL_INVITED), ==,
                    department->counts[VONK_FUNNEL_INVITED]);
}

/* The chart shows the core's count of the organisation, all stages. */
static gboolean
chart_shows_funnel (Fixture *fixture)
{
  VonkFunnelChart *chart = VONK_FUNNEL_CHART (child (fixture->view, "funnel_chart"));
  g_autoptr(GArray) funnel = vonk_champions_funnel (fixture->project);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (child (fixture->view,
                                                                       "funnel_stack"))),
                 "chart") != 0)
    return FALSE;
  for (int s = 0; s < VONK_FUNNEL_N_STAGES; s++)
    if (vonk_funnel_chart_get_count (chart, s) !=
        g_array_index (funnel, VonkFunnelRow, 0).counts[s])
      return FALSE;

  return TRUE;
}

static VonkEntity *
first_session_of_kind (VonkProject     *project,
                       VonkSessionKind  kind)
{
  GListModel *sessions = vonk_project_get_list (project, VONK_TYPE_SESSION);

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(VonkEntity) session = g_list_model_get_item (sessions, i);

      if (vonk_entity_get_enum (session, "kind") == (int) kind)
        return session; /* the list keeps it alive */
    }

  g_assert_not_reached ();
}

/* The funnel is counted after the first frame: until then the chart's
 * place says it is being counted and the department cannot be chosen;
 * then the chart and its text alternative show the figures, which
 * follow an invitation and a change of status. */
static void
test_funnel_counted (Fixture       *fixture,
                     gconstpointer  data)
{
  VonkFunnelChart *chart = VONK_FUNNEL_CHART (child (fixture->view, "funnel_chart"));
  GtkStack *stack = GTK_STACK (child (fixture->view, "funnel_stack"));
  GtkWidget *dropdown = GTK_WIDGET (child (fixture->view, "funnel_dropdown"));
  VonkEntity *session = first_session_of_kind (fixture->project, VONK_SESSION_INSPIRATION);
  g_autoptr(VonkEntity) person = NULL;
  g_autoptr(GArray) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *invited = NULL;
  VonkEntity *row;
  gint64 row_id;

  /* the same project again: counted anew */
  WAIT_UNTIL (chart_shows_funnel (fixture));
  vonk_view_set_project (VONK_VIEW (fixture->view), NULL);
  vonk_view_set_project (VONK_VIEW (fixture->view), fixture->project);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "counting");
  g_assert_true (vonk_test_has_label (GTK_WIDGET (stack), "Counting the funnel…"));
  g_assert_false (gtk_widget_get_sensitive (dropdown));

  WAIT_UNTIL (chart_shows_funnel (fixture));
  g_assert_true (gtk_widget_get_sensitive (dropdown));
  before = vonk_champions_funnel (fixture->project);
  invited = g_strdup_printf ("Invited: %u;",
                             g_array_index (before, VonkFunnelRow, 0).counts[VONK_FUNNEL_INVITED]);
  g_assert_nonnull (strstr (vonk_funnel_chart_get_summary (chart), invited));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       vonk_funnel_chart_get_summary (chart));

  /* someone new invited to an inspiration session: one more invited */
  person = g_object_new (VONK_TYPE_PERSON, "name", "Nina Nieuw", NULL);
  vonk_test_add (fixture->project, g_object_ref (person));
  row_id = vonk_test_add (fixture->project,
                          g_object_new (VONK_TYPE_ATTENDANCE,
                                        "session-id", vonk_entity_get_id (session),
                                        "person-id", vonk_entity_get_id (person),
                                        "status", VONK_ATTENDANCE_INVITED,
                                        NULL));
  WAIT_UNTIL (vonk_funnel_chart_get_count (chart, VONK_FUNNEL_INVITED) ==
              g_array_index (before, VonkFunnelRow, 0).counts[VONK_FUNNEL_INVITED] + 1);
  g_assert_true (chart_shows_funnel (fixture));

  /* who then attended, enthusiastic */
  row = vonk_project_lookup (fixture->project, VONK_TYPE_ATTENDANCE, row_id);
  g_assert_true (vonk_sessions_set_status (fixture->project, VONK_ATTENDANCE (row),
                                           VONK_ATTENDANCE_ATTENDED, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (vonk_sessions_set_enthusiasm (fixture->project, VONK_ATTENDANCE (row), TRUE, 0,
                                               &error));
  g_assert_no_error (error);
  WAIT_UNTIL (vonk_funnel_chart_get_count (chart, VONK_FUNNEL_ENTHUSIASTIC) ==
              g_array_index (before, VonkFunnelRow, 0).counts[VONK_FUNNEL_ENTHUSIASTIC] + 1);
  g_assert_cmpuint (vonk_funnel_chart_get_count (chart, VONK_FUNNEL_ATTENDED), ==,
                    g_array_index (before, VonkFunnelRow, 0).counts[VONK_FUNNEL_ATTENDED] + 1);
  g_assert_true (chart_shows_funnel (fixture));
}

/* A demo champion steps down and comes back with Undo, their history
 * intact; the coverage follows both ways. */
static void
test_step_down_undo (Fixture       *fixture,
                     gconstpointer  data)
{
  GListModel *people = vonk_project_get_list (fixture->project, VONK_TYPE_PERSON);
  VonkEntity *person = NULL;
  g_autoptr(GDate) since = NULL;
  g_autofree char *name = NULL;
  g_autofree char *department = NULL;
  g_autofree char *active = NULL;
  g_autofree char *stepped_down = NULL;
  g_autofree char *toast = NULL;
  gint64 person_id, department_id;
  VonkProject *project;

  for (guint i = 0; i < g_list_model_get_n_items (people) && person == NULL; i++)
    {
      g_autoptr(VonkEntity) p = g_list_model_get_item (people, i);

      if (vonk_entity_get_enum (p, "champion") == VONK_CHAMPION_ACTIVE)
        person = p;
    }
  g_assert_nonnull (person);
  person_id = vonk_entity_get_id (person);
  department_id = vonk_entity_get_int64 (person, "department-id");
  name = g_strdup (vonk_entity_get_string (person, "name"));
  department = g_strdup (vonk_entity_get_string (
    vonk_project_lookup (fixture->project, VONK_TYPE_DEPARTMENT, department_id), "name"));
  since = g_date_copy (vonk_entity_get_date (person, "champion-since"));
  active = coverage_numbers (fixture->project, department_id);

  select_person (fixture, person_id);
  g_assert_true (gtk_widget_activate_action (fixture->view, "champions.step-down", NULL));
  person = vonk_project_lookup (fixture->project, VONK_TYPE_PERSON, person_id);
  g_assert_cmpint (vonk_entity_get_enum (person, "champion"), ==, VONK_CHAMPION_ALUMNUS);
  stepped_down = coverage_numbers (fixture->project, department_id);
  g_assert_cmpstr (stepped_down, !=, active);
  WAIT_UNTIL (coverage_row_shows (fixture, department, stepped_down));

  toast = g_strdup_printf ("%s stepped down as champion", name);
  g_signal_emit_by_name (vonk_test_wait_for_undo (fixture->overlay, toast), "clicked");

  person = vonk_project_lookup (fixture->project, VONK_TYPE_PERSON, person_id);
  g_assert_cmpint (vonk_entity_get_enum (person, "champion"), ==, VONK_CHAMPION_ACTIVE);
  g_assert_null (vonk_entity_get_date (person, "champion-until"));
  g_assert_cmpint (g_date_compare (vonk_entity_get_date (person, "champion-since"), since), ==, 0);
  WAIT_UNTIL (coverage_row_shows (fixture, department, active));

  project = reopen_project (fixture);
  person = vonk_project_lookup (project, VONK_TYPE_PERSON, person_id);
  g_assert_cmpint (vonk_entity_get_enum (person, "champion"), ==, VONK_CHAMPION_ACTIVE);
  g_assert_cmpint (g_date_compare (vonk_entity_get_date (person, "champion-since"), since), ==, 0);
}

static gboolean
has_label_containing (GtkWidget  *widget,
                      const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  vonk_test_collect_labels (widget, labels);
  for (guint i = 0; i < labels->len; i++)
    if (strstr (gtk_label_get_text (g_ptr_array_index (labels, i)), text) != NULL)
      return TRUE;

  return FALSE;
}

/* The quiet champions say why: the day they were last active. */
static void
test_gone_quiet (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GArray) quiet = vonk_champions_gone_quiet (fixture->project, 8, NULL);
  const VonkQuietChampion *first;
  g_autofree char *date = NULL;
  g_autofree char *reason = NULL;
  GtkWidget *list = GTK_WIDGET (child (fixture->view, "quiet_list"));

  g_assert_cmpuint (quiet->len, >, 0);
  first = &g_array_index (quiet, VonkQuietChampion, 0);
  g_assert_true (g_date_valid (&first->last_active));
  date = vonk_date_format (&first->last_active);
  reason = g_strdup_printf ("Last active %s", date);

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (child (fixture->view, "stack")),
                                         "champions");
  WAIT_UNTIL (vonk_test_has_label (list, vonk_entity_get_string (VONK_ENTITY (first->champion),
                                                                 "name")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (fixture->view, "quiet_explanation"))), ==,
                   "Active champions who attended or hosted no session and shared no success story in the last 8 weeks.");
  g_assert_true (has_label_containing (list, reason));
}

/* Managers seen in sessions and those not yet, as the core lists them. */
static void
test_role_models (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GArray) models = vonk_champions_role_models (fixture->project, NULL);
  const char *seen = NULL;
  const char *unseen = NULL;
  guint n_seen = 0;
  g_autofree char *seen_heading = NULL;
  g_autofree char *unseen_heading = NULL;
  GtkWidget *seen_view = GTK_WIDGET (child (fixture->view, "seen_view"));
  GtkWidget *unseen_view = GTK_WIDGET (child (fixture->view, "unseen_view"));

  for (guint i = 0; i < models->len; i++)
    {
      const VonkRoleModel *model = &g_array_index (models, VonkRoleModel, i);
      const char *name = vonk_entity_get_string (VONK_ENTITY (model->manager), "name");

      if (vonk_role_model_is_seen (model))
        {
          n_seen++;
          seen = seen != NULL ? seen : name;
        }
      else
        unseen = unseen != NULL ? unseen : name;
    }
  g_assert_nonnull (seen);
  g_assert_nonnull (unseen);

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (child (fixture->view, "stack")),
                                         "role-models");
  WAIT_UNTIL (vonk_test_has_label (seen_view, seen));
  WAIT_UNTIL (vonk_test_has_label (unseen_view, unseen));
  g_assert_false (vonk_test_has_label (seen_view, unseen));
  g_assert_false (vonk_test_has_label (unseen_view, seen));

  seen_heading = g_strdup_printf ("Managers Who Lead by Example (%u)", n_seen);
  unseen_heading = g_strdup_printf ("Not Yet Seen in a Session (%u)", models->len - n_seen);
  g_assert_true (vonk_test_has_label (fixture->view, seen_heading));
  g_assert_true (vonk_test_has_label (fixture->view, unseen_heading));
  /* a manager who will host one soon is told apart */
  for (guint i = 0; i < models->len; i++)
    {
      const VonkRoleModel *model = &g_array_index (models, VonkRoleModel, i);
      g_autofree char *date = NULL;
      g_autofree char *next = NULL;

      if (vonk_role_model_is_seen (model) || !g_date_valid (&model->next_hosted))
        continue;
      date = vonk_date_format (&model->next_hosted);
      next = g_strdup_printf ("Will host a session on %s", date);
      g_assert_true (has_label_containing (unseen_view, next));
    }
  /* who they are and what they did on lines of their own, which a
   * narrow window shortens rather than wraps */
  for (guint i = 0; i < models->len; i++)
    {
      const VonkRoleModel *model = &g_array_index (models, VonkRoleModel, i);
      VonkEntity *manager = VONK_ENTITY (model->manager);
      VonkEntity *department = vonk_project_lookup (fixture->project, VONK_TYPE_DEPARTMENT,
                                                    vonk_entity_get_int64 (manager,
                                                                           "department-id"));
      g_autofree char *who = NULL;

      if (!vonk_role_model_is_seen (model) || department == NULL ||
          g_strcmp0 (vonk_entity_get_string (manager, "name"), seen) != 0)
        continue;
      who = g_strdup_printf ("%s, %s",
                             vonk_enum_label (VONK_TYPE_ROLE, vonk_entity_get_enum (manager, "role")),
                             vonk_entity_get_string (department, "name"));
      g_assert_true (vonk_test_has_label (seen_view, who));
    }
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (seen_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Managers who lead by example");

  /* a short list shows whole, not cut off in a box of its own, also when
   * the page scrolls */
  {
    int natural;

    gtk_window_set_default_size (fixture->window, 1200, 400);
    WAIT_UNTIL (gtk_widget_get_height (GTK_WIDGET (fixture->window)) < 500);
    gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
    gtk_widget_measure (seen_view, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (seen_view),
                        NULL, &natural, NULL, NULL);
    g_assert_cmpint (natural, <, 420);
    g_assert_cmpint (gtk_widget_get_height (gtk_widget_get_parent (seen_view)), >=, natural);
  }
}

/* How the links summary names the pair of departments that met in the
 * most workshops, "Claims and IT: 3 workshop…"; NULL when none met. */
static char *
top_pair_text (Fixture             *fixture,
               VonkDepartmentLinks *links)
{
  guint best = 0, best_a = 0, best_b = 0;

  for (guint a = 0; a < links->n_departments; a++)
    for (guint b = a + 1; b < links->n_departments; b++)
      if (vonk_department_links_get (links, a, b) > best)
        {
          best = vonk_department_links_get (links, a, b);
          best_a = a;
          best_b = b;
        }
  if (best == 0)
    return NULL;

  return g_strdup_printf ("%s and %s: %u workshop",
                          vonk_entity_get_string (vonk_project_lookup (fixture->project,
                                                                       VONK_TYPE_DEPARTMENT,
                                                                       links->department_ids[best_a]),
                                                  "name"),
                          vonk_entity_get_string (vonk_project_lookup (fixture->project,
                                                                       VONK_TYPE_DEPARTMENT,
                                                                       links->department_ids[best_b]),
                                                  "name"),
                          best);
}

/* The matrix of departments that met in workshops, and its text. */
static void
test_links (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(VonkDepartmentLinks) links = vonk_champions_department_links (fixture->project);
  VonkLinksMatrix *matrix = VONK_LINKS_MATRIX (child (fixture->view, "links_matrix"));
  GtkLabel *links_summary = GTK_LABEL (child (fixture->view, "links_summary"));
  const char *summary;
  g_autofree char *pair = NULL;
  g_autofree char *workshops = NULL;

  /* the sections of a page are filled once it is shown, after a frame */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (child (fixture->view, "stack")),
                                         "links");
  WAIT_UNTIL (*gtk_label_get_text (links_summary) != '\0');
  summary = vonk_links_matrix_get_summary (matrix);
  g_assert_cmpuint (links->n_mixed, >, 0);
  pair = top_pair_text (fixture, links);
  g_assert_nonnull (pair);
  g_test_message ("%s", summary);
  g_assert_nonnull (strstr (summary, pair));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (matrix), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       summary);

  workshops = g_strdup_printf ("%u of %u workshops brought people from different departments together.",
                               links->n_mixed, links->n_workshops);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (child (fixture->view, "stack")),
                                         "links");
  WAIT_UNTIL (vonk_test_has_label (fixture->view, workshops));
}

/* Long lists: a thousand and more champions, all gone quiet. The lists
 * make row widgets for the rows around those in view only, each in a card
 * of its own height, and the champions are in order. */

#define MANY_CHAMPIONS 1500

static guint
count_rows (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (g_strcmp0 (gtk_widget_get_css_name (c), "row") == 0)
      n++;
    else
      n += count_rows (c);

  return n;
}

/* Active champions first, then alumni, each by name ignoring case:
 * checked with g_utf8_collate(), not the view's keys. */
static gboolean
champions_in_order (GListModel *model)
{
  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VonkEntity) a = g_list_model_get_item (model, i - 1);
      g_autoptr(VonkEntity) b = g_list_model_get_item (model, i);
      g_autofree char *name_a = g_utf8_casefold (vonk_entity_get_string (a, "name"), -1);
      g_autofree char *name_b = g_utf8_casefold (vonk_entity_get_string (b, "name"), -1);
      int state_a = vonk_entity_get_enum (a, "champion");
      int state_b = vonk_entity_get_enum (b, "champion");

      if (state_a > state_b || (state_a == state_b && g_utf8_collate (name_a, name_b) > 0))
        {
          g_test_message ("“%s” before “%s”", name_a, name_b);
          return FALSE;
        }
    }

  return TRUE;
}

static void
test_long_lists (Fixture       *fixture,
                 gconstpointer  data)
{
  static const char *names[] = { "émile", "Zoë", "anna", "Bram", "Øyvind", "josé", "Jos" };
  GListModel *quiet_rows = G_LIST_MODEL (child (fixture->view, "quiet_rows"));
  GListModel *champions = G_LIST_MODEL (child (fixture->view, "champion_selection"));
  GtkWidget *quiet_list = GTK_WIDGET (child (fixture->view, "quiet_list"));
  g_autoptr(GDate) since = g_date_new_dmy (1, G_DATE_JANUARY, 2025);
  g_autoptr(GArray) quiet = NULL;
  guint n_champions;

  for (guint i = 0; i < MANY_CHAMPIONS; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %u", names[i % G_N_ELEMENTS (names)],
                                               (i * 7919) % MANY_CHAMPIONS);

      vonk_test_add (fixture->project, g_object_new (VONK_TYPE_PERSON,
                                                     "name", name,
                                                     "champion", VONK_CHAMPION_ACTIVE,
                                                     "champion-since", since,
                                                     NULL));
    }
  quiet = vonk_champions_gone_quiet (fixture->project, 8, NULL);
  g_assert_cmpuint (quiet->len, >, MANY_CHAMPIONS);

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (child (fixture->view, "stack")),
                                         "champions");
  WAIT_UNTIL (g_list_model_get_n_items (quiet_rows) == quiet->len);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  WAIT_UNTIL (vonk_test_has_label (quiet_list, vonk_entity_get_string (VONK_ENTITY (g_array_index (quiet, VonkQuietChampion, 0).champion), "name")));

  /* the list fills in over a few frames */
  WAIT_UNTIL (gtk_slice_list_model_get_size (GTK_SLICE_LIST_MODEL (child (fixture->view,
                                                                          "champion_slice"))) ==
              G_MAXUINT);
  n_champions = g_list_model_get_n_items (champions);
  g_assert_cmpuint (n_champions, >, MANY_CHAMPIONS);
  g_assert_true (champions_in_order (champions));

  /* each list a card that scrolls, not a page as long as the list */
  g_assert_cmpint (gtk_widget_get_height (gtk_widget_get_parent (quiet_list)), <=, 420);
  g_assert_cmpint (gtk_widget_get_height (gtk_widget_get_parent (GTK_WIDGET (child (fixture->view, "champion_view")))), <=, 480 + 60);
  g_assert_cmpuint (count_rows (quiet_list), >, 0);
  g_assert_cmpuint (count_rows (quiet_list), <, quiet->len / 3);
  g_assert_cmpuint (count_rows (GTK_WIDGET (child (fixture->view, "champion_view"))), <,
                    n_champions / 3);
}

/* The pages computed in steps */

static const char *
visible_child (Fixture    *fixture,
               const char *stack)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (child (fixture->view, stack)));
}

static void
show_page (Fixture    *fixture,
           const char *page)
{
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (child (fixture->view, "stack")), page);
}

/* The view follows the project again from scratch: the figures are gone
 * and each page says that they are being computed. */
static void
follow_project_again (Fixture *fixture)
{
  vonk_view_set_project (VONK_VIEW (fixture->view), NULL);
  vonk_view_set_project (VONK_VIEW (fixture->view), fixture->project);
}

/* The Gone Quiet list shows the core's champions, all of them. */
static gboolean
quiet_shows_core (Fixture *fixture)
{
  g_autoptr(GArray) quiet = vonk_champions_gone_quiet (fixture->project, 8, NULL);
  GtkWidget *list = GTK_WIDGET (child (fixture->view, "quiet_list"));

  if (g_strcmp0 (visible_child (fixture, "quiet_stack"), "figures") != 0 ||
      g_list_model_get_n_items (G_LIST_MODEL (child (fixture->view, "quiet_rows"))) != quiet->len)
    return FALSE;
  for (guint i = 0; i < quiet->len; i++)
    if (!vonk_test_has_label (list, vonk_entity_get_string (
                                      VONK_ENTITY (g_array_index (quiet, VonkQuietChampion,
                                                                  i).champion),
                                      "name")))
      return FALSE;

  return TRUE;
}

/* The Role Models page shows the core's figures: how many are seen, of
 * each kind of manager, and the first of each list. */
static gboolean
role_models_show_core (Fixture *fixture)
{
  g_autoptr(GArray) models = vonk_champions_role_models (fixture->project, NULL);
  guint seen = 0, top = 0, top_seen = 0, middle = 0, middle_seen = 0;
  g_autofree char *seen_heading = NULL;
  g_autofree char *unseen_heading = NULL;
  g_autofree char *top_text = NULL;
  g_autofree char *middle_text = NULL;
  const char *summary = gtk_label_get_text (GTK_LABEL (child (fixture->view,
                                                              "role_models_summary")));

  if (g_strcmp0 (visible_child (fixture, "role_models_stack"), "figures") != 0)
    return FALSE;
  for (guint i = 0; i < models->len; i++)
    {
      const VonkRoleModel *model = &g_array_index (models, VonkRoleModel, i);
      gboolean is_seen = vonk_role_model_is_seen (model);

      if (vonk_entity_get_enum (VONK_ENTITY (model->manager), "role") == VONK_ROLE_TOP_MANAGEMENT)
        {
          top++;
          top_seen += is_seen;
        }
      else
        {
          middle++;
          middle_seen += is_seen;
        }
      seen += is_seen;
    }

  seen_heading = g_strdup_printf ("Managers Who Lead by Example (%u)", seen);
  unseen_heading = g_strdup_printf ("Not Yet Seen in a Session (%u)", models->len - seen);
  top_text = g_strdup_printf ("%u of %u top manager", top_seen, top);
  middle_text = g_strdup_printf ("%u of %u middle manager", middle_seen, middle);
  return vonk_test_has_label (fixture->view, seen_heading) &&
         vonk_test_has_label (fixture->view, unseen_heading) &&
         g_str_has_prefix (summary, top_text) && strstr (summary, middle_text) != NULL &&
         vonk_test_has_label (GTK_WIDGET (child (fixture->view, "seen_view")),
                              vonk_entity_get_string (VONK_ENTITY (g_array_index (models,
                                                                                  VonkRoleModel,
                                                                                  0).manager),
                                                      "name"));
}

/* The Links page shows the core's counts. */
static gboolean
links_show_core (Fixture *fixture)
{
  g_autoptr(VonkDepartmentLinks) links = vonk_champions_department_links (fixture->project);
  g_autofree char *workshops =
    g_strdup_printf ("%u of %u workshops brought people from different departments together.",
                     links->n_mixed, links->n_workshops);
  const char *summary = vonk_links_matrix_get_summary (VONK_LINKS_MATRIX (child (fixture->view,
                                                                                 "links_matrix")));
  g_autofree char *pair = NULL;

  if (g_strcmp0 (visible_child (fixture, "links_stack"), "figures") != 0 ||
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (child (fixture->view, "links_summary"))),
                 workshops) != 0)
    return FALSE;
  pair = top_pair_text (fixture, links);
  return pair != NULL && strstr (summary, pair) != NULL;
}

/* A held session of @kind. */
static VonkEntity *
held_session (VonkProject     *project,
              VonkSessionKind  kind)
{
  GListModel *sessions = vonk_project_get_list (project, VONK_TYPE_SESSION);

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(VonkEntity) session = g_list_model_get_item (sessions, i);

      if (vonk_entity_get_enum (session, "kind") == (int) kind &&
          vonk_entity_get_enum (session, "status") == VONK_SESSION_STATUS_HELD)
        return session; /* the list keeps it alive */
    }

  g_assert_not_reached ();
}

/* Gone Quiet, Role Models and Links are computed after the page is shown,
 * a few milliseconds at a time: until the first figures are in, the page
 * says so; then it shows the core's figures, which follow an edit without
 * going back to saying that they are being computed. */
static void
test_pages_counted (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct
  {
    const char *page;
    const char *stack;
    const char *counting;
    gboolean  (*shows_core) (Fixture *fixture);
  } pages[] = {
    { "champions", "quiet_stack", "Finding the champions gone quiet…", quiet_shows_core },
    { "role-models", "role_models_stack", "Finding the managers seen in sessions…",
      role_models_show_core },
    { "links", "links_stack", "Counting the workshops of each pair of departments…",
      links_show_core },
  };
  g_autoptr(GArray) models = NULL;
  VonkEntity *unseen = NULL;
  VonkEntity *workshop = held_session (fixture->project, VONK_SESSION_WORKSHOP);
  g_autoptr(VonkEntity) colleague = NULL;

  follow_project_again (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_test_message ("page %s", pages[i].page);
      g_assert_cmpstr (visible_child (fixture, pages[i].stack), ==, "counting");
      show_page (fixture, pages[i].page);
      g_assert_true (vonk_champions_view_is_computing (VONK_CHAMPIONS_VIEW (fixture->view)));
      g_assert_cmpstr (visible_child (fixture, pages[i].stack), ==, "counting");
      g_assert_true (vonk_test_has_label (GTK_WIDGET (child (fixture->view, pages[i].stack)),
                                          pages[i].counting));
      WAIT_UNTIL (pages[i].shows_core (fixture));
      g_assert_false (vonk_champions_view_is_computing (VONK_CHAMPIONS_VIEW (fixture->view)));
    }

  /* a manager not seen yet attends a workshop with a colleague of
   * another department: every page follows */
  models = vonk_champions_role_models (fixture->project, NULL);
  for (guint i = 0; i < models->len && unseen == NULL; i++)
    if (!vonk_role_model_is_seen (&g_array_index (models, VonkRoleModel, i)) &&
        vonk_entity_get_int64 (VONK_ENTITY (g_array_index (models, VonkRoleModel, i).manager),
                               "department-id") != 0)
      unseen = VONK_ENTITY (g_array_index (models, VonkRoleModel, i).manager);
  g_assert_nonnull (unseen);
  colleague = g_object_new (VONK_TYPE_PERSON, "name", "Connie Collega",
                            "department-id", (gint64) 0, NULL);
  {
    GListModel *departments = vonk_project_get_list (fixture->project, VONK_TYPE_DEPARTMENT);

    for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
      {
        g_autoptr(VonkEntity) department = g_list_model_get_item (departments, i);

        if (vonk_entity_get_id (department) != vonk_entity_get_int64 (unseen, "department-id"))
          {
            g_object_set (colleague, "department-id", vonk_entity_get_id (department), NULL);
            break;
          }
      }
  }
  vonk_test_add (fixture->project, g_object_ref (colleague));
  for (guint i = 0; i < 2; i++)
    vonk_test_add (fixture->project,
                   g_object_new (VONK_TYPE_ATTENDANCE,
                                 "session-id", vonk_entity_get_id (workshop),
                                 "person-id", vonk_entity_get_id (i == 0 ? unseen : colleague),
                                 "status", VONK_ATTENDANCE_ATTENDED,
                                 NULL));
  for (guint i = G_N_ELEMENTS (pages); i-- > 0;)
    {
      g_test_message ("page %s after the edit", pages[i].page);
      show_page (fixture, pages[i].page);
      g_assert_cmpstr (visible_child (fixture, pages[i].stack), ==, "figures");
      WAIT_UNTIL (pages[i].shows_core (fixture) &&
                  !vonk_champions_view_is_computing (VONK_CHAMPIONS_VIEW (fixture->view)));
    }
  /* which the core counts: one more manager seen */
  {
    g_autoptr(GArray) after = vonk_champions_role_models (fixture->project, NULL);
    guint seen_before = 0, seen_after = 0;

    for (guint i = 0; i < models->len; i++)
      seen_before += vonk_role_model_is_seen (&g_array_index (models, VonkRoleModel, i));
    for (guint i = 0; i < after->len; i++)
      seen_after += vonk_role_model_is_seen (&g_array_index (after, VonkRoleModel, i));
    g_assert_cmpuint (seen_after, ==, seen_before + 1);
  }
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
  g_test_add ("/champions-view/funnel-counted", Fixture, NULL, fixture_set_up,
              test_funnel_counted, fixture_tear_down);
  g_test_add ("/champions-view/step-down-undo", Fixture, NULL, fixture_set_up,
              test_step_down_undo, fixture_tear_down);
  g_test_add ("/champions-view/long-lists", Fixture, NULL, fixture_set_up, test_long_lists,
              fixture_tear_down);
  g_test_add ("/champions-view/gone-quiet", Fixture, NULL, fixture_set_up, test_gone_quiet,
              fixture_tear_down);
  g_test_add ("/champions-view/role-models", Fixture, NULL, fixture_set_up, test_role_models,
              fixture_tear_down);
  g_test_add ("/champions-view/links", Fixture, NULL, fixture_set_up, test_links,
              fixture_tear_down);
  g_test_add ("/champions-view/pages-counted", Fixture, NULL, fixture_set_up, test_pages_counted,
              fixture_tear_down);

  return g_test_run ();
}
