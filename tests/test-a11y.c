/* test-a11y.c — every control in every view has an accessible name
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real widgets under Xvfb, on the demo project. The window shows each view
 * in turn (and each page of a view with pages of its own), and the test
 * walks every mapped widget in it, header bars included; it also opens a
 * criterion's menu and a heatmap cell's history, then the department
 * editor and the project editor, and walks them too. Each widget
 * a user can operate must have a name a screen reader can say. GTK 4.8 has
 * no getter for the name it computes, so the test computes it as GTK does:
 * the accessible label, else a labelled-by relation, else the text the
 * widget shows (a button's label, an entry's placeholder, a row's title).
 * An icon without a label is no name, whatever its tooltip says. The drawn
 * widgets (timeline, phase history, score charts) must also have their role
 * and a label or description that says what they show.
 *
 * Every offender is collected, with where it is, and the test fails once
 * with the whole list, so one run shows all there is to fix.
 */

#include "config.h"

#include "vonk-assessment-view.h"
#include "vonk-criterion-row.h"
#include "vonk-department-editor.h"
#include "vonk-milestone-card.h"
#include "vonk-organisation-view.h"
#include "vonk-person-search.h"
#include "vonk-phase-history.h"
#include "vonk-project-editor.h"
#include "vonk-score-chart.h"
#include "vonk-test-utils-gui.h"
#include "vonk-timeline.h"
#include "vonk-window.h"

typedef struct
{
  char        *dir;
  VonkStore   *store;
  VonkProject *demo;
  VonkWindow  *window;
} Fixture;

/* What a walk found. */
typedef struct
{
  const char *where;     /* the view or dialog walked */
  GHashTable *seen;      /* widgets checked already, in an earlier walk */
  GPtrArray  *offenders; /* of char*, one line each */
  guint       n_checked;
  guint       n_custom;  /* timelines, charts and phase histories */
} Walk;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = vonk_date_today ();

  fixture->store = vonk_test_store_new ("vonk-a11y-XXXXXX", &fixture->dir, NULL);
  fixture->demo = vonk_demo_create (fixture->store, today, &error);
  g_assert_no_error (error);

  fixture->window = vonk_window_new (NULL, fixture->store);
  vonk_window_open_default (fixture->window);
  vonk_test_show (GTK_WINDOW (fixture->window), NULL);
  g_assert_true (vonk_window_get_project (fixture->window) == fixture->demo);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  vonk_test_destroy_windows ();
  g_clear_object (&fixture->store);
  vonk_test_remove_recursively (fixture->dir);
  g_free (fixture->dir);
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
has_text (const char *text)
{
  return text != NULL && text[0] != '\0';
}

/* The accessible label of @widget, or NULL if it has none. There is no
 * getter in GTK 4.8, but a check against a value gives the value back when
 * it differs. */
static char *
accessible_property (GtkWidget            *widget,
                     GtkAccessibleProperty property)
{
  char *value;

  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), property))
    return NULL;
  value = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), property, "");
  return value != NULL ? value : g_strdup ("");
}

static gboolean
has_label_property (GtkWidget *widget)
{
  g_autofree char *label = accessible_property (widget, GTK_ACCESSIBLE_PROPERTY_LABEL);

  return has_text (label);
}

static gboolean
has_labelled_by (GtkWidget *widget)
{
  return gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget),
                                           GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* Whether a mapped label under @widget shows some text. */
static gboolean
has_text_child (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      if (!gtk_widget_get_mapped (c))
        continue;
      if (GTK_IS_LABEL (c) && has_text (gtk_label_get_text (GTK_LABEL (c))))
        return TRUE;
      if (has_text_child (c))
        return TRUE;
    }

  return FALSE;
}

/* Whether @widget is the text inside an entry, a search entry, a spin
 * button or an entry row: that one is checked instead. */
