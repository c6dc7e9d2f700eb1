/* test-assessment.c — the Assessment view, its criterion rows and editor
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real widgets under Xvfb, on a project made with Vonk's default criteria,
 * driven through the rows' buttons, switches and actions as a user would.
 * Every wait is for a condition, with a time-out. What is saved is checked
 * again in a store opened afresh on the same file. Today is fixed with
 * VONK_TODAY.
 */

#include "config.h"

#include <string.h>

#include "vonk-assessment-view.h"
#include "vonk-criterion-editor.h"
#include "vonk-criterion-row.h"
#include "vonk-filter-model.h"
#include "vonk-person-search.h"
#include "vonk-test-utils-gui.h"

#define TODAY "2026-11-27"

static const char * const list_names[VONK_N_PHASES] = {
  "presence_list", "dialogue_list", "engagement_list", "social_business_list",
};

typedef struct
{
  char               *dir;
  char               *path;
  VonkStore          *store;
  VonkProject        *project;
  gint64              project_id;
  gint64              sales_id;
  gint64              anna_id;
  GtkWindow          *window;
  VonkAssessmentView *view;
  GPtrArray          *toasts; /* the messages shown with win.toast */
} Fixture;

static gpointer
child (Fixture    *fixture,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (fixture->view),
                                                   VONK_TYPE_ASSESSMENT_VIEW, name);

  g_assert_nonnull (object);
  return object;
}

static gpointer
row_child (VonkCriterionRow *row,
           const char       *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (row), VONK_TYPE_CRITERION_ROW,
                                                   name);

  g_assert_nonnull (object);
  return object;
}

static const char *
label (Fixture    *fixture,
       const char *name)
{
  return gtk_label_get_text (child (fixture, name));
}

static gboolean
label_has (Fixture    *fixture,
           const char *name,
           const char *text)
{
  return strstr (label (fixture, name), text) != NULL;
}

static VonkEntity *
criterion_titled (VonkProject *project,
                  const char  *title)
{
  GListModel *criteria = vonk_project_get_list (project, VONK_TYPE_CRITERION);

  for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
    {
      g_autoptr(VonkEntity) criterion = g_list_model_get_item (criteria, i);

      if (g_strcmp0 (vonk_entity_get_string (criterion, "title"), title) == 0)
        return criterion;
    }

  g_assert_not_reached ();
}

/* The row of the criterion titled @title, in the list of its phase. */
static VonkCriterionRow *
row_for (Fixture    *fixture,
         const char *title)
{
  VonkEntity *criterion = criterion_titled (fixture->project, title);
  GtkWidget *list = child (fixture, list_names[vonk_entity_get_enum (criterion, "phase")]);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row;
       row = gtk_widget_get_next_sibling (row))
    if (VONK_IS_CRITERION_ROW (row) &&
        VONK_ENTITY (vonk_criterion_row_get_criterion (VONK_CRITERION_ROW (row))) == criterion)
      return VONK_CRITERION_ROW (row);

  g_assert_not_reached ();
}

static int
row_index (Fixture          *fixture,
           VonkCriterionRow *row)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (row));

  for (int p = 0; p < VONK_N_PHASES; p++)
    if (parent == child (fixture, list_names[p]))
      return gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));

  g_assert_not_reached ();
}

static const char * const state_buttons[] = { "not_met_button", "partly_button", "met_button" };

/* Clicks the button of @state in the row of @title. */
static void
tick (Fixture             *fixture,
      const char          *title,
      VonkAssessmentState  state)
{
  VonkCriterionRow *row = row_for (fixture, title);
  GtkWidget *button = row_child (row, state_buttons[state]);

  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* The state the row of @title shows: the button that is down, or -1. */
static int
shown_state (Fixture    *fixture,
             const char *title)
{
  VonkCriterionRow *row = row_for (fixture, title);
  int shown = -1;

  for (int s = 0; s < (int) G_N_ELEMENTS (state_buttons); s++)
    if (gtk_toggle_button_get_active (row_child (row, state_buttons[s])))
      {
        g_assert_cmpint (shown, ==, -1);
        shown = s;
      }

  return shown;
}

static const char *
latest_text (Fixture    *fixture,
             const char *title)
{
  return gtk_label_get_text (row_child (row_for (fixture, title), "latest_label"));
}

static guint
n_assessments (VonkProject *project)
{
  return g_list_model_get_n_items (vonk_project_get_list (project, VONK_TYPE_ASSESSMENT));
}

static VonkEntity *
last_assessment (VonkProject *project)
{
  GListModel *assessments = vonk_project_get_list (project, VONK_TYPE_ASSESSMENT);
  g_autoptr(VonkEntity) last = g_list_model_get_item (assessments,
                                                      g_list_model_get_n_items (assessments) - 1);

  return last;
}

static void
assert_date (const GDate *date,
             const char  *expected)
{
  g_autoptr(GDate) wanted = vonk_date_parse (expected);

  g_assert_nonnull (date);
  g_assert_cmpint (g_date_compare (date, wanted), ==, 0);
}

/* Chooses @name in the combo row @row_name of the view. */
/* The position of the choice named @name in @row, or -1. */
static int
find_choice (AdwComboRow *row,
             const char  *name)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VonkEntity) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (vonk_entity_get_string (item, "name"), name) == 0)
        return i;
    }

  return -1;
}

/* The departments come in after the view's first frame: waits until
 * @name is there. */
static void
choose (Fixture    *fixture,
        const char *row_name,
        const char *name)
{
  AdwComboRow *row = child (fixture, row_name);

  WAIT_UNTIL (find_choice (row, name) >= 0);
  adw_combo_row_set_selected (row, find_choice (row, name));
}

static GtkEditable *
assessor_entry (Fixture *fixture)
{
  return vonk_person_search_get_entry (child (fixture, "assessor_search"));
}

/* The names the assessor search lists, in order, comma-separated. */
static char *
assessor_matches (Fixture *fixture)
{
  GListModel *matches = vonk_person_search_get_matches (child (fixture, "assessor_search"));
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (matches); i++)
    {
      g_autoptr(VonkEntity) person = g_list_model_get_item (matches, i);

      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "",
                              vonk_entity_get_string (person, "name"));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static gboolean
