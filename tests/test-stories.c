/* test-stories.c — the success stories: their view, their form and the
 * Overview's recent stories
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real widgets under Xvfb on the demo project: the Stories view and the
 * Overview side by side in one window. Every wait is for a condition, with
 * a time-out. What is saved is checked again in a store opened afresh on
 * the same file. Today is 27 November 2026 (VONK_TODAY).
 */

#include "config.h"

#include <string.h>

#include "vonk-overview-view.h"
#include "vonk-stories-view.h"
#include "vonk-story-editor.h"
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
  GtkWidget   *overview;
} Fixture;

static void
show (Fixture *fixture)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
  fixture->window = vonk_test_window_new (1400, 800);
  fixture->view = vonk_stories_view_new (fixture->project);
  fixture->overview = g_object_new (VONK_TYPE_OVERVIEW_VIEW, "project", fixture->project, NULL);
  gtk_box_append (GTK_BOX (box), fixture->view);
  gtk_box_append (GTK_BOX (box), fixture->overview);
  fixture->overlay = vonk_test_show_with_toasts (fixture->window, box);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDate) today = vonk_date_today ();
  g_autoptr(GError) error = NULL;

  fixture->store = vonk_test_store_new ("vonk-stories-XXXXXX", &fixture->dir, &fixture->path);
  fixture->project = g_object_ref (vonk_demo_create (fixture->store, today, &error));
  g_assert_no_error (error);
  fixture->project_id = vonk_entity_get_id (VONK_ENTITY (fixture->project));
  show (fixture);
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

static VonkProject *
reopen (Fixture *fixture)
{
  gtk_window_destroy (fixture->window);
  fixture->window = NULL;
  return vonk_test_reopen (&fixture->store, &fixture->project, fixture->path,
                           fixture->project_id);
}

/* The title of the story at @position in the view's list. */
static const char *
title_at (Fixture *fixture,
          guint    position)
{
  GListModel *model = G_LIST_MODEL (child (fixture->view, "selection"));
  g_autoptr(VonkEntity) story = g_list_model_get_item (model, position);

  g_assert_nonnull (story);
  return vonk_entity_get_string (story, "title");
}

static guint
n_shown (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (child (fixture->view, "selection")));
}

static void
select_title (Fixture    *fixture,
              const char *title)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (child (fixture->view, "selection"));

  for (guint i = 0; i < n_shown (fixture); i++)
    if (g_strcmp0 (title_at (fixture, i), title) == 0)
      {
        gtk_single_selection_set_selected (selection, i);
        return;
      }

  g_error ("no story “%s” shown", title);
}

static gint64
find_story (VonkProject *project,
            const char  *title)
{
  GListModel *stories = vonk_project_get_list (project, VONK_TYPE_STORY);

  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr(VonkEntity) story = g_list_model_get_item (stories, i);

      if (g_strcmp0 (vonk_entity_get_string (story, "title"), title) == 0)
        return vonk_entity_get_id (story);
    }

  return 0;
}

/* The labels of the Overview's recent stories, in order. */
static gboolean
overview_lists (Fixture    *fixture,
                const char *title)
{
  return vonk_test_has_label (GTK_WIDGET (child (fixture->overview, "stories_list")), title);
}