static gboolean
is_delegate (GtkWidget *widget)
{
  for (GtkWidget *p = gtk_widget_get_parent (widget); p != NULL; p = gtk_widget_get_parent (p))
    if (GTK_IS_EDITABLE (p) && !GTK_IS_TEXT (p))
      return TRUE;
  return FALSE;
}

/* Whether @widget is a control, and if so whether it has a name. */
static gboolean
is_control (GtkWidget *widget,
            gboolean  *named)
{
  gboolean labelled = has_label_property (widget) || has_labelled_by (widget);
  GtkWidget *parent = gtk_widget_get_parent (widget);

  *named = labelled;

  /* what takes neither focus nor clicks only shows something (as a combo
   * row's current choice) */
  if (!gtk_widget_get_can_focus (widget) && !gtk_widget_get_can_target (widget))
    return FALSE;

  /* the custom widgets say what they show, whatever they contain */
  if (VONK_IS_TIMELINE (widget) || VONK_IS_MILESTONE_CARD (widget))
    {
      *named = has_label_property (widget);
      return TRUE;
    }
  /* a heatmap cell shows a number: the name says whose and of what */
  if (GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "heatmap-cell"))
    {
      *named = has_label_property (widget);
      return TRUE;
    }

  if (GTK_IS_MENU_BUTTON (widget))
    {
      *named = labelled || has_text (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget))) ||
               has_text_child (widget);
      return TRUE;
    }
  /* a menu button's own button is named by the menu button */
  if (GTK_IS_BUTTON (widget) && GTK_IS_MENU_BUTTON (parent))
    {
      is_control (parent, named);
      *named = *named || labelled;
      return TRUE;
    }
  /* a drop-down's button shows the item chosen; the drop-down needs a name
   * of its own, checked when the walk meets it */
  if (GTK_IS_BUTTON (widget) && GTK_IS_DROP_DOWN (parent))
    return FALSE;
  if (GTK_IS_BUTTON (widget))
    {
      /* a label, not an icon: an icon-only button needs the label property */
      *named = labelled || has_text (gtk_button_get_label (GTK_BUTTON (widget))) ||
               has_text_child (widget);
      return TRUE;
    }
  if (GTK_IS_CHECK_BUTTON (widget))
    {
      *named = labelled || has_text (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget))) ||
               has_text_child (widget);
      return TRUE;
    }
  if (GTK_IS_SWITCH (widget) || GTK_IS_SCALE (widget) || GTK_IS_DROP_DOWN (widget) ||
      GTK_IS_SPIN_BUTTON (widget) || GTK_IS_LIST_BOX (widget) || GTK_IS_COLUMN_VIEW (widget))
    return TRUE;
  if (GTK_IS_LIST_VIEW (widget))
    /* a column view's rows are a list view inside it */
    return !GTK_IS_COLUMN_VIEW (parent);
  if (ADW_IS_ENTRY_ROW (widget) || ADW_IS_COMBO_ROW (widget))
    {
      *named = labelled ||
               has_text (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
      return TRUE;
    }
  if (GTK_IS_ENTRY (widget))
    {
      *named = labelled || has_text (gtk_entry_get_placeholder_text (GTK_ENTRY (widget)));
      return TRUE;
    }
  if (GTK_IS_SEARCH_ENTRY (widget))
    {
      g_autofree char *placeholder = NULL;

      g_object_get (widget, "placeholder-text", &placeholder, NULL);
      *named = labelled || has_text (placeholder);
      return TRUE;
    }
  if (GTK_IS_TEXT (widget))
    {
      if (is_delegate (widget))
        return FALSE;
      *named = labelled || has_text (gtk_text_get_placeholder_text (GTK_TEXT (widget)));
      return TRUE;
    }

  return FALSE;
}

/* What a reader would take @widget to be about: the nearest ancestor that
 * has a name or a title. */