assessor_matches_are (Fixture    *fixture,
                      const char *expected)
{
  VonkPersonSearch *search = child (fixture, "assessor_search");
  g_autofree char *names = assessor_matches (fixture);

  return vonk_filter_model_get_pending (VONK_FILTER_MODEL (vonk_person_search_get_matches (search))) == 0 &&
         g_str_equal (names, expected);
}

/* Opens the assessor's popover with its button, where the keyboard goes
 * to the search. */
static void
open_assessor_search (Fixture *fixture)
{
  GtkEditable *entry = assessor_entry (fixture);

  /* a menu pops up from a button on screen only; the view fills in
   * after its first frame */
  WAIT_UNTIL (gtk_widget_get_mapped (child (fixture, "assessor_button")));
  gtk_menu_button_popup (child (fixture, "assessor_button"));
  WAIT_UNTIL (gtk_widget_get_mapped (child (fixture, "assessor_popover")));
  WAIT_UNTIL (gtk_widget_has_focus (GTK_WIDGET (gtk_editable_get_delegate (entry))));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
}

/* Types @typed in the assessor search, waits until it lists @expected
 * (names, comma-separated) and presses Enter. */
static void
choose_assessor (Fixture    *fixture,
                 const char *typed,
                 const char *expected)
{
  open_assessor_search (fixture);
  gtk_editable_set_text (assessor_entry (fixture), typed);
  WAIT_UNTIL (assessor_matches_are (fixture, expected));
  g_signal_emit_by_name (assessor_entry (fixture), "activate");
  WAIT_UNTIL (!gtk_widget_get_mapped (child (fixture, "assessor_popover")));
}

static const char *
assessor_shown (Fixture *fixture)
{
  return gtk_label_get_text (child (fixture, "assessor_label"));
}

static void
toast_cb (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  Fixture *fixture = user_data;

  g_ptr_array_add (fixture->toasts, g_variant_dup_string (parameter, NULL));
}

/* How many criterion rows the view has made. */
static guint
n_rows (Fixture *fixture)
{
  guint n = 0;

  for (int p = 0; p < VONK_N_PHASES; p++)
    for (GtkWidget *row = gtk_widget_get_first_child (child (fixture, list_names[p])); row;
         row = gtk_widget_get_next_sibling (row))
      n += VONK_IS_CRITERION_ROW (row);

  return n;
}

static void
show_view (Fixture     *fixture,
           VonkProject *project)
{
  g_autoptr(GSimpleActionGroup) win = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) toast = g_simple_action_new ("toast", G_VARIANT_TYPE_STRING);

  g_signal_connect (toast, "activate", G_CALLBACK (toast_cb), fixture);
  g_action_map_add_action (G_ACTION_MAP (win), G_ACTION (toast));

  fixture->window = vonk_test_window_new (1000, 800);
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "win", G_ACTION_GROUP (win));
  fixture->view = VONK_ASSESSMENT_VIEW (vonk_assessment_view_new (project));
  vonk_test_show (fixture->window, GTK_WIDGET (fixture->view));
  /* the status comes after the first frame, the rows over a few */
  WAIT_UNTIL (*label (fixture, "phase_label") != '\0' && n_rows (fixture) ==
              g_list_model_get_n_items (vonk_project_get_list (project, VONK_TYPE_CRITERION)));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  VonkProject *project;

  fixture->toasts = g_ptr_array_new_with_free_func (g_free);
  fixture->store = vonk_test_store_new ("vonk-assessment-XXXXXX", &fixture->dir, &fixture->path);

  project = fixture->project = vonk_project_new ("Test");
  vonk_phase_create_project (fixture->store, project, &error);
  g_assert_no_error (error);
  fixture->project_id = vonk_entity_get_id (VONK_ENTITY (project));

  fixture->sales_id = vonk_test_add (project, g_object_new (VONK_TYPE_DEPARTMENT,
                                                           "name", "Sales", NULL));
  vonk_test_add (project, g_object_new (VONK_TYPE_DEPARTMENT, "name", "Claims", NULL));
  fixture->anna_id = vonk_test_add (project, g_object_new (VONK_TYPE_PERSON,
                                                          "name", "Anna de Vries",
                                                          "department-id", fixture->sales_id,
                                                          NULL));

  show_view (fixture, project);
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
  g_ptr_array_unref (fixture->toasts);
}

/* Closes the view and the store, and reads the project back from the file. */
static VonkProject *
reopen (Fixture *fixture)
{
  gtk_window_destroy (fixture->window);
  fixture->window = NULL;
  fixture->view = NULL;

  return vonk_test_reopen (&fixture->store, &fixture->project, fixture->path,
                           fixture->project_id);
}

/* The titles of the criteria of @phase that decide it, in order. */
static GPtrArray *
required_of (VonkProject *project,
             VonkPhase    phase)
{
  GListModel *criteria = vonk_project_get_list (project, VONK_TYPE_CRITERION);
  GPtrArray *titles = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
    {
      g_autoptr(VonkEntity) criterion = g_list_model_get_item (criteria, i);

      if (vonk_entity_get_enum (criterion, "phase") == (int) phase &&
          vonk_entity_get_boolean (criterion, "required") &&
          vonk_entity_get_enum (criterion, "rule") == VONK_RULE_NONE)
        g_ptr_array_add (titles, (gpointer) vonk_entity_get_string (criterion, "title"));
    }

  return titles;
}

/* Ticking the required criteria of Presence brings the organisation
 * there; each tick is a new assessment of today. */
