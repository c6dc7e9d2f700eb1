/* test-organisation.c — the Organisation view and its editors
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real widgets under Xvfb, driven through the view's actions and the
 * editors' buttons. Every wait is for a condition, with a time-out. What is
 * saved is checked again in a store opened afresh on the same file.
 */

#include "config.h"

#include <string.h>

#include "vonk-department-editor.h"
#include "vonk-filter-model.h"
#include "vonk-location-editor.h"
#include "vonk-organisation-view.h"
#include "vonk-person-editor.h"
#include "vonk-test-utils-gui.h"

typedef struct
{
  char                 *dir;
  char                 *path;
  VonkStore            *store;
  VonkProject          *project;
  gint64                project_id;
  gint64                amsterdam_id;
  gint64                utrecht_id;
  gint64                sales_id;
  gint64                support_id;
  GtkWindow            *window;
  GtkWidget            *overlay;
  VonkOrganisationView *view;
} Fixture;

static VonkEntity *
find_named (VonkProject *project,
            GType        type,
            const char  *name)
{
  GListModel *list = vonk_project_get_list (project, type);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(VonkEntity) entity = g_list_model_get_item (list, i);

      if (g_strcmp0 (vonk_entity_get_string (entity, "name"), name) == 0)
        return entity;
    }

  return NULL;
}

static GObject *
child (Fixture    *fixture,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (fixture->view),
                                                   VONK_TYPE_ORGANISATION_VIEW, name);

  g_assert_nonnull (object);
  return object;
}

static GListModel *
shown (Fixture    *fixture,
       const char *page)
{
  g_autofree char *name = g_strconcat (page, "_filter_model", NULL);

  return G_LIST_MODEL (child (fixture, name));
}

static void
show_page (Fixture    *fixture,
           const char *page)
{
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (child (fixture, "stack")), page);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

static void
select_named (Fixture    *fixture,
              const char *page,
              const char *name)
{
  g_autofree char *selection_name = g_strconcat (page, "_selection", NULL);
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (child (fixture, selection_name));
  GListModel *model = G_LIST_MODEL (selection);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VonkEntity) entity = g_list_model_get_item (model, i);

      if (g_strcmp0 (vonk_entity_get_string (entity, "name"), name) == 0)
        {
          gtk_single_selection_set_selected (selection, i);
          return;
        }
    }

  g_assert_not_reached ();
}

/* The text a cell shows: a label, or an inscription (the long texts). */
static const char *
cell_text (GtkWidget *cell)
{
  GtkWidget *child = gtk_widget_get_first_child (cell);

  if (GTK_IS_LABEL (child))
    return gtk_label_get_text (GTK_LABEL (child));
  if (GTK_IS_INSCRIPTION (child))
    return gtk_inscription_get_text (GTK_INSCRIPTION (child));

  return NULL;
}

/* The mapped rows of the column view of @page. */
static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *first = gtk_widget_get_first_child (c);

      /* a row of the list (not the header): cells that show a text */
      if (first != NULL && gtk_widget_get_mapped (c) &&
          g_strcmp0 (gtk_widget_get_css_name (c), "row") == 0 &&
          g_strcmp0 (gtk_widget_get_css_name (first), "cell") == 0)
        g_ptr_array_add (rows, c);
      else
        collect_rows (c, rows);
    }
}

/* The texts on screen of the cells in the row of @page whose first cell
 * reads @name, or NULL if there is no such row. */
static GStrv
row_texts (Fixture    *fixture,
           const char *page,
           const char *name)
{
  g_autofree char *view_name = g_strconcat (page, "_view", NULL);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_rows (GTK_WIDGET (child (fixture, view_name)), rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      g_autoptr(GStrvBuilder) texts = NULL;

      if (g_strcmp0 (cell_text (gtk_widget_get_first_child (row)), name) != 0)
        continue;

      texts = g_strv_builder_new ();
      for (GtkWidget *c = gtk_widget_get_first_child (row); c; c = gtk_widget_get_next_sibling (c))
        g_strv_builder_add (texts, cell_text (c) != NULL ? cell_text (c) : "");
      return g_strv_builder_end (texts);
    }

  return NULL;
}

typedef struct
{
  float       y;
  const char *name;
} ShownRow;

static int
compare_shown_rows (gconstpointer a,
                    gconstpointer b)
{
  float ya = ((const ShownRow *) a)->y, yb = ((const ShownRow *) b)->y;

  return (ya > yb) - (ya < yb);
}

/* The names on screen in the people list, top to bottom (the widgets of
 * the rows are not in that order). */
static GStrv
names_shown (Fixture *fixture)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GArray) visible = g_array_new (FALSE, FALSE, sizeof (ShownRow));
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  GtkWidget *view = GTK_WIDGET (child (fixture, "people_view"));

  collect_rows (view, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      graphene_rect_t bounds;

      /* the rows GTK keeps for scrolling lie outside the view */
      if (gtk_widget_compute_bounds (row, view, &bounds) &&
          bounds.origin.y + bounds.size.height > 0 &&
          bounds.origin.y < gtk_widget_get_height (view))
        {
          ShownRow shown_row = { bounds.origin.y, cell_text (gtk_widget_get_first_child (row)) };

          g_array_append_val (visible, shown_row);
        }
    }

  g_array_sort (visible, compare_shown_rows);
  for (guint i = 0; i < visible->len; i++)
    g_strv_builder_add (names, g_array_index (visible, ShownRow, i).name);

  return g_strv_builder_end (names);
}