static char *
nearest_labelled (GtkWidget *widget)
{
  for (GtkWidget *p = gtk_widget_get_parent (widget); p != NULL; p = gtk_widget_get_parent (p))
    {
      g_autofree char *label = accessible_property (p, GTK_ACCESSIBLE_PROPERTY_LABEL);
      GtkWidget *pp = gtk_widget_get_parent (p);

      if (has_text (label))
        return g_strdup_printf ("%s '%s'", G_OBJECT_TYPE_NAME (p), label);
      if (ADW_IS_PREFERENCES_ROW (p) &&
          has_text (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (p))))
        return g_strdup_printf ("%s '%s'", G_OBJECT_TYPE_NAME (p),
                                adw_preferences_row_get_title (ADW_PREFERENCES_ROW (p)));
      if (ADW_IS_PREFERENCES_GROUP (p) &&
          has_text (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (p))))
        return g_strdup_printf ("%s '%s'", G_OBJECT_TYPE_NAME (p),
                                adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (p)));
      if (GTK_IS_STACK (pp) &&
          has_text (gtk_stack_page_get_title (gtk_stack_get_page (GTK_STACK (pp), p))))
        return g_strdup_printf ("stack page '%s'",
                                gtk_stack_page_get_title (gtk_stack_get_page (GTK_STACK (pp), p)));
      if (ADW_IS_VIEW_STACK (pp) &&
          has_text (adw_view_stack_page_get_title (adw_view_stack_get_page (ADW_VIEW_STACK (pp),
                                                                            p))))
        return g_strdup_printf ("view stack page '%s'",
                                adw_view_stack_page_get_title (
                                  adw_view_stack_get_page (ADW_VIEW_STACK (pp), p)));
    }

  return g_strdup ("none");
}

/* The icon @widget shows, or NULL. */
static const char *
icon_name (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL)
    return gtk_button_get_icon_name (GTK_BUTTON (widget));
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)))
    return gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget));
  if (GTK_IS_IMAGE (widget) && gtk_image_get_storage_type (GTK_IMAGE (widget)) == GTK_IMAGE_ICON_NAME)
    return gtk_image_get_icon_name (GTK_IMAGE (widget));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      const char *name = icon_name (c);

      if (name != NULL)
        return name;
    }

  return NULL;
}

static char *
describe (Walk      *walk,
          GtkWidget *widget)
{
  GString *line = g_string_new (NULL);
  const char *id = GTK_IS_BUILDABLE (widget)
                   ? gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)) : NULL;
  const char *icon = GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget)
                     ? icon_name (widget) : NULL;
  g_autofree char *near = nearest_labelled (widget);
  g_autofree char *tooltip = gtk_widget_get_tooltip_text (widget) != NULL
                             ? g_strdup (gtk_widget_get_tooltip_text (widget)) : NULL;

  g_string_append_printf (line, "%s: %s (css %s", walk->where, G_OBJECT_TYPE_NAME (widget),
                          gtk_widget_get_css_name (widget));
  if (id != NULL)
    g_string_append_printf (line, ", id %s", id);
  if (icon != NULL)
    g_string_append_printf (line, ", icon %s", icon);
  if (tooltip != NULL)
    g_string_append_printf (line, ", tooltip '%s'", tooltip);
  g_string_append_printf (line, ") in %s", near);
  return g_string_free (line, FALSE);
}

/* The drawn widgets have a role and say what they show. */
static void
check_custom (Walk      *walk,
              GtkWidget *widget)
{
  GtkAccessibleRole role = VONK_IS_TIMELINE (widget) ? GTK_ACCESSIBLE_ROLE_GROUP
                                                     : GTK_ACCESSIBLE_ROLE_IMG;
  g_autofree char *label = accessible_property (widget, GTK_ACCESSIBLE_PROPERTY_LABEL);
  g_autofree char *description = accessible_property (widget,
                                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);

  walk->n_custom++;
  if (!gtk_test_accessible_has_role (GTK_ACCESSIBLE (widget), role))
    g_ptr_array_add (walk->offenders,
                     g_strdup_printf ("%s: %s has not the role %s", walk->where,
                                      G_OBJECT_TYPE_NAME (widget),
                                      role == GTK_ACCESSIBLE_ROLE_GROUP ? "group" : "img"));
  if (!has_text (label) && !has_text (description))
    g_ptr_array_add (walk->offenders,
                     g_strdup_printf ("%s: %s says nothing of what it shows (no label, no "
                                      "description)", walk->where, G_OBJECT_TYPE_NAME (widget)));
}

