/* test-preferences.c — the Preferences window changes the Champions view
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real widgets under Xvfb on the demo project, with the settings in memory
 * (GSETTINGS_BACKEND=memory, the schema compiled into the build tree). A
 * spin button in the Preferences window is set as a user would; the value
 * reaches GSettings, and the Champions view, which keeps its own GSettings,
 * follows. Today is 27 November 2026 (VONK_TODAY).
 */

#include "config.h"

#include <string.h>

#include "vonk-champions-view.h"
#include "vonk-preferences-window.h"
#include "vonk-settings.h"
#include "vonk-test-utils-gui.h"

typedef struct
{
  char        *dir;
  char        *path;
  VonkStore   *store;
  VonkProject *project;
  GSettings   *settings;
  GtkWindow   *window;
  GtkWidget   *view;
  GtkWidget   *preferences;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDate) today = vonk_date_today ();
  g_autoptr(GError) error = NULL;

  g_assert_true (vonk_settings_available ());
  fixture->settings = vonk_settings_new ();
  g_assert_nonnull (fixture->settings);
  g_settings_reset (fixture->settings, "coverage-target");
  g_settings_reset (fixture->settings, "quiet-weeks");

  fixture->store = vonk_test_store_new ("vonk-preferences-XXXXXX", &fixture->dir, &fixture->path);
  fixture->project = g_object_ref (vonk_demo_create (fixture->store, today, &error));
  g_assert_no_error (error);

  fixture->window = vonk_test_window_new (1200, 800);
  fixture->view = vonk_champions_view_new (fixture->project);
  vonk_test_show (fixture->window, fixture->view);

  fixture->preferences = vonk_preferences_window_new (fixture->settings);
  gtk_window_set_transient_for (GTK_WINDOW (fixture->preferences), fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->preferences));
  WAIT_UNTIL (gtk_widget_get_mapped (fixture->preferences));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  vonk_test_destroy_windows ();
  g_settings_reset (fixture->settings, "coverage-target");
  g_settings_reset (fixture->settings, "quiet-weeks");
  g_clear_object (&fixture->settings);
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

static char *
coverage_text (const VonkCoverageRow *row)
{
  switch (row->coverage)
    {
    case VONK_COVERAGE_COVERED:
      return g_strdup ("Covered");
    case VONK_COVERAGE_UNDER_TARGET:
      return g_strdup_printf ("Under target (short by %u)", row->shortfall);
    case VONK_COVERAGE_NONE:
    default:
      return g_strdup ("None");
    }
}

/* "|headcount|champions|needed|coverage" of @row */
static char *
expected_numbers (const VonkCoverageRow *row)
{
  g_autofree char *coverage = coverage_text (row);

  return g_strdup_printf ("|%u|%u|%u|%s", row->headcount, row->champions, row->needed, coverage);
}

/* A department whose number needed differs between the targets, one whose
 * coverage changes too if there is one. */
static guint
department_that_changes (GArray *before,
                         GArray *after)
{
  guint found = G_MAXUINT;

  for (guint i = 0; i < after->len; i++)
    {
      const VonkCoverageRow *a = &g_array_index (after, VonkCoverageRow, i);

      for (guint j = 0; j < before->len; j++)
        {
          const VonkCoverageRow *b = &g_array_index (before, VonkCoverageRow, j);

          if (a->id != b->id || a->needed == b->needed)
            continue;
          if (a->coverage != b->coverage)
            return i;
          if (found == G_MAXUINT)
            found = i;
        }
    }

  g_assert_cmpuint (found, !=, G_MAXUINT);
  return found;
}

static void
test_coverage_target (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (child (fixture->preferences, "coverage_spin"));
  GtkWidget *department_view = GTK_WIDGET (child (fixture->view, "department_view"));
  g_autoptr(GArray) before = vonk_champions_coverage_by_department (fixture->project, 50);
  g_autoptr(GArray) after = vonk_champions_coverage_by_department (fixture->project, 10);
  const VonkCoverageRow *row = &g_array_index (after, VonkCoverageRow,
                                               department_that_changes (before, after));
  const VonkCoverageRow *old = NULL;
  const char *name = vonk_entity_get_string (vonk_project_lookup (fixture->project,
                                                                  VONK_TYPE_DEPARTMENT, row->id),
                                             "name");
  g_autofree char *old_numbers = NULL;
  g_autofree char *new_numbers = expected_numbers (row);
  g_autofree char *texts = NULL;

  for (guint i = 0; i < before->len; i++)
    if (g_array_index (before, VonkCoverageRow, i).id == row->id)
      old = &g_array_index (before, VonkCoverageRow, i);
  g_assert_nonnull (old);
  old_numbers = expected_numbers (old);

  /* the default, in the spin button and the view */
  g_assert_cmpint (g_settings_get_int (fixture->settings, "coverage-target"), ==, 50);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 50);
  g_assert_true (vonk_test_has_label (fixture->view, "Target: one champion per 50 employees"));
  WAIT_UNTIL ((texts = row_texts (department_view, name)) != NULL);
  g_test_message ("%s at 50: %s", name, texts);
  g_assert_nonnull (strstr (texts, old_numbers));
  g_clear_pointer (&texts, g_free);

  /* one champion per 10 employees */
  gtk_spin_button_set_value (spin, 10);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "coverage-target"), ==, 10);
  WAIT_UNTIL (vonk_test_has_label (fixture->view, "Target: one champion per 10 employees"));
  g_assert_false (vonk_test_has_label (fixture->view, "Target: one champion per 50 employees"));
  WAIT_UNTIL ((texts = row_texts (department_view, name)) != NULL &&
              strstr (texts, new_numbers) != NULL);
  g_test_message ("%s at 10: %s", name, texts);
  g_assert_cmpuint (row->needed, >, old->needed);

  /* and back, from the settings to the spin button */
  g_settings_set_int (fixture->settings, "coverage-target", 1);
  WAIT_UNTIL (gtk_spin_button_get_value_as_int (spin) == 1);
  WAIT_UNTIL (vonk_test_has_label (fixture->view, "Target: one champion per 1 employee"));
}