static gboolean
row_reads (Fixture    *fixture,
           const char *page,
           const char *name,
           guint       column,
           const char *expected)
{
  g_auto(GStrv) texts = row_texts (fixture, page, name);

  return texts != NULL && column < g_strv_length (texts) &&
         g_strcmp0 (texts[column], expected) == 0;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  VonkProject *project;

  fixture->store = vonk_test_store_new ("vonk-organisation-XXXXXX", &fixture->dir, &fixture->path);

  project = fixture->project = vonk_project_new ("Test");
  vonk_test_create_project (fixture->store, project);
  fixture->project_id = vonk_entity_get_id (VONK_ENTITY (project));

  fixture->amsterdam_id = vonk_test_add (project, g_object_new (VONK_TYPE_LOCATION,
                                                                "name", "Amsterdam HQ",
                                                                "city", "Amsterdam", NULL));
  fixture->utrecht_id = vonk_test_add (project, g_object_new (VONK_TYPE_LOCATION,
                                                              "name", "Utrecht Office",
                                                              "city", "Utrecht", NULL));
  fixture->sales_id = vonk_test_add (project, g_object_new (VONK_TYPE_DEPARTMENT,
                                                            "name", "Sales",
                                                            "location-id", fixture->amsterdam_id,
                                                            "headcount", 40, NULL));
  vonk_test_add (project, g_object_new (VONK_TYPE_DEPARTMENT,
                                        "name", "Marketing",
                                        "location-id", fixture->amsterdam_id,
                                        "headcount", 12, NULL));
  fixture->support_id = vonk_test_add (project, g_object_new (VONK_TYPE_DEPARTMENT,
                                                              "name", "Support",
                                                              "location-id", fixture->utrecht_id,
                                                              "headcount", 25, NULL));
  vonk_test_add (project, g_object_new (VONK_TYPE_PERSON,
                                        "name", "Anna de Vries",
                                        "department-id", fixture->sales_id,
                                        "role", VONK_ROLE_MIDDLE_MANAGER,
                                        "email", "anna@example.org",
                                        "champion", VONK_CHAMPION_ACTIVE, NULL));
  vonk_test_add (project, g_object_new (VONK_TYPE_PERSON,
                                        "name", "Bram Jansen",
                                        "department-id", fixture->sales_id, NULL));
  vonk_test_add (project, g_object_new (VONK_TYPE_PERSON,
                                        "name", "Chris Bakker",
                                        "department-id", fixture->support_id,
                                        "email", "chris@example.org", NULL));

  fixture->window = vonk_test_window_new (1100, 700);
  fixture->view = VONK_ORGANISATION_VIEW (vonk_organisation_view_new (project));
  fixture->overlay = vonk_test_show_with_toasts (fixture->window, GTK_WIDGET (fixture->view));
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

/* Closes the view and the store, and reads the project back from the file. */
static VonkProject *
reopen (Fixture *fixture)
{
  gtk_window_destroy (fixture->window);
  fixture->window = NULL;

  return vonk_test_reopen (&fixture->store, &fixture->project, fixture->path,
                           fixture->project_id);
}

static void
click (GObject    *editor,
       GType       type,
       const char *button)
{
  g_signal_emit_by_name (gtk_widget_get_template_child (GTK_WIDGET (editor), type, button),
                         "clicked");
}

static void
set_row_text (GObject    *editor,
              GType       type,
              const char *row,
              const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (editor), type,
                                                                      row)),
                         text);
}

static void
choose (GObject    *editor,
        GType       type,
        const char *row_name,
        const char *choice)
{
  vonk_test_choose (ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (editor), type,
                                                                  row_name)),
                    choice);
}

static void
test_departments_shown_and_searched (Fixture       *fixture,
                                     gconstpointer  data)
{
  GListModel *departments = shown (fixture, "departments");
  GtkEditable *search = GTK_EDITABLE (child (fixture, "departments_search"));
  GtkStack *stack = GTK_STACK (child (fixture, "departments_stack"));
  const char *sorted[] = { "Marketing", "Sales", "Support" };
  const char *sales[] = { "Sales", "Amsterdam HQ", "40", "2", "1", NULL };
  g_auto(GStrv) texts = NULL;

  show_page (fixture, "departments");

  /* every department, by name */
  g_assert_cmpuint (g_list_model_get_n_items (departments), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (sorted); i++)
    {
      g_autoptr(VonkEntity) department = g_list_model_get_item (departments, i);

      g_assert_cmpstr (vonk_entity_get_string (department, "name"), ==, sorted[i]);
    }

  /* on screen: name, location, headcount, people, champions */
  WAIT_UNTIL ((texts = row_texts (fixture, "departments", "Sales")) != NULL);
  g_assert_cmpstrv (texts, sales);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");

  /* by a column that counts people, most first */
  {
    GtkColumnView *view = GTK_COLUMN_VIEW (child (fixture, "departments_view"));
    GListModel *columns = gtk_column_view_get_columns (view);
    g_autoptr(GtkColumnViewColumn) people = g_list_model_get_item (columns, 3);
    g_autoptr(VonkEntity) first = NULL;

    g_assert_cmpstr (gtk_column_view_column_get_title (people), ==, "People in Vonk");
    gtk_column_view_sort_by_column (view, people, GTK_SORT_DESCENDING);
    first = g_list_model_get_item (departments, 0);
    g_assert_cmpstr (vonk_entity_get_string (first, "name"), ==, "Sales");
    gtk_column_view_sort_by_column (view, NULL, GTK_SORT_ASCENDING);
  }

  /* by name, case-insensitively */
  gtk_editable_set_text (search, "SUP");
  WAIT_UNTIL (g_list_model_get_n_items (departments) == 1);
  {
    g_autoptr(VonkEntity) department = g_list_model_get_item (departments, 0);

    g_assert_cmpstr (vonk_entity_get_string (department, "name"), ==, "Support");
  }

  /* by the location's name */
  gtk_editable_set_text (search, "amsterdam");
  WAIT_UNTIL (g_list_model_get_n_items (departments) == 2);

  /* nothing matches: the page says so */
  gtk_editable_set_text (search, "nothing like this");
  WAIT_UNTIL (g_list_model_get_n_items (departments) == 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "no-match");

  gtk_editable_set_text (search, "");
  WAIT_UNTIL (g_list_model_get_n_items (departments) == 3);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
}