/* Newest first; per department; the Overview shows the newest three. */
static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  GListModel *stories = vonk_project_get_list (fixture->project, VONK_TYPE_STORY);
  guint n = g_list_model_get_n_items (stories);
  GtkWidget *story_view = GTK_WIDGET (child (fixture->view, "story_view"));
  const GDate *previous = NULL;

  g_assert_cmpuint (n, >=, 4);
  g_assert_cmpuint (n_shown (fixture), ==, n);
  for (guint i = 0; i < n; i++)
    {
      GListModel *model = G_LIST_MODEL (child (fixture->view, "selection"));
      g_autoptr(VonkEntity) story = g_list_model_get_item (model, i);
      const GDate *told = vonk_entity_get_date (story, "told-on");

      if (previous != NULL)
        g_assert_cmpint (g_date_compare (told, previous), <=, 0);
      previous = told;
    }
  g_assert_true (vonk_test_has_label (fixture->view, "6 success stories · a reach of 1355 colleagues"));
  WAIT_UNTIL (vonk_test_has_label (story_view, "Photos instead of paperwork"));
  g_assert_true (vonk_test_has_label (story_view, "Claims"));

  /* the Overview: the newest three, not the oldest */
  WAIT_UNTIL (overview_lists (fixture, "Photos instead of paperwork"));
  g_assert_true (overview_lists (fixture, "A vacancy filled through colleagues' networks"));
  g_assert_true (overview_lists (fixture, "Broker questions answered once, for everyone"));
  g_assert_false (overview_lists (fixture, "A complaint turned into a compliment within the hour"));
  g_assert_nonnull (vonk_test_find_button (fixture->overview, "win.view"));

  /* one department */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (fixture->view, "department_dropdown")), 0);
  {
    GtkDropDown *dropdown = GTK_DROP_DOWN (child (fixture->view, "department_dropdown"));
    GListModel *names = gtk_drop_down_get_model (dropdown);
    guint it = GTK_INVALID_LIST_POSITION;

    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 0), ==,
                     "All departments");
    for (guint i = 0; i < g_list_model_get_n_items (names); i++)
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "IT") == 0)
        it = i;
    g_assert_cmpuint (it, !=, GTK_INVALID_LIST_POSITION);
    gtk_drop_down_set_selected (dropdown, it);
  }
  WAIT_UNTIL (n_shown (fixture) == 2);
  g_assert_cmpstr (title_at (fixture, 0), ==, "A claims form fixed across departments");
  g_assert_cmpstr (title_at (fixture, 1), ==, "The right expert in two minutes");
  g_assert_true (vonk_test_has_label (fixture->view, "2 success stories · a reach of 300 colleagues"));
}

/* The title of the story selected, or NULL. */
static const char *
selected_title (Fixture *fixture)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (child (fixture->view, "selection"));
  VonkEntity *story = gtk_single_selection_get_selected_item (selection);

  return story != NULL ? vonk_entity_get_string (story, "title") : NULL;
}

/* Chooses @name in the department filter. */
static void
choose_department (Fixture    *fixture,
                   const char *name)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (child (fixture->view, "department_dropdown"));
  GListModel *names = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (names), i), name) == 0)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }

  g_error ("no department “%s” to choose", name);
}

/* All departments after one bring rows the list has no widgets for: they
 * fill in a slice at a time, as at first, not all at once; the story
 * selected stays selected. One department out of all is shown at once. */
static void
test_refill_in_slices (Fixture       *fixture,
                       gconstpointer  data)
{
  GListModel *departments = vonk_project_get_list (fixture->project, VONK_TYPE_DEPARTMENT);
  guint n_before = n_shown (fixture);
  guint n_it = 0;
  gint64 it_id = 0;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
    {
      g_autoptr(VonkEntity) department = g_list_model_get_item (departments, i);

      if (g_strcmp0 (vonk_entity_get_string (department, "name"), "IT") == 0)
        it_id = vonk_entity_get_id (department);
    }
  g_assert_cmpint (it_id, !=, 0);
  choose_department (fixture, "IT");
  n_it = n_shown (fixture);
  g_assert_cmpuint (n_it, ==, 2);
  choose_department (fixture, "All departments");
  WAIT_UNTIL (n_shown (fixture) == n_before);

  /* 150 stories of IT, told long before the demo's: they come last */
  for (guint i = 0; i < 150; i++)
    {
      g_autofree char *title = g_strdup_printf ("Story %03u", i);
      g_autoptr(GDate) told = g_date_new_dmy (1, G_DATE_JANUARY, 2020);
      g_autoptr(VonkEntity) story = NULL;

      g_date_add_days (told, i);
      story = g_object_new (VONK_TYPE_STORY, "title", title, "told-on", told,
                            "department-id", it_id, NULL);
      g_assert_true (vonk_project_add (fixture->project, story, &error));
      g_assert_no_error (error);
    }
  WAIT_UNTIL (n_shown (fixture) == n_before + 150);

  /* one department: at once */
  choose_department (fixture, "IT");
  g_assert_cmpuint (n_shown (fixture), ==, n_it + 150);
  select_title (fixture, "Story 020");
  g_assert_cmpstr (title_at (fixture, n_it + 150 - 1), ==, "Story 000");

  /* all of them: a slice first */
  choose_department (fixture, "All departments");
  g_assert_cmpuint (n_shown (fixture), <, n_before + 150);
  g_assert_cmpstr (selected_title (fixture), ==, "Story 020");
  WAIT_UNTIL (n_shown (fixture) == n_before + 150);
  g_assert_cmpstr (selected_title (fixture), ==, "Story 020");
  g_assert_cmpstr (title_at (fixture, n_before + 150 - 1), ==, "Story 000");
}