static void
test_presence_ticked (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) presence = required_of (fixture->project, VONK_PHASE_PRESENCE);
  const char *optional = "Management funds a pilot";
  VonkCriterionRow *row;
  VonkEntity *assessment;

  g_assert_cmpstr (label (fixture, "phase_label"), ==, "Not yet present");
  g_assert_cmpstr (label (fixture, "missing_heading"), ==, "Still missing for Presence:");
  g_assert_cmpuint (n_assessments (fixture->project), ==, 0);
  g_assert_cmpuint (presence->len, ==, 2);

  /* nothing assessed: no state chosen */
  g_assert_cmpint (shown_state (fixture, g_ptr_array_index (presence, 0)), ==, -1);
  g_assert_cmpstr (latest_text (fixture, g_ptr_array_index (presence, 0)), ==,
                   "Not assessed yet");

  for (guint i = 0; i < presence->len; i++)
    {
      const char *title = g_ptr_array_index (presence, i);

      g_assert_true (label_has (fixture, "missing_label", title));
      tick (fixture, title, VONK_ASSESSMENT_MET);

      /* a new assessment per change, of today, for the organisation */
      g_assert_cmpuint (n_assessments (fixture->project), ==, i + 1);
      assessment = last_assessment (fixture->project);
      g_assert_cmpint (vonk_entity_get_int64 (assessment, "criterion-id"), ==,
                       vonk_entity_get_id (criterion_titled (fixture->project, title)));
      g_assert_cmpint (vonk_entity_get_int64 (assessment, "department-id"), ==, 0);
      g_assert_cmpint (vonk_entity_get_enum (assessment, "state"), ==, VONK_ASSESSMENT_MET);
      assert_date (vonk_entity_get_date (assessment, "assessed-on"), TODAY);
      g_assert_cmpint (shown_state (fixture, title), ==, VONK_ASSESSMENT_MET);
      g_assert_cmpstr (latest_text (fixture, title), ==, "Met since 27 November 2026");

      g_assert_cmpstr (label (fixture, "phase_label"), ==,
                       i + 1 < presence->len ? "Not yet present" : "Presence");
    }

  g_assert_cmpstr (label (fixture, "missing_heading"), ==, "Still missing for Dialogue:");
  g_assert_true (label_has (fixture, "missing_label",
                            "A structural channel for marketing and customer service"));
  g_assert_cmpstr (label (fixture, "since_label"), ==, "Since 27 November 2026");
  g_assert_cmpstr (adw_preferences_group_get_description (child (fixture, "presence_group")),
                   ==, "2 of 2 required criteria met");

  /* the same state again, with evidence and an assessor: history is kept */
  choose_assessor (fixture, "anna", "Anna de Vries");
  row = row_for (fixture, optional);
  gtk_toggle_button_set_active (row_child (row, "evidence_button"), TRUE);
  WAIT_UNTIL (gtk_revealer_get_child_revealed (row_child (row, "evidence_revealer")));
  gtk_editable_set_text (row_child (row, "evidence_entry"), "  Pilot budget approved ");
  tick (fixture, optional, VONK_ASSESSMENT_PARTLY);

  g_assert_cmpuint (n_assessments (fixture->project), ==, 3);
  assessment = last_assessment (fixture->project);
  g_assert_cmpint (vonk_entity_get_enum (assessment, "state"), ==, VONK_ASSESSMENT_PARTLY);
  g_assert_cmpstr (vonk_entity_get_string (assessment, "evidence"), ==, "Pilot budget approved");
  g_assert_cmpint (vonk_entity_get_int64 (assessment, "assessor-id"), ==, fixture->anna_id);
  g_assert_cmpstr (latest_text (fixture, optional), ==,
                   "Partly met since 27 November 2026, by Anna de Vries — Pilot budget approved");
  g_assert_cmpstr (gtk_editable_get_text (row_child (row, "evidence_entry")), ==, "");

  /* Enter in the evidence records the state shown again */
  gtk_toggle_button_set_active (row_child (row, "evidence_button"), TRUE);
  gtk_editable_set_text (row_child (row, "evidence_entry"), "Spent on the network");
  g_signal_emit_by_name (row_child (row, "evidence_entry"), "activate");
  g_assert_cmpuint (n_assessments (fixture->project), ==, 4);
  assessment = last_assessment (fixture->project);
  g_assert_cmpint (vonk_entity_get_enum (assessment, "state"), ==, VONK_ASSESSMENT_PARTLY);
  g_assert_cmpstr (vonk_entity_get_string (assessment, "evidence"), ==, "Spent on the network");

  /* an optional criterion does not move the phase */
  g_assert_cmpstr (label (fixture, "phase_label"), ==, "Presence");
  g_assert_cmpuint (fixture->toasts->len, ==, 0);
}

/* With everything met but one half of the field's rule, the view explains
 * why it is not Social business, naming what is missing. */
static void
test_rule_blocks (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *top = "Top management uses social media itself";
  const char *central = "Not owned by one department";
  VonkCriterionRow *row;

  for (VonkPhase p = VONK_PHASE_PRESENCE; p <= VONK_PHASE_SOCIAL_BUSINESS; p++)
    {
      g_autoptr(GPtrArray) titles = required_of (fixture->project, p);

      for (guint i = 0; i < titles->len; i++)
        tick (fixture, g_ptr_array_index (titles, i), VONK_ASSESSMENT_MET);
    }
  g_assert_true (gtk_widget_get_visible (child (fixture, "rule_box")));
  tick (fixture, central, VONK_ASSESSMENT_MET);

  g_assert_cmpstr (label (fixture, "phase_label"), ==, "Engagement");
  g_assert_true (gtk_widget_get_visible (child (fixture, "rule_box")));
  g_assert_true (label_has (fixture, "rule_label", "an organisation is not a social business"));
  g_assert_true (label_has (fixture, "blocking_label", top));
  g_assert_false (label_has (fixture, "blocking_label", central));
  g_assert_cmpstr (label (fixture, "missing_heading"), ==, "Still missing for Social business:");
  g_assert_cmpstr (label (fixture, "missing_label"), ==,
                   "• Top management uses social media itself");

  /* partly is not met */
  tick (fixture, top, VONK_ASSESSMENT_PARTLY);
  g_assert_cmpstr (label (fixture, "phase_label"), ==, "Engagement");

  /* the rule's criteria can be neither switched off nor deleted */
  row = row_for (fixture, top);
  g_assert_false (gtk_widget_is_sensitive (row_child (row, "enabled_switch")));
  g_assert_nonnull (gtk_widget_get_tooltip_text (row_child (row, "enabled_switch")));
  g_assert_false (gtk_widget_is_sensitive (row_child (row, "delete_button")));
  g_assert_nonnull (gtk_widget_get_tooltip_text (row_child (row, "delete_button")));
  g_assert_true (gtk_widget_get_visible (row_child (row, "rule_badge")));
  g_assert_false (gtk_widget_get_visible (row_child (row, "optional_badge")));

  tick (fixture, top, VONK_ASSESSMENT_MET);
  g_assert_cmpstr (label (fixture, "phase_label"), ==, "Social business");
  g_assert_false (gtk_widget_get_visible (child (fixture, "rule_box")));
  g_assert_cmpstr (label (fixture, "missing_heading"), ==, "Every phase is reached.");
  g_assert_false (gtk_widget_get_visible (child (fixture, "missing_label")));
  g_assert_cmpstr (label (fixture, "target_label"), ==, "Social business, reached");
}

