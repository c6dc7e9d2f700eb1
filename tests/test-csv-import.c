/* test-csv-import.c — the CSV import dialog, as a user goes through it
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real widgets under Xvfb on the demo project: the dialog opens on a file,
 * shows what it found, a column's mapping is changed in its combo row, and
 * Import is clicked; the report on screen and the project's people are
 * checked. A refused file shows its message and changes nothing.
 */

#include "config.h"

#include <string.h>

#include "vonk-csv-import-dialog.h"
#include "vonk-test-utils-gui.h"

typedef struct
{
  char        *dir;
  char        *path;
  VonkStore   *store;
  VonkProject *project;
  GtkWindow   *window;
  GtkWidget   *dialog;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDate) today = vonk_date_today ();
  g_autoptr(GError) error = NULL;

  fixture->store = vonk_test_store_new ("vonk-csv-import-XXXXXX", &fixture->dir, &fixture->path);
  fixture->project = g_object_ref (vonk_demo_create (fixture->store, today, &error));
  g_assert_no_error (error);

  fixture->window = vonk_test_window_new (1000, 700);
  vonk_test_show (fixture->window, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  vonk_test_destroy_windows ();
  g_clear_object (&fixture->project);
  g_clear_object (&fixture->store);
  g_assert_true (vonk_test_remove_recursively (fixture->dir));
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* Writes @text to a file in the fixture's folder and opens the dialog on it. */
static void
open_dialog (Fixture    *fixture,
             const char *text,
             gssize      length)
{
  g_autofree char *path = g_build_filename (fixture->dir, "mensen.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (g_file_set_contents (path, text, length, NULL));
  fixture->dialog = vonk_csv_import_dialog_new (fixture->window, fixture->project, file);
  gtk_window_present (GTK_WINDOW (fixture->dialog));
  WAIT_UNTIL (gtk_widget_get_mapped (fixture->dialog));
  /* the file is read in the background */
  WAIT_UNTIL (!vonk_test_has_label (fixture->dialog, "Reading the file…"));
  gtk_test_widget_wait_for_draw (fixture->dialog);
}

/* The combo row of the column headed @title. */
static AdwComboRow *
find_combo_row (GtkWidget  *widget,
                const char *title)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      AdwComboRow *found;

      if (ADW_IS_COMBO_ROW (c) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (c)), title) == 0)
        return ADW_COMBO_ROW (c);
      if ((found = find_combo_row (c, title)) != NULL)
        return found;
    }

  return NULL;
}

static const char *
combo_choice (AdwComboRow *row)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (row);

  return gtk_string_object_get_string (item);
}

/* The titles of the preview's columns, joined with "|". */
static char *
preview_titles (Fixture *fixture)
{
  GtkColumnView *preview = GTK_COLUMN_VIEW (gtk_widget_get_template_child (fixture->dialog,
                                                                           VONK_TYPE_CSV_IMPORT_DIALOG,
                                                                           "preview"));
  GListModel *columns = gtk_column_view_get_columns (preview);
  g_autoptr(GString) titles = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (i > 0)
        g_string_append_c (titles, '|');
      g_string_append (titles, gtk_column_view_column_get_title (column));
    }

  return g_string_free (g_steal_pointer (&titles), FALSE);
}

static GtkWidget *
import_button (Fixture *fixture)
{
  return GTK_WIDGET (gtk_widget_get_template_child (fixture->dialog,
                                                    VONK_TYPE_CSV_IMPORT_DIALOG,
                                                    "import_button"));
}

