/* test-robust-gui.c — the window when the disk or another program fails a
 * change
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real widgets under Xvfb, with real failures below them: a file size
 * limit standing in for a full disk (set on this process, with SIGXFSZ
 * ignored), and an exclusive lock held by another connection. The window
 * says why, shows only what is stored, keeps running, and takes the same
 * change once the cause is gone. test-robust checks the store itself.
 */

#include "config.h"

#include <signal.h>
#include <sys/resource.h>

#include "vonk-organisation-view.h"
#include "vonk-project-editor.h"
#include "vonk-test-utils-gui.h"
#include "vonk-window.h"

typedef struct
{
  char        *dir;
  char        *path;
  VonkStore   *store;
  VonkProject *demo;
  VonkWindow  *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = vonk_date_today ();

  fixture->store = vonk_test_store_new ("vonk-robust-XXXXXX", &fixture->dir, &fixture->path);
  fixture->demo = vonk_demo_create (fixture->store, today, &error);
  g_assert_no_error (error);

  fixture->window = vonk_window_new (NULL, fixture->store);
  vonk_window_open_default (fixture->window);
  vonk_test_show (GTK_WINDOW (fixture->window), NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  vonk_test_destroy_windows ();
  g_clear_object (&fixture->store);
  vonk_test_remove_recursively (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static gpointer
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return object;
}

static gboolean
has_toplevel_editor (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (VONK_IS_PROJECT_EDITOR (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        {
          *(VonkProjectEditor **) data = VONK_PROJECT_EDITOR (window);
          return TRUE;
        }
    }

  return FALSE;
}

/* The window is still up and answers: it switches views. */
static void
assert_window_runs (Fixture *fixture)
{
  GtkStack *view_stack = child (fixture->window, VONK_TYPE_WINDOW, "view_stack");

  g_assert_true (vonk_test_find_window (VONK_TYPE_WINDOW) == fixture->window);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.view", "s", "roadmap");
  WAIT_UNTIL (g_strcmp0 (gtk_stack_get_visible_child_name (view_stack), "roadmap") == 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.view", "s", "overview");
  WAIT_UNTIL (g_strcmp0 (gtk_stack_get_visible_child_name (view_stack), "overview") == 0);
}

/* Saving the project on a full disk: the form says why and stays open,
 * the window shows the stored name; with room again the save goes
 * through. */
static void
test_full_disk_save (Fixture       *fixture,
                     gconstpointer  data)
{
  VonkEntity *project = VONK_ENTITY (fixture->demo);
  g_autofree char *name = g_strdup (vonk_entity_get_string (project, "name"));
  g_autofree char *message = NULL;
  VonkProjectEditor *editor = NULL;
  GtkLabel *title = child (fixture->window, VONK_TYPE_WINDOW, "project_title");
  GtkWidget *error_label;
  struct rlimit limit, full;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-project",
                                             NULL));
  WAIT_UNTIL (has_toplevel_editor (&editor));
  error_label = child (editor, VONK_TYPE_PROJECT_EDITOR, "error_label");
  gtk_editable_set_text (child (editor, VONK_TYPE_PROJECT_EDITOR, "name_row"), "Renamed");

  /* from here no file of this process may grow */
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  full = limit;
  full.rlim_cur = 1;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &full), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  message = g_strdup_printf ("The database “%s” has grown as large as this system allows "
                             "(File too large); the change was not saved", fixture->path);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==, message);
  g_assert_true (has_toplevel_editor (&editor));
  g_assert_cmpstr (vonk_entity_get_string (project, "name"), ==, name);
  g_assert_cmpstr (gtk_label_get_text (title), ==, name);
  g_assert_cmpint (vonk_test_raw_int (fixture->path, "SELECT count(*) FROM project "
                                      "WHERE name = 'Renamed'"), ==, 0);
  assert_window_runs (fixture);

  /* room again: the same form saves */
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  WAIT_UNTIL (editor == NULL);
  g_assert_cmpstr (vonk_entity_get_string (project, "name"), ==, "Renamed");
  WAIT_UNTIL (g_strcmp0 (gtk_label_get_text (title), "Renamed") == 0);
  g_assert_cmpint (vonk_test_raw_int (fixture->path, "SELECT count(*) FROM project "
                                      "WHERE name = 'Renamed'"), ==, 1);
}

/* Deleting a department while another program holds the file locked: a
 * toast says so, nothing to undo, the department stays; once the lock is
 * gone the deletion goes through. */
static void
test_locked_delete (Fixture       *fixture,
                    gconstpointer  data)
{
  VonkOrganisationView *organisation = child (fixture->window, VONK_TYPE_WINDOW, "organisation");
  GtkSingleSelection *selection = child (organisation, VONK_TYPE_ORGANISATION_VIEW,
                                         "departments_selection");
  GtkWidget *overlay = child (fixture->window, VONK_TYPE_WINDOW, "toast_overlay");
  g_autofree char *message = NULL;
  VonkEntity *department;
  sqlite3 *other;
  gint64 id;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.view", "s", "organisation");
  adw_view_stack_set_visible_child_name (child (organisation, VONK_TYPE_ORGANISATION_VIEW,
                                                "stack"), "departments");
  gtk_single_selection_set_selected (selection, 0);
  department = gtk_single_selection_get_selected_item (selection);
  g_assert_nonnull (department);
  id = vonk_entity_get_id (department);

  other = vonk_test_raw_open (fixture->path);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE; UPDATE project SET name = name",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (organisation), "organisation.delete",
                                             NULL));

  message = g_strdup_printf ("The database “%s” is in use by another program; "
                             "try again in a moment", fixture->path);
  WAIT_UNTIL (vonk_test_has_label (overlay, message));
  g_assert_null (vonk_test_find_labelled_button (overlay, "_Undo"));
  g_assert_true (vonk_project_lookup (fixture->demo, VONK_TYPE_DEPARTMENT, id) == department);
  g_assert_true (gtk_single_selection_get_selected_item (selection) == department);
  assert_window_runs (fixture);

  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (other), ==, SQLITE_OK);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.view", "s", "organisation");
  gtk_single_selection_set_selected (selection, 0);
  g_assert_true (gtk_single_selection_get_selected_item (selection) == department);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (organisation), "organisation.delete",
                                             NULL));
  g_assert_null (vonk_project_lookup (fixture->demo, VONK_TYPE_DEPARTMENT, id));
  WAIT_UNTIL (vonk_test_find_labelled_button (overlay, "_Undo") != NULL);
  g_assert_cmpint (vonk_test_raw_int (fixture->path, "SELECT count(*) FROM department "
                                      "WHERE id = %" G_GINT64_FORMAT, id), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's test accessibility context: the AT-SPI bus socket is one file per
   * display in ~/.cache, which the other D-Bus sessions of a parallel test
   * run (first-frame, single-instance) replace and remove under us */
  g_setenv ("GTK_A11Y", "test", TRUE);
  vonk_test_init_gui (&argc, &argv, "2026-11-27");

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/robust-gui/full-disk/save", test_full_disk_save);
  ADD ("/robust-gui/locked/delete", test_locked_delete);

#undef ADD

  return g_test_run ();
}