static void
test_department_added (Fixture       *fixture,
                       gconstpointer  data)
{
  GType type = VONK_TYPE_DEPARTMENT_EDITOR;
  gpointer editor;
  VonkProject *project;
  VonkEntity *finance;

  show_page (fixture, "departments");
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "organisation.add", NULL);
  editor = vonk_test_find_window (type);
  g_assert_nonnull (editor);
  g_object_add_weak_pointer (editor, &editor);
  WAIT_UNTIL (gtk_widget_get_mapped (editor));

  set_row_text (editor, type, "name_row", "Finance");
  set_row_text (editor, type, "headcount_row", "18");
  choose (editor, type, "location_row", "Utrecht Office");
  click (editor, type, "save_button");

  /* saved: the form closes and the list shows it */
  WAIT_UNTIL (editor == NULL);
  g_assert_cmpuint (g_list_model_get_n_items (shown (fixture, "departments")), ==, 4);
  WAIT_UNTIL (row_reads (fixture, "departments", "Finance", 1, "Utrecht Office"));

  /* and it is in the file */
  project = reopen (fixture);
  finance = find_named (project, VONK_TYPE_DEPARTMENT, "Finance");
  g_assert_nonnull (finance);
  g_assert_cmpint (vonk_entity_get_int (finance, "headcount"), ==, 18);
  g_assert_cmpint (vonk_entity_get_int64 (finance, "location-id"), ==, fixture->utrecht_id);
}

/* The message the core gives for a department with @name and @headcount. */
static char *
core_message (Fixture    *fixture,
              const char *name,
              int         headcount)
{
  g_autoptr(VonkEntity) draft = g_object_new (VONK_TYPE_DEPARTMENT,
                                              "name", name,
                                              "headcount", headcount,
                                              NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (vonk_project_validate (fixture->project, draft, &error));
  g_assert_error (error, VONK_STORE_ERROR, VONK_STORE_ERROR_INVALID);

  return g_strdup (error->message);
}

static void
test_department_invalid (Fixture       *fixture,
                         gconstpointer  data)
{
  const struct
  {
    const char *name;
    const char *headcount;
    int         parsed; /* what the core is asked about */
  } cases[] = {
    { "", "5", 5 },         /* empty name */
    { "  ", "5", 5 },       /* blank name */
    { "Legal", "-3", -3 },  /* negative headcount */
    { "sales", "3", 3 },    /* another department's name, in other case */
  };
  GType type = VONK_TYPE_DEPARTMENT_EDITOR;
  GListModel *departments = vonk_project_get_list (fixture->project, VONK_TYPE_DEPARTMENT);
  gpointer editor;
  GtkWidget *error_label;
  VonkProject *project;

  show_page (fixture, "departments");
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "organisation.add", NULL);
  editor = vonk_test_find_window (type);
  g_assert_nonnull (editor);
  g_object_add_weak_pointer (editor, &editor);
  error_label = GTK_WIDGET (gtk_widget_get_template_child (editor, type, "error_label"));
  g_assert_false (gtk_widget_get_visible (error_label));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *expected = core_message (fixture, cases[i].name, cases[i].parsed);

      set_row_text (editor, type, "name_row", cases[i].name);
      set_row_text (editor, type, "headcount_row", cases[i].headcount);
      click (editor, type, "save_button");

      g_assert_nonnull (editor);
      g_assert_true (gtk_widget_get_visible (error_label));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==, expected);
      g_assert_cmpuint (g_list_model_get_n_items (departments), ==, 3);
    }

  /* a headcount that is not a number never reaches the core */
  set_row_text (editor, type, "name_row", "Legal");
  set_row_text (editor, type, "headcount_row", "many");
  click (editor, type, "save_button");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==,
                   "The headcount must be a whole number, such as 120");
  g_assert_cmpuint (g_list_model_get_n_items (departments), ==, 3);

  gtk_window_close (editor);
  WAIT_UNTIL (editor == NULL);

  project = reopen (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (vonk_project_get_list (project,
                                                                     VONK_TYPE_DEPARTMENT)),
                    ==, 3);
  g_assert_null (find_named (project, VONK_TYPE_DEPARTMENT, "Legal"));
  g_assert_null (find_named (project, VONK_TYPE_DEPARTMENT, "sales"));
}

static void
test_person_department_edited (Fixture       *fixture,
                               gconstpointer  data)
{
  GType type = VONK_TYPE_PERSON_EDITOR;
  VonkEntity *bram = find_named (fixture->project, VONK_TYPE_PERSON, "Bram Jansen");
  gpointer editor;

  show_page (fixture, "people");
  WAIT_UNTIL (row_reads (fixture, "people", "Bram Jansen", 1, "Sales"));
  select_named (fixture, "people", "Bram Jansen");
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "organisation.edit", NULL);
  editor = vonk_test_find_window (type);
  g_assert_nonnull (editor);
  g_object_add_weak_pointer (editor, &editor);

  choose (editor, type, "department_row", "Support");
  click (editor, type, "save_button");
  WAIT_UNTIL (editor == NULL);

  g_assert_cmpint (vonk_entity_get_int64 (bram, "department-id"), ==, fixture->support_id);
  WAIT_UNTIL (row_reads (fixture, "people", "Bram Jansen", 1, "Support"));
  /* the role is kept */
  g_assert_true (row_reads (fixture, "people", "Bram Jansen", 2, "Employee"));

  /* the departments' counts follow: Support now has two people */
  show_page (fixture, "departments");
  WAIT_UNTIL (row_reads (fixture, "departments", "Support", 3, "2"));
  g_assert_true (row_reads (fixture, "departments", "Sales", 3, "1"));
}

static gint64
department_of (VonkProject *project,
               const char  *person)
{
  return vonk_entity_get_int64 (find_named (project, VONK_TYPE_PERSON, person), "department-id");
}

