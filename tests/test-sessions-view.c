/* test-sessions-view.c — the Sessions view and its forms
 *
 * Copyright 2026 The Vonk authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real widgets under Xvfb on the demo project, driven through the view's
 * actions and buttons and the forms' rows. What is saved is checked again
 * in a store opened afresh on the same file. Today is 27 November 2026
 * (VONK_TODAY). Key presses and drops are sent to the event controllers
 * the view installs, as GTK would after a real key or drag.
 */

#include "config.h"

#include <string.h>

#include "vonk-attendance-row.h"
#include "vonk-filter-model.h"
#include "vonk-month-view.h"
#include "vonk-preferences-window.h"
#include "vonk-session-editor.h"
#include "vonk-person-search.h"
#include "vonk-sessions-view.h"
#include "vonk-settings.h"
#include "vonk-test-utils-gui.h"

#define KICK_OFF "Kick-off: why social business?"

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
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = vonk_date_today ();
  VonkProject *demo;

  fixture->store = vonk_test_store_new ("vonk-sessions-view-XXXXXX", &fixture->dir,
                                        &fixture->path);
  demo = vonk_demo_create (fixture->store, today, &error);
  g_assert_no_error (error);
  fixture->project = g_object_ref (demo);
  fixture->project_id = vonk_entity_get_id (VONK_ENTITY (demo));

  fixture->window = vonk_test_window_new (1280, 800);
  fixture->view = vonk_sessions_view_new (fixture->project);
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

static VonkProject *
reopen (Fixture *fixture)
{
  gtk_window_destroy (fixture->window);
  fixture->window = NULL;

  return vonk_test_reopen (&fixture->store, &fixture->project, fixture->path,
                           fixture->project_id);
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

static VonkSession *
find_session (VonkProject *project,
              const char  *title)
{
  GListModel *list = vonk_project_get_list (project, VONK_TYPE_SESSION);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(VonkEntity) session = g_list_model_get_item (list, i);

      if (g_strcmp0 (vonk_entity_get_string (session, "title"), title) == 0)
        return VONK_SESSION (session); /* the list keeps it alive */
    }

  g_error ("no session “%s”", title);
}

/* The widgets named @name under @widget, in order. */
static void
collect_named (GtkWidget  *widget,
               const char *name,
               GPtrArray  *found)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      if (g_strcmp0 (gtk_widget_get_name (c), name) == 0)
        g_ptr_array_add (found, c);
      collect_named (c, name, found);
    }
}

/* The first widget of @type under @widget, depth first. */
static GtkWidget *
find_first (GtkWidget *widget,
            GType      type)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type))
        return c;
      if ((found = find_first (c, type)) != NULL)
        return found;
    }

  return NULL;
}

static const char *
start_text (Fixture *fixture,
            guint    index)
{
  g_autoptr(GPtrArray) starts = g_ptr_array_new ();

  collect_named (GTK_WIDGET (child (fixture->view, "agenda_list")), "block-start", starts);
  g_assert_cmpuint (index, <, starts->len);
  return gtk_label_get_text (g_ptr_array_index (starts, index));
}

static char *
hh_mm (GDateTime *time,
       int        plus_minutes)
{
  g_autoptr(GDateTime) later = g_date_time_add_minutes (time, plus_minutes);

  return g_date_time_format (later, "%H:%M");
}

static void
test_list_and_agenda (Fixture       *fixture,
                      gconstpointer  data)
{
  VonkSession *kick_off = find_session (fixture->project, KICK_OFF);
  gint64 kick_off_id = vonk_entity_get_id (VONK_ENTITY (kick_off));
  GDateTime *starts_at = vonk_entity_get_date_time (VONK_ENTITY (kick_off), "starts-at");
  g_autoptr(GPtrArray) agenda = vonk_sessions_agenda (fixture->project, kick_off);
  g_autoptr(GPtrArray) downs = g_ptr_array_new ();
  VonkEntity *first = g_ptr_array_index (agenda, 0);
  VonkEntity *second = g_ptr_array_index (agenda, 1);
  g_autofree char *first_start = hh_mm (starts_at, 0);
  g_autofree char *second_start = hh_mm (starts_at, vonk_entity_get_int (first, "minutes"));
  g_autofree char *swapped_second = hh_mm (starts_at, vonk_entity_get_int (second, "minutes"));
  gint64 first_id = vonk_entity_get_id (first);
  gint64 second_id = vonk_entity_get_id (second);
  GListModel *shown = G_LIST_MODEL (child (fixture->view, "filter_model"));
  g_autoptr(VonkEntity) earliest = NULL;
  g_autoptr(GPtrArray) reopened = NULL;
  VonkProject *project;

  g_assert_cmpuint (agenda->len, >=, 2);

  /* every session of the demo, the earliest (the kick-off) first */
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==,
                    g_list_model_get_n_items (vonk_project_get_list (fixture->project,
                                                                     VONK_TYPE_SESSION)));
  g_assert_cmpuint (g_list_model_get_n_items (shown), >=, 10);
  earliest = g_list_model_get_item (shown, 0);
  g_assert_true (earliest == VONK_ENTITY (kick_off));
  WAIT_UNTIL (vonk_test_has_label (GTK_WIDGET (child (fixture->view, "view")), KICK_OFF));
  g_assert_true (vonk_test_has_label (GTK_WIDGET (child (fixture->view, "view")),
                                      "Whole organisation"));

  /* the kind filter */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (fixture->view, "kind_dropdown")),
                              1 + VONK_SESSION_MEETUP);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (fixture->view, "kind_dropdown")), 0);

  /* the agenda of the one selected, timed from the session's start */
  vonk_sessions_view_select (VONK_SESSIONS_VIEW (fixture->view), kick_off);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (fixture->view,
                                                                      "detail_stack"))),
                   ==, "session");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (fixture->view, "detail_title"))),
                   ==, KICK_OFF);
  g_assert_cmpstr (start_text (fixture, 0), ==, first_start);
  g_assert_cmpstr (start_text (fixture, 1), ==, second_start);
  g_assert_cmpstr (first_start, ==, "15:00");

  /* moving the first block down: the second now starts the session */
  collect_named (GTK_WIDGET (child (fixture->view, "agenda_list")), "move-down", downs);
  g_assert_cmpuint (downs->len, ==, agenda->len);
  g_assert_true (gtk_widget_get_sensitive (g_ptr_array_index (downs, 0)));
  g_signal_emit_by_name (g_ptr_array_index (downs, 0), "clicked");
  g_assert_cmpstr (start_text (fixture, 0), ==, first_start);
  g_assert_cmpstr (start_text (fixture, 1), ==, swapped_second);
  /* and the focus stays with the block moved, to move it again */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
    g_autoptr(GPtrArray) moved = g_ptr_array_new ();

    collect_named (GTK_WIDGET (child (fixture->view, "agenda_list")), "move-down", moved);
    g_assert_true (focus == g_ptr_array_index (moved, 1));
  }

  project = reopen (fixture);
  reopened = vonk_sessions_agenda (project,
                                   VONK_SESSION (vonk_project_lookup (project, VONK_TYPE_SESSION,
                                                                      kick_off_id)));
  g_assert_cmpint (vonk_entity_get_id (g_ptr_array_index (reopened, 0)), ==, second_id);
  g_assert_cmpint (vonk_entity_get_id (g_ptr_array_index (reopened, 1)), ==, first_id);
}