/* Added through the form: refused without a title or with a day to come;
 * the champion's department is chosen with them; it shows in the list and
 * on the Overview, and persists. */
static void
test_add (Fixture       *fixture,
          gconstpointer  data)
{
  const char *title = "Lunch talks spread to Sales";
  GtkWidget *editor;
  GtkLabel *error_label;
  VonkEntity *story, *champion;
  VonkProject *project;
  guint before = g_list_model_get_n_items (vonk_project_get_list (fixture->project,
                                                                  VONK_TYPE_STORY));
  gint64 id;

  g_assert_true (gtk_widget_activate_action (fixture->view, "stories.add", NULL));
  WAIT_UNTIL ((editor = vonk_test_find_window (VONK_TYPE_STORY_EDITOR)) != NULL);
  error_label = GTK_LABEL (child (editor, "error_label"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (editor, "told_row"))), ==,
                   "27-11-2026");

  /* no title: a message, nothing saved */
  g_signal_emit_by_name (child (editor, "save_button"), "clicked");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_test_message ("%s", gtk_label_get_text (error_label));
  g_assert_cmpuint (g_list_model_get_n_items (vonk_project_get_list (fixture->project,
                                                                     VONK_TYPE_STORY)),
                    ==, before);

  /* a day to come: a message */
  gtk_editable_set_text (GTK_EDITABLE (child (editor, "title_row")), title);
  gtk_editable_set_text (GTK_EDITABLE (child (editor, "told_row")), "28-11-2026");
  g_signal_emit_by_name (child (editor, "save_button"), "clicked");
  g_assert_cmpstr (gtk_label_get_text (error_label), ==,
                   "A success story is one that was told: choose today or an earlier day.");
  g_assert_nonnull (vonk_test_find_window (VONK_TYPE_STORY_EDITOR));

  /* the champion brings their department */
  gtk_editable_set_text (GTK_EDITABLE (child (editor, "told_row")), "27-11-2026");
  vonk_test_choose (ADW_COMBO_ROW (child (editor, "champion_row")), "Tim Öztürk");
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (
                     ADW_COMBO_ROW (child (editor, "department_row")))),
                   ==, "Sales and Broker Relations");
  gtk_editable_set_text (GTK_EDITABLE (child (editor, "shared_row")), "Sales kick-off");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (editor, "reach_spin")), 75);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (child (editor,
                                                                            "summary_view"))),
                            "  Three teams now share wins over lunch.  ", -1);
  g_signal_emit_by_name (child (editor, "save_button"), "clicked");
  WAIT_UNTIL (vonk_test_find_window (VONK_TYPE_STORY_EDITOR) == NULL);

  id = find_story (fixture->project, title);
  g_assert_cmpint (id, !=, 0);
  story = vonk_project_lookup (fixture->project, VONK_TYPE_STORY, id);
  champion = vonk_project_lookup (fixture->project, VONK_TYPE_PERSON,
                                  vonk_entity_get_int64 (story, "champion-id"));
  g_assert_cmpstr (vonk_entity_get_string (champion, "name"), ==, "Tim Öztürk");
  g_assert_cmpint (vonk_entity_get_int64 (story, "department-id"), ==,
                   vonk_entity_get_int64 (champion, "department-id"));
  g_assert_cmpint (vonk_entity_get_int (story, "reach"), ==, 75);
  g_assert_cmpstr (vonk_entity_get_string (story, "summary"), ==,
                   "Three teams now share wins over lunch.");

  /* first in the list, and on the Overview */
  WAIT_UNTIL (n_shown (fixture) == before + 1);
  g_assert_cmpstr (title_at (fixture, 0), ==, title);
  WAIT_UNTIL (vonk_test_has_label (GTK_WIDGET (child (fixture->view, "story_view")), title));
  WAIT_UNTIL (overview_lists (fixture, title));
  g_assert_true (overview_lists (fixture, "27 November 2026 · Tim Öztürk · Sales and Broker Relations · Sales kick-off · reach 75"));

  project = reopen (fixture);
  story = vonk_project_lookup (project, VONK_TYPE_STORY, id);
  g_assert_nonnull (story);
  g_assert_cmpstr (vonk_entity_get_string (story, "shared-where"), ==, "Sales kick-off");
}