static void
click_import (Fixture *fixture)
{
  GtkWidget *button = vonk_test_find_button (fixture->dialog, "csv-import.import");

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static VonkEntity *
find_person (VonkProject *project,
             const char  *name)
{
  GListModel *people = vonk_project_get_list (project, VONK_TYPE_PERSON);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(VonkEntity) person = g_list_model_get_item (people, i);

      if (g_strcmp0 (vonk_entity_get_string (person, "name"), name) == 0)
        return person;
    }

  return NULL;
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  GListModel *people = vonk_project_get_list (fixture->project, VONK_TYPE_PERSON);
  guint n_people = g_list_model_get_n_items (people);
  g_autoptr(VonkEntity) first = g_list_model_get_item (people, 0);
  g_autofree char *first_name = g_strdup (vonk_entity_get_string (first, "name"));
  g_autofree char *text = NULL;
  g_autofree char *titles = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "mensen.csv", NULL);
  g_autofree char *reading = NULL;
  AdwComboRow *contact;
  VonkEntity *added;
  VonkEntity *department;

  text = g_strdup_printf ("\xef\xbb\xbfNaam;Contact;Afdeling;Locatie\r\n"
                          "Quirijn Ploegmaker;quirijn@zilverberg.nl;Innovatielab;Eindhoven\r\n"
                          "%s;%s;Innovatielab;\r\n",
                          first_name, vonk_entity_get_string (first, "email"));
  open_dialog (fixture, text, -1);

  /* what was found: the separator, the rows, the guessed mapping */
  reading = g_strdup_printf ("Reading %s, with fields separated by semicolons (;).", path);
  g_assert_true (vonk_test_has_label (fixture->dialog, reading));
  g_assert_true (vonk_test_has_label (fixture->dialog, "2 rows"));
  g_assert_true (vonk_test_has_label (fixture->dialog, "Quirijn Ploegmaker"));
  g_assert_true (vonk_test_has_label (fixture->dialog, "quirijn@zilverberg.nl"));
  titles = preview_titles (fixture);
  g_assert_cmpstr (titles, ==,
                   "Naam → Name|Contact (ignored)|Afdeling → Department|Locatie → Location");
  contact = find_combo_row (fixture->dialog, "Contact");
  g_assert_nonnull (contact);
  g_assert_cmpstr (combo_choice (contact), ==, "Ignore");
  g_assert_cmpstr (combo_choice (find_combo_row (fixture->dialog, "Naam")), ==, "Name");

  /* the user says the Contact column holds the e-mail addresses */
  vonk_test_choose (contact, "E-mail");
  g_clear_pointer (&titles, g_free);
  titles = preview_titles (fixture);
  g_assert_cmpstr (titles, ==,
                   "Naam → Name|Contact → E-mail|Afdeling → Department|Locatie → Location");

  click_import (fixture);
  summary = g_strdup_printf ("1 added, 1 updated, 0 unchanged, %u not in the file",
                             n_people - 1);
  WAIT_UNTIL (vonk_test_has_label (fixture->dialog, summary));
  gtk_test_widget_wait_for_draw (fixture->dialog);
  g_assert_true (vonk_test_has_label (fixture->dialog, "People Imported"));
  g_assert_true (vonk_test_has_label (fixture->dialog,
                                      "Departments: 1 added, 0 updated; locations: 1 added"));
  g_assert_true (vonk_test_has_label (fixture->dialog,
                                      "Added (row 2): Quirijn Ploegmaker <quirijn@zilverberg.nl>"));
  g_assert_false (gtk_widget_get_visible (import_button (fixture)));
  g_assert_nonnull (vonk_test_find_labelled_button (fixture->dialog, "_Close"));

  /* the project has the new person, with the e-mail address from the
   * remapped column, and the first person moved */
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, n_people + 1);
  added = find_person (fixture->project, "Quirijn Ploegmaker");
  g_assert_nonnull (added);
  g_assert_cmpstr (vonk_entity_get_string (added, "email"), ==, "quirijn@zilverberg.nl");
  department = vonk_project_lookup (fixture->project, VONK_TYPE_DEPARTMENT,
                                    vonk_entity_get_int64 (added, "department-id"));
  g_assert_cmpstr (vonk_entity_get_string (department, "name"), ==, "Innovatielab");
  g_assert_cmpint (vonk_entity_get_int64 (first, "department-id"), ==,
                   vonk_entity_get_id (department));
  g_assert_cmpint (vonk_test_count_rows (fixture->path, "person"), ==, n_people + 1);

  /* Close closes */
  g_signal_emit_by_name (vonk_test_find_labelled_button (fixture->dialog, "_Close"), "clicked");
  WAIT_UNTIL (vonk_test_find_window (VONK_TYPE_CSV_IMPORT_DIALOG) == NULL);
}

/* A refused import shows why and changes nothing; after a change of the
 * mapping the same file goes in. */
static void
test_refused_then_fixed (Fixture       *fixture,
                         gconstpointer  data)
{
  GListModel *people = vonk_project_get_list (fixture->project, VONK_TYPE_PERSON);
  guint n_people = g_list_model_get_n_items (people);
  GtkWidget *error_label = NULL;

  open_dialog (fixture, "name,email\nAnna Quist,shared@zilverberg.nl\n"
                        "Bram Quist,shared@zilverberg.nl\n", -1);

  click_import (fixture);
  WAIT_UNTIL (vonk_test_has_label (fixture->dialog, "Rows 2 and 3 have the same e-mail "
                                                    "address “shared@zilverberg.nl”"));
  error_label = GTK_WIDGET (gtk_widget_get_template_child (fixture->dialog,
                                                           VONK_TYPE_CSV_IMPORT_DIALOG,
                                                           "error_label"));
  g_assert_true (gtk_widget_get_mapped (error_label));
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, n_people);
  g_assert_cmpint (vonk_test_count_rows (fixture->path, "person"), ==, n_people);

  /* leave the addresses out: the message goes, and the import succeeds */
  vonk_test_choose (find_combo_row (fixture->dialog, "email"), "Ignore");
  g_assert_false (gtk_widget_get_mapped (error_label));
  click_import (fixture);
  WAIT_UNTIL (vonk_test_has_label (fixture->dialog, "People Imported"));
  g_assert_nonnull (find_person (fixture->project, "Anna Quist"));
  g_assert_nonnull (find_person (fixture->project, "Bram Quist"));
  g_assert_cmpstr (vonk_entity_get_string (find_person (fixture->project, "Anna Quist"),
                                           "email"), ==, "");
}