static void
test_new_session (Fixture       *fixture,
                  gconstpointer  data)
{
  GListModel *sessions = vonk_project_get_list (fixture->project, VONK_TYPE_SESSION);
  guint n = g_list_model_get_n_items (sessions);
  GtkWidget *editor;
  VonkSession *session;
  GDateTime *starts_at;
  VonkProject *project;
  g_autoptr(GPtrArray) scope = NULL;
  gint64 first_department = 0, facilitator_id = 0;

  gtk_widget_activate_action (fixture->view, "sessions.add", NULL);
  WAIT_UNTIL ((editor = vonk_test_find_window (VONK_TYPE_SESSION_EDITOR)) != NULL);

  /* the empty form says how to write a date, not that one is missing */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (editor, "date_hint"))), ==,
                   "Write a date as 27-11-2026 or 2026-11-27.");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (child (editor, "date_row")), "error"));
  gtk_editable_set_text (GTK_EDITABLE (child (editor, "date_row")), "14-01");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (child (editor, "date_row")), "error"));

  vonk_test_choose (ADW_COMBO_ROW (child (editor, "kind_row")),
                    vonk_enum_label (VONK_TYPE_SESSION_KIND, VONK_SESSION_WORKSHOP));
  gtk_editable_set_text (GTK_EDITABLE (child (editor, "title_row")), "Workshop for Finance");
  gtk_editable_set_text (GTK_EDITABLE (child (editor, "date_row")), "14-01-2027");
  gtk_editable_set_text (GTK_EDITABLE (child (editor, "duration_row")), "150");
  gtk_editable_set_text (GTK_EDITABLE (child (editor, "venue_row")), "Room 4");
  gtk_editable_set_text (GTK_EDITABLE (child (editor, "capacity_row")), "12");
  gtk_editable_set_text (GTK_EDITABLE (child (editor, "link_row")), "https://meet.example.org/finance");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (child (editor, "notes_view"))),
                            "Bring laptops", -1);

  /* meant for departments, but none ticked: a message, nothing added */
  vonk_test_choose (ADW_COMBO_ROW (child (editor, "scope_row")), "Departments or locations");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (child (editor, "departments_row"))));
  gtk_editable_set_text (GTK_EDITABLE (child (editor, "time_row")), "13:30");
  g_signal_emit_by_name (child (editor, "save_button"), "clicked");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (child (editor, "error_label"))));
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, n);

  /* the first department ticked */
  {
    GtkWidget *check, *entry;
    VonkPersonSearch *search = VONK_PERSON_SEARCH (child (editor, "facilitator_search"));

    check = find_first (GTK_WIDGET (child (editor, "departments_row")), GTK_TYPE_CHECK_BUTTON);
    g_assert_nonnull (check);
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
    first_department = *(gint64 *) g_object_get_data (G_OBJECT (check), "vonk-id");

    /* the facilitator, found by name */
    entry = find_first (GTK_WIDGET (search), GTK_TYPE_SEARCH_ENTRY);
    gtk_editable_set_text (GTK_EDITABLE (entry), "Fleur");
    WAIT_UNTIL (g_list_model_get_n_items (vonk_person_search_get_matches (search)) > 0);
    {
      g_autoptr(VonkEntity) fleur = g_list_model_get_item (vonk_person_search_get_matches (search), 0);

      facilitator_id = vonk_entity_get_id (fleur);
    }
    vonk_person_search_pick (search, 0);
  }

  /* a time that is not one: a message, nothing added */
  gtk_editable_set_text (GTK_EDITABLE (child (editor, "time_row")), "25:00");
  g_signal_emit_by_name (child (editor, "save_button"), "clicked");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (child (editor, "error_label"))));
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, n);

  gtk_editable_set_text (GTK_EDITABLE (child (editor, "time_row")), "13:30");
  g_signal_emit_by_name (child (editor, "save_button"), "clicked");
  WAIT_UNTIL (vonk_test_find_window (VONK_TYPE_SESSION_EDITOR) == NULL);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, n + 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (child (fixture->view,
                                                                   "filter_model"))),
                    ==, n + 1);

  project = reopen (fixture);
  session = find_session (project, "Workshop for Finance");
  starts_at = vonk_entity_get_date_time (VONK_ENTITY (session), "starts-at");
  g_assert_nonnull (starts_at);
  g_assert_cmpint (g_date_time_get_year (starts_at), ==, 2027);
  g_assert_cmpint (g_date_time_get_month (starts_at), ==, 1);
  g_assert_cmpint (g_date_time_get_day_of_month (starts_at), ==, 14);
  g_assert_cmpint (g_date_time_get_hour (starts_at), ==, 13);
  g_assert_cmpint (g_date_time_get_minute (starts_at), ==, 30);
  g_assert_cmpint (vonk_entity_get_enum (VONK_ENTITY (session), "kind"), ==, VONK_SESSION_WORKSHOP);
  g_assert_cmpint (vonk_entity_get_int (VONK_ENTITY (session), "duration"), ==, 150);
  g_assert_cmpint (vonk_entity_get_int (VONK_ENTITY (session), "capacity"), ==, 12);
  g_assert_cmpstr (vonk_entity_get_string (VONK_ENTITY (session), "venue"), ==, "Room 4");
  g_assert_cmpint (vonk_entity_get_enum (VONK_ENTITY (session), "status"), ==,
                   VONK_SESSION_STATUS_PLANNED);
  g_assert_cmpstr (vonk_entity_get_string (VONK_ENTITY (session), "online-link"), ==,
                   "https://meet.example.org/finance");
  g_assert_cmpstr (vonk_entity_get_string (VONK_ENTITY (session), "notes"), ==, "Bring laptops");
  g_assert_cmpint (vonk_entity_get_int64 (VONK_ENTITY (session), "facilitator-id"), ==,
                   facilitator_id);
  g_assert_cmpint (vonk_entity_get_enum (VONK_ENTITY (session), "scope"), ==,
                   VONK_SCOPE_DEPARTMENT);
  scope = vonk_sessions_scope_rows (project, session);
  g_assert_cmpuint (scope->len, ==, 1);
  g_assert_cmpint (vonk_entity_get_int64 (g_ptr_array_index (scope, 0), "department-id"), ==,
                   first_department);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 ia = *(const gint64 *) a;
  gint64 ib = *(const gint64 *) b;

  return (ia > ib) - (ia < ib);
}

static GArray *
person_ids (VonkProject *project,
            VonkSession *session,
            gboolean     enthusiastic_only)
{
  g_autoptr(GPtrArray) rows = vonk_sessions_attendance (project, session);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < rows->len; i++)
    {
      VonkEntity *row = g_ptr_array_index (rows, i);
      gint64 id = vonk_entity_get_int64 (row, "person-id");

      if (!enthusiastic_only || vonk_entity_get_boolean (row, "enthusiastic"))
        g_array_append_val (ids, id);
    }

  g_array_sort (ids, compare_ids);
  return ids;
}

static void
test_follow_up (Fixture       *fixture,
                gconstpointer  data)
{
  VonkSession *kick_off = find_session (fixture->project, KICK_OFF);
  GListModel *sessions = vonk_project_get_list (fixture->project, VONK_TYPE_SESSION);
  guint n = g_list_model_get_n_items (sessions);
  g_autoptr(GArray) enthusiasts = person_ids (fixture->project, kick_off, TRUE);
  g_autoptr(GArray) invited = NULL;
  GtkWidget *button;
  VonkEntity *workshop;

  g_assert_cmpint (vonk_entity_get_enum (VONK_ENTITY (kick_off), "status"), ==,
                   VONK_SESSION_STATUS_HELD);
  g_assert_cmpuint (enthusiasts->len, >, 0);

  vonk_sessions_view_select (VONK_SESSIONS_VIEW (fixture->view), kick_off);
  WAIT_UNTIL ((button = vonk_test_find_button (fixture->view, "sessions.follow-up")) != NULL);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");

  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, n + 1);
  workshop = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (child (fixture->view,
                                                                                  "selection")));
  g_assert_nonnull (workshop);
  g_assert_cmpint (vonk_entity_get_enum (workshop, "kind"), ==, VONK_SESSION_WORKSHOP);
  g_assert_cmpint (vonk_entity_get_int64 (workshop, "follow-up-of"), ==,
                   vonk_entity_get_id (VONK_ENTITY (kick_off)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (fixture->view, "detail_title"))),
                   ==, vonk_entity_get_string (workshop, "title"));

  invited = person_ids (fixture->project, VONK_SESSION (workshop), FALSE);
  g_assert_cmpuint (invited->len, ==, enthusiasts->len);
  for (guint i = 0; i < invited->len; i++)
    g_assert_cmpint (g_array_index (invited, gint64, i), ==, g_array_index (enthusiasts, gint64, i));

  /* not a follow-up button for a workshop */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (child (fixture->view, "follow_up_button"))));
}

static void
test_delete_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  VonkSession *kick_off = find_session (fixture->project, KICK_OFF);
  gint64 id = vonk_entity_get_id (VONK_ENTITY (kick_off));
  g_autofree char *title = g_strdup_printf ("“%s” deleted", KICK_OFF);
  GtkWidget *undo;

  vonk_sessions_view_select (VONK_SESSIONS_VIEW (fixture->view), kick_off);
  gtk_widget_activate_action (fixture->view, "sessions.delete", NULL);
  g_assert_null (vonk_project_lookup (fixture->project, VONK_TYPE_SESSION, id));
  undo = vonk_test_wait_for_undo (fixture->overlay, title);
  g_signal_emit_by_name (undo, "clicked");
  WAIT_UNTIL (vonk_project_lookup (fixture->project, VONK_TYPE_SESSION, id) != NULL);
}

/* A fresh inspiration session on 14 January 2027 at 10:00, for 60
 * minutes, with room for @capacity (0: no limit). */