/* A criterion switched off no longer counts; the rule's cannot be. */
static void
test_disabled (Fixture       *fixture,
               gconstpointer  data)
{
  const char *listens = "Someone listens";
  VonkEntity *criterion = criterion_titled (fixture->project, listens);
  VonkCriterionRow *row = row_for (fixture, listens);
  VonkCriterionRow *rule_row = row_for (fixture, "Not owned by one department");

  g_assert_true (label_has (fixture, "missing_label", listens));
  g_assert_true (gtk_switch_get_active (row_child (row, "enabled_switch")));

  gtk_switch_set_active (row_child (row, "enabled_switch"), FALSE);
  g_assert_false (vonk_entity_get_boolean (criterion, "enabled"));
  g_assert_false (label_has (fixture, "missing_label", listens));
  g_assert_true (label_has (fixture, "missing_label", "Enthusiasts have made a start"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "criterion-off"));
  g_assert_false (gtk_widget_is_sensitive (row_child (row, "met_button")));
  g_assert_cmpstr (adw_preferences_group_get_description (child (fixture, "presence_group")),
                   ==, "0 of 1 required criterion met");

  /* so one tick is enough for Presence now */
  tick (fixture, "Enthusiasts have made a start", VONK_ASSESSMENT_MET);
  g_assert_cmpstr (label (fixture, "phase_label"), ==, "Presence");

  /* and switched on again, it is missing again */
  gtk_switch_set_active (row_child (row, "enabled_switch"), TRUE);
  g_assert_true (vonk_entity_get_boolean (criterion, "enabled"));
  g_assert_cmpstr (label (fixture, "phase_label"), ==, "Not yet present");
  g_assert_cmpstr (label (fixture, "missing_label"), ==, "• Someone listens");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "criterion-off"));

  /* a required criterion of a later phase, switched off, leaves that phase */
  g_assert_true (label_has (fixture, "missing_label", listens));
  tick (fixture, listens, VONK_ASSESSMENT_MET);
  g_assert_true (label_has (fixture, "missing_label", "Time is allotted"));
  gtk_switch_set_active (row_child (row_for (fixture, "Time is allotted"), "enabled_switch"),
                         FALSE);
  g_assert_false (label_has (fixture, "missing_label", "Time is allotted"));
  g_assert_true (label_has (fixture, "missing_label", "Publishing guidelines"));

  /* the rule's switch stays on and cannot be used */
  g_assert_true (gtk_switch_get_active (row_child (rule_row, "enabled_switch")));
  g_assert_false (gtk_widget_is_sensitive (row_child (rule_row, "enabled_switch")));
  g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (row_child (rule_row,
                                                                            "enabled_switch")),
                                   "Part of the field’s rule"));
}