static void
walk_widget (Walk      *walk,
             GtkWidget *widget)
{
  gboolean named;

  if (!gtk_widget_get_mapped (widget))
    return;

  if (!g_hash_table_contains (walk->seen, widget))
    {
      g_hash_table_add (walk->seen, widget);
      if (is_control (widget, &named))
        {
          walk->n_checked++;
          if (!named)
            g_ptr_array_add (walk->offenders, describe (walk, widget));
        }
      if (VONK_IS_TIMELINE (widget) || VONK_IS_PHASE_HISTORY (widget) ||
          VONK_IS_SCORE_CHART (widget))
        check_custom (walk, widget);
    }

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    walk_widget (walk, c);
}

static void
walk_window (Walk       *walk,
             GtkWidget  *window,
             const char *where)
{
  gtk_test_widget_wait_for_draw (window);
  walk->where = where;
  walk_widget (walk, window);
}

/* The first mapped widget under @widget of @type, with the style class
 * @with and without @without (either may be NULL), or NULL. */
static GtkWidget *
find_mapped (GtkWidget  *widget,
             GType       type,
             const char *with,
             const char *without)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (!gtk_widget_get_mapped (c))
        continue;
      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type) &&
          (with == NULL || gtk_widget_has_css_class (c, with)) &&
          (without == NULL || !gtk_widget_has_css_class (c, without)))
        return c;
      if ((found = find_mapped (c, type, with, without)) != NULL)
        return found;
    }

  return NULL;
}

/* Opens the popover of @opener, a menu button or a button that pops one up,
 * walks it and closes it. */
static void
walk_popover (Walk       *walk,
              GtkWidget  *window,
              GtkWidget  *opener,
              const char *where)
{
  GtkWidget *popover = NULL;

  g_assert_nonnull (opener);
  if (GTK_IS_MENU_BUTTON (opener))
    gtk_menu_button_popup (GTK_MENU_BUTTON (opener));
  else
    g_signal_emit_by_name (opener, "clicked");
  WAIT_UNTIL ((popover = find_mapped (window, GTK_TYPE_POPOVER, NULL, NULL)) != NULL);
  walk_window (walk, window, where);
  gtk_popover_popdown (GTK_POPOVER (popover));
  WAIT_UNTIL (!gtk_widget_get_mapped (popover));
}

static void
show_view (Fixture    *fixture,
           const char *name)
{
  GtkStack *view_stack = child (fixture->window, VONK_TYPE_WINDOW, "view_stack");
  GtkWidget *view;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.view", "s",
                                             name));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view_stack), ==, name);
  view = gtk_stack_get_visible_child (view_stack);
  WAIT_UNTIL (gtk_widget_get_mapped (view) && !gtk_stack_get_transition_running (view_stack));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

static gpointer
wait_for_window (GType type)
{
  gpointer window = NULL;

  WAIT_UNTIL ((window = vonk_test_find_window (type)) != NULL &&
              gtk_widget_get_mapped (window));
  return window;
}