static VonkSession *
add_session (Fixture    *fixture,
             const char *title,
             int         capacity)
{
  g_autoptr(GDateTime) start = g_date_time_new_local (2027, 1, 14, 10, 0, 0);
  g_autoptr(GError) error = NULL;
  VonkEntity *session = g_object_new (VONK_TYPE_SESSION,
                                      "kind", VONK_SESSION_INSPIRATION,
                                      "title", title,
                                      "starts-at", start,
                                      "duration", 60,
                                      "capacity", capacity,
                                      NULL);

  vonk_project_add (fixture->project, session, &error);
  g_assert_no_error (error);
  g_object_unref (session); /* the project's list holds it */
  return VONK_SESSION (session);
}

/* The rows of the agenda shown, in order. */
static GPtrArray *
agenda_rows (Fixture *fixture)
{
  GPtrArray *rows = g_ptr_array_new ();
  GtkWidget *list = GTK_WIDGET (child (fixture->view, "agenda_list"));

  for (GtkWidget *c = gtk_widget_get_first_child (list); c; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_LIST_BOX_ROW (c) && g_object_get_data (G_OBJECT (c), "vonk-block") != NULL)
      g_ptr_array_add (rows, c);
  return rows;
}

static const char *
row_title (GtkWidget *row)
{
  return vonk_entity_get_string (g_object_get_data (G_OBJECT (row), "vonk-block"), "title");
}

static gpointer
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller; /* the widget keeps it */
    }

  g_error ("no %s on %s", g_type_name (type), G_OBJECT_TYPE_NAME (widget));
}

/* A built-in template makes the agenda; Alt+Up on the second block moves
 * it first and the start times shown follow; the total runs over the hour
 * and says so; the agenda kept as a template is offered and applies. */
static void
test_agenda_keyboard_and_templates (Fixture       *fixture,
                                    gconstpointer  data)
{
  VonkSession *session = add_session (fixture, "Inspiration for Claims", 0);
  VonkSession *other = add_session (fixture, "Inspiration for Sales", 0);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) reopened = NULL;
  g_autofree char *first_title = NULL;
  g_autofree char *second_title = NULL;
  g_autofree char *expected_second_start = NULL;
  GtkEventControllerKey *keys;
  AdwMessageDialog *dialog;
  GMenuModel *menu;
  gboolean handled = FALSE, offered = FALSE;
  g_autoptr(VonkEntity) template = NULL;
  g_autoptr(GPtrArray) template_blocks = NULL;
  GtkWidget *undo;
  gint64 template_id;
  guint n_templates;
  gint64 session_id = vonk_entity_get_id (VONK_ENTITY (session));
  int second_minutes;
  VonkProject *project;

  vonk_sessions_view_select (VONK_SESSIONS_VIEW (fixture->view), session);
  g_assert_cmpuint (g_list_model_get_n_items (vonk_project_get_list (fixture->project,
                                                                     VONK_TYPE_AGENDA_BLOCK)), >, 0);
  gtk_widget_activate_action (fixture->view, "sessions.apply-template", "i",
                              VONK_BUILTIN_TEMPLATE_INSPIRATION);

  rows = agenda_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_cmpstr (start_text (fixture, 0), ==, "10:00");
  g_assert_cmpstr (start_text (fixture, 1), ==, "10:15");
  first_title = g_strdup (row_title (g_ptr_array_index (rows, 0)));
  second_title = g_strdup (row_title (g_ptr_array_index (rows, 1)));
  second_minutes = vonk_entity_get_int (g_object_get_data (g_ptr_array_index (rows, 1), "vonk-block"),
                                        "minutes");

  /* 75 minutes in a session of 60: the warning is there */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (child (fixture->view, "over_icon"))));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (fixture->view, "total_label"))), ==,
                   "75 of 60 minutes — runs over by 15 minutes");

  /* Alt+Up on the second block */
  gtk_widget_grab_focus (g_ptr_array_index (rows, 1));
  keys = find_controller (GTK_WIDGET (child (fixture->view, "agenda_list")),
                          GTK_TYPE_EVENT_CONTROLLER_KEY);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Up, 0, GDK_ALT_MASK, &handled);
  g_assert_true (handled);

  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = agenda_rows (fixture);
  g_assert_cmpstr (row_title (g_ptr_array_index (rows, 0)), ==, second_title);
  g_assert_cmpstr (row_title (g_ptr_array_index (rows, 1)), ==, first_title);
  expected_second_start = g_strdup_printf ("10:%02d", second_minutes);
  g_assert_cmpstr (start_text (fixture, 0), ==, "10:00");
  g_assert_cmpstr (start_text (fixture, 1), ==, expected_second_start);
  /* the moved block keeps the focus, to move it again */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) == g_ptr_array_index (rows, 0));

  /* kept as a template from the dialog */
  n_templates = g_list_model_get_n_items (vonk_project_get_list (fixture->project,
                                                                 VONK_TYPE_AGENDA_TEMPLATE));
  gtk_widget_activate_action (fixture->view, "sessions.save-template", NULL);
  WAIT_UNTIL ((dialog = vonk_test_find_window (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)),
                         "Our inspiration hour");
  adw_message_dialog_response (dialog, "save");
  WAIT_UNTIL (g_list_model_get_n_items (vonk_project_get_list (fixture->project,
                                                               VONK_TYPE_AGENDA_TEMPLATE)) ==
              n_templates + 1);
  template = g_list_model_get_item (vonk_project_get_list (fixture->project,
                                                           VONK_TYPE_AGENDA_TEMPLATE),
                                    n_templates);
  g_assert_cmpstr (vonk_entity_get_string (template, "name"), ==, "Our inspiration hour");

  /* offered in the menu next to the built-in ones */
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (child (fixture->view, "template_button")));
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *label = NULL;

          g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_LABEL, "s", &label);
          offered |= g_strcmp0 (label, "Our inspiration hour") == 0;
        }
    }
  g_assert_true (offered);

  /* and applied to another session */
  vonk_sessions_view_select (VONK_SESSIONS_VIEW (fixture->view), other);
  gtk_widget_activate_action (fixture->view, "sessions.apply-user-template", "x",
                              vonk_entity_get_id (template));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = agenda_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_cmpstr (row_title (g_ptr_array_index (rows, 0)), ==, second_title);

  /* a template of one's own deleted, and back with Undo */
  template_id = vonk_entity_get_id (template);
  gtk_widget_activate_action (fixture->view, "sessions.delete-template", "x", template_id);
  g_assert_null (vonk_project_lookup (fixture->project, VONK_TYPE_AGENDA_TEMPLATE, template_id));
  undo = vonk_test_wait_for_undo (fixture->overlay, "Template “Our inspiration hour” deleted");
  g_signal_emit_by_name (undo, "clicked");
  WAIT_UNTIL (vonk_project_lookup (fixture->project, VONK_TYPE_AGENDA_TEMPLATE, template_id) != NULL);
  template_blocks = vonk_sessions_template_blocks (fixture->project,
                                                   VONK_AGENDA_TEMPLATE (vonk_project_lookup (fixture->project,
                                                                                              VONK_TYPE_AGENDA_TEMPLATE,
                                                                                              template_id)));
  g_assert_cmpuint (template_blocks->len, ==, 5);

  project = reopen (fixture);
  reopened = vonk_sessions_agenda (project, VONK_SESSION (vonk_project_lookup (project,
                                                                              VONK_TYPE_SESSION,
                                                                              session_id)));
  g_assert_cmpstr (vonk_entity_get_string (g_ptr_array_index (reopened, 0), "title"), ==,
                   second_title);
}

/* A block dropped on the last row goes last; the times follow. */
static void
test_agenda_drop (Fixture       *fixture,
                  gconstpointer  data)
{
  VonkSession *session = add_session (fixture, "Drag and drop", 0);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) agenda = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *moved = NULL;
  GtkDropTarget *target;
  gboolean dropped = FALSE;

  vonk_sessions_view_select (VONK_SESSIONS_VIEW (fixture->view), session);
  gtk_widget_activate_action (fixture->view, "sessions.apply-template", "i",
                              VONK_BUILTIN_TEMPLATE_WORKSHOP);
  rows = agenda_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 7);
  moved = g_strdup (row_title (g_ptr_array_index (rows, 0)));

  g_value_init (&value, VONK_TYPE_AGENDA_BLOCK);
  g_value_set_object (&value, g_object_get_data (g_ptr_array_index (rows, 0), "vonk-block"));
  target = find_controller (g_ptr_array_index (rows, 6), GTK_TYPE_DROP_TARGET);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &dropped);
  g_assert_true (dropped);

  agenda = vonk_sessions_agenda (fixture->project, session);
  g_assert_cmpstr (vonk_entity_get_string (g_ptr_array_index (agenda, 6), "title"), ==, moved);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = agenda_rows (fixture);
  g_assert_cmpstr (row_title (g_ptr_array_index (rows, 6)), ==, moved);
  /* the second block now opens the session */
  g_assert_cmpstr (start_text (fixture, 0), ==, "10:00");
  g_assert_cmpstr (row_title (g_ptr_array_index (rows, 0)), ==,
                   vonk_entity_get_string (g_ptr_array_index (agenda, 0), "title"));
}