/* Without a column for the names there is nothing to import. */
static void
test_needs_names (Fixture       *fixture,
                  gconstpointer  data)
{
  AdwComboRow *row;

  open_dialog (fixture, "Wie;Waar\nAnna Quist;Delft\n", -1);
  g_assert_false (gtk_widget_get_sensitive (import_button (fixture)));

  row = find_combo_row (fixture->dialog, "Wie");
  vonk_test_choose (row, "Name");
  g_assert_true (gtk_widget_get_sensitive (import_button (fixture)));

  /* one column per field: choosing Name for the other takes it away here */
  vonk_test_choose (find_combo_row (fixture->dialog, "Waar"), "Name");
  g_assert_cmpstr (combo_choice (row), ==, "Ignore");
}

static void
test_unreadable (Fixture       *fixture,
                 gconstpointer  data)
{
  open_dialog (fixture, "Naam\nJos\xe9 Quist\n", -1);

  g_assert_true (vonk_test_has_label (fixture->dialog, "Cannot Read the File"));
  g_assert_true (vonk_test_has_label (fixture->dialog,
                                      "Row 2: the text is not UTF-8; save the file as "
                                      "“CSV UTF-8”"));
  g_assert_false (gtk_widget_get_sensitive (import_button (fixture)));
}

static const char *
visible_page (Fixture *fixture)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (fixture->dialog,
                                                              VONK_TYPE_CSV_IMPORT_DIALOG,
                                                              "stack"));

  return gtk_stack_get_visible_child_name (stack);
}

/* A large file: the import runs while the dialog shows its progress;
 * Cancel stops it, and neither the database nor the project changed. The
 * next Import goes through. */
static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  GListModel *people = vonk_project_get_list (fixture->project, VONK_TYPE_PERSON);
  GListModel *departments = vonk_project_get_list (fixture->project, VONK_TYPE_DEPARTMENT);
  guint n_people = g_list_model_get_n_items (people);
  guint n_departments = g_list_model_get_n_items (departments);
  VonkHistory *history = vonk_project_get_history (fixture->project);
  g_autoptr(GString) text = g_string_new ("Naam;E-mail;Afdeling\n");
  g_autofree char *summary = NULL;
  GtkWidget *cancel;

  for (guint i = 0; i < 5000; i++)
    g_string_append_printf (text, "Nieuwe Collega %u;collega.%u@zilverberg.nl;Team %u\n",
                            i, i, i % 40);
  open_dialog (fixture, text->str, text->len);
  cancel = vonk_test_find_labelled_button (fixture->dialog, "_Cancel");
  g_assert_nonnull (cancel);

  click_import (fixture);
  /* the click returns at once, with the progress on screen */
  g_assert_cmpstr (visible_page (fixture), ==, "importing");
  g_assert_true (vonk_test_has_label (fixture->dialog, "Importing 5000 rows…"));
  g_assert_false (gtk_widget_get_sensitive (import_button (fixture)));

  g_signal_emit_by_name (cancel, "clicked");
  WAIT_UNTIL (g_strcmp0 (visible_page (fixture), "preview") == 0);
  g_assert_true (gtk_widget_get_mapped (fixture->dialog));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (
                    fixture->dialog, VONK_TYPE_CSV_IMPORT_DIALOG, "error_box"))));
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, n_people);
  g_assert_cmpuint (g_list_model_get_n_items (departments), ==, n_departments);
  g_assert_cmpint (vonk_test_count_rows (fixture->path, "person"), ==, n_people);
  g_assert_cmpint (vonk_test_count_rows (fixture->path, "department"), ==, n_departments);
  g_assert_false (vonk_history_can_undo (history));

  /* not cancelled, the same import writes everything, as one change */
  click_import (fixture);
  summary = g_strdup_printf ("5000 added, 0 updated, 0 unchanged, %u not in the file",
                             n_people);
  WAIT_UNTIL (vonk_test_has_label (fixture->dialog, summary));
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, n_people + 5000);
  g_assert_cmpuint (g_list_model_get_n_items (departments), ==, n_departments + 40);
  g_assert_cmpint (vonk_test_count_rows (fixture->path, "person"), ==, n_people + 5000);
  g_assert_cmpstr (vonk_history_get_undo_label (history), ==, "People imported");

  g_assert_true (vonk_history_undo (history, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, n_people);
  g_assert_cmpuint (g_list_model_get_n_items (departments), ==, n_departments);
  g_assert_cmpint (vonk_test_count_rows (fixture->path, "person"), ==, n_people);
}

int
main (int   argc,
      char *argv[])
{
  vonk_test_init_gui (&argc, &argv, "2026-11-27");

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/csv-import/import", test_import);
  ADD ("/csv-import/refused-then-fixed", test_refused_then_fixed);
  ADD ("/csv-import/needs-names", test_needs_names);
  ADD ("/csv-import/unreadable", test_unreadable);
  ADD ("/csv-import/cancel", test_cancel);

  return g_test_run ();
}