static void
test_department_deleted_and_undone (Fixture       *fixture,
                                    gconstpointer  data)
{
  GListModel *departments = shown (fixture, "departments");
  VonkEntity *sales;
  GtkWidget *undo;
  VonkProject *project;

  show_page (fixture, "departments");
  g_assert_false (gtk_widget_get_sensitive (vonk_test_find_button (GTK_WIDGET (fixture->view),
                                                                   "organisation.delete")));
  select_named (fixture, "departments", "Sales");
  g_assert_true (gtk_widget_get_sensitive (vonk_test_find_button (GTK_WIDGET (fixture->view),
                                                                  "organisation.delete")));
  g_assert_true (gtk_widget_get_sensitive (vonk_test_find_button (GTK_WIDGET (fixture->view),
                                                                  "organisation.edit")));

  /* deleted at once, without a question; its people lose their department */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "organisation.delete", NULL);
  g_assert_null (vonk_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpuint (g_list_model_get_n_items (departments), ==, 2);
  g_assert_null (find_named (fixture->project, VONK_TYPE_DEPARTMENT, "Sales"));
  g_assert_cmpint (department_of (fixture->project, "Anna de Vries"), ==, 0);
  g_assert_cmpint (department_of (fixture->project, "Bram Jansen"), ==, 0);

  /* the toast says so, and its Undo brings it all back with the same IDs */
  undo = vonk_test_wait_for_undo (fixture->overlay,
                                  "“Sales” deleted, 2 people no longer have a department");
  g_signal_emit_by_name (undo, "clicked");
  sales = find_named (fixture->project, VONK_TYPE_DEPARTMENT, "Sales");
  g_assert_nonnull (sales);
  g_assert_cmpint (vonk_entity_get_id (sales), ==, fixture->sales_id);
  g_assert_cmpint (vonk_entity_get_int64 (sales, "location-id"), ==, fixture->amsterdam_id);
  g_assert_cmpint (department_of (fixture->project, "Anna de Vries"), ==, fixture->sales_id);
  g_assert_cmpint (department_of (fixture->project, "Bram Jansen"), ==, fixture->sales_id);
  g_assert_cmpuint (g_list_model_get_n_items (departments), ==, 3);
  WAIT_UNTIL (row_reads (fixture, "departments", "Sales", 3, "2"));

  show_page (fixture, "people");
  WAIT_UNTIL (row_reads (fixture, "people", "Anna de Vries", 1, "Sales"));

  /* and that is what is stored */
  project = reopen (fixture);
  sales = find_named (project, VONK_TYPE_DEPARTMENT, "Sales");
  g_assert_nonnull (sales);
  g_assert_cmpint (vonk_entity_get_id (sales), ==, fixture->sales_id);
  g_assert_cmpint (department_of (project, "Anna de Vries"), ==, fixture->sales_id);
  g_assert_cmpint (department_of (project, "Bram Jansen"), ==, fixture->sales_id);
}

static void
test_location_deleted_and_undone (Fixture       *fixture,
                                  gconstpointer  data)
{
  VonkEntity *support;
  GtkWidget *undo;
  VonkProject *project;

  show_page (fixture, "locations");
  select_named (fixture, "locations", "Utrecht Office");
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "organisation.delete", NULL);
  g_assert_null (find_named (fixture->project, VONK_TYPE_LOCATION, "Utrecht Office"));
  support = find_named (fixture->project, VONK_TYPE_DEPARTMENT, "Support");
  g_assert_cmpint (vonk_entity_get_int64 (support, "location-id"), ==, 0);

  undo = vonk_test_wait_for_undo (fixture->overlay,
                                  "“Utrecht Office” deleted, 1 department no longer has a "
                                  "location");
  g_signal_emit_by_name (undo, "clicked");
  support = find_named (fixture->project, VONK_TYPE_DEPARTMENT, "Support");
  g_assert_cmpint (vonk_entity_get_int64 (support, "location-id"), ==, fixture->utrecht_id);

  project = reopen (fixture);
  g_assert_nonnull (find_named (project, VONK_TYPE_LOCATION, "Utrecht Office"));
  support = find_named (project, VONK_TYPE_DEPARTMENT, "Support");
  g_assert_cmpint (vonk_entity_get_int64 (support, "location-id"), ==, fixture->utrecht_id);
}

/* Without Undo the deletion stands. */
static void
test_person_deleted (Fixture       *fixture,
                     gconstpointer  data)
{
  VonkProject *project;

  show_page (fixture, "people");
  select_named (fixture, "people", "Chris Bakker");
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "organisation.delete", NULL);
  g_assert_null (vonk_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_null (find_named (fixture->project, VONK_TYPE_PERSON, "Chris Bakker"));
  g_assert_cmpuint (g_list_model_get_n_items (shown (fixture, "people")), ==, 2);
  vonk_test_wait_for_undo (fixture->overlay, "“Chris Bakker” deleted");

  project = reopen (fixture);
  g_assert_null (find_named (project, VONK_TYPE_PERSON, "Chris Bakker"));
  g_assert_nonnull (find_named (project, VONK_TYPE_PERSON, "Anna de Vries"));
}

static void
test_counts_follow_people (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  show_page (fixture, "locations");
  WAIT_UNTIL (row_reads (fixture, "locations", "Amsterdam HQ", 2, "2"));
  g_assert_true (row_reads (fixture, "locations", "Amsterdam HQ", 3, "2"));
  g_assert_true (row_reads (fixture, "locations", "Utrecht Office", 3, "1"));

  /* a person added elsewhere counts at once */
  vonk_test_add (fixture->project, g_object_new (VONK_TYPE_PERSON,
                                                 "name", "Dana Smit",
                                                 "department-id", fixture->support_id, NULL));
  WAIT_UNTIL (row_reads (fixture, "locations", "Utrecht Office", 3, "2"));
}