/* The attendance rows shown, in order. */
static GPtrArray *
attendance_rows (Fixture *fixture)
{
  GPtrArray *rows = g_ptr_array_new ();
  GtkWidget *list = GTK_WIDGET (child (fixture->view, "attendance_view"));

  for (GtkWidget *item = gtk_widget_get_first_child (list); item;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);

      if (VONK_IS_ATTENDANCE_ROW (row) && gtk_widget_get_mapped (row))
        g_ptr_array_add (rows, row);
    }
  return rows;
}

/* The shown row of @person_id, or NULL (then scrolled to). */
static GtkWidget *
row_of (Fixture *fixture,
        gint64   person_id)
{
  g_autoptr(GPtrArray) rows = attendance_rows (fixture);
  VonkEntity *person = vonk_project_lookup (fixture->project, VONK_TYPE_PERSON, person_id);

  GListModel *listed = G_LIST_MODEL (child (fixture->view, "attendance_sort_model"));

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (child (g_ptr_array_index (rows, i),
                                                          "name_label"))),
                   vonk_entity_get_string (person, "name")) == 0)
      return g_ptr_array_index (rows, i);

  /* not in sight (the list follows the focus): brought there for next time */
  for (guint i = 0; i < g_list_model_get_n_items (listed); i++)
    {
      g_autoptr(VonkEntity) row = g_list_model_get_item (listed, i);

      if (vonk_entity_get_int64 (row, "person-id") == person_id)
        gtk_widget_activate_action (GTK_WIDGET (child (fixture->view, "attendance_view")),
                                    "list.scroll-to-item", "u", i);
    }
  return NULL;
}

static VonkEntity *
attendance_of (Fixture     *fixture,
               VonkSession *session,
               gint64       person_id)
{
  g_autoptr(GPtrArray) rows = vonk_sessions_attendance (fixture->project, session);

  for (guint i = 0; i < rows->len; i++)
    if (vonk_entity_get_int64 (g_ptr_array_index (rows, i), "person-id") == person_id)
      return g_ptr_array_index (rows, i);
  return NULL;
}

static gboolean
label_contains (gpointer    label,
                const char *text)
{
  return strstr (gtk_label_get_text (GTK_LABEL (label)), text) != NULL;
}

/* The radio item of a popover menu (a GtkModelButton) under @widget that
 * reads @text, or NULL. */
static GtkWidget *
find_radio_item (GtkWidget  *widget,
                 const char *text)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      GParamSpec *role = g_object_class_find_property (G_OBJECT_GET_CLASS (c), "role");

      if (role != NULL && G_IS_PARAM_SPEC_ENUM (role) &&
          g_object_class_find_property (G_OBJECT_GET_CLASS (c), "text") != NULL)
        {
          g_autofree char *item_text = NULL;
          GEnumValue *value;
          int n;

          g_object_get (c, "text", &item_text, "role", &n, NULL);
          /* GtkButtonRole is GTK's own */
          value = g_enum_get_value (G_PARAM_SPEC_ENUM (role)->enum_class, n);
          if (g_strcmp0 (item_text, text) == 0 && value != NULL &&
              g_str_equal (value->value_nick, "radio"))
            return c;
        }
      if ((found = find_radio_item (c, text)) != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_active (GtkWidget *item)
{
  gboolean active;

  g_object_get (item, "active", &active, NULL);
  return active;
}

static void
keep_menu_up_cb (GtkMenuButton *button)
{
  GtkPopover *popover = gtk_menu_button_get_popover (button);

  if (popover != NULL)
    gtk_popover_set_autohide (popover, FALSE);
}

/* Chooses @choice from the menu of @row's menu button @name as from the
 * keyboard: the button focused and activated (what Space or Enter does),
 * then the item (Enter on it). The menu is made only then; the item of
 * what the row shows, @shown, is the one marked. */
static void
choose_from_row_menu (GtkWidget  *row,
                      const char *name,
                      const char *shown,
                      const char *choice)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (child (row, name));
  GtkWidget *toggle = gtk_widget_get_first_child (GTK_WIDGET (button));
  GtkWidget *popover = NULL;
  GtkWidget *item;

  /* a row just made is shown a frame later; a menu pops up from a
   * button on screen only */
  WAIT_UNTIL (gtk_widget_get_mapped (toggle));
  g_assert_true (GTK_IS_TOGGLE_BUTTON (toggle));
  g_assert_true (gtk_widget_get_focusable (toggle));
  g_assert_true (gtk_widget_grab_focus (toggle));
  /* the other tests' windows on the same display take the focus now and
   * then, which would close a menu that hides when the focus goes */
  g_signal_connect (button, "notify::popover", G_CALLBACK (keep_menu_up_cb), NULL);
  g_assert_true (gtk_widget_activate (toggle));
  WAIT_UNTIL ((popover = GTK_WIDGET (gtk_menu_button_get_popover (button))) != NULL &&
              gtk_widget_get_mapped (popover));
  g_signal_handlers_disconnect_by_func (button, keep_menu_up_cb, NULL);
  item = find_radio_item (popover, shown);
  g_assert_nonnull (item);
  g_assert_true (is_active (item));
  item = find_radio_item (popover, choice);
  g_assert_nonnull (item);
  g_assert_false (is_active (item));
  g_assert_true (gtk_widget_activate (item));
  WAIT_UNTIL (!gtk_widget_get_mapped (popover));
}

static gboolean
accessible_label_is (gpointer    widget,
                     const char *expected)
{
  g_autofree char *difference =
    gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        expected);

  return difference == NULL;
}

/* Invite a department, and one more person by name; register beyond the
 * capacity (a waiting list), mark attendance, enthusiasm and the pulse
 * from the rows' menus, by keyboard, and undo and redo that; the counts
 * follow. Then the follow-up workshop has the enthusiastic
 * invited and opens. */