/* A department shows its own assessment, empty at first. */
static void
test_department_scope (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *enthusiasts = "Enthusiasts have made a start";
  GListModel *criteria = vonk_project_get_list (fixture->project, VONK_TYPE_CRITERION);
  g_autoptr(VonkEntity) sales = NULL;
  g_autoptr(GError) error = NULL;

  tick (fixture, enthusiasts, VONK_ASSESSMENT_MET);
  tick (fixture, "Someone listens", VONK_ASSESSMENT_MET);
  g_assert_cmpstr (label (fixture, "phase_label"), ==, "Presence");

  /* the organisation first, then the departments by name */
  {
    GListModel *scopes = adw_combo_row_get_model (child (fixture, "scope_row"));
    const char *names[] = { "Whole organisation", "Claims", "Sales" };

    g_assert_cmpuint (g_list_model_get_n_items (scopes), ==, G_N_ELEMENTS (names));
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autoptr(VonkEntity) scope = g_list_model_get_item (scopes, i);

        g_assert_cmpstr (vonk_entity_get_string (scope, "name"), ==, names[i]);
      }
  }

  choose (fixture, "scope_row", "Sales");
  g_assert_cmpstr (label (fixture, "phase_label"), ==, "Not yet present");
  g_assert_false (gtk_widget_get_visible (child (fixture, "since_label")));
  for (guint i = 0; i < g_list_model_get_n_items (criteria); i++)
    {
      g_autoptr(VonkEntity) criterion = g_list_model_get_item (criteria, i);
      const char *title = vonk_entity_get_string (criterion, "title");

      g_assert_cmpint (shown_state (fixture, title), ==, -1);
      g_assert_cmpstr (latest_text (fixture, title), ==, "Not assessed yet");
    }

  /* a tick now is the department's */
  tick (fixture, enthusiasts, VONK_ASSESSMENT_PARTLY);
  g_assert_cmpint (vonk_entity_get_int64 (last_assessment (fixture->project), "department-id"),
                   ==, fixture->sales_id);
  g_assert_cmpint (shown_state (fixture, enthusiasts), ==, VONK_ASSESSMENT_PARTLY);

  /* back to the organisation, whose assessment is unchanged */
  choose (fixture, "scope_row", "Whole organisation");
  g_assert_cmpint (shown_state (fixture, enthusiasts), ==, VONK_ASSESSMENT_MET);
  g_assert_cmpstr (label (fixture, "phase_label"), ==, "Presence");

  /* a department that is deleted while shown gives way to the organisation */
  choose (fixture, "scope_row", "Sales");
  sales = g_object_ref (vonk_project_lookup (fixture->project, VONK_TYPE_DEPARTMENT,
                                             fixture->sales_id));
  g_assert_true (vonk_project_remove (fixture->project, sales, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (adw_combo_row_get_selected (child (fixture, "scope_row")), ==, 0);
  g_assert_cmpint (shown_state (fixture, enthusiasts), ==, VONK_ASSESSMENT_MET);
  g_assert_cmpstr (label (fixture, "phase_label"), ==, "Presence");

  /* and a renamed one stays chosen */
  choose (fixture, "scope_row", "Claims");
  {
    AdwComboRow *scope_row = child (fixture, "scope_row");
    g_autoptr(VonkEntity) draft = vonk_entity_copy (adw_combo_row_get_selected_item (scope_row));

    g_object_set (draft, "name", "Claims Handling", NULL);
    g_assert_true (vonk_project_save (fixture->project, draft, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (vonk_entity_get_string (adw_combo_row_get_selected_item (scope_row), "name"),
                     ==, "Claims Handling");
    g_assert_cmpstr (label (fixture, "phase_label"), ==, "Not yet present");
  }
}

/* Dates are typed; a date that is none or lies ahead is refused, one in the
 * past recorded but does not outrank a later assessment. */
static void
test_dates (Fixture       *fixture,
            gconstpointer  data)
{
  const char *title = "Enthusiasts have made a start";
  GtkEditable *date = child (fixture, "date_row");

  g_assert_cmpstr (gtk_editable_get_text (date), ==, "27-11-2026");

  gtk_editable_set_text (date, "31-02-2026");
  tick (fixture, title, VONK_ASSESSMENT_MET);
  g_assert_cmpuint (n_assessments (fixture->project), ==, 0);
  g_assert_cmpuint (fixture->toasts->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (fixture->toasts, 0),
                                   "“31-02-2026” is not a date"));
  g_assert_cmpint (shown_state (fixture, title), ==, -1);

  gtk_editable_set_text (date, "2026-11-28");
  tick (fixture, title, VONK_ASSESSMENT_MET);
  g_assert_cmpuint (n_assessments (fixture->project), ==, 0);
  g_assert_cmpstr (g_ptr_array_index (fixture->toasts, 1), ==,
                   "An assessment cannot be dated after today");

  gtk_editable_set_text (date, "3-3-2026");
  tick (fixture, title, VONK_ASSESSMENT_MET);
  g_assert_cmpuint (n_assessments (fixture->project), ==, 1);
  assert_date (vonk_entity_get_date (last_assessment (fixture->project), "assessed-on"),
               "2026-03-03");
  g_assert_cmpstr (latest_text (fixture, title), ==, "Met since 3 March 2026");

  /* empty is today */
  gtk_editable_set_text (date, "");
  tick (fixture, title, VONK_ASSESSMENT_PARTLY);
  assert_date (vonk_entity_get_date (last_assessment (fixture->project), "assessed-on"), TODAY);

  /* one of before then is kept, but the latest still decides */
  gtk_editable_set_text (date, "2026-01-10");
  tick (fixture, title, VONK_ASSESSMENT_MET);
  g_assert_cmpuint (n_assessments (fixture->project), ==, 3);
  g_assert_cmpint (shown_state (fixture, title), ==, VONK_ASSESSMENT_PARTLY);
  g_assert_cmpuint (fixture->toasts->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (fixture->toasts, 2), ==,
                   "Recorded for 10 January 2026, but a later assessment still decides the state");
}

static GObject *
editor_child (GtkWidget  *editor,
              const char *name)
{
  return gtk_widget_get_template_child (editor, VONK_TYPE_CRITERION_EDITOR, name);
}

/* Adding, editing, moving and deleting criteria. */
static void
test_criteria_edited (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *added_title = "Webcare answers within the hour";
  GtkListBox *dialogue = child (fixture, "dialogue_list");
  VonkCriterionRow *row, *first;
  VonkEntity *added, *calendar;
  gpointer editor;
  AdwMessageDialog *dialog;
  guint n_criteria;

  /* add, to the phase of the button */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view),
                                             "assessment.add-criterion", "i",
                                             VONK_PHASE_DIALOGUE));
  editor = vonk_test_find_window (VONK_TYPE_CRITERION_EDITOR);
  g_assert_nonnull (editor);
  g_object_add_weak_pointer (editor, &editor);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (editor_child (editor,
                                                                             "phase_row"))),
                    ==, VONK_PHASE_DIALOGUE);
  gtk_editable_set_text (GTK_EDITABLE (editor_child (editor, "title_row")), added_title);
  gtk_editable_set_text (GTK_EDITABLE (editor_child (editor, "description_row")),
                         "Questions that arrive online are answered within the hour.");
  gtk_switch_set_active (GTK_SWITCH (editor_child (editor, "required_switch")), FALSE);
  g_signal_emit_by_name (editor_child (editor, "save_button"), "clicked");
  WAIT_UNTIL (editor == NULL);

  added = criterion_titled (fixture->project, added_title);
  g_assert_cmpint (vonk_entity_get_enum (added, "phase"), ==, VONK_PHASE_DIALOGUE);
  g_assert_cmpint (vonk_entity_get_int (added, "position"), ==, 4);
  g_assert_false (vonk_entity_get_boolean (added, "required"));
  g_assert_true (vonk_entity_get_boolean (added, "enabled"));
  row = row_for (fixture, added_title);
  g_assert_cmpint (row_index (fixture, row), ==, 4);
  g_assert_true (gtk_widget_get_visible (row_child (row, "optional_badge")));
  g_assert_false (gtk_widget_is_sensitive (row_child (row, "down_button")));

  /* move up: swaps places with the one above */
  calendar = criterion_titled (fixture->project, "A content calendar");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "criterion.move-up", NULL));
  g_assert_cmpint (vonk_entity_get_int (added, "position"), ==, 3);
  g_assert_cmpint (vonk_entity_get_int (calendar, "position"), ==, 4);
  g_assert_cmpint (row_index (fixture, row), ==, 3);
  g_assert_true (gtk_widget_is_sensitive (row_child (row, "down_button")));

  /* the first of a phase cannot go up */
  first = VONK_CRITERION_ROW (gtk_list_box_get_row_at_index (dialogue, 0));
  g_assert_false (gtk_widget_is_sensitive (row_child (first, "up_button")));
  g_assert_true (gtk_widget_is_sensitive (row_child (first, "down_button")));

  /* edit: to another phase, where it goes last */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row_for (fixture,
                                                                  "Publishing guidelines")),
                                             "criterion.edit", NULL));
  editor = vonk_test_find_window (VONK_TYPE_CRITERION_EDITOR);
  g_assert_nonnull (editor);
  g_object_add_weak_pointer (editor, &editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor_child (editor, "title_row"))),
                   ==, "Publishing guidelines");
  adw_combo_row_set_selected (ADW_COMBO_ROW (editor_child (editor, "phase_row")),
                              VONK_PHASE_ENGAGEMENT);
  g_signal_emit_by_name (editor_child (editor, "title_row"), "entry-activated");
  WAIT_UNTIL (editor == NULL);
  g_assert_cmpint (vonk_entity_get_enum (criterion_titled (fixture->project,
                                                           "Publishing guidelines"),
                                         "phase"), ==, VONK_PHASE_ENGAGEMENT);
  g_assert_cmpint (vonk_entity_get_int (criterion_titled (fixture->project,
                                                          "Publishing guidelines"),
                                        "position"), ==, 5);
  g_assert_true (gtk_widget_get_parent (GTK_WIDGET (row_for (fixture, "Publishing guidelines")))
                 == child (fixture, "engagement_list"));
  g_assert_cmpint (row_index (fixture, row_for (fixture, "Publishing guidelines")), ==, 5);
  g_assert_false (label_has (fixture, "missing_label", "Publishing guidelines"));

  /* an empty title is refused in the form */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "criterion.edit", NULL));
  editor = vonk_test_find_window (VONK_TYPE_CRITERION_EDITOR);
  g_object_add_weak_pointer (editor, &editor);
  gtk_editable_set_text (GTK_EDITABLE (editor_child (editor, "title_row")), " ");
  g_signal_emit_by_name (editor_child (editor, "save_button"), "clicked");
  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor_child (editor, "error_label"))));
  g_assert_cmpstr (vonk_entity_get_string (added, "title"), ==, added_title);
  gtk_window_close (editor);
  WAIT_UNTIL (editor == NULL);

  /* the rule's criteria keep their phase and stay required */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row_for (fixture,
                                                                  "Not owned by one department")),
                                             "criterion.edit", NULL));
  editor = vonk_test_find_window (VONK_TYPE_CRITERION_EDITOR);
  g_object_add_weak_pointer (editor, &editor);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (editor_child (editor, "phase_row"))));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (editor_child (editor, "required_row"))));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor_child (editor, "rule_label"))));
  gtk_window_close (editor);
  WAIT_UNTIL (editor == NULL);

  /* delete, after a question, with its assessments */
  tick (fixture, added_title, VONK_ASSESSMENT_MET);
  g_assert_cmpuint (n_assessments (fixture->project), ==, 1);
  n_criteria = g_list_model_get_n_items (vonk_project_get_list (fixture->project,
                                                                VONK_TYPE_CRITERION));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "criterion.delete", NULL));
  dialog = vonk_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "Delete “Webcare answers within the hour”?");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "Its 1 assessment, of the organisation or a department, is deleted as well.");
  adw_message_dialog_response (dialog, "delete");
  g_assert_cmpuint (g_list_model_get_n_items (vonk_project_get_list (fixture->project,
                                                                     VONK_TYPE_CRITERION)),
                    ==, n_criteria - 1);
  g_assert_cmpuint (n_assessments (fixture->project), ==, 0);
  g_assert_nonnull (gtk_list_box_get_row_at_index (dialogue, 2));
  g_assert_null (gtk_list_box_get_row_at_index (dialogue, 3));
  g_assert_cmpuint (fixture->toasts->len, ==, 0);
}