static void
test_quiet_weeks (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (child (fixture->preferences, "quiet_spin"));
  /* what the list of quiet champions shows (a list view, with widgets for
   * the rows in view only) */
  GListModel *quiet_rows = G_LIST_MODEL (child (fixture->view, "quiet_rows"));
  GtkLabel *explanation = GTK_LABEL (child (fixture->view, "quiet_explanation"));
  g_autoptr(GArray) at_8 = vonk_champions_gone_quiet (fixture->project, 8, NULL);
  g_autoptr(GArray) at_2 = vonk_champions_gone_quiet (fixture->project, 2, NULL);
  g_autoptr(GArray) at_52 = vonk_champions_gone_quiet (fixture->project, 52, NULL);

  g_test_message ("gone quiet: %u after 2 weeks, %u after 8, %u after 52",
                  at_2->len, at_8->len, at_52->len);
  /* the demo has champions that only a shorter span counts as quiet */
  g_assert_cmpuint (at_2->len, >, at_8->len);

  g_assert_cmpint (g_settings_get_int (fixture->settings, "quiet-weeks"), ==, 8);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 8);
  /* the page's sections are filled once it is shown */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (child (fixture->view, "stack")),
                                         "champions");
  WAIT_UNTIL (g_list_model_get_n_items (quiet_rows) == at_8->len);
  g_assert_nonnull (strstr (gtk_label_get_text (explanation), "in the last 8 weeks"));

  gtk_spin_button_set_value (spin, 2);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "quiet-weeks"), ==, 2);
  WAIT_UNTIL (g_list_model_get_n_items (quiet_rows) == at_2->len);
  g_assert_nonnull (strstr (gtk_label_get_text (explanation), "in the last 2 weeks"));

  gtk_spin_button_set_value (spin, 52);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "quiet-weeks"), ==, 52);
  WAIT_UNTIL (g_list_model_get_n_items (quiet_rows) == at_52->len);
  g_assert_nonnull (strstr (gtk_label_get_text (explanation), "in the last 52 weeks"));

  /* the range of the key holds in the spin button */
  gtk_spin_button_set_value (spin, 60);
  g_assert_cmpint (g_settings_get_int (fixture->settings, "quiet-weeks"), ==, 52);
}

/* The rows have mnemonics and the spin buttons accessible names. */
static void
test_accessible (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *coverage_spin = GTK_WIDGET (child (fixture->preferences, "coverage_spin"));
  GtkWidget *quiet_spin = GTK_WIDGET (child (fixture->preferences, "quiet_spin"));
  AdwActionRow *coverage_row =
    ADW_ACTION_ROW (gtk_widget_get_ancestor (coverage_spin, ADW_TYPE_ACTION_ROW));
  AdwActionRow *quiet_row =
    ADW_ACTION_ROW (gtk_widget_get_ancestor (quiet_spin, ADW_TYPE_ACTION_ROW));

  g_assert_true (adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (coverage_row)));
  g_assert_nonnull (strchr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (coverage_row)),
                            '_'));
  g_assert_true (adw_action_row_get_activatable_widget (coverage_row) == coverage_spin);
  g_assert_true (adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (quiet_row)));
  g_assert_true (adw_action_row_get_activatable_widget (quiet_row) == quiet_spin);
  g_assert_nonnull (strchr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (quiet_row)), '_'));

  /* Alt+T: the mnemonic of "Coverage _Target" focuses its spin button */
  g_assert_true (gtk_widget_mnemonic_activate (GTK_WIDGET (coverage_row), FALSE));
  WAIT_UNTIL (gtk_widget_has_focus (coverage_spin) ||
              gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->preferences)),
                                      coverage_spin));

  /* a name for assistive technologies (the a11y test checks every view) */
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (coverage_spin)), ==,
                   GTK_ACCESSIBLE_ROLE_SPIN_BUTTON);
}

int
main (int   argc,
      char *argv[])
{
  vonk_test_init_gui (&argc, &argv, "2026-11-27");

  g_test_add ("/preferences/coverage-target", Fixture, NULL, fixture_set_up,
              test_coverage_target, fixture_tear_down);
  g_test_add ("/preferences/quiet-weeks", Fixture, NULL, fixture_set_up, test_quiet_weeks,
              fixture_tear_down);
  g_test_add ("/preferences/accessible", Fixture, NULL, fixture_set_up, test_accessible,
              fixture_tear_down);

  return g_test_run ();
}