static void
test_attendance (Fixture       *fixture,
                 gconstpointer  data)
{
  VonkSession *session = add_session (fixture, "Inspiration for Claims", 2);
  GListModel *departments = vonk_project_get_list (fixture->project, VONK_TYPE_DEPARTMENT);
  g_autoptr(VonkEntity) department = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GArray) invited = NULL;
  GtkWidget *row, *entry = NULL, *follow_up, *undo;
  VonkPersonSearch *search;
  VonkEntity *workshop, *outsider = NULL;
  GListModel *people = vonk_project_get_list (fixture->project, VONK_TYPE_PERSON);
  gint64 ids[3];
  g_autofree char *removed_title = NULL;
  VonkHistory *history = vonk_project_get_history (fixture->project);
  g_autoptr(GError) error = NULL;

  /* a department with at least three people */
  for (guint i = 0; i < g_list_model_get_n_items (departments) && members == NULL; i++)
    {
      g_autoptr(VonkEntity) d = g_list_model_get_item (departments, i);
      GPtrArray *found = vonk_sessions_find_people (fixture->project, vonk_entity_get_id (d), 0,
                                                    VONK_SESSIONS_ANY_ROLE);

      if (found->len >= 3)
        {
          members = found;
          department = g_steal_pointer (&d);
        }
      else
        g_ptr_array_unref (found);
    }
  g_assert_nonnull (members);
  for (int i = 0; i < 3; i++)
    ids[i] = vonk_entity_get_id (g_ptr_array_index (members, i));

  vonk_sessions_view_select (VONK_SESSIONS_VIEW (fixture->view), session);
  gtk_stack_set_visible_child_name (GTK_STACK (child (fixture->view, "detail_pages")), "attendance");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (fixture->view, "counts_label"))), ==,
                   "Nobody invited yet.");

  /* the department's people */
  vonk_test_choose (ADW_COMBO_ROW (child (fixture->view, "invite_department_row")),
                    vonk_entity_get_string (department, "name"));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (child (fixture->view, "invite_button"))));
  gtk_widget_activate_action (fixture->view, "sessions.invite-group", NULL);
  invited = person_ids (fixture->project, session, FALSE);
  g_assert_cmpuint (invited->len, ==, members->len);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (child (fixture->view, "invite_button"))));
  {
    g_autofree char *expected = g_strdup_printf ("%u on the list", members->len);

    g_assert_true (label_contains (child (fixture->view, "counts_label"), expected));
  }
  WAIT_UNTIL ((row = row_of (fixture, ids[0])) != NULL);

  /* one more, found by name */
  for (guint i = 0; i < g_list_model_get_n_items (people) && outsider == NULL; i++)
    {
      g_autoptr(VonkEntity) p = g_list_model_get_item (people, i);

      if (vonk_entity_get_int64 (p, "department-id") != vonk_entity_get_id (department))
        outsider = p;
    }
  search = VONK_PERSON_SEARCH (child (fixture->view, "invite_search"));
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (search)); c;
       c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_SEARCH_ENTRY (c))
      entry = c;
  gtk_editable_set_text (GTK_EDITABLE (entry), vonk_entity_get_string (outsider, "name"));
  WAIT_UNTIL (g_list_model_get_n_items (vonk_person_search_get_matches (search)) > 0);
  vonk_person_search_pick (search, 0);
  g_assert_nonnull (attendance_of (fixture, session, vonk_entity_get_id (outsider)));

  /* two places: the third to register waits */
  for (int i = 0; i < 3; i++)
    {
      WAIT_UNTIL ((row = row_of (fixture, ids[i])) != NULL);
      choose_from_row_menu (row, "status_button", "Invited", "Registered");
    }
  WAIT_UNTIL ((row = row_of (fixture, ids[0])) != NULL);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (row, "status_label"))), ==, "Registered");
  {
    g_autofree char *name = g_strdup_printf ("Status of %s",
                                             vonk_entity_get_string (g_ptr_array_index (members, 0),
                                                                     "name"));
    g_autofree char *difference =
      gtk_test_accessible_check_property (GTK_ACCESSIBLE (child (row, "status_button")),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Registered");

    g_assert_true (accessible_label_is (child (row, "status_button"), name));
    g_assert_null (difference);
  }
  g_assert_cmpint (vonk_entity_get_enum (attendance_of (fixture, session, ids[0]), "status"), ==,
                   VONK_ATTENDANCE_REGISTERED);
  g_assert_cmpint (vonk_entity_get_enum (attendance_of (fixture, session, ids[2]), "status"), ==,
                   VONK_ATTENDANCE_WAITING);
  WAIT_UNTIL ((row = row_of (fixture, ids[2])) != NULL &&
              label_contains (child (row, "detail_label"), "waiting list, number 1"));
  g_assert_true (label_contains (child (fixture->view, "counts_label"), "2 of 2 registered"));
  g_assert_true (label_contains (child (fixture->view, "counts_label"), "1 on the waiting list"));

  /* after the session: the first attended, got enthusiastic, pulse 4 */
  WAIT_UNTIL ((row = row_of (fixture, ids[0])) != NULL);
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (child (row, "enthusiastic_check"))));
  choose_from_row_menu (row, "status_button", "Registered", "Attended");
  WAIT_UNTIL ((row = row_of (fixture, ids[0])) != NULL &&
              gtk_widget_is_visible (GTK_WIDGET (child (row, "enthusiastic_check"))));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (child (row, "enthusiastic_check")), TRUE);
  WAIT_UNTIL ((row = row_of (fixture, ids[0])) != NULL);
  choose_from_row_menu (row, "pulse_button", "No pulse", "Pulse 4");
  g_assert_true (vonk_entity_get_boolean (attendance_of (fixture, session, ids[0]), "enthusiastic"));
  g_assert_cmpint (vonk_entity_get_int (attendance_of (fixture, session, ids[0]), "pulse"), ==, 4);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (row, "pulse_label"))), ==, "Pulse 4");
  g_assert_true (label_contains (child (fixture->view, "counts_label"), "1 enthusiastic"));
  /* the pulse undone, and done again */
  g_assert_true (vonk_history_undo (history, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vonk_entity_get_int (attendance_of (fixture, session, ids[0]), "pulse"), ==, 0);
  WAIT_UNTIL ((row = row_of (fixture, ids[0])) != NULL &&
              g_strcmp0 (gtk_label_get_text (GTK_LABEL (child (row, "pulse_label"))),
                         "No pulse") == 0);
  g_assert_true (vonk_history_redo (history, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vonk_entity_get_int (attendance_of (fixture, session, ids[0]), "pulse"), ==, 4);
  /* the second did not show; undone, and done again */
  WAIT_UNTIL ((row = row_of (fixture, ids[1])) != NULL);
  choose_from_row_menu (row, "status_button", "Registered", "No-show");
  g_assert_cmpint (vonk_entity_get_enum (attendance_of (fixture, session, ids[1]), "status"), ==,
                   VONK_ATTENDANCE_NO_SHOW);
  g_assert_true (label_contains (child (fixture->view, "counts_label"), "1 did not show"));
  g_assert_true (vonk_history_undo (history, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vonk_entity_get_enum (attendance_of (fixture, session, ids[1]), "status"), ==,
                   VONK_ATTENDANCE_REGISTERED);
  WAIT_UNTIL ((row = row_of (fixture, ids[1])) != NULL &&
              g_strcmp0 (gtk_label_get_text (GTK_LABEL (child (row, "status_label"))),
                         "Registered") == 0);
  g_assert_true (label_contains (child (fixture->view, "counts_label"), "0 did not show"));
  g_assert_true (vonk_history_redo (history, &error));
  g_assert_no_error (error);
  g_assert_true (label_contains (child (fixture->view, "counts_label"), "1 did not show"));

  /* taken off the list, and back with Undo */
  {
    VonkEntity *person = vonk_project_lookup (fixture->project, VONK_TYPE_PERSON,
                                              vonk_entity_get_id (outsider));

    removed_title = g_strdup_printf ("%s taken off the list", vonk_entity_get_string (person, "name"));
    WAIT_UNTIL ((row = row_of (fixture, vonk_entity_get_id (outsider))) != NULL);
    g_signal_emit_by_name (child (row, "remove_button"), "clicked");
    g_assert_null (attendance_of (fixture, session, vonk_entity_get_id (outsider)));
    undo = vonk_test_wait_for_undo (fixture->overlay, removed_title);
    g_signal_emit_by_name (undo, "clicked");
    WAIT_UNTIL (attendance_of (fixture, session, vonk_entity_get_id (outsider)) != NULL);
  }

  /* the follow-up workshop: the enthusiastic one invited, and shown */
  follow_up = GTK_WIDGET (child (fixture->view, "follow_up_button"));
  g_assert_true (gtk_widget_get_visible (follow_up));
  g_signal_emit_by_name (follow_up, "clicked");
  workshop = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (child (fixture->view,
                                                                                  "selection")));
  g_assert_nonnull (workshop);
  g_assert_cmpint (vonk_entity_get_enum (workshop, "kind"), ==, VONK_SESSION_WORKSHOP);
  g_assert_cmpint (vonk_entity_get_int64 (workshop, "follow-up-of"), ==,
                   vonk_entity_get_id (VONK_ENTITY (session)));
  g_clear_pointer (&invited, g_array_unref);
  invited = person_ids (fixture->project, VONK_SESSION (workshop), FALSE);
  g_assert_cmpuint (invited->len, ==, 1);
  g_assert_cmpint (g_array_index (invited, gint64, 0), ==, ids[0]);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (fixture->view, "detail_title"))), ==,
                   vonk_entity_get_string (workshop, "title"));
  WAIT_UNTIL (row_of (fixture, ids[0]) != NULL);
  g_assert_true (label_contains (child (fixture->view, "counts_label"), "1 on the list"));
}

/* The sessions the list shows, once the search has been applied. */
static guint
n_shown (Fixture *fixture)
{
  GListModel *shown = G_LIST_MODEL (child (fixture->view, "filter_model"));

  WAIT_UNTIL (vonk_filter_model_get_pending (VONK_FILTER_MODEL (shown)) == 0);
  return g_list_model_get_n_items (shown);
}

static gboolean
shows_only (Fixture     *fixture,
            VonkSession *session)
{
  GListModel *shown = G_LIST_MODEL (child (fixture->view, "filter_model"));
  g_autoptr(GObject) first = NULL;

  if (n_shown (fixture) != 1)
    return FALSE;
  first = g_list_model_get_item (shown, 0);
  return first == G_OBJECT (session);
}

static void
search_for (Fixture    *fixture,
            const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (fixture->view, "search")), text);
  /* what GtkSearchEntry does once its typing delay has passed */
  g_signal_emit_by_name (child (fixture->view, "search"), "search-changed");
}

/* Whether the attendance list holds exactly the rows of @session (its
 * model), and the rows shown, once the list view has caught up, are of
 * its people (the list view makes rows for those in sight only). */