/* What the view saved is in the file. */
static void
test_persisted (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) criteria = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) assessments = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *phase = NULL;
  VonkProject *project;
  GListModel *list;
  VonkCriterionRow *row;

  choose_assessor (fixture, "Anna", "Anna de Vries");
  row = row_for (fixture, "Someone listens");
  gtk_toggle_button_set_active (row_child (row, "evidence_button"), TRUE);
  gtk_editable_set_text (row_child (row, "evidence_entry"), "Monthly media report");
  tick (fixture, "Someone listens", VONK_ASSESSMENT_MET);
  tick (fixture, "Enthusiasts have made a start", VONK_ASSESSMENT_MET);
  gtk_switch_set_active (row_child (row_for (fixture, "A content calendar"), "enabled_switch"),
                         FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row_for (fixture, "Time is allotted")),
                                             "criterion.move-down", NULL));
  choose (fixture, "scope_row", "Sales");
  tick (fixture, "Enthusiasts have made a start", VONK_ASSESSMENT_PARTLY);
  choose (fixture, "scope_row", "Whole organisation");
  phase = g_strdup (label (fixture, "phase_label"));
  g_assert_cmpstr (phase, ==, "Presence");

  list = vonk_project_get_list (fixture->project, VONK_TYPE_CRITERION);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(VonkEntity) criterion = g_list_model_get_item (list, i);

      g_ptr_array_add (criteria, vonk_entity_copy (criterion));
    }
  list = vonk_project_get_list (fixture->project, VONK_TYPE_ASSESSMENT);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(VonkEntity) assessment = g_list_model_get_item (list, i);

      g_ptr_array_add (assessments, vonk_entity_copy (assessment));
    }
  g_assert_cmpuint (assessments->len, ==, 3);

  project = reopen (fixture);

  list = vonk_project_get_list (project, VONK_TYPE_CRITERION);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, criteria->len);
  for (guint i = 0; i < criteria->len; i++)
    {
      g_autoptr(VonkEntity) criterion = g_list_model_get_item (list, i);

      g_assert_true (vonk_entity_equal (criterion, g_ptr_array_index (criteria, i)));
    }
  list = vonk_project_get_list (project, VONK_TYPE_ASSESSMENT);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, assessments->len);
  for (guint i = 0; i < assessments->len; i++)
    {
      g_autoptr(VonkEntity) assessment = g_list_model_get_item (list, i);

      g_assert_true (vonk_entity_equal (assessment, g_ptr_array_index (assessments, i)));
    }
  g_assert_false (vonk_entity_get_boolean (criterion_titled (project, "A content calendar"),
                                           "enabled"));
  g_assert_cmpint (vonk_entity_get_int (criterion_titled (project, "Time is allotted"),
                                        "position"), ==, 2);

  /* and a view on the reopened project shows the same */
  show_view (fixture, project);
  g_assert_cmpstr (label (fixture, "phase_label"), ==, phase);
  g_assert_cmpstr (latest_text (fixture, "Someone listens"), ==,
                   "Met since 27 November 2026, by Anna de Vries — Monthly media report");
  g_assert_cmpint (row_index (fixture, row_for (fixture, "Time is allotted")), ==, 2);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row_for (fixture, "A content calendar")),
                                           "criterion-off"));
}