static void
test_people_searched (Fixture       *fixture,
                      gconstpointer  data)
{
  GListModel *people = shown (fixture, "people");
  GtkEditable *search = GTK_EDITABLE (child (fixture, "people_search"));
  VonkEntity *support = vonk_project_lookup (fixture->project, VONK_TYPE_DEPARTMENT,
                                             fixture->support_id);
  g_autoptr(VonkEntity) renamed = vonk_entity_copy (support);
  g_autoptr(GError) error = NULL;

  vonk_test_add (fixture->project, g_object_new (VONK_TYPE_PERSON, "name", "Émile Zoë", NULL));
  show_page (fixture, "people");
  WAIT_UNTIL (g_list_model_get_n_items (people) == 4);

  /* by department, role, champion state, e-mail and accented names */
  gtk_editable_set_text (search, "support");
  WAIT_UNTIL (g_list_model_get_n_items (people) == 1);
  gtk_editable_set_text (search, "MIDDLE");
  WAIT_UNTIL (g_list_model_get_n_items (people) == 1);
  gtk_editable_set_text (search, "champion");
  WAIT_UNTIL (g_list_model_get_n_items (people) == 1);
  gtk_editable_set_text (search, "example.org");
  WAIT_UNTIL (g_list_model_get_n_items (people) == 2);
  gtk_editable_set_text (search, "ZOË");
  WAIT_UNTIL (g_list_model_get_n_items (people) == 1);

  /* a department renamed while searching for it */
  gtk_editable_set_text (search, "helpdesk");
  WAIT_UNTIL (g_list_model_get_n_items (people) == 0);
  g_object_set (renamed, "name", "Helpdesk", NULL);
  vonk_project_save (fixture->project, VONK_ENTITY (renamed), &error);
  g_assert_no_error (error);
  WAIT_UNTIL (g_list_model_get_n_items (people) == 1);
  WAIT_UNTIL (row_reads (fixture, "people", "Chris Bakker", 1, "Helpdesk"));
}

/* Typing in the people search over a few hundred people */

static const char *first_names[] = {
  "José", "Joséphine", "Jos", "Zoë", "Anna", "Émile", "Sjoerd", "Johan", "Mirjam", "Øyvind",
  "Jesse", "Fleur",
};
static const char *last_names[] = {
  "de Vries", "Bakker", "Müller", "Jansen", "Sørensen", "van Dijk", "Visser", "Smit",
  "de Jong", "Mulder", "Bos", "Peters", "Hendriks", "Dekker", "Koster", "Brouwer",
  "Vos", "Maas", "Kok", "Prins",
};

/* What the search folds to, done here the long way, to check the view's. */
static char *
fold (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text != NULL ? text : "", -1);

  return g_utf8_normalize (folded, -1, G_NORMALIZE_DEFAULT_COMPOSE);
}

static gboolean
has (const char *text,
     const char *needle)
{
  g_autofree char *folded = fold (text);
  g_autofree char *folded_needle = fold (needle);

  return strstr (folded, folded_needle) != NULL;
}

/* Whether @person matches @needle the way the view says it does: name,
 * e-mail, department, role or champion state (not being one shows
 * nothing), ignoring case. */
static gboolean
person_matches (VonkProject *project,
                VonkEntity  *person,
                const char  *needle)
{
  VonkEntity *department = vonk_project_lookup (project, VONK_TYPE_DEPARTMENT,
                                                vonk_entity_get_int64 (person, "department-id"));
  int champion = vonk_entity_get_enum (person, "champion");

  return has (vonk_entity_get_string (person, "name"), needle) ||
         has (vonk_entity_get_string (person, "email"), needle) ||
         (department != NULL && has (vonk_entity_get_string (department, "name"), needle)) ||
         has (vonk_enum_label (VONK_TYPE_ROLE, vonk_entity_get_enum (person, "role")), needle) ||
         (champion != VONK_CHAMPION_NONE &&
          has (vonk_enum_label (VONK_TYPE_CHAMPION_STATE, champion), needle));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* The names of the people matching @needle, sorted. */
static GPtrArray *
expected_names (Fixture    *fixture,
                const char *needle)
{
  GListModel *people = vonk_project_get_list (fixture->project, VONK_TYPE_PERSON);
  GPtrArray *names = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(VonkEntity) person = g_list_model_get_item (people, i);

      if (*needle == '\0' || person_matches (fixture->project, person, needle))
        g_ptr_array_add (names, (gpointer) vonk_entity_get_string (person, "name"));
    }
  g_ptr_array_sort (names, compare_strings);
  return names;
}

/* Whether the people list holds exactly @expected (in any order). */
static gboolean
list_holds (Fixture   *fixture,
            GPtrArray *expected)
{
  GListModel *people = shown (fixture, "people");
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  if (vonk_filter_model_get_pending (VONK_FILTER_MODEL (people)) > 0 ||
      g_list_model_get_n_items (people) != expected->len)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(VonkEntity) person = g_list_model_get_item (people, i);

      g_ptr_array_add (names, (gpointer) vonk_entity_get_string (person, "name"));
    }
  g_ptr_array_sort (names, compare_strings);

  for (guint i = 0; i < names->len; i++)
    if (g_strcmp0 (g_ptr_array_index (names, i), g_ptr_array_index (expected, i)) != 0)
      return FALSE;

  return TRUE;
}

/* Whether the rows on screen show the list: consecutive rows of it, in
 * its order, enough to fill the view (or the whole list). Where the view
 * scrolls to after a change is GTK's choice. */
static gboolean
screen_shows_list (Fixture *fixture)
{
  GListModel *people = shown (fixture, "people");
  g_auto(GStrv) names = names_shown (fixture);
  guint n = g_strv_length (names);
  guint n_items = g_list_model_get_n_items (people);
  guint first;

  if (n == 0 || n < MIN (n_items, 10))
    return FALSE;

  for (first = 0; first < n_items; first++)
    {
      g_autoptr(VonkEntity) person = g_list_model_get_item (people, first);

      if (g_strcmp0 (names[0], vonk_entity_get_string (person, "name")) == 0)
        break;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VonkEntity) person = g_list_model_get_item (people, first + i);

      if (person == NULL || g_strcmp0 (names[i], vonk_entity_get_string (person, "name")) != 0)
        return FALSE;
    }

  return TRUE;
}

/* Types @text into @search as keys do: inserted at the end, or, when it
 * is shorter, the end deleted. */