static gboolean
lists_attendance_of (Fixture     *fixture,
                     VonkSession *session)
{
  GListModel *listed = G_LIST_MODEL (child (fixture->view, "attendance_sort_model"));
  g_autoptr(GPtrArray) rows = vonk_sessions_attendance (fixture->project, session);
  g_autoptr(GPtrArray) shown = attendance_rows (fixture);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  if (g_list_model_get_n_items (listed) != rows->len || shown->len > rows->len ||
      (shown->len == 0) != (rows->len == 0))
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      VonkEntity *row = g_ptr_array_index (rows, i);
      VonkEntity *person = vonk_project_lookup (fixture->project, VONK_TYPE_PERSON,
                                                vonk_entity_get_int64 (row, "person-id"));
      gboolean found = FALSE;

      for (guint j = 0; j < rows->len && !found; j++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (listed, j);

          found = item == G_OBJECT (row);
        }
      if (!found)
        return FALSE;
      g_hash_table_add (names, (gpointer) vonk_entity_get_string (person, "name"));
    }
  for (guint i = 0; i < shown->len; i++)
    if (!g_hash_table_contains (names,
                                gtk_label_get_text (GTK_LABEL (child (g_ptr_array_index (shown, i),
                                                                      "name_label")))))
      return FALSE;
  return TRUE;
}

/* The search finds a session by its title, venue or scope whatever the
 * case; the attendance page lists exactly the selected session's people,
 * and follows an invitation and a removal made after it was selected. */
static void
test_search_and_attendance_list (Fixture       *fixture,
                                 gconstpointer  data)
{
  VonkSession *kick_off = find_session (fixture->project, KICK_OFF);
  VonkSession *session = add_session (fixture, "Lunchlezing over ÉÉN organisatie", 0);
  GListModel *people = vonk_project_get_list (fixture->project, VONK_TYPE_PERSON);
  GListModel *departments = vonk_project_get_list (fixture->project, VONK_TYPE_DEPARTMENT);
  g_autoptr(VonkEntity) department = g_list_model_get_item (departments, 0);
  g_autoptr(VonkEntity) scope = NULL;
  g_autoptr(GPtrArray) invitees = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) later = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *department_name = g_utf8_strup (vonk_entity_get_string (department, "name"), -1);
  g_autoptr(GPtrArray) kick_off_rows = vonk_sessions_attendance (fixture->project, kick_off);
  VonkEntity *added;
  guint n_sessions = g_list_model_get_n_items (vonk_project_get_list (fixture->project,
                                                                      VONK_TYPE_SESSION));

  g_object_set (session, "venue", "Boardroom Zuid", NULL);
  vonk_project_save (fixture->project, VONK_ENTITY (session), &error);
  g_assert_no_error (error);

  /* by title and by venue, ignoring case; nothing for what no session has */
  search_for (fixture, "één ORGANISATIE");
  g_assert_true (shows_only (fixture, session));
  search_for (fixture, "BOARDROOM zuid");
  g_assert_true (shows_only (fixture, session));
  search_for (fixture, "boardroom zuidas");
  g_assert_cmpuint (n_shown (fixture), ==, 0);
  search_for (fixture, "");
  g_assert_cmpuint (n_shown (fixture), ==, n_sessions);

  /* by a department it is for, once it is for that department */
  g_object_set (session, "scope", VONK_SCOPE_DEPARTMENT, NULL);
  vonk_project_save (fixture->project, VONK_ENTITY (session), &error);
  g_assert_no_error (error);
  search_for (fixture, department_name);
  {
    GListModel *shown = G_LIST_MODEL (child (fixture->view, "filter_model"));
    gboolean found = FALSE;

    for (guint i = 0; i < n_shown (fixture); i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (shown, i);

        found |= item == G_OBJECT (session);
      }
    g_assert_false (found);
  }
  scope = g_object_new (VONK_TYPE_SESSION_SCOPE,
                        "session-id", vonk_entity_get_id (VONK_ENTITY (session)),
                        "department-id", vonk_entity_get_id (department),
                        NULL);
  vonk_project_add (fixture->project, scope, &error);
  g_assert_no_error (error);
  {
    GListModel *shown = G_LIST_MODEL (child (fixture->view, "filter_model"));
    gboolean found = FALSE;

    for (guint i = 0; i < n_shown (fixture); i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (shown, i);

        found |= item == G_OBJECT (session);
      }
    g_assert_true (found);
  }
  search_for (fixture, "");

  /* three people on the list; the kick-off has people of its own */
  g_assert_cmpuint (kick_off_rows->len, >, 0);
  for (guint i = 0; i < 4; i++)
    g_ptr_array_add (i < 3 ? invitees : later, g_list_model_get_item (people, i));
  vonk_sessions_invite (fixture->project, session, invitees, &error);
  g_assert_no_error (error);

  gtk_stack_set_visible_child_name (GTK_STACK (child (fixture->view, "detail_pages")), "attendance");
  vonk_sessions_view_select (VONK_SESSIONS_VIEW (fixture->view), kick_off);
  WAIT_UNTIL (lists_attendance_of (fixture, kick_off));
  vonk_sessions_view_select (VONK_SESSIONS_VIEW (fixture->view), session);
  WAIT_UNTIL (lists_attendance_of (fixture, session));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (child (fixture->view,
                                                                   "attendance_sort_model"))),
                    ==, 3);

  /* invited after it was selected: the list follows */
  vonk_sessions_invite (fixture->project, session, later, &error);
  g_assert_no_error (error);
  WAIT_UNTIL (row_of (fixture, vonk_entity_get_id (g_ptr_array_index (later, 0))) != NULL);
  WAIT_UNTIL (lists_attendance_of (fixture, session));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (child (fixture->view,
                                                                   "attendance_sort_model"))),
                    ==, 4);

  /* and taken off it */
  added = attendance_of (fixture, session, vonk_entity_get_id (g_ptr_array_index (later, 0)));
  g_assert_nonnull (added);
  vonk_sessions_remove_attendance (fixture->project, VONK_ATTENDANCE (added), NULL, &error);
  g_assert_no_error (error);
  WAIT_UNTIL (row_of (fixture, vonk_entity_get_id (g_ptr_array_index (later, 0))) == NULL &&
              lists_attendance_of (fixture, session));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (child (fixture->view,
                                                                   "attendance_sort_model"))),
                    ==, 3);
}

/* The button of @title in the month view, in the cell of day @day. */
static GtkWidget *
month_button (VonkMonthView *month,
              const char    *title,
              guint          day)
{
  GPtrArray *buttons = vonk_month_view_get_session_buttons (month);

  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);
      VonkEntity *session = g_object_get_data (G_OBJECT (button), "vonk-session");
      GtkWidget *cell = gtk_widget_get_parent (button);
      GtkWidget *number = gtk_widget_get_first_child (cell);
      g_autofree char *day_text = g_strdup_printf ("%u", day);

      if (g_strcmp0 (vonk_entity_get_string (session, "title"), title) == 0 &&
          gtk_widget_get_mapped (button) && GTK_IS_LABEL (number) &&
          g_strcmp0 (gtk_label_get_text (GTK_LABEL (number)), day_text) == 0)
        return button;
    }

  return NULL;
}

static const char *
first_weekday_label (VonkMonthView *month)
{
  GtkGrid *grid = GTK_GRID (child (month, "grid"));

  return gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (grid, 0, 0)));
}

/* The month view shows November first (today marked), the next month has
 * a session on its day, and its button opens it. The first day of the
 * week follows the preference, set in the Preferences window. */
static void
test_month (Fixture       *fixture,
            gconstpointer  data)
{
  VonkMonthView *month = VONK_MONTH_VIEW (child (fixture->view, "month_view"));
  VonkSession *session = add_session (fixture, "On the fourteenth", 0);
  g_autoptr(GSettings) settings = vonk_settings_new ();
  GtkWidget *button, *preferences, *cell = NULL;
  int year, month_number;

  g_assert_nonnull (settings);
  g_settings_reset (settings, "first-day-of-week");

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child (fixture->view, "month_toggle")), TRUE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (fixture->view, "mode_stack"))),
                   ==, "month");
  vonk_month_view_get_month (month, &year, &month_number);
  g_assert_cmpint (year, ==, 2026);
  g_assert_cmpint (month_number, ==, 11);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (child (month, "grid"))));
  g_assert_true (vonk_test_has_label (GTK_WIDGET (month), "November 2026"));

  /* today: the 27th, marked */
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (child (month, "grid"))); c;
       c = gtk_widget_get_next_sibling (c))
    if (gtk_widget_has_css_class (c, "today"))
      {
        cell = c;
        g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (cell))), ==,
                         "27");
      }
  g_assert_nonnull (cell);

  /* two months on (Page Down twice): 14 January 2027 */
  gtk_widget_activate_action (GTK_WIDGET (month), "month.next", NULL);
  gtk_widget_activate_action (GTK_WIDGET (month), "month.next", NULL);
  g_assert_true (vonk_test_has_label (GTK_WIDGET (month), "January 2027"));
  WAIT_UNTIL ((button = month_button (month, "On the fourteenth", 14)) != NULL);
  g_assert_true (gtk_widget_get_focusable (button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==,
                   "On the fourteenth, Inspiration session, Thursday 14 January 2027, 10:00, Planned");

  /* the button opens the session */
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (fixture->view, "mode_stack"))),
                   ==, "list");
  g_assert_true (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (child (fixture->view,
                                                                                      "selection")))
                 == (gpointer) session);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (fixture->view, "detail_title"))), ==,
                   "On the fourteenth");

  /* the first day of the week: the language's, then as chosen */
  g_assert_cmpint (vonk_month_view_get_first_weekday (month), ==,
                   vonk_month_view_locale_first_weekday ());
  preferences = vonk_preferences_window_new (settings);
  gtk_window_present (GTK_WINDOW (preferences));
  WAIT_UNTIL (gtk_widget_get_mapped (preferences));
  /* the first choice follows the language, then Sunday, Monday … */
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (preferences, "first_weekday_row")), 2);
  g_assert_cmpint (g_settings_get_int (settings, "first-day-of-week"), ==, 1);
  WAIT_UNTIL (vonk_month_view_get_first_weekday (month) == 1);
  g_assert_cmpstr (first_weekday_label (month), ==, "Mon");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (preferences, "first_weekday_row")), 1);
  WAIT_UNTIL (vonk_month_view_get_first_weekday (month) == 0);
  g_assert_cmpstr (first_weekday_label (month), ==, "Sun");
  g_settings_set_int (settings, "first-day-of-week", 6);
  WAIT_UNTIL (adw_combo_row_get_selected (ADW_COMBO_ROW (child (preferences,
                                                                "first_weekday_row"))) == 7);
  g_assert_cmpstr (first_weekday_label (month), ==, "Sat");
  g_settings_reset (settings, "first-day-of-week");
}