/* Edited through the form, which starts from the story. */
static void
test_edit (Fixture       *fixture,
           gconstpointer  data)
{
  gint64 id = find_story (fixture->project, "The right expert in two minutes");
  GtkWidget *editor;
  VonkProject *project;

  select_title (fixture, "The right expert in two minutes");
  g_assert_true (gtk_widget_activate_action (fixture->view, "stories.edit", NULL));
  WAIT_UNTIL ((editor = vonk_test_find_window (VONK_TYPE_STORY_EDITOR)) != NULL);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (editor)), ==, "Edit Success Story");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (editor, "shared_row"))), ==,
                   "Staff meeting");
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (
                     ADW_COMBO_ROW (child (editor, "department_row")))),
                   ==, "IT");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (child (editor,
                                                                             "reach_spin"))),
                   ==, 120);

  gtk_editable_set_text (GTK_EDITABLE (child (editor, "title_row")), "The right expert in one minute");
  g_signal_emit_by_name (child (editor, "save_button"), "clicked");
  WAIT_UNTIL (vonk_test_find_window (VONK_TYPE_STORY_EDITOR) == NULL);
  WAIT_UNTIL (vonk_test_has_label (GTK_WIDGET (child (fixture->view, "story_view")),
                                   "The right expert in one minute"));
  g_assert_cmpint (vonk_entity_get_int (vonk_project_lookup (fixture->project, VONK_TYPE_STORY,
                                                             id), "reach"), ==, 120);

  project = reopen (fixture);
  g_assert_cmpstr (vonk_entity_get_string (vonk_project_lookup (project, VONK_TYPE_STORY, id),
                                           "title"),
                   ==, "The right expert in one minute");
}

/* Deleted at once, and back from the toast. */
static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *title = "Photos instead of paperwork";
  gint64 id = find_story (fixture->project, title);
  guint n = n_shown (fixture);
  VonkProject *project;

  select_title (fixture, title);
  WAIT_UNTIL (vonk_test_has_label (GTK_WIDGET (child (fixture->view, "details")),
                                   "Photos instead of paperwork"));
  g_assert_true (gtk_widget_activate_action (fixture->view, "stories.delete", NULL));
  g_assert_null (vonk_project_lookup (fixture->project, VONK_TYPE_STORY, id));
  WAIT_UNTIL (n_shown (fixture) == n - 1);
  WAIT_UNTIL (!overview_lists (fixture, title));

  g_signal_emit_by_name (vonk_test_wait_for_undo (fixture->overlay, "“Photos instead of paperwork” deleted"),
                         "clicked");
  g_assert_nonnull (vonk_project_lookup (fixture->project, VONK_TYPE_STORY, id));
  WAIT_UNTIL (n_shown (fixture) == n);
  WAIT_UNTIL (overview_lists (fixture, title));

  project = reopen (fixture);
  g_assert_nonnull (vonk_project_lookup (project, VONK_TYPE_STORY, id));
}

/* Every control has a name a screen reader can say. */
static void
test_accessible (Fixture       *fixture,
                 gconstpointer  data)
{
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (vonk_test_find_button (fixture->view, "stories.edit")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Edit Story");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (vonk_test_find_button (fixture->view, "stories.delete")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Delete Story");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (child (fixture->view,
                                                              "department_dropdown")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Department");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (child (fixture->view, "story_view")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Success stories");
}

int
main (int   argc,
      char *argv[])
{
  vonk_test_init_gui (&argc, &argv, "2026-11-27");

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/stories/list", test_list);
  ADD ("/stories/refill-in-slices", test_refill_in_slices);
  ADD ("/stories/add", test_add);
  ADD ("/stories/edit", test_edit);
  ADD ("/stories/delete-undo", test_delete_undo);
  ADD ("/stories/accessible", test_accessible);
#undef ADD

  return g_test_run ();
}