static void
type_into (GtkEditable *search,
           const char  *text)
{
  const char *old = gtk_editable_get_text (search);
  int old_chars = (int) g_utf8_strlen (old, -1);
  int chars = (int) g_utf8_strlen (text, -1);

  if (g_str_has_prefix (text, old))
    {
      int position = old_chars;

      gtk_editable_insert_text (search, text + strlen (old), -1, &position);
    }
  else if (g_str_has_prefix (old, text))
    gtk_editable_delete_text (search, chars, old_chars);
  else
    gtk_editable_set_text (search, text);
}

static void
assert_search_shows (Fixture    *fixture,
                     const char *text)
{
  GtkEditable *search = GTK_EDITABLE (child (fixture, "people_search"));
  GtkStack *stack = GTK_STACK (child (fixture, "people_stack"));
  g_autoptr(GPtrArray) expected = expected_names (fixture, text);

  type_into (search, text);
  g_assert_cmpstr (gtk_editable_get_text (search), ==, text);
  WAIT_UNTIL (list_holds (fixture, expected));

  if (expected->len == 0)
    {
      WAIT_UNTIL (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "no-match") == 0);
      return;
    }

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  WAIT_UNTIL (screen_shows_list (fixture));
}

static void
test_people_typed (Fixture       *fixture,
                   gconstpointer  data)
{
  const gint64 departments[] = { fixture->sales_id, fixture->support_id };
  const char *typed[] = {
    "j", "jo", "jos", "josé", "jos", "jo", "", "ZOË", "zo", "", "müll", "mull", "",
    "sup", "example", "middle", "champion", "xyzzy", "", NULL
  };
  VonkEntity *renamed;
  g_autoptr(VonkEntity) copy = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (first_names); i++)
    for (guint j = 0; j < G_N_ELEMENTS (last_names); j++, n++)
      {
        g_autofree char *name = g_strdup_printf ("%s %s", first_names[i], last_names[j]);
        g_autofree char *email = g_strdup_printf ("p%u@firm.example", n);

        vonk_test_add (fixture->project, g_object_new (VONK_TYPE_PERSON,
                                                       "name", name,
                                                       "email", email,
                                                       "department-id", departments[n % 2],
                                                       NULL));
      }
  show_page (fixture, "people");

  /* each keystroke shows exactly the people that match, on screen */
  for (guint i = 0; typed[i] != NULL; i++)
    assert_search_shows (fixture, typed[i]);

  /* a person renamed while the search is on: the search sees the new name */
  assert_search_shows (fixture, "jos");
  renamed = find_named (fixture->project, VONK_TYPE_PERSON, "Anna Bakker");
  copy = vonk_entity_copy (renamed);
  g_object_set (copy, "name", "Josje Bakker", NULL);
  vonk_project_save (fixture->project, copy, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) expected = expected_names (fixture, "jos");

    g_assert_true (g_ptr_array_find_with_equal_func (expected, "Josje Bakker", g_str_equal, NULL));
    WAIT_UNTIL (list_holds (fixture, expected));
  }

  /* and the old name is forgotten */
  assert_search_shows (fixture, "anna bak");
  g_assert_cmpuint (g_list_model_get_n_items (shown (fixture, "people")), ==, 0);
  assert_search_shows (fixture, "josje");
  g_assert_cmpuint (g_list_model_get_n_items (shown (fixture, "people")), ==, 1);
}

/* A long list: sorted in slices behind a spinner, then shown in order, with
 * row widgets for the rows around the top only (the list is virtual). */

/* more than the view sorts at once (LONG_LIST) */
#define LONG_LIST_PEOPLE 2200

static guint
count_rows (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (g_strcmp0 (gtk_widget_get_css_name (c), "row") == 0 &&
        gtk_widget_get_first_child (c) != NULL &&
        g_strcmp0 (gtk_widget_get_css_name (gtk_widget_get_first_child (c)), "cell") == 0)
      n++;
    else
      n += count_rows (c);

  return n;
}

/* Whether @model is in order by @column, ignoring case, as the column's
 * header sorts: checked here with g_utf8_collate(), not the view's keys. */
static gboolean
sorted_by (GListModel *model,
           const char *column)
{
  g_autofree char *previous = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VonkEntity) person = g_list_model_get_item (model, i);
      g_autofree char *folded = g_utf8_casefold (vonk_entity_get_string (person, column), -1);

      if (previous != NULL && g_utf8_collate (previous, folded) > 0)
        {
          g_test_message ("“%s” before “%s”", previous, folded);
          return FALSE;
        }
      g_free (previous);
      previous = g_steal_pointer (&folded);
    }

  return TRUE;
}

static const char *
visible_page (Fixture *fixture)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (child (fixture, "people_stack")));
}

/* The rows a column view got, per items-changed of its model. */
static void
note_added_cb (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               GArray     *added_rows)
{
  if (added > 0)
    g_array_append_val (added_rows, added);
}