/* The key controller that watches the keys pressed in @list. */
static GtkEventController *
list_key_controller (GtkWidget *list)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (list);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        return controller; /* the widget keeps it */
    }

  g_assert_not_reached ();
}

/* Where the list cannot show all its columns beside a session, it has
 * the whole width, and a session opens over it with a way back. */
static void
test_wide_list (Fixture       *fixture,
                gconstpointer  data)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (child (fixture->view, "leaflet"));
  GtkWidget *list = GTK_WIDGET (child (fixture->view, "view"));
  GtkWidget *list_page = GTK_WIDGET (child (fixture->view, "stack"));
  GtkWidget *detail = GTK_WIDGET (child (fixture->view, "detail_pane"));
  GtkWidget *back = GTK_WIDGET (child (fixture->view, "back_button"));
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (child (fixture->view, "selection"));
  int minimum;

  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == list_page);
  gtk_widget_measure (list, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (gtk_widget_get_width (gtk_widget_get_parent (list)), >=, minimum);

  gtk_single_selection_set_selected (selection, 0);
  WAIT_UNTIL (adw_leaflet_get_visible_child (leaflet) == detail);
  g_assert_true (gtk_widget_get_visible (back));

  g_signal_emit_by_name (back, "clicked");
  WAIT_UNTIL (adw_leaflet_get_visible_child (leaflet) == list_page);
  g_assert_null (gtk_single_selection_get_selected_item (selection));

  /* the arrow keys walk the list without opening each session on the way */
  {
    GtkEventController *keys = list_key_controller (list);
    gboolean handled = TRUE;

    g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Down, 0, 0, &handled);
    g_assert_false (handled);
    gtk_single_selection_set_selected (selection, 1);
    g_signal_emit_by_name (keys, "key-released", GDK_KEY_Down, 0, 0);
    gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
    g_assert_true (adw_leaflet_get_visible_child (leaflet) == list_page);
    g_assert_nonnull (gtk_single_selection_get_selected_item (selection));

    /* Enter opens it */
    g_signal_emit_by_name (list, "activate", 1);
    WAIT_UNTIL (adw_leaflet_get_visible_child (leaflet) == detail);
  }
}

/* The label under @widget that reads @text, or NULL. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (c) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (c)), text) == 0)
        return c;
      if ((found = find_label (c, text)) != NULL)
        return found;
    }

  return NULL;
}

/* The tooltip @label would show, or NULL for none. */
static char *
tooltip_of (GtkWidget *label)
{
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  g_signal_emit_by_name (label, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
  return shown ? g_strdup (gtk_label_get_text (GTK_LABEL (label))) : NULL;
}

/* On a narrow window a long title is shortened in the list, and its
 * tooltip has it whole; a title that fits has no tooltip. */
static void
test_shortened_titles (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *list = GTK_WIDGET (child (fixture->view, "view"));
  const char *long_title = "Practical workshop: your profile and first post";
  GtkWidget *shortened, *whole;
  g_autofree char *tooltip = NULL;
  g_autofree char *no_tooltip = NULL;

  gtk_window_set_default_size (fixture->window, 360, 800);
  WAIT_UNTIL (gtk_widget_get_width (GTK_WIDGET (fixture->window)) < 400);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));

  shortened = find_label (list, long_title);
  whole = find_label (list, "Monthly champions meet-up");
  g_assert_nonnull (shortened);
  g_assert_nonnull (whole);
  g_assert_true (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (shortened))));
  tooltip = tooltip_of (shortened);
  g_assert_cmpstr (tooltip, ==, long_title);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (whole))));
  no_tooltip = tooltip_of (whole);
  g_assert_null (no_tooltip);
}

/* The texts of the row of the session list whose first cell (the title)
 * reads @title, or NULL when it is not shown. */
static GPtrArray *
list_row_texts (Fixture    *fixture,
                const char *title)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  vonk_test_collect_labels (GTK_WIDGET (child (fixture->view, "view")), labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *cell = gtk_widget_get_parent (labels->pdata[i]);
      GtkWidget *row = gtk_widget_get_parent (cell);
      g_autoptr(GPtrArray) row_labels = g_ptr_array_new ();
      GPtrArray *texts;

      if (g_strcmp0 (gtk_label_get_text (labels->pdata[i]), title) != 0 ||
          gtk_widget_get_first_child (row) != cell)
        continue;

      texts = g_ptr_array_new_with_free_func (g_free);
      vonk_test_collect_labels (row, row_labels);
      for (guint j = 0; j < row_labels->len; j++)
        g_ptr_array_add (texts, g_strdup (gtk_label_get_text (row_labels->pdata[j])));
      return texts;
    }

  return NULL;
}

/* What the Registered column of @title's row shows, or NULL. */
static char *
registered_shown (Fixture    *fixture,
                  const char *title)
{
  g_autoptr(GPtrArray) texts = list_row_texts (fixture, title);

  /* title, date, kind, scope, registered, status */
  return texts != NULL && texts->len == 6 ? g_strdup (texts->pdata[4]) : NULL;
}

/* The Registered column as the project's own count of @session says. */
static char *
registered_expected (Fixture     *fixture,
                     VonkSession *session)
{
  VonkAttendanceCounts counts;
  guint registered;

  vonk_sessions_count (fixture->project, session, &counts);
  registered = counts.by_status[VONK_ATTENDANCE_REGISTERED] +
               counts.by_status[VONK_ATTENDANCE_ATTENDED] +
               counts.by_status[VONK_ATTENDANCE_NO_SHOW];
  return counts.capacity == 0 ? g_strdup_printf ("%u (no limit)", registered)
                              : g_strdup_printf ("%u / %u", registered, counts.capacity);
}

static gboolean
registered_shows (Fixture     *fixture,
                  VonkSession *session,
                  const char  *expected)
{
  g_autofree char *shown = registered_shown (fixture,
                                             vonk_entity_get_string (VONK_ENTITY (session),
                                                                     "title"));

  return g_strcmp0 (shown, expected) == 0;
}

/* The Registered column says "…" while every session's attendance is
 * counted after the frames, then the counts; they follow a registration
 * and a change of status. */