/* The assessor is found by typing part of a name, e-mail address or
 * department, and chosen with the keyboard; the assessments recorded are
 * signed with it, in the view and in the file, and Undo puts the one
 * signed before back. */
static void
test_assessor_search (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *button = child (fixture, "assessor_button");
  GtkWidget *popover = child (fixture, "assessor_popover");
  VonkPersonSearch *search = child (fixture, "assessor_search");
  GtkEditable *entry = assessor_entry (fixture);
  g_autoptr(GError) error = NULL;
  gint64 claims_id = 0, chris_id;
  GListModel *departments = vonk_project_get_list (fixture->project, VONK_TYPE_DEPARTMENT);
  VonkProject *project;
  g_autoptr(VonkEntity) assessment = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
    {
      g_autoptr(VonkEntity) department = g_list_model_get_item (departments, i);

      if (g_str_equal (vonk_entity_get_string (department, "name"), "Claims"))
        claims_id = vonk_entity_get_id (department);
    }
  vonk_test_add (fixture->project, g_object_new (VONK_TYPE_PERSON, "name", "Bram de Vries",
                                                 "email", "bram@example.org",
                                                 "department-id", claims_id, NULL));
  chris_id = vonk_test_add (fixture->project, g_object_new (VONK_TYPE_PERSON,
                                                           "name", "Chris Smit",
                                                           "email", "c.jansen@example.org",
                                                           "department-id", fixture->sales_id,
                                                           NULL));

  /* no one at first, as the button says and reads out */
  g_assert_cmpstr (assessor_shown (fixture), ==, "None");
  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL, "Assessor: None");

  /* the row's mnemonic opens the search, with the keyboard in it */
  g_assert_true (gtk_widget_mnemonic_activate (child (fixture, "assessor_row"), FALSE));
  WAIT_UNTIL (gtk_widget_get_mapped (popover));
  WAIT_UNTIL (gtk_widget_has_focus (GTK_WIDGET (gtk_editable_get_delegate (entry))));

  /* nothing typed lists nobody; then names, e-mail addresses, departments */
  g_assert_true (assessor_matches_are (fixture, ""));
  gtk_editable_set_text (entry, "de vr");
  WAIT_UNTIL (assessor_matches_are (fixture, "Anna de Vries, Bram de Vries"));
  WAIT_UNTIL (vonk_test_has_label (popover, "Bram de Vries") &&
              vonk_test_has_label (popover, "Claims · bram@example.org"));
  gtk_editable_set_text (entry, "JANSEN@");
  WAIT_UNTIL (assessor_matches_are (fixture, "Chris Smit"));
  gtk_editable_set_text (entry, "claims");
  WAIT_UNTIL (assessor_matches_are (fixture, "Bram de Vries"));
  gtk_editable_set_text (entry, "sales");
  WAIT_UNTIL (assessor_matches_are (fixture, "Anna de Vries, Chris Smit"));
  gtk_editable_set_text (entry, "nobody by this name");
  WAIT_UNTIL (assessor_matches_are (fixture, ""));

  /* the arrows move the highlight, Enter picks it */
  gtk_editable_set_text (entry, "s");
  WAIT_UNTIL (assessor_matches_are (fixture, "Anna de Vries, Bram de Vries, Chris Smit"));
  g_assert_cmpuint (vonk_person_search_get_highlighted (search), ==, 0);
  vonk_test_press_shortcut (GTK_WIDGET (entry), "Down");
  vonk_test_press_shortcut (GTK_WIDGET (entry), "Down");
  vonk_test_press_shortcut (GTK_WIDGET (entry), "Down");
  g_assert_cmpuint (vonk_person_search_get_highlighted (search), ==, 2);
  vonk_test_press_shortcut (GTK_WIDGET (entry), "Up");
  vonk_test_press_shortcut (GTK_WIDGET (entry), "Down");
  g_signal_emit_by_name (entry, "activate");
  WAIT_UNTIL (!gtk_widget_get_mapped (popover));
  g_assert_cmpstr (assessor_shown (fixture), ==, "Chris Smit");
  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Assessor: Chris Smit");

  /* what is recorded is signed by Chris */
  tick (fixture, "Someone listens", VONK_ASSESSMENT_MET);
  g_assert_cmpint (vonk_entity_get_int64 (last_assessment (fixture->project), "assessor-id"), ==,
                   chris_id);
  g_assert_cmpstr (latest_text (fixture, "Someone listens"), ==,
                   "Met since 27 November 2026, by Chris Smit");

  /* Escape closes the search and changes nothing */
  open_assessor_search (fixture);
  gtk_editable_set_text (entry, "anna");
  g_signal_emit_by_name (entry, "stop-search");
  WAIT_UNTIL (!gtk_widget_get_mapped (popover));
  g_assert_cmpstr (assessor_shown (fixture), ==, "Chris Smit");

  /* then Anna, by the keyboard: the next assessment is hers */
  choose_assessor (fixture, "anna", "Anna de Vries");
  g_assert_cmpstr (assessor_shown (fixture), ==, "Anna de Vries");
  tick (fixture, "Someone listens", VONK_ASSESSMENT_PARTLY);
  g_assert_cmpint (vonk_entity_get_int64 (last_assessment (fixture->project), "assessor-id"), ==,
                   fixture->anna_id);
  g_assert_cmpstr (latest_text (fixture, "Someone listens"), ==,
                   "Partly met since 27 November 2026, by Anna de Vries");

  /* Undo takes her assessment back: Chris's shows again */
  g_assert_true (vonk_history_undo (vonk_project_get_history (fixture->project), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_assessments (fixture->project), ==, 1);
  WAIT_UNTIL (g_str_equal (latest_text (fixture, "Someone listens"),
                           "Met since 27 November 2026, by Chris Smit"));
  g_assert_cmpint (shown_state (fixture, "Someone listens"), ==, VONK_ASSESSMENT_MET);

  /* "No Assessor" leaves the next one unsigned */
  open_assessor_search (fixture);
  g_assert_true (gtk_widget_get_visible (child (fixture, "no_assessor_button")));
  g_signal_emit_by_name (child (fixture, "no_assessor_button"), "clicked");
  WAIT_UNTIL (!gtk_widget_get_mapped (popover));
  g_assert_cmpstr (assessor_shown (fixture), ==, "None");
  g_assert_false (gtk_widget_get_visible (child (fixture, "no_assessor_button")));
  tick (fixture, "Enthusiasts have made a start", VONK_ASSESSMENT_MET);
  g_assert_cmpint (vonk_entity_get_int64 (last_assessment (fixture->project), "assessor-id"), ==,
                   0);

  /* and the file says the same */
  project = reopen (fixture);
  g_assert_cmpuint (n_assessments (project), ==, 2);
  assessment = g_list_model_get_item (vonk_project_get_list (project, VONK_TYPE_ASSESSMENT), 0);
  g_assert_cmpint (vonk_entity_get_int64 (assessment, "assessor-id"), ==, chris_id);
  g_assert_cmpint (vonk_entity_get_enum (assessment, "state"), ==, VONK_ASSESSMENT_MET);
  show_view (fixture, project);
  g_assert_cmpstr (latest_text (fixture, "Someone listens"), ==,
                   "Met since 27 November 2026, by Chris Smit");
}