static void
test_people_long_list (Fixture       *fixture,
                       gconstpointer  data)
{
  GListModel *people = shown (fixture, "people");
  GListModel *selection = G_LIST_MODEL (child (fixture, "people_selection"));
  g_autoptr(GArray) added_rows = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GObject) chosen = NULL;
  g_autofree char *first_name = NULL;
  GtkSortListModel *sorted = GTK_SORT_LIST_MODEL (child (fixture, "people_sort_model"));
  GtkColumnView *view = GTK_COLUMN_VIEW (child (fixture, "people_view"));
  guint n_people = 3 + LONG_LIST_PEOPLE;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_auto(GStrv) top = NULL;
  g_autoptr(GtkColumnViewColumn) email_column = NULL;

  /* names in no order, some lower case and accented, e-mails in reverse */
  for (guint i = 0; i < LONG_LIST_PEOPLE; i++)
    {
      g_autofree char *name =
        g_strdup_printf ("%s %s %u",
                         first_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_names))],
                         last_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (last_names))],
                         g_rand_int_range (rand, 0, 100000));
      g_autofree char *email = g_strdup_printf ("p%05u@firm.example", LONG_LIST_PEOPLE - i);

      vonk_test_add (fixture->project, g_object_new (VONK_TYPE_PERSON,
                                                     "name", name,
                                                     "email", email,
                                                     "department-id", fixture->sales_id,
                                                     NULL));
    }
  show_page (fixture, "people");

  /* the project opened afresh: the sort starts behind a spinner */
  g_signal_connect (selection, "items-changed", G_CALLBACK (note_added_cb), added_rows);
  vonk_view_set_project (VONK_VIEW (fixture->view), NULL);
  vonk_view_set_project (VONK_VIEW (fixture->view), fixture->project);
  g_assert_cmpuint (gtk_sort_list_model_get_pending (sorted), >, 0);
  g_assert_cmpstr (visible_page (fixture), ==, "sorting");

  WAIT_UNTIL (gtk_sort_list_model_get_pending (sorted) == 0 &&
              g_strcmp0 (visible_page (fixture), "list") == 0);
  WAIT_UNTIL (g_list_model_get_n_items (people) == n_people);
  g_assert_true (sorted_by (people, "name"));

  /* the column view gets the sorted rows a few dozen at a time, over a
   * few frames, and then all of them */
  WAIT_UNTIL (g_list_model_get_n_items (selection) == n_people);
  g_signal_handlers_disconnect_by_data (selection, added_rows);
  g_assert_cmpuint (added_rows->len, >, 2);
  g_assert_cmpuint (g_array_index (added_rows, guint, 0), <=, 30);
  g_assert_true (sorted_by (selection, "name"));

  /* on screen: the top of the sorted list, from a few hundred row widgets */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  WAIT_UNTIL (screen_shows_list (fixture));
  top = names_shown (fixture);
  {
    g_autoptr(VonkEntity) first = g_list_model_get_item (people, 0);

    g_assert_cmpstr (top[0], ==, vonk_entity_get_string (first, "name"));
  }
  g_assert_cmpuint (count_rows (GTK_WIDGET (view)), >, 0);
  g_assert_cmpuint (count_rows (GTK_WIDGET (view)), <, n_people / 5);

  /* one more person: sorted in at once, the rows stay on screen */
  vonk_test_add (fixture->project, g_object_new (VONK_TYPE_PERSON,
                                                 "name", "bram Bakker 0",
                                                 "email", "p00000@firm.example",
                                                 "department-id", fixture->sales_id, NULL));
  n_people++;
  g_assert_cmpuint (gtk_sort_list_model_get_pending (sorted), ==, 0);
  g_assert_cmpstr (visible_page (fixture), ==, "list");
  WAIT_UNTIL (g_list_model_get_n_items (people) == n_people);
  g_assert_true (sorted_by (people, "name"));
  g_assert_cmpstr (visible_page (fixture), ==, "list");

  /* another column: sorted again, in order once done */
  email_column = g_list_model_get_item (gtk_column_view_get_columns (view), 3);
  g_assert_cmpstr (gtk_column_view_column_get_title (email_column), ==, "E-mail");
  gtk_column_view_sort_by_column (view, email_column, GTK_SORT_ASCENDING);
  g_assert_cmpuint (gtk_sort_list_model_get_pending (sorted), >, 0);
  g_assert_cmpstr (visible_page (fixture), ==, "sorting");
  WAIT_UNTIL (gtk_sort_list_model_get_pending (sorted) == 0 &&
              g_strcmp0 (visible_page (fixture), "list") == 0);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, n_people);
  g_assert_true (sorted_by (people, "email"));
  WAIT_UNTIL (screen_shows_list (fixture));
  g_assert_cmpuint (count_rows (GTK_WIDGET (view)), <, n_people / 5);

  /* a search: the rows on screen come back a few dozen at a time, and the
   * person selected, far down, is selected again once it is done */
  WAIT_UNTIL (g_list_model_get_n_items (selection) == n_people);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (selection), 100);
  chosen = g_object_ref (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (selection)));
  first_name = g_strdup (vonk_entity_get_string (VONK_ENTITY (chosen), "name"));
  *strchr (first_name, ' ') = '\0';
  g_array_set_size (added_rows, 0);
  g_signal_connect (selection, "items-changed", G_CALLBACK (note_added_cb), added_rows);
  gtk_editable_set_text (GTK_EDITABLE (child (fixture, "people_search")), first_name);
  WAIT_UNTIL (g_list_model_get_n_items (people) < n_people &&
              vonk_filter_model_get_pending (VONK_FILTER_MODEL (people)) == 0 &&
              g_list_model_get_n_items (selection) == g_list_model_get_n_items (people));
  g_signal_handlers_disconnect_by_data (selection, added_rows);
  g_assert_cmpuint (added_rows->len, >, 1);
  g_assert_cmpuint (g_array_index (added_rows, guint, 0), <=, 30);
  g_assert_true (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (selection)) ==
                 chosen);
}

/* An import of many people as the CSV dialog runs it: written in a
 * worker, taken into the lists in slices. */

static void
imported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  VonkCsvReport **report = data;
  g_autoptr(GError) error = NULL;

  *report = vonk_csv_import_people_finish (VONK_PROJECT (source), result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*report);
}

/* How many in @model have a name that starts with @prefix */
static guint
count_named (GListModel *model,
             const char *prefix)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VonkEntity) person = g_list_model_get_item (model, i);

      n += g_str_has_prefix (vonk_entity_get_string (person, "name"), prefix);
    }

  return n;
}

#define IMPORTED_BEFORE 600
#define IMPORTED_NEW    2400