static void
test_registered_counted (Fixture       *fixture,
                         gconstpointer  data)
{
  VonkSession *session = find_session (fixture->project, KICK_OFF);
  g_autoptr(VonkEntity) person = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *before = NULL;
  g_autofree char *expected = NULL;
  VonkEntity *row;
  gint64 row_id;

  before = registered_expected (fixture, session);
  WAIT_UNTIL (registered_shows (fixture, session, before));

  /* the same project again: its rows come at once, their counts later */
  vonk_view_set_project (VONK_VIEW (fixture->view), NULL);
  vonk_view_set_project (VONK_VIEW (fixture->view), fixture->project);
  shown = registered_shown (fixture, KICK_OFF);
  g_assert_cmpstr (shown, ==, "…");
  WAIT_UNTIL (registered_shows (fixture, session, before));

  /* someone registers */
  person = g_object_new (VONK_TYPE_PERSON, "name", "Nina Nieuw", NULL);
  vonk_test_add (fixture->project, g_object_ref (person));
  row_id = vonk_test_add (fixture->project,
                          g_object_new (VONK_TYPE_ATTENDANCE,
                                        "session-id", vonk_entity_get_id (VONK_ENTITY (session)),
                                        "person-id", vonk_entity_get_id (person),
                                        "status", VONK_ATTENDANCE_REGISTERED,
                                        NULL));
  expected = registered_expected (fixture, session);
  g_assert_cmpstr (expected, !=, before);
  WAIT_UNTIL (registered_shows (fixture, session, expected));

  /* and is only invited after all */
  row = vonk_project_lookup (fixture->project, VONK_TYPE_ATTENDANCE, row_id);
  g_assert_true (vonk_sessions_set_status (fixture->project, VONK_ATTENDANCE (row),
                                           VONK_ATTENDANCE_INVITED, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (registered_expected (fixture, session), ==, before);
  WAIT_UNTIL (registered_shows (fixture, session, before));
}

/* What the invite row says for @session with these choices, counted
 * directly: everybody the choices find, and those of them not on the
 * list. */
static char *
expected_invite_title (VonkProject *project,
                       VonkSession *session,
                       gint64       department_id)
{
  g_autoptr(GPtrArray) found = vonk_sessions_find_people (project, department_id, 0,
                                                          VONK_SESSIONS_ANY_ROLE);
  g_autoptr(GPtrArray) rows = vonk_sessions_attendance (project, session);
  guint fresh = 0;

  for (guint i = 0; i < found->len; i++)
    {
      gint64 id = vonk_entity_get_id (g_ptr_array_index (found, i));
      gboolean listed = FALSE;

      for (guint j = 0; j < rows->len && !listed; j++)
        listed = vonk_entity_get_int64 (g_ptr_array_index (rows, j), "person-id") == id;
      fresh += !listed;
    }

  return g_strdup_printf ("%u %s found, %u not on the list yet", found->len,
                          found->len == 1 ? "person" : "people", fresh);
}

/* The session of the demo with the most people on its list. */
static VonkSession *
busiest_session (VonkProject *project)
{
  GListModel *sessions = vonk_project_get_list (project, VONK_TYPE_SESSION);
  VonkSession *busiest = NULL;
  guint most = 0;

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(VonkEntity) session = g_list_model_get_item (sessions, i);
      g_autoptr(GPtrArray) rows = vonk_sessions_attendance (project, VONK_SESSION (session));

      if (rows->len > most)
        {
          most = rows->len;
          busiest = VONK_SESSION (session); /* the list keeps it alive */
        }
    }

  g_assert_nonnull (busiest);
  return busiest;
}

/* A session of @project other than @session. */
static VonkSession *
another_session (VonkProject *project,
                 VonkSession *session)
{
  GListModel *sessions = vonk_project_get_list (project, VONK_TYPE_SESSION);
  g_autoptr(VonkEntity) first = g_list_model_get_item (sessions, 0);
  g_autoptr(VonkEntity) second = g_list_model_get_item (sessions, 1);

  g_assert_nonnull (second);
  /* the list keeps them alive */
  return VONK_SESSION (VONK_SESSION (first) == session ? second : first);
}

/* The invite row counts the people the choices find and those of them
 * not on the list, as counting them directly does: for each session
 * shown, for another choice, and after someone joins. (Its title shows,
 * and is counted, only with the row expanded.) */
static void
test_invite_count (Fixture       *fixture,
                   gconstpointer  data)
{
  VonkSession *busy = busiest_session (fixture->project);
  VonkSession *other = another_session (fixture->project, busy);
  AdwPreferencesRow *action_row = ADW_PREFERENCES_ROW (child (fixture->view,
                                                              "invite_action_row"));
  GtkButton *button = GTK_BUTTON (child (fixture->view, "invite_button"));
  g_autoptr(VonkEntity) department = g_list_model_get_item (
    vonk_project_get_list (fixture->project, VONK_TYPE_DEPARTMENT), 0);
  g_autoptr(GPtrArray) busy_rows = vonk_sessions_attendance (fixture->project, busy);
  g_autoptr(GPtrArray) everybody = vonk_sessions_find_people (fixture->project, 0, 0,
                                                              VONK_SESSIONS_ANY_ROLE);
  g_autofree char *expected = NULL;
  g_autofree char *button_label = NULL;
  gint64 department_id = vonk_entity_get_id (department);

  g_assert_cmpuint (busy_rows->len, >, 0);
  gtk_stack_set_visible_child_name (GTK_STACK (child (fixture->view, "detail_pages")), "attendance");
  vonk_sessions_view_select (VONK_SESSIONS_VIEW (fixture->view), busy);

  /* the button at once */
  button_label = g_strdup_printf ("_Invite %u People", everybody->len - busy_rows->len);
  g_assert_cmpstr (gtk_button_get_label (button), ==, button_label);

  /* the title once expanded */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (child (fixture->view, "invite_row")), TRUE);
  expected = expected_invite_title (fixture->project, busy, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (action_row), ==, expected);

  /* another session */
  vonk_sessions_view_select (VONK_SESSIONS_VIEW (fixture->view), other);
  g_free (expected);
  expected = expected_invite_title (fixture->project, other, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (action_row), ==, expected);

  /* another choice */
  vonk_test_choose (ADW_COMBO_ROW (child (fixture->view, "invite_department_row")),
                    vonk_entity_get_string (department, "name"));
  g_free (expected);
  expected = expected_invite_title (fixture->project, other, department_id);
  g_assert_cmpstr (adw_preferences_row_get_title (action_row), ==, expected);

  /* someone joins the department: counted when a session is next shown */
  vonk_test_add (fixture->project, g_object_new (VONK_TYPE_PERSON,
                                                 "name", "Nieuwe Collega",
                                                 "department-id", department_id, NULL));
  vonk_sessions_view_select (VONK_SESSIONS_VIEW (fixture->view), busy);
  g_free (expected);
  expected = expected_invite_title (fixture->project, busy, department_id);
  g_assert_cmpstr (adw_preferences_row_get_title (action_row), ==, expected);
}

static void
count_paint_cb (GdkFrameClock *clock,
                guint         *paints)
{
  (*paints)++;
}

/* Until @widget's window has painted one more frame. */
static void
wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  guint paints = 0;
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (count_paint_cb), &paints);

  gtk_widget_queue_draw (widget);
  WAIT_UNTIL (paints > 0);
  g_signal_handler_disconnect (clock, handler);
}

/* A long list of attendees comes a dozen at a time: the first dozen with
 * the session, alone in the frame that shows it, then a dozen a frame. */
static void
test_attendees_in_frames (Fixture       *fixture,
                          gconstpointer  data)
{
  VonkSession *session = find_session (fixture->project, KICK_OFF);
  GListModel *listed = G_LIST_MODEL (child (fixture->view, "attendance_sort_model"));
  g_autoptr(GPtrArray) everybody = vonk_sessions_find_people (fixture->project, 0, 0,
                                                              VONK_SESSIONS_ANY_ROLE);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (vonk_sessions_invite (fixture->project, session, everybody, &error));
  g_assert_no_error (error);
  rows = vonk_sessions_attendance (fixture->project, session);
  g_assert_cmpuint (rows->len, >, 36);

  gtk_stack_set_visible_child_name (GTK_STACK (child (fixture->view, "detail_pages")), "attendance");
  vonk_sessions_view_select (VONK_SESSIONS_VIEW (fixture->view), session);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 12);
  wait_for_frame (fixture->view);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 12);
  wait_for_frame (fixture->view);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 24);
  WAIT_UNTIL (g_list_model_get_n_items (listed) == rows->len);
}

int
main (int   argc,
      char *argv[])
{
  vonk_test_init_gui (&argc, &argv, "2026-11-27");

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/sessions-view/list-and-agenda", test_list_and_agenda);
  ADD ("/sessions-view/new-session", test_new_session);
  ADD ("/sessions-view/follow-up", test_follow_up);
  ADD ("/sessions-view/delete-undo", test_delete_undo);
  ADD ("/sessions-view/agenda-keyboard-templates", test_agenda_keyboard_and_templates);
  ADD ("/sessions-view/agenda-drop", test_agenda_drop);
  ADD ("/sessions-view/attendance", test_attendance);
  ADD ("/sessions-view/search-and-attendance-list", test_search_and_attendance_list);
  ADD ("/sessions-view/month", test_month);
  ADD ("/sessions-view/wide-list", test_wide_list);
  ADD ("/sessions-view/shortened-titles", test_shortened_titles);
  ADD ("/sessions-view/registered-counted", test_registered_counted);
  ADD ("/sessions-view/invite-count", test_invite_count);
  ADD ("/sessions-view/attendees-in-frames", test_attendees_in_frames);

  return g_test_run ();
}