static void
test_names (Fixture       *fixture,
            gconstpointer  data)
{
  static const char *views[] = {
    "overview", "roadmap", "assessment", "progress", "barriers", "countermeasures",
    "objections", "sessions", "champions", "organisation",
  };
  static const char *organisation_pages[] = { "locations", "departments", "people" };
  GtkWidget *window = GTK_WIDGET (fixture->window);
  VonkOrganisationView *organisation = child (window, VONK_TYPE_WINDOW, "organisation");
  AdwViewStack *pages = child (organisation, VONK_TYPE_ORGANISATION_VIEW, "stack");
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) offenders = g_ptr_array_new_with_free_func (g_free);
  Walk walk = { NULL, seen, offenders, 0, 0 };
  GtkWidget *assessment;
  VonkPersonSearch *search;
  GtkWidget *editor;

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      show_view (fixture, views[i]);
      walk_window (&walk, window, views[i]);
    }

  /* what pops up: a criterion's menu, the assessor search with what it
   * finds, and the history of a scored cell */
  show_view (fixture, "assessment");
  walk_popover (&walk, window,
                find_mapped (find_mapped (window, VONK_TYPE_CRITERION_ROW, NULL, NULL),
                             GTK_TYPE_MENU_BUTTON, NULL, NULL),
                "assessment/criterion menu");
  assessment = find_mapped (window, VONK_TYPE_ASSESSMENT_VIEW, NULL, NULL);
  search = child (assessment, VONK_TYPE_ASSESSMENT_VIEW, "assessor_search");
  WAIT_UNTIL (gtk_widget_get_mapped (child (assessment, VONK_TYPE_ASSESSMENT_VIEW,
                                            "assessor_button")));
  gtk_menu_button_popup (child (assessment, VONK_TYPE_ASSESSMENT_VIEW, "assessor_button"));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (search)));
  gtk_editable_set_text (vonk_person_search_get_entry (search), "a");
  WAIT_UNTIL (g_list_model_get_n_items (vonk_person_search_get_matches (search)) > 0);
  walk_window (&walk, window, "assessment/assessor search");
  gtk_popover_popdown (child (assessment, VONK_TYPE_ASSESSMENT_VIEW, "assessor_popover"));
  WAIT_UNTIL (!gtk_widget_get_mapped (GTK_WIDGET (search)));
  show_view (fixture, "barriers");
  walk_popover (&walk, window, find_mapped (window, GTK_TYPE_BUTTON, "heatmap-cell", "no-score"),
                "barriers/score history");

  /* the organisation's pages */
  show_view (fixture, "organisation");
  for (guint i = 0; i < G_N_ELEMENTS (organisation_pages); i++)
    {
      g_autofree char *where = g_strdup_printf ("organisation/%s", organisation_pages[i]);

      adw_view_stack_set_visible_child_name (pages, organisation_pages[i]);
      WAIT_UNTIL (gtk_widget_get_mapped (adw_view_stack_get_visible_child (pages)));
      walk_window (&walk, window, where);
    }

  /* the drawn widgets were all met: the roadmap's timeline, the progress's
   * phase history and the barriers' score charts */
  g_assert_cmpuint (walk.n_custom, >=, 3);

  /* a form: the department editor, from the departments page */
  adw_view_stack_set_visible_child_name (pages, "departments");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (organisation), "organisation.add",
                                             NULL));
  editor = wait_for_window (VONK_TYPE_DEPARTMENT_EDITOR);
  walk_window (&walk, editor, "department editor");
  gtk_window_destroy (GTK_WINDOW (editor));

  /* and the project's details */
  g_assert_true (gtk_widget_activate_action (window, "win.edit-project", NULL));
  editor = wait_for_window (VONK_TYPE_PROJECT_EDITOR);
  walk_window (&walk, editor, "project editor");
  gtk_window_destroy (GTK_WINDOW (editor));

  g_test_message ("%u controls checked", walk.n_checked);
  g_assert_cmpuint (walk.n_checked, >, 50);
  /* one line each, as TAP comments, then one failure for all */
  for (guint i = 0; i < offenders->len; i++)
    g_test_message ("offender: %s", (char *) g_ptr_array_index (offenders, i));
  if (offenders->len > 0)
    g_test_fail_printf ("%u controls without an accessible name or role (listed above)",
                        offenders->len);
}

int
main (int   argc,
      char *argv[])
{
  vonk_test_init_gui (&argc, &argv, "2026-11-27");

  g_test_add ("/a11y/names", Fixture, NULL, fixture_set_up, test_names, fixture_tear_down);

  return g_test_run ();
}