static void
test_people_imported (Fixture       *fixture,
                      gconstpointer  data)
{
  GListModel *people = shown (fixture, "people");
  GListModel *all = vonk_project_get_list (fixture->project, VONK_TYPE_PERSON);
  GtkSortListModel *sorted = GTK_SORT_LIST_MODEL (child (fixture, "people_sort_model"));
  GtkEditable *search = GTK_EDITABLE (child (fixture, "people_search"));
  g_autoptr(GString) text = g_string_new ("name,email,department\n");
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(VonkCsv) csv = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) top = NULL;
  VonkCsvReport *report = NULL;
  guint n_people = 3 + IMPORTED_BEFORE;
  guint n_new_department = 0;

  for (guint i = 0; i < IMPORTED_BEFORE; i++)
    {
      g_autofree char *name =
        g_strdup_printf ("%s %s %u",
                         first_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_names))],
                         last_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (last_names))], i);
      g_autofree char *email = g_strdup_printf ("p%u@firm.example", i);

      vonk_test_add (fixture->project, g_object_new (VONK_TYPE_PERSON, "name", name,
                                                     "email", email,
                                                     "department-id", fixture->sales_id,
                                                     NULL));
    }
  show_page (fixture, "people");
  WAIT_UNTIL (gtk_sort_list_model_get_pending (sorted) == 0 &&
              g_list_model_get_n_items (people) == n_people);

  /* every other person renamed (to the end of the order, by e-mail), and
   * many new people, a third of them in a department new too */
  for (guint i = 0; i < IMPORTED_BEFORE; i += 2)
    g_string_append_printf (text, "Zwaan %u,p%u@firm.example,Sales\n", i, i);
  for (guint i = 0; i < IMPORTED_NEW; i++)
    {
      g_string_append_printf (text, "%s %s %u,new%u@firm.example,%s\n",
                              first_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (first_names))],
                              last_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (last_names))],
                              i, i, i % 3 == 0 ? "Imported Unit" : "Sales");
      n_new_department += i % 3 == 0;
    }
  csv = vonk_csv_new_from_data (text->str, text->len, &error);
  g_assert_no_error (error);

  vonk_csv_import_people_async (fixture->project, csv, NULL, NULL, NULL, imported_cb, &report);
  WAIT_UNTIL (report != NULL);
  g_assert_cmpuint (report->counts[VONK_CSV_ADDED], ==, IMPORTED_NEW);
  g_assert_cmpuint (report->counts[VONK_CSV_UPDATED], ==, IMPORTED_BEFORE / 2);
  vonk_csv_report_free (report);
  n_people += IMPORTED_NEW;
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, n_people);

  /* the page lists everyone, in order by the names they have now */
  WAIT_UNTIL (gtk_sort_list_model_get_pending (sorted) == 0 &&
              g_strcmp0 (visible_page (fixture), "list") == 0 &&
              g_list_model_get_n_items (people) == n_people);
  g_assert_true (sorted_by (people, "name"));
  g_assert_cmpuint (count_named (people, "Zwaan "), ==, IMPORTED_BEFORE / 2);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  WAIT_UNTIL (screen_shows_list (fixture));
  top = names_shown (fixture);
  {
    g_autoptr(VonkEntity) first = g_list_model_get_item (people, 0);

    g_assert_cmpstr (top[0], ==, vonk_entity_get_string (first, "name"));
  }

  /* the new department's people are found by it */
  gtk_editable_set_text (search, "imported unit");
  WAIT_UNTIL (vonk_filter_model_get_pending (VONK_FILTER_MODEL (people)) == 0 &&
              g_list_model_get_n_items (people) == n_new_department);
  g_assert_true (sorted_by (people, "name"));
  gtk_editable_set_text (search, "");
  WAIT_UNTIL (vonk_filter_model_get_pending (VONK_FILTER_MODEL (people)) == 0 &&
              g_list_model_get_n_items (people) == n_people);
}

static void
test_row_activated_edits (Fixture       *fixture,
                          gconstpointer  data)
{
  GType type = VONK_TYPE_LOCATION_EDITOR;
  GListModel *locations = shown (fixture, "locations");
  VonkEntity *utrecht = vonk_project_lookup (fixture->project, VONK_TYPE_LOCATION,
                                            fixture->utrecht_id);
  GtkEditable *name_row;
  gpointer editor;
  guint position;

  show_page (fixture, "locations");
  for (position = 0; position < g_list_model_get_n_items (locations); position++)
    {
      g_autoptr(VonkEntity) location = g_list_model_get_item (locations, position);

      if (location == utrecht)
        break;
    }
  g_signal_emit_by_name (child (fixture, "locations_view"), "activate", position);
  editor = vonk_test_find_window (type);
  g_assert_nonnull (editor);
  g_object_add_weak_pointer (editor, &editor);
  name_row = GTK_EDITABLE (gtk_widget_get_template_child (editor, type, "name_row"));
  g_assert_cmpstr (gtk_editable_get_text (name_row), ==, "Utrecht Office");

  /* Enter in the last field saves */
  set_row_text (editor, type, "city_row", "Nieuwegein");
  g_signal_emit_by_name (gtk_widget_get_template_child (editor, type, "city_row"),
                         "entry-activated");
  WAIT_UNTIL (editor == NULL);
  g_assert_cmpstr (vonk_entity_get_string (utrecht, "city"), ==, "Nieuwegein");
  WAIT_UNTIL (row_reads (fixture, "locations", "Utrecht Office", 1, "Nieuwegein"));
}

int
main (int   argc,
      char *argv[])
{
  vonk_test_init_gui (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/organisation/departments/shown-and-searched", test_departments_shown_and_searched);
  ADD ("/organisation/departments/added", test_department_added);
  ADD ("/organisation/departments/invalid", test_department_invalid);
  ADD ("/organisation/departments/deleted-and-undone", test_department_deleted_and_undone);
  ADD ("/organisation/people/department-edited", test_person_department_edited);
  ADD ("/organisation/people/deleted", test_person_deleted);
  ADD ("/organisation/people/searched", test_people_searched);
  ADD ("/organisation/people/typed", test_people_typed);
  ADD ("/organisation/people/long-list", test_people_long_list);
  ADD ("/organisation/people/imported", test_people_imported);
  ADD ("/organisation/locations/deleted-and-undone", test_location_deleted_and_undone);
  ADD ("/organisation/locations/counts-follow-people", test_counts_follow_people);
  ADD ("/organisation/locations/row-activated-edits", test_row_activated_edits);

#undef ADD

  return g_test_run ();
}