/* The button follows the assessor chosen: a new name shows at once, and
 * once that person is deleted no one is chosen. */
static void
test_assessor_follows (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(VonkEntity) anna = vonk_entity_copy (vonk_project_lookup (fixture->project,
                                                                       VONK_TYPE_PERSON,
                                                                       fixture->anna_id));
  g_autoptr(GError) error = NULL;

  choose_assessor (fixture, "vries", "Anna de Vries");
  g_assert_cmpstr (assessor_shown (fixture), ==, "Anna de Vries");

  g_object_set (anna, "name", "Anna Bakker", NULL);
  g_assert_true (vonk_project_save (fixture->project, anna, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (assessor_shown (fixture), ==, "Anna Bakker");

  g_assert_true (vonk_project_remove (fixture->project,
                                      vonk_project_lookup (fixture->project, VONK_TYPE_PERSON,
                                                           fixture->anna_id),
                                      &error));
  g_assert_no_error (error);
  g_assert_cmpstr (assessor_shown (fixture), ==, "None");
  tick (fixture, "Someone listens", VONK_ASSESSMENT_MET);
  g_assert_cmpint (vonk_entity_get_int64 (last_assessment (fixture->project), "assessor-id"), ==,
                   0);
}

/* The number of criterion rows in the view, and whether each list has
 * them by position. */
static guint
n_rows_in_order (Fixture *fixture)
{
  guint n = 0;

  for (int p = 0; p < VONK_N_PHASES; p++)
    {
      int last = G_MININT;

      for (GtkWidget *row = gtk_widget_get_first_child (child (fixture, list_names[p])); row;
           row = gtk_widget_get_next_sibling (row))
        {
          VonkEntity *criterion;
          int position;

          if (!VONK_IS_CRITERION_ROW (row))
            continue;
          criterion = VONK_ENTITY (vonk_criterion_row_get_criterion (VONK_CRITERION_ROW (row)));
          position = vonk_entity_get_int (criterion, "position");
          if (position < last || vonk_entity_get_enum (criterion, "phase") != p)
            return 0;
          last = position;
          n++;
        }
    }

  return n;
}

/* A long checklist comes in over a few main-loop iterations, each row in
 * its place, and then says the same as a short one. */
static void
test_long_checklist (Fixture       *fixture,
                     gconstpointer  data)
{
  GListModel *criteria = vonk_project_get_list (fixture->project, VONK_TYPE_CRITERION);
  guint n;

  /* interleaved with the default ones, from the last position backwards */
  for (int i = 30; i > 0; i--)
    {
      g_autofree char *title = g_strdup_printf ("Extra %02d", i);

      vonk_test_add (fixture->project, g_object_new (VONK_TYPE_CRITERION,
                                                     "phase", i % VONK_N_PHASES,
                                                     "position", i - 3,
                                                     "title", title,
                                                     "required", FALSE,
                                                     NULL));
    }
  n = g_list_model_get_n_items (criteria);
  g_assert_cmpuint (n, >, 40);

  vonk_assessment_view_set_project (fixture->view, NULL);
  vonk_assessment_view_set_project (fixture->view, fixture->project);
  g_assert_cmpuint (n_rows_in_order (fixture), <, n);
  WAIT_UNTIL (n_rows_in_order (fixture) == n);

  /* ticking a row made later counts as any other */
  tick (fixture, "Extra 29", VONK_ASSESSMENT_MET);
  g_assert_cmpint (shown_state (fixture, "Extra 29"), ==, VONK_ASSESSMENT_MET);
}

/* Without a project the view is empty and offers nothing. */
static void
test_no_project (Fixture       *fixture,
                 gconstpointer  data)
{
  g_object_set (fixture->view, "project", NULL, NULL);
  g_assert_null (vonk_assessment_view_get_project (fixture->view));
  for (int p = 0; p < VONK_N_PHASES; p++)
    g_assert_null (gtk_list_box_get_row_at_index (child (fixture, list_names[p]), 0));
  g_assert_cmpstr (label (fixture, "phase_label"), ==, "");
  g_assert_false (gtk_widget_is_sensitive (child (fixture, "presence_add")));

  vonk_assessment_view_set_project (fixture->view, fixture->project);
  g_assert_nonnull (gtk_list_box_get_row_at_index (child (fixture, "presence_list"), 0));
  WAIT_UNTIL (g_str_equal (label (fixture, "phase_label"), "Not yet present"));
  g_assert_true (gtk_widget_is_sensitive (child (fixture, "presence_add")));
}

int
main (int   argc,
      char *argv[])
{
  vonk_test_init_gui (&argc, &argv, TODAY);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/assessment/presence-ticked", test_presence_ticked);
  ADD ("/assessment/rule-blocks", test_rule_blocks);
  ADD ("/assessment/disabled", test_disabled);
  ADD ("/assessment/department-scope", test_department_scope);
  ADD ("/assessment/dates", test_dates);
  ADD ("/assessment/criteria-edited", test_criteria_edited);
  ADD ("/assessment/persisted", test_persisted);
  ADD ("/assessment/no-project", test_no_project);
  ADD ("/assessment/assessor-search", test_assessor_search);
  ADD ("/assessment/assessor-follows", test_assessor_follows);
  ADD ("/assessment/long-checklist", test_long_checklist);

#undef ADD

  return g_test_run ();
}
